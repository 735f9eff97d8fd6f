import { describe, expect, it } from "vitest";
import { prepare } from "./prepare";
import { buildReport, clusterCheckpointAnswers } from "./report";
import { testClass } from "./test-class";

describe("buildReport", () => {
  const report = buildReport(testClass());

  it("sums up the project", () => {
    expect(report.projectId).toBe("p1");
    expect(report.totals).toEqual({
      students: 4,
      activeStudents: 3,
      studentsWithAttempts: 4,
      // Dee was removed from the class.
      activeStudentsWithAttempts: 3,
      checkpoints: 3,
      attempts: 19,
      attemptsWithMisconception: 10,
      misconceptions: 3,
      journalEntries: 4,
    });
  });

  it("holds every part of the analysis", () => {
    expect(report.checkpoints.map((c) => c.checkpointId)).toEqual(["c1", "c2", "c3"]);
    expect(report.heatmap.rows).toHaveLength(4);
    expect(report.misconceptions.map((m) => m.misconceptionId)).toEqual(["m1", "m2", "m3"]);
    expect(report.cooccurrence).toHaveLength(1);
    expect(report.help.stuck.map((s) => s.studentId)).toEqual(["ben"]);
    expect(report.help.supportRequests.map((s) => s.journalEntryId)).toEqual(["j2", "j4"]);
    expect(report.reflections.entries).toBe(4);
    expect(report.calibration.rated).toBe(0);
    expect(report.velocity.day).toHaveLength(8);
    expect(report.velocity.week).toHaveLength(2);
  });

  it("is plain JSON data", () => {
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });

  it("does not depend on the order of its input", () => {
    const data = testClass();
    data.attempts.sort((a, b) => a.id.localeCompare(b.id));
    data.students.reverse();
    data.journalEntries.reverse();
    data.tags.reverse();
    data.reviews.reverse();
    expect(buildReport(data)).toEqual(report);
  });

  it("passes options on: threshold, numeric shapes, precomputed text groups", () => {
    const r = buildReport(testClass(), {
      minConsecutiveNotYet: 4,
      classifyNumeric: () => [{ kind: "SOME_SHAPE", detail: null, label: "Some shape", groupLabel: "Some shape" }],
      textGroups: { c3: [{ id: "g", attemptIds: ["a6", "b5"] }] },
    });
    expect(r.help.stuck).toEqual([]);
    const numeric = r.checkpoints[1].detail;
    expect(numeric.kind === "NUMERIC" && numeric.groups.map((g) => g.kind)).toEqual(["MISCONCEPTION", "SHAPE"]);
    const text = r.checkpoints[2].detail;
    expect(text.kind === "SHORT_TEXT" && text.groups?.map((g) => [g.id, g.size])).toEqual([["g", 2]]);
  });

  it("recognises numeric error shapes by default, and can be told not to", () => {
    const shaped = report.checkpoints[1].detail;
    expect(shaped.kind === "NUMERIC" && shaped.groups.map((g) => g.label)).toEqual(["Sign convention", "Decimal point shifted"]);
    const plain = buildReport(testClass(), { classifyNumeric: null }).checkpoints[1].detail;
    expect(plain.kind === "NUMERIC" && plain.groups.map((g) => g.label)).toEqual(["Sign convention", "Other values"]);
  });

  it("can cluster short-text answers itself, every attempt included", () => {
    const r = buildReport(testClass(), { clusterText: true });
    const text = r.checkpoints[2].detail;
    if (text.kind !== "SHORT_TEXT" || !text.groups) throw new Error("expected text groups");
    expect(text.groups.reduce((n, g) => n + g.size, 0)).toBe(4);
    expect(text.groups.flatMap((g) => g.attemptIds).sort()).toEqual(["a6", "b5", "b6", "w4"]);
    expect(r.checkpoints[0].detail.kind).toBe("MULTIPLE_CHOICE");
  });
});

describe("clusterCheckpointAnswers", () => {
  it("groups the answers of one checkpoint by attempt id, with representatives and key terms", () => {
    const groups = clusterCheckpointAnswers(prepare(testClass()), "c3");
    expect(groups.flatMap((g) => g.attemptIds).sort()).toEqual(["a6", "b5", "b6", "w4"]);
    for (const g of groups) {
      expect(g.representatives!.length).toBeGreaterThan(0);
      expect(Array.isArray(g.keyTerms)).toBe(true);
    }
    expect(clusterCheckpointAnswers(prepare(testClass()), "c1").length).toBeGreaterThan(0); // option-id answers still group
    expect(clusterCheckpointAnswers(prepare(testClass()), "missing")).toEqual([]);
  });
});
