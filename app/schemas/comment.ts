// Forms on a student's timeline (teacher side): comments, marks, support.
import { z } from "zod";

export const COMMENT_MAX = 5000;

const commentBody = z
  .string({ error: "Write your comment before sending it." })
  .trim()
  .min(1, "Write your comment before sending it.")
  .max(COMMENT_MAX, `Keep the comment under ${COMMENT_MAX.toLocaleString("en-GB")} characters.`);

export const COMMENT_TARGETS = ["project", "attempt", "journal"] as const;

export const addCommentSchema = z
  .object({
    target: z.enum(COMMENT_TARGETS, { error: "We didn't understand what this comment is about." }),
    targetId: z.string().trim().max(100, "We didn't understand what this comment is about.").optional(),
    body: commentBody,
  })
  .refine((v) => v.target === "project" || Boolean(v.targetId), {
    message: "We didn't understand what this comment is about.",
  });

export const editCommentSchema = z.object({
  commentId: z.string({ error: "We couldn't tell which comment to edit." }).trim().min(1, "We couldn't tell which comment to edit.").max(100, "We couldn't tell which comment to edit."),
  body: commentBody,
});

export const REVIEW_VERDICTS = ["GOT_IT", "NOT_YET"] as const;

export const markAttemptSchema = z.object({
  attemptId: z.string({ error: "We couldn't tell which attempt to mark." }).trim().min(1, "We couldn't tell which attempt to mark.").max(100, "We couldn't tell which attempt to mark."),
  verdict: z.enum(REVIEW_VERDICTS, { error: 'Choose "Got it" or "Not yet".' }),
});

export const resolveSupportSchema = z.object({
  journalEntryId: z.string({ error: "We couldn't tell which request this is." }).trim().min(1, "We couldn't tell which request this is.").max(100, "We couldn't tell which request this is."),
  note: z
    .string()
    .trim()
    .max(COMMENT_MAX, `Keep the note under ${COMMENT_MAX.toLocaleString("en-GB")} characters.`)
    .optional(),
});
