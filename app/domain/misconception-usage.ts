// Why a misconception stays: where a project uses it. Pure.

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
  if (usage.checkpoints) parts.push(`tags answers in ${usage.checkpoints} ${usage.checkpoints === 1 ? "checkpoint" : "checkpoints"}`);
  if (usage.attempts) parts.push(`is tagged on ${usage.attempts} ${usage.attempts === 1 ? "attempt" : "attempts"}`);
  return parts.join(" and ");
}
