// The teacher's commands on a short-text checkpoint's answer groups (decision
// 003): name a group as a misconception, merge groups, move an answer out,
// rename, unlink, ungroup, confirm or reject suggestions. Teacher decisions are
// stored (AnswerGroup / AnswerGroupMember); machine groups are recomputed
// (answer-group-cache.server.ts). A tag row set by the teacher (source TEACHER)
// is never written by the machine.
//
// The commands take a context whose projectId and checkpointId the route
// checked (the project is the teacher's own and holds the checkpoint), and
// keep them in every `where`.
import { prisma } from "~/db.server";
import { defaultGroupLabel, parseGroupKey, planMerge, REJECTED_SUGGESTION, type MergeCandidate } from "~/domain/insight/answer-groups";
import type { TextGroupInput } from "~/domain/insight/checkpoints";
import type { Prisma } from "~/generated/prisma/client";
import { textGroupsForCheckpoints } from "~/models/answer-group-cache.server";
import { applyClusterTags, removeClusterTags, writeTeacherTag } from "~/models/attempt-tags.server";
import { createMisconception } from "~/models/misconception.server";
import { wantsNewMisconception, type MergeGroupsInput, type NameGroupInput } from "~/schemas/answer-groups";
import { transactionRetryingOnce } from "~/utils/prisma-errors.server";

type Tx = Prisma.TransactionClient;

/** Who acts on which checkpoint: the route checked that the project is the teacher's and holds the checkpoint. */
export interface GroupActionContext {
  projectId: string;
  checkpointId: string;
  teacherId: string;
}

/** What a command did, with the figures the page reports; the page puts it in words (app/components/action-words.ts). */
export type GroupActionDone =
  | { kind: "named"; misconception: string; size: number; keptTeacher: number }
  | { kind: "merged"; groups: number; label: string; size: number; keptTeacher: number }
  | { kind: "moved-out"; label: string; misconception: string | null }
  | { kind: "moved-out-rest-kept"; label: string }
  | { kind: "renamed"; label: string }
  | { kind: "kept"; label: string }
  | { kind: "unlinked"; label: string; misconception: string | null }
  | { kind: "dissolved"; label: string }
  | { kind: "suggestions-added"; label: string; added: number; elsewhere: number; misconception: string | null; keptTeacher: number }
  | { kind: "suggestion-rejected"; label: string };

/** Why a command did nothing; `field` is the form field it concerns. */
export type GroupActionFailure =
  | { ok: false; field: "groupKey" | "groupKeys"; reason: "group-changed" }
  | { ok: false; field: "groupKey"; reason: "not-named" }
  | { ok: false; field: "groupKeys"; reason: "merge-refused"; explanation: string }
  | { ok: false; field: "name"; reason: "name-taken"; name: string }
  | { ok: false; field: "misconceptionId"; reason: "misconception-not-in-project" }
  | { ok: false; field: "attemptId"; reason: "answer-not-on-checkpoint" | "answer-not-in-group" | "answer-held-elsewhere" | "answer-in-group-now" };

export type GroupActionResult = { ok: true; done: GroupActionDone } | GroupActionFailure;

const groupChanged = (field: "groupKey" | "groupKeys" = "groupKey"): GroupActionFailure => ({ ok: false, field, reason: "group-changed" });

interface ResolvedGroup extends MergeCandidate {
  attemptIds: string[];
  group: TextGroupInput;
}

/** The groups behind keys as the page showed them, or the first key that no longer exists. */
async function resolveGroups(checkpointId: string, keys: string[]): Promise<{ ok: true; groups: ResolvedGroup[] } | { ok: false; key: string }> {
  const groups = (await textGroupsForCheckpoints([checkpointId]))[checkpointId] ?? [];
  const byId = new Map(groups.map((g) => [g.id, g]));
  const result: ResolvedGroup[] = [];
  for (const key of keys) {
    const parsed = parseGroupKey(key);
    const group = parsed ? byId.get(key.trim()) : undefined;
    if (!parsed || !group) return { ok: false, key };
    result.push({
      key: group.id,
      answerGroupId: parsed.kind === "confirmed" ? parsed.answerGroupId : null,
      label: group.label ?? null,
      misconceptionId: group.misconceptionId ?? null,
      attemptIds: group.attemptIds,
      group,
    });
  }
  return { ok: true, groups: result };
}

/** Attempts among `attemptIds` that a confirmed group of the checkpoint other than `except` holds (not moved out). */
async function heldElsewhere(tx: Tx, checkpointId: string, attemptIds: string[], except: string[]): Promise<Set<string>> {
  if (attemptIds.length === 0) return new Set();
  const rows = await tx.answerGroupMember.findMany({
    where: { attemptId: { in: attemptIds }, excluded: false, groupId: { notIn: except }, group: { checkpointId } },
    select: { attemptId: true },
  });
  return new Set(rows.map((r) => r.attemptId));
}

/** Turns a machine group into a confirmed group with the teacher as the one who placed its answers. */
async function confirmMachineGroup(
  tx: Tx,
  ctx: GroupActionContext,
  group: ResolvedGroup,
  data: { label: string; misconceptionId: string | null; excludedAttemptId?: string },
) {
  const taken = await heldElsewhere(tx, ctx.checkpointId, group.attemptIds, []);
  const attemptIds = group.attemptIds.filter((id) => !taken.has(id));
  const created = await tx.answerGroup.create({
    data: {
      checkpointId: ctx.checkpointId,
      label: data.label,
      misconceptionId: data.misconceptionId,
      createdById: ctx.teacherId,
      members: { create: attemptIds.map((attemptId) => ({ attemptId, source: "TEACHER", excluded: attemptId === data.excludedAttemptId })) },
    },
    select: { id: true },
  });
  return { id: created.id, attemptIds: attemptIds.filter((id) => id !== data.excludedAttemptId) };
}

/** Non-excluded member attempt ids of a confirmed group. */
async function memberIds(tx: Tx, answerGroupId: string): Promise<string[]> {
  const rows = await tx.answerGroupMember.findMany({ where: { groupId: answerGroupId, excluded: false }, select: { attemptId: true } });
  return rows.map((r) => r.attemptId);
}

async function findConfirmed(ctx: GroupActionContext, groupKey: string) {
  const parsed = parseGroupKey(groupKey);
  if (parsed?.kind !== "confirmed") return null;
  return prisma.answerGroup.findFirst({
    where: { id: parsed.answerGroupId, checkpointId: ctx.checkpointId, checkpoint: { projectId: ctx.projectId } },
    select: { id: true, label: true, misconceptionId: true, misconception: { select: { name: true } } },
  });
}

/**
 * Names a group as a misconception: an existing one of the project or a new
 * one. A machine group becomes a confirmed group with its answers; a confirmed
 * group changes its misconception. Every answer of the group is tagged
 * (CLUSTER, set by the teacher), except where the teacher decided otherwise.
 */
export async function nameGroup(ctx: GroupActionContext, input: NameGroupInput): Promise<GroupActionResult> {
  const resolved = await resolveGroups(ctx.checkpointId, [input.groupKey]);
  if (!resolved.ok) return groupChanged();
  const group = resolved.groups[0];

  let misconception: { id: string; name: string };
  if (wantsNewMisconception(input)) {
    const created = await createMisconception(ctx.projectId, { name: input.name!.trim(), description: input.description, nextStep: input.nextStep });
    if (!created.ok) return { ok: false, field: "name", reason: "name-taken", name: created.reason === "name-taken" ? created.takenAs : input.name!.trim() };
    misconception = { id: created.id, name: created.name };
  } else {
    const found = await prisma.misconception.findFirst({ where: { id: input.misconceptionId!, projectId: ctx.projectId }, select: { id: true, name: true } });
    if (!found) return { ok: false, field: "misconceptionId", reason: "misconception-not-in-project" };
    misconception = found;
  }

  const outcome = await transactionRetryingOnce(async (tx) => {
    if (!group.answerGroupId) {
      const made = await confirmMachineGroup(tx, ctx, group, { label: misconception.name, misconceptionId: misconception.id });
      const counts = await applyClusterTags(tx, made.attemptIds, misconception.id, ctx.teacherId);
      return { size: made.attemptIds.length, counts };
    }
    const current = await tx.answerGroup.findFirst({
      where: { id: group.answerGroupId, checkpointId: ctx.checkpointId },
      select: { id: true, label: true, misconceptionId: true, misconception: { select: { name: true } } },
    });
    if (!current) return null;
    const members = await memberIds(tx, current.id);
    if (current.misconceptionId && current.misconceptionId !== misconception.id) await removeClusterTags(tx, members, current.misconceptionId);
    const keepLabel = current.misconceptionId !== null && current.label !== current.misconception?.name;
    await tx.answerGroup.update({
      where: { id: current.id },
      data: { misconceptionId: misconception.id, ...(keepLabel ? {} : { label: misconception.name }) },
    });
    const counts = await applyClusterTags(tx, members, misconception.id, ctx.teacherId);
    return { size: members.length, counts };
  });
  if (!outcome) return groupChanged();
  return { ok: true, done: { kind: "named", misconception: misconception.name, size: outcome.size, keptTeacher: outcome.counts.keptTeacher } };
}

/** Merges two or more groups (machine or confirmed) into one confirmed group. */
export async function mergeGroups(ctx: GroupActionContext, input: MergeGroupsInput): Promise<GroupActionResult> {
  const resolved = await resolveGroups(ctx.checkpointId, input.groupKeys);
  if (!resolved.ok) return groupChanged("groupKeys");
  const names = new Map(
    (await prisma.misconception.findMany({ where: { projectId: ctx.projectId }, select: { id: true, name: true } })).map((m) => [m.id, m.name]),
  );
  const candidates = resolved.groups.map((g) => ({ ...g, misconceptionName: g.misconceptionId ? (names.get(g.misconceptionId) ?? null) : null }));
  const plan = planMerge(candidates);
  if (!plan.ok) return { ok: false, field: "groupKeys", reason: "merge-refused", explanation: plan.message };
  const sources = plan.sources as ResolvedGroup[];
  const all = [...new Map(candidates.map((g) => [g.key, g])).values()];
  const largest = [...all].sort((a, b) => b.attemptIds.length - a.attemptIds.length)[0];
  const label = input.label?.trim() || (plan.misconceptionId ? names.get(plan.misconceptionId) : null) || defaultGroupLabel(largest.group);

  const outcome = await transactionRetryingOnce(async (tx) => {
    let targetId = plan.targetAnswerGroupId;
    if (targetId) {
      await tx.answerGroup.update({ where: { id: targetId }, data: { ...(input.label?.trim() ? { label } : {}), misconceptionId: plan.misconceptionId } });
    } else {
      targetId = (
        await tx.answerGroup.create({
          data: { checkpointId: ctx.checkpointId, label, misconceptionId: plan.misconceptionId, createdById: ctx.teacherId },
          select: { id: true },
        })
      ).id;
    }
    const targetRows = await tx.answerGroupMember.findMany({ where: { groupId: targetId }, select: { attemptId: true, excluded: true } });
    const inTarget = new Map(targetRows.map((r) => [r.attemptId, r.excluded]));
    const sourceGroupIds = sources.flatMap((s) => (s.answerGroupId ? [s.answerGroupId] : []));

    // Members of confirmed sources move over (moved-out answers stay moved out); the source groups go.
    const moving = sourceGroupIds.length
      ? await tx.answerGroupMember.findMany({ where: { groupId: { in: sourceGroupIds } }, select: { attemptId: true, excluded: true, source: true } })
      : [];
    const machineIds = sources.filter((s) => !s.answerGroupId).flatMap((s) => s.attemptIds);
    const taken = await heldElsewhere(tx, ctx.checkpointId, machineIds, [targetId, ...sourceGroupIds]);
    const rows = new Map<string, { excluded: boolean; source: string }>();
    for (const m of moving) {
      const seen = rows.get(m.attemptId);
      rows.set(m.attemptId, { excluded: (seen?.excluded ?? false) || m.excluded, source: m.source });
    }
    for (const id of machineIds) if (!taken.has(id) && !rows.has(id)) rows.set(id, { excluded: false, source: "TEACHER" });
    const added: string[] = [];
    const create: { groupId: string; attemptId: string; source: string; excluded: boolean }[] = [];
    for (const [attemptId, row] of rows) {
      if (inTarget.has(attemptId)) continue; // already there, or moved out of the target: left as it is
      create.push({ groupId: targetId, attemptId, source: row.source, excluded: row.excluded });
      if (!row.excluded) added.push(attemptId);
    }
    if (sourceGroupIds.length) {
      await tx.answerGroupMember.deleteMany({ where: { groupId: { in: sourceGroupIds } } });
      await tx.answerGroup.deleteMany({ where: { id: { in: sourceGroupIds }, checkpointId: ctx.checkpointId } });
    }
    if (create.length) await tx.answerGroupMember.createMany({ data: create });
    const size = [...inTarget.values()].filter((excluded) => !excluded).length + added.length;
    const counts = plan.misconceptionId ? await applyClusterTags(tx, added, plan.misconceptionId, ctx.teacherId) : { tagged: 0, keptTeacher: 0 };
    const finalLabel = (await tx.answerGroup.findUnique({ where: { id: targetId }, select: { label: true } }))?.label ?? label;
    return { size, counts, label: finalLabel };
  });
  return { ok: true, done: { kind: "merged", groups: all.length, label: outcome.label, size: outcome.size, keptTeacher: outcome.counts.keptTeacher } };
}

/**
 * Moves an answer out of a group. The member row stays with excluded = true so
 * the machine never puts it back; the group's misconception is taken off the
 * answer by a teacher row (active = false). Moving an answer out of a machine
 * group confirms the rest of that group as the teacher left it.
 */
export async function moveAnswerOut(ctx: GroupActionContext, input: { groupKey: string; attemptId: string }): Promise<GroupActionResult> {
  const parsed = parseGroupKey(input.groupKey);
  if (!parsed) return groupChanged();
  const notThere: GroupActionResult = { ok: false, field: "attemptId", reason: "answer-not-in-group" };
  if (parsed.kind === "confirmed") {
    const group = await findConfirmed(ctx, input.groupKey);
    if (!group) return groupChanged();
    const done = await transactionRetryingOnce(async (tx) => {
      const moved = await tx.answerGroupMember.updateMany({ where: { groupId: group.id, attemptId: input.attemptId, excluded: false }, data: { excluded: true } });
      if (moved.count === 0) return false;
      if (group.misconceptionId) await writeTeacherTag(tx, input.attemptId, group.misconceptionId, false, ctx.teacherId);
      return true;
    });
    if (!done) return notThere;
    return { ok: true, done: { kind: "moved-out", label: group.label, misconception: group.misconception?.name ?? null } };
  }
  const resolved = await resolveGroups(ctx.checkpointId, [input.groupKey]);
  if (!resolved.ok) return groupChanged();
  const group = resolved.groups[0];
  if (!group.attemptIds.includes(input.attemptId)) return notThere;
  const label = defaultGroupLabel(group.group);
  await transactionRetryingOnce((tx) => confirmMachineGroup(tx, ctx, group, { label, misconceptionId: null, excludedAttemptId: input.attemptId }));
  return { ok: true, done: { kind: "moved-out-rest-kept", label } };
}

/** Renames a confirmed group; a machine group is confirmed with the new label. */
export async function renameGroup(ctx: GroupActionContext, input: { groupKey: string; label: string }): Promise<GroupActionResult> {
  const parsed = parseGroupKey(input.groupKey);
  if (parsed?.kind === "confirmed") {
    const group = await findConfirmed(ctx, input.groupKey);
    if (!group) return groupChanged();
    await prisma.answerGroup.update({ where: { id: group.id }, data: { label: input.label } });
    return { ok: true, done: { kind: "renamed", label: input.label } };
  }
  const resolved = await resolveGroups(ctx.checkpointId, [input.groupKey]);
  if (!resolved.ok) return groupChanged();
  await transactionRetryingOnce((tx) => confirmMachineGroup(tx, ctx, resolved.groups[0], { label: input.label, misconceptionId: null }));
  return { ok: true, done: { kind: "kept", label: input.label } };
}

/** Unlinks a confirmed group from its misconception: the tags the group gave go, the teacher's own stay. */
export async function unlinkGroup(ctx: GroupActionContext, input: { groupKey: string }): Promise<GroupActionResult> {
  const group = await findConfirmed(ctx, input.groupKey);
  if (!group) return groupChanged();
  if (!group.misconceptionId) return { ok: false, field: "groupKey", reason: "not-named" };
  await transactionRetryingOnce(async (tx) => {
    await removeClusterTags(tx, await memberIds(tx, group.id), group.misconceptionId!);
    await tx.answerGroup.update({ where: { id: group.id }, data: { misconceptionId: null } });
  });
  return { ok: true, done: { kind: "unlinked", label: group.label, misconception: group.misconception?.name ?? null } };
}

/** Ungroups a confirmed group: its answers go back to the machine's groups; tags the group gave go, the teacher's own stay. */
export async function dissolveGroup(ctx: GroupActionContext, input: { groupKey: string }): Promise<GroupActionResult> {
  const group = await findConfirmed(ctx, input.groupKey);
  if (!group) return groupChanged();
  await transactionRetryingOnce(async (tx) => {
    if (group.misconceptionId) await removeClusterTags(tx, await memberIds(tx, group.id), group.misconceptionId);
    await tx.answerGroupMember.deleteMany({ where: { groupId: group.id } });
    await tx.answerGroup.deleteMany({ where: { id: group.id, checkpointId: ctx.checkpointId } });
  });
  return { ok: true, done: { kind: "dissolved", label: group.label } };
}

/**
 * Confirms suggested answers into a confirmed group, as the teacher's own
 * placement (TEACHER members; an answer they had rejected or moved out comes
 * back): each is tagged with the group's misconception, except where the
 * teacher decided otherwise. Answers another confirmed group holds stay there.
 */
export async function confirmSuggestions(ctx: GroupActionContext, input: { groupKey: string; attemptIds: string[] }): Promise<GroupActionResult> {
  const group = await findConfirmed(ctx, input.groupKey);
  if (!group) return groupChanged();
  const wanted = [...new Set(input.attemptIds)];
  const attempts = await prisma.attempt.findMany({ where: { id: { in: wanted }, checkpointId: ctx.checkpointId, checkpoint: { projectId: ctx.projectId } }, select: { id: true } });
  if (attempts.length !== wanted.length) return { ok: false, field: "attemptId", reason: "answer-not-on-checkpoint" };
  const outcome = await transactionRetryingOnce(async (tx) => {
    const taken = await heldElsewhere(tx, ctx.checkpointId, wanted, [group.id]);
    const rows = await tx.answerGroupMember.findMany({ where: { groupId: group.id, attemptId: { in: wanted } }, select: { id: true, attemptId: true, excluded: true } });
    const rowOf = new Map(rows.map((r) => [r.attemptId, r]));
    const added: string[] = [];
    for (const attemptId of wanted) {
      if (taken.has(attemptId)) continue;
      const row = rowOf.get(attemptId);
      if (!row) await tx.answerGroupMember.create({ data: { groupId: group.id, attemptId, source: "TEACHER" } });
      else await tx.answerGroupMember.update({ where: { id: row.id }, data: { excluded: false, source: "TEACHER" } });
      added.push(attemptId);
    }
    const counts = group.misconceptionId && added.length ? await applyClusterTags(tx, added, group.misconceptionId, ctx.teacherId) : { tagged: 0, keptTeacher: 0 };
    return { added: added.length, elsewhere: wanted.length - added.length, counts };
  });
  if (outcome.added === 0) return { ok: false, field: "attemptId", reason: "answer-held-elsewhere" };
  return {
    ok: true,
    done: {
      kind: "suggestions-added",
      label: group.label,
      added: outcome.added,
      elsewhere: outcome.elsewhere,
      misconception: group.misconception?.name ?? null,
      keptTeacher: outcome.counts.keptTeacher,
    },
  };
}

/**
 * Rejects a suggestion: the answer gets an excluded member row in the group
 * (as an answer moved out does, but with source REJECTED), so it is never suggested for, or put into,
 * that group again. Its tags are not touched: it was never in the group.
 */
export async function rejectSuggestion(ctx: GroupActionContext, input: { groupKey: string; attemptId: string }): Promise<GroupActionResult> {
  const group = await findConfirmed(ctx, input.groupKey);
  if (!group) return groupChanged();
  const attempt = await prisma.attempt.findFirst({ where: { id: input.attemptId, checkpointId: ctx.checkpointId, checkpoint: { projectId: ctx.projectId } }, select: { id: true } });
  if (!attempt) return { ok: false, field: "attemptId", reason: "answer-not-on-checkpoint" };
  const done = await transactionRetryingOnce(async (tx) => {
    const row = await tx.answerGroupMember.findUnique({ where: { groupId_attemptId: { groupId: group.id, attemptId: attempt.id } }, select: { excluded: true } });
    if (row && !row.excluded) return false; // it is in the group: moving it out is another action
    if (!row) await tx.answerGroupMember.create({ data: { groupId: group.id, attemptId: attempt.id, source: REJECTED_SUGGESTION, excluded: true } });
    return true;
  });
  if (!done) return { ok: false, field: "attemptId", reason: "answer-in-group-now" };
  return { ok: true, done: { kind: "suggestion-rejected", label: group.label } };
}
