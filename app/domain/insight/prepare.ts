// Indexes a project's rows once (maps keyed by id, every student's path through
// every checkpoint in attempt order) so each part of the analysis is one linear
// pass. Also settles, per attempt, the outcome that counts and the
// misconceptions it shows. Pure.
import type { CheckpointSpec, ChoiceOption } from "~/domain/checkpoint-spec";
import { parseNumber, withinTolerance, type Outcome } from "~/domain/grading";
import { isFollowUpResult, type PlanFollowUpInput } from "~/domain/plans";
import { normalizeAnswer } from "./text-normalize";
import { readConfidence } from "./calibration";
import type { CheckpointRow, JournalRow, MisconceptionRow, ProjectData, ReviewRow, StudentRow, TagRow } from "./types";

export interface PreparedVersion {
  id: string;
  checkpointId: string;
  version: number;
  title: string;
  spec: CheckpointSpec;
  /** Multiple choice: the options by id (empty for other kinds). */
  options: Map<string, ChoiceOption>;
}

export interface PreparedAttempt {
  id: string;
  studentId: string;
  checkpointId: string;
  versionId: string;
  number: number;
  /** Position in the student's path on the checkpoint (0 = their first attempt). */
  index: number;
  /** createdAt in milliseconds. */
  at: number;
  answer: string;
  /** Multiple choice: the option ids chosen (read once); null for other kinds and for got-its. */
  choice: string[] | null;
  /** Numeric: the value as read; null when unreadable, not numeric, or a got-it. */
  value: number | null;
  /** The outcome that counts (auto-checked, else teacher mark, else self-assessment), null while waiting. */
  outcome: Outcome | null;
  /** Who settled that outcome: the checkpoint's rule, the teacher's mark, or the student's self-assessment. */
  outcomeBy: OutcomeSource | null;
  /** "How sure are you?" 1..5, given with the answer before the outcome (calibration.ts); null when not rated. */
  confidence: number | null;
  /** Misconceptions the attempt shows after teacher corrections, in project order. */
  misconceptionIds: string[];
  /** A "not yet" followed by a got-it on the same checkpoint. */
  resolvedLater: boolean;
  /** The student's first got-it on the checkpoint. */
  firstGotIt: boolean;
}

/** One student's attempts on one checkpoint, in attempt-number order. */
export interface PreparedPath {
  studentId: string;
  checkpointId: string;
  attempts: PreparedAttempt[];
  /** Index of the first GOT_IT attempt, or -1. */
  firstGotIt: number;
  /** Index of the last GOT_IT attempt, or -1. */
  lastGotIt: number;
  /** Index of the first NOT_YET attempt, or -1. */
  firstNotYet: number;
}

export interface PreparedJournal extends JournalRow {
  /** submittedAt in milliseconds. */
  at: number;
  /** The linked attempt, when it is one of the student's attempts in the project. */
  attempt: PreparedAttempt | null;
  /** The checkpoint the entry reflects on: its own link, else the linked attempt's checkpoint. */
  linkedCheckpointId: string | null;
}

export interface PrepareOptions {
  /**
   * Also count the misconception an answer implies by the checkpoint's own rules
   * (the option or listed wrong value it chose) when no tag row exists for that
   * pair. Rows always decide when present, so a teacher's removal sticks.
   * Default true: the analysis stays right even if a RULE tag was never stored.
   */
  deriveRuleTags?: boolean;
}

export interface Prepared {
  projectId: string;
  students: Map<string, StudentRow>;
  /** Students in name order (ties by id), for stable listings. */
  studentOrder: StudentRow[];
  misconceptions: Map<string, MisconceptionRow>;
  /** Position of each misconception in the project's list (for stable ordering). */
  misconceptionRank: Map<string, number>;
  checkpoints: Map<string, CheckpointRow>;
  /** Checkpoints by position. */
  checkpointOrder: CheckpointRow[];
  versions: Map<string, PreparedVersion>;
  /** The highest version of each checkpoint. */
  latestVersion: Map<string, PreparedVersion>;
  /** Attempts of known students on known checkpoints, oldest first. */
  attempts: PreparedAttempt[];
  /** Every attempt by id (built on first use: the report itself does not need it). */
  readonly attemptsById: Map<string, PreparedAttempt>;
  /** checkpointId → its attempts, oldest first. */
  attemptsByCheckpoint: Map<string, PreparedAttempt[]>;
  /** checkpointId → studentId → path. */
  pathsByCheckpoint: Map<string, Map<string, PreparedPath>>;
  /** studentId → their paths. */
  pathsByStudent: Map<string, PreparedPath[]>;
  /** Submitted journal entries of known students, oldest first. */
  journals: PreparedJournal[];
  /** Follow-ups of plans with a known result, on entries of known students. */
  planFollowUps: PlanFollowUpInput[];
  /** Re-checks: checkpointId → the misconceptions it re-checks (known ones, project order). */
  rechecks: Map<string, string[]>;
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}

/** Whether the rows about one misconception keep it on the attempt (null: no row speaks about it). */
function rowsVerdict(tagRows: readonly TagRow[], misconceptionId: string): boolean | null {
  let teacher: TagRow | undefined;
  let machine: boolean | null = null;
  for (const row of tagRows) {
    if (row.misconceptionId !== misconceptionId) continue;
    if (row.source === "TEACHER") {
      if (!teacher || (row.createdAt?.getTime() ?? 0) >= (teacher.createdAt?.getTime() ?? 0)) teacher = row;
    } else machine = (machine ?? false) || row.active;
  }
  return teacher ? teacher.active : machine;
}

/**
 * The misconceptions an attempt shows. Teacher rows win over machine rows for the
 * same misconception (active=false removes it; the latest teacher row decides);
 * otherwise any active machine row (RULE or CLUSTER) counts; misconceptions
 * implied by the answer count when no row speaks about them. An attempt has a
 * handful of rows at most, so plain scans beat maps here.
 */
export function effectiveMisconceptions(tagRows: readonly TagRow[], implied: readonly string[] = []): string[] {
  const result: string[] = [];
  for (const row of tagRows) {
    const id = row.misconceptionId;
    if (!result.includes(id) && rowsVerdict(tagRows, id)) result.push(id);
  }
  for (const id of implied) {
    if (!result.includes(id) && rowsVerdict(tagRows, id) === null) result.push(id);
  }
  return result;
}

/** Who settled an attempt's outcome: the checkpoint's own rule (auto-checked), the teacher's mark, the student's self-assessment. */
export type OutcomeSource = "RULE" | "TEACHER" | "SELF";

const WAITING: { outcome: null; by: null } = { outcome: null, by: null };
const RULE_GOT_IT = { outcome: "GOT_IT", by: "RULE" } as const;
const RULE_NOT_YET = { outcome: "NOT_YET", by: "RULE" } as const;

/** The outcome that counts, as effectiveOutcome (progress.ts) decides it, and who settled it; without copying the reviews. */
export function settleOutcome(
  outcome: string | null,
  reviews: readonly Pick<ReviewRow, "role" | "verdict" | "createdAt">[] | undefined,
): { outcome: Outcome | null; by: OutcomeSource | null } {
  if (outcome === "GOT_IT") return RULE_GOT_IT;
  if (outcome === "NOT_YET") return RULE_NOT_YET;
  if (!reviews) return WAITING;
  type Review = Pick<ReviewRow, "role" | "verdict" | "createdAt">;
  let teacher: Review | undefined;
  let self: Review | undefined;
  for (const r of reviews) {
    if (r.role === "TEACHER") {
      if (!teacher || r.createdAt.getTime() >= teacher.createdAt.getTime()) teacher = r;
    } else if (r.role === "SELF") {
      if (!self || r.createdAt.getTime() >= self.createdAt.getTime()) self = r;
    }
  }
  const decided = teacher ?? self;
  const verdict = decided?.verdict;
  return verdict === "GOT_IT" || verdict === "NOT_YET" ? { outcome: verdict, by: decided === teacher ? "TEACHER" : "SELF" } : WAITING;
}

/** Why an answer counts as correct: got it by the rule, the teacher's mark or the student's own assessment, or it is the model answer. */
export type CorrectBy = OutcomeSource | "MODEL_ANSWER";

/** The answer says what the model answer says, word for word once normalised (case, accents, contractions, number words). */
export function matchesModelAnswer(answer: string, modelAnswer: string): boolean {
  const model = normalizeAnswer(modelAnswer);
  return model !== "" && normalizeAnswer(answer) === model;
}

/**
 * Whether an answer is correct, and on whose word: a got-it by the checkpoint's
 * rule or by the teacher's mark; else the model answer itself (unless the
 * teacher or the rule said "not yet", which stands); else the student's own
 * "got it". Null: not a correct answer (it may still be waiting).
 */
export function correctBy(
  settled: { outcome: Outcome | null; by: OutcomeSource | null },
  answer: string,
  spec: CheckpointSpec,
): CorrectBy | null {
  if (settled.outcome === "GOT_IT" && settled.by !== "SELF") return settled.by;
  if (settled.outcome === "NOT_YET" && settled.by !== "SELF") return null;
  if (spec.kind === "SHORT_TEXT" && matchesModelAnswer(answer, spec.modelAnswer)) return "MODEL_ANSWER";
  return settled.outcome === "GOT_IT" ? "SELF" : null;
}

/** Whether a prepared attempt's answer is correct, and on whose word (correctBy). */
export function attemptCorrectBy(prepared: Pick<Prepared, "versions">, attempt: PreparedAttempt): CorrectBy | null {
  const spec = prepared.versions.get(attempt.versionId)?.spec;
  return spec ? correctBy({ outcome: attempt.outcome, by: attempt.outcomeBy }, attempt.answer, spec) : null;
}

const UNREAD: { choice: string[] | null; value: number | null } = { choice: null, value: null };

/** Reads a stored answer once: chosen option ids (multiple choice) or the value (numeric). */
export function readAnswer(spec: CheckpointSpec, answer: string): { choice: string[] | null; value: number | null } {
  if (spec.kind === "MULTIPLE_CHOICE") {
    // Stored as a JSON array of option ids (what storedAnswer reads, without its extra copies).
    let ids: unknown;
    try {
      ids = JSON.parse(answer);
    } catch {
      return { choice: [], value: null };
    }
    if (!Array.isArray(ids)) return { choice: [], value: null };
    return { choice: ids.every((x) => typeof x === "string") ? (ids as string[]) : ids.filter((x): x is string => typeof x === "string"), value: null };
  }
  if (spec.kind === "NUMERIC") return { choice: null, value: parseNumber(answer, spec.unit) };
  return { choice: null, value: null };
}

function optionMap(spec: CheckpointSpec): Map<string, ChoiceOption> {
  return new Map(spec.kind === "MULTIPLE_CHOICE" ? spec.options.map((o) => [o.id, o]) : []);
}

/**
 * Misconceptions an answer implies by the version's own rules, as grading tags
 * them (app/domain/grading.ts): the wrong options chosen, or the listed wrong
 * value matched; none for a right answer or short text.
 */
export function impliedByAnswer(
  version: Pick<PreparedVersion, "spec" | "options">,
  answer: { choice: string[] | null; value: number | null },
): string[] {
  const spec = version.spec;
  if (spec.kind === "MULTIPLE_CHOICE") {
    if (!answer.choice) return [];
    let ids: string[] | undefined;
    let anyWrong = false;
    for (const id of answer.choice) {
      const option = version.options.get(id);
      if (!option || option.correct) continue;
      anyWrong = true;
      if (option.misconceptionId && !ids?.includes(option.misconceptionId)) (ids ??= []).push(option.misconceptionId);
    }
    return anyWrong && ids ? ids : [];
  }
  if (spec.kind === "NUMERIC") {
    const value = answer.value;
    if (value === null || withinTolerance(value, spec.answer, spec.tolerance)) return [];
    const listed = spec.wrongValues.find((w) => withinTolerance(value, w.value, spec.tolerance));
    return listed?.misconceptionId ? [listed.misconceptionId] : [];
  }
  return [];
}

/** Misconceptions a stored answer implies by the version's own rules (options / listed wrong values). */
export function impliedMisconceptions(spec: CheckpointSpec, answer: string): string[] {
  return impliedByAnswer({ spec, options: optionMap(spec) }, readAnswer(spec, answer));
}

export function prepare(data: ProjectData, options: PrepareOptions = {}): Prepared {
  const deriveRuleTags = options.deriveRuleTags ?? true;
  const students = new Map(data.students.map((s) => [s.id, s]));
  const studentOrder = [...data.students].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  const misconceptions = new Map(data.misconceptions.map((m) => [m.id, m]));
  const misconceptionRank = new Map(data.misconceptions.map((m, i) => [m.id, i]));
  const checkpoints = new Map(data.checkpoints.map((c) => [c.id, c]));
  const checkpointOrder = [...data.checkpoints].sort((a, b) => a.position - b.position || a.id.localeCompare(b.id));
  const versions = new Map<string, PreparedVersion>();
  const latestVersion = new Map<string, PreparedVersion>();
  for (const c of data.checkpoints) {
    for (const v of c.versions) {
      const pv: PreparedVersion = { id: v.id, checkpointId: c.id, version: v.version, title: v.title, spec: v.spec, options: optionMap(v.spec) };
      versions.set(v.id, pv);
      const latest = latestVersion.get(c.id);
      if (!latest || latest.version < v.version) latestVersion.set(c.id, pv);
    }
  }

  const reviewsByAttempt = groupBy<ReviewRow>(data.reviews, (r) => r.attemptId);
  const tagsByAttempt = groupBy<TagRow>(data.tags, (t) => t.attemptId);

  const attempts: PreparedAttempt[] = [];
  // Only attempts that journal entries link to are looked up by id here; the
  // full map is built on first use (a map of every attempt is a measurable cost).
  const linked = new Set<string>();
  for (const j of data.journalEntries) if (j.attemptId) linked.add(j.attemptId);
  const linkedAttempts = new Map<string, PreparedAttempt>();
  const pathsByCheckpoint = new Map<string, Map<string, PreparedPath>>();
  const pathsByStudent = new Map<string, PreparedPath[]>();
  for (const c of checkpointOrder) pathsByCheckpoint.set(c.id, new Map());

  for (const row of data.attempts) {
    const version = versions.get(row.checkpointVersionId);
    if (!students.has(row.studentId) || !version || version.checkpointId !== row.checkpointId) continue;
    const settled = settleOutcome(row.outcome, reviewsByAttempt.get(row.id));
    const outcome = settled.outcome;
    // A got-it chose no wrong option or value: only other answers are read.
    const read = outcome === "GOT_IT" ? UNREAD : readAnswer(version.spec, row.answer);
    const tagRows = tagsByAttempt.get(row.id);
    const implied = deriveRuleTags && outcome !== "GOT_IT" ? impliedByAnswer(version, read) : [];
    let misconceptionIds: string[] = [];
    if (tagRows || implied.length > 0) {
      misconceptionIds = tagRows ? effectiveMisconceptions(tagRows, implied) : implied;
      if (!misconceptionIds.every((id) => misconceptions.has(id))) misconceptionIds = misconceptionIds.filter((id) => misconceptions.has(id));
      if (misconceptionIds.length > 1) misconceptionIds.sort((a, b) => misconceptionRank.get(a)! - misconceptionRank.get(b)!);
    }
    const attempt: PreparedAttempt = {
      id: row.id,
      studentId: row.studentId,
      checkpointId: row.checkpointId,
      versionId: row.checkpointVersionId,
      number: row.number,
      index: -1,
      at: row.createdAt.getTime(),
      answer: row.answer,
      choice: read.choice,
      value: read.value,
      outcome,
      outcomeBy: settled.by,
      confidence: readConfidence(row.confidence),
      misconceptionIds,
      resolvedLater: false,
      firstGotIt: false,
    };
    attempts.push(attempt);
    if (linked.has(row.id)) linkedAttempts.set(row.id, attempt);
    const byStudent = pathsByCheckpoint.get(row.checkpointId)!;
    let path = byStudent.get(row.studentId);
    if (!path) {
      path = { studentId: row.studentId, checkpointId: row.checkpointId, attempts: [], firstGotIt: -1, lastGotIt: -1, firstNotYet: -1 };
      byStudent.set(row.studentId, path);
      const list = pathsByStudent.get(row.studentId);
      if (list) list.push(path);
      else pathsByStudent.set(row.studentId, [path]);
    }
    path.attempts.push(attempt);
  }
  attempts.sort((a, b) => a.at - b.at || a.number - b.number || (a.id < b.id ? -1 : 1));
  // Per checkpoint: its paths' attempts, then a small sort (cheaper than walking the global order).
  const byTime = (a: PreparedAttempt, b: PreparedAttempt) => a.at - b.at || a.number - b.number || (a.id < b.id ? -1 : 1);
  const attemptsByCheckpoint = new Map<string, PreparedAttempt[]>();
  for (const [checkpointId, byStudent] of pathsByCheckpoint) {
    const list: PreparedAttempt[] = [];
    for (const path of byStudent.values()) for (const a of path.attempts) list.push(a);
    attemptsByCheckpoint.set(checkpointId, list.sort(byTime));
  }

  for (const byStudent of pathsByCheckpoint.values()) {
    for (const path of byStudent.values()) {
      const list = path.attempts;
      let sorted = true;
      for (let i = 1; i < list.length; i++) if (list[i - 1].number > list[i].number) sorted = false;
      if (!sorted) list.sort((a, b) => a.number - b.number);
      for (let i = 0; i < list.length; i++) {
        list[i].index = i;
        const o = list[i].outcome;
        if (o === "GOT_IT") {
          if (path.firstGotIt < 0) {
            path.firstGotIt = i;
            list[i].firstGotIt = true;
          }
          path.lastGotIt = i;
        } else if (o === "NOT_YET" && path.firstNotYet < 0) path.firstNotYet = i;
      }
      for (let i = 0; i < path.lastGotIt; i++) if (list[i].outcome === "NOT_YET") list[i].resolvedLater = true;
    }
  }

  const journals: PreparedJournal[] = [];
  for (const j of data.journalEntries) {
    if (!students.has(j.studentId)) continue;
    const found = j.attemptId ? linkedAttempts.get(j.attemptId) : undefined;
    const attempt = found && found.studentId === j.studentId ? found : null;
    const linkedCheckpointId = j.checkpointId && checkpoints.has(j.checkpointId) ? j.checkpointId : (attempt?.checkpointId ?? null);
    journals.push({
      id: j.id,
      studentId: j.studentId,
      checkpointId: j.checkpointId,
      attemptId: j.attemptId,
      responses: j.responses,
      confidence: j.confidence,
      supportNeeded: j.supportNeeded,
      supportResolvedAt: j.supportResolvedAt,
      submittedAt: j.submittedAt,
      at: j.submittedAt.getTime(),
      attempt,
      linkedCheckpointId,
    });
  }
  journals.sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));

  const journalIds = new Set(journals.map((j) => j.id));
  const planFollowUps: PlanFollowUpInput[] = [];
  for (const f of data.planFollowUps ?? []) {
    if (journalIds.has(f.journalEntryId) && isFollowUpResult(f.result)) {
      planFollowUps.push({ journalEntryId: f.journalEntryId, attemptId: f.attemptId, result: f.result, at: f.createdAt.getTime() });
    }
  }
  const rechecks = new Map<string, string[]>();
  for (const r of data.rechecks ?? []) {
    if (!checkpoints.has(r.checkpointId) || !misconceptions.has(r.misconceptionId)) continue;
    const list = rechecks.get(r.checkpointId) ?? [];
    if (!list.includes(r.misconceptionId)) list.push(r.misconceptionId);
    rechecks.set(r.checkpointId, list);
  }
  for (const list of rechecks.values()) list.sort((a, b) => misconceptionRank.get(a)! - misconceptionRank.get(b)!);

  let byId: Map<string, PreparedAttempt> | undefined;
  return {
    projectId: data.projectId,
    students,
    studentOrder,
    misconceptions,
    misconceptionRank,
    checkpoints,
    checkpointOrder,
    versions,
    latestVersion,
    attempts,
    get attemptsById() {
      byId ??= new Map(attempts.map((a) => [a.id, a]));
      return byId;
    },
    attemptsByCheckpoint,
    pathsByCheckpoint,
    pathsByStudent,
    journals,
    planFollowUps,
    rechecks,
  };
}
