// Journal quotes: each shown once per section, under a misconception its entry
// reflects on (the tags of the attempt it reflects on).
import { describe, expect, it } from "vitest";
import { buildDebrief } from "./debrief";
import { prepare } from "./prepare";
import { assignQuotes, reflectedMisconceptions, reflectionSignals } from "./reflections";
import { at, attempt, testClass } from "./test-class";
import type { JournalRow, ProjectData } from "./types";

const entry = (id: string, studentId: string, minutes: number, answer: string, link: Partial<JournalRow> = {}): JournalRow => ({
  id,
  studentId,
  checkpointId: null,
  attemptId: null,
  confidence: null,
  supportNeeded: false,
  supportResolvedAt: null,
  submittedAt: at(minutes),
  responses: [{ question: "What did I learn?", answer }],
  ...link,
});

/**
 * The test class plus: Ben's b2 chose c and d in v2, so it shows m1 "Sign
 * convention" and m3 "Units"; Ben then got c1 (b7). Entries: k1 on b2 (two
 * misconceptions), k2 on b1 (m1 only), k3 on b2 with k1's words, k4 on c1 after
 * Ben's got-it (no attempt link: it reflects on b7, the got-it).
 */
function data(): ProjectData {
  const d = testClass();
  d.attempts = [...d.attempts, attempt(["b7", "ben", "c1", "v1b", 4, 100, '["a"]', "GOT_IT"])];
  // testClass() shares its journal rows between calls: add to a copy.
  d.journalEntries = [
    ...d.journalEntries,
    entry("k1", "ben", 16, "Reversing and standing still are not the same thing, I mixed them up.", { attemptId: "b2" }),
    entry("k2", "ben", 6, "I thought the force reverses when you double it.", { attemptId: "b1" }),
    entry("k3", "ben", 17, "reversing and standing  still are NOT the same thing, I mixed them up.", { attemptId: "b2" }),
    entry("k4", "ben", 110, "Doubling the force doubles the acceleration; it never flips it.", { checkpointId: "c1" }),
  ];
  return d;
}

describe("reflectedMisconceptions", () => {
  const p = prepare(data());
  const j = (id: string) => p.journals.find((e) => e.id === id)!;

  it("are the tags of the attempt the entry reflects on, not every misconception shown on the checkpoint", () => {
    expect(reflectedMisconceptions(p, j("k1"))).toEqual(["m1", "m3"]);
    expect(reflectedMisconceptions(p, j("k2"))).toEqual(["m1"]);
    // j1 reflects on Ana's a4 (1.25: no misconception), though her a3 showed none either after the teacher's removal.
    expect(reflectedMisconceptions(p, j("j1"))).toEqual([]);
    // j2: Will's latest attempt on c2 before it, w3 (−12.5, "Sign convention" by the value chosen).
    expect(reflectedMisconceptions(p, j("j2"))).toEqual(["m1"]);
  });

  it("for an entry on a got-it, are those of the not-yets that led to it", () => {
    // k4 reflects on b7 (got it), after b1 (m1), b2 (m1, m3), b3 (m3).
    expect(reflectedMisconceptions(p, j("k4"))).toEqual(["m1", "m3"]);
    // j4 reflects on Ana's a6 (short text, her own got-it, first attempt): nothing led to it.
    expect(reflectedMisconceptions(p, j("j4"))).toEqual([]);
  });
});

describe("quotes under misconceptions on the overview", () => {
  const signals = reflectionSignals(prepare(data()));
  const quotes = signals.byMisconception.flatMap((g) => g.quotes.map((q) => [g.misconceptionId, q.journalEntryId]));

  it("count every entry under each misconception it reflects on", () => {
    expect(signals.byMisconception.map((g) => [g.misconceptionId, g.entries])).toEqual([
      ["m1", 5], // j2, k2, k1, k3, k4
      ["m3", 3], // k1, k3, k4
    ]);
  });

  it("quote an entry once, and the same words once, across all misconceptions", () => {
    const ids = quotes.map(([, id]) => id);
    expect(ids).toEqual([...new Set(ids)]);
    const texts = signals.byMisconception.flatMap((g) => g.quotes.map((q) => q.text.toLowerCase().replace(/\s+/g, " ")));
    expect(texts).toEqual([...new Set(texts)]);
    // k3 says what k1 says: only one of them is quoted.
    expect(ids.filter((id) => id === "k1" || id === "k3")).toHaveLength(1);
  });

  it("quote an entry under a misconception its attempt shows, taking turns in the section's order", () => {
    const p = prepare(data());
    for (const [m, id] of quotes) expect(reflectedMisconceptions(p, p.journals.find((e) => e.id === id)!)).toContain(m);
    // m1 (most written about) takes its newest entry (k4), m3 its newest not quoted yet (k3), m1 the next (j2);
    // m3's last one, k1, says what k3 says; m1 then takes k2.
    expect(quotes).toEqual([
      ["m1", "k4"],
      ["m1", "j2"],
      ["m1", "k2"],
      ["m3", "k3"],
    ]);
  });
});

describe("assignQuotes", () => {
  const read = (t: string) => ({ text: t });
  const id = (t: string) => t;

  it("lets the lists take turns, each entry and text once, within the limits", () => {
    const lists = [["a", "b", "c"], ["a", "d"], ["A ", "e"]];
    expect(assignQuotes(lists, read, { perList: 2, id })).toEqual([[{ text: "a" }, { text: "b" }], [{ text: "d" }], [{ text: "e" }]]);
    expect(assignQuotes(lists, read, { perList: 5, max: 3, id })).toEqual([[{ text: "a" }], [{ text: "d" }], [{ text: "e" }]]);
    expect(assignQuotes(lists, (t) => (t === "a" ? null : read(t)), { perList: 1, id })).toEqual([[{ text: "b" }], [{ text: "d" }], [{ text: "A " }]]);
  });
});

describe("quotes in the debrief", () => {
  it("come from entries on a misconception the writer worked through, each once, under that misconception", () => {
    const p = prepare(data());
    const debrief = buildDebrief(p, { learnedQuotes: 10 });
    const names = new Map([...p.misconceptions.values()].map((m) => [m.name, m.id]));
    const texts = debrief.learned.map((q) => q.text);
    expect(texts).toEqual([...new Set(texts)]);
    // Ben worked m1 and m3 through on c1 (b7); Ana worked through no misconception with an entry.
    expect(debrief.learned.map((q) => [names.get(q.misconceptionName), q.text.slice(0, 20)])).toEqual([
      ["m1", "Doubling the force d"],
      ["m3", "reversing and standi"],
      ["m1", "I thought the force "],
    ]);
  });
});
