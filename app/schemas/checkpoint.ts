// The checkpoint editor's form, one schema per kind, shared by Conform in the
// browser and the action on the server. Numbers arrive as text and are read the
// way people type them ("12.5", "12,5", "-3"); rows left blank are ignored.
import { z } from "zod";
import {
  isBlankChoiceRow,
  isBlankIntermediateRow,
  isBlankWrongValueRow,
  type CheckpointContentValue,
} from "~/domain/checkpoint-form";
import type { CheckpointKind } from "~/domain/checkpoint-spec";
import { parseNumber, withinTolerance } from "~/domain/grading";
import { REFLECTION_TEMPLATES } from "~/domain/reflection-templates";

export const MAX_OPTIONS = 12;
export const MAX_VALUE_ROWS = 20;

/** Values of the "after a not yet" choice: keep the current prompt, none, or start from a template. */
export const AFTER_NOT_YET_CHOICES = ["current", "none", ...REFLECTION_TEMPLATES.map((t) => t.key)] as const;

/** The longest number anyone types ("-1 234 567.891e-12 m/s" and then some). */
export const MAX_NUMBER_TEXT = 50;

function numberText(missing: string) {
  return z
    .string({ error: missing })
    .trim()
    .max(MAX_NUMBER_TEXT, `Keep the number under ${MAX_NUMBER_TEXT} characters, like 12.5 or -3.`)
    .transform((text, ctx) => {
      const value = parseNumber(text);
      if (value === null) {
        ctx.addIssue({ code: "custom", message: `"${text.slice(0, 40)}" isn't a number. Use digits, like 12.5 or -3.` });
        return z.NEVER;
      }
      return value;
    });
}

const optionalText = (max: number, message: string) => z.string({ error: message }).trim().max(max, message).optional();

const maxAttemptsField = z
  .string({ error: "Enter a whole number, or leave it blank for unlimited attempts." })
  .trim()
  .max(10, "Enter a whole number from 1 to 100, or leave it blank for unlimited attempts.")
  .optional()
  .transform((text, ctx) => {
    if (!text) return null;
    const n = /^\d+$/.test(text) ? Number(text) : NaN;
    if (!Number.isInteger(n) || n < 1 || n > 100) {
      ctx.addIssue({ code: "custom", message: "Enter a whole number from 1 to 100, or leave it blank for unlimited attempts." });
      return z.NEVER;
    }
    return n;
  });

const commonShape = {
  title: z
    .string({ error: "Give the checkpoint a title." })
    .trim()
    .min(1, "Give the checkpoint a title.")
    .max(200, "Keep the title under 200 characters."),
  prompt: z
    .string({ error: "Write the question students answer." })
    .trim()
    .min(1, "Write the question students answer.")
    .max(5000, "Keep the question under 5,000 characters."),
  maxAttempts: maxAttemptsField,
  afterNotYet: z.enum(AFTER_NOT_YET_CHOICES, { error: "Choose one of the listed reflection prompts." }).optional(),
};

const misconceptionField = z.string({ error: "Choose a misconception from the list." }).trim().max(64).optional();

function checkMisconception(ctx: z.RefinementCtx, id: string | undefined, allowed: Set<string>, path: (string | number)[]) {
  if (id && !allowed.has(id)) {
    ctx.addIssue({ code: "custom", message: "Choose a misconception from this project's list.", path });
  }
}

/** The misconceptions a checkpoint re-checks (decision 017): this project's own, as ticked boxes. */
function recheckShape(allowed: Set<string>) {
  return {
    recheckOf: z
      .array(z.string({ error: "Choose misconceptions from this project's list." }).trim().max(64, "Choose misconceptions from this project's list."))
      .max(50, "Choose misconceptions from this project's list.")
      .optional()
      .superRefine((ids, ctx) => {
        if (ids?.some((id) => !allowed.has(id))) ctx.addIssue({ code: "custom", message: "Choose misconceptions from this project's list." });
      })
      .transform((ids) => [...new Set(ids ?? [])]),
  };
}

export interface CheckpointFormContext {
  /** Ids of the project's misconceptions: the only ones an answer may be tagged with. */
  misconceptionIds: string[];
}

function multipleChoiceSchema({ misconceptionIds }: CheckpointFormContext) {
  const allowed = new Set(misconceptionIds);
  const recheck = recheckShape(allowed);
  const row = z
    .object(
      {
        id: z.string({ error: "Something went wrong with this option; remove it and add it again." }).trim().max(64).optional(),
        text: optionalText(500, "Keep each option under 500 characters."),
        correct: z.boolean({ error: "Tick the box to mark this option correct." }).optional(),
        feedback: optionalText(2000, "Keep the feedback under 2,000 characters."),
        misconceptionId: misconceptionField,
      },
      { error: "Something went wrong with this option; remove it and add it again." },
    )
    .superRefine((r, ctx) => {
      if (isBlankChoiceRow(r)) return;
      if (!r.text) ctx.addIssue({ code: "custom", message: "Write this option's text, or remove the option.", path: ["text"] });
      checkMisconception(ctx, r.misconceptionId, allowed, ["misconceptionId"]);
    });
  return z.object({
    ...commonShape,
    ...recheck,
    options: z
      .array(row, { error: "Give at least two options." })
      .max(MAX_OPTIONS, `Keep it to ${MAX_OPTIONS} options or fewer.`)
      .default([])
      .superRefine((rows, ctx) => {
        const used = rows.filter((r) => !isBlankChoiceRow(r));
        if (used.length < 2) {
          ctx.addIssue({ code: "custom", message: "Give at least two options." });
        } else if (!used.some((r) => r.correct)) {
          ctx.addIssue({ code: "custom", message: "Mark at least one option as correct." });
        }
        const seen = new Map<string, number>();
        rows.forEach((r, i) => {
          if (!r.text) return;
          const key = r.text.toLowerCase();
          const first = seen.get(key);
          if (first !== undefined) {
            ctx.addIssue({ code: "custom", message: `This reads the same as option ${first + 1}: make each option different.`, path: [i, "text"] });
          } else {
            seen.set(key, i);
          }
        });
      }),
  });
}

function numericSchema({ misconceptionIds }: CheckpointFormContext) {
  const allowed = new Set(misconceptionIds);
  const recheck = recheckShape(allowed);
  const wrongRow = z
    .object(
      {
        value: numberText("Enter the wrong value.").optional(),
        feedback: optionalText(2000, "Keep the feedback under 2,000 characters."),
        misconceptionId: misconceptionField,
      },
      { error: "Something went wrong with this wrong value; remove it and add it again." },
    )
    .superRefine((row, ctx) => {
      if (isBlankWrongValueRow(row)) return;
      if (row.value === undefined) ctx.addIssue({ code: "custom", message: "Enter the wrong value this feedback is for.", path: ["value"] });
      checkMisconception(ctx, row.misconceptionId, allowed, ["misconceptionId"]);
    });
  const intermediateRow = z
    .object(
      {
        value: numberText("Enter the value.").optional(),
        label: optionalText(200, "Keep the label under 200 characters."),
      },
      { error: "Something went wrong with this value; remove it and add it again." },
    )
    .superRefine((row, ctx) => {
      if (isBlankIntermediateRow(row)) return;
      if (row.value === undefined) ctx.addIssue({ code: "custom", message: "Enter the value this label is for.", path: ["value"] });
      if (!row.label) ctx.addIssue({ code: "custom", message: 'Give this value a label, like "speed before braking".', path: ["label"] });
    });
  const shape = z.object({
    ...commonShape,
    ...recheck,
    answer: numberText("Enter the correct value, like 12.5."),
    tolerance: numberText("Enter a tolerance: 0 means the exact value.")
      .optional()
      .refine((t) => t === undefined || t >= 0, "The tolerance can't be negative: 0 means the exact value."),
    unit: optionalText(30, "Keep the unit under 30 characters."),
    wrongValues: z
      .array(wrongRow, { error: "Something went wrong with the wrong values; reload the page." })
      .max(MAX_VALUE_ROWS, `Keep it to ${MAX_VALUE_ROWS} wrong values or fewer.`)
      .default([]),
    intermediateValues: z
      .array(intermediateRow, { error: "Something went wrong with the values on the way; reload the page." })
      .max(MAX_VALUE_ROWS, `Keep it to ${MAX_VALUE_ROWS} values or fewer.`)
      .default([]),
  });
  type Shape = z.output<typeof shape>;
  // Compares wrong values with the answer; runs even when other fields (a title, say) still need work.
  const comparable = (payload: { issues: { path?: PropertyKey[] }[] }) =>
    !payload.issues.some((issue) => ["answer", "tolerance"].includes(String(issue.path?.[0])));
  return shape.check(
    z.superRefine((v: Shape, ctx) => {
      const tolerance = v.tolerance ?? 0;
      const seen: number[] = [];
      if (typeof v.answer !== "number" || !Array.isArray(v.wrongValues)) return;
      v.wrongValues.forEach((row, i) => {
        // Rows that failed on their own (no value, not a number) already have a message.
        if (typeof row?.value !== "number") return;
        if (withinTolerance(row.value, v.answer, tolerance)) {
          ctx.addIssue({
            code: "custom",
            message: `This counts as correct: it is within the tolerance of ${v.answer}. Choose another value or narrow the tolerance.`,
            path: ["wrongValues", i, "value"],
          });
        } else if (seen.some((s) => withinTolerance(row.value!, s, tolerance))) {
          ctx.addIssue({ code: "custom", message: "This value is already listed above.", path: ["wrongValues", i, "value"] });
        }
        seen.push(row.value);
      });
    }, { when: comparable }),
  );
}

function shortTextSchema({ misconceptionIds }: CheckpointFormContext) {
  return z.object({
    ...commonShape,
    ...recheckShape(new Set(misconceptionIds)),
    modelAnswer: optionalText(5000, "Keep the model answer under 5,000 characters."),
  });
}

export function checkpointFormSchema(kind: CheckpointKind, context: CheckpointFormContext) {
  switch (kind) {
    case "MULTIPLE_CHOICE":
      return multipleChoiceSchema(context);
    case "NUMERIC":
      return numericSchema(context);
    case "SHORT_TEXT":
      return shortTextSchema(context);
  }
}

type FormOutput =
  | z.output<ReturnType<typeof multipleChoiceSchema>>
  | z.output<ReturnType<typeof numericSchema>>
  | z.output<ReturnType<typeof shortTextSchema>>;

export interface CheckpointFormResult {
  title: string;
  prompt: string;
  maxAttempts: number | null;
  afterNotYet: (typeof AFTER_NOT_YET_CHOICES)[number] | undefined;
  /** Misconceptions this checkpoint re-checks. */
  recheckOf: string[];
  content: CheckpointContentValue;
}

/** Splits a parsed form into the checkpoint's settings and its kind-specific content. */
export function toCheckpointInput(kind: CheckpointKind, value: FormOutput): CheckpointFormResult {
  const { title, prompt, maxAttempts, afterNotYet, recheckOf } = value;
  let content: CheckpointContentValue;
  if (kind === "MULTIPLE_CHOICE") {
    content = { kind, options: "options" in value ? value.options : [] };
  } else if (kind === "NUMERIC") {
    if (!("answer" in value)) throw new Error("A numeric checkpoint's form has no answer.");
    const { answer, tolerance, unit, wrongValues, intermediateValues } = value;
    content = { kind, answer, tolerance, unit, wrongValues, intermediateValues };
  } else {
    content = { kind, modelAnswer: "modelAnswer" in value ? value.modelAnswer : "" };
  }
  return { title, prompt, maxAttempts, afterNotYet, recheckOf, content };
}
