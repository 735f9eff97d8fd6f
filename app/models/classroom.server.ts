import { prisma } from "~/db.server";
import type { Prisma } from "~/generated/prisma/client";
import { generateJoinCode } from "~/domain/join-code";
import { isUniqueViolation } from "~/utils/prisma-errors.server";
import { taughtBy } from "~/models/class-teachers.server";

/** Creates a classroom taught by its maker, with a fresh join code (retrying on the rare collision). */
export async function createClassroom(teacherId: string, name: string) {
  for (let tries = 0; ; tries++) {
    try {
      return await prisma.classroom.create({ data: { name, joinCode: generateJoinCode(), teachers: { create: { teacherId, source: "CREATED" } } } });
    } catch (error) {
      if (tries < 5 && isUniqueViolation(error)) continue;
      throw error;
    }
  }
}

export async function regenerateJoinCode(classroomId: string, teacherId: string) {
  for (let tries = 0; ; tries++) {
    try {
      const result = await prisma.classroom.updateMany({
        where: { id: classroomId, ...taughtBy(teacherId) },
        data: { joinCode: generateJoinCode() },
      });
      return result.count === 1;
    } catch (error) {
      if (tries < 5 && isUniqueViolation(error)) continue;
      throw error;
    }
  }
}

/** A classroom the person teaches, or null. */
export function findTeacherClassroom(classroomId: string, teacherId: string) {
  return prisma.classroom.findFirst({ where: { id: classroomId, ...taughtBy(teacherId) } });
}

export type EnrolmentResult =
  | { status: "joined" | "rejoined" | "already"; classroom: { id: string; name: string } }
  /** The teacher blocked this student from rejoining, or the class is archived: nobody gets in. */
  | { status: "refused" };

/**
 * The one way into a class. Every way a student can be enrolled (the join
 * code now; roster imports and LMS syncs later) must call this, so a teacher's
 * block holds against all of them: a student the teacher removed and blocked
 * is refused until the teacher lifts the block ("Allow back"). A removed
 * student who is not blocked comes back with their earlier work. An archived
 * class (its teacher left) takes nobody. A test checks that no other module
 * creates or reactivates an enrolment.
 */
export async function enrollStudent(
  classroomId: string,
  studentId: string,
  /**
   * A roster import enrols inside its own transaction (`db`), and says how the
   * student came in (`addedBy`, decision 024); a student joining by themselves
   * (the join code) has none, and coming back that way clears it.
   */
  options: { db?: Prisma.TransactionClient; addedBy?: "ROSTER_NEW" | "ROSTER_EXISTING" } = {},
): Promise<EnrolmentResult> {
  const db = options.db ?? prisma;
  const addedBy = options.addedBy ?? null;
  const classroom = await db.classroom.findFirst({ where: { id: classroomId, archivedAt: null }, select: { id: true, name: true } });
  if (!classroom) return { status: "refused" };
  for (let round = 0; round < 3; round++) {
    const existing = await db.enrollment.findUnique({
      where: { classroomId_studentId: { classroomId, studentId } },
      select: { id: true, removedAt: true, blockedAt: true },
    });
    if (existing?.blockedAt) return { status: "refused" };
    if (existing && !existing.removedAt) return { status: "already", classroom };
    if (existing) {
      // Only while still unblocked: a block set a moment ago wins.
      const back = await db.enrollment.updateMany({
        where: { id: existing.id, blockedAt: null, removedAt: { not: null } },
        data: { removedAt: null, joinedAt: new Date(), addedBy },
      });
      if (back.count === 1) return { status: "rejoined", classroom };
      continue;
    }
    try {
      await db.enrollment.create({ data: { classroomId, studentId, addedBy } });
      return { status: "joined", classroom };
    } catch (error) {
      // The same student enrolled by another request at the same moment: read again
      // (inside a transaction the error ends it on PostgreSQL, so it goes up: the import is retried whole).
      if (!isUniqueViolation(error) || options.db) throw error;
    }
  }
  return { status: "already", classroom };
}

/** A class open to join by this code (archived classes take nobody), or null. */
export function findClassroomByJoinCode(joinCode: string) {
  return prisma.classroom.findFirst({ where: { joinCode, archivedAt: null }, select: { id: true, name: true } });
}

/**
 * Removes a student from the teacher's class; their work is kept. With
 * `block`, they cannot come back by any way in until the teacher allows them
 * back. Returns false when there is no such active enrolment in this class.
 */
export async function removeStudent(
  input: { classroomId: string; teacherId: string; block: boolean } & ({ enrollmentId: string } | { studentId: string }),
  /** A roster import removes inside its own transaction (decision 024). */
  db: Prisma.TransactionClient | typeof prisma = prisma,
): Promise<boolean> {
  const now = new Date();
  const which = "enrollmentId" in input ? { id: input.enrollmentId } : { studentId: input.studentId };
  const removed = await db.enrollment.updateMany({
    where: { ...which, removedAt: null, classroom: { id: input.classroomId, ...taughtBy(input.teacherId) } },
    data: { removedAt: now, blockedAt: input.block ? now : null },
  });
  return removed.count === 1;
}

/**
 * Blocks a removed student from rejoining, or lifts the block ("Allow back":
 * they may join again with the code, and their earlier work is still there).
 * Only a removed student's enrolment can carry a block. False when there is no
 * such removed student in the teacher's class.
 */
export async function setRejoinBlock(input: { classroomId: string; teacherId: string; enrollmentId: string; blocked: boolean }): Promise<boolean> {
  const changed = await prisma.enrollment.updateMany({
    where: {
      id: input.enrollmentId,
      removedAt: { not: null },
      blockedAt: input.blocked ? null : { not: null },
      classroom: { id: input.classroomId, ...taughtBy(input.teacherId) },
    },
    data: { blockedAt: input.blocked ? new Date() : null },
  });
  return changed.count === 1;
}

/** What a student reads when enrolStudent refuses them: plain, blameless, and nothing more. */
export const JOIN_REFUSED = "You can't join this class right now. Ask your teacher.";
