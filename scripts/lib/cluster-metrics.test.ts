import { describe, expect, it } from "vitest";
import { adjustedRandIndex, groupingFigures, purity } from "./cluster-metrics";

describe("purity", () => {
  it("is 1 when no group mixes labels", () => {
    expect(purity(["a", "a", "b"], ["x", "x", "y"])).toBe(1);
    expect(purity(["a", "b", "c"], ["x", "x", "x"])).toBe(1);
  });

  it("counts each group's most common label, weighted by size", () => {
    // group a: x x y → 2; group b: y → 1; 3 of 4.
    expect(purity(["a", "a", "a", "b"], ["x", "x", "y", "y"])).toBe(0.75);
    // one group of everything: the share of the majority label.
    expect(purity(["g", "g", "g", "g", "g"], ["x", "y", "x", "x", "y"])).toBe(0.6);
  });

  it("rejects lists of different lengths and is 1 for no answers", () => {
    expect(() => purity(["a"], [])).toThrow();
    expect(purity([], [])).toBe(1);
  });
});

describe("adjustedRandIndex", () => {
  it("is 1 for the same partition whatever the names", () => {
    expect(adjustedRandIndex(["a", "a", "b", "b"], ["x", "x", "y", "y"])).toBe(1);
    expect(adjustedRandIndex(["1", "2", "2", "3"], ["c", "a", "a", "b"])).toBe(1);
  });

  it("matches a worked example", () => {
    // Classic example (scikit-learn docs): ARI([0,0,1,1],[0,0,1,2]) = 0.5714…
    expect(adjustedRandIndex(["0", "0", "1", "1"], ["0", "0", "1", "2"])).toBeCloseTo(0.5714285714, 8);
    // ARI([0,0,1,2],[0,0,1,1]) is symmetric.
    expect(adjustedRandIndex(["0", "0", "1", "2"], ["0", "0", "1", "1"])).toBeCloseTo(0.5714285714, 8);
  });

  it("is 0 or below for a grouping unrelated to the labels", () => {
    expect(adjustedRandIndex(["a", "b", "a", "b"], ["x", "x", "y", "y"])).toBeLessThanOrEqual(0);
    expect(adjustedRandIndex(["0", "0", "0", "0"], ["0", "1", "2", "3"])).toBe(0);
  });

  it("is 1 for trivial cases", () => {
    expect(adjustedRandIndex(["a"], ["x"])).toBe(1);
    expect(adjustedRandIndex(["a", "b"], ["x", "y"])).toBe(1);
  });
});

describe("groupingFigures", () => {
  it("adds up groups per question and weighs per-question figures by answers", () => {
    const f = groupingFigures([
      { question: "q1", cluster: "g1", label: "correct" },
      { question: "q1", cluster: "g1", label: "correct" },
      { question: "q1", cluster: "g2", label: "incorrect" },
      { question: "q1", cluster: "g2", label: "correct" },
      // the same cluster id in another question is another group
      { question: "q2", cluster: "g1", label: "correct" },
      { question: "q2", cluster: "g1", label: "correct" },
    ]);
    expect(f.answers).toBe(6);
    expect(f.groups).toBe(3);
    expect(f.answersPerGroup).toBe(2);
    expect(f.purity).toBeCloseTo(5 / 6, 10);
    // q1: ARI of [g1,g1,g2,g2] vs [c,c,i,c] ; q2: trivial → 1
    const q1 = adjustedRandIndex(["g1", "g1", "g2", "g2"], ["c", "c", "i", "c"]);
    expect(f.adjustedRandIndex).toBeCloseTo((q1 * 4 + 1 * 2) / 6, 10);
  });
});
