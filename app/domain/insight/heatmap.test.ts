import { describe, expect, it } from "vitest";
import { indexEpisodes } from "./episodes";
import { buildHeatmap, sortHeatmapRows } from "./heatmap";
import { prepare } from "./prepare";
import { testClass } from "./test-class";

const p = prepare(testClass());
const heatmap = buildHeatmap(p, indexEpisodes(p));
const names = (rows: { name: string }[]) => rows.map((r) => r.name);

describe("buildHeatmap", () => {
  it("has a row per student in name order (removed students only when they left work) and a column per misconception shown", () => {
    expect(names(heatmap.rows)).toEqual(["Ana Lima", "Ben Okafor", "Dee Ray", "Will Hart"]);
    expect(heatmap.rows.find((r) => r.name === "Dee Ray")?.active).toBe(false);
    expect(heatmap.columns).toEqual([
      { misconceptionId: "m1", name: "Sign convention", students: 2, attempts: 4 },
      { misconceptionId: "m2", name: "Halving", students: 2, attempts: 4 },
      { misconceptionId: "m3", name: "Units", students: 1, attempts: 3 },
    ]);
  });

  it("counts attempts per cell, says whether the student worked through it, and keeps the attempts behind the cell", () => {
    const ben = heatmap.rows[1];
    expect(ben.total).toBe(5);
    expect(ben.misconceptions).toBe(2);
    expect(ben.cells.m1).toEqual({ misconceptionId: "m1", count: 2, resolved: false, attemptIds: ["b1", "b2"], checkpointIds: ["c1"] });
    // "Units": resolved on c3 but not on c1, so not resolved overall.
    expect(ben.cells.m3).toEqual({ misconceptionId: "m3", count: 3, resolved: false, attemptIds: ["b2", "b3", "b5"], checkpointIds: ["c1", "c3"] });
    expect(heatmap.rows[0].cells).toEqual({ m2: { misconceptionId: "m2", count: 1, resolved: true, attemptIds: ["a1"], checkpointIds: ["c1"] } });
    expect(heatmap.rows[0].cells.m1).toBeUndefined();
  });

  it("leaves out removed students without attempts", () => {
    const data = testClass();
    data.attempts = data.attempts.filter((a) => a.studentId !== "dee");
    const q = prepare(data);
    expect(names(buildHeatmap(q, indexEpisodes(q)).rows)).toEqual(["Ana Lima", "Ben Okafor", "Will Hart"]);
  });
});

describe("sortHeatmapRows", () => {
  it("sorts by name, by total and by one misconception, ties in name order, without changing its input", () => {
    expect(names(sortHeatmapRows(heatmap.rows, { by: "name", direction: "desc" }))).toEqual(["Will Hart", "Dee Ray", "Ben Okafor", "Ana Lima"]);
    expect(names(sortHeatmapRows(heatmap.rows, { by: "total" }))).toEqual(["Ben Okafor", "Dee Ray", "Will Hart", "Ana Lima"]);
    expect(names(sortHeatmapRows(heatmap.rows, { by: "total", direction: "asc" }))).toEqual(["Ana Lima", "Will Hart", "Dee Ray", "Ben Okafor"]);
    expect(names(sortHeatmapRows(heatmap.rows, { by: "misconception", misconceptionId: "m1" }))).toEqual([
      "Ben Okafor",
      "Will Hart",
      "Ana Lima",
      "Dee Ray",
    ]);
    expect(names(heatmap.rows)).toEqual(["Ana Lima", "Ben Okafor", "Dee Ray", "Will Hart"]);
  });
});
