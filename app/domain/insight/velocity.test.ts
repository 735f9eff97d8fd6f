import { describe, expect, it } from "vitest";
import { prepare } from "./prepare";
import { testClass } from "./test-class";
import { learningVelocities, learningVelocity } from "./velocity";

const p = prepare(testClass());

describe("learningVelocity", () => {
  it("buckets per day with the empty days in between", () => {
    const days = learningVelocity(p, "day");
    expect(days.map((d) => d.key)).toEqual(["2025-11-24", "2025-11-25", "2025-11-26", "2025-11-27", "2025-11-28", "2025-11-29", "2025-11-30", "2025-12-01"]);
    // 12 not-yets on the first day; a1, a3, a4 (Ana) and b5 (Ben) were followed by a got-it on the same checkpoint.
    expect(days[0]).toEqual({
      key: "2025-11-24",
      start: "2025-11-24T00:00:00.000Z",
      attempts: 18,
      students: 4,
      notYet: 12,
      notYetLaterResolved: 4,
      shareNotYetResolved: 0.333,
      gotIts: 5,
      medianAttemptsToGotIt: 1,
    });
    expect(days[1]).toMatchObject({ attempts: 0, students: 0, shareNotYetResolved: null, medianAttemptsToGotIt: null });
    expect(days[7]).toMatchObject({ attempts: 1, students: 1, notYet: 0, shareNotYetResolved: null, gotIts: 1, medianAttemptsToGotIt: 2 });
  });

  it("buckets per ISO week", () => {
    const weeks = learningVelocity(p, "week");
    expect(weeks.map((w) => [w.key, w.start.slice(0, 10), w.attempts, w.gotIts])).toEqual([
      ["2025-W48", "2025-11-24", 18, 5],
      ["2025-W49", "2025-12-01", 1, 1],
    ]);
  });

  it("gives both series in one pass", () => {
    const both = learningVelocities(p);
    expect(both.day).toEqual(learningVelocity(p, "day"));
    expect(both.week).toEqual(learningVelocity(p, "week"));
  });

  it("is empty without attempts", () => {
    const data = testClass();
    data.attempts = [];
    expect(learningVelocity(prepare(data), "week")).toEqual([]);
  });
});
