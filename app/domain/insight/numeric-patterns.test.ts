import { describe, expect, it } from "vitest";
import { groupWrongValues, recognizeNumericError, type NumericPatternSpec } from "~/domain/insight/numeric-patterns";

// Ohm's law: I = V / R with V = 12 V and R = 4 Ω → 3 A. Students meet V·R = 48 and R/V ≈ 0.333.
const ohm: NumericPatternSpec = {
  answer: 3,
  tolerance: 0.01,
  wrongValues: [{ value: 48, feedback: "Did you multiply V and R?", misconceptionId: "m-multiply" }],
  intermediateValues: [{ value: 12, label: "the battery voltage" }],
};

const shapeOf = (spec: NumericPatternSpec, value: number) => recognizeNumericError(spec, value);

describe("recognizeNumericError", () => {
  it("names a value within tolerance as correct, not as an error", () => {
    expect(shapeOf(ohm, 3.004).shape).toBe("CORRECT");
  });

  it("puts a teacher-listed wrong value first, with its feedback and misconception", () => {
    const m = shapeOf(ohm, 48);
    expect(m).toMatchObject({ shape: "LISTED_WRONG_VALUE", misconceptionId: "m-multiply", studentLabel: "Did you multiply V and R?" });
    expect(m.teacherLabel).toContain("48");
  });

  it("prefers the listed wrong value even when an automatic shape also fits", () => {
    const spec: NumericPatternSpec = { answer: 5, tolerance: 0, wrongValues: [{ value: -5, feedback: "", misconceptionId: "m-direction" }] };
    expect(shapeOf(spec, -5)).toMatchObject({ shape: "LISTED_WRONG_VALUE", misconceptionId: "m-direction" });
    expect(shapeOf(spec, -5).studentLabel).not.toBe("");
  });

  it("recognises a value the teacher listed as a step on the way, by its label", () => {
    const m = shapeOf(ohm, 12);
    expect(m.shape).toBe("INTERMEDIATE_VALUE");
    expect(m.detail).toBe("the battery voltage");
    expect(m.teacherLabel).toContain("the battery voltage");
  });

  it("recognises a sign error", () => {
    expect(shapeOf(ohm, -3).shape).toBe("SIGN_ERROR");
    expect(shapeOf({ answer: -9.8, tolerance: 0.05 }, 9.81).shape).toBe("SIGN_ERROR");
  });

  it("recognises a decimal point shifted by powers of ten, both ways", () => {
    const spec: NumericPatternSpec = { answer: 0.25, tolerance: 0.001 };
    expect(shapeOf(spec, 2.5)).toMatchObject({ shape: "POWER_OF_TEN", detail: "×10" });
    expect(shapeOf(spec, 25)).toMatchObject({ shape: "POWER_OF_TEN", detail: "×100" });
    expect(shapeOf(spec, 250)).toMatchObject({ shape: "POWER_OF_TEN", detail: "×1,000" });
    expect(shapeOf(spec, 0.025)).toMatchObject({ shape: "POWER_OF_TEN", detail: "÷10" });
    expect(shapeOf(spec, 0.00025)).toMatchObject({ shape: "POWER_OF_TEN", detail: "÷1,000" });
    expect(shapeOf({ answer: 1500, tolerance: 1 }, 1.5)).toMatchObject({ shape: "POWER_OF_TEN", detail: "÷1,000" });
  });

  it("recognises a reciprocal, allowing for the student's rounding", () => {
    expect(shapeOf({ answer: 4, tolerance: 0 }, 0.25).shape).toBe("RECIPROCAL");
    expect(shapeOf(ohm, 0.333).shape).toBe("RECIPROCAL");
  });

  it("recognises rounding and truncation to fewer decimals or a whole number", () => {
    const spec: NumericPatternSpec = { answer: 2.345, tolerance: 0.001 };
    expect(shapeOf(spec, 2.3)).toMatchObject({ shape: "ROUNDING", detail: "rounded to 1 decimal place" });
    expect(shapeOf(spec, 2.35)).toMatchObject({ shape: "ROUNDING", detail: "rounded to 2 decimal places" });
    expect(shapeOf(spec, 2.34)).toMatchObject({ shape: "ROUNDING", detail: "cut after 2 decimal places" });
    expect(shapeOf(spec, 2)).toMatchObject({ shape: "ROUNDING", detail: "rounded to a whole number" });
    expect(shapeOf({ answer: 2.5, tolerance: 0 }, 2)).toMatchObject({ shape: "ROUNDING", detail: "cut to a whole number" });
    expect(shapeOf({ answer: -7.86, tolerance: 0 }, -7.9)).toMatchObject({ shape: "ROUNDING", detail: "rounded to 1 decimal place" });
    expect(shapeOf({ answer: 1234, tolerance: 0 }, 1200)).toMatchObject({ shape: "ROUNDING", detail: "rounded to 2 significant figures" });
  });

  it("calls anything else other, and never blames", () => {
    const m = shapeOf(ohm, 7);
    expect(m.shape).toBe("OTHER");
    expect(m.studentLabel).toMatch(/not yet/i);
    expect(shapeOf(ohm, Number.NaN).shape).toBe("OTHER");
  });

  it("skips the shapes that make no sense for an answer of zero", () => {
    expect(shapeOf({ answer: 0, tolerance: 0.1 }, 5).shape).toBe("OTHER");
  });

  it("gives every shape a teacher label and a student label", () => {
    for (const value of [3, 48, 12, -3, 30, 0.333, 7]) {
      const m = shapeOf(ohm, value);
      expect(m.teacherLabel.length).toBeGreaterThan(0);
      expect(m.studentLabel.length).toBeGreaterThan(0);
    }
  });
});

describe("groupWrongValues", () => {
  it("groups values by shape and detail with counts, most common first", () => {
    const values = [30, 30, 0.3, 48, -3, 30, 7, 8, 48, 12];
    const groups = groupWrongValues(ohm, values);
    expect(groups.map((g) => [g.key, g.count])).toEqual([
      ["POWER_OF_TEN:×10", 3],
      ["LISTED_WRONG_VALUE:48", 2],
      ["OTHER", 2],
      ["INTERMEDIATE_VALUE:the battery voltage", 1],
      ["SIGN_ERROR", 1],
      ["POWER_OF_TEN:÷10", 1],
    ]);
    const other = groups.find((g) => g.shape === "OTHER")!;
    expect(other.values).toEqual([
      { value: 7, count: 1 },
      { value: 8, count: 1 },
    ]);
    expect(other.indexes).toEqual([6, 7]);
    expect(groups.reduce((s, g) => s + g.count, 0)).toBe(values.length);
  });

  it("returns nothing for no values", () => {
    expect(groupWrongValues(ohm, [])).toEqual([]);
  });
});
