// The insight report as CSV tables: one row per student × misconception, and
// the per-checkpoint distributions. Written with csv-stringify: fields with
// commas, quotes or line breaks are quoted, and cells a spreadsheet would run
// as a formula (= + - @, tab, carriage return) get a leading apostrophe. Pure.
import { stringify } from "csv-stringify/sync";
import { KIND_LABELS } from "~/domain/checkpoint-spec";
import { indexEpisodes } from "./episodes";
import type { Prepared } from "./prepare";
import type { ProjectReport } from "./report";

export type Cell = string | number;

export interface CsvTable {
  columns: string[];
  rows: Cell[][];
}

export type ExportKind = "students" | "checkpoints";

export function parseExportKind(value: string | null | undefined): ExportKind | null {
  return value === "students" || value === "checkpoints" ? value : null;
}

/** "2025-11-24 09:05" in UTC: sorts as text and reads in any spreadsheet. */
export function csvTime(ms: number | null): string {
  if (ms === null) return "";
  return new Date(ms).toISOString().slice(0, 16).replace("T", " ");
}

export const STUDENT_COLUMNS = [
  "Student",
  "Email",
  "In the class now",
  "Misconception",
  "Attempts showing it",
  "Checkpoints",
  "Resolved",
  "First seen (UTC)",
  "Resolved at (UTC)",
];

/**
 * One row per student and misconception they showed (students in name order,
 * misconceptions in project order). Resolved: every checkpoint where it showed
 * was got right on a later attempt; "resolved at" is the last of those got-its.
 * The teacher may leave the students' emails out (`withEmail: false`).
 */
export function studentMisconceptionTable(prepared: Prepared, { withEmail = true }: { withEmail?: boolean } = {}): CsvTable {
  const episodes = indexEpisodes(prepared);
  const titles = new Map(prepared.checkpointOrder.map((c) => [c.id, `${c.position}. ${prepared.latestVersion.get(c.id)?.title ?? ""}`]));
  const rows: Cell[][] = [];
  for (const student of prepared.studentOrder) {
    const perStudent = episodes.byStudent.get(student.id);
    if (!perStudent) continue;
    const ids = [...perStudent.keys()].sort((a, b) => prepared.misconceptionRank.get(a)! - prepared.misconceptionRank.get(b)!);
    for (const misconceptionId of ids) {
      const list = perStudent.get(misconceptionId)!;
      let attempts = 0;
      let firstSeen = Infinity;
      let resolvedAt = -Infinity;
      let resolved = true;
      for (const e of list) {
        attempts += e.attempts.length;
        for (const a of e.attempts) if (a.at < firstSeen) firstSeen = a.at;
        if (!e.gotIt) resolved = false;
        else if (e.gotIt.at > resolvedAt) resolvedAt = e.gotIt.at;
      }
      rows.push([
        student.name,
        ...(withEmail ? [student.email] : []),
        student.active ? "yes" : "no",
        prepared.misconceptions.get(misconceptionId)!.name,
        attempts,
        list.map((e) => titles.get(e.checkpointId) ?? "").join("; "),
        resolved ? "yes" : "no",
        csvTime(Number.isFinite(firstSeen) ? firstSeen : null),
        resolved && Number.isFinite(resolvedAt) ? csvTime(resolvedAt) : "",
      ]);
    }
  }
  return { columns: withEmail ? STUDENT_COLUMNS : STUDENT_COLUMNS.filter((c) => c !== "Email"), rows };
}

export const CHECKPOINT_COLUMNS = [
  "Position",
  "Checkpoint",
  "Kind",
  "Group",
  "Answer, option or value",
  "First attempts",
  "All attempts",
  "Students",
  "Misconception",
];

/**
 * Per checkpoint: a first row with every attempt, then the wrong options
 * (multiple choice), wrong values with their error shapes (numeric) or answer
 * groups (short text), counted on first attempts and on all attempts.
 */
export function checkpointDistributionTable(report: ProjectReport, prepared: Prepared): CsvTable {
  const rows: Cell[][] = [];
  for (const c of report.checkpoints) {
    const head = [c.position, c.title, KIND_LABELS[c.kind]];
    const d = c.detail;
    rows.push([...head, "All answers", "", d.attempts.first, d.attempts.all, c.summary.studentsAttempted, ""]);
    if (d.kind === "MULTIPLE_CHOICE") {
      for (const g of d.groups) {
        for (const o of g.options) {
          rows.push([...head, g.misconceptionName ?? "Wrong options without a misconception", o.text, o.first, o.all, o.students, g.misconceptionName ?? ""]);
        }
      }
      if (d.missedOnly.all > 0) {
        rows.push([...head, "Left out a correct option", "(no wrong option chosen)", d.missedOnly.first, d.missedOnly.all, "", ""]);
      }
    } else if (d.kind === "NUMERIC") {
      for (const g of d.groups) {
        for (const v of g.values) {
          const shape = v.shapes[0]?.label;
          const group = g.kind === "SHAPE" && shape ? shape : g.label;
          const misconception = v.misconceptionId ? (prepared.misconceptions.get(v.misconceptionId)?.name ?? "") : "";
          rows.push([...head, group, v.label, v.first, v.all, v.students, misconception]);
        }
      }
      if (d.unreadable.all > 0) rows.push([...head, "Not a number", "", d.unreadable.first, d.unreadable.all, "", ""]);
    } else if (d.groups) {
      d.groups.forEach((g, i) => {
        let first = 0;
        for (const id of g.attemptIds) if (prepared.attemptsById.get(id)?.index === 0) first++;
        const group = g.label ?? g.misconceptionName ?? `Group ${i + 1}${g.keyTerms.length ? ` (${g.keyTerms.slice(0, 3).join(", ")})` : ""}`;
        rows.push([...head, group, g.representatives[0] ?? "", first, g.size, g.students, g.misconceptionName ?? ""]);
      });
    }
  }
  return { columns: CHECKPOINT_COLUMNS, rows };
}

/** The table as CSV text (with a byte-order mark so spreadsheets read accents as UTF-8). */
export function toCsv(table: CsvTable): string {
  return stringify(table.rows, {
    header: true,
    columns: table.columns,
    bom: true,
    escape_formulas: true,
    record_delimiter: "windows",
  });
}

/** "forces-and-motion-misconceptions-by-student-2025-11-24.csv" */
export function exportFilename(projectTitle: string, kind: ExportKind, now: Date): string {
  const slug =
    projectTitle
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60) || "project";
  const what = kind === "students" ? "misconceptions-by-student" : "checkpoint-distributions";
  return `${slug}-${what}-${now.toISOString().slice(0, 10)}.csv`;
}
