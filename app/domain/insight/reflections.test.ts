import { describe, expect, it } from "vitest";
import { prepare } from "./prepare";
import { entryText, reflectedAttempt, reflectionSignals } from "./reflections";
import { at, testClass } from "./test-class";

const p = prepare(testClass());
const signals = reflectionSignals(p);

describe("entryText", () => {
  it("takes the longest answer of an entry", () => {
    expect(entryText([{ question: "a", answer: "short" }, { question: "b", answer: " a longer one " }])).toBe("a longer one");
    expect(entryText([])).toBe("");
  });
});

describe("reflectedAttempt", () => {
  it("is the linked attempt, else the latest attempt on the linked checkpoint before the entry", () => {
    const journal = (id: string) => p.journals.find((j) => j.id === id)!;
    expect(reflectedAttempt(p, journal("j1"))?.id).toBe("a4");
    expect(reflectedAttempt(p, journal("j2"))?.id).toBe("w3");
    expect(reflectedAttempt(p, journal("j3"))).toBeNull();
  });
});

describe("reflectionSignals", () => {
  it("counts entries and students", () => {
    expect(signals.entries).toBe(4);
    expect(signals.students).toBe(3);
  });

  it("links entries to checkpoints with anonymised quotes, newest first", () => {
    expect(signals.byCheckpoint.map((g) => [g.checkpointId, g.entries, g.students])).toEqual([
      ["c2", 2, 2],
      ["c3", 1, 1],
    ]);
    expect(signals.byCheckpoint[0].quotes).toEqual([
      {
        journalEntryId: "j1",
        text: "I was sure it was 1.25 because [classmate] told me so, mail [email]",
        checkpointId: "c2",
        confidence: 5,
        at: at(32).toISOString(),
      },
      {
        journalEntryId: "j2",
        text: "I keep getting minus 12.5 and [classmate] doesn't know why, I will ask",
        checkpointId: "c2",
        confidence: 1,
        at: at(25).toISOString(),
      },
    ]);
  });

  it("links entries to the misconceptions of the attempts they reflect on", () => {
    // j2 reflects on c2, where Will's attempts showed "Sign convention"; j1's attempt showed none.
    expect(signals.byMisconception.map((g) => [g.misconceptionId, g.name, g.entries, g.quotes.map((q) => q.journalEntryId)])).toEqual([
      ["m1", "Sign convention", 1, ["j2"]],
    ]);
  });

  it("sets confidence against correctness", () => {
    expect(signals.confidence.rated).toBe(3);
    expect(signals.confidence.table).toEqual([
      { confidence: 1, gotIt: 0, notYet: 1 },
      { confidence: 2, gotIt: 1, notYet: 0 },
      { confidence: 3, gotIt: 0, notYet: 0 },
      { confidence: 4, gotIt: 0, notYet: 0 },
      { confidence: 5, gotIt: 0, notYet: 1 },
    ]);
    expect(signals.confidence.confidentWrong).toEqual([
      { journalEntryId: "j1", studentId: "ana", name: "Ana Lima", checkpointId: "c2", attemptId: "a4", confidence: 5, outcome: "NOT_YET" },
    ]);
    expect(signals.confidence.unsureRight.map((s) => [s.journalEntryId, s.attemptId, s.confidence])).toEqual([["j4", "a6", 2]]);
  });

  it("limits quotes per group and never puts a name or email in a quote", () => {
    const one = reflectionSignals(p, { quotesPerGroup: 1 });
    expect(one.byCheckpoint[0].quotes.map((q) => q.journalEntryId)).toEqual(["j1"]);
    const all = JSON.stringify([...signals.byCheckpoint, ...signals.byMisconception].flatMap((g) => g.quotes));
    for (const s of testClass().students) {
      for (const part of s.name.split(" ")) expect(all).not.toContain(part);
      expect(all).not.toContain(s.email);
    }
  });
});
