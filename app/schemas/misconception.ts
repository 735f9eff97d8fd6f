import { z } from "zod";

/** The longest name, description and next step of a misconception (also for the fields that write one elsewhere). */
export const MISCONCEPTION_LIMITS = { name: 80, description: 1000, nextStep: 1000 } as const;

export const misconceptionSchema = z.object({
  name: z
    .string({ error: "Give the misconception a short name." })
    .trim()
    .min(1, "Give the misconception a short name.")
    .max(MISCONCEPTION_LIMITS.name, "Keep the name under 80 characters."),
  description: z.string().trim().max(MISCONCEPTION_LIMITS.description, "Keep the description under 1,000 characters.").optional().default(""),
  nextStep: z.string().trim().max(MISCONCEPTION_LIMITS.nextStep, "Keep the next step under 1,000 characters.").optional().default(""),
});

export type MisconceptionInput = z.output<typeof misconceptionSchema>;

/** Field names of the checkpoint editor's "name a new misconception" panel. */
export const INLINE_MISCONCEPTION = {
  name: "newMisconception.name",
  nextStep: "newMisconception.nextStep",
  linkTo: "newMisconception.linkTo",
} as const;

/** The intent of the panel's own button: add the misconception, keep editing. */
export const ADD_MISCONCEPTION_INTENT = "add-misconception";

/**
 * A misconception named from inside the checkpoint editor. `linkTo` is the
 * option or wrong value to tag with it (`options[1]`, `wrongValues[0]`), or
 * empty.
 */
export const inlineMisconceptionSchema = z.object({
  name: misconceptionSchema.shape.name,
  nextStep: misconceptionSchema.shape.nextStep,
  linkTo: z
    .string()
    .max(40, "Choose an option from the list, or don't link it yet.")
    .regex(/^((options|wrongValues)\[\d{1,2}\])?$/, "Choose an option from the list, or don't link it yet.")
    .optional()
    .default(""),
});
