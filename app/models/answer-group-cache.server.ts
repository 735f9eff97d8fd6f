// Process-wide caches of the short-answer groups (decision 003): per checkpoint,
// the groups (confirmed first, then the machine's clusters of the remaining
// answers) with their suggestions, kept under a fingerprint of what they were
// computed from; and the matcher of the groups the teacher named, which tags
// new answers. Module state, bounded; nothing here writes to the database.
// Both are checked against the database before every use, so several app
// servers sharing one database never serve each other's stale results
// (decision 011).
//
// The project-level reader takes the guard's proven project; the others take
// checkpoint ids that their callers found inside such a project.
import { createHash } from "node:crypto";
import { prisma } from "~/db.server";
import type { OwnedProject } from "~/models/project.server";
import { parseSpec, type CheckpointSpec } from "~/domain/checkpoint-spec";
import {
  assembleTextGroups,
  classEvidence,
  contextBucket,
  createNamedGroupMatcher,
  groupsFingerprint,
  suggestForConfirmedGroups,
  type FingerprintParts,
  type GroupSuggestion,
  type NamedGroupMatch,
} from "~/domain/insight/answer-groups";
import type { TextGroupInput } from "~/domain/insight/checkpoints";
import { correctBy, settleOutcome } from "~/domain/insight/prepare";
import { DEFAULT_SENSES_PER_WORD, DEFAULT_SUGGESTION_MAX_GROUP_SIZE, type ClusteringOptions } from "~/domain/insight/text-clustering";
import { Prisma } from "~/generated/prisma/client";
import { loadWordNet } from "~/utils/wordnet.server";

export interface CacheEntry {
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

/** Drops what the caches hold for these checkpoints (after a person's answers were deleted, so none stays in memory). */
export function forgetCachedGroups(checkpointIds: string[]) {
  for (const id of checkpointIds) {
    cache.delete(id);
    matchers.delete(id);
  }
}

/**
 * One fingerprint per checkpoint, read from the database on every use (a fixed
 * handful of queries, whatever the number of checkpoints): a cached entry is
 * used only while the database still holds what it was computed from, so a
 * server never serves groups another server's write has changed (decision 011).
 * Attempts and reviews are only ever added, so their counts (and the latest
 * attempt) stand for them; the teacher's groups, their members and the
 * project's misconceptions enter with their content.
 */
async function fingerprints(checkpointIds: string[]): Promise<Map<string, string>> {
  const [attempts, reviews, groups, members, checkpoints] = await Promise.all([
    prisma.attempt.groupBy({
      by: ["checkpointId"],
      where: { checkpointId: { in: checkpointIds } },
      _count: { _all: true },
      _max: { createdAt: true },
    }),
    prisma.$queryRaw<{ checkpointId: string; reviews: number | bigint }[]>`
      SELECT a."checkpointId" AS "checkpointId", COUNT(*) AS "reviews"
      FROM "AttemptReview" r JOIN "Attempt" a ON a."id" = r."attemptId"
      WHERE a."checkpointId" IN (${Prisma.join(checkpointIds)})
      GROUP BY a."checkpointId"`,
    prisma.answerGroup.findMany({
      where: { checkpointId: { in: checkpointIds } },
      select: { id: true, checkpointId: true, label: true, misconceptionId: true, createdAt: true },
    }),
    prisma.answerGroupMember.findMany({
      where: { group: { checkpointId: { in: checkpointIds } } },
      select: { groupId: true, attemptId: true, excluded: true, source: true },
    }),
    prisma.checkpoint.findMany({
      where: { id: { in: checkpointIds } },
      select: { id: true, projectId: true, versions: { select: { id: true }, orderBy: { version: "desc" }, take: 1 } },
    }),
  ]);
  const projectIds = [...new Set(checkpoints.map((c) => c.projectId))];
  const misconceptions = await prisma.misconception.findMany({
    where: { projectId: { in: projectIds } },
    select: { id: true, projectId: true, name: true, description: true, nextStep: true },
  });
  const parts = new Map<string, FingerprintParts>(
    checkpointIds.map((id) => [id, { attempts: 0, latestAttemptAt: null, reviews: 0, groups: [], members: [], latestVersionId: null, misconceptions: [] }]),
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
    parts.get(g.checkpointId)?.groups.push(g);
  }
  for (const m of members) parts.get(checkpointOfGroup.get(m.groupId) ?? "")?.members.push(m);
  for (const c of checkpoints) {
    const p = parts.get(c.id);
    if (!p) continue;
    p.latestVersionId = c.versions[0]?.id ?? null;
    p.misconceptions = misconceptions.filter((m) => m.projectId === c.projectId);
  }
  const digest = (text: string) => createHash("sha256").update(text).digest("base64url");
  return new Map([...parts].map(([id, p]) => [id, digest(groupsFingerprint(p))]));
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
export async function cachedEntries(checkpointIds: string[]): Promise<Map<string, CacheEntry>> {
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
 * remaining answers (clustering ids), of the teacher's proven project.
 */
export async function textGroupsForProject(project: OwnedProject): Promise<Record<string, TextGroupInput[]>> {
  const checkpoints = await prisma.checkpoint.findMany({ where: { projectId: project.id, kind: "SHORT_TEXT" }, select: { id: true }, orderBy: { position: "asc" } });
  return textGroupsForCheckpoints(checkpoints.map((c) => c.id));
}

// ---------------------------------------------------------------------------
// The matcher of a checkpoint's named groups


export type Matcher = (text: string) => NamedGroupMatch | null;

/** Checkpoint id → the matcher of its named groups and the key it was built at. Bounded like the groups cache. */
const matchers = new Map<string, { key: string; match: Matcher }>();

/**
 * The matcher of a checkpoint's named groups, kept while the groups, their
 * teacher-placed answers and (roughly) the checkpoint's answers stay the same.
 * A group is matched by the answers the teacher placed in it, not by those the
 * machine added, so a group cannot drift away from what the teacher confirmed.
 */
export async function namedGroupMatcher(checkpointId: string): Promise<Matcher | null> {
  const namedWhere = { checkpointId, misconceptionId: { not: null } };
  const named = await prisma.answerGroup.findMany({
    where: namedWhere,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, misconceptionId: true, updatedAt: true },
  });
  // Most checkpoints have no named group: one small query, nothing else.
  if (named.length === 0) return null;
  const [members, answerCount] = await Promise.all([
    prisma.answerGroupMember.findMany({
      where: { source: "TEACHER", group: namedWhere },
      select: { groupId: true, attemptId: true, excluded: true },
    }),
    prisma.attempt.count({ where: { checkpointId } }),
  ]);
  // The teacher's placements by content, not by a latest-change time, so another server's change counts whatever its clock says.
  const placements = members.map((m) => `${m.groupId}:${m.attemptId}:${m.excluded ? 1 : 0}`).sort().join(",");
  const key = [
    named.map((g) => `${g.id}:${g.misconceptionId}:${g.updatedAt.getTime()}`).join(","),
    createHash("sha256").update(placements).digest("base64url"),
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
