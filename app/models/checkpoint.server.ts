// Checkpoints of a project, for the teacher's builder. Every function takes a
// projectId that came from requireTeacherProject and keeps it in the `where`, so a
// checkpoint of another project is simply not found.
//
// Versioning: a checkpoint's content lives in CheckpointVersion rows. A version
// nobody has answered is updated in place; once a student has answered it,
// saving adds a new version so old attempts stay readable against what they
// answered.
import { prisma } from "~/db.server";
import type { Prisma } from "~/generated/prisma/client";
import { buildSpec, sameContent, type CheckpointContentValue } from "~/domain/checkpoint-form";
import { moveInOrder, nextPosition, positionUpdates, type MoveDirection } from "~/domain/checkpoint-order";
import { parseSpec, serializeSpec, type CheckpointKind, type CheckpointSpec } from "~/domain/checkpoint-spec";

export interface CheckpointContentInput {
  title: string;
  prompt: string;
  maxAttempts: number | null;
  content: CheckpointContentValue;
}

function safeParseSpec(json: string): CheckpointSpec | null {
  try {
    return parseSpec(json);
  } catch {
    return null;
  }
}

/** A checkpoint's own fields the builder shows, in the list and on the edit page. */
const builderFields = { id: true, kind: true, position: true, maxAttempts: true, archivedAt: true } as const satisfies Prisma.CheckpointSelect;

/** Every checkpoint of the project (archived too) in order, with its latest version and how much student work it has. */
export async function listProjectCheckpoints(projectId: string) {
  const checkpoints = await prisma.checkpoint.findMany({
    where: { projectId },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    select: {
      ...builderFields,
      versions: { orderBy: { version: "desc" }, take: 1, select: { id: true, version: true, title: true } },
      reflectionPrompts: {
        where: { trigger: "AFTER_NOT_YET", archivedAt: null },
        orderBy: { createdAt: "desc" },
        take: 1,
        select: { id: true, title: true },
      },
      _count: { select: { attempts: true, journalEntries: true } },
    },
  });
  return checkpoints.map((c) => ({
    id: c.id,
    kind: c.kind as CheckpointKind,
    position: c.position,
    maxAttempts: c.maxAttempts,
    archivedAt: c.archivedAt,
    title: c.versions[0]?.title ?? "(untitled)",
    version: c.versions[0]?.version ?? 0,
    attemptCount: c._count.attempts,
    hasStudentWork: c._count.attempts > 0 || c._count.journalEntries > 0,
    afterNotYetPrompt: c.reflectionPrompts[0] ?? null,
  }));
}

/** One checkpoint of the project with its latest version and attempt counts, or null. */
export async function findProjectCheckpoint(projectId: string, checkpointId: string) {
  const checkpoint = await prisma.checkpoint.findFirst({
    where: { id: checkpointId, projectId },
    select: {
      ...builderFields,
      versions: {
        orderBy: { version: "desc" },
        take: 1,
        select: { id: true, version: true, title: true, prompt: true, spec: true, createdAt: true, _count: { select: { attempts: true } } },
      },
      _count: { select: { attempts: true, versions: true } },
    },
  });
  if (!checkpoint || checkpoint.versions.length === 0) return null;
  const latest = checkpoint.versions[0];
  return {
    id: checkpoint.id,
    kind: checkpoint.kind as CheckpointKind,
    position: checkpoint.position,
    maxAttempts: checkpoint.maxAttempts,
    archivedAt: checkpoint.archivedAt,
    versionCount: checkpoint._count.versions,
    attemptsInAll: checkpoint._count.attempts,
    latest: {
      id: latest.id,
      version: latest.version,
      title: latest.title,
      prompt: latest.prompt,
      spec: safeParseSpec(latest.spec),
      specJson: latest.spec,
      createdAt: latest.createdAt,
      attempts: latest._count.attempts,
    },
  };
}

/** Adds a checkpoint at the end of the project, with its first version. */
export async function createCheckpoint(projectId: string, input: CheckpointContentInput) {
  return prisma.$transaction((tx) => addCheckpoint(tx, projectId, input));
}

/**
 * createCheckpoint inside a transaction the caller holds (an import saves all
 * of its checkpoints in one, so that nothing is half-imported).
 */
export async function addCheckpoint(tx: Prisma.TransactionClient, projectId: string, input: CheckpointContentInput) {
  const spec = serializeSpec(buildSpec(input.content, null));
  const positions = await tx.checkpoint.findMany({ where: { projectId }, select: { position: true } });
  return tx.checkpoint.create({
    data: {
      projectId,
      kind: input.content.kind,
      position: nextPosition(positions.map((p) => p.position)),
      maxAttempts: input.maxAttempts,
      versions: { create: { version: 1, title: input.title, prompt: input.prompt, spec } },
    },
    select: { id: true },
  });
}

export type SaveResult =
  | { outcome: "updated"; version: number }
  | { outcome: "new-version"; version: number; previousVersion: number }
  | { outcome: "unchanged"; version: number }
  | { outcome: "not-found" };

/**
 * Saves edited content. Updates the latest version in place when no one has
 * answered it; otherwise adds version n+1 (option ids that persist keep their
 * id, see buildSpec). The attempt cap lives on the checkpoint itself.
 */
export async function saveCheckpointContent(projectId: string, checkpointId: string, input: CheckpointContentInput): Promise<SaveResult> {
  return prisma.$transaction(async (tx) => {
    const checkpoint = await tx.checkpoint.findFirst({
      where: { id: checkpointId, projectId },
      select: {
        id: true,
        kind: true,
        versions: { orderBy: { version: "desc" }, take: 1, select: { id: true, version: true, title: true, prompt: true, spec: true } },
      },
    });
    const latest = checkpoint?.versions[0];
    if (!checkpoint || !latest || checkpoint.kind !== input.content.kind) return { outcome: "not-found" as const };
    await tx.checkpoint.update({ where: { id: checkpoint.id }, data: { maxAttempts: input.maxAttempts } });
    const spec = serializeSpec(buildSpec(input.content, safeParseSpec(latest.spec)));
    const next = { title: input.title, prompt: input.prompt, spec };
    if (sameContent(latest, next)) return { outcome: "unchanged" as const, version: latest.version };
    // In place only while the version has no attempts; the check and the write are one statement.
    const updated = await tx.checkpointVersion.updateMany({
      where: { id: latest.id, attempts: { none: {} } },
      data: next,
    });
    if (updated.count === 1) return { outcome: "updated" as const, version: latest.version };
    await tx.checkpointVersion.create({ data: { checkpointId: checkpoint.id, version: latest.version + 1, ...next } });
    return { outcome: "new-version" as const, version: latest.version + 1, previousVersion: latest.version };
  });
}

/** Moves a live checkpoint one place up or down among the live ones; false if it cannot move. */
export async function moveCheckpoint(projectId: string, checkpointId: string, direction: MoveDirection): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const live = await tx.checkpoint.findMany({
      where: { projectId, archivedAt: null },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      select: { id: true, position: true },
    });
    const order = moveInOrder(
      live.map((c) => c.id),
      checkpointId,
      direction,
    );
    if (!order) return false;
    const byId = new Map(live.map((c) => [c.id, c]));
    for (const update of positionUpdates(order.map((id) => byId.get(id)!))) {
      await tx.checkpoint.update({ where: { id: update.id }, data: { position: update.position } });
    }
    return true;
  });
}

/** Archives a checkpoint: students no longer see it, and everything they did on it is kept. */
export async function archiveCheckpoint(projectId: string, checkpointId: string): Promise<boolean> {
  const result = await prisma.checkpoint.updateMany({ where: { id: checkpointId, projectId, archivedAt: null }, data: { archivedAt: new Date() } });
  if (result.count > 0) await renumber(projectId);
  return result.count > 0;
}

/** Brings an archived checkpoint back, at the end of the list. */
export async function restoreCheckpoint(projectId: string, checkpointId: string): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const positions = await tx.checkpoint.findMany({ where: { projectId, archivedAt: null }, select: { position: true } });
    const result = await tx.checkpoint.updateMany({
      where: { id: checkpointId, projectId, archivedAt: { not: null } },
      data: { archivedAt: null, position: nextPosition(positions.map((p) => p.position)) },
    });
    return result.count > 0;
  });
}

export type DeleteResult = "deleted" | "has-student-work" | "not-found";

/**
 * Deletes a checkpoint no student has touched (no attempts, no journal entries
 * on it or on its prompts), with its versions and prompts. One with student
 * work can only be archived.
 */
export async function deleteCheckpoint(projectId: string, checkpointId: string): Promise<DeleteResult> {
  const result = await prisma.$transaction(async (tx) => {
    const checkpoint = await tx.checkpoint.findFirst({
      where: { id: checkpointId, projectId },
      select: { id: true, _count: { select: { attempts: true, journalEntries: true } } },
    });
    if (!checkpoint) return "not-found" as const;
    const promptEntries = await tx.journalEntry.count({ where: { prompt: { checkpointId: checkpoint.id } } });
    if (checkpoint._count.attempts > 0 || checkpoint._count.journalEntries > 0 || promptEntries > 0) return "has-student-work" as const;
    await tx.reflectionPrompt.deleteMany({ where: { checkpointId: checkpoint.id, projectId } });
    await tx.checkpointRecheck.deleteMany({ where: { checkpointId: checkpoint.id } });
    await tx.checkpointVersion.deleteMany({ where: { checkpointId: checkpoint.id } });
    await tx.checkpoint.delete({ where: { id: checkpoint.id } });
    return "deleted" as const;
  });
  if (result === "deleted") await renumber(projectId);
  return result;
}

/** Live checkpoints numbered 1..n again (after one leaves the list). */
async function renumber(projectId: string) {
  await prisma.$transaction(async (tx) => {
    const live = await tx.checkpoint.findMany({
      where: { projectId, archivedAt: null },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      select: { id: true, position: true },
    });
    for (const update of positionUpdates(live)) {
      await tx.checkpoint.update({ where: { id: update.id }, data: { position: update.position } });
    }
  });
}

/** How many live checkpoints the project has (publishing needs at least one). */
export function countLiveCheckpoints(projectId: string) {
  return prisma.checkpoint.count({ where: { projectId, archivedAt: null } });
}

/** The misconceptions a checkpoint of the project re-checks (decision 017), their ids in the project's order. */
export async function listRechecks(projectId: string, checkpointId: string): Promise<string[]> {
  const rows = await prisma.checkpointRecheck.findMany({
    where: { checkpointId, checkpoint: { projectId }, misconception: { projectId } },
    orderBy: [{ misconception: { createdAt: "asc" } }, { misconception: { name: "asc" } }],
    select: { misconceptionId: true },
  });
  return rows.map((r) => r.misconceptionId);
}

/**
 * Marks a checkpoint of the project as a re-check of these misconceptions of
 * the project, and of no others. The teacher's setting, not student work: a
 * mark taken away is deleted. Ids from elsewhere are ignored.
 */
export async function setRechecks(projectId: string, checkpointId: string, misconceptionIds: readonly string[]): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const checkpoint = await tx.checkpoint.findFirst({ where: { id: checkpointId, projectId }, select: { id: true } });
    if (!checkpoint) return;
    const wanted = await tx.misconception.findMany({ where: { projectId, id: { in: [...misconceptionIds] } }, select: { id: true } });
    const ids = wanted.map((m) => m.id);
    await tx.checkpointRecheck.deleteMany({ where: { checkpointId: checkpoint.id, misconceptionId: { notIn: ids } } });
    const existing = await tx.checkpointRecheck.findMany({ where: { checkpointId: checkpoint.id }, select: { misconceptionId: true } });
    const have = new Set(existing.map((r) => r.misconceptionId));
    const missing = ids.filter((id) => !have.has(id));
    if (missing.length) await tx.checkpointRecheck.createMany({ data: missing.map((misconceptionId) => ({ checkpointId: checkpoint.id, misconceptionId })) });
  });
}
