// Writing misconception tags (AttemptMisconception, one row per attempt and
// misconception): the primitives the answer groups use (CLUSTER rows, never
// over a teacher's row) and the teacher's own corrections on any attempt, from
// the per-checkpoint page or the insight drill-down across checkpoints: a
// TEACHER row, upserted active to add a tag, or the existing row (machine or
// not) updated to active=false to remove one, so the record is kept and neither
// the answer's own rule (prepare.ts: teacher rows win) nor the machine's
// grouping can bring the tag back (decision 003).
import { prisma } from "~/db.server";
import { clusterTagWrite, clusterUntagWrite, teacherTagWrite } from "~/domain/insight/answer-groups";
import type { Prisma } from "~/generated/prisma/client";
import { transactionRetryingOnce } from "~/utils/prisma-errors.server";
import { taughtBy } from "~/models/class-teachers.server";

type Tx = Prisma.TransactionClient;

export interface TagCounts {
  tagged: number;
  /** Attempts where a teacher's own row for the misconception stays as it is. */
  keptTeacher: number;
}

/** Tags attempts with a named group's misconception (source CLUSTER), never over a teacher's row. */
export async function applyClusterTags(tx: Tx, attemptIds: string[], misconceptionId: string, setById: string | null): Promise<TagCounts> {
  if (attemptIds.length === 0) return { tagged: 0, keptTeacher: 0 };
  const existing = await tx.attemptMisconception.findMany({
    where: { attemptId: { in: attemptIds }, misconceptionId },
    select: { id: true, attemptId: true, source: true, active: true },
  });
  const byAttempt = new Map(existing.map((r) => [r.attemptId, r]));
  const creates: string[] = [];
  const updates: string[] = [];
  let keptTeacher = 0;
  for (const attemptId of new Set(attemptIds)) {
    const row = byAttempt.get(attemptId);
    const write = clusterTagWrite(row);
    if (write.kind === "create") creates.push(attemptId);
    else if (write.kind === "update") updates.push(row!.id);
    else if (row?.source === "TEACHER") keptTeacher++;
  }
  if (creates.length) {
    await tx.attemptMisconception.createMany({ data: creates.map((attemptId) => ({ attemptId, misconceptionId, source: "CLUSTER", active: true, setById })) });
  }
  if (updates.length) {
    await tx.attemptMisconception.updateMany({ where: { id: { in: updates } }, data: { source: "CLUSTER", active: true, setById } });
  }
  return { tagged: creates.length + updates.length, keptTeacher };
}

/** Takes a group's misconception back from its answers: only the active CLUSTER rows. */
export async function removeClusterTags(tx: Tx, attemptIds: string[], misconceptionId: string) {
  if (attemptIds.length === 0) return;
  const existing = await tx.attemptMisconception.findMany({
    where: { attemptId: { in: attemptIds }, misconceptionId },
    select: { id: true, source: true, active: true },
  });
  const ids = existing.filter((r) => clusterUntagWrite(r).kind === "update").map((r) => r.id);
  if (ids.length) await tx.attemptMisconception.updateMany({ where: { id: { in: ids } }, data: { active: false } });
}

/** The teacher's own decision about one attempt and misconception (TEACHER row; the unique pair means one row, updated). */
export async function writeTeacherTag(tx: Tx, attemptId: string, misconceptionId: string, active: boolean, teacherId: string): Promise<boolean> {
  const existing = await tx.attemptMisconception.findUnique({
    where: { attemptId_misconceptionId: { attemptId, misconceptionId } },
    select: { id: true, source: true, active: true },
  });
  const write = teacherTagWrite(existing, active);
  if (write.kind === "create") {
    await tx.attemptMisconception.create({ data: { attemptId, misconceptionId, source: "TEACHER", active, setById: teacherId } });
  } else if (write.kind === "update") {
    await tx.attemptMisconception.update({ where: { id: existing!.id }, data: { source: "TEACHER", active, setById: teacherId } });
  }
  return write.kind !== "none";
}

export interface TagCorrection {
  teacherId: string;
  projectId: string;
  attemptId: string;
  misconceptionId: string;
  /** true: the attempt shows this misconception; false: it does not. */
  active: boolean;
}

/** What a tag correction did, or why it did nothing; the page puts it in words (app/components/action-words.ts). */
export type TagCorrectionResult =
  | { ok: true; done: { kind: "tag-set"; misconception: string; active: boolean } }
  | { ok: false; field: "attemptId"; reason: "attempt-not-in-project" | "answer-not-on-checkpoint" }
  | { ok: false; field: "misconceptionId"; reason: "misconception-not-in-project" };

/**
 * Sets (active) or removes (inactive) a misconception on an attempt as the
 * teacher's decision. The attempt must be on a checkpoint of a project of this
 * teacher (checked in the query's where), and the misconception must belong to
 * that project (checked by setAttemptTag); otherwise nothing is written.
 */
export async function setAttemptMisconception(input: TagCorrection): Promise<TagCorrectionResult> {
  const { teacherId, projectId, attemptId, misconceptionId, active } = input;
  const attempt = await prisma.attempt.findFirst({
    where: { id: attemptId, checkpoint: { projectId, project: { id: projectId, classroom: taughtBy(teacherId) } } },
    select: { id: true, checkpointId: true },
  });
  if (!attempt) return { ok: false, field: "attemptId", reason: "attempt-not-in-project" };
  const result = await setAttemptTag({ projectId, checkpointId: attempt.checkpointId, teacherId }, { attemptId: attempt.id, misconceptionId }, active);
  return result;
}

/** The teacher adds (active) or removes (inactive) a misconception on any attempt of the checkpoint. */
export async function setAttemptTag(
  ctx: { projectId: string; checkpointId: string; teacherId: string },
  input: { attemptId: string; misconceptionId: string },
  active: boolean,
): Promise<TagCorrectionResult> {
  const [attempt, misconception] = await Promise.all([
    prisma.attempt.findFirst({ where: { id: input.attemptId, checkpointId: ctx.checkpointId, checkpoint: { projectId: ctx.projectId } }, select: { id: true } }),
    prisma.misconception.findFirst({ where: { id: input.misconceptionId, projectId: ctx.projectId }, select: { id: true, name: true } }),
  ]);
  if (!attempt) return { ok: false, field: "attemptId", reason: "answer-not-on-checkpoint" };
  if (!misconception) return { ok: false, field: "misconceptionId", reason: "misconception-not-in-project" };
  await transactionRetryingOnce((tx) => writeTeacherTag(tx, attempt.id, misconception.id, active, ctx.teacherId));
  return { ok: true, done: { kind: "tag-set", misconception: misconception.name, active } };
}
