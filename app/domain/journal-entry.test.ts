import { describe, expect, it } from "vitest";
import {
  buildResponses,
  confidenceLabel,
  describeEntryLink,
  hasAnyAnswer,
  journalFormKey,
  parseResponses,
  sameContext,
} from "~/domain/journal-entry";

describe("responses", () => {
  it("snapshots the questions with trimmed answers, empty where none was given", () => {
    expect(buildResponses(["What happened?", "What did I learn?"], ["  I mixed up signs ", undefined])).toEqual([
      { question: "What happened?", answer: "I mixed up signs" },
      { question: "What did I learn?", answer: "" },
    ]);
  });

  it("gives a free entry one answer with no question", () => {
    expect(buildResponses([], ["Today I tried again"])).toEqual([{ question: null, answer: "Today I tried again" }]);
    expect(buildResponses([null], [])).toEqual([{ question: null, answer: "" }]);
  });

  it("reads stored responses back, tolerating a single object and bad JSON", () => {
    const stored = JSON.stringify(buildResponses(["Q1"], ["A1"]));
    expect(parseResponses(stored)).toEqual([{ question: "Q1", answer: "A1" }]);
    expect(parseResponses(JSON.stringify({ question: null, answer: "free" }))).toEqual([{ question: null, answer: "free" }]);
    expect(parseResponses(JSON.stringify([{ question: "", answer: "Free" }]))).toEqual([{ question: null, answer: "Free" }]);
    expect(parseResponses(JSON.stringify(["older free entry"]))).toEqual([{ question: null, answer: "older free entry" }]);
    expect(parseResponses("not json")).toEqual([{ question: null, answer: "not json" }]);
    expect(parseResponses("")).toEqual([]);
    expect(parseResponses(JSON.stringify([null, 3, { question: "Q", answer: 5 }]))).toEqual([{ question: "Q", answer: "" }]);
  });

  it("knows when an entry has no text in any answer", () => {
    expect(hasAnyAnswer([{ answer: "" }, { answer: "   " }])).toBe(false);
    expect(hasAnyAnswer([{ answer: "" }, { answer: "x" }])).toBe(true);
    expect(hasAnyAnswer([])).toBe(false);
  });
});

describe("context", () => {
  it("gives each prompt/checkpoint/attempt context its own form key", () => {
    const free = { promptId: null, checkpointId: null, attemptId: null };
    const reflection = { promptId: null, checkpointId: "c1", attemptId: "a1" };
    expect(journalFormKey(free)).toBe("free.project.any");
    expect(journalFormKey(reflection)).toBe("free.c1.a1");
    expect(journalFormKey({ promptId: "p1", checkpointId: null, attemptId: null })).toBe("p1.project.any");
    expect(sameContext(free, { ...free })).toBe(true);
    expect(sameContext(free, reflection)).toBe(false);
  });

  it("describes what an entry is linked to", () => {
    expect(describeEntryLink({})).toBe("This project");
    expect(describeEntryLink({ checkpointTitle: "Speed" })).toBe("Checkpoint: Speed");
    expect(describeEntryLink({ checkpointTitle: "Speed", attemptNumber: 2 })).toBe("Checkpoint: Speed · attempt 2");
  });

  it("labels confidence with words", () => {
    expect(confidenceLabel(1)).toBe("1 — not sure at all");
    expect(confidenceLabel(5)).toBe("5 — very sure");
    expect(confidenceLabel(null)).toBeNull();
    expect(confidenceLabel(7)).toBeNull();
  });
});
