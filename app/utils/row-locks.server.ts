// Read-then-write steps that must not interleave with the same steps of another
// request (the next attempt number, the attempts left, a name not yet taken, the
// next comment version) run in a transaction that first takes the write lock of
// the record they belong to (decision 011).
// - PostgreSQL: SELECT … FOR NO KEY UPDATE holds the row until the transaction
//   ends; a second request waits there, then reads what the first committed.
//   Rows that only reference the record (new attempts, sessions) are not held up.
// - SQLite: Prisma's adapter runs one transaction at a time per process and
//   SQLite has one writer, so the transaction is already the lock.
import { databaseEngine } from "~/db.server";
import { Prisma } from "~/generated/prisma/client";

const LOCKS = {
  /** A student's (or teacher's) own writes: attempts on any checkpoint. */
  User: (id: string) => Prisma.sql`SELECT 1 FROM "User" WHERE "id" = ${id} FOR NO KEY UPDATE`,
  /** Writes that must see the whole project: misconception names. */
  Project: (id: string) => Prisma.sql`SELECT 1 FROM "Project" WHERE "id" = ${id} FOR NO KEY UPDATE`,
  /** A comment's versions. */
  TeacherComment: (id: string) => Prisma.sql`SELECT 1 FROM "TeacherComment" WHERE "id" = ${id} FOR NO KEY UPDATE`,
  /** A group feedback's version and its deliveries (one comment per student). */
  GroupFeedback: (id: string) => Prisma.sql`SELECT 1 FROM "GroupFeedback" WHERE "id" = ${id} FOR NO KEY UPDATE`,
  /** A learning goal's status, set together with the note that changes it. */
  LearningGoal: (id: string) => Prisma.sql`SELECT 1 FROM "LearningGoal" WHERE "id" = ${id} FOR NO KEY UPDATE`,
} as const;

/** Inside a transaction: waits for, then holds until the transaction ends, the row's write lock. */
export async function lockRow(tx: Prisma.TransactionClient, table: keyof typeof LOCKS, id: string): Promise<void> {
  if (databaseEngine === "postgres") await tx.$queryRaw(LOCKS[table](id));
}
