// Why a misconception stays: where a project uses it. Pure.
import { plural } from "~/domain/words";

export interface MisconceptionUsage {
  /** Checkpoints (live or archived) with a version that tags answers with it. */
  checkpoints: number;
  /** Attempts tagged with it (by a rule, an answer group or the teacher). */
  attempts: number;
}

export function isInUse(usage: MisconceptionUsage): boolean {
  return usage.checkpoints > 0 || usage.attempts > 0;
}

/** "tags answers in 2 checkpoints and is tagged on 14 attempts" (empty when unused). */
export function describeUsage(usage: MisconceptionUsage): string {
  const parts: string[] = [];
  if (usage.checkpoints) parts.push(`tags answers in ${plural(usage.checkpoints, "checkpoint")}`);
  if (usage.attempts) parts.push(`is tagged on ${plural(usage.attempts, "attempt")}`);
  return parts.join(" and ");
}
