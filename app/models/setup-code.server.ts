// One-time set-up codes: how an account gets a new password when no email can
// be sent. A teacher gives one to a student of their class who forgot their
// password; students imported from a roster will get one to choose their
// first password. A code is shown once, stored only as an argon2 hash, works
// once, ends after SETUP_CODE_HOURS, and a new one replaces the old. Using it
// sets the password and ends every session of the account.
import { dummyPasswordHash, hasUsablePassword, hashPassword, verifyPassword } from "~/auth/password.server";
import { prisma } from "~/db.server";
import type { Role } from "~/domain/roles";
import { generateSetupCode, normalizeSetupCode } from "~/domain/setup-code";
import { taughtBy } from "~/models/class-teachers.server";
import { mapWithConcurrency } from "~/utils/concurrency";

/** Three days: a code given on Friday still works on Monday morning. */
export const SETUP_CODE_HOURS = 72;

/**
 * How many set-up codes a sign-in sheet hashes at once: argon2 (19 MiB, run on
 * libuv's pool of four threads) for 150 students one after another took over
 * two seconds; four at a time keeps every core busy and memory bounded.
 */
export const SHEET_HASHES_AT_ONCE = 4;

export type IssuedSetupCode = { code: string; expiresAt: Date };

/** A new code and its hash (argon2, like a password). */
async function newSetupCode(): Promise<{ code: string; codeHash: string }> {
  const code = generateSetupCode();
  return { code, codeHash: await hashPassword(normalizeSetupCode(code)) };
}

/** A new code for any account, replacing the one it had. The code is returned once and never stored. */
export async function issueSetupCode(userId: string, now = new Date()): Promise<IssuedSetupCode> {
  const { code, codeHash } = await newSetupCode();
  const expiresAt = new Date(now.getTime() + SETUP_CODE_HOURS * 3_600_000);
  await prisma.setupCode.upsert({
    where: { userId },
    create: { userId, codeHash, expiresAt, createdAt: now },
    update: { codeHash, expiresAt, createdAt: now },
  });
  return { code, expiresAt };
}

/**
 * A code for a student, given by the teacher of a class the student is in now:
 * the ownership and the enrolment are in the query, so for anyone else's class
 * or a student who is not (or no longer) in it there is nothing (null).
 */
export async function issueSetupCodeForStudent({
  teacherId,
  classroomId,
  studentId,
}: {
  teacherId: string;
  classroomId: string;
  studentId: string;
}): Promise<(IssuedSetupCode & { student: { id: string; name: string } }) | null> {
  const enrollment = await prisma.enrollment.findFirst({
    // Not for an account a roster import enrolled that was there already: its owner chose its password, and a
    // teacher who typed their email into a roster must not be able to take it over (decision 024).
    where: { classroomId, studentId, removedAt: null, student: { role: "STUDENT" }, classroom: taughtBy(teacherId), OR: [{ addedBy: null }, { addedBy: { not: "ROSTER_EXISTING" } }] },
    select: { student: { select: { id: true, name: true } } },
  });
  if (!enrollment) return null;
  return { ...(await issueSetupCode(enrollment.student.id)), student: enrollment.student };
}

export type RedeemResult = { ok: true; user: { id: string; role: Role } } | { ok: false; reason: "mismatch" | "expired" };

/**
 * Sets a new password with a set-up code. The same work is done for an
 * unknown email, an account without a code and a wrong code (one hash check),
 * and they get one answer, so trying codes tells nothing about who has one.
 * Only someone with the right code learns that it expired.
 */
export async function redeemSetupCode(email: string, code: string, newPassword: string, now = new Date()): Promise<RedeemResult> {
  const user = await prisma.user.findUnique({
    where: { email },
    select: { id: true, role: true, setupCode: { select: { id: true, codeHash: true, expiresAt: true } } },
  });
  const stored = user?.setupCode;
  const matches = await verifyPassword(stored?.codeHash ?? (await dummyPasswordHash()), normalizeSetupCode(code));
  if (!user || !stored || !matches) return { ok: false, reason: "mismatch" };
  if (stored.expiresAt.getTime() <= now.getTime()) return { ok: false, reason: "expired" };
  const passwordHash = await hashPassword(newPassword);
  const used = await prisma.$transaction(async (tx) => {
    // Single use: only the request that deletes this very code goes on (another
    // using it at the same moment, or a new code issued meanwhile, wins instead).
    const { count } = await tx.setupCode.deleteMany({ where: { id: stored.id, codeHash: stored.codeHash } });
    if (count !== 1) return false;
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    await tx.session.deleteMany({ where: { userId: user.id } });
    return true;
  });
  if (!used) return { ok: false, reason: "mismatch" };
  return { ok: true, user: { id: user.id, role: user.role as Role } };
}

/** Deletes codes past their end; returns how many. */
export async function purgeExpiredSetupCodes(now = new Date()): Promise<number> {
  const { count } = await prisma.setupCode.deleteMany({ where: { expiresAt: { lte: now } } });
  return count;
}

export interface SignInCard {
  studentId: string;
  name: string;
  email: string;
  /** A new code, when one was made now (shown this once). */
  code: string | null;
  expiresAt: Date | null;
  /** Whether the student has chosen a password (an imported account has not, until its code is used). */
  hasPassword: boolean;
}

/**
 * The sign-in sheet of a class (decision 024): a card for every student in it,
 * and new set-up codes for those who need one — "new": the students who have
 * not chosen a password yet; "all": every student the teacher may give a code
 * to (not the accounts a roster enrolled that were already there). A code
 * replaces the student's earlier one; codes are stored hashed, so this is the
 * one time they can be shown. The codes are hashed a few at a time
 * (SHEET_HASHES_AT_ONCE) and stored together: all of them replace the old
 * ones, or (a failed save) none do. Null when the class is not the teacher's.
 */
export async function issueSignInSheet(teacherId: string, classroomId: string, who: "new" | "all", now = new Date()): Promise<SignInCard[] | null> {
  const classroom = await prisma.classroom.findFirst({
    where: { id: classroomId, archivedAt: null, ...taughtBy(teacherId) },
    select: { enrollments: { where: { removedAt: null, student: { role: "STUDENT" } }, select: { addedBy: true, student: { select: { id: true, name: true, email: true, passwordHash: true } } } } },
  });
  if (!classroom) return null;
  const students = [...classroom.enrollments]
    .sort((a, b) => a.student.name.localeCompare(b.student.name, "en-GB") || a.student.email.localeCompare(b.student.email))
    .map(({ addedBy, student }) => {
      const hasPassword = hasUsablePassword(student.passwordHash);
      // Never for an account a roster found already there (its owner's), whatever its password (decision 024).
      return { student, hasPassword, gets: addedBy !== "ROSTER_EXISTING" && (who === "all" || !hasPassword) };
    });
  const codes = await mapWithConcurrency(students, SHEET_HASHES_AT_ONCE, async ({ gets }) => (gets ? newSetupCode() : null));
  const expiresAt = new Date(now.getTime() + SETUP_CODE_HOURS * 3_600_000);
  await prisma.$transaction(
    students.flatMap(({ student }, i) => {
      const codeHash = codes[i]?.codeHash;
      if (!codeHash) return [];
      return [prisma.setupCode.upsert({ where: { userId: student.id }, create: { userId: student.id, codeHash, expiresAt, createdAt: now }, update: { codeHash, expiresAt, createdAt: now } })];
    }),
  );
  return students.map(({ student, hasPassword }, i) => {
    const code = codes[i]?.code ?? null;
    return { studentId: student.id, name: student.name, email: student.email, code, expiresAt: code ? expiresAt : null, hasPassword };
  });
}
