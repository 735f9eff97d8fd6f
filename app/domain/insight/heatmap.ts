// The students × misconceptions heatmap: how many attempts showed each
// misconception per student, whether they have worked through it, and the
// attempts behind every cell. Pure.
import type { EpisodeIndex } from "./episodes";
import type { Prepared } from "./prepare";

export interface HeatmapCell {
  misconceptionId: string;
  /** Attempts of the student that showed the misconception. */
  count: number;
  /** Resolved: on every checkpoint where it showed, a got-it followed. */
  resolved: boolean;
  attemptIds: string[];
  checkpointIds: string[];
}

export interface HeatmapRow {
  studentId: string;
  name: string;
  active: boolean;
  /** Attempts that showed any misconception (an attempt counts once per misconception). */
  total: number;
  /** Distinct misconceptions shown. */
  misconceptions: number;
  /** Only the misconceptions the student showed. */
  cells: Record<string, HeatmapCell>;
}

export interface HeatmapColumn {
  misconceptionId: string;
  name: string;
  students: number;
  attempts: number;
}

export interface Heatmap {
  /** Misconceptions shown by at least one student, most widespread first. */
  columns: HeatmapColumn[];
  /** Active students, and removed students who left attempts; in name order. */
  rows: HeatmapRow[];
}

export type HeatmapSort =
  | { by: "name"; direction?: "asc" | "desc" }
  | { by: "total"; direction?: "asc" | "desc" }
  | { by: "misconception"; misconceptionId: string; direction?: "asc" | "desc" };

export function buildHeatmap(prepared: Prepared, episodes: EpisodeIndex): Heatmap {
  const columnStats = new Map<string, { students: number; attempts: number }>();
  const rows: HeatmapRow[] = [];
  for (const student of prepared.studentOrder) {
    const perStudent = episodes.byStudent.get(student.id);
    if (!student.active && !prepared.pathsByStudent.has(student.id)) continue;
    const cells: Record<string, HeatmapCell> = {};
    let total = 0;
    let count = 0;
    if (perStudent) {
      for (const [misconceptionId, list] of perStudent) {
        const attemptIds: string[] = [];
        const checkpointIds: string[] = [];
        let resolved = true;
        for (const e of list) {
          for (const a of e.attempts) attemptIds.push(a.id);
          checkpointIds.push(e.checkpointId);
          if (!e.gotIt) resolved = false;
        }
        cells[misconceptionId] = { misconceptionId, count: attemptIds.length, resolved, attemptIds, checkpointIds };
        total += attemptIds.length;
        count++;
        const stats = columnStats.get(misconceptionId) ?? { students: 0, attempts: 0 };
        stats.students++;
        stats.attempts += attemptIds.length;
        columnStats.set(misconceptionId, stats);
      }
    }
    rows.push({ studentId: student.id, name: student.name, active: student.active, total, misconceptions: count, cells });
  }
  const columns = [...columnStats.entries()]
    .map(([misconceptionId, s]) => ({ misconceptionId, name: prepared.misconceptions.get(misconceptionId)!.name, ...s }))
    .sort(
      (a, b) =>
        b.students - a.students ||
        b.attempts - a.attempts ||
        prepared.misconceptionRank.get(a.misconceptionId)! - prepared.misconceptionRank.get(b.misconceptionId)!,
    );
  return { columns, rows };
}

/**
 * Rows in a new order. By name: A→Z (asc). By total or by a misconception:
 * most first (desc) by default; ties fall back to name order.
 */
export function sortHeatmapRows(rows: readonly HeatmapRow[], sort: HeatmapSort): HeatmapRow[] {
  const byName = (a: HeatmapRow, b: HeatmapRow) => a.name.localeCompare(b.name) || a.studentId.localeCompare(b.studentId);
  const direction = sort.direction ?? (sort.by === "name" ? "asc" : "desc");
  const sign = direction === "asc" ? 1 : -1;
  const value =
    sort.by === "total"
      ? (r: HeatmapRow) => r.total
      : sort.by === "misconception"
        ? (r: HeatmapRow) => r.cells[sort.misconceptionId]?.count ?? 0
        : null;
  return [...rows].sort((a, b) => {
    if (!value) return sign * byName(a, b);
    return sign * (value(a) - value(b)) || byName(a, b);
  });
}
