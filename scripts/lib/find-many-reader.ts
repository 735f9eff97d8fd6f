// The four large tables of a project read through Prisma's findMany, for
// `npm run bench` and the test that checks the app's lean SELECTs read the
// same rows (loadProjectData's readTables option).
import { prisma } from "~/db.server";
import type { LargeTables } from "~/models/insight.server";

export function readWithFindMany(projectId: string): Promise<LargeTables> {
  const onProject = { checkpoint: { projectId } };
  return Promise.all([
    prisma.attempt.findMany({
      where: onProject,
      select: {
        id: true,
        studentId: true,
        checkpointId: true,
        checkpointVersionId: true,
        number: true,
        createdAt: true,
        answer: true,
        outcome: true,
        confidence: true,
      },
    }),
    prisma.attemptReview.findMany({
      where: { attempt: onProject },
      select: { attemptId: true, role: true, verdict: true, createdAt: true },
    }),
    prisma.attemptMisconception.findMany({
      where: { attempt: onProject },
      select: { attemptId: true, misconceptionId: true, source: true, active: true, createdAt: true },
    }),
    prisma.journalEntry.findMany({
      where: { projectId, status: "SUBMITTED" },
      select: {
        id: true,
        studentId: true,
        checkpointId: true,
        attemptId: true,
        responses: true,
        confidence: true,
        supportNeeded: true,
        supportResolvedAt: true,
        submittedAt: true,
        createdAt: true,
      },
    }),
  ]);
}
