// Reflections a student still owes themselves: every "not yet" attempt of
// theirs in a project stays offered for a reflection until they write one on
// it or dismiss it. Every query is scoped by the student and the project.
import { prisma } from "~/db.server";
import { effectiveOutcome, type AttemptFacts } from "~/domain/progress";
import { isUniqueViolation } from "~/utils/prisma-errors.server";

export type ReflectionStatus = "pending" | "written" | "dismissed";

/** What decides an attempt's reflection status: read with the attempt (`reflectionFields`). */
interface ReflectionFacts extends AttemptFacts {
  journalEntries: unknown[];
  reflectionDismissal: unknown;
}

/** The student's own submitted journal entry on an attempt (one is enough) and their dismissal: selected with an attempt of theirs. */
export const reflectionFields = (studentId: string) =>
  ({
    journalEntries: { where: { studentId, status: "SUBMITTED" }, select: { id: true }, take: 1 },
    reflectionDismissal: { select: { id: true } },
  }) as const;

/** Whether a "not yet" attempt still waits for a reflection, got one, or was set aside; null for other attempts. */
export function reflectionStatusOf(a: ReflectionFacts): ReflectionStatus | null {
  if (effectiveOutcome(a) !== "NOT_YET") return null;
  if (a.journalEntries.length) return "written";
  if (a.reflectionDismissal) return "dismissed";
  return "pending";
}

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
      ...reflectionFields(studentId),
    },
  });
}



/** "Not yet" attempts on live checkpoints still waiting for a reflection, oldest first. */
export async function listPendingReflections(studentId: string, projectId: string) {
  const attempts = await attemptsWithReflections(studentId, projectId);
  return attempts
    .filter((a) => !a.checkpoint.archivedAt && reflectionStatusOf(a) === "pending")
    .map((a) => ({ attemptId: a.id, number: a.number, createdAt: a.createdAt, checkpointId: a.checkpointId, checkpointTitle: a.checkpoint.versions[0]?.title ?? "Checkpoint" }));
}

/**
 * The student chose not to reflect on this attempt now. Only their own "not
 * yet" attempt in this project; dismissing twice is one dismissal.
 */
export async function dismissReflection(studentId: string, projectId: string, attemptId: string): Promise<boolean> {
  const [attempt] = await attemptsWithReflections(studentId, projectId, [attemptId]);
  if (!attempt || reflectionStatusOf(attempt) === null) return false;
  try {
    await prisma.reflectionDismissal.create({ data: { attemptId: attempt.id, studentId } });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  return true;
}
