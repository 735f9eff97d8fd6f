// Plans (decision 017): the answer a student gives to "What would I do
// differently?" (or the plan step of plan–act–measure–learn, or "What will I
// try next time?") in a journal entry they added. The entry is never changed,
// so neither is the plan: it is read from the entry, not copied. A plan on a
// checkpoint is tried at the student's next attempt on it; a plan about the
// project at their next attempt on any checkpoint. After that attempt the
// student says how it went (PlanFollowUp rows, the latest counts). Pure.
import type { JournalResponse } from "~/domain/journal-entry";

/** Questions whose answer is a plan. */
const PLAN_QUESTIONS: readonly RegExp[] = [
  /\bdo differently\b/i,
  /^\s*plan\b/i,
  /\bwill I (try|change|do)\b/i,
  /\bwould I (try|change|do)\b/i,
];

export function isPlanQuestion(question: string | null | undefined): boolean {
  return typeof question === "string" && PLAN_QUESTIONS.some((p) => p.test(question));
}

/** The plan in an entry's answers: the first plan question answered, or null. */
export function extractPlan(responses: readonly JournalResponse[]): { question: string; text: string } | null {
  for (const r of responses) {
    const text = typeof r.answer === "string" ? r.answer.trim() : "";
    if (text && isPlanQuestion(r.question)) return { question: r.question!, text };
  }
  return null;
}

export const FOLLOW_UP_RESULTS = ["HELPED", "DIDNT_HELP", "DIDNT_TRY"] as const;
export type FollowUpResult = (typeof FOLLOW_UP_RESULTS)[number];

export function isFollowUpResult(value: unknown): value is FollowUpResult {
  return typeof value === "string" && (FOLLOW_UP_RESULTS as readonly string[]).includes(value);
}

/** Whether the student tried the plan (it helped or not). */
export const tried = (result: FollowUpResult | null | undefined) => result === "HELPED" || result === "DIDNT_HELP";

/** A submitted journal entry, as plans read it. */
export interface PlanEntryInput {
  id: string;
  /** The entry's checkpoint, else its attempt's; null for an entry about the project. */
  checkpointId: string | null;
  /** The attempt the entry reflects on, if linked to one. */
  attemptId: string | null;
  responses: readonly JournalResponse[];
  /** When it was added, in milliseconds. */
  at: number;
}

export interface PlanAttemptInput {
  id: string;
  checkpointId: string;
  number: number;
  /** Milliseconds. */
  at: number;
}

export interface PlanFollowUpInput {
  journalEntryId: string;
  attemptId: string;
  result: FollowUpResult;
  /** Milliseconds. */
  at: number;
}

/** Where a plan stands: waiting for the next attempt, waiting for the student to say how it went, or how it went. */
export type PlanStatus = "waiting" | "to-follow-up" | FollowUpResult;

export interface Plan<A extends PlanAttemptInput = PlanAttemptInput> {
  /** The journal entry's id (a plan is its entry's). */
  id: string;
  question: string;
  text: string;
  checkpointId: string | null;
  /** The attempt the entry reflected on. */
  afterAttemptId: string | null;
  at: number;
  /** The attempt it was for: the first one after it was written (on its checkpoint, or anywhere for a project plan). */
  triedOn: A | null;
  /** The latest follow-up recorded for that attempt. */
  result: FollowUpResult | null;
  status: PlanStatus;
}

/** The attempt a plan is for: the student's first attempt after it was written, on its checkpoint (any checkpoint for a project plan). */
export function planTarget<A extends PlanAttemptInput>(plan: { checkpointId: string | null; at: number }, attempts: readonly A[]): A | null {
  let best: A | null = null;
  for (const a of attempts) {
    if (a.at <= plan.at) continue;
    if (plan.checkpointId && a.checkpointId !== plan.checkpointId) continue;
    if (!best || a.at < best.at || (a.at === best.at && a.number < best.number)) best = a;
  }
  return best;
}

/**
 * One student's plans, oldest first, each with the attempt it was for and how
 * it went. `attempts` and `followUps` are that student's.
 */
export function buildPlans<A extends PlanAttemptInput>(entries: readonly PlanEntryInput[], attempts: readonly A[], followUps: readonly PlanFollowUpInput[]): Plan<A>[] {
  const plans: Plan<A>[] = [];
  for (const e of [...entries].sort((x, y) => x.at - y.at || x.id.localeCompare(y.id))) {
    const found = extractPlan(e.responses);
    if (!found) continue;
    const triedOn = planTarget(e, attempts);
    let latest: PlanFollowUpInput | null = null;
    if (triedOn) {
      for (const f of followUps) {
        if (f.journalEntryId === e.id && f.attemptId === triedOn.id && (!latest || f.at >= latest.at)) latest = f;
      }
    }
    const result = latest?.result ?? null;
    plans.push({
      id: e.id,
      question: found.question,
      text: found.text,
      checkpointId: e.checkpointId,
      afterAttemptId: e.attemptId,
      at: e.at,
      triedOn,
      result,
      status: !triedOn ? "waiting" : (result ?? "to-follow-up"),
    });
  }
  return plans;
}

/** Plans to show beside a checkpoint's question: waiting for their next attempt there (a project plan: anywhere). Newest first. */
export function plansBeside<A extends PlanAttemptInput>(plans: readonly Plan<A>[], checkpointId: string): Plan<A>[] {
  return plans.filter((p) => p.status === "waiting" && (p.checkpointId === null || p.checkpointId === checkpointId)).reverse();
}

/** Plans tried on this attempt: after it, the student says how each went. */
export function plansTriedOn<A extends PlanAttemptInput>(plans: readonly Plan<A>[], attemptId: string): Plan<A>[] {
  return plans.filter((p) => p.triedOn?.id === attemptId);
}
