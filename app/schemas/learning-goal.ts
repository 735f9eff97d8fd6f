// The forms of learning goals (decision 018): a student sets a goal in their
// own words from a teacher's comment or a "not yet", adds notes and changes
// its status over time; the teacher comments on a goal.
import { z } from "zod";
import { GOAL_STATUSES, parseTargetDate } from "~/domain/learning-goals";

export const GOAL_TEXT_MAX = 500;
export const GOAL_NOTE_MAX = 2000;

export const GOAL_INTENTS = {
  set: "set-goal",
  note: "add-goal-note",
  comment: "comment-on-goal",
} as const;

export const GOAL_SOURCES = ["comment", "attempt"] as const;

const goalId = z
  .string({ error: "We couldn't tell which goal this is. Reload the page and try again." })
  .trim()
  .min(1, "We couldn't tell which goal this is. Reload the page and try again.")
  .max(100, "We couldn't tell which goal this is. Reload the page and try again.");

export const setGoalSchema = z.object({
  source: z.enum(GOAL_SOURCES, { error: "We couldn't tell what this goal comes from. Go back and choose “Set a learning goal” again." }),
  sourceId: z
    .string({ error: "We couldn't tell what this goal comes from. Go back and choose “Set a learning goal” again." })
    .trim()
    .min(1, "We couldn't tell what this goal comes from. Go back and choose “Set a learning goal” again.")
    .max(100, "We couldn't tell what this goal comes from. Go back and choose “Set a learning goal” again."),
  text: z
    .string({ error: "Write your goal in your own words." })
    .trim()
    .min(1, "Write your goal in your own words.")
    .max(GOAL_TEXT_MAX, `Keep your goal under ${GOAL_TEXT_MAX.toLocaleString("en-GB")} characters: one clear step is easier to work on.`),
  targetDate: z
    .string()
    .trim()
    .max(10, "Write the date as year-month-day, like 2027-03-15, or leave it empty.")
    .optional()
    .superRefine((value, ctx) => {
      const parsed = parseTargetDate(value, new Date());
      if (!parsed.ok) ctx.addIssue({ code: "custom", message: parsed.message });
    }),
});

export const goalNoteSchema = z
  .object({
    goalId,
    body: z
      .string()
      .trim()
      .max(GOAL_NOTE_MAX, `Keep the note under ${GOAL_NOTE_MAX.toLocaleString("en-GB")} characters.`)
      .optional(),
    status: z.enum(GOAL_STATUSES, { error: "Choose one of the statuses in the list." }).optional(),
  })
  .refine((v) => Boolean(v.body) || Boolean(v.status), { message: "Write a note, or choose a new status, before saving.", path: ["body"] });

export const goalCommentSchema = z.object({
  goalId,
  body: z
    .string({ error: "Write your comment before sending it." })
    .trim()
    .min(1, "Write your comment before sending it.")
    .max(GOAL_NOTE_MAX, `Keep the comment under ${GOAL_NOTE_MAX.toLocaleString("en-GB")} characters.`),
});
