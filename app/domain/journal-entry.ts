// The shape of journal entries and their drafts. Pure.
import { z } from "zod";

/** One answer in an entry; `question` is null for a free entry. */
export interface JournalResponse {
  question: string | null;
  answer: string;
}

/** What an entry reflects on: nothing more than the project, a prompt, a checkpoint or an attempt. */
export interface JournalContext {
  promptId: string | null;
  checkpointId: string | null;
  attemptId: string | null;
}

export const MAX_JOURNAL_ANSWER = 5000;

/** A saved draft as the journal form restores it. */
export interface JournalDraftView {
  id: string;
  formKey: string;
  context: JournalContext;
  answers: string[];
  supportNeeded: boolean;
  confidence: number | null;
  updatedAt: string;
}

export const CONFIDENCE_LABELS: Record<1 | 2 | 3 | 4 | 5, string> = {
  1: "1 — not sure at all",
  2: "2 — a little unsure",
  3: "3 — somewhat sure",
  4: "4 — fairly sure",
  5: "5 — very sure",
};

export function confidenceLabel(value: number | null | undefined): string | null {
  if (value === 1 || value === 2 || value === 3 || value === 4 || value === 5) return CONFIDENCE_LABELS[value];
  return null;
}

/** A snapshot of the questions with the student's answers (missing answers are empty). */
export function buildResponses(questions: (string | null)[], answers: (string | null | undefined)[]): JournalResponse[] {
  const list = questions.length ? questions : [null];
  return list.map((question, i) => ({ question, answer: (answers[i] ?? "").trim() }));
}

/**
 * One stored response (JournalEntry.responses holds an array of them): an
 * object { question, answer }, or, in older free entries, the answer alone as a
 * string. A question that is empty or not text reads as none; an answer that is
 * not text reads as empty.
 */
const storedResponseSchema = z.union([
  z.string().transform((answer): JournalResponse => ({ question: null, answer })),
  z.object({ question: z.unknown().optional(), answer: z.unknown().optional() }).transform(
    (r): JournalResponse => ({
      question: typeof r.question === "string" && r.question ? r.question : null,
      answer: typeof r.answer === "string" ? r.answer : "",
    }),
  ),
]);

/**
 * Reads JournalEntry.responses, the one parser for it: an array of responses,
 * or a single one for older free entries. Never throws: text that is not JSON
 * is one free answer, items that are not responses are left out.
 */
export function parseResponses(json: string): JournalResponse[] {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return json.trim() ? [{ question: null, answer: json }] : [];
  }
  const items = Array.isArray(value) ? value : [value];
  return items.flatMap((item) => {
    const read = storedResponseSchema.safeParse(item);
    return read.success ? [read.data] : [];
  });
}

export function hasAnyAnswer(responses: { answer?: string | null }[]): boolean {
  return responses.some((r) => Boolean(r.answer && r.answer.trim()));
}

/**
 * A stable key for one journal form (and its one draft): the student's draft
 * for a prompt, checkpoint or attempt is found again by it.
 */
export function journalFormKey(context: JournalContext): string {
  return [context.promptId ?? "free", context.checkpointId ?? "project", context.attemptId ?? "any"].join(".");
}

/** The id of a journal form on its page: its element id, and the formId its action results carry (see resultFor). */
export function journalFormId(formKey: string): string {
  return `journal-${formKey}`;
}

/** One journal form as a page offers it: what an entry would be linked to, its title and questions, and the student's draft of it. */
export interface JournalFormView {
  formKey: string;
  context: JournalContext;
  title: string;
  /** The questions to answer; [null] for a free entry. */
  questions: (string | null)[];
  draft: JournalDraftView | null;
}

/** The form for a context, with the student's draft of it (`drafts` by form key) if there is one. */
export function journalFormView(context: JournalContext, title: string, questions: (string | null)[], drafts: Record<string, JournalDraftView>): JournalFormView {
  const formKey = journalFormKey(context);
  return { formKey, context, title, questions, draft: drafts[formKey] ?? null };
}

export function sameContext(a: JournalContext, b: JournalContext): boolean {
  return a.promptId === b.promptId && a.checkpointId === b.checkpointId && a.attemptId === b.attemptId;
}

/** What an entry is linked to, in words: "This project", "Checkpoint: Speed · attempt 2". */
export function describeEntryLink(link: { checkpointTitle?: string | null; attemptNumber?: number | null }): string {
  if (!link.checkpointTitle) return "This project";
  return link.attemptNumber ? `Checkpoint: ${link.checkpointTitle} · attempt ${link.attemptNumber}` : `Checkpoint: ${link.checkpointTitle}`;
}
