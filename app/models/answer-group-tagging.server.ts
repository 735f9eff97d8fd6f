// Machine tagging of a new short-text attempt: an answer close to a group the
// teacher named as a misconception joins it (source MACHINE) and gets its tag
// (source CLUSTER), never over the teacher's own decision (decision 003).
import type { NamedGroupMatch } from "~/domain/insight/answer-groups";
import { namedGroupMatcher } from "~/models/answer-group-cache.server";
import { applyClusterTags } from "~/models/attempt-tags.server";
import { transactionRetryingOnce } from "~/utils/prisma-errors.server";

/**
 * Compares a new short-text attempt with the checkpoint's groups the teacher
 * named as misconceptions; when it falls close to one (the clustering
 * threshold), adds it to that group (source MACHINE) and tags it with the
 * group's misconception (source CLUSTER) — unless the teacher already decided
 * about that attempt and misconception, or moved it out of the group. Never
 * throws: a failure is logged and the attempt stays stored as it is.
 */
export async function tagNewShortTextAttempt(attempt: { id: string; checkpointId: string; answer: string }): Promise<NamedGroupMatch | null> {
  try {
    const matcher = await namedGroupMatcher(attempt.checkpointId);
    const match = matcher?.(attempt.answer);
    if (!match) return null;
    const added = await transactionRetryingOnce(async (tx) => {
      const member = await tx.answerGroupMember.findUnique({
        where: { groupId_attemptId: { groupId: match.answerGroupId, attemptId: attempt.id } },
        select: { excluded: true },
      });
      if (member?.excluded) return false; // the teacher moved it out: never put back
      if (!member) await tx.answerGroupMember.create({ data: { groupId: match.answerGroupId, attemptId: attempt.id, source: "MACHINE" } });
      await applyClusterTags(tx, [attempt.id], match.misconceptionId, null);
      return true;
    });
    return added ? match : null;
  } catch (error) {
    console.warn(`Could not compare attempt ${attempt.id} with the named answer groups; it is stored untagged.`, error);
    return null;
  }
}
