import { describe, expect, it } from "vitest";
import type { CheckpointSpec } from "~/domain/checkpoint-spec";
import { grade, parseAnswer, parseNumber, storedAnswer } from "~/domain/grading";

const choice: CheckpointSpec = {
  kind: "MULTIPLE_CHOICE",
  options: [
    { id: "a", text: "Right", correct: true, feedback: "", misconceptionId: null },
    { id: "b", text: "Tempting", correct: false, feedback: "Check the units.", misconceptionId: "m1" },
    { id: "c", text: "Other", correct: false, feedback: "", misconceptionId: null },
  ],
};
const multi: CheckpointSpec = {
  kind: "MULTIPLE_CHOICE",
  options: [
    { id: "a", text: "A", correct: true, feedback: "", misconceptionId: null },
    { id: "b", text: "B", correct: true, feedback: "", misconceptionId: null },
    { id: "c", text: "C", correct: false, feedback: "Not C.", misconceptionId: "m2" },
  ],
};
const numeric: CheckpointSpec = {
  kind: "NUMERIC",
  answer: 12.5,
  tolerance: 0.05,
  unit: "m/s",
  wrongValues: [{ value: 2.5, feedback: "That's the acceleration.", misconceptionId: "m3" }],
  intermediateValues: [],
};

describe("parseNumber", () => {
  it.each([
    ["12.5", 12.5],
    [" 12,5 ", 12.5],
    ["-3", -3],
    ["\u22123", -3],
    ["1e3", 1000],
    ["1 200", 1200],
    ["1,200.5", 1200.5],
    [".5", 0.5],
    ["12.5 m/s", 12.5],
  ])("reads %j as %d", (raw, value) => {
    expect(parseNumber(raw, "m/s")).toBe(value);
  });
  it.each(["", "abc", "12..5", "1/2", "NaN", "Infinity", "12 apples"])("refuses %j", (raw) => {
    expect(parseNumber(raw, "m/s")).toBeNull();
  });
});

describe("parseAnswer", () => {
  it("keeps only known options, in the checkpoint's order", () => {
    const parsed = parseAnswer(choice, { optionIds: ["c", "zzz", "a", "a"] });
    expect(parsed).toMatchObject({ ok: true, optionIds: ["a", "c"], stored: '["a","c"]' });
  });
  it("asks for a choice when nothing is chosen", () => {
    expect(parseAnswer(choice, { optionIds: [] })).toEqual({ ok: false, error: "Choose an option before checking." });
  });
  it("explains a number it cannot read", () => {
    const parsed = parseAnswer(numeric, { value: "twelve" });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(/doesn't read as a number/);
  });
  it("refuses an empty text answer", () => {
    expect(parseAnswer({ kind: "SHORT_TEXT", modelAnswer: "" }, { text: "   " }).ok).toBe(false);
  });
});

describe("grade", () => {
  it("says got it for the right option", () => {
    expect(grade(choice, parseAnswer(choice, { optionIds: ["a"] }))).toEqual({ outcome: "GOT_IT", feedback: [], misconceptionIds: [] });
  });
  it("gives the option's feedback and misconception for a wrong option", () => {
    expect(grade(choice, parseAnswer(choice, { optionIds: ["b"] }))).toEqual({
      outcome: "NOT_YET",
      feedback: ["Check the units."],
      misconceptionIds: ["m1"],
    });
  });
  it("needs every correct option when several are right", () => {
    const partial = grade(multi, parseAnswer(multi, { optionIds: ["a"] }));
    expect(partial.outcome).toBe("NOT_YET");
    expect(partial.feedback[0]).toMatch(/more than one option/);
    expect(grade(multi, parseAnswer(multi, { optionIds: ["a", "b"] })).outcome).toBe("GOT_IT");
    expect(grade(multi, parseAnswer(multi, { optionIds: ["a", "b", "c"] }))).toMatchObject({ outcome: "NOT_YET", misconceptionIds: ["m2"] });
  });
  it("accepts a number within the tolerance", () => {
    expect(grade(numeric, parseAnswer(numeric, { value: "12.54" })).outcome).toBe("GOT_IT");
    expect(grade(numeric, parseAnswer(numeric, { value: "12.6" })).outcome).toBe("NOT_YET");
  });
  it("recognises a listed wrong value", () => {
    expect(grade(numeric, parseAnswer(numeric, { value: "2.5" }))).toEqual({
      outcome: "NOT_YET",
      feedback: ["That's the acceleration."],
      misconceptionIds: ["m3"],
    });
  });
  it("leaves short text to self-assessment", () => {
    const spec: CheckpointSpec = { kind: "SHORT_TEXT", modelAnswer: "x" };
    expect(grade(spec, parseAnswer(spec, { text: "my answer" })).outcome).toBeNull();
  });
  it("reads stored answers back the same way", () => {
    const parsed = parseAnswer(choice, { optionIds: ["b"] });
    if (!parsed.ok) throw new Error("unexpected");
    expect(grade(choice, storedAnswer(choice, parsed.stored))).toEqual(grade(choice, parsed));
  });
});
