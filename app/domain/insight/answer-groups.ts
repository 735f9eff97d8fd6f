// Short-answer groups as the teacher sees them: the groups the teacher
// confirmed (named as a misconception, merged, or edited) first, then the
// machine's groups of the remaining answers. Also the rules for writing
// misconception tags so that a teacher's decision is never overwritten by the
// machine, how a merge is settled, and how a new answer is matched with a named
// group. Pure: no database, no HTTP (app/models/answer-groups.server.ts feeds it).
import type { TextGroupInput } from "./checkpoints";
import { clusterAnswers, createAnswerSuggester, createGroupMatcher, type ClusteringOptions } from "./text-clustering";

/** Prefix of the ids of teacher-confirmed groups: `g:<AnswerGroup.id>`. Machine groups keep the clustering's id. */
export const CONFIRMED_PREFIX = "g:";

export function confirmedGroupKey(answerGroupId: string): string {
  return `${CONFIRMED_PREFIX}${answerGroupId}`;
}

export type GroupKey = { kind: "confirmed"; answerGroupId: string } | { kind: "machine"; id: string };

/** Reads a group id from a form: a confirmed group (`g:<id>`) or a machine group; null when empty or the correct answers. */
export function parseGroupKey(key: string): GroupKey | null {
  const value = key.trim();
  // The correct answers are one group on the page, but not one to name, merge or move answers out of.
  if (!value || value === CORRECT_GROUP_ID) return null;
  if (value.startsWith(CONFIRMED_PREFIX)) {
    const answerGroupId = value.slice(CONFIRMED_PREFIX.length);
    return answerGroupId ? { kind: "confirmed", answerGroupId } : null;
  }
  return { kind: "machine", id: value };
}

// ---------------------------------------------------------------------------
// The groups of one checkpoint

export interface AnswerText {
  /** The attempt's id. */
  id: string;
  text: string;
  /**
   * A correct answer (got it by the rule or the teacher's mark, the model
   * answer, or the student's own "got it": see correctBy in prepare.ts). Correct
   * answers are not clustered: they are shown apart, never offered for naming
   * as a misconception.
   */
  correct?: boolean;
}

/** The id of the group of correct answers: not a clustering id, not a confirmed group's. */
export const CORRECT_GROUP_ID = "correct";

export interface ConfirmedGroupRow {
  id: string;
  label: string;
  misconceptionId: string | null;
  createdAt: Date;
  /** source: "TEACHER" (placed by the teacher) or "MACHINE"; left out, a member counts as placed by the teacher. */
  members: { attemptId: string; excluded: boolean; source?: string }[];
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Confirmed groups in the order they were made (then by id): the order the teacher sees them in. */
export function orderConfirmed<G extends Pick<ConfirmedGroupRow, "id" | "createdAt">>(groups: readonly G[]): G[] {
  return [...groups].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || byString(a.id, b.id));
}

/** Up to three representative answers and key terms of a set of answers, as the clustering finds them for one group. */
export function describeAnswers(answers: readonly AnswerText[]): { representatives: string[]; keyTerms: string[] } {
  if (answers.length === 0) return { representatives: [], keyTerms: [] };
  // Threshold 0: every answer joins one group, so its centre and terms describe them all.
  const [group] = clusterAnswers(answers, { threshold: 0 });
  return { representatives: group.representatives.map((r) => r.text), keyTerms: group.keyTerms };
}

/**
 * The groups of one short-text checkpoint: the teacher-confirmed groups (their
 * members not moved out; an answer counts in the first group that holds it),
 * then the machine's clusters of every other answer that is not correct, and
 * last the correct answers no confirmed group holds, as one group
 * (CORRECT_GROUP_ID, `correct: true`) that is never offered for naming.
 * Every answer is in exactly one group. Deterministic: confirmed groups in
 * the order they were made, machine groups largest first (ties by id); member
 * ids sorted.
 */
export function assembleTextGroups(
  answers: readonly AnswerText[],
  confirmed: readonly ConfirmedGroupRow[],
  options: ClusteringOptions = {},
): TextGroupInput[] {
  const textOf = new Map(answers.map((a) => [a.id, a.text]));
  const claimed = new Set<string>();
  const result: TextGroupInput[] = [];
  for (const group of orderConfirmed(confirmed)) {
    const attemptIds: string[] = [];
    for (const m of group.members) {
      if (m.excluded || claimed.has(m.attemptId) || !textOf.has(m.attemptId)) continue;
      claimed.add(m.attemptId);
      attemptIds.push(m.attemptId);
    }
    attemptIds.sort(byString);
    const described = describeAnswers(attemptIds.map((id) => ({ id, text: textOf.get(id)! })));
    result.push({
      id: confirmedGroupKey(group.id),
      attemptIds,
      label: group.label,
      misconceptionId: group.misconceptionId,
      confirmed: true,
      ...described,
    });
  }
  const remaining = answers.filter((a) => !claimed.has(a.id) && !a.correct);
  const correct = answers.filter((a) => !claimed.has(a.id) && a.correct);
  // The answers the teacher placed say what the ideas are called: class evidence for the rest.
  const placedTexts = answers.filter((a) => claimed.has(a.id)).map((a) => a.text);
  const context = placedTexts.length ? [...(options.context ?? []), ...placedTexts] : options.context;
  for (const g of clusterAnswers(remaining, { ...options, context })) {
    result.push({
      id: g.id,
      attemptIds: g.answerIds,
      label: null,
      misconceptionId: null,
      confirmed: false,
      representatives: g.representatives.map((r) => r.text),
      keyTerms: g.keyTerms,
    });
  }
  if (correct.length > 0) {
    const attemptIds = correct.map((a) => a.id).sort(byString);
    result.push({
      id: CORRECT_GROUP_ID,
      attemptIds,
      label: "Correct answers",
      misconceptionId: null,
      confirmed: false,
      correct: true,
      ...describeAnswers(attemptIds.map((id) => ({ id, text: textOf.get(id)! }))),
    });
  }
  return result;
}

/** A label for a group the teacher has not labelled: its key terms, else its first representative answer. */
export function defaultGroupLabel(group: Pick<TextGroupInput, "keyTerms" | "representatives">): string {
  if (group.keyTerms?.length) return group.keyTerms.join(", ");
  const first = group.representatives?.[0]?.trim();
  if (first) return first.length > 60 ? `${first.slice(0, 59)}…` : first;
  return "Group of answers";
}

export interface FingerprintParts {
  /** Attempts are only ever added: their number and the latest one stand for all of them. */
  attempts: number;
  latestAttemptAt: Date | null;
  /** Reviews of the checkpoint's attempts (a got-it makes an answer correct); also only added. */
  reviews: number;
  /** The teacher's groups and every answer placed in or moved out of them, as they are now. */
  groups: { id: string; label: string; misconceptionId: string | null; createdAt: Date }[];
  members: { groupId: string; attemptId: string; excluded: boolean; source: string }[];
  /** The class evidence the grouping weighs: the latest version (its model answer) and the project's misconceptions. */
  latestVersionId: string | null;
  misconceptions: { id: string; name: string; description: string; nextStep: string }[];
}

/**
 * The text a checkpoint's groups are kept under: everything they are computed
 * from, read from the database on every view. Rows that can change (the
 * teacher's groups, their members, the misconceptions) enter with their
 * content, not a latest-change time, so a change made through another app
 * server is seen however that server's clock is set (decision 011). The same
 * text means the same groups. Callers hash it.
 */
export function groupsFingerprint(p: FingerprintParts): string {
  const t = (d: Date | null) => (d ? d.getTime() : 0);
  const sorted = (rows: string[]) => rows.sort().join("\n");
  return [
    `attempts ${p.attempts} ${t(p.latestAttemptAt)} reviews ${p.reviews} version ${p.latestVersionId ?? "-"}`,
    sorted(p.groups.map((g) => JSON.stringify(["g", g.id, g.label, g.misconceptionId, t(g.createdAt)]))),
    sorted(p.members.map((m) => JSON.stringify(["m", m.groupId, m.attemptId, m.excluded, m.source]))),
    sorted(p.misconceptions.map((m) => JSON.stringify(["c", m.id, m.name, m.description, m.nextStep]))),
  ].join("\n");
}

// ---------------------------------------------------------------------------
// Writing misconception tags (one AttemptMisconception row per attempt and misconception)

export interface ExistingTag {
  /** "RULE" | "CLUSTER" | "TEACHER" */
  source: string;
  active: boolean;
}

export type TagWrite =
  | { kind: "none" }
  | { kind: "create"; source: "CLUSTER" | "TEACHER"; active: boolean }
  | { kind: "update"; source: "CLUSTER" | "TEACHER"; active: boolean };

const NONE: TagWrite = { kind: "none" };

/**
 * Tagging an attempt with a named group's misconception ("CLUSTER"): never
 * over a teacher's own row for that misconception (added or removed), and
 * nothing to do when a machine row already shows it.
 */
export function clusterTagWrite(existing: ExistingTag | null | undefined): TagWrite {
  if (!existing) return { kind: "create", source: "CLUSTER", active: true };
  if (existing.source === "TEACHER" || existing.active) return NONE;
  return { kind: "update", source: "CLUSTER", active: true };
}

/** Taking back a group's misconception (group unlinked or renamed to another): only the group's own active CLUSTER rows. */
export function clusterUntagWrite(existing: ExistingTag | null | undefined): TagWrite {
  if (existing && existing.source === "CLUSTER" && existing.active) return { kind: "update", source: "CLUSTER", active: false };
  return NONE;
}

/** The teacher's own decision (add: active, remove: inactive): always written, and from then on it is theirs. */
export function teacherTagWrite(existing: ExistingTag | null | undefined, active: boolean): TagWrite {
  if (!existing) return { kind: "create", source: "TEACHER", active };
  if (existing.source === "TEACHER" && existing.active === active) return NONE;
  return { kind: "update", source: "TEACHER", active };
}

// ---------------------------------------------------------------------------
// Merging groups

export interface MergeCandidate {
  /** The group id as the page shows it. */
  key: string;
  /** The AnswerGroup id of a confirmed group, null for a machine group. */
  answerGroupId: string | null;
  label: string | null;
  misconceptionId: string | null;
  misconceptionName?: string | null;
}

export type MergePlan =
  | { ok: true; targetAnswerGroupId: string | null; misconceptionId: string | null; sources: MergeCandidate[] }
  | { ok: false; message: string };

/**
 * How groups merge into one confirmed group: into the confirmed group named as
 * the misconception (else the first confirmed group, else a new group), which
 * keeps that misconception. Groups named as different misconceptions do not
 * merge: the teacher says first which one the merged group shows.
 */
export function planMerge(selected: readonly MergeCandidate[]): MergePlan {
  const unique = [...new Map(selected.map((g) => [g.key, g])).values()];
  if (unique.length < 2) return { ok: false, message: "Choose at least two groups to merge." };
  const named = unique.filter((g) => g.answerGroupId && g.misconceptionId);
  const distinct = [...new Set(named.map((g) => g.misconceptionId!))];
  if (distinct.length > 1) {
    const names = distinct.map((id) => named.find((g) => g.misconceptionId === id)!).map((g) => `“${g.misconceptionName ?? g.label ?? "unnamed"}”`);
    return {
      ok: false,
      message: `These groups are named as different misconceptions (${names.join(", ")}). Unlink or rename one of them first, so it is clear which misconception the merged group shows.`,
    };
  }
  const target = named[0] ?? unique.find((g) => g.answerGroupId) ?? null;
  return {
    ok: true,
    targetAnswerGroupId: target?.answerGroupId ?? null,
    misconceptionId: distinct[0] ?? null,
    sources: unique.filter((g) => g !== target),
  };
}

// ---------------------------------------------------------------------------
// Matching a new answer with the groups the teacher named

export interface NamedGroup {
  answerGroupId: string;
  misconceptionId: string;
  /** The texts of the group's answers (members not moved out). */
  answers: string[];
}

export interface NamedGroupMatch {
  answerGroupId: string;
  misconceptionId: string;
  similarity: number;
}

/**
 * Prepares the named groups of a checkpoint for matching new answers: the named
 * group a new answer falls close to (average similarity at least the
 * clustering threshold, as in the clustering itself), or null. `context` adds
 * the checkpoint's other answers so that words common to every answer weigh
 * less. Building it weighs every answer; matching one answer is then cheap, so
 * a caller can keep it while the groups stay the same.
 */
export function createNamedGroupMatcher(
  groups: readonly NamedGroup[],
  context: readonly string[] = [],
  options: ClusteringOptions = {},
): (text: string) => NamedGroupMatch | null {
  const usable = groups.filter((g) => g.answers.length > 0);
  if (usable.length === 0) return () => null;
  const matcher = createGroupMatcher(usable, { ...options, context });
  return (text) => {
    if (!text.trim()) return null;
    const match = matcher.match(text);
    return match ? { answerGroupId: match.group.answerGroupId, misconceptionId: match.group.misconceptionId, similarity: match.similarity } : null;
  };
}

/** The named group a new answer falls close to, or null (see createNamedGroupMatcher). */
export function matchNamedGroup(
  text: string,
  groups: readonly NamedGroup[],
  context: readonly string[] = [],
  options: ClusteringOptions = {},
): NamedGroupMatch | null {
  return createNamedGroupMatcher(groups, context, options)(text);
}

/**
 * When a kept matcher is rebuilt as answers arrive: its key changes each time
 * the checkpoint's answer count grows by about a fifth, so the word weights
 * stay close to the current answers without weighing them all on every submit.
 */
export function contextBucket(answerCount: number): number {
  return Math.floor(Math.log(answerCount + 5) / Math.log(1.2));
}

// ---------------------------------------------------------------------------
// Class evidence, and answers likely to belong to a group the teacher kept

/** What the class says its ideas are called: the model answer and the project's misconceptions. */
export function classEvidence(input: {
  modelAnswer?: string | null;
  misconceptions?: readonly { name: string; description?: string | null; nextStep?: string | null }[];
}): string[] {
  const texts = [input.modelAnswer ?? "", ...(input.misconceptions ?? []).flatMap((m) => [m.name, m.description ?? "", m.nextStep ?? ""])];
  return texts.map((t) => t.trim()).filter((t) => t.length > 0);
}

export interface GroupSuggestion {
  attemptId: string;
  /** 0–1: the mean of the answer's similarity to the group's centre and to its closest placed answer. */
  similarity: number;
  sharedTerms: string[];
  closest: { attemptId: string; text: string } | null;
}

/** How many suggestions a group shows at most. */
export const SUGGESTIONS_PER_GROUP = 5;

/**
 * For each confirmed group: the answers no confirmed group holds that are most
 * likely to belong to it, closest first, with their evidence (terms shared with
 * the group, the closest answer the teacher placed in it). A group is described
 * by the answers the teacher placed (not those the machine added) and by
 * `evidence` (its misconception's name, description and next step, its label).
 * Answers the teacher moved out of a group or rejected for it (member rows
 * with excluded = true) are never suggested for it again.
 */
export function suggestForConfirmedGroups(
  answers: readonly AnswerText[],
  confirmed: readonly ConfirmedGroupRow[],
  evidence: Readonly<Record<string, readonly string[]>> = {},
  options: ClusteringOptions & {
    minSimilarity?: number;
    limit?: number;
    /** The answers that may be suggested (e.g. those the grouping left on their own); default every answer no confirmed group holds. */
    candidateIds?: readonly string[];
  } = {},
): Record<string, GroupSuggestion[]> {
  const known = new Set(answers.map((a) => a.id));
  const held = new Set<string>();
  for (const g of confirmed) for (const m of g.members) if (!m.excluded && known.has(m.attemptId)) held.add(m.attemptId);
  const allowed = options.candidateIds ? new Set(options.candidateIds) : null;
  const ungrouped = answers.filter((a) => !held.has(a.id) && (!allowed || allowed.has(a.id))).map((a) => a.id);
  const result: Record<string, GroupSuggestion[]> = {};
  if (ungrouped.length === 0 || confirmed.length === 0) return result;
  const textOf = new Map(answers.map((a) => [a.id, a.text]));
  const suggester = createAnswerSuggester(answers, options);
  for (const group of orderConfirmed(confirmed)) {
    const own = {
      placedIds: group.members.filter((m) => !m.excluded && (m.source ?? "TEACHER") === "TEACHER" && known.has(m.attemptId)).map((m) => m.attemptId),
      evidence: [group.label, ...(evidence[group.id] ?? [])],
    };
    if (own.placedIds.length === 0) continue;
    const excluded = new Set(group.members.filter((m) => m.excluded).map((m) => m.attemptId));
    const candidateIds = ungrouped.filter((id) => !excluded.has(id));
    // Leaving out answers closer to another kept group ("rivals") measured no better, so it is not done here (decision 003).
    const found = suggester.suggest(own, { candidateIds, minSimilarity: options.minSimilarity, limit: options.limit ?? SUGGESTIONS_PER_GROUP });
    if (found.length === 0) continue;
    result[confirmedGroupKey(group.id)] = found.map((s) => ({
      attemptId: s.id,
      similarity: s.similarity,
      sharedTerms: s.sharedTerms,
      closest: s.closest ? { attemptId: s.closest.id, text: textOf.get(s.closest.id) ?? s.closest.text } : null,
    }));
  }
  return result;
}

/** Source of the excluded member row a rejected suggestion leaves (an answer moved out keeps its own source). */
export const REJECTED_SUGGESTION = "REJECTED";
