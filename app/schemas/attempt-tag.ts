// The teacher's tag corrections on an attempt (insight drill-down).
import { z } from "zod";

export const TAG_INTENTS = ["add-tag", "remove-tag"] as const;

export const attemptTagSchema = z.object({
  intent: z.enum(TAG_INTENTS, { error: "We didn't understand that request." }),
  attemptId: z.string({ error: "We couldn't tell which attempt this is." }).trim().min(1, "We couldn't tell which attempt this is.").max(100, "We couldn't tell which attempt this is."),
  misconceptionId: z.string({ error: "Choose a misconception." }).trim().min(1, "Choose a misconception.").max(100, "Choose a misconception from the list."),
});

