import { describe, expect, it } from "vitest";
import type { CheckpointSpec } from "~/domain/checkpoint-spec";
import { buildRecoveries, describeDuration, type RecoveryAttemptInput, type RecoveryEntryInput } from "./recoveries";

const T0 = Date.UTC(2025, 10, 24, 9, 0);
const at = (minutes: number) => new Date(T0 + minutes * 60_000);

const choiceV1: CheckpointSpec = {
  kind: "MULTIPLE_CHOICE",
  options: [
    { id: "a", text: "It keeps going", correct: true, feedback: "", misconceptionId: null },
    { id: "b", text: "It slows down", correct: false, feedback: "", misconceptionId: "m1" },
    { id: "c", text: "It speeds up", correct: false, feedback: "", misconceptionId: null },
  ],
};
const choiceV2: CheckpointSpec = {
  kind: "MULTIPLE_CHOICE",
  options: [
    { id: "a", text: "It keeps moving in a straight line", correct: true, feedback: "", misconceptionId: null },
    { id: "b", text: "It slows down as the push runs out", correct: false, feedback: "", misconceptionId: "m1" },
  ],
};
const numeric: CheckpointSpec = {
  kind: "NUMERIC",
  answer: 12.5,
  tolerance: 0.05,
  unit: "m/s",
  wrongValues: [{ value: 2.5, feedback: "", misconceptionId: "m2" }],
  intermediateValues: [],
};
const text: CheckpointSpec = { kind: "SHORT_TEXT", modelAnswer: "Balanced forces." };

const v = (version: number, title: string, spec: CheckpointSpec) => ({ version, title, spec });
const attempt = (a: Partial<RecoveryAttemptInput> & Pick<RecoveryAttemptInput, "id" | "checkpointId" | "number" | "answer" | "version">): RecoveryAttemptInput => ({
  createdAt: at(a.number * 10),
  outcome: null,
  reviews: [],
  tags: [],
  ...a,
});

const checkpoints = [
  { id: "c1", position: 1, title: "A puck on ice (revised)", latestVersion: 2, archived: false },
  { id: "c2", position: 2, title: "Speed of a cyclist", latestVersion: 1, archived: false },
  { id: "c3", position: 3, title: "Why does the car keep going?", latestVersion: 1, archived: false },
  { id: "c4", position: 4, title: "Stopping distance", latestVersion: 1, archived: false },
  { id: "c5", position: 5, title: "Untouched", latestVersion: 1, archived: false },
];
const misconceptions = [
  { id: "m1", name: "Motion needs a force", description: "Believes motion needs a force.", nextStep: "Think of ice." },
  { id: "m2", name: "Speed and acceleration confused", description: "", nextStep: "Tabulate speed each second." },
];

const attempts: RecoveryAttemptInput[] = [
  // c1: two not-yets on version 1 (one tagged by rule, one implied by the option), got it on version 2, 2 h 5 min later.
  attempt({ id: "x1", checkpointId: "c1", number: 1, createdAt: at(0), answer: '["b"]', outcome: "NOT_YET", version: v(1, "A puck on ice", choiceV1), tags: [{ misconceptionId: "m1", source: "RULE", active: true }] }),
  attempt({ id: "x2", checkpointId: "c1", number: 2, createdAt: at(30), answer: '["c"]', outcome: "NOT_YET", version: v(1, "A puck on ice", choiceV1) }),
  attempt({ id: "x3", checkpointId: "c1", number: 3, createdAt: at(125), answer: '["a"]', outcome: "GOT_IT", version: v(2, "A puck on ice (revised)", choiceV2) }),
  // c2: got it first time.
  attempt({ id: "y1", checkpointId: "c2", number: 1, createdAt: at(200), answer: "12.5", outcome: "GOT_IT", version: v(1, "Speed of a cyclist", numeric) }),
  // c3: short text, teacher marked the first not yet (and removed the machine's tag), self-assessed got it two days later.
  attempt({
    id: "z1",
    checkpointId: "c3",
    number: 1,
    createdAt: at(300),
    answer: "The engine pushes harder than friction",
    version: v(1, "Why does the car keep going?", text),
    reviews: [
      { role: "SELF", verdict: "GOT_IT", createdAt: at(301) },
      { role: "TEACHER", verdict: "NOT_YET", createdAt: at(400) },
    ],
    tags: [
      { misconceptionId: "m1", source: "CLUSTER", active: true, createdAt: at(302) },
      { misconceptionId: "m1", source: "TEACHER", active: false, createdAt: at(401) },
    ],
  }),
  attempt({
    id: "z2",
    checkpointId: "c3",
    number: 2,
    createdAt: at(300 + 2 * 1440),
    answer: "They are balanced",
    version: v(1, "Why does the car keep going?", text),
    reviews: [{ role: "SELF", verdict: "GOT_IT", createdAt: at(301 + 2 * 1440) }],
  }),
  // c4: still working on it — the listed wrong value twice.
  attempt({ id: "w1", checkpointId: "c4", number: 1, createdAt: at(500), answer: "2.5", outcome: "NOT_YET", version: v(1, "Stopping distance", numeric) }),
  attempt({ id: "w2", checkpointId: "c4", number: 2, createdAt: at(510), answer: "2,5", outcome: "NOT_YET", version: v(1, "Stopping distance", numeric) }),
  // An attempt on a checkpoint not in the list (another project's): ignored.
  attempt({ id: "q1", checkpointId: "elsewhere", number: 1, answer: '["b"]', outcome: "NOT_YET", version: v(1, "Other", choiceV1) }),
];

const entry = (e: Partial<RecoveryEntryInput> & Pick<RecoveryEntryInput, "id" | "submittedAt">): RecoveryEntryInput => ({
  checkpointId: null,
  attemptId: null,
  promptTitle: null,
  responses: [{ question: null, answer: "text" }],
  confidence: null,
  ...e,
});

const entries: RecoveryEntryInput[] = [
  entry({
    id: "e2",
    checkpointId: "c1",
    attemptId: "x2",
    promptTitle: "Four-part journal",
    submittedAt: at(40),
    confidence: 3,
    responses: [
      { question: "What happened?", answer: "I picked speeds up." },
      { question: "What support do I need?", answer: "" },
    ],
  }),
  // Linked by attempt only: found through the attempt's checkpoint.
  entry({ id: "e1", attemptId: "x1", submittedAt: at(5), responses: [{ question: "What did I learn?", answer: "Forces change motion." }] }),
  entry({ id: "e3", checkpointId: "c4", submittedAt: at(520), responses: [{ question: null, answer: "Still stuck on this one." }] }),
  // A free entry: on no checkpoint.
  entry({ id: "e4", submittedAt: at(600) }),
];

describe("buildRecoveries", () => {
  const result = buildRecoveries({ checkpoints, attempts, misconceptions, entries });

  it("finds the checkpoints where a not-yet became a got-it, in project order", () => {
    expect(result.recoveries.map((r) => r.checkpointId)).toEqual(["c1", "c3"]);
    expect(result.gotFirstTry).toBe(1);
  });

  it("shows the attempts on the way, read against the version they answered", () => {
    const c1 = result.recoveries[0];
    expect(c1.before.map((a) => [a.number, a.outcome, a.answerText, a.versionNumber, a.isLatestVersion])).toEqual([
      [1, "NOT_YET", "It slows down", 1, false],
      [2, "NOT_YET", "It speeds up", 1, false],
    ]);
    expect(c1.gotIt).toMatchObject({ number: 3, outcome: "GOT_IT", answerText: "It keeps moving in a straight line", isLatestVersion: true });
    expect(c1.attemptsToGotIt).toBe(3);
    expect(c1.msToRecover).toBe(125 * 60_000);
    expect(c1.timeToRecover).toBe("about 2 hours");
  });

  it("names the misconceptions worked through, honouring the teacher's removal of a tag", () => {
    expect(result.recoveries[0].misconceptions.map((m) => m.name)).toEqual(["Motion needs a force"]);
    expect(result.recoveries[0].before[0].misconceptions).toEqual([{ id: "m1", name: "Motion needs a force" }]);
    expect(result.recoveries[0].before[1].misconceptions).toEqual([]);
    // c3: the teacher's NOT_YET mark wins over the self-assessment; the machine tag was removed by the teacher.
    const c3 = result.recoveries[1];
    expect(c3.before.map((a) => a.outcome)).toEqual(["NOT_YET"]);
    expect(c3.misconceptions).toEqual([]);
    expect(c3.timeToRecover).toBe("about 2 days");
  });

  it("puts the student's reflections on the checkpoint beside it, oldest first", () => {
    expect(result.recoveries[0].reflections).toEqual([
      { id: "e1", title: "Reflection", attemptNumber: 1, at: at(5).toISOString(), responses: [{ question: "What did I learn?", answer: "Forces change motion." }], confidence: null },
      {
        id: "e2",
        title: "Four-part journal",
        attemptNumber: 2,
        at: at(40).toISOString(),
        responses: [{ question: "What happened?", answer: "I picked speeds up." }],
        confidence: 3,
      },
    ]);
    expect(result.recoveries[1].reflections).toEqual([]);
  });

  it("lists what is still being worked on, with the ideas met so far", () => {
    expect(result.stillWorkingOn).toEqual([
      {
        checkpointId: "c4",
        position: 4,
        title: "Stopping distance",
        archived: false,
        attempts: 2,
        lastAt: at(510).toISOString(),
        waiting: false,
        misconceptions: [misconceptions[1]],
        reflections: 1,
      },
    ]);
  });

  it("says for each idea shown whether the student recovered, relapsed or is still working on it", () => {
    // m1: shown on c1, got it there (x3). m2: shown on c4, no got-it yet.
    expect(result.ideas.map((i) => [i.misconception.id, i.state, i.recoveredOn, i.stillOn])).toEqual([
      ["m1", "recovered", ["A puck on ice (revised)"], []],
      ["m2", "still-working", [], ["Stopping distance"]],
    ]);
    // m1 shows again on c4 after the got-it on c1: a relapse.
    const later = attempt({ id: "w3", checkpointId: "c4", number: 3, createdAt: at(700), answer: "5", outcome: "NOT_YET", version: v(1, "Stopping distance", numeric), tags: [{ misconceptionId: "m1", source: "TEACHER", active: true }] });
    const relapsed = buildRecoveries({ checkpoints, misconceptions, entries: [], attempts: [...attempts, later] });
    expect(relapsed.ideas[0]).toMatchObject({
      state: "relapsed",
      recoveredAgain: false,
      relapses: [{ checkpointTitle: "Stopping distance", attemptNumber: 3, afterCheckpointTitle: "A puck on ice (revised)" }],
    });
  });

  it("counts a short text waiting for a check as still being worked on, and not as a recovery", () => {
    const waiting = buildRecoveries({
      checkpoints,
      misconceptions,
      entries: [],
      attempts: [attempt({ id: "t1", checkpointId: "c3", number: 1, answer: "hmm", version: v(1, "Why?", text) })],
    });
    expect(waiting.recoveries).toEqual([]);
    expect(waiting.stillWorkingOn).toMatchObject([{ checkpointId: "c3", waiting: true, attempts: 1 }]);
  });

  it("does not count a got-it after only waiting attempts as a recovery", () => {
    const r = buildRecoveries({
      checkpoints,
      misconceptions,
      entries: [],
      attempts: [
        attempt({ id: "t1", checkpointId: "c3", number: 1, answer: "hmm", version: v(1, "Why?", text) }),
        attempt({ id: "t2", checkpointId: "c3", number: 2, answer: "balanced", version: v(1, "Why?", text), reviews: [{ role: "SELF", verdict: "GOT_IT", createdAt: at(30) }] }),
      ],
    });
    expect(r).toEqual({ recoveries: [], stillWorkingOn: [], gotFirstTry: 0, ideas: [] });
  });
});

describe("describeDuration", () => {
  it("words a time span plainly", () => {
    expect(describeDuration(20_000)).toBe("less than a minute");
    expect(describeDuration(60_000)).toBe("1 minute");
    expect(describeDuration(12 * 60_000)).toBe("12 minutes");
    expect(describeDuration(65 * 60_000)).toBe("about an hour");
    expect(describeDuration(5 * 3_600_000)).toBe("about 5 hours");
    expect(describeDuration(30 * 3_600_000)).toBe("about a day");
    expect(describeDuration(3 * 86_400_000)).toBe("about 3 days");
  });
});
