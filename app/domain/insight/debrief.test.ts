import { describe, expect, it } from "vitest";
import type { CheckpointSpec } from "~/domain/checkpoint-spec";
import {
  buildDebrief,
  classDebriefQuestions,
  discussionPrompts,
  learningLine,
  toClassVoice,
  whyMightPrompt,
  workedThroughLine,
  type MisconceptionDetails,
} from "./debrief";
import { prepare } from "./prepare";
import { at, journal } from "./test-class";
import type { AttemptRow, ProjectData } from "./types";

// A hand-made class of four. m1 "Motion needs a force" shows for Ana (c1, then
// c3 by a teacher tag; both got later), Ben (c1 twice and c2; never got) and
// Will (c2; got later): met by 3, worked through by 2. m2 "Heavier falls
// faster" shows once for Will on c1, got later: 1 of 1. m3 never shows.

const choice: CheckpointSpec = {
  kind: "MULTIPLE_CHOICE",
  options: [
    { id: "a", text: "It keeps moving at the same speed", correct: true, feedback: "", misconceptionId: null },
    { id: "b", text: "It slows down", correct: false, feedback: "", misconceptionId: "m1" },
    { id: "c", text: "It stops", correct: false, feedback: "", misconceptionId: "m1" },
    { id: "d", text: "It falls faster because it is heavy", correct: false, feedback: "", misconceptionId: "m2" },
  ],
};
const numeric: CheckpointSpec = {
  kind: "NUMERIC",
  answer: 12.5,
  tolerance: 0.05,
  unit: "m/s",
  wrongValues: [{ value: 2.5, feedback: "", misconceptionId: "m1" }],
  intermediateValues: [],
};
const text: CheckpointSpec = { kind: "SHORT_TEXT", modelAnswer: "Balanced forces." };

type A = [id: string, student: string, checkpoint: string, number: number, minutes: number, answer: string, outcome: string | null];
const rows: A[] = [
  ["a1", "ana", "c1", 1, 0, '["b"]', "NOT_YET"],
  ["a2", "ana", "c1", 2, 10, '["a"]', "GOT_IT"],
  ["a3", "ana", "c3", 1, 20, "Ben Okafor said there must be a push forward or it stops", null],
  ["a4", "ana", "c3", 2, 30, "The forces are balanced", null],
  ["b1", "ben", "c1", 1, 1, '["b"]', "NOT_YET"],
  ["b2", "ben", "c1", 2, 11, '["c"]', "NOT_YET"],
  ["b3", "ben", "c2", 1, 21, "2.5", "NOT_YET"],
  ["w1", "will", "c1", 1, 2, '["d"]', "NOT_YET"],
  ["w2", "will", "c1", 2, 12, '["a"]', "GOT_IT"],
  ["w3", "will", "c2", 1, 22, "2.5 m/s", "NOT_YET"],
  ["w4", "will", "c2", 2, 32, "12.5", "GOT_IT"],
  ["c1", "chen", "c1", 1, 3, '["a"]', "GOT_IT"],
];
const attempts: AttemptRow[] = rows.map(([id, studentId, checkpointId, number, minutes, answer, outcome]) => ({
  id,
  studentId,
  checkpointId,
  checkpointVersionId: `${checkpointId}v1`,
  number,
  createdAt: at(minutes),
  answer,
  outcome,
}));

function data(): ProjectData {
  return {
    projectId: "p1",
    students: [
      { id: "ana", name: "Ana Lima", email: "ana.lima@example.test", active: true },
      { id: "ben", name: "Ben Okafor", email: "ben@example.test", active: true },
      { id: "will", name: "Will Hart", email: "will@example.test", active: true },
      { id: "chen", name: "Chen Wu", email: "chen.wu@example.test", active: false },
    ],
    misconceptions: [
      { id: "m1", name: "Motion needs a force" },
      { id: "m2", name: "Heavier falls faster" },
      { id: "m3", name: "Unit slip" },
    ],
    checkpoints: [
      { id: "c1", position: 1, kind: "MULTIPLE_CHOICE", archived: false, versions: [{ id: "c1v1", version: 1, title: "A puck on ice", spec: choice }] },
      { id: "c2", position: 2, kind: "NUMERIC", archived: false, versions: [{ id: "c2v1", version: 1, title: "Speed of a cyclist", spec: numeric }] },
      { id: "c3", position: 3, kind: "SHORT_TEXT", archived: false, versions: [{ id: "c3v1", version: 1, title: "Why does the car keep going?", spec: text }] },
    ],
    attempts,
    reviews: [
      { attemptId: "a3", role: "SELF", verdict: "NOT_YET", createdAt: at(21) },
      { attemptId: "a4", role: "SELF", verdict: "GOT_IT", createdAt: at(31) },
    ],
    tags: [{ attemptId: "a3", misconceptionId: "m1", source: "TEACHER", active: true }],
    journalEntries: [
      journal({
        id: "j1",
        studentId: "ana",
        checkpointId: "c1",
        attemptId: "a1",
        submittedAt: at(5),
        responses: [
          { question: "What happened?", answer: "I chose that it slows down." },
          { question: "What did I learn?", answer: "Nothing has to push the puck: Will Hart showed me that forces change motion." },
        ],
      }),
      // Ben never got c1: his entry is not a "learned" quote.
      journal({ id: "j2", studentId: "ben", checkpointId: "c1", submittedAt: at(6), responses: [{ question: null, answer: "Forces are needed to keep things going." }] }),
      // Will got c2, but the line says he is not there yet: left out.
      journal({ id: "j3", studentId: "will", attemptId: "w3", submittedAt: at(23), responses: [{ question: "What did I learn?", answer: "I'm not sure what the difference is." }] }),
      journal({
        id: "j4",
        studentId: "will",
        checkpointId: "c1",
        submittedAt: at(4),
        responses: [{ question: null, answer: "Mass cancels out in a = F/m; write to will@example.test if you want my notes" }],
      }),
      // The same words as j1's learning line, from Ana on c3: shown once.
      journal({
        id: "j5",
        studentId: "ana",
        checkpointId: "c3",
        submittedAt: at(25),
        responses: [{ question: "What did I learn?", answer: "Nothing has to push the puck: Will Hart showed me that forces change motion." }],
      }),
    ],
  };
}

const details: Record<string, MisconceptionDetails> = {
  m1: { description: "Believes a moving object needs a constant force to keep moving.", nextStep: "Think about a puck sliding on ice: what slows it down?" },
  m2: { description: "Heavier objects fall faster.", nextStep: "" },
  m3: { description: "Mixes units.", nextStep: "" },
};

describe("buildDebrief", () => {
  const prepared = prepare(data());
  const debrief = buildDebrief(prepared, { details });

  it("lists the misconceptions somebody showed, most widespread first, with worked-through counts", () => {
    expect(debrief.misconceptions.map((m) => [m.name, m.met, m.workedThrough])).toEqual([
      ["Motion needs a force", 3, 2],
      ["Heavier falls faster", 1, 1],
    ]);
    expect(debrief.misconceptions[0]).toMatchObject({
      description: details.m1.description,
      nextStep: details.m1.nextStep,
      checkpointTitles: ["A puck on ice", "Speed of a cyclist", "Why does the car keep going?"],
    });
  });

  it("keeps to the top N", () => {
    expect(buildDebrief(prepared, { details, top: 1 }).misconceptions.map((m) => m.name)).toEqual(["Motion needs a force"]);
  });

  it("shows example answers: option texts, values with units and anonymised short quotes, across checkpoints", () => {
    expect(debrief.misconceptions[0].examples).toEqual([
      { kind: "MULTIPLE_CHOICE", text: "It slows down", checkpointTitle: "A puck on ice", times: 2 },
      { kind: "NUMERIC", text: "2.5 m/s", checkpointTitle: "Speed of a cyclist", times: 2 },
      { kind: "SHORT_TEXT", text: "[classmate] said there must be a push forward or it stops", checkpointTitle: "Why does the car keep going?", times: 1 },
    ]);
    expect(debrief.misconceptions[1].examples).toEqual([
      { kind: "MULTIPLE_CHOICE", text: "It falls faster because it is heavy", checkpointTitle: "A puck on ice", times: 1 },
    ]);
  });

  it("prefers representatives of short-answer groups the teacher named, anonymised and cut short", () => {
    const withGroups = buildDebrief(prepared, {
      details,
      examplesPerMisconception: 4,
      exampleLength: 40,
      textGroups: {
        c3: [
          { id: "g1", attemptIds: ["a3"], misconceptionId: "m1", representatives: ["Chen Wu thinks a force is needed to keep a car going at all"] },
          { id: "g2", attemptIds: ["a4"], misconceptionId: null, representatives: ["Balanced forces"] },
        ],
      },
    });
    const texts = withGroups.misconceptions[0].examples.map((e) => e.text);
    expect(texts).toContain("[classmate] thinks a force is needed to…");
    expect(texts).not.toContain("Balanced forces");
  });

  it("counts the class's recoveries: paths where a not-yet became a got-it", () => {
    // Ana c1, Ana c3, Will c1, Will c2.
    expect(debrief.recoveries).toBe(4);
    expect(debrief.studentsWithAttempts).toBe(4);
  });

  it("quotes what students who worked a misconception through wrote, anonymised, once each", () => {
    expect(debrief.learned).toEqual([
      {
        text: "Nothing has to push the puck: [classmate] showed me that forces change motion.",
        misconceptionName: "Motion needs a force",
        question: "What did I learn?",
      },
      { text: "Mass cancels out in a = F/m; write to [email] if you want my notes", misconceptionName: "Heavier falls faster", question: null },
    ]);
  });

  it("gives every misconception a quote before any gets a second", () => {
    const more = data();
    more.journalEntries.push(
      journal({ id: "j6", studentId: "ana", checkpointId: "c1", submittedAt: at(50), responses: [{ question: null, answer: "Forces change motion; they don't keep it going." }] }),
    );
    const p = prepare(more);
    const pick = (max: number) => buildDebrief(p, { details, learnedQuotes: max }).learned.map((q) => [q.misconceptionName, q.text.slice(0, 20)]);
    expect(pick(2)).toEqual([
      ["Motion needs a force", "Forces change motion"],
      ["Heavier falls faster", "Mass cancels out in "],
    ]);
    expect(pick(6)).toEqual([
      ["Motion needs a force", "Forces change motion"],
      ["Heavier falls faster", "Mass cancels out in "],
      ["Motion needs a force", "Nothing has to push "],
    ]);
  });

  it("holds no student id, name or email anywhere", () => {
    const json = JSON.stringify(buildDebrief(prepared, { details, textGroups: { c3: [{ id: "g", attemptIds: [], misconceptionId: "m1", representatives: ["ask chen.wu"] }] } }));
    for (const word of ["Ana", "Lima", "Ben", "Okafor", "Will Hart", "Hart", "Chen", "Wu", "example.test", "ana.lima", "chen.wu"]) {
      expect(json).not.toContain(word);
    }
    for (const id of ['"ana"', '"ben"', '"will"', '"chen"', '"j1"', '"a1"']) expect(json).not.toContain(id);
  });

  it("is empty but well-formed for a class without attempts", () => {
    const empty = buildDebrief(prepare({ ...data(), attempts: [], journalEntries: [], tags: [], reviews: [] }), { details });
    expect(empty).toMatchObject({ studentsWithAttempts: 0, recoveries: 0, misconceptions: [], learned: [] });
    expect(empty.classQuestions.length).toBeGreaterThan(0);
  });
});

describe("wording", () => {
  it("puts the blameless-debrief questions in the class's voice", () => {
    expect(classDebriefQuestions()).toEqual([
      "What were we trying to do, and what did we expect to happen?",
      "What actually happened, step by step?",
      "Where did our thinking change, and what changed it?",
      "What went well that we want to keep doing?",
      "What will we try next time?",
    ]);
    expect(toClassVoice("What did I learn, and what would I do differently?")).toBe("What did we learn, and what would we do differently?");
    expect(toClassVoice("What support do I need for my work?")).toBe("What support do we need for our work?");
  });

  it("asks why someone might hold the idea, from the description", () => {
    expect(whyMightPrompt("Motion needs a force", "Believes a moving object needs a constant force to keep moving.")).toBe(
      "Why might someone believe a moving object needs a constant force to keep moving? What would convince you otherwise?",
    );
    expect(whyMightPrompt("Unit slip", "Mixes units, e.g. km/h with m/s.")).toBe(
      "Why might someone mix units, e.g. km/h with m/s? What would convince you otherwise?",
    );
    expect(whyMightPrompt("Speed vs acceleration", "Treats acceleration as the same thing as speed.")).toMatch(/^Why might someone treat acceleration/);
    expect(whyMightPrompt("Heavier falls faster", "Heavier objects fall faster.")).toBe(
      "“Heavier objects fall faster” — why might that seem right at first? What would convince you otherwise?",
    );
    expect(whyMightPrompt("Sign slip", "")).toBe("Why might the idea “Sign slip” seem right at first? What would convince you otherwise?");
  });

  it("gives three prompts: why, a way to test it, and a rotating debrief question", () => {
    const m = { name: "Motion needs a force", ...details.m1 };
    const first = discussionPrompts(m, 0);
    expect(first).toHaveLength(3);
    expect(first[1]).toBe("Try it together: Think about a puck sliding on ice: what slows it down?");
    expect(first[2]).toBe("Where did our thinking change, and what changed it?");
    expect(discussionPrompts(m, 1)[2]).toBe("What will we try next time?");
    expect(discussionPrompts({ name: "X", description: "", nextStep: "" }, 0)[1]).toMatch(/example or experiment/);
  });

  it("finds the learning line of an entry", () => {
    expect(learningLine([{ question: "What happened?", answer: "A long account of what happened in the lab today" }, { question: "What did I learn?", answer: "Forces change motion" }])).toEqual({
      text: "Forces change motion",
      question: "What did I learn?",
    });
    expect(learningLine([{ question: null, answer: "  only line " }])).toEqual({ text: "only line", question: null });
    expect(learningLine([{ question: "What did I learn?", answer: "  " }])).toBeNull();
  });

  it("says how many worked through, without names", () => {
    expect(workedThroughLine({ met: 19, workedThrough: 14 })).toBe("14 of 19 have worked through this");
    expect(workedThroughLine({ met: 3, workedThrough: 1 })).toBe("1 of 3 has worked through this");
    expect(workedThroughLine({ met: 2, workedThrough: 0 })).toBe("0 of 2 have worked through this");
  });
});
