// The content of a checkpoint version, per kind. Stored as JSON text in
// CheckpointVersion.spec and always read back through parseSpec.
import { z } from "zod";

export const CHECKPOINT_KINDS = ["MULTIPLE_CHOICE", "NUMERIC", "SHORT_TEXT"] as const;
export type CheckpointKind = (typeof CHECKPOINT_KINDS)[number];

export const KIND_LABELS: Record<CheckpointKind, string> = {
  MULTIPLE_CHOICE: "Multiple choice",
  NUMERIC: "Numeric",
  SHORT_TEXT: "Short text",
};

export const choiceOptionSchema = z.object({
  id: z.string().min(1),
  text: z.string().min(1),
  correct: z.boolean(),
  feedback: z.string().default(""),
  misconceptionId: z.string().nullable().default(null),
});
export type ChoiceOption = z.infer<typeof choiceOptionSchema>;

export const multipleChoiceSpecSchema = z.object({
  kind: z.literal("MULTIPLE_CHOICE"),
  options: z
    .array(choiceOptionSchema)
    .min(2)
    .refine((options) => options.some((o) => o.correct), "At least one option must be correct."),
});

export const wrongValueSchema = z.object({
  value: z.number(),
  feedback: z.string().default(""),
  misconceptionId: z.string().nullable().default(null),
});

export const intermediateValueSchema = z.object({ value: z.number(), label: z.string().min(1) });

export const numericSpecSchema = z.object({
  kind: z.literal("NUMERIC"),
  answer: z.number(),
  /** Absolute tolerance: answers within ±tolerance are correct. */
  tolerance: z.number().min(0),
  unit: z.string().default(""),
  wrongValues: z.array(wrongValueSchema).default([]),
  /** Values a student meets on the way (used to recognise stopping early). */
  intermediateValues: z.array(intermediateValueSchema).default([]),
});

export const shortTextSpecSchema = z.object({
  kind: z.literal("SHORT_TEXT"),
  modelAnswer: z.string().default(""),
});

export const checkpointSpecSchema = z.discriminatedUnion("kind", [
  multipleChoiceSpecSchema,
  numericSpecSchema,
  shortTextSpecSchema,
]);

export type MultipleChoiceSpec = z.infer<typeof multipleChoiceSpecSchema>;
export type NumericSpec = z.infer<typeof numericSpecSchema>;
export type CheckpointSpec = z.infer<typeof checkpointSpecSchema>;

export function parseSpec(json: string): CheckpointSpec {
  return checkpointSpecSchema.parse(JSON.parse(json));
}

/**
 * Stored versions with their specs read. A version whose spec cannot be read
 * is left out (and the insight leaves its attempts out) rather than failing.
 */
export function readVersions(versions: readonly { id: string; version: number; title: string; spec: string }[]) {
  return versions.flatMap((v) => {
    try {
      return [{ id: v.id, version: v.version, title: v.title, spec: parseSpec(v.spec) }];
    } catch {
      return [];
    }
  });
}

export function serializeSpec(spec: CheckpointSpec): string {
  return JSON.stringify(checkpointSpecSchema.parse(spec));
}

export function isCheckpointKind(value: unknown): value is CheckpointKind {
  return typeof value === "string" && (CHECKPOINT_KINDS as readonly string[]).includes(value);
}

/** Misconception ids a spec refers to (to keep the project's list consistent). */
export function referencedMisconceptions(spec: CheckpointSpec): string[] {
  const ids =
    spec.kind === "MULTIPLE_CHOICE"
      ? spec.options.map((o) => o.misconceptionId)
      : spec.kind === "NUMERIC"
        ? spec.wrongValues.map((w) => w.misconceptionId)
        : [];
  return [...new Set(ids.filter((id): id is string => Boolean(id)))];
}
