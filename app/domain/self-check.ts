// The rules of a student's own check on a short-text answer (decision 007).
// Pure: reviews in, what the student may say (and why not) out.
import type { Outcome } from "~/domain/grading";

export interface ReviewRecord {
  role: string;
  verdict: string;
}

export type SelfCheckState =
  /** Not checked yet: the student is asked to compare with the model answer. */
  | { status: "pending"; allowed: Outcome[] }
  /** The student said "got it": they may still say "not yet" (seeing a gap later is welcome). */
  | { status: "self-got-it"; allowed: Outcome[] }
  /** Settled: "not yet" is revised by a new attempt, and a teacher's mark closes the student's check. */
  | { status: "closed"; allowed: Outcome[]; reason: "said-not-yet" | "teacher-marked" };

export function selfCheckState(reviews: ReviewRecord[]): SelfCheckState {
  if (reviews.some((r) => r.role === "TEACHER")) return { status: "closed", allowed: [], reason: "teacher-marked" };
  const self = reviews.filter((r) => r.role === "SELF");
  if (self.some((r) => r.verdict === "NOT_YET")) return { status: "closed", allowed: [], reason: "said-not-yet" };
  if (self.length) return { status: "self-got-it", allowed: ["NOT_YET"] };
  return { status: "pending", allowed: ["GOT_IT", "NOT_YET"] };
}

/** Why a self-check is refused, in the student's words; null when it may be stored. */
export function selfCheckRefusal(reviews: ReviewRecord[], verdict: Outcome): string | null {
  const state = selfCheckState(reviews);
  if (state.allowed.includes(verdict)) return null;
  if (state.status === "closed" && state.reason === "teacher-marked") return "Your teacher has already checked this answer, so their check is the one that counts.";
  if (state.status === "closed") return "You said “not yet” on this attempt. Revise your answer and try again: a new attempt is how it becomes “got it”.";
  return "You already said you've got it.";
}
