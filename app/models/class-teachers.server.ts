// The teachers of a class (decision 021). A class can have several, all with
// the same rights: every query that reads or writes a class's data puts
// `taughtBy(teacherId)` in its `where`, so a co-teacher passes every guard the
// first teacher does and nobody else does.
import { createHash, randomInt } from "node:crypto";
import { prisma } from "~/db.server";
import type { Prisma } from "~/generated/prisma/client";
import { JOIN_CODE_ALPHABET } from "~/domain/join-code";
import { normalizeSetupCode } from "~/domain/setup-code";
import { isUniqueViolation } from "~/utils/prisma-errors.server";

type Db = Prisma.TransactionClient | typeof prisma;

export type ClassTeacherSource = "CREATED" | "INVITE" | "HANDOVER" | "ROSTER" | "LTI";

/** The `where` fragment for a class this person teaches (on Classroom, or under `classroom:`). */
export function taughtBy(teacherId: string) {
  return { teachers: { some: { teacherId } } } satisfies Prisma.ClassroomWhereInput;
}

/** Makes someone a teacher of a class; nothing changes when they already are. */
export async function addClassTeacher(db: Db, classroomId: string, teacherId: string, source: ClassTeacherSource): Promise<void> {
  try {
    await db.classTeacher.upsert({
      where: { classroomId_teacherId: { classroomId, teacherId } },
      create: { classroomId, teacherId, source },
      update: {},
    });
  } catch (error) {
    // Two requests adding the same teacher at once: the other one won.
    if (!isUniqueViolation(error)) throw error;
  }
}

/** The class's teachers, first to join first; for a teacher of it only. */
export async function listClassTeachers(classroomId: string, teacherId: string) {
  return prisma.classTeacher.findMany({
    where: { classroomId, classroom: taughtBy(teacherId) },
    orderBy: { addedAt: "asc" },
    select: { id: true, addedAt: true, source: true, teacher: { select: { id: true, name: true, email: true } } },
  });
}

/** Three days, like a set-up code: an invitation given on Friday still works on Monday. */
export const CO_TEACHER_INVITE_HOURS = 72;
const INVITE_GROUPS = 3;

/** Twelve characters in three groups from the join codes' alphabet: about 56 bits. */
export function generateInviteCode(random: (max: number) => number = randomInt): string {
  const group = () => Array.from({ length: 4 }, () => JOIN_CODE_ALPHABET[random(JOIN_CODE_ALPHABET.length)]).join("");
  return Array.from({ length: INVITE_GROUPS }, group).join("-");
}

const hashInvite = (code: string) => createHash("sha256").update(normalizeSetupCode(code)).digest("hex");

/**
 * A new co-teacher invitation for a class the person teaches, replacing the
 * class's outstanding one. The code is returned once and stored only hashed;
 * null when they do not teach the class (or it is archived).
 */
export async function createCoTeacherInvite(classroomId: string, teacherId: string, now = new Date()): Promise<{ code: string; expiresAt: Date } | null> {
  const classroom = await prisma.classroom.findFirst({ where: { id: classroomId, archivedAt: null, ...taughtBy(teacherId) }, select: { id: true } });
  if (!classroom) return null;
  const code = generateInviteCode();
  const expiresAt = new Date(now.getTime() + CO_TEACHER_INVITE_HOURS * 3_600_000);
  const data = { codeHash: hashInvite(code), createdById: teacherId, createdAt: now, expiresAt };
  await prisma.classTeacherInvite.upsert({ where: { classroomId: classroom.id }, create: { classroomId: classroom.id, ...data }, update: data });
  return { code, expiresAt };
}

/** Ends the class's outstanding invitation; false when there was none (or not their class). */
export async function cancelCoTeacherInvite(classroomId: string, teacherId: string): Promise<boolean> {
  const { count } = await prisma.classTeacherInvite.deleteMany({ where: { classroomId, classroom: taughtBy(teacherId) } });
  return count > 0;
}

/** Whether the class has an invitation that still works, and until when. */
export function outstandingInvite(classroomId: string, teacherId: string, now = new Date()) {
  return prisma.classTeacherInvite.findFirst({
    where: { classroomId, classroom: taughtBy(teacherId), expiresAt: { gt: now } },
    select: { expiresAt: true, createdAt: true },
  });
}

export type AcceptInviteResult =
  | { ok: true; classroom: { id: string; name: string }; already: boolean }
  | { ok: false; reason: "unknown" | "expired" };

/**
 * A teacher enters an invitation code: they become a teacher of its class and
 * the code is used up. An unknown code and one that ended answer alike except
 * that the person holding a real code learns it ended.
 */
export async function acceptCoTeacherInvite(code: string, teacherId: string, now = new Date()): Promise<AcceptInviteResult> {
  return prisma.$transaction(async (tx) => {
    const invite = await tx.classTeacherInvite.findUnique({
      where: { codeHash: hashInvite(code) },
      select: { id: true, expiresAt: true, createdById: true, classroom: { select: { id: true, name: true, archivedAt: true } } },
    });
    // A code counts only while the teacher who made it still teaches the class.
    const makerTeaches = invite ? (await tx.classTeacher.count({ where: { classroomId: invite.classroom.id, teacherId: invite.createdById } })) > 0 : false;
    if (!invite || invite.classroom.archivedAt || !makerTeaches) return { ok: false, reason: "unknown" } as const;
    if (invite.expiresAt <= now) return { ok: false, reason: "expired" } as const;
    const already = (await tx.classTeacher.count({ where: { classroomId: invite.classroom.id, teacherId } })) > 0;
    // The code works once: used by its teacher, it is gone.
    await tx.classTeacherInvite.deleteMany({ where: { id: invite.id } });
    if (!already) await addClassTeacher(tx, invite.classroom.id, teacherId, "INVITE");
    return { ok: true, classroom: { id: invite.classroom.id, name: invite.classroom.name }, already } as const;
  });
}

export type RemoveTeacherResult = { ok: true; self: boolean } | { ok: false; reason: "not-found" | "last-teacher" };

/**
 * Removes a teacher from a class (a teacher of it may remove a co-teacher or
 * leave). The last teacher cannot leave: a class always has someone who
 * teaches it until it is archived. Their comments, marks and groups stay.
 */
export async function removeClassTeacher(classroomId: string, byTeacherId: string, classTeacherId: string): Promise<RemoveTeacherResult> {
  return prisma.$transaction(async (tx) => {
    const row = await tx.classTeacher.findFirst({ where: { id: classTeacherId, classroomId, classroom: taughtBy(byTeacherId) }, select: { id: true, teacherId: true } });
    if (!row) return { ok: false, reason: "not-found" } as const;
    const count = await tx.classTeacher.count({ where: { classroomId } });
    if (count <= 1) return { ok: false, reason: "last-teacher" } as const;
    await tx.classTeacher.delete({ where: { id: row.id } });
    // An invitation they made goes with them: they cannot come back with their own code.
    await tx.classTeacherInvite.deleteMany({ where: { classroomId, createdById: row.teacherId } });
    // Two teachers removing each other at once must not leave the class to nobody.
    if ((await tx.classTeacher.count({ where: { classroomId } })) === 0) throw new Error("A class must keep at least one teacher.");
    return { ok: true, self: row.teacherId === byTeacherId } as const;
  });
}
