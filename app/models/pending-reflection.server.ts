// Reflections a student still owes themselves: every "not yet" attempt of
// theirs in a project stays offered for a reflection until they write one on
// it or dismiss it. Every query is scoped by the student and the project.
import { prisma } from "~/db.server";
import { effectiveOutcome } from "~/domain/progress";
import { isUniqueViolation } from "~/utils/prisma-errors.server";

export type ReflectionStatus = "pending" | "written" | "dismissed";

/** The student's attempts in a project with what decides their reflection status. */
function attemptsWithReflections(studentId: string, projectId: string, attemptIds?: string[]) {
  return prisma.attempt.findMany({
    where: { studentId, checkpoint: { projectId }, ...(attemptIds ? { id: { in: attemptIds } } : {}) },
    orderBy: [{ createdAt: "asc" }],
    select: {
      id: true,
      number: true,
      outcome: true,
      createdAt: true,
      checkpointId: true,
      checkpoint: { select: { archivedAt: true, versions: { orderBy: { version: "desc" }, take: 1, select: { title: true } } } },
      reviews: { orderBy: { createdAt: "asc" }, select: { role: true, verdict: true, createdAt: true } },
      journalEntries: { where: { studentId, status: "SUBMITTED" }, select: { id: true }, take: 1 },
      reflectionDismissal: { select: { id: true } },
    },
  });
}

function statusOf(a: Awaited<ReturnType<typeof attemptsWithReflections>>[number]): ReflectionStatus | null {
  if (effectiveOutcome(a) !== "NOT_YET") return null;
  if (a.journalEntries.length) return "written";
  if (a.reflectionDismissal) return "dismissed";
  return "pending";
}

/** Reflection status of each of these attempts ("not yet" ones only), by attempt id. */
export async function reflectionStatuses(studentId: string, projectId: string, attemptIds: string[]): Promise<Map<string, ReflectionStatus>> {
  const statuses = new Map<string, ReflectionStatus>();
  if (!attemptIds.length) return statuses;
  for (const a of await attemptsWithReflections(studentId, projectId, attemptIds)) {
    const status = statusOf(a);
    if (status) statuses.set(a.id, status);
  }
  return statuses;
}

/** "Not yet" attempts on live checkpoints still waiting for a reflection, oldest first. */
export async function listPendingReflections(studentId: string, projectId: string) {
  const attempts = await attemptsWithReflections(studentId, projectId);
  return attempts
    .filter((a) => !a.checkpoint.archivedAt && statusOf(a) === "pending")
    .map((a) => ({ attemptId: a.id, number: a.number, createdAt: a.createdAt, checkpointId: a.checkpointId, checkpointTitle: a.checkpoint.versions[0]?.title ?? "Checkpoint" }));
}

/**
 * The student chose not to reflect on this attempt now. Only their own "not
 * yet" attempt in this project; dismissing twice is one dismissal.
 */
export async function dismissReflection(studentId: string, projectId: string, attemptId: string): Promise<boolean> {
  const [attempt] = await attemptsWithReflections(studentId, projectId, [attemptId]);
  if (!attempt || statusOf(attempt) === null) return false;
  try {
    await prisma.reflectionDismissal.create({ data: { attemptId: attempt.id, studentId } });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  return true;
}
