// A student's state on a checkpoint, from every attempt they made. Pure.
import type { Outcome } from "~/domain/grading";
import { plural } from "~/domain/words";

export interface AttemptFacts {
  number: number;
  createdAt: Date;
  /** Auto-checked outcome, null for short text. */
  outcome: string | null;
  /** Verdicts on the attempt, oldest first (short text: self-assessment and teacher marks). */
  reviews?: { role: string; verdict: string; createdAt: Date }[];
}

/**
 * The outcome that counts for an attempt: an auto-checked outcome, else the
 * latest teacher mark, else the student's latest self-assessment, else null
 * (submitted, waiting for an assessment).
 */
export function effectiveOutcome(attempt: AttemptFacts): Outcome | null {
  if (attempt.outcome === "GOT_IT" || attempt.outcome === "NOT_YET") return attempt.outcome;
  const reviews = attempt.reviews ?? [];
  const latest = (role: string) => [...reviews].reverse().find((r) => r.role === role);
  const verdict = latest("TEACHER")?.verdict ?? latest("SELF")?.verdict;
  return verdict === "GOT_IT" || verdict === "NOT_YET" ? verdict : null;
}

export type CellState =
  | { status: "NOT_STARTED"; attempts: 0 }
  | { status: "NOT_YET"; attempts: number; lastAttemptAt: Date }
  | { status: "SUBMITTED"; attempts: number; lastAttemptAt: Date }
  | { status: "GOT_IT"; attempts: number; gotItAfter: number; gotItAt: Date };

/** What a cell shows: its status and counts, without the times (the progress grid sends only these, decision 016). */
export type CellCounts =
  | { status: "NOT_STARTED" | "NOT_YET" | "SUBMITTED"; attempts: number }
  | { status: "GOT_IT"; attempts: number; gotItAfter: number };

/** A cell's state cut down to what it shows. */
export function cellCounts(state: CellState): CellCounts {
  return state.status === "GOT_IT" ? { status: state.status, attempts: state.attempts, gotItAfter: state.gotItAfter } : { status: state.status, attempts: state.attempts };
}

/** Summarises one student's attempts on one checkpoint (any order in, numbered out). */
export function cellState(attempts: AttemptFacts[]): CellState {
  if (attempts.length === 0) return { status: "NOT_STARTED", attempts: 0 };
  const ordered = [...attempts].sort((a, b) => a.number - b.number);
  const first = ordered.find((a) => effectiveOutcome(a) === "GOT_IT");
  const last = ordered[ordered.length - 1];
  if (first) return { status: "GOT_IT", attempts: ordered.length, gotItAfter: first.number, gotItAt: first.createdAt };
  if (effectiveOutcome(last) === null) return { status: "SUBMITTED", attempts: ordered.length, lastAttemptAt: last.createdAt };
  return { status: "NOT_YET", attempts: ordered.length, lastAttemptAt: last.createdAt };
}

export function describeCell(cell: CellCounts): string {
  switch (cell.status) {
    case "NOT_STARTED":
      return "Not started";
    case "NOT_YET":
      return `Not yet · ${plural(cell.attempts, "attempt")}`;
    case "SUBMITTED":
      return `Waiting for a check · ${plural(cell.attempts, "attempt")}`;
    case "GOT_IT":
      return `Got it after ${plural(cell.gotItAfter, "attempt")}`;
  }
}

/** Whether another attempt is allowed under the checkpoint's cap (null = unlimited). */
export function attemptsLeft(maxAttempts: number | null, made: number): number | null {
  if (maxAttempts === null) return null;
  return Math.max(0, maxAttempts - made);
}
