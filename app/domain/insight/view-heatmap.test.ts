import { describe, expect, it } from "vitest";
import { buildReport } from "./report";
import { testClass } from "./test-class";
import { DEFAULT_HEATMAP_SORT, headerSort, maxCellCount, parseHeatmapSort, shadeLevel, sortRows } from "./view-heatmap";

const heatmap = () => buildReport(testClass()).heatmap;

describe("parseHeatmapSort", () => {
  it("reads the sort and direction, checked against the columns", () => {
    const h = heatmap();
    expect(parseHeatmapSort(null, null, h)).toEqual(DEFAULT_HEATMAP_SORT);
    expect(parseHeatmapSort("name", null, h)).toEqual({ key: "name", direction: "asc" });
    expect(parseHeatmapSort("total", "sideways", h)).toEqual({ key: "total", direction: "desc" });
    expect(parseHeatmapSort("m1", "asc", h)).toEqual({ key: "m1", direction: "asc" });
    expect(parseHeatmapSort("not-a-column", "asc", h)).toEqual(DEFAULT_HEATMAP_SORT);
  });
});

describe("sortRows", () => {
  it("sorts by name, by total, or by one misconception (ties by name)", () => {
    const h = heatmap();
    const names = (key: string, direction: "asc" | "desc") => sortRows(h.rows, { key, direction }).map((r) => r.name);
    expect(names("name", "asc")).toEqual(["Ana Lima", "Ben Okafor", "Dee Ray", "Will Hart"]);
    expect(names("name", "desc")).toEqual(["Will Hart", "Dee Ray", "Ben Okafor", "Ana Lima"]);
    // Totals: Ben 5 (m1 2, m3 3), Dee 3, Will 2, Ana 1.
    expect(names("total", "desc")).toEqual(["Ben Okafor", "Dee Ray", "Will Hart", "Ana Lima"]);
    expect(names("m1", "desc")).toEqual(["Ben Okafor", "Will Hart", "Ana Lima", "Dee Ray"]);
  });
});

describe("headerSort", () => {
  it("marks the sorted header and links to the other direction; other headers start at their natural direction", () => {
    const current = { key: "total", direction: "desc" as const };
    expect(headerSort("total", current)).toEqual({ ariaSort: "descending", search: "?sort=total&dir=asc", next: "asc" });
    expect(headerSort("name", current)).toEqual({ ariaSort: "none", search: "?sort=name&dir=asc", next: "asc" });
    expect(headerSort("m2", current)).toEqual({ ariaSort: "none", search: "?sort=m2&dir=desc", next: "desc" });
    expect(headerSort("name", { key: "name", direction: "asc" }).ariaSort).toBe("ascending");
  });
});

describe("shading", () => {
  it("grades counts into four shades against the largest cell", () => {
    expect(maxCellCount(heatmap())).toBe(3);
    expect([0, 1, 2, 3, 5].map((n) => shadeLevel(n, 5))).toEqual([0, 1, 2, 3, 4]);
    expect(shadeLevel(1, 0)).toBe(0);
  });
});
