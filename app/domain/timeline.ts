// One student's path through a project, as a teacher reads it: attempts and
// shared journal entries in time order, grouped by day. Pure.
import { describeAnswer } from "~/domain/answer-display";
import { parseSpec, type CheckpointSpec } from "~/domain/checkpoint-spec";
import { grade, storedAnswer, type Outcome } from "~/domain/grading";
import { effectiveOutcome } from "~/domain/progress";
import { teacherName } from "~/domain/labels";

export interface TimedItem {
  at: Date;
  /** Stable tie-breaker for items at the same moment. */
  id: string;
}

export interface TimelineDay<T> {
  /** yyyy-mm-dd (UTC), usable as an anchor. */
  key: string;
  /** "Wednesday, 25 November 2026" (compute on the server, send as text) */
  label: string;
  items: T[];
}

const dayLabel = new Intl.DateTimeFormat("en-GB", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/** Oldest first, grouped by UTC day (the app shows times in UTC). */
export function groupByDay<T extends TimedItem>(items: T[]): TimelineDay<T>[] {
  const sorted = [...items].sort((a, b) => a.at.getTime() - b.at.getTime() || a.id.localeCompare(b.id));
  const days: TimelineDay<T>[] = [];
  for (const item of sorted) {
    const key = item.at.toISOString().slice(0, 10);
    let day = days[days.length - 1];
    if (!day || day.key !== key) {
      day = { key, label: dayLabel.format(item.at), items: [] };
      days.push(day);
    }
    day.items.push(item);
  }
  return days;
}

/** Previous and next in an ordered list of students (null at the ends, or when the student is not listed). */
export function neighbours<T extends { id: string }>(ordered: T[], id: string): { previous: T | null; next: T | null; position: number | null } {
  const index = ordered.findIndex((s) => s.id === id);
  if (index === -1) return { previous: null, next: null, position: null };
  return { previous: ordered[index - 1] ?? null, next: ordered[index + 1] ?? null, position: index + 1 };
}

// ---------------------------------------------------------------------------
// Attempts read against the version they answered.

export interface AttemptRecord {
  id: string;
  number: number;
  answer: string;
  outcome: string | null;
  /** "How sure are you?" given with the answer; absent in older records. */
  confidence?: number | null;
  createdAt: Date;
  checkpointId: string;
  checkpoint: { kind: string; position: number; archivedAt: Date | null };
  checkpointVersion: { version: number; title: string; prompt: string; spec: string };
  reviews: { role: string; verdict: string; note: string; createdAt: Date; reviewer: { name: string } | null }[];
  misconceptions: { source: string; misconception: { name: string; nextStep: string } }[];
}

export interface Verdict {
  verdict: Outcome;
  at: Date;
  by: string;
}

export interface AttemptView extends TimedItem {
  type: "attempt";
  checkpointId: string;
  checkpointTitle: string;
  checkpointPosition: number;
  kind: string;
  archived: boolean;
  number: number;
  /** The version this attempt answered, and the checkpoint's newest version. */
  version: number;
  latestVersion: number;
  prompt: string;
  answerText: string;
  /** Feedback the student was shown for this answer (from that version). */
  feedback: string[];
  modelAnswer: string | null;
  /** The outcome that counts: auto-checked, else teacher mark, else self-assessment. */
  outcome: Outcome | null;
  autoChecked: boolean;
  selfAssessment: Verdict | null;
  teacherMark: Verdict | null;
  teacherMarkCount: number;
  /** Every check on the answer in order, the student's and the teacher's (none is ever overwritten). */
  checks: (Verdict & { role: "SELF" | "TEACHER" })[];
  /** How sure the student said they were, with the answer, before its outcome. */
  confidence: number | null;
  misconceptions: { name: string; source: string }[];
}

function latestVerdict(reviews: AttemptRecord["reviews"], role: string): Verdict | null {
  const found = [...reviews].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()).reverse().find((r) => r.role === role);
  if (!found || (found.verdict !== "GOT_IT" && found.verdict !== "NOT_YET")) return null;
  return { verdict: found.verdict, at: found.createdAt, by: teacherName(found.reviewer) };
}

export function toAttemptView(attempt: AttemptRecord, latestVersion: number): AttemptView {
  let spec: CheckpointSpec | null = null;
  try {
    spec = parseSpec(attempt.checkpointVersion.spec);
  } catch {
    spec = null;
  }
  const answerText = spec ? describeAnswer(spec, attempt.answer) : attempt.answer;
  const feedback = spec ? grade(spec, storedAnswer(spec, attempt.answer)).feedback : [];
  const autoChecked = attempt.outcome === "GOT_IT" || attempt.outcome === "NOT_YET";
  return {
    type: "attempt",
    id: attempt.id,
    at: attempt.createdAt,
    checkpointId: attempt.checkpointId,
    checkpointTitle: attempt.checkpointVersion.title,
    checkpointPosition: attempt.checkpoint.position,
    kind: attempt.checkpoint.kind,
    archived: attempt.checkpoint.archivedAt !== null,
    number: attempt.number,
    version: attempt.checkpointVersion.version,
    latestVersion: Math.max(latestVersion, attempt.checkpointVersion.version),
    prompt: attempt.checkpointVersion.prompt,
    answerText,
    feedback,
    modelAnswer: spec?.kind === "SHORT_TEXT" && spec.modelAnswer ? spec.modelAnswer : null,
    outcome: effectiveOutcome(attempt),
    autoChecked,
    selfAssessment: latestVerdict(attempt.reviews, "SELF"),
    teacherMark: latestVerdict(attempt.reviews, "TEACHER"),
    teacherMarkCount: attempt.reviews.filter((r) => r.role === "TEACHER").length,
    checks: [...attempt.reviews]
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
      .flatMap((r) =>
        (r.role === "SELF" || r.role === "TEACHER") && (r.verdict === "GOT_IT" || r.verdict === "NOT_YET")
          ? [{ role: r.role, verdict: r.verdict, at: r.createdAt, by: teacherName(r.reviewer) }]
          : [],
      ),
    confidence: attempt.confidence ?? null,
    misconceptions: attempt.misconceptions.map((m) => ({ name: m.misconception.name, source: m.source })),
  };
}
