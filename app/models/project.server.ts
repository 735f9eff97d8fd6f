// The one place a project is proven to be the user's. A teacher's project is
// found with the teacher in the query's `where`; a student's with an active
// enrolment in it. What the lookups return carries a brand (`OwnedProject`,
// `EnrolledProject`) that no other module can create, and the readers of a
// class's data (app/models/insight.server.ts, insight-pages.server.ts,
// debrief.server.ts) take the branded project, not an id: an unscoped read does
// not typecheck. See docs/decisions/002-sessions-and-cookies.md.
import type { AppLoadContext, LoaderFunctionArgs } from "@remix-run/node";
import { requireStudent, requireTeacher, type SessionUser } from "~/auth/session.server";
import { prisma } from "~/db.server";
import { NOT_FOUND } from "~/domain/labels";
import { notFound } from "~/utils/http.server";
import { taughtBy } from "~/models/class-teachers.server";

// Type-only brands: these symbols are not exported, so only this module can
// say that a project was found through the teacher or the enrolment.
declare const ownedBy: unique symbol;
declare const enrolledIn: unique symbol;

function projectQuery(where: NonNullable<Parameters<typeof prisma.project.findFirst>[0]>["where"]) {
  return prisma.project.findFirst({ where, include: { classroom: { select: { id: true, name: true } } } });
}
type ProjectWithClassroom = NonNullable<Awaited<ReturnType<typeof projectQuery>>>;

/** A project found in one of the teacher's classes. */
export type OwnedProject = ProjectWithClassroom & { readonly [ownedBy]: string };
/** A published project found in a class the student is actively enrolled in. */
export type EnrolledProject = ProjectWithClassroom & { readonly [enrolledIn]: string };

/** A project in one of the teacher's classes, or null. */
export async function findTeacherProject(projectId: string, teacherId: string): Promise<OwnedProject | null> {
  const project = await projectQuery({ id: projectId, classroom: taughtBy(teacherId) });
  return project as OwnedProject | null;
}

type ProjectRow = Omit<ProjectWithClassroom, "classroom"> & { classroomName: string };

/**
 * A published project in a class the student is actively enrolled in, or null. Every student page and every attempt
 * starts here, so it is one statement (decision 016): Prisma's relation read took two and about four times the
 * JavaScript. The enrolment is in the `where`, as in every ownership check of this module.
 */
export async function findStudentProject(projectId: string, studentId: string): Promise<EnrolledProject | null> {
  const rows = await prisma.$queryRaw<ProjectRow[]>`
    SELECT p."id", p."classroomId", p."title", p."goal", p."instructions", p."status", p."publishedAt", p."createdAt", p."updatedAt",
      c."name" AS "classroomName"
    FROM "Project" p JOIN "Classroom" c ON c."id" = p."classroomId"
    WHERE p."id" = ${projectId} AND p."status" = 'PUBLISHED'
      AND EXISTS (SELECT 1 FROM "Enrollment" e WHERE e."classroomId" = p."classroomId" AND e."studentId" = ${studentId} AND e."removedAt" IS NULL)`;
  const row = rows[0];
  if (!row) return null;
  const { classroomName, ...project } = row;
  return { ...project, classroom: { id: project.classroomId, name: classroomName } } as EnrolledProject;
}

/**
 * The guard of every teacher project route (layout and children, loaders and
 * actions alike): the signed-in teacher and `params.projectId` among their
 * projects. Redirects to login without a session, 403 for a student, 404 when
 * the project is not the teacher's.
 */
export async function requireTeacherProject(request: Request, params: LoaderFunctionArgs["params"]): Promise<{ teacher: SessionUser; project: OwnedProject }> {
  const teacher = await requireTeacher(request);
  const project = await findTeacherProject(params.projectId ?? "", teacher.id);
  if (!project) notFound(NOT_FOUND.teacherProject);
  return { teacher, project };
}

/**
 * A student page's layout and page loaders both run the guard for one request.
 * Remix gives each loader its own copy of the Request but the same load
 * context, so the lookup is shared through the context (decision 016): for
 * reads only. An action, and the loaders Remix runs after it (a new GET),
 * always look again.
 */
const studentLookups = new WeakMap<AppLoadContext, Map<string, Promise<EnrolledProject | null>>>();

function findStudentProjectOnce(request: Request, context: AppLoadContext | undefined, projectId: string, studentId: string): Promise<EnrolledProject | null> {
  if (!context || (request.method !== "GET" && request.method !== "HEAD")) return findStudentProject(projectId, studentId);
  let lookups = studentLookups.get(context);
  if (!lookups) studentLookups.set(context, (lookups = new Map()));
  const key = `${studentId} ${projectId}`;
  let lookup = lookups.get(key);
  if (!lookup) {
    lookup = findStudentProject(projectId, studentId);
    lookups.set(key, lookup);
    // A failed read is not remembered.
    lookup.catch(() => lookups.delete(key));
  }
  return lookup;
}

/**
 * The student twin: `params.projectId` published in a class the student is
 * actively in, else 404 (403 for a teacher). Loaders pass their `context` to
 * share the lookup with the other loaders of the page.
 */
export async function requireStudentProject(
  request: Request,
  params: LoaderFunctionArgs["params"],
  context?: AppLoadContext,
): Promise<{ student: SessionUser; project: EnrolledProject }> {
  const student = await requireStudent(request);
  const project = await findStudentProjectOnce(request, context, params.projectId ?? "", student.id);
  if (!project) notFound(NOT_FOUND.studentProject);
  return { student, project };
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

/**
 * Every checkpoint of the project in order, retired ones too, with the title
 * of its latest version: what a page that lists checkpoints by name needs,
 * without their questions.
 */
export async function listCheckpointTitles(projectId: string): Promise<{ id: string; archivedAt: Date | null; versions: { title: string }[] }[]> {
  // One statement (decision 016): Prisma read every version of every checkpoint to keep the latest title of each.
  const rows = await prisma.$queryRaw<{ id: string; archivedAt: Date | null; title: string | null }[]>`
    SELECT c."id", c."archivedAt",
      (SELECT v."title" FROM "CheckpointVersion" v WHERE v."checkpointId" = c."id" ORDER BY v."version" DESC LIMIT 1) AS "title"
    FROM "Checkpoint" c
    WHERE c."projectId" = ${projectId}
    ORDER BY c."position"`;
  return rows.map((r) => ({ id: r.id, archivedAt: r.archivedAt, versions: r.title === null ? [] : [{ title: r.title }] }));
}

/** A student in one of the teacher's classes (active or removed — their work is kept). */
export function findTeacherStudent(studentId: string, classroomId: string, teacherId: string) {
  return prisma.user.findFirst({
    where: { id: studentId, role: "STUDENT", enrollments: { some: { classroomId, classroom: taughtBy(teacherId) } } },
    select: { id: true, name: true, email: true },
  });
}
