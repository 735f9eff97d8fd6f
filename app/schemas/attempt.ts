import { LRUCache } from "lru-cache";
import { z } from "zod";
import type { CheckpointSpec } from "~/domain/checkpoint-spec";
import { MAX_TEXT_ANSWER, parseAnswer } from "~/domain/grading";
import { ANSWER_FIELD } from "~/domain/student-path";

export const ATTEMPT_INTENT = "attempt";
export const SELF_ASSESS_INTENT = "self-assess";
export const DISMISS_REFLECTION_INTENT = "dismiss-reflection";
/** The longest numeric answer a student may type. */
export const MAX_NUMERIC_ANSWER = 200;

const CONFIDENCE_MESSAGE = "Choose how sure you are from 1 to 5, or no rating.";

/**
 * The fields of an attempt, built once: Zod compiles an object schema on its first use, which cost more than the rest
 * of reading the form when it was built afresh for every attempt (decision 016).
 */
const attemptFields = z.object({
  submissionKey: z.string().max(100).optional(),
  optionIds: z.array(z.string().max(100)).max(50).optional(),
  numericAnswer: z.string().max(MAX_NUMERIC_ANSWER, `Keep the number under ${MAX_NUMERIC_ANSWER} characters.`).optional(),
  textAnswer: z.string().max(MAX_TEXT_ANSWER, `Keep your answer under ${MAX_TEXT_ANSWER.toLocaleString("en-GB")} characters.`).optional(),
  confidence: z.number({ error: CONFIDENCE_MESSAGE }).int(CONFIDENCE_MESSAGE).min(1, CONFIDENCE_MESSAGE).max(5, CONFIDENCE_MESSAGE).optional(),
});

/**
 * An attempt at a checkpoint. The answer is checked with the same parser the
 * grading uses, and its message sits next to the field that carries the answer.
 *
 * One schema per question, kept: Conform prepares (coerces) a schema once per schema object, and a schema made
 * afresh for every attempt was prepared afresh too, about a twentieth of a submission's CPU (decision 016).
 */
export function attemptSchema(spec: CheckpointSpec) {
  const key = JSON.stringify(spec);
  let schema = schemasBySpec.get(key);
  if (!schema) {
    schema = buildAttemptSchema(spec);
    schemasBySpec.set(key, schema);
  }
  return schema;
}

const schemasBySpec = /* @__PURE__ */ new LRUCache<string, ReturnType<typeof buildAttemptSchema>>({ max: 500 });

function buildAttemptSchema(spec: CheckpointSpec) {
  return attemptFields.superRefine((value, ctx) => {
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
