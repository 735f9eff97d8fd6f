// A project's misconceptions, for the teacher. Every function takes a projectId
// that came from requireTeacherProject and keeps it in the `where`.
//
// A misconception is "in use" when any version of any of the project's
// checkpoints tags an answer with it, or when an attempt was tagged with it;
// such a misconception can be renamed and rewritten but not deleted.
import { prisma } from "~/db.server";
import { parseSpec, referencedMisconceptions } from "~/domain/checkpoint-spec";
import { byName } from "~/domain/names";
import { isInUse, type MisconceptionUsage } from "~/domain/misconception-usage";
import type { MisconceptionInput } from "~/schemas/misconception";
import type { Prisma } from "~/generated/prisma/client";
import { isUniqueViolation } from "~/utils/prisma-errors.server";
import { lockRow } from "~/utils/row-locks.server";


/** Which checkpoints refer to each misconception, over every version of every checkpoint. */
async function checkpointReferences(projectId: string): Promise<Map<string, Set<string>>> {
  const versions = await prisma.checkpointVersion.findMany({
    where: { checkpoint: { projectId } },
    select: { checkpointId: true, spec: true },
  });
  const refs = new Map<string, Set<string>>();
  for (const v of versions) {
    let ids: string[] = [];
    try {
      ids = referencedMisconceptions(parseSpec(v.spec));
    } catch {
      ids = [];
    }
    for (const id of ids) {
      if (!refs.has(id)) refs.set(id, new Set());
      refs.get(id)!.add(v.checkpointId);
    }
  }
  return refs;
}

export async function listProjectMisconceptions(projectId: string) {
  const [misconceptions, refs] = await Promise.all([
    prisma.misconception.findMany({
      where: { projectId },
      select: { id: true, name: true, description: true, nextStep: true, _count: { select: { tags: true } } },
    }),
    checkpointReferences(projectId),
  ]);
  return misconceptions.sort(byName).map(({ _count, ...m }) => ({
    ...m,
    usage: { checkpoints: refs.get(m.id)?.size ?? 0, attempts: _count.tags } satisfies MisconceptionUsage,
  }));
}

/** Just ids and names, alphabetical, for the checkpoint editor's menus and the project's build page. */
export async function misconceptionChoices(projectId: string) {
  return (await prisma.misconception.findMany({ where: { projectId }, select: { id: true, name: true } })).sort(byName);
}

export async function findProjectMisconception(projectId: string, misconceptionId: string) {
  const misconception = await prisma.misconception.findFirst({
    where: { id: misconceptionId, projectId },
    select: { id: true, name: true, description: true, nextStep: true, _count: { select: { tags: true } } },
  });
  if (!misconception) return null;
  const refs = await checkpointReferences(projectId);
  const { _count, ...rest } = misconception;
  return { ...rest, usage: { checkpoints: refs.get(rest.id)?.size ?? 0, attempts: _count.tags } satisfies MisconceptionUsage };
}

/** Another misconception of the project with this name (ignoring case and spaces at the ends), if any. */
async function sameNamed(db: Prisma.TransactionClient, projectId: string, name: string, exceptId?: string) {
  const others = await db.misconception.findMany({
    where: { projectId, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true, name: true },
  });
  const wanted = name.trim().toLowerCase();
  return others.find((o) => o.name.trim().toLowerCase() === wanted) ?? null;
}

export type MisconceptionWriteResult =
  | { ok: true; id: string; name: string }
  | { ok: false; reason: "name-taken"; /** The name as the project already has it. */ takenAs: string }
  | { ok: false; reason: "not-found" };

/**
 * Names are unique in a project ignoring case and spaces at the ends, which
 * the database's unique index (exact names) cannot say: the check and the
 * write run under the project's row lock (decision 011), so two requests at
 * once cannot both pass the check.
 */
async function writeUnderProjectLock(projectId: string, name: string, exceptId: string | undefined, write: (tx: Prisma.TransactionClient) => Promise<{ id: string; name: string }>): Promise<MisconceptionWriteResult> {
  try {
    return await prisma.$transaction(async (tx): Promise<MisconceptionWriteResult> => {
      await lockRow(tx, "Project", projectId);
      const clash = await sameNamed(tx, projectId, name, exceptId);
      if (clash) return { ok: false, reason: "name-taken", takenAs: clash.name };
      const written = await write(tx);
      return { ok: true, id: written.id, name: written.name };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, reason: "name-taken", takenAs: name.trim() };
    throw error;
  }
}

export function createMisconception(projectId: string, input: MisconceptionInput): Promise<MisconceptionWriteResult> {
  return writeUnderProjectLock(projectId, input.name, undefined, (tx) => tx.misconception.create({ data: { projectId, ...input }, select: { id: true, name: true } }));
}

/**
 * The project's misconception with this name (ignoring case and spaces at the
 * ends), created when it has none, inside a transaction the caller holds (an
 * import names misconceptions, it does not number them). The project's row
 * lock is taken, as createMisconception does.
 */
export async function findOrAddMisconception(tx: Prisma.TransactionClient, projectId: string, input: MisconceptionInput): Promise<{ id: string; name: string; created: boolean }> {
  await lockRow(tx, "Project", projectId);
  const existing = await sameNamed(tx, projectId, input.name);
  if (existing) return { ...existing, created: false };
  const created = await tx.misconception.create({ data: { projectId, ...input }, select: { id: true, name: true } });
  return { ...created, created: true };
}

export async function updateMisconception(projectId: string, misconceptionId: string, input: MisconceptionInput): Promise<MisconceptionWriteResult> {
  const existing = await prisma.misconception.findFirst({ where: { id: misconceptionId, projectId }, select: { id: true } });
  if (!existing) return { ok: false, reason: "not-found" };
  return writeUnderProjectLock(projectId, input.name, existing.id, (tx) => tx.misconception.update({ where: { id: existing.id }, data: input, select: { id: true, name: true } }));
}

export type DeleteMisconceptionResult = { ok: true; name: string } | { ok: false; reason: "not-found" } | { ok: false; reason: "in-use"; name: string; usage: MisconceptionUsage };

export async function deleteMisconception(projectId: string, misconceptionId: string): Promise<DeleteMisconceptionResult> {
  const misconception = await findProjectMisconception(projectId, misconceptionId);
  if (!misconception) return { ok: false, reason: "not-found" };
  if (isInUse(misconception.usage)) {
    return { ok: false, reason: "in-use", name: misconception.name, usage: misconception.usage };
  }
  // A re-check of it (decision 017) means nothing without it: those marks go with it.
  await prisma.$transaction([
    prisma.checkpointRecheck.deleteMany({ where: { misconceptionId: misconception.id, misconception: { projectId, tags: { none: {} } } } }),
    prisma.misconception.deleteMany({ where: { id: misconception.id, projectId, tags: { none: {} } } }),
  ]);
  return { ok: true, name: misconception.name };
}
