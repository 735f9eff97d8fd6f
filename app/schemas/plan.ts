// The plan follow-up form (decision 017): after the attempt a plan was for,
// one tap says how it went.
import { z } from "zod";
import { FOLLOW_UP_RESULTS } from "~/domain/plans";

export const PLAN_FOLLOW_UP_INTENT = "plan-follow-up";

const LOST = "We lost track of which plan this was. Reload the page and try again.";

export const planFollowUpSchema = z.object({
  planId: z.string({ error: LOST }).min(1, LOST).max(100, LOST),
  attemptId: z.string({ error: LOST }).min(1, LOST).max(100, LOST),
  result: z.enum(FOLLOW_UP_RESULTS, { error: "Choose how the plan went." }),
});
