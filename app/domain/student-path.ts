// What a student sees of a checkpoint and of their own path through a project. Pure.
import type { CheckpointSpec } from "~/domain/checkpoint-spec";
import { grade, storedAnswer, type Outcome } from "~/domain/grading";
import type { CellState } from "~/domain/progress";
import { plural } from "~/domain/words";

/**
 * The part of a checkpoint spec that is safe to send to the browser before an
 * attempt: no correct flags, no feedback, no model answer.
 */
export type StudentCheckpointView =
  | { kind: "MULTIPLE_CHOICE"; options: { id: string; text: string }[]; multiple: boolean }
  | { kind: "NUMERIC"; unit: string }
  | { kind: "SHORT_TEXT" };

export function studentView(spec: CheckpointSpec): StudentCheckpointView {
  switch (spec.kind) {
    case "MULTIPLE_CHOICE":
      return {
        kind: spec.kind,
        options: spec.options.map((o) => ({ id: o.id, text: o.text })),
        multiple: spec.options.filter((o) => o.correct).length !== 1,
      };
    case "NUMERIC":
      return { kind: spec.kind, unit: spec.unit };
    case "SHORT_TEXT":
      return { kind: spec.kind };
  }
}

/** The form field that carries the answer for a kind (used for messages next to it). */
export const ANSWER_FIELD = {
  MULTIPLE_CHOICE: "optionIds",
  NUMERIC: "numericAnswer",
  SHORT_TEXT: "textAnswer",
} as const;

/** Index of the first checkpoint not yet got, or -1 when every one is got. */
export function nextUpIndex(states: CellState[]): number {
  return states.findIndex((s) => s.status !== "GOT_IT");
}

/** The teacher's feedback for a stored answer, graded against the version it answered. */
export function feedbackForStoredAnswer(spec: CheckpointSpec, stored: string): string[] {
  return grade(spec, storedAnswer(spec, stored)).feedback;
}

export interface OutcomeWording {
  label: string;
  /** A short, blameless sentence that opens the feedback. */
  lead: string;
}

/** Low-stakes words for an outcome (null: a short text waiting for an assessment). */
export function outcomeWording(outcome: Outcome | null): OutcomeWording {
  switch (outcome) {
    case "GOT_IT":
      return { label: "Got it", lead: "Got it — nice work. This one is yours now." };
    case "NOT_YET":
      return { label: "Not yet", lead: "Not yet — and that's useful. Every attempt shows you something." };
    default:
      return { label: "Waiting for a check", lead: "Submitted. Compare your answer with the model answer, then say how you think it went." };
  }
}

/** How many attempts are left, in words ("2 attempts left"), or null when unlimited. */
export function describeAttemptsLeft(left: number | null): string | null {
  if (left === null) return null;
  if (left === 0) return "No attempts left";
  return `${plural(left, "attempt")} left`;
}

/** "Checkpoint 2 of 5". */
export function checkpointPositionLabel(index: number, total: number): string {
  return `Checkpoint ${index + 1} of ${total}`;
}

/** What a student reads when a capped checkpoint's attempts are used up: kind, and a way on. */
export function usedUpMessage(maxAttempts: number): string {
  return `You've used all ${plural(maxAttempts, "attempt")} on this checkpoint. Every one of them is kept, and your teacher can see them — write in your journal about what you'd try next, or ask for support.`;
}
