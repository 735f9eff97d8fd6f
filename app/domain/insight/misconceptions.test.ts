import { describe, expect, it } from "vitest";
import { indexEpisodes } from "./episodes";
import { cooccurrence, misconceptionInsights } from "./misconceptions";
import { prepare } from "./prepare";
import { testClass } from "./test-class";

describe("cooccurrence", () => {
  it("counts students per pair with Jaccard and lift", () => {
    // 4 students: {A,B}, {A,B}, {A}, {C}
    const pairs = cooccurrence([["A", "B"], ["B", "A"], ["A"], ["C"]], 4);
    expect(pairs).toEqual([{ a: "A", b: "B", students: 2, jaccard: 0.667, lift: 1.333 }]);
    expect(cooccurrence([], 0)).toEqual([]);
  });
});

describe("misconceptionInsights", () => {
  const p = prepare(testClass());
  const { misconceptions, cooccurrence: pairs } = misconceptionInsights(p, indexEpisodes(p));
  const byId = Object.fromEntries(misconceptions.map((m) => [m.misconceptionId, m]));

  it("lists every misconception, most widespread first", () => {
    expect(misconceptions.map((m) => m.misconceptionId)).toEqual(["m1", "m2", "m3"]);
  });

  it("counts students affected, resolved and still holding it", () => {
    expect(byId.m1).toMatchObject({ studentsAffected: 2, studentsResolved: 0, studentsStillHolding: 2, attempts: 4, checkpointIds: ["c1", "c2"] });
    expect(byId.m2).toMatchObject({ studentsAffected: 2, studentsResolved: 1, studentsStillHolding: 1, attempts: 4, checkpointIds: ["c1"] });
    expect(byId.m3).toMatchObject({ studentsAffected: 1, studentsResolved: 0, studentsStillHolding: 1, episodes: 2, episodesResolved: 1 });
  });

  it("gives median attempts and median time to recover over the resolved occurrences", () => {
    expect(byId.m1).toMatchObject({ medianAttemptsToGotIt: null, medianAttemptsToRecover: null, medianTimeToRecoverMs: null });
    expect(byId.m2).toMatchObject({ medianAttemptsToGotIt: 2, medianAttemptsToRecover: 1, medianTimeToRecoverMs: 10 * 60_000 });
    expect(byId.m3).toMatchObject({ medianAttemptsToGotIt: 2, medianAttemptsToRecover: 1, medianTimeToRecoverMs: (7 * 1440 - 40) * 60_000 });
  });

  it("finds misconceptions shown by the same students", () => {
    // Ben showed m1 and m3; m1 was shown by 2 students, m3 by 1; 4 students made attempts.
    expect(pairs).toEqual([{ a: "m1", b: "m3", students: 1, jaccard: 0.5, lift: 2 }]);
    expect(byId.m1.occursWith).toEqual([{ misconceptionId: "m3", name: "Units", students: 1, jaccard: 0.5, lift: 2 }]);
    expect(byId.m3.occursWith[0].misconceptionId).toBe("m1");
    expect(byId.m2.occursWith).toEqual([]);
  });
});
