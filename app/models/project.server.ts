// Ownership-checked lookups of projects, shared by teacher and student routes.
// The check sits in the query's `where`: a project that is not the user's is
// simply not found.
import { prisma } from "~/db.server";

/** A project in one of the teacher's classes, or null. */
export function findTeacherProject(projectId: string, teacherId: string) {
  return prisma.project.findFirst({
    where: { id: projectId, classroom: { teacherId } },
    include: { classroom: { select: { id: true, name: true } } },
  });
}

/** A published project in a class the student is actively enrolled in, or null. */
export function findStudentProject(projectId: string, studentId: string) {
  return prisma.project.findFirst({
    where: {
      id: projectId,
      status: "PUBLISHED",
      classroom: { enrollments: { some: { studentId, removedAt: null } } },
    },
    include: { classroom: { select: { id: true, name: true } } },
  });
}

/**
 * The project's live checkpoints in order, each with its latest version.
 * Archived checkpoints are left out.
 */
export function checkpointsWithLatestVersion(projectId: string) {
  return prisma.checkpoint.findMany({
    where: { projectId, archivedAt: null },
    orderBy: { position: "asc" },
    include: { versions: { orderBy: { version: "desc" }, take: 1 } },
  });
}

/** A student in one of the teacher's classes (active or removed — their work is kept). */
export function findTeacherStudent(studentId: string, classroomId: string, teacherId: string) {
  return prisma.user.findFirst({
    where: { id: studentId, role: "STUDENT", enrollments: { some: { classroomId, classroom: { teacherId } } } },
    select: { id: true, name: true, email: true },
  });
}
