// Indexes a project's rows once (maps keyed by id, every student's path through
// every checkpoint in attempt order) so each part of the analysis is one linear
// pass. Also settles, per attempt, the outcome that counts and the
// misconceptions it shows. Pure.
import type { CheckpointSpec } from "~/domain/checkpoint-spec";
import { grade, storedAnswer, type Outcome } from "~/domain/grading";
import { effectiveOutcome } from "~/domain/progress";
import type { CheckpointRow, JournalRow, MisconceptionRow, ProjectData, ReviewRow, StudentRow, TagRow } from "./types";

export interface PreparedVersion {
  id: string;
  checkpointId: string;
  version: number;
  title: string;
  spec: CheckpointSpec;
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
  /** The outcome that counts (auto-checked, else teacher mark, else self-assessment), null while waiting. */
  outcome: Outcome | null;
  /** Misconceptions the attempt shows after teacher corrections, in project order. */
  misconceptionIds: string[];
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
  attemptsById: Map<string, PreparedAttempt>;
  /** checkpointId → its attempts, oldest first. */
  attemptsByCheckpoint: Map<string, PreparedAttempt[]>;
  /** checkpointId → studentId → path. */
  pathsByCheckpoint: Map<string, Map<string, PreparedPath>>;
  /** studentId → their paths. */
  pathsByStudent: Map<string, PreparedPath[]>;
  /** Submitted journal entries of known students, oldest first. */
  journals: PreparedJournal[];
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

const byTime = <T extends { createdAt: Date }>(a: T, b: T) => a.createdAt.getTime() - b.createdAt.getTime();

/**
 * The misconceptions an attempt shows. Teacher rows win over machine rows for the
 * same misconception (active=false removes it); otherwise any active machine row
 * (RULE or CLUSTER) counts; misconceptions implied by the answer count when no row
 * speaks about them.
 */
export function effectiveMisconceptions(tagRows: readonly TagRow[], implied: readonly string[] = []): string[] {
  const teacher = new Map<string, { active: boolean; at: number }>();
  const machine = new Map<string, boolean>();
  for (const row of tagRows) {
    if (row.source === "TEACHER") {
      const at = row.createdAt?.getTime() ?? 0;
      const seen = teacher.get(row.misconceptionId);
      if (!seen || at >= seen.at) teacher.set(row.misconceptionId, { active: row.active, at });
    } else {
      machine.set(row.misconceptionId, (machine.get(row.misconceptionId) ?? false) || row.active);
    }
  }
  const result: string[] = [];
  const consider = (id: string) => {
    if (result.includes(id)) return;
    const t = teacher.get(id);
    if (t) {
      if (t.active) result.push(id);
    } else if (machine.has(id)) {
      if (machine.get(id)) result.push(id);
    } else {
      result.push(id);
    }
  };
  for (const row of tagRows) consider(row.misconceptionId);
  for (const id of implied) if (!teacher.has(id) && !machine.has(id)) consider(id);
  return result;
}

/** Misconceptions a stored answer implies by the version's own rules (options / listed wrong values). */
export function impliedMisconceptions(spec: CheckpointSpec, answer: string): string[] {
  if (spec.kind === "SHORT_TEXT") return [];
  return grade(spec, storedAnswer(spec, answer)).misconceptionIds;
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
      const pv: PreparedVersion = { id: v.id, checkpointId: c.id, version: v.version, title: v.title, spec: v.spec };
      versions.set(v.id, pv);
      const latest = latestVersion.get(c.id);
      if (!latest || latest.version < v.version) latestVersion.set(c.id, pv);
    }
  }

  const reviewsByAttempt = groupBy<ReviewRow>(data.reviews, (r) => r.attemptId);
  const tagsByAttempt = groupBy<TagRow>(data.tags, (t) => t.attemptId);

  const attempts: PreparedAttempt[] = [];
  const attemptsById = new Map<string, PreparedAttempt>();
  const pathsByCheckpoint = new Map<string, Map<string, PreparedPath>>();
  const pathsByStudent = new Map<string, PreparedPath[]>();
  for (const c of checkpointOrder) pathsByCheckpoint.set(c.id, new Map());

  for (const row of data.attempts) {
    const version = versions.get(row.checkpointVersionId);
    if (!students.has(row.studentId) || !version || version.checkpointId !== row.checkpointId) continue;
    const reviews = reviewsByAttempt.get(row.id);
    const outcome = effectiveOutcome({
      number: row.number,
      createdAt: row.createdAt,
      outcome: row.outcome,
      reviews: reviews ? [...reviews].sort(byTime) : undefined,
    });
    const tagRows = tagsByAttempt.get(row.id) ?? [];
    const implied = deriveRuleTags && outcome !== "GOT_IT" ? impliedMisconceptions(version.spec, row.answer) : [];
    const misconceptionIds =
      tagRows.length === 0 && implied.length === 0
        ? []
        : effectiveMisconceptions(tagRows, implied)
            .filter((id) => misconceptions.has(id))
            .sort((a, b) => misconceptionRank.get(a)! - misconceptionRank.get(b)!);
    const attempt: PreparedAttempt = {
      id: row.id,
      studentId: row.studentId,
      checkpointId: row.checkpointId,
      versionId: row.checkpointVersionId,
      number: row.number,
      index: -1,
      at: row.createdAt.getTime(),
      answer: row.answer,
      outcome,
      misconceptionIds,
    };
    attempts.push(attempt);
    attemptsById.set(attempt.id, attempt);
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
  const attemptsByCheckpoint = new Map<string, PreparedAttempt[]>();
  for (const c of checkpointOrder) attemptsByCheckpoint.set(c.id, []);
  for (const a of attempts) attemptsByCheckpoint.get(a.checkpointId)!.push(a);

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
          if (path.firstGotIt < 0) path.firstGotIt = i;
          path.lastGotIt = i;
        } else if (o === "NOT_YET" && path.firstNotYet < 0) path.firstNotYet = i;
      }
    }
  }

  const journals: PreparedJournal[] = [];
  for (const j of data.journalEntries) {
    if (!students.has(j.studentId)) continue;
    const viaAttempt = j.attemptId ? attemptsById.get(j.attemptId)?.checkpointId : undefined;
    const linkedCheckpointId = j.checkpointId && checkpoints.has(j.checkpointId) ? j.checkpointId : (viaAttempt ?? null);
    journals.push({ ...j, at: j.submittedAt.getTime(), linkedCheckpointId });
  }
  journals.sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));

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
    attemptsById,
    attemptsByCheckpoint,
    pathsByCheckpoint,
    pathsByStudent,
    journals,
  };
}

/** The first GOT_IT in a path strictly after attempt index `index`, or null. */
export function gotItAfter(path: PreparedPath, index: number): PreparedAttempt | null {
  if (path.lastGotIt <= index) return null;
  for (let i = index + 1; i < path.attempts.length; i++) if (path.attempts[i].outcome === "GOT_IT") return path.attempts[i];
  return null;
}
