// A project's misconceptions, for the teacher. Every function takes a projectId
// that came from requireTeacherProject and keeps it in the `where`.
//
// A misconception is "in use" when any version of any of the project's
// checkpoints tags an answer with it, or when an attempt was tagged with it;
// such a misconception can be renamed and rewritten but not deleted.
import { prisma } from "~/db.server";
import { parseSpec, referencedMisconceptions } from "~/domain/checkpoint-spec";
import { isInUse, type MisconceptionUsage } from "~/domain/misconception-usage";
import type { MisconceptionInput } from "~/schemas/misconception";
import { isUniqueViolation } from "~/utils/prisma-errors.server";


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
      orderBy: { name: "asc" },
      select: { id: true, name: true, description: true, nextStep: true, _count: { select: { tags: true } } },
    }),
    checkpointReferences(projectId),
  ]);
  return misconceptions.map(({ _count, ...m }) => ({
    ...m,
    usage: { checkpoints: refs.get(m.id)?.size ?? 0, attempts: _count.tags } satisfies MisconceptionUsage,
  }));
}

/** Just ids and names, for the checkpoint editor's menus. */
export function misconceptionChoices(projectId: string) {
  return prisma.misconception.findMany({ where: { projectId }, orderBy: { name: "asc" }, select: { id: true, name: true } });
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

/** Whether another misconception of the project already has this name (ignoring case and spaces at the ends). */
async function nameTaken(projectId: string, name: string, exceptId?: string) {
  const others = await prisma.misconception.findMany({
    where: { projectId, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { name: true },
  });
  const wanted = name.trim().toLowerCase();
  return others.some((o) => o.name.trim().toLowerCase() === wanted);
}

export type MisconceptionWriteResult = { ok: true; id: string } | { ok: false; reason: "name-taken" | "not-found" };

export async function createMisconception(projectId: string, input: MisconceptionInput): Promise<MisconceptionWriteResult> {
  if (await nameTaken(projectId, input.name)) return { ok: false, reason: "name-taken" };
  try {
    const created = await prisma.misconception.create({ data: { projectId, ...input }, select: { id: true } });
    return { ok: true, id: created.id };
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, reason: "name-taken" };
    throw error;
  }
}

export async function updateMisconception(projectId: string, misconceptionId: string, input: MisconceptionInput): Promise<MisconceptionWriteResult> {
  const existing = await prisma.misconception.findFirst({ where: { id: misconceptionId, projectId }, select: { id: true } });
  if (!existing) return { ok: false, reason: "not-found" };
  if (await nameTaken(projectId, input.name, existing.id)) return { ok: false, reason: "name-taken" };
  try {
    await prisma.misconception.update({ where: { id: existing.id }, data: input });
    return { ok: true, id: existing.id };
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, reason: "name-taken" };
    throw error;
  }
}

export type DeleteMisconceptionResult = { ok: true; name: string } | { ok: false; reason: "not-found" } | { ok: false; reason: "in-use"; name: string; usage: MisconceptionUsage };

export async function deleteMisconception(projectId: string, misconceptionId: string): Promise<DeleteMisconceptionResult> {
  const misconception = await findProjectMisconception(projectId, misconceptionId);
  if (!misconception) return { ok: false, reason: "not-found" };
  if (isInUse(misconception.usage)) {
    return { ok: false, reason: "in-use", name: misconception.name, usage: misconception.usage };
  }
  await prisma.misconception.deleteMany({ where: { id: misconception.id, projectId, tags: { none: {} } } });
  return { ok: true, name: misconception.name };
}
