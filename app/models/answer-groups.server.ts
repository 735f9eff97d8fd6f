// Short-answer groups of a project's short-text checkpoints: the groups the
// teacher confirmed (AnswerGroup / AnswerGroupMember) followed by the machine's
// clusters of the remaining answers, cached per checkpoint; the teacher's
// actions on them (name as a misconception, merge, move an answer out, rename,
// unlink, ungroup) and on any attempt's tags; and the machine tagging of a new
// short-text attempt that falls close to a group the teacher named.
//
// Teacher decisions are stored, machine groups are recomputed (decision 003).
// A tag row set by the teacher (source TEACHER) is never written by the machine.
//
// NO OWNERSHIP CHECK in the read functions: callers check that the project is
// the teacher's own (findTeacherProject) and that the checkpoint belongs to it.
// The actions take a context whose projectId and checkpointId were checked so,
// and keep them in every `where`.
import { prisma } from "~/db.server";
import { isCheckpointKind, parseSpec, type CheckpointSpec } from "~/domain/checkpoint-spec";
import {
  assembleTextGroups,
  classEvidence,
  clusterTagWrite,
  clusterUntagWrite,
  defaultGroupLabel,
  contextBucket,
  createNamedGroupMatcher,
  groupsFingerprint,
  parseGroupKey,
  planMerge,
  suggestForConfirmedGroups,
  teacherTagWrite,
  type GroupSuggestion,
  type MergeCandidate,
  type NamedGroupMatch,
} from "~/domain/insight/answer-groups";
import { checkpointInsights, classifyNumericError, type CheckpointInsight, type TextGroupInput } from "~/domain/insight/checkpoints";
import { attemptCorrectBy, correctBy, prepare, settleOutcome } from "~/domain/insight/prepare";
import type { CheckpointRow, ProjectData } from "~/domain/insight/types";
import { DEFAULT_SENSES_PER_WORD, DEFAULT_SUGGESTION_MAX_GROUP_SIZE, type ClusteringOptions } from "~/domain/insight/text-clustering";
import { Prisma } from "~/generated/prisma/client";
import { loadWordNet } from "~/utils/wordnet.server";
import { wantsNewMisconception, type MergeGroupsInput, type NameGroupInput } from "~/schemas/answer-groups";
import { isUniqueViolation } from "~/utils/prisma-errors.server";

type Tx = Prisma.TransactionClient;

// ---------------------------------------------------------------------------
// Groups, cached per checkpoint

interface CacheEntry {
  fingerprint: string;
  groups: TextGroupInput[];
  /** Confirmed group key → the answers most likely to belong to it (decision 003). */
  suggestions: Record<string, GroupSuggestion[]>;
}

/** Checkpoint id → its groups and the fingerprint they were computed at. Bounded; oldest use dropped first. */
const cache = new Map<string, CacheEntry>();
const MAX_CACHED_CHECKPOINTS = 500;

function remember(checkpointId: string, entry: CacheEntry) {
  cache.delete(checkpointId);
  cache.set(checkpointId, entry);
  if (cache.size > MAX_CACHED_CHECKPOINTS) cache.delete(cache.keys().next().value!);
}

/**
 * One cheap fingerprint per checkpoint: four aggregate queries, whatever the
 * class size. Reviews count because a got-it (the teacher's mark or the
 * student's own) takes an answer out of the groups into the correct answers;
 * reviews are only ever added, so their number is enough.
 */
async function fingerprints(checkpointIds: string[]): Promise<Map<string, string>> {
  const [attempts, groups, members, reviews] = await Promise.all([
    prisma.attempt.groupBy({
      by: ["checkpointId"],
      where: { checkpointId: { in: checkpointIds } },
      _count: { _all: true },
      _max: { createdAt: true },
    }),
    prisma.answerGroup.findMany({ where: { checkpointId: { in: checkpointIds } }, select: { id: true, checkpointId: true, updatedAt: true } }),
    prisma.answerGroupMember.groupBy({
      by: ["groupId"],
      where: { group: { checkpointId: { in: checkpointIds } } },
      _count: { _all: true },
      _max: { updatedAt: true },
    }),
    prisma.$queryRaw<{ checkpointId: string; reviews: number | bigint }[]>`
      SELECT a."checkpointId" AS "checkpointId", COUNT(*) AS "reviews"
      FROM "AttemptReview" r JOIN "Attempt" a ON a."id" = r."attemptId"
      WHERE a."checkpointId" IN (${Prisma.join(checkpointIds)})
      GROUP BY a."checkpointId"`,
  ]);
  const later = (a: Date | null, b: Date | null) => (!a ? b : !b ? a : a > b ? a : b);
  const parts = new Map(
    checkpointIds.map((id) => [
      id,
      { attempts: 0, latestAttemptAt: null as Date | null, groups: 0, latestGroupAt: null as Date | null, members: 0, latestMemberAt: null as Date | null, reviews: 0 },
    ]),
  );
  for (const a of attempts) {
    const p = parts.get(a.checkpointId);
    if (!p) continue;
    p.attempts = a._count._all;
    p.latestAttemptAt = a._max.createdAt;
  }
  for (const r of reviews) {
    const p = parts.get(r.checkpointId);
    if (p) p.reviews = Number(r.reviews);
  }
  const checkpointOfGroup = new Map<string, string>();
  for (const g of groups) {
    checkpointOfGroup.set(g.id, g.checkpointId);
    const p = parts.get(g.checkpointId)!;
    p.groups++;
    p.latestGroupAt = later(p.latestGroupAt, g.updatedAt);
  }
  for (const m of members) {
    const p = parts.get(checkpointOfGroup.get(m.groupId) ?? "");
    if (!p) continue;
    p.members += m._count._all;
    p.latestMemberAt = later(p.latestMemberAt, m._max.updatedAt);
  }
  return new Map([...parts].map(([id, p]) => [id, groupsFingerprint(p)]));
}

/**
 * How the app groups answers (decision 003): WordNet synonyms (first sense)
 * and the class evidence, which measured a little better than without on both
 * shared data sets. WordNet is loaded on first use and kept.
 */
function groupingOptions(context: string[]): ClusteringOptions {
  return { lexicon: loadWordNet().lexicon, sensesPerWord: DEFAULT_SENSES_PER_WORD, context };
}

/** The checkpoint's class evidence: its model answer and its project's misconceptions; and those misconceptions by id. */
async function checkpointEvidence(checkpointId: string) {
  const checkpoint = await prisma.checkpoint.findUnique({
    where: { id: checkpointId },
    select: {
      versions: { select: { spec: true }, orderBy: { version: "desc" }, take: 1 },
      project: { select: { misconceptions: { select: { id: true, name: true, description: true, nextStep: true } } } },
    },
  });
  let modelAnswer = "";
  try {
    const spec = checkpoint?.versions[0] ? parseSpec(checkpoint.versions[0].spec) : null;
    if (spec?.kind === "SHORT_TEXT") modelAnswer = spec.modelAnswer;
  } catch {
    // A spec that cannot be read gives no model answer.
  }
  const misconceptions = checkpoint?.project.misconceptions ?? [];
  return { context: classEvidence({ modelAnswer, misconceptions }), misconceptions: new Map(misconceptions.map((m) => [m.id, m])) };
}

async function computeGroups(checkpointId: string): Promise<Omit<CacheEntry, "fingerprint">> {
  const [attempts, confirmed, evidence] = await Promise.all([
    prisma.attempt.findMany({
      where: { checkpointId },
      select: {
        id: true,
        answer: true,
        outcome: true,
        checkpointVersion: { select: { spec: true } },
        reviews: { select: { role: true, verdict: true, createdAt: true } },
      },
    }),
    prisma.answerGroup.findMany({
      where: { checkpointId },
      select: { id: true, label: true, misconceptionId: true, createdAt: true, members: { select: { attemptId: true, excluded: true, source: true } } },
    }),
    checkpointEvidence(checkpointId),
  ]);
  const specs = new Map<string, CheckpointSpec | null>();
  const specOf = (json: string) => {
    if (!specs.has(json)) {
      try {
        specs.set(json, parseSpec(json));
      } catch {
        specs.set(json, null);
      }
    }
    return specs.get(json) ?? null;
  };
  const answers = attempts.map((a) => {
    const spec = specOf(a.checkpointVersion.spec);
    // Correct answers are shown apart, never offered for naming as a misconception.
    const correct = spec !== null && correctBy(settleOutcome(a.outcome, a.reviews), a.answer, spec) !== null;
    return { id: a.id, text: a.answer, correct };
  });
  const options = groupingOptions(evidence.context);
  const groups = assembleTextGroups(answers, confirmed, options);
  // Suggested: wrong answers the grouping left on their own (a larger machine group is named or merged as a whole).
  const alone = new Set(
    groups.filter((g) => !g.confirmed && !g.correct && g.attemptIds.length <= DEFAULT_SUGGESTION_MAX_GROUP_SIZE).flatMap((g) => g.attemptIds),
  );
  const groupEvidence: Record<string, string[]> = {};
  for (const g of confirmed) {
    const m = g.misconceptionId ? evidence.misconceptions.get(g.misconceptionId) : undefined;
    if (m) groupEvidence[g.id] = [m.name, m.description, m.nextStep];
  }
  const suggestions = suggestForConfirmedGroups(answers, confirmed, groupEvidence, { ...options, candidateIds: [...alone] });
  return { groups, suggestions };
}

/** Cached groups and suggestions of each checkpoint, recomputed when its fingerprint changed. */
async function cachedEntries(checkpointIds: string[]): Promise<Map<string, CacheEntry>> {
  const result = new Map<string, CacheEntry>();
  if (checkpointIds.length === 0) return result;
  const current = await fingerprints(checkpointIds);
  for (const id of checkpointIds) {
    const fingerprint = current.get(id)!;
    const cached = cache.get(id);
    if (cached && cached.fingerprint === fingerprint) {
      remember(id, cached);
      result.set(id, cached);
      continue;
    }
    const entry = { fingerprint, ...(await computeGroups(id)) };
    remember(id, entry);
    result.set(id, entry);
  }
  return result;
}

/**
 * Groups of the given short-text checkpoints (the caller knows they are
 * short-text checkpoints of a project it checked). Recomputed only for a
 * checkpoint whose attempts or group decisions changed since the last call.
 * The returned groups are shared with the cache: read them, don't change them.
 */
export async function textGroupsForCheckpoints(checkpointIds: string[]): Promise<Record<string, TextGroupInput[]>> {
  const entries = await cachedEntries(checkpointIds);
  return Object.fromEntries([...entries].map(([id, e]) => [id, e.groups]));
}

/**
 * For each short-text checkpoint of the project (archived ones too): the
 * teacher-confirmed groups (ids `g:<AnswerGroup.id>`, with label,
 * misconceptionId and confirmed: true), then the machine's clusters of the
 * remaining answers (clustering ids). Does not check ownership.
 */
export async function textGroupsForProject(projectId: string): Promise<Record<string, TextGroupInput[]>> {
  const checkpoints = await prisma.checkpoint.findMany({ where: { projectId, kind: "SHORT_TEXT" }, select: { id: true }, orderBy: { position: "asc" } });
  return textGroupsForCheckpoints(checkpoints.map((c) => c.id));
}

// ---------------------------------------------------------------------------
// One checkpoint's insight, from that checkpoint's rows only

/** A checkpoint of the project (the caller checked the project), with its kind; null when not there. */
export function findProjectCheckpointKind(projectId: string, checkpointId: string) {
  return prisma.checkpoint.findFirst({ where: { id: checkpointId, projectId }, select: { id: true, kind: true } });
}

/**
 * Everything the per-checkpoint insight page shows: the checkpoint's
 * distribution and summary (the same analysis as the project report, fed with
 * this checkpoint's rows only), its short-answer groups, and each attempt with
 * its student and tags. Null when the checkpoint is not in the project.
 */
export async function loadCheckpointInsight(projectId: string, checkpointId: string) {
  const checkpoint = await prisma.checkpoint.findFirst({
    where: { id: checkpointId, projectId },
    select: {
      id: true,
      position: true,
      kind: true,
      archivedAt: true,
      versions: { select: { id: true, version: true, title: true, prompt: true, spec: true }, orderBy: { version: "desc" } },
      project: {
        select: {
          classroom: { select: { enrollments: { select: { removedAt: true, student: { select: { id: true, name: true, email: true } } } } } },
          misconceptions: { select: { id: true, name: true, nextStep: true }, orderBy: [{ createdAt: "asc" }, { name: "asc" }] },
        },
      },
    },
  });
  if (!checkpoint || !isCheckpointKind(checkpoint.kind) || checkpoint.versions.length === 0) return null;
  const onCheckpoint = { checkpointId: checkpoint.id };
  const [attempts, reviews, tags, entry] = await Promise.all([
    prisma.attempt.findMany({
      where: onCheckpoint,
      select: { id: true, studentId: true, checkpointId: true, checkpointVersionId: true, number: true, createdAt: true, answer: true, outcome: true },
    }),
    prisma.attemptReview.findMany({ where: { attempt: onCheckpoint }, select: { attemptId: true, role: true, verdict: true, createdAt: true } }),
    prisma.attemptMisconception.findMany({
      where: { attempt: onCheckpoint },
      select: { attemptId: true, misconceptionId: true, source: true, active: true, createdAt: true },
    }),
    checkpoint.kind === "SHORT_TEXT" ? cachedEntries([checkpoint.id]).then((r) => r.get(checkpoint.id)) : Promise.resolve(undefined),
  ]);
  const groups = entry?.groups;

  const versions: CheckpointRow["versions"] = [];
  for (const v of checkpoint.versions) {
    try {
      versions.push({ id: v.id, version: v.version, title: v.title, spec: parseSpec(v.spec) });
    } catch {
      // A version whose spec cannot be read is left out with its attempts, as in the project report.
    }
  }
  const students = checkpoint.project.classroom.enrollments.map((e) => ({ ...e.student, active: e.removedAt === null }));
  const data: ProjectData = {
    projectId,
    students,
    misconceptions: checkpoint.project.misconceptions.map(({ id, name }) => ({ id, name })),
    checkpoints: [{ id: checkpoint.id, position: checkpoint.position, kind: checkpoint.kind, archived: checkpoint.archivedAt !== null, versions }],
    attempts,
    reviews,
    tags,
    journalEntries: [],
  };
  const prepared = prepare(data);
  const [insight] = checkpointInsights(prepared, {
    classifyNumeric: classifyNumericError,
    textGroups: groups ? { [checkpoint.id]: groups } : undefined,
  });

  const nameOf = new Map(students.map((s) => [s.id, s.name]));
  const rowsByAttempt = new Map<string, { misconceptionId: string; source: string; active: boolean }[]>();
  for (const t of tags) {
    const list = rowsByAttempt.get(t.attemptId) ?? [];
    list.push(t);
    rowsByAttempt.set(t.attemptId, list);
  }
  const answers = (prepared.attemptsByCheckpoint.get(checkpoint.id) ?? []).map((a) => ({
    id: a.id,
    studentId: a.studentId,
    studentName: nameOf.get(a.studentId) ?? "A student",
    number: a.number,
    text: a.answer,
    outcome: a.outcome,
    /** Why the answer counts as correct, or null (see correctBy). */
    correctBy: attemptCorrectBy(prepared, a),
    createdAt: new Date(a.at).toISOString(),
    /** Misconceptions the attempt shows now, with where each came from. */
    tags: a.misconceptionIds.map((id) => ({
      misconceptionId: id,
      source: rowsByAttempt.get(a.id)?.find((r) => r.misconceptionId === id)?.source ?? "RULE",
    })),
    /** Misconceptions the teacher removed from this attempt themselves. */
    removedByTeacher: (rowsByAttempt.get(a.id) ?? []).filter((r) => r.source === "TEACHER" && !r.active).map((r) => r.misconceptionId),
  }));

  // Confirmed groups: which answers the machine added, and how many the teacher moved out.
  const confirmedIds = (groups ?? []).flatMap((g) => (g.confirmed ? [parseGroupKey(g.id)] : [])).flatMap((k) => (k?.kind === "confirmed" ? [k.answerGroupId] : []));
  const memberRows = confirmedIds.length
    ? await prisma.answerGroupMember.findMany({
        where: { groupId: { in: confirmedIds }, group: { checkpointId: checkpoint.id } },
        select: { groupId: true, attemptId: true, source: true, excluded: true },
      })
    : [];
  const membership: Record<string, { machineAdded: string[]; movedOut: number; rejected: number }> = {};
  for (const m of memberRows) {
    const key = `g:${m.groupId}`;
    const entry = (membership[key] ??= { machineAdded: [], movedOut: 0, rejected: 0 });
    if (m.excluded && m.source === REJECTED_SUGGESTION) entry.rejected++;
    else if (m.excluded) entry.movedOut++;
    else if (m.source === "MACHINE") entry.machineAdded.push(m.attemptId);
  }

  const latest = checkpoint.versions[0];
  return {
    checkpoint: {
      id: checkpoint.id,
      kind: checkpoint.kind,
      position: checkpoint.position,
      archived: checkpoint.archivedAt !== null,
      title: latest.title,
      prompt: latest.prompt,
    },
    insight: insight as CheckpointInsight,
    /** Groups in the order the teacher reads them: confirmed first, then the machine's. */
    groupOrder: (groups ?? []).map((g) => g.id),
    membership,
    /** Confirmed group key → ungrouped answers likely to belong to it, closest first, with their evidence. */
    suggestions: entry?.suggestions ?? {},
    answers,
    misconceptions: checkpoint.project.misconceptions,
  };
}


// ---------------------------------------------------------------------------
// Writing tags

interface TagCounts {
  tagged: number;
  /** Attempts where a teacher's own row for the misconception stays as it is. */
  keptTeacher: number;
}

/** Tags attempts with a named group's misconception (source CLUSTER), never over a teacher's row. */
async function applyClusterTags(tx: Tx, attemptIds: string[], misconceptionId: string, setById: string | null): Promise<TagCounts> {
  if (attemptIds.length === 0) return { tagged: 0, keptTeacher: 0 };
  const existing = await tx.attemptMisconception.findMany({
    where: { attemptId: { in: attemptIds }, misconceptionId },
    select: { id: true, attemptId: true, source: true, active: true },
  });
  const byAttempt = new Map(existing.map((r) => [r.attemptId, r]));
  const creates: string[] = [];
  const updates: string[] = [];
  let keptTeacher = 0;
  for (const attemptId of new Set(attemptIds)) {
    const row = byAttempt.get(attemptId);
    const write = clusterTagWrite(row);
    if (write.kind === "create") creates.push(attemptId);
    else if (write.kind === "update") updates.push(row!.id);
    else if (row?.source === "TEACHER") keptTeacher++;
  }
  if (creates.length) {
    await tx.attemptMisconception.createMany({ data: creates.map((attemptId) => ({ attemptId, misconceptionId, source: "CLUSTER", active: true, setById })) });
  }
  if (updates.length) {
    await tx.attemptMisconception.updateMany({ where: { id: { in: updates } }, data: { source: "CLUSTER", active: true, setById } });
  }
  return { tagged: creates.length + updates.length, keptTeacher };
}

/** Takes a group's misconception back from its answers: only the active CLUSTER rows. */
async function removeClusterTags(tx: Tx, attemptIds: string[], misconceptionId: string) {
  if (attemptIds.length === 0) return;
  const existing = await tx.attemptMisconception.findMany({
    where: { attemptId: { in: attemptIds }, misconceptionId },
    select: { id: true, source: true, active: true },
  });
  const ids = existing.filter((r) => clusterUntagWrite(r).kind === "update").map((r) => r.id);
  if (ids.length) await tx.attemptMisconception.updateMany({ where: { id: { in: ids } }, data: { active: false } });
}

/** The teacher's own decision about one attempt and misconception (TEACHER row; the unique pair means one row, updated). */
async function writeTeacherTag(tx: Tx, attemptId: string, misconceptionId: string, active: boolean, teacherId: string): Promise<boolean> {
  const existing = await tx.attemptMisconception.findUnique({
    where: { attemptId_misconceptionId: { attemptId, misconceptionId } },
    select: { id: true, source: true, active: true },
  });
  const write = teacherTagWrite(existing, active);
  if (write.kind === "create") {
    await tx.attemptMisconception.create({ data: { attemptId, misconceptionId, source: "TEACHER", active, setById: teacherId } });
  } else if (write.kind === "update") {
    await tx.attemptMisconception.update({ where: { id: existing!.id }, data: { source: "TEACHER", active, setById: teacherId } });
  }
  return write.kind !== "none";
}

/** Runs a transaction, once more if a concurrent write took a unique pair first. */
async function transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    return await prisma.$transaction(fn);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return prisma.$transaction(fn);
  }
}

// ---------------------------------------------------------------------------
// Machine tagging of a new short-text attempt

type Matcher = (text: string) => NamedGroupMatch | null;

/** Checkpoint id → the matcher of its named groups and the key it was built at. Bounded like the groups cache. */
const matchers = new Map<string, { key: string; match: Matcher }>();

/**
 * The matcher of a checkpoint's named groups, kept while the groups, their
 * teacher-placed answers and (roughly) the checkpoint's answers stay the same.
 * A group is matched by the answers the teacher placed in it, not by those the
 * machine added, so a group cannot drift away from what the teacher confirmed.
 */
async function namedGroupMatcher(checkpointId: string): Promise<Matcher | null> {
  const namedWhere = { checkpointId, misconceptionId: { not: null } };
  const named = await prisma.answerGroup.findMany({
    where: namedWhere,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, misconceptionId: true, updatedAt: true },
  });
  // Most checkpoints have no named group: one small query, nothing else.
  if (named.length === 0) return null;
  const [members, answerCount] = await Promise.all([
    prisma.answerGroupMember.aggregate({
      where: { source: "TEACHER", group: namedWhere },
      _count: { _all: true },
      _max: { updatedAt: true },
    }),
    prisma.attempt.count({ where: { checkpointId } }),
  ]);
  const key = [
    named.map((g) => `${g.id}:${g.misconceptionId}:${g.updatedAt.getTime()}`).join(","),
    members._count._all,
    members._max.updatedAt?.getTime() ?? 0,
    contextBucket(answerCount),
  ].join("|");
  const kept = matchers.get(checkpointId);
  if (kept?.key === key) return kept.match;

  const [groups, context] = await Promise.all([
    prisma.answerGroup.findMany({
      where: { id: { in: named.map((g) => g.id) }, checkpointId },
      select: {
        id: true,
        misconceptionId: true,
        members: { where: { excluded: false, source: "TEACHER" }, select: { attempt: { select: { answer: true } } } },
      },
    }),
    prisma.attempt.findMany({ where: { checkpointId }, select: { answer: true } }),
  ]);
  const byId = new Map(groups.map((g) => [g.id, g]));
  const match = createNamedGroupMatcher(
    named.flatMap((n) => {
      const g = byId.get(n.id);
      return g?.misconceptionId ? [{ answerGroupId: g.id, misconceptionId: g.misconceptionId, answers: g.members.map((m) => m.attempt.answer) }] : [];
    }),
    context.map((a) => a.answer),
    { lexicon: loadWordNet().lexicon, sensesPerWord: DEFAULT_SENSES_PER_WORD },
  );
  matchers.delete(checkpointId);
  matchers.set(checkpointId, { key, match });
  if (matchers.size > MAX_CACHED_CHECKPOINTS) matchers.delete(matchers.keys().next().value!);
  return match;
}

/**
 * Compares a new short-text attempt with the checkpoint's groups the teacher
 * named as misconceptions; when it falls close to one (the clustering
 * threshold), adds it to that group (source MACHINE) and tags it with the
 * group's misconception (source CLUSTER) — unless the teacher already decided
 * about that attempt and misconception, or moved it out of the group. Never
 * throws: a failure is logged and the attempt stays stored as it is.
 */
export async function tagNewShortTextAttempt(attempt: { id: string; checkpointId: string; answer: string }): Promise<NamedGroupMatch | null> {
  try {
    const matcher = await namedGroupMatcher(attempt.checkpointId);
    const match = matcher?.(attempt.answer);
    if (!match) return null;
    const added = await transaction(async (tx) => {
      const member = await tx.answerGroupMember.findUnique({
        where: { groupId_attemptId: { groupId: match.answerGroupId, attemptId: attempt.id } },
        select: { excluded: true },
      });
      if (member?.excluded) return false; // the teacher moved it out: never put back
      if (!member) await tx.answerGroupMember.create({ data: { groupId: match.answerGroupId, attemptId: attempt.id, source: "MACHINE" } });
      await applyClusterTags(tx, [attempt.id], match.misconceptionId, null);
      return true;
    });
    return added ? match : null;
  } catch (error) {
    console.warn(`Could not compare attempt ${attempt.id} with the named answer groups; it is stored untagged.`, error);
    return null;
  }
}

// ---------------------------------------------------------------------------
// Teacher actions

/** Who acts on which checkpoint: the route checked that the project is the teacher's and holds the checkpoint. */
export interface GroupActionContext {
  projectId: string;
  checkpointId: string;
  teacherId: string;
}

export type GroupActionResult =
  | { ok: true; message: string }
  | { ok: false; message: string; field?: "groupKey" | "groupKeys" | "misconceptionId" | "name" | "label" | "attemptId" };

const GROUP_CHANGED =
  "That group has changed since the page loaded (new answers arrive all the time). Look at the groups again and retry.";

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

function answersCount(n: number) {
  return `${n} ${n === 1 ? "answer" : "answers"}`;
}

function keptNote(counts: TagCounts) {
  return counts.keptTeacher
    ? ` ${counts.keptTeacher === 1 ? "One answer keeps" : `${counts.keptTeacher} answers keep`} the decision you made about it yourself.`
    : "";
}

/** Whether another misconception of the project already has this name (ignoring case and spaces at the ends). */
async function misconceptionNamed(projectId: string, name: string) {
  const all = await prisma.misconception.findMany({ where: { projectId }, select: { id: true, name: true } });
  const wanted = name.trim().toLowerCase();
  return all.find((m) => m.name.trim().toLowerCase() === wanted) ?? null;
}

/**
 * Names a group as a misconception: an existing one of the project or a new
 * one. A machine group becomes a confirmed group with its answers; a confirmed
 * group changes its misconception. Every answer of the group is tagged
 * (CLUSTER, set by the teacher), except where the teacher decided otherwise.
 */
export async function nameGroup(ctx: GroupActionContext, input: NameGroupInput): Promise<GroupActionResult> {
  const resolved = await resolveGroups(ctx.checkpointId, [input.groupKey]);
  if (!resolved.ok) return { ok: false, field: "groupKey", message: GROUP_CHANGED };
  const group = resolved.groups[0];

  let misconception: { id: string; name: string };
  if (wantsNewMisconception(input)) {
    const name = input.name!.trim();
    const clash = await misconceptionNamed(ctx.projectId, name);
    if (clash) {
      return {
        ok: false,
        field: "name",
        message: `This project already has a misconception called “${clash.name}”. Choose it from the list, or give the new one another name.`,
      };
    }
    try {
      misconception = await prisma.misconception.create({
        data: { projectId: ctx.projectId, name, description: input.description, nextStep: input.nextStep },
        select: { id: true, name: true },
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        return { ok: false, field: "name", message: `This project already has a misconception called “${name}”. Choose it from the list, or give the new one another name.` };
      }
      throw error;
    }
  } else {
    const found = await prisma.misconception.findFirst({ where: { id: input.misconceptionId!, projectId: ctx.projectId }, select: { id: true, name: true } });
    if (!found) return { ok: false, field: "misconceptionId", message: "Choose a misconception from this project's list." };
    misconception = found;
  }

  const outcome = await transaction(async (tx) => {
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
  if (!outcome) return { ok: false, field: "groupKey", message: GROUP_CHANGED };
  return {
    ok: true,
    message: `Named the group as “${misconception.name}”: its ${answersCount(outcome.size)} now show this misconception, and new answers close to them will too.${keptNote(outcome.counts)}`,
  };
}

/** Merges two or more groups (machine or confirmed) into one confirmed group. */
export async function mergeGroups(ctx: GroupActionContext, input: MergeGroupsInput): Promise<GroupActionResult> {
  const resolved = await resolveGroups(ctx.checkpointId, input.groupKeys);
  if (!resolved.ok) return { ok: false, field: "groupKeys", message: GROUP_CHANGED };
  const names = new Map(
    (await prisma.misconception.findMany({ where: { projectId: ctx.projectId }, select: { id: true, name: true } })).map((m) => [m.id, m.name]),
  );
  const candidates = resolved.groups.map((g) => ({ ...g, misconceptionName: g.misconceptionId ? (names.get(g.misconceptionId) ?? null) : null }));
  const plan = planMerge(candidates);
  if (!plan.ok) return { ok: false, field: "groupKeys", message: plan.message };
  const sources = plan.sources as ResolvedGroup[];
  const all = [...new Map(candidates.map((g) => [g.key, g])).values()];
  const largest = [...all].sort((a, b) => b.attemptIds.length - a.attemptIds.length)[0];
  const label = input.label?.trim() || (plan.misconceptionId ? names.get(plan.misconceptionId) : null) || defaultGroupLabel(largest.group);

  const outcome = await transaction(async (tx) => {
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
  return {
    ok: true,
    message: `Merged ${all.length} groups into “${outcome.label}” (${answersCount(outcome.size)}).${keptNote(outcome.counts)}`,
  };
}

/**
 * Moves an answer out of a group. The member row stays with excluded = true so
 * the machine never puts it back; the group's misconception is taken off the
 * answer by a teacher row (active = false). Moving an answer out of a machine
 * group confirms the rest of that group as the teacher left it.
 */
export async function moveAnswerOut(ctx: GroupActionContext, input: { groupKey: string; attemptId: string }): Promise<GroupActionResult> {
  const parsed = parseGroupKey(input.groupKey);
  if (!parsed) return { ok: false, field: "groupKey", message: GROUP_CHANGED };
  const notThere: GroupActionResult = { ok: false, field: "attemptId", message: "That answer is no longer in this group. Look at the groups again." };
  if (parsed.kind === "confirmed") {
    const group = await findConfirmed(ctx, input.groupKey);
    if (!group) return { ok: false, field: "groupKey", message: GROUP_CHANGED };
    const done = await transaction(async (tx) => {
      const moved = await tx.answerGroupMember.updateMany({ where: { groupId: group.id, attemptId: input.attemptId, excluded: false }, data: { excluded: true } });
      if (moved.count === 0) return false;
      if (group.misconceptionId) await writeTeacherTag(tx, input.attemptId, group.misconceptionId, false, ctx.teacherId);
      return true;
    });
    if (!done) return notThere;
    return {
      ok: true,
      message: `Moved the answer out of “${group.label}”. It won't be put back in this group${group.misconception ? `, and it no longer shows “${group.misconception.name}”` : ""}.`,
    };
  }
  const resolved = await resolveGroups(ctx.checkpointId, [input.groupKey]);
  if (!resolved.ok) return { ok: false, field: "groupKey", message: GROUP_CHANGED };
  const group = resolved.groups[0];
  if (!group.attemptIds.includes(input.attemptId)) return notThere;
  const label = defaultGroupLabel(group.group);
  await transaction((tx) => confirmMachineGroup(tx, ctx, group, { label, misconceptionId: null, excludedAttemptId: input.attemptId }));
  return {
    ok: true,
    message: `Moved the answer out. The rest of the group is now kept as you left it, as “${label}” — rename it or name it as a misconception when you're ready.`,
  };
}

/** The teacher adds (active) or removes (inactive) a misconception on any attempt of the checkpoint. */
export async function setAttemptTag(
  ctx: GroupActionContext,
  input: { attemptId: string; misconceptionId: string },
  active: boolean,
): Promise<GroupActionResult> {
  const [attempt, misconception] = await Promise.all([
    prisma.attempt.findFirst({ where: { id: input.attemptId, checkpointId: ctx.checkpointId, checkpoint: { projectId: ctx.projectId } }, select: { id: true } }),
    prisma.misconception.findFirst({ where: { id: input.misconceptionId, projectId: ctx.projectId }, select: { id: true, name: true } }),
  ]);
  if (!attempt) return { ok: false, field: "attemptId", message: "We couldn't find that answer on this checkpoint." };
  if (!misconception) return { ok: false, field: "misconceptionId", message: "Choose a misconception from this project's list." };
  await transaction((tx) => writeTeacherTag(tx, attempt.id, misconception.id, active, ctx.teacherId));
  return {
    ok: true,
    message: active
      ? `The answer now shows “${misconception.name}”.`
      : `“${misconception.name}” is off the answer. The machine won't put it back.`,
  };
}

/** Renames a confirmed group; a machine group is confirmed with the new label. */
export async function renameGroup(ctx: GroupActionContext, input: { groupKey: string; label: string }): Promise<GroupActionResult> {
  const parsed = parseGroupKey(input.groupKey);
  if (parsed?.kind === "confirmed") {
    const group = await findConfirmed(ctx, input.groupKey);
    if (!group) return { ok: false, field: "groupKey", message: GROUP_CHANGED };
    await prisma.answerGroup.update({ where: { id: group.id }, data: { label: input.label } });
    return { ok: true, message: `Renamed the group “${input.label}”.` };
  }
  const resolved = await resolveGroups(ctx.checkpointId, [input.groupKey]);
  if (!resolved.ok) return { ok: false, field: "groupKey", message: GROUP_CHANGED };
  await transaction((tx) => confirmMachineGroup(tx, ctx, resolved.groups[0], { label: input.label, misconceptionId: null }));
  return { ok: true, message: `Kept the group as “${input.label}”.` };
}

/** Unlinks a confirmed group from its misconception: the tags the group gave go, the teacher's own stay. */
export async function unlinkGroup(ctx: GroupActionContext, input: { groupKey: string }): Promise<GroupActionResult> {
  const group = await findConfirmed(ctx, input.groupKey);
  if (!group) return { ok: false, field: "groupKey", message: GROUP_CHANGED };
  if (!group.misconceptionId) return { ok: false, field: "groupKey", message: "This group isn't named as a misconception." };
  await transaction(async (tx) => {
    await removeClusterTags(tx, await memberIds(tx, group.id), group.misconceptionId!);
    await tx.answerGroup.update({ where: { id: group.id }, data: { misconceptionId: null } });
  });
  return {
    ok: true,
    message: `“${group.label}” is no longer linked to “${group.misconception?.name ?? "its misconception"}”. Its answers stay together; tags you set yourself stay.`,
  };
}

/** Ungroups a confirmed group: its answers go back to the machine's groups; tags the group gave go, the teacher's own stay. */
export async function dissolveGroup(ctx: GroupActionContext, input: { groupKey: string }): Promise<GroupActionResult> {
  const group = await findConfirmed(ctx, input.groupKey);
  if (!group) return { ok: false, field: "groupKey", message: GROUP_CHANGED };
  await transaction(async (tx) => {
    if (group.misconceptionId) await removeClusterTags(tx, await memberIds(tx, group.id), group.misconceptionId);
    await tx.answerGroupMember.deleteMany({ where: { groupId: group.id } });
    await tx.answerGroup.deleteMany({ where: { id: group.id, checkpointId: ctx.checkpointId } });
  });
  return { ok: true, message: `Ungrouped “${group.label}”: its answers are back among the suggested groups. Tags you set yourself stay.` };
}

/**
 * Confirms suggested answers into a confirmed group, as the teacher's own
 * placement (TEACHER members; an answer they had rejected or moved out comes
 * back): each is tagged with the group's misconception, except where the
 * teacher decided otherwise. Answers another confirmed group holds stay there.
 */
export async function confirmSuggestions(ctx: GroupActionContext, input: { groupKey: string; attemptIds: string[] }): Promise<GroupActionResult> {
  const group = await findConfirmed(ctx, input.groupKey);
  if (!group) return { ok: false, field: "groupKey", message: GROUP_CHANGED };
  const wanted = [...new Set(input.attemptIds)];
  const attempts = await prisma.attempt.findMany({ where: { id: { in: wanted }, checkpointId: ctx.checkpointId, checkpoint: { projectId: ctx.projectId } }, select: { id: true } });
  if (attempts.length !== wanted.length) return { ok: false, field: "attemptId", message: "We couldn't find that answer on this checkpoint." };
  const outcome = await transaction(async (tx) => {
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
  if (outcome.added === 0) return { ok: false, field: "attemptId", message: "That answer is already in another group you kept. Move it out of that group first." };
  const shown = group.misconception ? ` and ${outcome.added === 1 ? "shows" : "show"} “${group.misconception.name}”` : "";
  const elsewhere = outcome.elsewhere ? ` ${outcome.elsewhere === 1 ? "One answer stays" : `${outcome.elsewhere} answers stay`} in the other group you kept.` : "";
  return {
    ok: true,
    message: `Added ${answersCount(outcome.added)} to “${group.label}”: ${outcome.added === 1 ? "it is" : "they are"} now in the group${shown}.${elsewhere}${keptNote(outcome.counts)}`,
  };
}

/** Source of the excluded member row a rejected suggestion leaves (an answer moved out keeps its own source). */
export const REJECTED_SUGGESTION = "REJECTED";

/**
 * Rejects a suggestion: the answer gets an excluded member row in the group
 * (as an answer moved out does, but with source REJECTED), so it is never suggested for, or put into,
 * that group again. Its tags are not touched: it was never in the group.
 */
export async function rejectSuggestion(ctx: GroupActionContext, input: { groupKey: string; attemptId: string }): Promise<GroupActionResult> {
  const group = await findConfirmed(ctx, input.groupKey);
  if (!group) return { ok: false, field: "groupKey", message: GROUP_CHANGED };
  const attempt = await prisma.attempt.findFirst({ where: { id: input.attemptId, checkpointId: ctx.checkpointId, checkpoint: { projectId: ctx.projectId } }, select: { id: true } });
  if (!attempt) return { ok: false, field: "attemptId", message: "We couldn't find that answer on this checkpoint." };
  const done = await transaction(async (tx) => {
    const row = await tx.answerGroupMember.findUnique({ where: { groupId_attemptId: { groupId: group.id, attemptId: attempt.id } }, select: { excluded: true } });
    if (row && !row.excluded) return false; // it is in the group: moving it out is another action
    if (!row) await tx.answerGroupMember.create({ data: { groupId: group.id, attemptId: attempt.id, source: REJECTED_SUGGESTION, excluded: true } });
    return true;
  });
  if (!done) return { ok: false, field: "attemptId", message: "That answer is in this group now. Use “Move out of this group” instead." };
  return { ok: true, message: `Noted: that answer won't be suggested for “${group.label}” again.` };
}
