// A small hand-made class for the insight unit tests, where every right answer
// is worked out by hand in the tests. Not used by the app.
//
// Four students: Ana Lima, Ben Okafor, Will Hart, and Dee Ray (removed from the
// class, work kept). Misconceptions m1 "Sign convention", m2 "Halving",
// m3 "Units". Checkpoints: c1 multiple choice (two versions: option b reworded,
// option d tagged m3 in v2), c2 numeric (answer 12.5 m/s, -12.5 listed as m1),
// c3 short text. Times are minutes after Monday 2025-11-24 09:00 UTC.
import type { CheckpointSpec } from "~/domain/checkpoint-spec";
import type { AttemptRow, JournalRow, ProjectData, ReviewRow, TagRow } from "./types";

export const T0 = Date.UTC(2025, 10, 24, 9, 0);
export const at = (minutes: number) => new Date(T0 + minutes * 60_000);

const choiceV1: CheckpointSpec = {
  kind: "MULTIPLE_CHOICE",
  options: [
    { id: "a", text: "It doubles", correct: true, feedback: "", misconceptionId: null },
    { id: "b", text: "It halves", correct: false, feedback: "", misconceptionId: "m2" },
    { id: "c", text: "It reverses", correct: false, feedback: "", misconceptionId: "m1" },
    { id: "d", text: "It stays the same", correct: false, feedback: "", misconceptionId: null },
  ],
};
const choiceV2: CheckpointSpec = {
  kind: "MULTIPLE_CHOICE",
  options: [
    { id: "a", text: "It doubles", correct: true, feedback: "", misconceptionId: null },
    { id: "b", text: "It is halved", correct: false, feedback: "", misconceptionId: "m2" },
    { id: "c", text: "It reverses", correct: false, feedback: "", misconceptionId: "m1" },
    { id: "d", text: "It stays the same", correct: false, feedback: "", misconceptionId: "m3" },
  ],
};
export const numericSpec: CheckpointSpec = {
  kind: "NUMERIC",
  answer: 12.5,
  tolerance: 0.05,
  unit: "m/s",
  wrongValues: [{ value: -12.5, feedback: "Look at the direction you chose as positive.", misconceptionId: "m1" }],
  intermediateValues: [{ value: 2.5, label: "acceleration" }],
};
const textSpec: CheckpointSpec = { kind: "SHORT_TEXT", modelAnswer: "Balanced forces keep the velocity constant." };

type A = [id: string, studentId: string, checkpointId: string, versionId: string, number: number, minutes: number, answer: string, outcome: string | null];
const attemptRows: A[] = [
  ["a1", "ana", "c1", "v1a", 1, 0, '["b"]', "NOT_YET"],
  ["a2", "ana", "c1", "v1b", 2, 10, '["a"]', "GOT_IT"],
  ["a3", "ana", "c2", "v2a", 1, 20, "-12.5", "NOT_YET"],
  ["a4", "ana", "c2", "v2a", 2, 30, "1.25", "NOT_YET"],
  ["a5", "ana", "c2", "v2a", 3, 60, "12.5", "GOT_IT"],
  ["a6", "ana", "c3", "v3a", 1, 70, "The forces cancel out, so nothing changes", null],
  ["b1", "ben", "c1", "v1a", 1, 5, '["c"]', "NOT_YET"],
  ["b2", "ben", "c1", "v1b", 2, 15, '["c","d"]', "NOT_YET"],
  ["b3", "ben", "c1", "v1b", 3, 25, '["d"]', "NOT_YET"],
  ["b4", "ben", "c2", "v2a", 1, 35, "12.5 m/s", "GOT_IT"],
  ["b5", "ben", "c3", "v3a", 1, 40, "it speeds up", null],
  ["b6", "ben", "c3", "v3a", 2, 7 * 1440, "balanced forces mean constant velocity", null],
  ["w1", "will", "c1", "v1a", 1, 2, '["a"]', "GOT_IT"],
  ["w2", "will", "c2", "v2a", 1, 12, "-12.5", "NOT_YET"],
  ["w3", "will", "c2", "v2a", 2, 22, "-12.5", "NOT_YET"],
  ["w4", "will", "c3", "v3a", 1, 80, "no idea", null],
  ["d1", "dee", "c1", "v1a", 1, 3, '["b"]', "NOT_YET"],
  ["d2", "dee", "c1", "v1a", 2, 8, '["b","d"]', "NOT_YET"],
  ["d3", "dee", "c1", "v1b", 3, 11, '["b"]', "NOT_YET"],
  // A student who is not in the class: ignored.
  ["x1", "stranger", "c1", "v1a", 1, 1, '["b"]', "NOT_YET"],
];

export function attempt(row: A): AttemptRow {
  const [id, studentId, checkpointId, checkpointVersionId, number, minutes, answer, outcome] = row;
  return { id, studentId, checkpointId, checkpointVersionId, number, createdAt: at(minutes), answer, outcome };
}

const reviews: ReviewRow[] = [
  { attemptId: "a6", role: "SELF", verdict: "GOT_IT", createdAt: at(71) },
  { attemptId: "b5", role: "SELF", verdict: "GOT_IT", createdAt: at(41) },
  { attemptId: "b5", role: "TEACHER", verdict: "NOT_YET", createdAt: at(50) },
  { attemptId: "b6", role: "TEACHER", verdict: "GOT_IT", createdAt: at(7 * 1440 + 5) },
];

const tags: TagRow[] = [
  { attemptId: "a1", misconceptionId: "m2", source: "RULE", active: true },
  // The teacher removed the machine's "Sign convention" tag from Ana's first numeric attempt.
  { attemptId: "a3", misconceptionId: "m1", source: "TEACHER", active: false },
  { attemptId: "b1", misconceptionId: "m1", source: "RULE", active: true },
  // b2 and b3 have no rows: their misconceptions come from the options chosen.
  { attemptId: "b5", misconceptionId: "m3", source: "TEACHER", active: true },
  { attemptId: "w2", misconceptionId: "m1", source: "RULE", active: true },
  { attemptId: "d1", misconceptionId: "m2", source: "RULE", active: true },
  { attemptId: "d2", misconceptionId: "m2", source: "RULE", active: true },
];

/** A submitted journal entry row: unlinked, unrated and asking for no support unless said otherwise. */
export const journal = (j: Partial<JournalRow> & Pick<JournalRow, "id" | "studentId" | "submittedAt" | "responses">): JournalRow => ({
  checkpointId: null,
  attemptId: null,
  confidence: null,
  supportNeeded: false,
  supportResolvedAt: null,
  ...j,
});

const journals: JournalRow[] = [
  journal({
    id: "j1",
    studentId: "ana",
    checkpointId: "c2",
    attemptId: "a4",
    submittedAt: at(32),
    confidence: 5,
    responses: [
      { question: "What happened?", answer: "I was sure it was 1.25 because Ben Okafor told me so, mail ben@example.test" },
      { question: "What next?", answer: "ask" },
    ],
  }),
  journal({
    id: "j2",
    studentId: "will",
    checkpointId: "c2",
    submittedAt: at(25),
    confidence: 1,
    supportNeeded: true,
    responses: [{ question: null, answer: "I keep getting minus 12.5 and Will doesn't know why, I will ask" }],
  }),
  journal({
    id: "j3",
    studentId: "ben",
    submittedAt: at(4),
    confidence: 2,
    supportNeeded: true,
    supportResolvedAt: at(6),
    responses: [{ question: "What support do I need?", answer: "help with vectors" }],
  }),
  journal({
    id: "j4",
    studentId: "ana",
    attemptId: "a6",
    submittedAt: at(75),
    confidence: 2,
    supportNeeded: true,
    responses: [{ question: "What did I learn?", answer: "Not sure I really get why forces cancel." }],
  }),
];

export function testClass(): ProjectData {
  return {
    projectId: "p1",
    students: [
      { id: "will", name: "Will Hart", email: "will@example.test", active: true },
      { id: "ben", name: "Ben Okafor", email: "ben@example.test", active: true },
      { id: "ana", name: "Ana Lima", email: "ana@example.test", active: true },
      { id: "dee", name: "Dee Ray", email: "dee@example.test", active: false },
    ],
    misconceptions: [
      { id: "m1", name: "Sign convention" },
      { id: "m2", name: "Halving" },
      { id: "m3", name: "Units" },
    ],
    checkpoints: [
      { id: "c2", position: 2, kind: "NUMERIC", archived: false, versions: [{ id: "v2a", version: 1, title: "Speed after 5 s", spec: numericSpec }] },
      {
        id: "c1",
        position: 1,
        kind: "MULTIPLE_CHOICE",
        archived: false,
        versions: [
          { id: "v1b", version: 2, title: "Doubling the force (revised)", spec: choiceV2 },
          { id: "v1a", version: 1, title: "Doubling the force", spec: choiceV1 },
        ],
      },
      { id: "c3", position: 3, kind: "SHORT_TEXT", archived: false, versions: [{ id: "v3a", version: 1, title: "Explain", spec: textSpec }] },
    ],
    // Shuffled on purpose: the analysis must not depend on input order.
    attempts: attemptRows.map(attempt).reverse(),
    reviews,
    tags,
    journalEntries: journals,
  };
}
