import { describe, expect, it } from "vitest";
import { simulateGradingEffort, type EffortAnswer } from "./grading-effort";

const answers: EffortAnswer[] = [
  { id: "a", label: "correct" },
  { id: "b", label: "correct" },
  { id: "c", label: "incorrect" },
  { id: "d", label: "correct" },
  { id: "e", label: "correct" },
  { id: "f", label: "incorrect" },
];

describe("simulateGradingEffort", () => {
  it("names each group by its majority label and moves the misplaced answers", () => {
    const count = simulateGradingEffort(answers, [["a", "b", "c"], ["d"], ["e"], ["f"]]);
    expect(count).toMatchObject({ answers: 6, names: 4, moves: 1, confirms: 0, rejects: 0, actions: 5 });
  });

  it("one group per answer costs one action per answer", () => {
    expect(simulateGradingEffort(answers, answers.map((a) => [a.id])).actions).toBe(6);
  });

  it("confirms right suggestions (one click each, or all at once) and rejects wrong ones, stopping at a batch with nothing right", () => {
    const groups = [["a", "b"], ["d"], ["e"], ["c"], ["f"]];
    // Suggests every candidate, wrong ones first.
    const suggest = (_label: string, _placed: readonly string[], candidates: readonly string[]) => [...candidates].sort((x, y) => (x === "c" ? -1 : y === "c" ? 1 : x < y ? -1 : 1)).slice(0, 3);
    const each = simulateGradingEffort(answers, groups, suggest);
    // Name a+b "correct"; batch [c, d, e]: reject c, confirm d and e; batch [f]: reject f, stop.
    // Then name c "incorrect"; batch [f]: confirm f.
    expect(each).toMatchObject({ names: 2, moves: 0, confirms: 3, rejects: 2, actions: 7 });
    const all = simulateGradingEffort(answers, groups, suggest, { confirmAll: true });
    expect(all).toMatchObject({ confirms: 2, actions: 6 });
  });

  it("never suggests an answer again for a label it was rejected for", () => {
    const seen: string[][] = [];
    simulateGradingEffort(answers, answers.map((a) => [a.id]), (label, _placed, candidates) => {
      seen.push([label, ...candidates]);
      return candidates.slice(0, 1);
    });
    for (const [label, ...candidates] of seen) {
      if (label === "correct") expect(candidates.filter((c) => c === "c").length).toBeLessThanOrEqual(1);
    }
  });
});
