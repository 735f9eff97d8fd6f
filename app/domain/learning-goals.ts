// Learning goals a student sets in their own words, from a teacher's comment
// or a "not yet" (decision 018). Pure: statuses and their words, target dates,
// and the order goals are listed in.

export const GOAL_STATUSES = ["WORKING", "REACHED", "LET_GO"] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

export const GOAL_STATUS_WORDS: Record<GoalStatus, string> = {
  WORKING: "Working on it",
  REACHED: "Reached",
  LET_GO: "Let go",
};

export function isGoalStatus(value: unknown): value is GoalStatus {
  return typeof value === "string" && (GOAL_STATUSES as readonly string[]).includes(value);
}

export function goalStatusWords(value: string): string {
  return isGoalStatus(value) ? GOAL_STATUS_WORDS[value] : value;
}

/** How far ahead a target date may be. */
export const MAX_TARGET_YEARS = 2;

export type TargetDateResult = { ok: true; date: Date | null } | { ok: false; message: string };

/**
 * Reads a target date as a form sends it (`YYYY-MM-DD`, from a date field or
 * typed), as midnight UTC. Empty means none. A day before yesterday (UTC; a
 * day's slack for time zones) or more than two years ahead is refused.
 */
export function parseTargetDate(value: string | null | undefined, now: Date): TargetDateResult {
  const text = (value ?? "").trim();
  if (!text) return { ok: true, date: null };
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!match || !date || date.getUTCFullYear() !== Number(match[1]) || date.getUTCMonth() !== Number(match[2]) - 1 || date.getUTCDate() !== Number(match[3])) {
    return { ok: false, message: "Write the date as year-month-day, like 2027-03-15, or leave it empty." };
  }
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  if (date.getTime() < today - 86_400_000) return { ok: false, message: "Choose a day from today on, or leave the date empty." };
  const latest = Date.UTC(now.getUTCFullYear() + MAX_TARGET_YEARS, now.getUTCMonth(), now.getUTCDate());
  if (date.getTime() > latest) return { ok: false, message: `Choose a day within the next ${MAX_TARGET_YEARS} years, or leave the date empty.` };
  return { ok: true, date };
}

/** A stored target date for a date field's value. */
export function dateFieldValue(date: Date | string | null | undefined): string {
  if (!date) return "";
  return new Date(date).toISOString().slice(0, 10);
}

/** A target date in words: "15 Mar 2027". */
export function formatTargetDate(date: Date | string): string {
  return new Date(date).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
}

/** Whether a goal still being worked on is past its target day (said kindly: a date can move). */
export function isPastTarget(goal: { status: string; targetDate: Date | string | null }, now: Date): boolean {
  if (goal.status !== "WORKING" || !goal.targetDate) return false;
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return new Date(goal.targetDate).getTime() < today;
}

/** Goals being worked on first (nearest target date first, then newest), then reached, then let go (newest first). */
export function orderGoals<G extends { status: string; targetDate: Date | string | null; createdAt: Date | string }>(goals: G[]): G[] {
  const rank = (s: string) => (s === "WORKING" ? 0 : s === "REACHED" ? 1 : 2);
  const time = (d: Date | string | null) => (d ? new Date(d).getTime() : Infinity);
  return [...goals].sort(
    (a, b) =>
      rank(a.status) - rank(b.status) ||
      (a.status === "WORKING" ? time(a.targetDate) - time(b.targetDate) : 0) ||
      new Date(b.createdAt).getTime() - new Date(a.createdAt).getTime(),
  );
}

/** What a note did, in words, for the goal's history. */
export function describeNote(note: { role: string; status: string | null; body: string }, authorName: string): string {
  const who = note.role === "TEACHER" ? authorName : "You";
  if (note.status) return `${who} marked it “${goalStatusWords(note.status)}”${note.body ? "" : "."}`;
  return note.role === "TEACHER" ? `${who} commented` : `${who} added a note`;
}

/** Counts per status, for the class list's summary. */
export function goalCounts(goals: { status: string }[]): Record<GoalStatus, number> {
  const counts: Record<GoalStatus, number> = { WORKING: 0, REACHED: 0, LET_GO: 0 };
  for (const g of goals) if (isGoalStatus(g.status)) counts[g.status]++;
  return counts;
}
