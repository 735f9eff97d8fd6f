import { describe, expect, it } from "vitest";
import type { CheckpointSpec } from "~/domain/checkpoint-spec";
import { cellState } from "~/domain/progress";
import {
  checkpointPositionLabel,
  describeAttemptsLeft,
  feedbackForStoredAnswer,
  nextUpIndex,
  outcomeWording,
  studentView,
} from "~/domain/student-path";

const single: CheckpointSpec = {
  kind: "MULTIPLE_CHOICE",
  options: [
    { id: "a", text: "Right", correct: true, feedback: "", misconceptionId: null },
    { id: "b", text: "Wrong", correct: false, feedback: "Look at the units.", misconceptionId: "m1" },
  ],
};
const several: CheckpointSpec = {
  kind: "MULTIPLE_CHOICE",
  options: [
    { id: "a", text: "One", correct: true, feedback: "", misconceptionId: null },
    { id: "b", text: "Two", correct: true, feedback: "", misconceptionId: null },
    { id: "c", text: "Three", correct: false, feedback: "", misconceptionId: null },
  ],
};

describe("studentView", () => {
  it("uses radio buttons when exactly one option is correct and checkboxes otherwise", () => {
    expect(studentView(single)).toMatchObject({ kind: "MULTIPLE_CHOICE", multiple: false });
    expect(studentView(several)).toMatchObject({ kind: "MULTIPLE_CHOICE", multiple: true });
  });

  it("never carries correct flags, feedback or the model answer to the browser", () => {
    const text = JSON.stringify([
      studentView(single),
      studentView({ kind: "SHORT_TEXT", modelAnswer: "The secret model answer" }),
      studentView({ kind: "NUMERIC", answer: 42, tolerance: 0, unit: "kg", wrongValues: [{ value: 24, feedback: "Swapped digits", misconceptionId: null }], intermediateValues: [] }),
    ]);
    expect(text).not.toMatch(/correct|feedback|secret|42|Swapped/);
    expect(text).toContain('"unit":"kg"');
  });
});

describe("nextUpIndex", () => {
  const t = new Date("2026-01-01T10:00:00Z");
  it("points at the first checkpoint not yet got, whatever comes after it", () => {
    const got = cellState([{ number: 1, createdAt: t, outcome: "GOT_IT" }]);
    const notYet = cellState([{ number: 1, createdAt: t, outcome: "NOT_YET" }]);
    const none = cellState([]);
    expect(nextUpIndex([got, notYet, none])).toBe(1);
    expect(nextUpIndex([got, got, none])).toBe(2);
    expect(nextUpIndex([got, got])).toBe(-1);
    expect(nextUpIndex([])).toBe(-1);
  });
});

describe("feedbackForStoredAnswer", () => {
  it("grades against the spec of the version the attempt answered", () => {
    expect(feedbackForStoredAnswer(single, JSON.stringify(["b"]))).toEqual(["Look at the units."]);
    expect(feedbackForStoredAnswer(single, JSON.stringify(["a"]))).toEqual([]);
  });
});

describe("wording", () => {
  it("stays blameless and shows no scores", () => {
    expect(outcomeWording("NOT_YET").label).toBe("Not yet");
    expect(outcomeWording("NOT_YET").lead).toMatch(/useful/);
    expect(outcomeWording("GOT_IT").label).toBe("Got it");
    expect(outcomeWording(null).label).toMatch(/Waiting/);
    for (const o of ["GOT_IT", "NOT_YET", null] as const) expect(outcomeWording(o).lead).not.toMatch(/\d|wrong|fail/i);
  });

  it("describes the attempts left and the position", () => {
    expect(describeAttemptsLeft(null)).toBeNull();
    expect(describeAttemptsLeft(1)).toBe("1 attempt left");
    expect(describeAttemptsLeft(3)).toBe("3 attempts left");
    expect(describeAttemptsLeft(0)).toBe("No attempts left");
    expect(checkpointPositionLabel(1, 4)).toBe("Checkpoint 2 of 4");
  });
});
