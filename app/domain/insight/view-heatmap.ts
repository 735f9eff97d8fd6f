// The heatmap page's sorting and shading: reads the sort from the query string
// (checked against the heatmap's columns), says how each header is sorted and
// where its link goes, and grades cells into a few shades. Pure.
import { sortHeatmapRows, type Heatmap, type HeatmapRow, type HeatmapSort } from "./heatmap";

export type SortDirection = "asc" | "desc";

/** "name", "total", or a misconception id. */
export type SortKey = string;

export interface HeatmapSortState {
  key: SortKey;
  direction: SortDirection;
}

export const DEFAULT_HEATMAP_SORT: HeatmapSortState = { key: "total", direction: "desc" };

/** The natural first direction of a column: names A→Z, counts most first. */
export function defaultDirection(key: SortKey): SortDirection {
  return key === "name" ? "asc" : "desc";
}

/** Reads ?sort=&dir= against the heatmap's columns; anything unknown falls back to the default. */
export function parseHeatmapSort(sort: string | null | undefined, dir: string | null | undefined, heatmap: Pick<Heatmap, "columns">): HeatmapSortState {
  const known = sort === "name" || sort === "total" || heatmap.columns.some((c) => c.misconceptionId === sort);
  if (!sort || !known) return DEFAULT_HEATMAP_SORT;
  const direction: SortDirection = dir === "asc" || dir === "desc" ? dir : defaultDirection(sort);
  return { key: sort, direction };
}

export function toHeatmapSort(state: HeatmapSortState): HeatmapSort {
  if (state.key === "name") return { by: "name", direction: state.direction };
  if (state.key === "total") return { by: "total", direction: state.direction };
  return { by: "misconception", misconceptionId: state.key, direction: state.direction };
}

export function sortRows(rows: readonly HeatmapRow[], state: HeatmapSortState): HeatmapRow[] {
  return sortHeatmapRows(rows, toHeatmapSort(state));
}

export interface HeaderSort {
  /** For aria-sort on the column header. */
  ariaSort: "ascending" | "descending" | "none";
  /** The query string the header's link sets (the other direction when it is already sorted). */
  search: string;
  /** What following the link does, for screen readers and titles. */
  next: SortDirection;
}

export function headerSort(key: SortKey, current: HeatmapSortState): HeaderSort {
  const active = current.key === key;
  const next: SortDirection = active ? (current.direction === "asc" ? "desc" : "asc") : defaultDirection(key);
  const params = new URLSearchParams({ sort: key, dir: next });
  return {
    ariaSort: active ? (current.direction === "asc" ? "ascending" : "descending") : "none",
    search: `?${params.toString()}`,
    next,
  };
}

/** 0 (empty) to 4 (the most attempts any cell has): a shade to add to the count, never instead of it. */
export function shadeLevel(count: number, max: number): 0 | 1 | 2 | 3 | 4 {
  if (count <= 0 || max <= 0) return 0;
  return Math.min(4, Math.max(1, Math.ceil((count / max) * 4))) as 1 | 2 | 3 | 4;
}

export function maxCellCount(heatmap: Pick<Heatmap, "rows">): number {
  let max = 0;
  for (const row of heatmap.rows) for (const cell of Object.values(row.cells)) if (cell.count > max) max = cell.count;
  return max;
}
