// A student's journal: drafts saved as they type, entries added once and never changed.
// Every function takes the signed-in student's id and a project the caller found
// with requireStudentProject; every query is scoped to both. listAddedEntries
// also serves the teacher's timeline, with the project requireTeacherProject proved.
import { prisma } from "~/db.server";
import { Prisma } from "~/generated/prisma/client";
import { commentForStudentSelect, commentsForStudent } from "~/models/comment.server";
import type { EnrolledProject, OwnedProject } from "~/models/project.server";
import {
  buildResponses,
  hasAnyAnswer,
  journalFormId,
  journalFormKey,
  parseResponses,
  sameContext,
  type JournalContext,
  type JournalDraftView,
} from "~/domain/journal-entry";
import { findTemplate, parseQuestions } from "~/domain/reflection-templates";
import { ADD_ENTRY_INTENT, EMPTY_ENTRY_MESSAGE, journalEntrySchema, type JournalFormResult } from "~/schemas/journal";
import { parseSubmission } from "~/utils/submission";
import { teacherName } from "~/domain/labels";

export type { JournalFormResult };

/**
 * A student's entries added to their journal on a project, as the teacher's
 * timeline and the student's recoveries show them: answers parsed, the time it
 * was added, the prompt's title and the attempt it reflects on. Takes a project
 * a guard proved (the teacher's, or one the student is enrolled in).
 */
export async function listAddedEntries(studentId: string, project: OwnedProject | EnrolledProject) {
  const entries = await prisma.journalEntry.findMany({
    where: { studentId, projectId: project.id, status: "SUBMITTED" },
    select: {
      id: true,
      checkpointId: true,
      attemptId: true,
      responses: true,
      confidence: true,
      supportNeeded: true,
      supportResolvedAt: true,
      submittedAt: true,
      createdAt: true,
      prompt: { select: { title: true } },
      attempt: { select: { number: true, checkpointId: true } },
    },
  });
  return entries.map((e) => ({
    id: e.id,
    checkpointId: e.checkpointId,
    attemptId: e.attemptId,
    attempt: e.attempt,
    promptTitle: e.prompt?.title ?? null,
    responses: parseResponses(e.responses),
    confidence: e.confidence,
    supportNeeded: e.supportNeeded,
    supportResolvedAt: e.supportResolvedAt,
    submittedAt: e.submittedAt ?? e.createdAt,
  }));
}

/** The template used after a "not yet" when the teacher set no prompt of their own. */
export const FALLBACK_REFLECTION_KEY = "four-part-journal";

export function fallbackReflectionQuestions(): string[] {
  return findTemplate(FALLBACK_REFLECTION_KEY)?.questions ?? ["What happened?"];
}

export interface ResolvedJournalContext {
  context: JournalContext;
  /** The questions answered (null for a free entry's single answer). */
  questions: (string | null)[];
  formKey: string;
}

/**
 * Checks what an entry would be linked to and finds its questions. A prompt
 * must be a live prompt of this project; an attempt must be the student's own
 * attempt in this project. Returns null for anything else.
 */
export async function resolveJournalContext(
  studentId: string,
  projectId: string,
  input: { promptId?: string | null; checkpointId?: string | null; attemptId?: string | null },
): Promise<ResolvedJournalContext | null> {
  const done = (context: JournalContext, questions: (string | null)[]): ResolvedJournalContext => ({
    context,
    questions,
    formKey: journalFormKey(context),
  });

  const attempt = input.attemptId
    ? await prisma.attempt.findFirst({
        where: { id: input.attemptId, studentId, checkpoint: { projectId } },
        select: { id: true, checkpointId: true },
      })
    : null;
  if (input.attemptId && !attempt) return null;

  if (input.promptId) {
    const prompt = await prisma.reflectionPrompt.findFirst({
      where: { id: input.promptId, projectId, archivedAt: null },
      select: { id: true, trigger: true, checkpointId: true, questions: true },
    });
    if (!prompt) return null;
    const questions = parseQuestions(prompt.questions);
    if (prompt.trigger === "PROJECT") return done({ promptId: prompt.id, checkpointId: null, attemptId: null }, questions);
    if (!prompt.checkpointId) return null;
    if (prompt.trigger === "AFTER_NOT_YET") {
      if (!attempt || attempt.checkpointId !== prompt.checkpointId) return null;
      return done({ promptId: prompt.id, checkpointId: prompt.checkpointId, attemptId: attempt.id }, questions);
    }
    return done({ promptId: prompt.id, checkpointId: prompt.checkpointId, attemptId: null }, questions);
  }

  if (attempt) return done({ promptId: null, checkpointId: attempt.checkpointId, attemptId: attempt.id }, fallbackReflectionQuestions());

  if (input.checkpointId) {
    const checkpoint = await prisma.checkpoint.findFirst({ where: { id: input.checkpointId, projectId }, select: { id: true } });
    if (!checkpoint) return null;
    return done({ promptId: null, checkpointId: checkpoint.id, attemptId: null }, [null]);
  }
  return done({ promptId: null, checkpointId: null, attemptId: null }, [null]);
}

/** The student's drafts in a project, the latest per context, keyed by form key. */
export async function findOwnDrafts(studentId: string, projectId: string): Promise<Record<string, JournalDraftView>> {
  const drafts = await prisma.journalEntry.findMany({
    where: { studentId, projectId, status: "DRAFT" },
    orderBy: { updatedAt: "desc" },
    select: { id: true, promptId: true, checkpointId: true, attemptId: true, responses: true, supportNeeded: true, confidence: true, updatedAt: true },
  });
  const byKey: Record<string, JournalDraftView> = {};
  for (const d of drafts) {
    const formKey = journalFormKey(d);
    if (byKey[formKey]) continue;
    byKey[formKey] = {
      id: d.id,
      formKey,
      context: { promptId: d.promptId, checkpointId: d.checkpointId, attemptId: d.attemptId },
      answers: parseResponses(d.responses).map((r) => r.answer),
      supportNeeded: d.supportNeeded,
      confidence: d.confidence,
      updatedAt: d.updatedAt.toISOString(),
    };
  }
  return byKey;
}

export interface EntryFields {
  draftId?: string | null;
  answers: (string | null | undefined)[];
  supportNeeded: boolean;
  confidence: number | null;
}

function findContextDraft(tx: Pick<typeof prisma, "journalEntry">, studentId: string, projectId: string, context: JournalContext) {
  return tx.journalEntry.findFirst({
    where: { studentId, projectId, status: "DRAFT", ...context },
    orderBy: { updatedAt: "desc" },
    select: { id: true },
  });
}

export type SaveDraftResult = { kind: "saved"; draftId: string; savedAt: Date } | { kind: "already-added"; entryId: string };

/** The student's own entry (draft or added) in the project, with its status and context, or null. */
function findOwnEntryState(tx: Pick<typeof prisma, "journalEntry">, studentId: string, projectId: string, entryId: string) {
  return tx.journalEntry.findFirst({
    where: { id: entryId, studentId, projectId },
    select: { id: true, status: true, promptId: true, checkpointId: true, attemptId: true },
  });
}

/**
 * Saves the draft of one context: the same row every time (found by its id,
 * else by its context), so a student has one draft per prompt, checkpoint or attempt.
 */
export async function saveDraft(studentId: string, projectId: string, resolved: ResolvedJournalContext, fields: EntryFields): Promise<SaveDraftResult> {
  const data = {
    responses: JSON.stringify(buildResponses(resolved.questions, fields.answers)),
    supportNeeded: fields.supportNeeded,
    confidence: fields.confidence,
  };
  return prisma.$transaction(async (tx) => {
    if (fields.draftId) {
      const row = await findOwnEntryState(tx, studentId, projectId, fields.draftId);
      // Already added to the journal (a late autosave): entries are never changed.
      if (row?.status === "SUBMITTED" && sameContext(row, resolved.context)) return { kind: "already-added" as const, entryId: row.id };
      if (row?.status === "DRAFT" && sameContext(row, resolved.context)) {
        const saved = await tx.journalEntry.update({ where: { id: row.id }, data, select: { id: true, updatedAt: true } });
        return { kind: "saved" as const, draftId: saved.id, savedAt: saved.updatedAt };
      }
    }
    const existing = await findContextDraft(tx, studentId, projectId, resolved.context);
    const saved = existing
      ? await tx.journalEntry.update({ where: { id: existing.id }, data, select: { id: true, updatedAt: true } })
      : await tx.journalEntry.create({
          data: { ...data, ...resolved.context, studentId, projectId, status: "DRAFT" },
          select: { id: true, updatedAt: true },
        });
    return { kind: "saved" as const, draftId: saved.id, savedAt: saved.updatedAt };
  });
}

export type AddEntryResult = { kind: "added"; entryId: string; duplicate: boolean } | { kind: "empty" };

/**
 * Adds an entry to the journal: the context's draft becomes SUBMITTED (or a new
 * entry is created). A repeat of the same submission returns the entry already added.
 */
export async function addEntry(studentId: string, projectId: string, resolved: ResolvedJournalContext, fields: EntryFields): Promise<AddEntryResult> {
  const responses = buildResponses(resolved.questions, fields.answers);
  if (!hasAnyAnswer(responses)) return { kind: "empty" };
  const data = {
    responses: JSON.stringify(responses),
    supportNeeded: fields.supportNeeded,
    confidence: fields.confidence,
    status: "SUBMITTED",
    submittedAt: new Date(),
  };
  return prisma.$transaction(async (tx) => {
    if (fields.draftId) {
      const row = await findOwnEntryState(tx, studentId, projectId, fields.draftId);
      if (row?.status === "SUBMITTED" && sameContext(row, resolved.context)) return { kind: "added" as const, entryId: row.id, duplicate: true };
    }
    // The same text sent twice in a row (a double click without JavaScript) is one entry.
    const repeat = await tx.journalEntry.findFirst({
      where: {
        studentId,
        projectId,
        status: "SUBMITTED",
        ...resolved.context,
        responses: data.responses,
        submittedAt: { gte: new Date(Date.now() - 15_000) },
      },
      select: { id: true },
    });
    if (repeat) return { kind: "added" as const, entryId: repeat.id, duplicate: true };

    const ownDraft = fields.draftId
      ? await tx.journalEntry.findFirst({ where: { id: fields.draftId, studentId, projectId, status: "DRAFT", ...resolved.context }, select: { id: true } })
      : null;
    const draft = ownDraft ?? (await findContextDraft(tx, studentId, projectId, resolved.context));
    if (draft) {
      const changed = await tx.journalEntry.updateMany({ where: { id: draft.id, studentId, status: "DRAFT" }, data });
      if (changed.count === 1) return { kind: "added" as const, entryId: draft.id, duplicate: false };
    }
    const created = await tx.journalEntry.create({
      data: { ...data, ...resolved.context, studentId, projectId },
      select: { id: true },
    });
    return { kind: "added" as const, entryId: created.id, duplicate: false };
  });
}

/**
 * Reads a posted journal form (intent "save-draft" or "add-entry") and saves it
 * for the student in the project. Routes turn "added" into a redirect and
 * "invalid" into a 400.
 */
export async function handleJournalForm(formData: FormData, studentId: string, projectId: string): Promise<JournalFormResult> {
  const submission = parseSubmission(formData, { schema: journalEntrySchema });
  const raw = (name: string) => {
    const v = formData.get(name);
    return typeof v === "string" && v ? v : null;
  };
  const postedKey = raw("formKey");
  const resolved = await resolveJournalContext(studentId, projectId, {
    promptId: raw("promptId"),
    checkpointId: raw("checkpointId"),
    attemptId: raw("attemptId"),
  });
  if (!resolved) {
    return {
      formId: postedKey ? journalFormId(postedKey) : null,
      kind: "invalid",
      formKey: postedKey,
      reply: submission.reply({ formErrors: ["This reflection isn't available any more. Your words are still in the form: copy them into a free entry."] }),
    };
  }
  const formId = journalFormId(resolved.formKey);
  if (submission.status !== "success") {
    return { formId, kind: "invalid", formKey: resolved.formKey, reply: submission.reply() };
  }
  const value = submission.value;
  const fields: EntryFields = {
    draftId: value.draftId ?? null,
    answers: value.answers,
    supportNeeded: value.supportNeeded,
    confidence: value.confidence ?? null,
  };
  if (value.intent === ADD_ENTRY_INTENT) {
    const added = await addEntry(studentId, projectId, resolved, fields);
    if (added.kind === "empty") {
      return { formId, kind: "invalid", formKey: resolved.formKey, reply: submission.reply({ fieldErrors: { answers: [EMPTY_ENTRY_MESSAGE] } }) };
    }
    return { formId, kind: "added", formKey: resolved.formKey, entryId: added.entryId };
  }
  const saved = await saveDraft(studentId, projectId, resolved, fields);
  if (saved.kind === "already-added") return { formId, kind: "kept", formKey: resolved.formKey, entryId: saved.entryId };
  return {
    formId,
    kind: "saved",
    formKey: resolved.formKey,
    reply: submission.reply(),
    draftId: saved.draftId,
    savedAt: saved.savedAt.toISOString(),
  };
}

/** A submitted entry of the student's, by id (to confirm it was added), or null. */
export function findOwnEntry(studentId: string, projectId: string, entryId: string) {
  return prisma.journalEntry.findFirst({
    where: { id: entryId, studentId, projectId, status: "SUBMITTED" },
    select: { id: true, promptId: true, checkpointId: true, attemptId: true },
  });
}

/** The student's submitted entries linked to one of their attempts. */
export function listOwnEntriesOnAttempt(studentId: string, projectId: string, attemptId: string) {
  return prisma.journalEntry.findMany({
    where: { studentId, projectId, attemptId, status: "SUBMITTED" },
    select: { id: true, promptId: true },
  });
}

/** The student's submitted entries in a project, newest first, with links and teacher comments. */
export function listOwnEntries(studentId: string, projectId: string) {
  return prisma.journalEntry.findMany({
    where: { studentId, projectId, status: "SUBMITTED" },
    orderBy: [{ submittedAt: "desc" }, { createdAt: "desc" }],
    select: {
      id: true,
      responses: true,
      supportNeeded: true,
      supportResolvedAt: true,
      confidence: true,
      submittedAt: true,
      createdAt: true,
      prompt: { select: { id: true, title: true } },
      checkpoint: {
        select: { id: true, archivedAt: true, versions: { orderBy: { version: "desc" }, take: 1, select: { title: true } } },
      },
      attempt: { select: { id: true, number: true } },
      comments: commentsForStudent(studentId),
    },
  });
}

/** Live reflection prompts of a project for students, in the teacher's order. */
export function listLivePrompts(
  projectId: string,
  where: { trigger: string | { in: string[] }; checkpointId?: string | null },
): Promise<{ id: string; title: string; questions: string; trigger: string; checkpointId: string | null }[]> {
  // A plain statement (decision 016: both student pages read the prompts).
  const triggers = typeof where.trigger === "string" ? [where.trigger] : where.trigger.in;
  if (triggers.length === 0) return Promise.resolve([]);
  const checkpoint =
    where.checkpointId === undefined ? Prisma.empty : where.checkpointId === null ? Prisma.sql`AND "checkpointId" IS NULL` : Prisma.sql`AND "checkpointId" = ${where.checkpointId}`;
  return prisma.$queryRaw`
    SELECT "id", "title", "questions", "trigger", "checkpointId" FROM "ReflectionPrompt"
    WHERE "projectId" = ${projectId} AND "archivedAt" IS NULL AND "trigger" IN (${Prisma.join(triggers)}) ${checkpoint}
    ORDER BY "position", "createdAt", "id"`;
}

/** Where to go after an entry was added: the same page, saying so next to the form. */
export function addedLocation(request: Request, result: { entryId: string; formKey: string }, keep: Record<string, string | null> = {}): string {
  const url = new URL(request.url);
  url.searchParams.delete("index");
  url.searchParams.delete("_data");
  for (const [name, value] of Object.entries(keep)) if (value) url.searchParams.set(name, value);
  url.searchParams.set("added", result.entryId);
  return `${url.pathname}${url.search}#journal-form-${result.formKey}`;
}

/** How many entries and drafts the student has in a project. */
export async function countOwnJournal(studentId: string, projectId: string) {
  // A plain statement (decision 016: every student's project page counts). The count is cast so both engines answer a number.
  const byStatus = await prisma.$queryRaw<{ status: string; count: number }[]>`
    SELECT "status", CAST(COUNT(*) AS INTEGER) AS "count" FROM "JournalEntry"
    WHERE "studentId" = ${studentId} AND "projectId" = ${projectId}
    GROUP BY "status"`;
  const count = (status: string) => Number(byStatus.find((row) => row.status === status)?.count ?? 0);
  return { entries: count("SUBMITTED"), drafts: count("DRAFT") };
}

/** Latest titles of some of a project's checkpoints, by id. */
export async function checkpointTitles(projectId: string, ids: string[]): Promise<Record<string, string>> {
  if (ids.length === 0) return {};
  const rows = await prisma.checkpoint.findMany({
    where: { projectId, id: { in: ids } },
    select: { id: true, versions: { orderBy: { version: "desc" }, take: 1, select: { title: true } } },
  });
  return Object.fromEntries(rows.map((r) => [r.id, r.versions[0]?.title ?? "a checkpoint"]));
}

/** The teacher's comments on the student's work in the project as a whole (not on one attempt or entry). */
export async function listProjectComments(studentId: string, projectId: string) {
  const comments = await prisma.teacherComment.findMany({
    where: { studentId, projectId, attemptId: null, journalEntryId: null },
    orderBy: { createdAt: "desc" },
    select: commentForStudentSelect,
  });
  return comments.map((c) => ({ id: c.id, authorName: teacherName(c.author), versions: c.versions, firstReadAt: c.firstReadAt }));
}
