import { describe, expect, it } from "vitest";
import {
  assignToNearestGroup,
  clusterAnswers,
  clusterByQuestion,
  createAnswerSuggester,
  createGroupMatcher,
  DEFAULT_CLUSTER_THRESHOLD,
  editDistanceWithin,
  type AnswerGroup,
  type TextAnswer,
} from "~/domain/insight/text-clustering";
import { lexiconFromTable } from "~/domain/insight/word-senses";

const answers = (...texts: string[]): TextAnswer[] => texts.map((text, i) => ({ id: `a${i}`, text }));

/** The groups as sets of answer texts, for readable assertions. */
function textGroups(input: TextAnswer[], groups: AnswerGroup[]): string[][] {
  const byId = new Map(input.map((a) => [a.id, a.text]));
  return groups.map((g) => g.answerIds.map((id) => byId.get(id)!).sort());
}

function groupOf(input: TextAnswer[], groups: AnswerGroup[], text: string): AnswerGroup {
  const id = input.find((a) => a.text === text)!.id;
  return groups.find((g) => g.answerIds.includes(id))!;
}

/** Deterministic shuffle (a fixed linear congruential generator). */
function shuffled<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

const circuit = answers(
  "the cell is a battery",
  "the battery makes the current",
  "a battery makes current flow",
  "the battery is the cell that makes the current",
  "the bulb is open",
  "The bulb is open",
  "the bulb has an open filament",
);

describe("clusterAnswers", () => {
  it("puts answers about the same idea together and apart from a different idea", () => {
    const groups = clusterAnswers(circuit, { threshold: 0.4 });
    expect(textGroups(circuit, groups)).toEqual([
      ["a battery makes current flow", "the battery is the cell that makes the current", "the battery makes the current", "the cell is a battery"],
      ["The bulb is open", "the bulb has an open filament", "the bulb is open"],
    ]);
  });

  it("groups by a similarity threshold, not a fixed number of groups", () => {
    const counts = [0, 0.2, 0.4, DEFAULT_CLUSTER_THRESHOLD, 0.8, 1.01].map((threshold) => clusterAnswers(circuit, { threshold }).length);
    // A higher threshold never gives fewer groups; 0 joins everything; above 1 only identical answers share a group.
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(counts[0]).toBe(1);
    expect(counts[counts.length - 1]).toBe(6);
    // At the app's setting "the cell is a battery" says less than "the battery makes the current" and stays apart.
    const groups = clusterAnswers(circuit);
    expect(groupOf(circuit, groups, "the cell is a battery")).not.toBe(groupOf(circuit, groups, "the battery makes the current"));
    expect(groupOf(circuit, groups, "the bulb has an open filament")).toBe(groupOf(circuit, groups, "the bulb is open"));
  });

  it("always keeps answers that are the same after normalisation together", () => {
    const input = answers("The Bill of Rights.", "the bill of rights", "THE BILL OF RIGHTS!", "the constitution");
    const groups = clusterAnswers(input, { threshold: 1.01 });
    expect(textGroups(input, groups)).toEqual([["THE BILL OF RIGHTS!", "The Bill of Rights.", "the bill of rights"], ["the constitution"]]);
  });

  it("reads misspellings as the common spelling", () => {
    const input = answers(
      "the battery makes the current",
      "The battery makes current.",
      "battery makes the current",
      "the batery makes the curent",
      "the bulb is open",
      "the bulb is open.",
    );
    const groups = clusterAnswers(input);
    expect(groupOf(input, groups, "the batery makes the curent")).toBe(groupOf(input, groups, "the battery makes the current"));
    expect(groupOf(input, groups, "the batery makes the curent")).not.toBe(groupOf(input, groups, "the bulb is open"));
    // The key terms show the spelling most students used.
    expect(groupOf(input, groups, "the batery makes the curent").keyTerms).toEqual(expect.arrayContaining(["battery", "current"]));
  });

  it("keeps a negated answer apart from the same words without the negation", () => {
    const input = answers(
      "terminal 1 is not connected to the positive terminal",
      "Terminal 1 isn't connected to the positive battery terminal",
      "terminal 1 is not connected to the positive terminal.",
      "terminal 1 is connected to the positive terminal",
      "Terminal 1 is connected to the positive battery terminal",
      "terminal one is connected to the positive terminal",
    );
    const groups = clusterAnswers(input);
    expect(textGroups(input, groups).sort()).toEqual([
      ["Terminal 1 is connected to the positive battery terminal", "terminal 1 is connected to the positive terminal", "terminal one is connected to the positive terminal"],
      [
        "Terminal 1 isn't connected to the positive battery terminal",
        "terminal 1 is not connected to the positive terminal",
        "terminal 1 is not connected to the positive terminal.",
      ],
    ]);
    expect(groupOf(input, groups, "terminal 1 is not connected to the positive terminal").keyTerms).toContain("not connected");
  });

  it("keeps comparisons: more and less are not dropped as stop words", () => {
    const input = answers("more people", "they have more people", "more people live there", "less people", "they have less people", "less people live there");
    const groups = clusterAnswers(input);
    expect(groupOf(input, groups, "more people")).not.toBe(groupOf(input, groups, "less people"));
  });

  it("gives the same output for the same answers in any order", () => {
    const input = [...circuit, ...answers("no idea", "I don't know", "dont know", "", "?", "it is")].map((a, i) => ({ ...a, id: `x${i}` }));
    const expected = clusterAnswers(input);
    for (const seed of [1, 7, 42]) expect(clusterAnswers(shuffled(input, seed))).toEqual(expected);
  });

  it("describes each group: stable id, sorted ids, size, representatives, key terms", () => {
    const input = answers(
      "the battery makes the current",
      "the battery makes the current",
      "The battery makes current.",
      "a battery makes current flow",
      "the battery makes current flow",
    );
    const [group, ...rest] = clusterAnswers(input);
    expect(rest).toEqual([]);
    expect(group.id).toMatch(/^g-[0-9a-f]{8}/);
    expect(group.answerIds).toEqual(["a0", "a1", "a2", "a3", "a4"]);
    expect(group.size).toBe(5);
    expect(group.representatives.length).toBeGreaterThanOrEqual(2);
    expect(group.representatives.length).toBeLessThanOrEqual(3);
    expect(new Set(group.representatives.map((r) => r.text)).size).toBe(group.representatives.length);
    // The answer written most often comes first among equals, shown as a student wrote it.
    expect(group.representatives[0]).toEqual({ id: "a0", text: "the battery makes the current" });
    expect(group.keyTerms).toEqual(expect.arrayContaining(["battery", "current"]));
    // Ids depend on the answers, not on how they were numbered or ordered.
    const again = clusterAnswers(shuffled(input, 3).map((a) => ({ ...a })));
    expect(again[0].id).toBe(group.id);
  });

  it("handles no answers and answers without words", () => {
    expect(clusterAnswers([])).toEqual([]);
    const input = answers("", "  ", "?", "it is", "it is.");
    expect(textGroups(input, clusterAnswers(input))).toEqual([["", "  ", "?"], ["it is", "it is."]].map((g) => g.sort()).sort((a, b) => b.length - a.length));
  });

  it("falls back to a one-pass leader clustering for very many distinct answers, still deterministic", () => {
    const input = [...circuit, ...answers("The cell is a battery.", "the switch is closed")].map((a, i) => ({ ...a, id: `y${i}` }));
    const options = { maxFormsForAgglomerative: 2 };
    const groups = clusterAnswers(input, options);
    expect(groupOf(input, groups, "The cell is a battery.")).toBe(groupOf(input, groups, "the cell is a battery"));
    expect(groupOf(input, groups, "the bulb has an open filament")).toBe(groupOf(input, groups, "the bulb is open"));
    expect(groupOf(input, groups, "the switch is closed")).not.toBe(groupOf(input, groups, "the bulb is open"));
    for (const seed of [2, 5]) expect(clusterAnswers(shuffled(input, seed), options)).toEqual(groups);
  });

  it("clusters 1,000 answers quickly", () => {
    const words = ["battery", "bulb", "current", "voltage", "circuit", "open", "closed", "switch", "wire", "terminal", "gap", "resistance"];
    const input: TextAnswer[] = [];
    let s = 12345;
    const next = () => (s = (s * 1103515245 + 12345) % 2147483648) % words.length;
    for (let i = 0; i < 1000; i++) {
      const phrase = Array.from({ length: 3 + (i % 5) }, () => words[next()]).join(" ");
      input.push({ id: `s${i}`, text: i % 3 === 0 ? `the ${phrase} is not connected` : `because the ${phrase}` });
    }
    const start = performance.now();
    const groups = clusterAnswers(input);
    const ms = performance.now() - start;
    expect(groups.reduce((n, g) => n + g.size, 0)).toBe(1000);
    // Typically well under 200 ms; the bound leaves room for a busy test machine.
    expect(ms).toBeLessThan(2000);
  });
});

describe("assignToNearestGroup", () => {
  const named = [
    { name: "battery makes current", answers: ["the battery makes the current", "the battery produces the current", "a battery makes current"] },
    { name: "open bulb", answers: ["the bulb is open", "the bulb filament is open"] },
  ];

  it("tags a new answer close to a named group, with the similarity", () => {
    const match = assignToNearestGroup("the batteries make current", named);
    expect(match?.group.name).toBe("battery makes current");
    expect(match!.similarity).toBeGreaterThanOrEqual(DEFAULT_CLUSTER_THRESHOLD);
    expect(match!.similarity).toBeLessThanOrEqual(1);
  });

  it("gives an answer the group already holds word for word a similarity of 1", () => {
    expect(assignToNearestGroup("The bulb is open!", named)).toEqual({ group: named[1], similarity: 1 });
  });

  it("returns null when no group is close enough", () => {
    expect(assignToNearestGroup("the switch is closed", named)).toBeNull();
    expect(assignToNearestGroup("", named)).toBeNull();
    expect(assignToNearestGroup("anything", [])).toBeNull();
  });

  it("does not tag the negation of a group's idea with that group", () => {
    const groups = [{ answers: ["terminal 1 is connected to the positive terminal", "terminal 1 is connected to the positive battery terminal"] }];
    expect(assignToNearestGroup("terminal 1 is connected to the positive terminal", groups)?.similarity).toBe(1);
    expect(assignToNearestGroup("terminal 1 is not connected to the positive terminal", groups)).toBeNull();
  });

  it("can be prepared once and used for many answers, with other answers as context", () => {
    const matcher = createGroupMatcher(named, { context: ["the switch is closed", "the wire is loose"] });
    expect(matcher.match("battery makes the current")?.group.name).toBe("battery makes current");
    expect(matcher.match("the bulb filament is broken open")?.group.name).toBe("open bulb");
    expect(matcher.match("the wire is loose")).toBeNull();
  });
});

describe("clusterByQuestion", () => {
  it("clusters each question on its own and gives one cluster per record, in order", () => {
    const records = [
      { id: "1", question: "q1", answer: "bill of rights" },
      { id: "2", question: "q2", answer: "bill of rights" },
      { id: "3", question: "q1", answer: "The Bill of Rights" },
      { id: "4", question: "q1", answer: "the constitution" },
    ];
    const clusters = clusterByQuestion(records);
    expect(clusters).toHaveLength(4);
    expect(clusters[0]).toBe(clusters[2]);
    expect(clusters[0]).not.toBe(clusters[3]);
    expect(clusters[1]).toMatch(/^g-/);
  });
});

describe("editDistanceWithin", () => {
  it("counts edits, swaps of neighbours as one, and stops above the bound", () => {
    expect(editDistanceWithin("seperated", "separated", 2)).toBe(1);
    expect(editDistanceWithin("termianl", "terminal", 2)).toBe(1);
    expect(editDistanceWithin("battery", "battery", 1)).toBe(0);
    expect(editDistanceWithin("battery", "voltage", 2)).toBe(3);
  });
});

describe("evidence beyond the answers' own words", () => {
  const lexicon = lexiconFromTable({ a: { big: ["1"], large: ["1"] }, v: { move: ["7"] } });
  const car = answers("The engine force is bigger than friction so the car keeps moving forward.", "The forward force is larger, that's why it moves.");

  it("lets synonyms meet through a lexicon (bigger / larger), and not without it", () => {
    const plain = clusterAnswers(car);
    expect(plain).toHaveLength(2);
    const withSynonyms = clusterAnswers(car, { lexicon, threshold: 0.3 });
    expect(withSynonyms).toHaveLength(1);
    const withoutSynonyms = clusterAnswers(car, { threshold: 0.3 });
    expect(withoutSynonyms.length).toBeGreaterThanOrEqual(1);
    // The synonym makes the two answers strictly closer.
    const sim = (options: Parameters<typeof createGroupMatcher>[1]) =>
      createGroupMatcher([{ answers: [car[0].text] }], { ...options, context: [car[1].text], threshold: 0 }).match(car[1].text)?.similarity ?? 0;
    expect(sim({ lexicon })).toBeGreaterThan(sim({}));
  });

  it("uses class evidence to weigh words without grouping it", () => {
    const groups = clusterAnswers(car, { context: ["The forces are balanced, so the net force is zero."] });
    expect(groups.flatMap((g) => g.answerIds).sort()).toEqual(["a0", "a1"]);
  });
});

describe("createAnswerSuggester", () => {
  const push = answers(
    "the push keeps acting",
    "the push keeps acting on the car",
    "the force from the push stays inside it",
    "push force is still acting on it after my hand leaves",
    "the forces are balanced so the speed stays the same",
    "it has momentum",
  );

  it("ranks the answers closest to a group, with shared terms and the closest placed answer", () => {
    const suggester = createAnswerSuggester(push);
    const found = suggester.suggest({ placedIds: ["a0", "a1"] }, { minSimilarity: 0.1 });
    expect(found.map((s) => s.id).slice(0, 2).sort()).toEqual(["a2", "a3"]);
    const still = found.find((s) => s.id === "a3")!;
    expect(still.sharedTerms).toEqual(expect.arrayContaining(["push", "acting"]));
    expect(still.closest?.id).toMatch(/^a[01]$/);
    expect(found.every((s, i) => i === 0 || found[i - 1].similarity >= s.similarity)).toBe(true);
    expect(found.find((s) => s.id === "a5")).toBeUndefined();
  });

  it("keeps to the candidates, the limit and the threshold", () => {
    const suggester = createAnswerSuggester(push);
    expect(suggester.suggest({ placedIds: ["a0"] }, { candidateIds: ["a3", "a4"], minSimilarity: 0 }).map((s) => s.id)).not.toContain("a2");
    expect(suggester.suggest({ placedIds: ["a0"] }, { minSimilarity: 0, limit: 1 })).toHaveLength(1);
    expect(suggester.suggest({ placedIds: ["a0"] }, { minSimilarity: 0.99 })).toEqual([]);
    expect(suggester.suggest({ placedIds: [] })).toEqual([]);
  });

  it("uses the group's evidence, and leaves an answer closer to another kept group to that group", () => {
    const suggester = createAnswerSuggester(push);
    const byEvidence = suggester.suggest({ placedIds: ["a5"], evidence: ["The push stays inside the object"] }, { minSimilarity: 0.05 });
    expect(byEvidence.map((s) => s.id)).toContain("a2");
    // "the force from the push stays inside it" shares "push" with the push group, but "force" and "stays" with the balanced one.
    expect(suggester.suggest({ placedIds: ["a0", "a1", "a3"] }, { minSimilarity: 0.05 }).map((s) => s.id)).toContain("a2");
    const rivalled = suggester.suggest({ placedIds: ["a0", "a1", "a3"] }, { minSimilarity: 0.05, rivals: [{ placedIds: ["a4"] }] });
    expect(rivalled.map((s) => s.id)).not.toContain("a2");
  });

  it("does not depend on the order of the answers", () => {
    const a = createAnswerSuggester(push).suggest({ placedIds: ["a0"] }, { minSimilarity: 0 });
    const b = createAnswerSuggester(shuffled(push, 7)).suggest({ placedIds: ["a0"] }, { minSimilarity: 0 });
    expect(b).toEqual(a);
  });
});
