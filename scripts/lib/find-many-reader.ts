// The four large tables of a project read through Prisma's findMany, for
// `npm run bench` and the test that checks the app's lean SELECTs read the
// same rows (loadProjectData's readTables option).
import { prisma } from "~/db.server";
import type { AttemptRead, JournalRead, LargeTables } from "~/models/insight.server";

// Every column of a row as the lean reader returns it: the type says which, so
// both readers read the same columns.
type Columns<Row> = Record<keyof Row, true>;
const attemptColumns = { id: true, studentId: true, checkpointId: true, checkpointVersionId: true, number: true, createdAt: true, answer: true, outcome: true, confidence: true } as const satisfies Columns<AttemptRead>;
const journalColumns = { id: true, studentId: true, checkpointId: true, attemptId: true, responses: true, confidence: true, supportNeeded: true, supportResolvedAt: true, submittedAt: true, createdAt: true } as const satisfies Columns<JournalRead>;

export function readWithFindMany(projectId: string): Promise<LargeTables> {
  const onProject = { checkpoint: { projectId } };
  return Promise.all([
    prisma.attempt.findMany({ where: onProject, select: attemptColumns }),
    prisma.attemptReview.findMany({
      where: { attempt: onProject },
      select: { attemptId: true, role: true, verdict: true, createdAt: true },
    }),
    prisma.attemptMisconception.findMany({
      where: { attempt: onProject },
      select: { attemptId: true, misconceptionId: true, source: true, active: true, createdAt: true },
    }),
    prisma.journalEntry.findMany({ where: { projectId, status: "SUBMITTED" }, select: journalColumns }),
  ]);
}
