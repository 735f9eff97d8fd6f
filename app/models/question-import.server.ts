// Importing a question bank (issue 11, decision 020): a file is read and
// planned (app/domain/question-import), the plan is kept on the server as a
// PendingImport for the preview, and "Import" saves it in one transaction —
// the project (new, or the one it was sent to), misconceptions found or made
// by name, pictures, and checkpoints through the editor's own model functions
// — so a file is imported whole or not at all. The class's teacher is in the
// `where` of every query; another teacher's pending import is not found.
import { prisma } from "~/db.server";
import type { Prisma } from "~/generated/prisma/client";
import type { CheckpointContentValue } from "~/domain/checkpoint-form";
import { replaceImageRefs } from "~/domain/rich-text";
import { IMPORT_LIMITS } from "~/domain/question-import/limits";
import { planImport, refIndex, type ImportPlan, type PlannedCheckpoint } from "~/domain/question-import/plan";
import { readQuestionFile } from "~/domain/question-import/read";
import { FORMAT_NAMES, ImportFileError, type ImportFormat } from "~/domain/question-import/types";
import { addCheckpoint } from "~/models/checkpoint.server";
import { findOrAddMisconception } from "~/models/misconception.server";
import { addPrompt } from "~/models/reflection-prompt.server";
import { taughtBy } from "~/models/class-teachers.server";

/** Where the questions go: a project of the class, or a new draft project in it. */
export interface ImportTarget {
  teacherId: string;
  classroomId: string;
  projectId: string | null;
}

export type ReadResult = { ok: true; plan: ImportPlan } | { ok: false; where: string; why: string };

/** Reads and plans a file; a file that cannot be imported at all gives where and why. */
export function readAndPlan(fileName: string, bytes: Uint8Array): ReadResult {
  try {
    return { ok: true, plan: planImport(readQuestionFile(fileName, bytes)) };
  } catch (error) {
    if (error instanceof ImportFileError) return { ok: false, where: error.where, why: error.message };
    throw error;
  }
}

const targetWhere = (t: ImportTarget) => ({ classroomId: t.classroomId, projectId: t.projectId, classroom: taughtBy(t.teacherId) });

/** Keeps a plan for its preview; returns the pending import's id, or null when the class or project is not the teacher's. */
export async function keepPendingImport(target: ImportTarget, fileName: string, plan: ImportPlan): Promise<string | null> {
  const classroom = await prisma.classroom.findFirst({
    where: { id: target.classroomId, ...taughtBy(target.teacherId), archivedAt: null, ...(target.projectId ? { projects: { some: { id: target.projectId } } } : {}) },
    select: { id: true },
  });
  if (!classroom) return null;
  const now = new Date();
  // Old previews of this class go when a new one comes (and those past their time).
  await prisma.pendingImport.deleteMany({ where: { OR: [{ expiresAt: { lt: now } }, { classroomId: classroom.id, createdAt: { lt: new Date(now.getTime() - IMPORT_LIMITS.pendingHours * 3600_000) } }] } });
  const pending = await prisma.pendingImport.create({
    data: {
      classroomId: classroom.id,
      projectId: target.projectId,
      fileName: fileName.slice(0, 200),
      format: plan.format,
      plan: JSON.stringify(plan),
      expiresAt: new Date(now.getTime() + IMPORT_LIMITS.pendingHours * 3600_000),
    },
    select: { id: true },
  });
  return pending.id;
}

export interface PendingView {
  id: string;
  fileName: string;
  format: ImportFormat;
  formatName: string;
  plan: ImportPlan;
  createdAt: Date;
}

/** The teacher's pending import for this target, while it lasts. */
export async function findPendingImport(target: ImportTarget, pendingId: string): Promise<PendingView | null> {
  const pending = await prisma.pendingImport.findFirst({
    where: { id: pendingId, ...targetWhere(target), expiresAt: { gt: new Date() } },
    select: { id: true, fileName: true, format: true, plan: true, createdAt: true },
  });
  if (!pending) return null;
  const format = pending.format as ImportFormat;
  return { id: pending.id, fileName: pending.fileName, format, formatName: FORMAT_NAMES[format] ?? pending.format, plan: JSON.parse(pending.plan) as ImportPlan, createdAt: pending.createdAt };
}

export async function discardPendingImport(target: ImportTarget, pendingId: string): Promise<boolean> {
  const result = await prisma.pendingImport.deleteMany({ where: { id: pendingId, ...targetWhere(target) } });
  return result.count > 0;
}

export type ImportOutcome =
  | { ok: true; projectId: string; checkpoints: number; misconceptionsCreated: number; misconceptionsReused: number; images: number; prompts: number }
  | { ok: false; reason: "not-found" };

/** A long import (the Eedi file: 1,859 checkpoints) must not be cut off by Prisma's 5-second default. */
const IMPORT_TRANSACTION = { timeout: 300_000, maxWait: 30_000 } as const;

/** Saves a pending import; it is deleted in the same transaction. */
export async function commitPendingImport(target: ImportTarget, pendingId: string, options: { projectTitle?: string } = {}): Promise<ImportOutcome> {
  return prisma.$transaction(async (tx) => {
    const pending = await tx.pendingImport.findFirst({ where: { id: pendingId, ...targetWhere(target), expiresAt: { gt: new Date() } }, select: { id: true, plan: true, fileName: true } });
    if (!pending) return { ok: false as const, reason: "not-found" as const };
    const deleted = await tx.pendingImport.deleteMany({ where: { id: pending.id } });
    // Two "Import" clicks at once: only the one that deleted it goes on.
    if (deleted.count !== 1) return { ok: false as const, reason: "not-found" as const };
    return saveWithin(tx, target, JSON.parse(pending.plan) as ImportPlan, { fileName: pending.fileName, projectTitle: options.projectTitle });
  }, IMPORT_TRANSACTION);
}

/** Reads, plans and saves a file in one go (the command line): nothing is saved when the file cannot be read. */
export async function importFile(target: ImportTarget, fileName: string, bytes: Uint8Array, options: { projectTitle?: string } = {}): Promise<{ read: ReadResult; outcome: ImportOutcome | null }> {
  const read = readAndPlan(fileName, bytes);
  if (!read.ok) return { read, outcome: null };
  const outcome = await prisma.$transaction((tx) => saveWithin(tx, target, read.plan, { fileName, projectTitle: options.projectTitle }), IMPORT_TRANSACTION);
  return { read, outcome };
}

/** The title of a new project made by an import. */
export function defaultProjectTitle(plan: ImportPlan, fileName: string): string {
  if (plan.project?.title) return plan.project.title.slice(0, 120);
  const base = fileName.replace(/\.[a-z0-9]+$/i, "").replace(/[_-]+/g, " ").trim();
  return (base || "Imported questions").slice(0, 120);
}

async function saveWithin(tx: Prisma.TransactionClient, target: ImportTarget, plan: ImportPlan, source: { fileName: string; projectTitle?: string }): Promise<ImportOutcome> {
  let projectId: string;
  if (target.projectId) {
    const project = await tx.project.findFirst({ where: { id: target.projectId, classroomId: target.classroomId, classroom: taughtBy(target.teacherId) }, select: { id: true } });
    if (!project) return { ok: false, reason: "not-found" };
    projectId = project.id;
  } else {
    const classroom = await tx.classroom.findFirst({ where: { id: target.classroomId, ...taughtBy(target.teacherId), archivedAt: null }, select: { id: true } });
    if (!classroom) return { ok: false, reason: "not-found" };
    const project = await tx.project.create({
      data: {
        classroomId: classroom.id,
        title: source.projectTitle?.trim().slice(0, 120) || defaultProjectTitle(plan, source.fileName),
        goal: plan.project?.goal?.slice(0, 1000) || `Questions imported from ${source.fileName.slice(0, 200)}.`,
        instructions: plan.project?.instructions?.slice(0, 5000) ?? "",
      },
      select: { id: true },
    });
    projectId = project.id;
  }

  const misconceptionIds: string[] = [];
  let created = 0;
  for (const m of plan.misconceptions) {
    const found = await findOrAddMisconception(tx, projectId, m);
    misconceptionIds.push(found.id);
    if (found.created) created++;
  }
  const imageIds = new Map<string, string>();
  for (const image of plan.images) {
    const data = Uint8Array.from(atob(image.base64), (c) => c.charCodeAt(0));
    const row = await tx.questionImage.create({ data: { projectId, mime: image.mime, data, bytes: data.byteLength }, select: { id: true } });
    imageIds.set(image.key, row.id);
  }
  const relink = (text: string) => replaceImageRefs(text, (ref) => (ref.startsWith("upload:") && imageIds.has(ref.slice(7)) ? `image:${imageIds.get(ref.slice(7))}` : ref.startsWith("image:") ? null : ref));
  const idOf = (ref: string | undefined) => (ref ? misconceptionIds[refIndex(ref)] : undefined);

  const checkpointIds: string[] = [];
  for (const planned of plan.checkpoints) {
    const { input } = planned;
    const checkpoint = await addCheckpoint(tx, projectId, { title: input.title, prompt: relink(input.prompt), maxAttempts: input.maxAttempts, content: resolveContent(planned, relink, idOf) });
    checkpointIds.push(checkpoint.id);
    const rechecks = input.recheckOf.map(idOf).filter((id): id is string => Boolean(id));
    if (rechecks.length) await tx.checkpointRecheck.createMany({ data: [...new Set(rechecks)].map((misconceptionId) => ({ checkpointId: checkpoint.id, misconceptionId })) });
  }
  let prompts = 0;
  for (const p of plan.prompts ?? []) {
    const checkpointId = p.itemIndex === null ? null : (checkpointIds[p.itemIndex] ?? null);
    if (p.trigger !== "PROJECT" && !checkpointId) continue;
    const written = await addPrompt(tx, projectId, { trigger: p.trigger, checkpointId, title: p.title.slice(0, 200), questions: p.questions, templateKey: p.templateKey });
    if (written.ok) prompts++;
  }
  return { ok: true, projectId, checkpoints: checkpointIds.length, misconceptionsCreated: created, misconceptionsReused: plan.misconceptions.length - created, images: imageIds.size, prompts };
}

function resolveContent(planned: PlannedCheckpoint, relink: (t: string) => string, idOf: (ref: string | undefined) => string | undefined): CheckpointContentValue {
  const content = planned.input.content;
  if (content.kind === "MULTIPLE_CHOICE") return { ...content, options: content.options.map((o) => ({ ...o, text: o.text ? relink(o.text) : o.text, misconceptionId: idOf(o.misconceptionId) })) };
  if (content.kind === "NUMERIC") return { ...content, wrongValues: (content.wrongValues ?? []).map((w) => ({ ...w, misconceptionId: idOf(w.misconceptionId) })) };
  return content;
}

/** Pending imports past their time (run with the session purge). */
export async function purgeExpiredImports(now = new Date()): Promise<number> {
  return (await prisma.pendingImport.deleteMany({ where: { expiresAt: { lt: now } } })).count;
}
