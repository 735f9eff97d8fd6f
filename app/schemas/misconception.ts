import { z } from "zod";

export const misconceptionSchema = z.object({
  name: z
    .string({ error: "Give the misconception a short name." })
    .trim()
    .min(1, "Give the misconception a short name.")
    .max(80, "Keep the name under 80 characters."),
  description: z.string().trim().max(1000, "Keep the description under 1,000 characters.").optional().default(""),
  nextStep: z.string().trim().max(1000, "Keep the next step under 1,000 characters.").optional().default(""),
});

export type MisconceptionInput = z.output<typeof misconceptionSchema>;
