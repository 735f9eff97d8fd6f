// Reflection prompts of a project, for the teacher. Every function takes a
// projectId that came from requireTeacherProject and keeps it in the `where`.
//
// A checkpoint has at most one live "after a not yet" prompt: adding another
// archives the one before (archived prompts and the journal entries answering
// them are kept, and a prompt can be restored).
import { prisma } from "~/db.server";
import { nextPosition } from "~/domain/checkpoint-order";
import { findTemplate, parseQuestions, type PromptTrigger } from "~/domain/reflection-templates";

export interface PromptData {
  trigger: PromptTrigger;
  /** Ignored for project-level prompts. */
  checkpointId?: string | null;
  title: string;
  questions: string[];
  templateKey?: string | null;
}

type Tx = Parameters<Parameters<typeof prisma.$transaction>[0]>[0];

export async function listProjectPrompts(projectId: string) {
  const prompts = await prisma.reflectionPrompt.findMany({
    where: { projectId },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    select: {
      id: true,
      trigger: true,
      checkpointId: true,
      title: true,
      questions: true,
      templateKey: true,
      archivedAt: true,
      _count: { select: { journalEntries: true } },
    },
  });
  return prompts.map(({ _count, questions, ...p }) => ({
    ...p,
    trigger: p.trigger as PromptTrigger,
    questions: parseQuestions(questions),
    entryCount: _count.journalEntries,
  }));
}

export async function findProjectPrompt(projectId: string, promptId: string) {
  const prompt = await prisma.reflectionPrompt.findFirst({
    where: { id: promptId, projectId },
    select: { id: true, trigger: true, checkpointId: true, title: true, questions: true, templateKey: true, archivedAt: true, _count: { select: { journalEntries: true } } },
  });
  if (!prompt) return null;
  const { _count, questions, ...rest } = prompt;
  return { ...rest, trigger: rest.trigger as PromptTrigger, questions: parseQuestions(questions), entryCount: _count.journalEntries };
}

/** The project's checkpoints a prompt can be placed on, live first in order, each with its current title; archived ones say so. */
export async function checkpointChoices(projectId: string) {
  const checkpoints = await prisma.checkpoint.findMany({
    where: { projectId },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    select: { id: true, archivedAt: true, versions: { orderBy: { version: "desc" }, take: 1, select: { title: true } } },
  });
  return checkpoints.map((c) => ({ id: c.id, title: c.versions[0]?.title ?? "(untitled)", archived: c.archivedAt !== null }));
}

/** The live "after a not yet" prompt of a checkpoint, if any. */
export function findAfterNotYetPrompt(projectId: string, checkpointId: string) {
  return prisma.reflectionPrompt.findFirst({
    where: { projectId, checkpointId, trigger: "AFTER_NOT_YET", archivedAt: null },
    orderBy: { createdAt: "desc" },
    select: { id: true, title: true, templateKey: true },
  });
}

/** Live checkpoint of the project, or null (prompts may only point at the project's own checkpoints). */
async function liveCheckpoint(tx: Tx, projectId: string, checkpointId: string | null | undefined) {
  if (!checkpointId) return null;
  return tx.checkpoint.findFirst({ where: { id: checkpointId, projectId, archivedAt: null }, select: { id: true } });
}

/** Archives the other live "after a not yet" prompts of a checkpoint; returns their titles. */
async function archiveOtherAfterNotYet(tx: Tx, projectId: string, checkpointId: string, keepId: string | null) {
  const others = await tx.reflectionPrompt.findMany({
    where: { projectId, checkpointId, trigger: "AFTER_NOT_YET", archivedAt: null, ...(keepId ? { id: { not: keepId } } : {}) },
    select: { id: true, title: true },
  });
  if (others.length) {
    await tx.reflectionPrompt.updateMany({ where: { id: { in: others.map((o) => o.id) }, projectId }, data: { archivedAt: new Date() } });
  }
  return others.map((o) => o.title);
}

export type PromptWriteResult = { ok: true; id: string; replaced: string[] } | { ok: false; reason: "checkpoint-not-found" | "not-found" };

export async function createPrompt(projectId: string, data: PromptData): Promise<PromptWriteResult> {
  return prisma.$transaction((tx) => addPrompt(tx, projectId, data));
}

/** createPrompt inside a transaction the caller holds (a project file's import saves everything in one). */
export async function addPrompt(tx: Tx, projectId: string, data: PromptData): Promise<PromptWriteResult> {
  const checkpoint = data.trigger === "PROJECT" ? null : await liveCheckpoint(tx, projectId, data.checkpointId);
  if (data.trigger !== "PROJECT" && !checkpoint) return { ok: false as const, reason: "checkpoint-not-found" as const };
  const replaced = data.trigger === "AFTER_NOT_YET" && checkpoint ? await archiveOtherAfterNotYet(tx, projectId, checkpoint.id, null) : [];
  const positions = await tx.reflectionPrompt.findMany({ where: { projectId }, select: { position: true } });
  const prompt = await tx.reflectionPrompt.create({
    data: {
      projectId,
      checkpointId: checkpoint?.id ?? null,
      trigger: data.trigger,
      title: data.title,
      questions: JSON.stringify(data.questions),
      templateKey: data.templateKey ?? null,
      position: nextPosition(positions.map((p) => p.position)),
    },
    select: { id: true },
  });
  return { ok: true as const, id: prompt.id, replaced };
}

export async function createPromptFromTemplate(
  projectId: string,
  input: { templateKey: string; trigger: PromptTrigger; checkpointId?: string | null },
): Promise<PromptWriteResult> {
  const template = findTemplate(input.templateKey);
  if (!template) return { ok: false, reason: "not-found" };
  return createPrompt(projectId, {
    trigger: input.trigger,
    checkpointId: input.checkpointId,
    title: template.title,
    questions: template.questions,
    templateKey: template.key,
  });
}

/**
 * Edits a prompt in place. Journal entries keep a snapshot of the questions
 * they answered, so earlier entries still read as written.
 */
export async function updatePrompt(projectId: string, promptId: string, data: PromptData): Promise<PromptWriteResult> {
  return prisma.$transaction(async (tx) => {
    const prompt = await tx.reflectionPrompt.findFirst({ where: { id: promptId, projectId }, select: { id: true, archivedAt: true } });
    if (!prompt) return { ok: false as const, reason: "not-found" as const };
    const checkpoint = data.trigger === "PROJECT" ? null : await liveCheckpoint(tx, projectId, data.checkpointId);
    if (data.trigger !== "PROJECT" && !checkpoint) return { ok: false as const, reason: "checkpoint-not-found" as const };
    const replaced =
      data.trigger === "AFTER_NOT_YET" && checkpoint && !prompt.archivedAt ? await archiveOtherAfterNotYet(tx, projectId, checkpoint.id, prompt.id) : [];
    await tx.reflectionPrompt.update({
      where: { id: prompt.id },
      data: { trigger: data.trigger, checkpointId: checkpoint?.id ?? null, title: data.title, questions: JSON.stringify(data.questions) },
    });
    return { ok: true as const, id: prompt.id, replaced };
  });
}

export async function archivePrompt(projectId: string, promptId: string): Promise<boolean> {
  const result = await prisma.reflectionPrompt.updateMany({ where: { id: promptId, projectId, archivedAt: null }, data: { archivedAt: new Date() } });
  return result.count > 0;
}

/** Restores an archived prompt; an "after a not yet" prompt replaces the checkpoint's current one. */
export async function restorePrompt(projectId: string, promptId: string): Promise<PromptWriteResult> {
  return prisma.$transaction(async (tx) => {
    const prompt = await tx.reflectionPrompt.findFirst({
      where: { id: promptId, projectId, archivedAt: { not: null } },
      select: { id: true, trigger: true, checkpointId: true },
    });
    if (!prompt) return { ok: false as const, reason: "not-found" as const };
    if (prompt.checkpointId && !(await liveCheckpoint(tx, projectId, prompt.checkpointId))) {
      return { ok: false as const, reason: "checkpoint-not-found" as const };
    }
    const replaced =
      prompt.trigger === "AFTER_NOT_YET" && prompt.checkpointId ? await archiveOtherAfterNotYet(tx, projectId, prompt.checkpointId, prompt.id) : [];
    await tx.reflectionPrompt.update({ where: { id: prompt.id }, data: { archivedAt: null } });
    return { ok: true as const, id: prompt.id, replaced };
  });
}

/**
 * The checkpoint editor's "after a not yet" choice: keep the current prompt,
 * have none (the current one is archived), or start one from a template.
 */
export async function applyAfterNotYetChoice(projectId: string, checkpointId: string, choice: string | undefined) {
  if (!choice || choice === "current") return;
  if (choice === "none") {
    await prisma.reflectionPrompt.updateMany({
      where: { projectId, checkpointId, trigger: "AFTER_NOT_YET", archivedAt: null },
      data: { archivedAt: new Date() },
    });
    return;
  }
  const current = await findAfterNotYetPrompt(projectId, checkpointId);
  if (current?.templateKey === choice) return;
  await createPromptFromTemplate(projectId, { templateKey: choice, trigger: "AFTER_NOT_YET", checkpointId });
}
