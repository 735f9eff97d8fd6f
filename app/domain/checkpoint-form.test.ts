import { describe, expect, it } from "vitest";
import {
  assignOptionIds,
  blankFormDefaults,
  cleanEditorFormData,
  listIntent,
  buildSpec,
  isBlankChoiceRow,
  sameContent,
  specToFormDefaults,
  versioningNote,
} from "~/domain/checkpoint-form";
import { checkpointSpecSchema, type CheckpointSpec } from "~/domain/checkpoint-spec";

function counter() {
  let n = 0;
  return () => `new${++n}`;
}

const previous: CheckpointSpec = {
  kind: "MULTIPLE_CHOICE",
  options: [
    { id: "a", text: "Doubles", correct: true, feedback: "", misconceptionId: null },
    { id: "b", text: "Halves", correct: false, feedback: "Check the denominator.", misconceptionId: "m1" },
    { id: "c", text: "Same", correct: false, feedback: "", misconceptionId: null },
  ],
};

describe("assignOptionIds", () => {
  it("keeps ids of the version being edited and gives new rows new ids", () => {
    expect(assignOptionIds(["b", undefined, "a"], ["a", "b", "c"], counter())).toEqual(["b", "new1", "a"]);
  });

  it("does not trust made-up or repeated ids", () => {
    expect(assignOptionIds(["zzz", "a", "a"], ["a", "b"], counter())).toEqual(["new1", "a", "new2"]);
  });

  it("never hands out an id that an old option still has", () => {
    const ids = ["a", "x"];
    let i = 0;
    const gen = () => ids[i++] ?? `fresh${i}`;
    expect(assignOptionIds([undefined], ["a"], gen)).toEqual(["x"]);
  });
});

describe("buildSpec", () => {
  it("keeps option ids across an edit, drops blank rows and trims text", () => {
    const spec = buildSpec(
      {
        kind: "MULTIPLE_CHOICE",
        options: [
          { id: "a", text: " Doubles (twice as big) ", correct: true },
          {},
          { id: "b", text: "Halves", feedback: "Look at the denominator.", misconceptionId: "m1" },
          { text: "Quadruples" },
        ],
      },
      previous,
      counter(),
    );
    expect(spec).toEqual({
      kind: "MULTIPLE_CHOICE",
      options: [
        { id: "a", text: "Doubles (twice as big)", correct: true, feedback: "", misconceptionId: null },
        { id: "b", text: "Halves", correct: false, feedback: "Look at the denominator.", misconceptionId: "m1" },
        { id: "new1", text: "Quadruples", correct: false, feedback: "", misconceptionId: null },
      ],
    });
    expect(checkpointSpecSchema.safeParse(spec).success).toBe(true);
  });

  it("builds a numeric spec with defaults and without blank rows", () => {
    expect(
      buildSpec(
        {
          kind: "NUMERIC",
          answer: 12.5,
          unit: " m/s ",
          wrongValues: [{ value: -12.5, feedback: "Sign", misconceptionId: "" }, {}],
          intermediateValues: [{}, { value: 2.5, label: "acceleration" }],
        },
        null,
      ),
    ).toEqual({
      kind: "NUMERIC",
      answer: 12.5,
      tolerance: 0,
      unit: "m/s",
      wrongValues: [{ value: -12.5, feedback: "Sign", misconceptionId: null }],
      intermediateValues: [{ value: 2.5, label: "acceleration" }],
    });
  });

  it("builds a short-text spec", () => {
    expect(buildSpec({ kind: "SHORT_TEXT" }, null)).toEqual({ kind: "SHORT_TEXT", modelAnswer: "" });
  });
});

describe("form defaults", () => {
  it("turns a spec into form values and back into the same spec", () => {
    const defaults = specToFormDefaults(previous) as { options: Record<string, string | undefined>[] };
    expect(defaults.options[0]).toEqual({ id: "a", text: "Doubles", correct: "on", feedback: "", misconceptionId: "" });
    const rows = defaults.options.map((o) => ({ ...o, correct: o.correct === "on" }));
    expect(buildSpec({ kind: "MULTIPLE_CHOICE", options: rows }, previous)).toEqual(previous);
  });

  it("starts a new multiple-choice checkpoint with spare blank rows", () => {
    const blank = blankFormDefaults("MULTIPLE_CHOICE") as { options: object[] };
    expect(blank.options).toHaveLength(4);
    expect(blank.options.every((row) => isBlankChoiceRow(row))).toBe(true);
  });
});

describe("sameContent and versioningNote", () => {
  it("compares what students see", () => {
    const a = { title: "T", prompt: "P", spec: "{}" };
    expect(sameContent(a, { ...a })).toBe(true);
    expect(sameContent(a, { ...a, prompt: "P2" })).toBe(false);
  });

  it("tells the teacher what saving does", () => {
    expect(versioningNote(2, 12, 30)).toMatch(/answered this checkpoint 30 times; saving changes creates version 3/);
    expect(versioningNote(3, 0, 30)).toMatch(/No one has answered version 3 yet, so saving updates it/);
    expect(versioningNote(1, 0, 0)).toBeNull();
    expect(versioningNote(1, 1, 1)).toMatch(/1 time;/);
  });
});

describe("cleanEditorFormData and listIntent", () => {
  it("keeps the editor's fields and drops anything else", () => {
    const data = new FormData();
    for (const [k, v] of [
      ["title", "T"],
      ["options[0].text", "A"],
      ["options[1].correct", "on"],
      ["options", "garbage"],
      ["options[0]", "x"],
      ["options[999].text", "far away"],
      ["options[0].__proto__", "x"],
      ["wrongValues[2].value", "3"],
      ["intermediateValues[0].label", "half"],
      ["__state__", "{bad"],
    ]) data.append(k, v);
    expect([...cleanEditorFormData(data).entries()]).toEqual([
      ["title", "T"],
      ["options[0].text", "A"],
      ["options[1].correct", "on"],
      ["wrongValues[2].value", "3"],
      ["intermediateValues[0].label", "half"],
    ]);
  });

  it("accepts only well-formed list buttons", () => {
    expect(listIntent(JSON.stringify({ type: "insert", payload: { name: "options" } }))).toBe('{"type":"insert","payload":{"name":"options"}}');
    expect(listIntent(JSON.stringify({ type: "remove", payload: { name: "wrongValues", index: 2 } }))).toBe('{"type":"remove","payload":{"name":"wrongValues","index":2}}');
    expect(listIntent(JSON.stringify({ type: "reorder", payload: { name: "options", from: 1, to: 0 } }))).toBe('{"type":"reorder","payload":{"name":"options","from":1,"to":0}}');
    expect(listIntent("{bad json")).toBeNull();
    expect(listIntent(JSON.stringify({ type: "insert", payload: { name: "title" } }))).toBeNull();
    expect(listIntent(JSON.stringify({ type: "remove", payload: { name: "options", index: 1e6 } }))).toBeNull();
    expect(listIntent(JSON.stringify({ type: "reset", payload: { name: "options" } }))).toBeNull();
    expect(listIntent("null")).toBeNull();
  });
});
