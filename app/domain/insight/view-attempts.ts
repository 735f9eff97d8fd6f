// The attempts behind a heatmap cell (or any filter by student, misconception
// and checkpoint): each attempt read against the version it answered, with
// the misconceptions it shows and where each tag comes from, and the tags the
// teacher took off. Pure: works on the indexed project (prepare.ts).
import { describeAnswer } from "~/domain/answer-display";
import type { CheckpointKind } from "~/domain/checkpoint-spec";
import type { Outcome } from "~/domain/grading";
import { tagSourceLabel } from "~/domain/labels";
import type { Prepared, PreparedAttempt } from "./prepare";
import type { IsoDate, TagRow } from "./types";

export interface AttemptFilter {
  studentId?: string | null;
  misconceptionId?: string | null;
  checkpointId?: string | null;
}

/** Where a tag on an attempt comes from. IMPLIED: the answer's own rule, with no stored row. */
export type TagSource = "RULE" | "CLUSTER" | "TEACHER" | "IMPLIED";

export interface AttemptTagView {
  misconceptionId: string;
  name: string;
  source: TagSource;
  /** "from the option chosen", "from a group of similar answers", "set by you"… */
  sourceLabel: string;
}

export interface DrillAttempt {
  id: string;
  studentId: string;
  studentName: string;
  studentActive: boolean;
  checkpointId: string;
  position: number;
  kind: CheckpointKind;
  /** The title of the version answered, and the checkpoint's current title. */
  title: string;
  latestTitle: string;
  version: number;
  latestVersion: number;
  number: number;
  at: IsoDate;
  answerText: string;
  outcome: Outcome | null;
  tags: AttemptTagView[];
  /** Misconceptions the teacher took off this attempt. */
  removed: { misconceptionId: string; name: string }[];
}

export interface DrillDown {
  /** Attempts matching the filter (before the limit). */
  total: number;
  /** Of those, attempts that show the misconception filtered on (the rest had it taken off). */
  showing: number;
  attempts: DrillAttempt[];
}

function tagSource(rows: readonly TagRow[], misconceptionId: string): TagSource {
  let source: TagSource = "IMPLIED";
  for (const r of rows) {
    if (r.misconceptionId !== misconceptionId || !r.active) continue;
    if (r.source === "TEACHER") return "TEACHER";
    if (r.source === "CLUSTER") source = "CLUSTER";
    else if (source === "IMPLIED") source = "RULE";
  }
  return source;
}

/** Misconceptions a teacher row took off (active=false), in project order. */
function removedIds(prepared: Prepared, rows: readonly TagRow[], shown: readonly string[]): string[] {
  const ids = rows
    .filter((r) => r.source === "TEACHER" && !r.active && !shown.includes(r.misconceptionId) && prepared.misconceptions.has(r.misconceptionId))
    .map((r) => r.misconceptionId);
  return [...new Set(ids)].sort((a, b) => prepared.misconceptionRank.get(a)! - prepared.misconceptionRank.get(b)!);
}

export function drillDown(prepared: Prepared, tags: readonly TagRow[], filter: AttemptFilter, limit = 100): DrillDown {
  const rowsByAttempt = new Map<string, TagRow[]>();
  for (const t of tags) {
    const list = rowsByAttempt.get(t.attemptId);
    if (list) list.push(t);
    else rowsByAttempt.set(t.attemptId, [t]);
  }
  const m = filter.misconceptionId || null;
  const matches: { attempt: PreparedAttempt; removed: string[]; shows: boolean }[] = [];
  for (const a of prepared.attempts) {
    if (filter.studentId && a.studentId !== filter.studentId) continue;
    if (filter.checkpointId && a.checkpointId !== filter.checkpointId) continue;
    const removed = removedIds(prepared, rowsByAttempt.get(a.id) ?? [], a.misconceptionIds);
    const shows = m ? a.misconceptionIds.includes(m) : true;
    if (m && !shows && !removed.includes(m)) continue;
    matches.push({ attempt: a, removed, shows });
  }
  const rank = new Map(prepared.checkpointOrder.map((c, i) => [c.id, i]));
  const nameRank = new Map(prepared.studentOrder.map((s, i) => [s.id, i]));
  matches.sort(
    (x, y) =>
      rank.get(x.attempt.checkpointId)! - rank.get(y.attempt.checkpointId)! ||
      nameRank.get(x.attempt.studentId)! - nameRank.get(y.attempt.studentId)! ||
      x.attempt.number - y.attempt.number,
  );
  const view = ({ attempt: a, removed }: (typeof matches)[number]): DrillAttempt => {
    const version = prepared.versions.get(a.versionId)!;
    const latest = prepared.latestVersion.get(a.checkpointId) ?? version;
    const checkpoint = prepared.checkpoints.get(a.checkpointId)!;
    const student = prepared.students.get(a.studentId)!;
    const rows = rowsByAttempt.get(a.id) ?? [];
    return {
      id: a.id,
      studentId: a.studentId,
      studentName: student.name,
      studentActive: student.active,
      checkpointId: a.checkpointId,
      position: checkpoint.position,
      kind: checkpoint.kind,
      title: version.title,
      latestTitle: latest.title,
      version: version.version,
      latestVersion: latest.version,
      number: a.number,
      at: new Date(a.at).toISOString(),
      answerText: describeAnswer(version.spec, a.answer),
      outcome: a.outcome,
      tags: a.misconceptionIds.map((id) => {
        const source = tagSource(rows, id);
        return { misconceptionId: id, name: prepared.misconceptions.get(id)!.name, source, sourceLabel: tagSourceLabel(source, checkpoint.kind) };
      }),
      removed: removed.map((id) => ({ misconceptionId: id, name: prepared.misconceptions.get(id)!.name })),
    };
  };
  return {
    total: matches.length,
    showing: matches.filter((x) => x.shows).length,
    attempts: matches.slice(0, Math.max(0, limit)).map(view),
  };
}
