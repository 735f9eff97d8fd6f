import { describe, expect, it } from "vitest";
import { buildReport } from "./report";
import { testClass } from "./test-class";
import { checkpointRows, commonWrongIdea, headline, topMisconceptions } from "./view-summary";

describe("headline", () => {
  it("counts the class now, attempts, and the share of not-yets later worked through", () => {
    const data = testClass();
    const h = headline(buildReport(data));
    // Ana, Ben and Will are in the class (Dee was removed); all three started.
    // Not yet: a1 a3 a4 b1 b2 b3 b5(teacher) w2 w3 d1 d2 d3 = 12; later got it: a1, a3, a4, b5 = 4.
    expect(h).toEqual({
      students: 3,
      studentsWithAttempts: 3,
      attempts: 19,
      notYet: 12,
      notYetLaterResolved: 4,
      shareNotYetResolved: 0.333,
      misconceptionsShown: 3,
      journalEntries: 4,
    });
  });
});

describe("checkpointRows and commonWrongIdea", () => {
  it("names the most common wrong idea of each kind", () => {
    const report = buildReport(testClass(), { clusterText: true });
    const rows = checkpointRows(report);
    expect(rows.map((r) => [r.position, r.title, r.gotIt, r.stillWorking, r.attempts])).toEqual([
      // c1: Ana (a2) and Will (w1) got it; Ben and Dee (removed) still working on it.
      [1, "Doubling the force (revised)", 2, 2, 9],
      [2, "Speed after 5 s", 2, 1, 6],
      [3, "Explain", 2, 0, 4],
    ]);
    // Option b ("Halving"): a1, d1, d2, d3 by Ana and Dee.
    expect(rows[0].wrongIdea).toEqual({ label: "Halving", misconceptionId: "m2", example: "“It is halved”", attempts: 4, students: 2 });
    // -12.5 is listed as "Sign convention": a3, w2, w3 (the distribution counts the value, whatever the tags say).
    expect(rows[1].wrongIdea).toEqual({ label: "Sign convention", misconceptionId: "m1", example: "-12.5 m/s", attempts: 3, students: 2 });
    // Short text: only groups that are mostly "not yet" count; "it speeds up" was marked not yet.
    expect(rows[2].wrongIdea).toMatchObject({ label: "“it speeds up”", misconceptionId: null, attempts: 1 });
  });

  it("uses a named text group's misconception, and nothing without groups", () => {
    const withGroups = buildReport(testClass(), { textGroups: { c3: [{ id: "g1", attemptIds: ["b5", "w4"], misconceptionId: "m3" }] } });
    expect(commonWrongIdea(withGroups.checkpoints[2])).toEqual({ label: "Units", misconceptionId: "m3", example: "“it speeds up”", attempts: 2, students: 2 });
    const without = buildReport(testClass());
    expect(commonWrongIdea(without.checkpoints[2])).toBeNull();
  });
});

describe("topMisconceptions", () => {
  it("lists the misconceptions students showed, most widespread first, with anonymised quotes", () => {
    const report = buildReport(testClass());
    const top = topMisconceptions(report);
    expect(top.map((m) => [m.name, m.studentsAffected, m.studentsResolved, m.studentsStillHolding])).toEqual([
      ["Sign convention", 2, 0, 2],
      ["Halving", 2, 1, 1],
      ["Units", 1, 0, 1],
    ]);
    expect(top[0].quotes.map((q) => q.text)).toEqual(["I keep getting minus 12.5 and [classmate] doesn't know why, I will ask"]);
    expect(top[0].quotes[0].text).not.toMatch(/Will|Hart|Ben|Okafor/);
    expect(topMisconceptions(report, 1)).toHaveLength(1);
  });
});
