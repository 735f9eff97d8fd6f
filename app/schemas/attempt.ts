import { z } from "zod";
import type { CheckpointSpec } from "~/domain/checkpoint-spec";
import { MAX_TEXT_ANSWER, parseAnswer } from "~/domain/grading";
import { ANSWER_FIELD } from "~/domain/student-path";

export const ATTEMPT_INTENT = "attempt";
export const SELF_ASSESS_INTENT = "self-assess";
export const DISMISS_REFLECTION_INTENT = "dismiss-reflection";
/** The longest numeric answer a student may type. */
export const MAX_NUMERIC_ANSWER = 200;

/**
 * An attempt at a checkpoint. The answer is checked with the same parser the
 * grading uses, and its message sits next to the field that carries the answer.
 */
export function attemptSchema(spec: CheckpointSpec) {
  return z
    .object({
      submissionKey: z.string().max(100).optional(),
      optionIds: z.array(z.string().max(100)).max(50).optional(),
      numericAnswer: z.string().max(MAX_NUMERIC_ANSWER, `Keep the number under ${MAX_NUMERIC_ANSWER} characters.`).optional(),
      textAnswer: z.string().max(MAX_TEXT_ANSWER, `Keep your answer under ${MAX_TEXT_ANSWER.toLocaleString("en-GB")} characters.`).optional(),
      confidence: z
        .number({ error: "Choose how sure you are from 1 to 5, or no rating." })
        .int("Choose how sure you are from 1 to 5, or no rating.")
        .min(1, "Choose how sure you are from 1 to 5, or no rating.")
        .max(5, "Choose how sure you are from 1 to 5, or no rating.")
        .optional(),
    })
    .superRefine((value, ctx) => {
      // An answer over its length limit already has its message; reading it too would say so twice.
      if ((value.textAnswer?.length ?? 0) > MAX_TEXT_ANSWER || (value.numericAnswer?.length ?? 0) > MAX_NUMERIC_ANSWER) return;
      const parsed = parseAnswer(spec, { optionIds: value.optionIds, value: value.numericAnswer, text: value.textAnswer });
      if (!parsed.ok) ctx.addIssue({ code: "custom", path: [ANSWER_FIELD[spec.kind]], message: parsed.error });
    });
}

export const selfAssessmentSchema = z.object({
  attemptId: z.string({ error: "We lost track of which attempt this was. Reload the page and try again." }).min(1).max(100),
  verdict: z.enum(["GOT_IT", "NOT_YET"], { error: "Choose how you think it went." }),
});
