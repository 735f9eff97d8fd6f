// The rules of a student's own check on a short-text answer (decision 007).
// Pure: reviews in, what the student may say (and why not, as a reason) out.
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

/** Why a self-check is refused (the page says it in words): a teacher's mark closed it, the student said "not yet", or already said "got it". */
export type SelfCheckRefusal = "teacher-marked" | "said-not-yet" | "already-got-it";

/** Why the student may not say `verdict` now; null when it may be stored. */
export function selfCheckRefusal(reviews: ReviewRecord[], verdict: Outcome): SelfCheckRefusal | null {
  const state = selfCheckState(reviews);
  if (state.allowed.includes(verdict)) return null;
  return state.status === "closed" ? state.reason : "already-got-it";
}
