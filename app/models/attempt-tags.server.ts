// A teacher's corrections of the misconceptions tagged to any attempt of a
// project (the insight drill-down, across checkpoints). The write itself is
// the shared one of the per-checkpoint page, setAttemptTag in
// answer-groups.server.ts: a TEACHER row, upserted active to add a tag, or
// the existing row (machine or not) updated to active=false to remove one, so
// the record is kept and neither the answer's own rule (prepare.ts: teacher
// rows win) nor the machine's grouping can bring the tag back.
import { prisma } from "~/db.server";
import { setAttemptTag } from "~/models/answer-groups.server";

export interface TagCorrection {
  teacherId: string;
  projectId: string;
  attemptId: string;
  misconceptionId: string;
  /** true: the attempt shows this misconception; false: it does not. */
  active: boolean;
}

export type TagCorrectionResult = { ok: true; message: string } | { ok: false; field: "attemptId" | "misconceptionId"; message: string };

/**
 * Sets (active) or removes (inactive) a misconception on an attempt as the
 * teacher's decision. The attempt must be on a checkpoint of a project of this
 * teacher (checked in the query's where), and the misconception must belong to
 * that project (checked by setAttemptTag); otherwise nothing is written.
 */
export async function setAttemptMisconception(input: TagCorrection): Promise<TagCorrectionResult> {
  const { teacherId, projectId, attemptId, misconceptionId, active } = input;
  const attempt = await prisma.attempt.findFirst({
    where: { id: attemptId, checkpoint: { projectId, project: { id: projectId, classroom: { teacherId } } } },
    select: { id: true, checkpointId: true },
  });
  if (!attempt) return { ok: false, field: "attemptId", message: "We couldn't find that attempt in this project." };
  const result = await setAttemptTag({ projectId, checkpointId: attempt.checkpointId, teacherId }, { attemptId: attempt.id, misconceptionId }, active);
  if (result.ok) return { ok: true, message: result.message };
  return { ok: false, field: result.field === "attemptId" ? "attemptId" : "misconceptionId", message: result.message };
}
