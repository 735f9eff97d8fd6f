import type { SubmissionResult } from "@conform-to/react";
import { z } from "zod";
import { MAX_JOURNAL_ANSWER } from "~/domain/journal-entry";

export const SAVE_DRAFT_INTENT = "save-draft";
export const ADD_ENTRY_INTENT = "add-entry";
export const JOURNAL_INTENTS = [SAVE_DRAFT_INTENT, ADD_ENTRY_INTENT] as const;

export const EMPTY_ENTRY_MESSAGE =
  "Write something in at least one answer before adding this to your journal — or save it as a draft for later.";

const id = z.string().max(100).optional();

/**
 * A journal entry or its draft. Drafts may be empty; an entry added to the
 * journal needs text in at least one answer.
 */
export const journalEntrySchema = z
  .object({
    // Without an intent (as when Conform re-checks while typing) the form is a draft.
    intent: z.enum(JOURNAL_INTENTS).default(SAVE_DRAFT_INTENT),
    draftId: id,
    promptId: id,
    checkpointId: id,
    attemptId: id,
    answers: z
      .array(z.string().max(MAX_JOURNAL_ANSWER, `Keep each answer under ${MAX_JOURNAL_ANSWER.toLocaleString("en-GB")} characters.`).optional())
      .max(20)
      .default([]),
    supportNeeded: z.boolean().optional().default(false),
    confidence: z
      .number({ error: "Choose a number from 1 to 5, or no rating." })
      .int("Choose a number from 1 to 5, or no rating.")
      .min(1, "Choose a number from 1 to 5, or no rating.")
      .max(5, "Choose a number from 1 to 5, or no rating.")
      .optional(),
  })
  .superRefine((value, ctx) => {
    if (value.intent === ADD_ENTRY_INTENT && !value.answers.some((a) => a && a.trim())) {
      ctx.addIssue({ code: "custom", path: ["answers"], message: EMPTY_ENTRY_MESSAGE });
    }
  });


/**
 * What a route's action answers for a journal form (shared by the form
 * component): `formId` names the form it answers (journalFormId, see
 * resultFor); null when the form's context could not be read.
 */
export type JournalFormResult =
  | { formId: string; kind: "saved"; formKey: string; reply: SubmissionResult<string[]>; draftId: string; savedAt: string }
  | { formId: string; kind: "added"; formKey: string; entryId: string }
  /** A late draft save of an entry already added: nothing changed. */
  | { formId: string; kind: "kept"; formKey: string; entryId: string }
  | { formId: string | null; kind: "invalid"; formKey: string | null; reply: SubmissionResult<string[]> };
