// The class progress grid for one project: students × checkpoints, from a few
// flat lists (no per-cell queries). Pure.
import { cellState, describeCell, type AttemptFacts, type CellCounts, type CellState } from "~/domain/progress";
import { plural } from "~/domain/words";
import { byName } from "~/domain/names";

export interface GridStudent {
  id: string;
  name: string;
  /** The teacher removed the student from the class; their work is kept. */
  removed: boolean;
}

export interface GridCheckpoint {
  id: string;
  title: string;
  kind: string;
}

export interface GridAttempt {
  id: string;
  studentId: string;
  checkpointId: string;
  number: number;
  createdAt: Date;
  outcome: string | null;
}

export interface GridReview {
  attemptId: string;
  role: string;
  verdict: string;
  createdAt: Date;
}

export interface GridSupportRequest {
  studentId: string;
  /** When the student shared the entry asking for support. */
  askedAt: Date;
}

export interface GridCell {
  checkpointId: string;
  state: CellState;
  /** describeCell: the full, readable text of the cell. */
  text: string;
}

export interface GridSupport {
  open: number;
  oldestAskedAt: Date | null;
}

export interface GridRow {
  student: GridStudent;
  cells: GridCell[];
  support: GridSupport;
}

export interface CheckpointSummary {
  checkpointId: string;
  gotIt: number;
  notYet: number;
  waiting: number;
  notStarted: number;
  /** Median of "got it after N attempts" over students who got it; null if none did. */
  medianAttemptsToGotIt: number | null;
}

export interface ProgressGrid {
  checkpoints: GridCheckpoint[];
  /** Students actively in the class, by name. */
  activeRows: GridRow[];
  /** Removed students who have work in this project, by name. */
  removedRows: GridRow[];
  /** Per checkpoint, over active students only. */
  summaries: CheckpointSummary[];
  openSupportTotal: number;
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}


/**
 * The order students appear in, on the grid and in the timeline's previous/next
 * navigation: active students by name, then removed students with work by name.
 */
export function orderStudents<T extends GridStudent>(students: T[], hasWork: (studentId: string) => boolean): T[] {
  const active = students.filter((s) => !s.removed).sort(byName);
  const removed = students.filter((s) => s.removed && hasWork(s.id)).sort(byName);
  return [...active, ...removed];
}

export function buildProgressGrid(input: {
  students: GridStudent[];
  checkpoints: GridCheckpoint[];
  attempts: GridAttempt[];
  reviews: GridReview[];
  supportRequests: GridSupportRequest[];
}): ProgressGrid {
  const reviewsByAttempt = new Map<string, GridReview[]>();
  for (const r of [...input.reviews].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())) {
    const list = reviewsByAttempt.get(r.attemptId) ?? [];
    list.push(r);
    reviewsByAttempt.set(r.attemptId, list);
  }

  const attemptsByCell = new Map<string, AttemptFacts[]>();
  const studentsWithWork = new Set<string>();
  for (const a of input.attempts) {
    studentsWithWork.add(a.studentId);
    const key = `${a.studentId}\u0000${a.checkpointId}`;
    const list = attemptsByCell.get(key) ?? [];
    list.push({ number: a.number, createdAt: a.createdAt, outcome: a.outcome, reviews: reviewsByAttempt.get(a.id) ?? [] });
    attemptsByCell.set(key, list);
  }

  const supportByStudent = new Map<string, GridSupport>();
  for (const s of input.supportRequests) {
    studentsWithWork.add(s.studentId);
    const current = supportByStudent.get(s.studentId) ?? { open: 0, oldestAskedAt: null };
    current.open += 1;
    if (!current.oldestAskedAt || s.askedAt < current.oldestAskedAt) current.oldestAskedAt = s.askedAt;
    supportByStudent.set(s.studentId, current);
  }

  const rowFor = (student: GridStudent): GridRow => ({
    student,
    cells: input.checkpoints.map((c) => {
      const state = cellState(attemptsByCell.get(`${student.id}\u0000${c.id}`) ?? []);
      return { checkpointId: c.id, state, text: describeCell(state) };
    }),
    support: supportByStudent.get(student.id) ?? { open: 0, oldestAskedAt: null },
  });

  const ordered = orderStudents(input.students, (id) => studentsWithWork.has(id));
  const activeRows = ordered.filter((s) => !s.removed).map(rowFor);
  const removedRows = ordered.filter((s) => s.removed).map(rowFor);

  const summaries = input.checkpoints.map((c, i): CheckpointSummary => {
    const cells = activeRows.map((r) => r.cells[i].state);
    const gotItAfter = cells.flatMap((s) => (s.status === "GOT_IT" ? [s.gotItAfter] : []));
    return {
      checkpointId: c.id,
      gotIt: gotItAfter.length,
      notYet: cells.filter((s) => s.status === "NOT_YET").length,
      waiting: cells.filter((s) => s.status === "SUBMITTED").length,
      notStarted: cells.filter((s) => s.status === "NOT_STARTED").length,
      medianAttemptsToGotIt: median(gotItAfter),
    };
  });

  return {
    checkpoints: input.checkpoints,
    activeRows,
    removedRows,
    summaries,
    openSupportTotal: activeRows.concat(removedRows).reduce((sum, r) => sum + r.support.open, 0),
  };
}

/** "just now", "40 minutes", "3 hours", "2 days": how long something has waited. */
export function describeAge(since: Date, now: Date): string {
  const minutes = Math.max(0, Math.floor((now.getTime() - since.getTime()) / 60_000));
  if (minutes < 1) return "just now";
  if (minutes < 60) return plural(minutes, "minute");
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return plural(hours, "hour");
  const days = Math.floor(hours / 24);
  return plural(days, "day");
}

/** A cell split for display: a short headline and a detail line, reading as describeCell does. */
export function cellParts(state: CellCounts): { headline: string; detail: string } {
  switch (state.status) {
    case "NOT_STARTED":
      return { headline: "Not started", detail: "" };
    case "NOT_YET":
      return { headline: "Not yet", detail: plural(state.attempts, "attempt") };
    case "SUBMITTED":
      return { headline: "Waiting for a check", detail: plural(state.attempts, "attempt") };
    case "GOT_IT":
      return { headline: "Got it", detail: `after ${plural(state.gotItAfter, "attempt")}` };
  }
}

/** "1", "1.5": a median written without trailing zeros. */
export function formatMedian(value: number | null): string {
  if (value === null) return "—";
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

/** Rows per page of the progress grid: a class fits on one page; a year group is paged (decision 016). */
export const GRID_PAGE_SIZE = 60;

export interface GridPageInfo {
  /** 1-based; 0 when every row is shown (`?page=all`). */
  page: number;
  pages: number;
  /** 1-based positions of the first and last row shown, of `total`. */
  first: number;
  last: number;
  total: number;
}

/**
 * One page of the grid's rows: the active students, then the removed ones, in
 * that order, `size` at a time. `requested` is the `page` query value: a
 * number (clamped to the pages there are), or "all" for every row (printing).
 */
export function gridPage<T>(active: T[], removed: T[], requested: string | null, size = GRID_PAGE_SIZE): { active: T[]; removed: T[]; info: GridPageInfo } {
  const total = active.length + removed.length;
  const pages = Math.max(1, Math.ceil(total / size));
  if (requested === "all" || pages === 1) {
    return { active, removed, info: { page: pages === 1 ? 1 : 0, pages, first: total ? 1 : 0, last: total, total } };
  }
  const asked = Number.parseInt(requested ?? "1", 10);
  const page = Number.isFinite(asked) ? Math.min(Math.max(asked, 1), pages) : 1;
  const start = (page - 1) * size;
  const end = Math.min(start + size, total);
  return {
    active: active.slice(Math.min(start, active.length), Math.min(end, active.length)),
    removed: removed.slice(Math.max(0, start - active.length), Math.max(0, end - active.length)),
    info: { page, pages, first: start + 1, last: end, total },
  };
}
