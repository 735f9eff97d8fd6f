// Reflection prompt forms: from the template library, from scratch, and editing.
import { z } from "zod";
import { PROMPT_TRIGGERS, REFLECTION_TEMPLATES } from "~/domain/reflection-templates";

export const MAX_QUESTIONS = 12;

const TEMPLATE_KEYS = REFLECTION_TEMPLATES.map((t) => t.key) as [string, ...string[]];

/** One question per line; blank lines are ignored. */
export function splitQuestions(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

/** The questions box as a whole: twelve questions of up to 500 characters, with their line breaks. */
export const MAX_QUESTIONS_TEXT = 6000;

const questionsField = z
  .string({ error: "Write at least one question, one per line." })
  .max(MAX_QUESTIONS_TEXT, `Keep the questions under ${MAX_QUESTIONS_TEXT.toLocaleString("en-GB")} characters in all.`)
  .transform((text, ctx) => {
    const questions = splitQuestions(text);
    if (questions.length === 0) ctx.addIssue({ code: "custom", message: "Write at least one question, one per line." });
    if (questions.length > MAX_QUESTIONS) ctx.addIssue({ code: "custom", message: `Keep it to ${MAX_QUESTIONS} questions or fewer.` });
    if (questions.some((q) => q.length > 500)) ctx.addIssue({ code: "custom", message: "Keep each question under 500 characters." });
    return questions;
  });

const titleField = z
  .string({ error: "Give the prompt a title." })
  .trim()
  .min(1, "Give the prompt a title.")
  .max(120, "Keep the title under 120 characters.");

export interface PromptFormContext {
  /** Ids of the project's live checkpoints a prompt may belong to. */
  checkpointIds: string[];
}

function placement({ checkpointIds }: PromptFormContext) {
  const allowed = new Set(checkpointIds);
  return {
    trigger: z.enum(PROMPT_TRIGGERS, { error: "Choose when students see this prompt." }),
    checkpointId: z.string({ error: "Choose a checkpoint from the list." }).trim().max(100, "Choose a checkpoint from the list.").optional(),
    check: (v: { trigger: string; checkpointId?: string }, ctx: z.RefinementCtx) => {
      if (v.trigger === "PROJECT") return;
      if (!v.checkpointId) {
        ctx.addIssue({ code: "custom", message: "Choose the checkpoint this prompt belongs to.", path: ["checkpointId"] });
      } else if (!allowed.has(v.checkpointId)) {
        ctx.addIssue({ code: "custom", message: "Choose a checkpoint from this project's list.", path: ["checkpointId"] });
      }
    },
  };
}

export function promptFromTemplateSchema(context: PromptFormContext) {
  const { trigger, checkpointId, check } = placement(context);
  return z
    .object({
      templateKey: z.enum(TEMPLATE_KEYS, { error: "Choose a template from the library." }),
      trigger,
      checkpointId,
    })
    .superRefine(check);
}

export function promptSchema(context: PromptFormContext) {
  const { trigger, checkpointId, check } = placement(context);
  return z.object({ title: titleField, questions: questionsField, trigger, checkpointId }).superRefine(check);
}

