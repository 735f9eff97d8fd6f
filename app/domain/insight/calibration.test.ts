import { describe, expect, it } from "vitest";
import { calibration, readConfidence, sureness } from "./calibration";
import { prepare } from "./prepare";
import { testClass } from "./test-class";
import type { ProjectData } from "./types";

/**
 * The test class (test-class.ts) with "How sure are you?" given on some attempts.
 * Outcomes that count, and misconceptions shown, as the class has them:
 * a1 not yet, Halving · a2 got it · a3 not yet (tag taken off) · a5 got it · a6 got it (self)
 * b1 not yet, Sign · b2 not yet, Sign + Units · b3 not yet, Units · b5 not yet (the teacher's
 * mark beats the self-assessment), Units · b6 got it (teacher) · w2 not yet, Sign
 * w4 waiting (short text, no verdict) · d1 not yet, Halving (Dee was removed from the class).
 */
const RATINGS: Record<string, number> = {
  a1: 5,
  a2: 2,
  a3: 3,
  a5: 4,
  a6: 1,
  b1: 4,
  b2: 5,
  b3: 2,
  b5: 5,
  b6: 3,
  w2: 1,
  // Waiting for an outcome: not counted yet.
  w4: 5,
  d1: 4,
  // Not ratings: left out.
  w1: 0,
  w3: 7,
  // Not in the class: left out.
  x1: 5,
};

function ratedClass(ratings: Record<string, number> = RATINGS): ProjectData {
  const data = testClass();
  return { ...data, attempts: data.attempts.map((a) => (a.id in ratings ? { ...a, confidence: ratings[a.id] } : a)) };
}

describe("sureness and readConfidence", () => {
  it("reads 4–5 as sure, 1–2 as unsure and 3 as in between", () => {
    expect([1, 2, 3, 4, 5].map(sureness)).toEqual(["unsure", "unsure", "in between", "sure", "sure"]);
  });

  it("keeps whole ratings 1..5 only", () => {
    expect([1, 5, "3", 0, 6, 2.5, null, undefined, "x"].map(readConfidence)).toEqual([1, 5, 3, null, null, null, null, null, null]);
  });
});

describe("calibration", () => {
  const result = calibration(prepare(ratedClass()));

  it("counts every rated attempt with an outcome, not only the last", () => {
    expect(result.rated).toBe(12);
    expect(result.withOutcome).toBe(18);
    expect(result.ratedWaiting).toBe(1);
    expect(result.students).toBe(4);
  });

  it("sets each rating against the outcome that counts", () => {
    expect(result.table).toEqual([
      { confidence: 1, gotIt: 1, notYet: 1 },
      { confidence: 2, gotIt: 1, notYet: 1 },
      { confidence: 3, gotIt: 1, notYet: 1 },
      { confidence: 4, gotIt: 1, notYet: 2 },
      { confidence: 5, gotIt: 0, notYet: 3 },
    ]);
    // Sure and not yet: a1, b1, b2, b5 (a self-assessed got-it the teacher marked not yet), d1.
    expect(result.sureAndNotYet).toBe(5);
    // Unsure and got it: a2, a6.
    expect(result.unsureAndGotIt).toBe(2);
  });

  it("gives each student their counts and how often sureness matched the outcome", () => {
    expect(result.byStudent).toEqual([
      // a5 matched (sure, got it); a1, a2, a6 did not; a3 was in between.
      { studentId: "ana", name: "Ana Lima", active: true, rated: 5, sureAndNotYet: 1, unsureAndGotIt: 2, decided: 4, matched: 1, matchedShare: 0.25 },
      // b3 matched (unsure, not yet); b6 was in between.
      { studentId: "ben", name: "Ben Okafor", active: true, rated: 5, sureAndNotYet: 3, unsureAndGotIt: 0, decided: 4, matched: 1, matchedShare: 0.25 },
      { studentId: "dee", name: "Dee Ray", active: false, rated: 1, sureAndNotYet: 1, unsureAndGotIt: 0, decided: 1, matched: 0, matchedShare: 0 },
      { studentId: "will", name: "Will Hart", active: true, rated: 1, sureAndNotYet: 0, unsureAndGotIt: 0, decided: 1, matched: 1, matchedShare: 1 },
    ]);
  });

  it("lists, per misconception, who held it firmly, most such students first", () => {
    expect(result.byMisconception).toEqual([
      {
        misconceptionId: "m2",
        name: "Halving",
        ratedAttempts: 2,
        students: 2,
        sureAndNotYet: 2,
        heldFirmly: [
          // Ana got c1 right after her a1.
          { studentId: "ana", name: "Ana Lima", active: true, attempts: 1, checkpointId: "c1", workedThrough: true },
          { studentId: "dee", name: "Dee Ray", active: false, attempts: 1, checkpointId: "c1", workedThrough: false },
        ],
      },
      {
        misconceptionId: "m1",
        name: "Sign convention",
        // b1, b2 and Will's w2 (rated 1: not held firmly).
        ratedAttempts: 3,
        students: 2,
        sureAndNotYet: 2,
        heldFirmly: [{ studentId: "ben", name: "Ben Okafor", active: true, attempts: 2, checkpointId: "c1", workedThrough: false }],
      },
      {
        misconceptionId: "m3",
        name: "Units",
        ratedAttempts: 3,
        students: 1,
        sureAndNotYet: 2,
        // Held firmly on c1 (b2) and c3 (b5); worked through on c3 only.
        heldFirmly: [{ studentId: "ben", name: "Ben Okafor", active: true, attempts: 2, checkpointId: "c1", workedThrough: false }],
      },
    ]);
  });

  it("does not depend on the order of its input", () => {
    const data = ratedClass();
    const shuffled = { ...data, attempts: [...data.attempts].reverse(), students: [...data.students].reverse() };
    expect(calibration(prepare(shuffled))).toEqual(result);
  });

  it("is empty when nobody rated, and ignores journal confidence", () => {
    const none = calibration(prepare(testClass()));
    expect(none).toMatchObject({ rated: 0, ratedWaiting: 0, students: 0, sureAndNotYet: 0, unsureAndGotIt: 0, byStudent: [], byMisconception: [] });
    expect(none.table.every((r) => r.gotIt === 0 && r.notYet === 0)).toBe(true);
    expect(none.withOutcome).toBe(18);
  });

  it("counts a short-text attempt once it has an outcome", () => {
    const data = ratedClass({ w4: 5 });
    expect(calibration(prepare(data))).toMatchObject({ rated: 0, ratedWaiting: 1 });
    data.reviews = [...data.reviews, { attemptId: "w4", role: "SELF", verdict: "NOT_YET", createdAt: new Date(data.attempts[0].createdAt.getTime() + 86_400_000) }];
    const assessed = calibration(prepare(data));
    expect(assessed).toMatchObject({ rated: 1, ratedWaiting: 0, sureAndNotYet: 1 });
    expect(assessed.table[4]).toEqual({ confidence: 5, gotIt: 0, notYet: 1 });
  });
});
