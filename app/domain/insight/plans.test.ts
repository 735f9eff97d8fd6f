import { describe, expect, it } from "vitest";
import type { CheckpointSpec } from "~/domain/checkpoint-spec";
import { describePlanComparison } from "./plans";
import { buildReport } from "./report";
import type { AttemptRow, JournalRow, PlanFollowUpRow, ProjectData } from "./types";

// One misconception, m1 "Sign convention", implied by the listed wrong value -12.5.
// c1 and c2 are ordinary checkpoints; c3 is a re-check of m1.
const spec: CheckpointSpec = {
  kind: "NUMERIC",
  answer: 12.5,
  tolerance: 0.05,
  unit: "m/s",
  wrongValues: [{ value: -12.5, feedback: "", misconceptionId: "m1" }],
  intermediateValues: [],
};
const minute = 60_000;
const T0 = Date.UTC(2026, 0, 5, 9);
const at = (m: number) => new Date(T0 + m * minute);

let n = 0;
const attempt = (studentId: string, checkpointId: string, number: number, minutes: number, right: boolean): AttemptRow => ({
  id: `${studentId}-${checkpointId}-${number}-${n++}`,
  studentId,
  checkpointId,
  checkpointVersionId: `v-${checkpointId}`,
  number,
  createdAt: at(minutes),
  answer: right ? "12.5" : "-12.5",
  outcome: right ? "GOT_IT" : "NOT_YET",
});

function world(extra: { followUps?: PlanFollowUpRow[]; rechecks?: boolean } = {}) {
  const attempts = [
    // s1: recovers on c1 (with a plan), then shows it again on c2 and recovers again: relapsed.
    attempt("s1", "c1", 1, 0, false),
    attempt("s1", "c1", 2, 20, true),
    attempt("s1", "c2", 1, 40, false),
    attempt("s1", "c2", 2, 50, true),
    // s2: recovers on c1 without a plan, and gets the re-check on the first try.
    attempt("s2", "c1", 1, 0, false),
    attempt("s2", "c1", 2, 5, true),
    attempt("s2", "c3", 1, 60, true),
    // s3: writes a plan, has not tried again yet: still working.
    attempt("s3", "c1", 1, 0, false),
    // s4: recovers on c1 (with a plan), then shows it again on the re-check.
    attempt("s4", "c1", 1, 0, false),
    attempt("s4", "c1", 2, 30, true),
    attempt("s4", "c3", 1, 70, false),
  ];
  const first = (s: string) => attempts.find((a) => a.studentId === s && a.checkpointId === "c1" && a.number === 1)!;
  const second = (s: string) => attempts.find((a) => a.studentId === s && a.checkpointId === "c1" && a.number === 2)!;
  const entry = (id: string, studentId: string, minutes: number, plan: string): JournalRow => ({
    id,
    studentId,
    checkpointId: "c1",
    attemptId: first(studentId).id,
    responses: [
      { question: "What happened?", answer: "I got the sign wrong." },
      { question: "What would I do differently?", answer: plan },
    ],
    confidence: null,
    supportNeeded: false,
    supportResolvedAt: null,
    submittedAt: at(minutes),
  });
  const data: ProjectData = {
    projectId: "p",
    students: ["Sam One", "Sam Two", "Sam Three", "Sam Four"].map((name, i) => ({ id: `s${i + 1}`, name, email: `s${i + 1}@example.test`, active: true })),
    misconceptions: [{ id: "m1", name: "Sign convention" }],
    checkpoints: ["c1", "c2", "c3"].map((id, i) => ({ id, position: i + 1, kind: "NUMERIC", archived: false, versions: [{ id: `v-${id}`, version: 1, title: `Checkpoint ${i + 1}`, spec }] })),
    attempts,
    reviews: [],
    tags: [],
    journalEntries: [
      entry("e1", "s1", 5, "Check which direction is positive before I calculate."),
      entry("e3", "s3", 5, "check which direction is positive before calculating"),
      entry("e4", "s4", 5, "Ask Sam Two how she draws the axis."),
    ],
    planFollowUps: extra.followUps ?? [
      { journalEntryId: "e1", attemptId: second("s1").id, result: "HELPED", createdAt: at(21) },
      { journalEntryId: "e4", attemptId: second("s4").id, result: "DIDNT_TRY", createdAt: at(31) },
      // Not a known result: left out.
      { journalEntryId: "e3", attemptId: second("s1").id, result: "MAYBE", createdAt: at(22) },
    ],
    rechecks: extra.rechecks === false ? [] : [{ checkpointId: "c3", misconceptionId: "m1" }],
  };
  return data;
}

describe("plans in the insight", () => {
  const report = buildReport(world(), { now: T0 + 1000 * minute });

  it("counts every plan and how it was followed through", () => {
    expect(report.plans.plans).toBe(3);
    expect(report.plans.students).toBe(3);
    expect(report.plans.followThrough).toEqual({ waiting: 1, unanswered: 0, helped: 1, didntHelp: 0, didntTry: 1, shareFollowedThrough: 0.5 });
  });

  it("groups the plans written about a misconception with the short-text grouping, anonymised", () => {
    const [m1] = report.plans.byMisconception;
    expect(m1).toMatchObject({ misconceptionId: "m1", name: "Sign convention", plans: 3, students: 3 });
    expect(m1.groups.map((g) => g.plans)).toEqual([2, 1]);
    expect(m1.groups[0]).toMatchObject({ tried: 1, helped: 1, students: 2 });
    expect(m1.groups[1].text).toBe("Ask [classmate] how she draws the axis.");
    expect(JSON.stringify(report.plans)).not.toMatch(/Sam|s\d@example/);
  });

  it("compares recovery with a plan and without, with the counts, and says when they are too few", () => {
    const { withPlan, withoutPlan, tooFew } = report.plans.byMisconception[0].comparison;
    // With a plan: s1 on c1 (2 attempts on, 20 min), s4 on c1 (30 min), s3 on c1 (not yet).
    expect(withPlan).toEqual({ episodes: 3, recovered: 2, medianAttempts: 1, medianTimeMs: 25 * minute });
    // Without: s1 on c2, s2 on c1, s4 on c3 (not yet).
    expect(withoutPlan).toEqual({ episodes: 3, recovered: 2, medianAttempts: 1, medianTimeMs: 7.5 * minute });
    expect(tooFew).toBe(true);
  });
});

describe("lasting recovery in the insight", () => {
  it("says per misconception who recovered, showed it again later, or is still working on it", () => {
    const [m1] = buildReport(world()).lasting;
    expect(m1).toMatchObject({ misconceptionId: "m1", students: 4, states: { recovered: 1, relapsed: 2, "still-working": 1 }, recoveredAgain: 1 });
  });

  it("reads a re-check checkpoint for the students who had recovered before it", () => {
    const [m1] = buildReport(world()).lasting;
    expect(m1.rechecks).toEqual([{ checkpointId: "c3", students: 2, results: { held: 1, "showed-again": 1, "not-yet": 0, waiting: 0 } }]);
    expect(buildReport(world({ rechecks: false })).lasting[0].rechecks).toEqual([]);
  });

  it("agrees with the heatmap and the per-misconception figures on who worked it through", () => {
    const report = buildReport(world());
    const [m1] = report.lasting;
    const insight = report.misconceptions.find((m) => m.misconceptionId === "m1")!;
    // "Worked through" everywhere it showed = recovered, or relapsed and recovered again.
    expect(insight.studentsResolved).toBe(m1.states.recovered + m1.recoveredAgain);
    const resolvedCells = report.heatmap.rows.filter((r) => r.cells.m1?.resolved).length;
    expect(resolvedCells).toBe(insight.studentsResolved);
  });
});

describe("the comparison in words", () => {
  const side = (episodes: number, recovered: number, medianAttempts: number | null, medianTimeMs: number | null) => ({ episodes, recovered, medianAttempts, medianTimeMs });
  const minutes = (ms: number) => `${ms / minute} minutes`;

  it("gives the counts on both sides and says when they are too few", () => {
    expect(describePlanComparison({ withPlan: side(3, 2, 1, 25 * minute), withoutPlan: side(0, 0, null, null), tooFew: true }, minutes)).toBe(
      "With a plan: 2 of 3 recovered, a median of 1 more attempt and 25 minutes to “got it”. Without a plan: none. Too few to compare: fewer than 5 recoveries on either side, so a difference here may be chance.",
    );
  });

  it("says nothing about chance when both sides have enough", () => {
    const words = describePlanComparison({ withPlan: side(8, 6, 2, null), withoutPlan: side(12, 5, 3, 60 * minute), tooFew: false }, minutes);
    expect(words).toBe("With a plan: 6 of 8 recovered, a median of 2 more attempts to “got it”. Without a plan: 5 of 12 recovered, a median of 3 more attempts and 60 minutes to “got it”.");
  });
});
