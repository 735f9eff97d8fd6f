// Each reader on the real-format fixtures written for the tests
// (tests/fixtures/questions), and the plan they become: checkpoints as the
// editor would save them, misconceptions by name, what was skipped and why.
import { describe, expect, it } from "vitest";
import { fixtureBytes, fixtureZip } from "../../../tests/support/question-fixtures";
import { planImport, refIndex, type ImportPlan } from "./plan";
import { readQuestionFile } from "./read";
import { ImportFileError } from "./types";
import { zipSync } from "fflate";

const plan = (name: string, bytes: Uint8Array) => planImport(readQuestionFile(name, bytes));
const titles = (p: ImportPlan) => p.checkpoints.map((c) => c.input.title);
const refused = (name: string, bytes: Uint8Array) => {
  try {
    readQuestionFile(name, bytes);
  } catch (error) {
    if (error instanceof ImportFileError) return { where: error.where, why: error.message };
    throw error;
  }
  throw new Error(`${name} was read`);
};

describe("Moodle GIFT", () => {
  const p = plan("forces.gift", fixtureBytes("forces.gift"));
  it("reads multiple choice with feedback per option, numerical with a tolerance and wrong values, short answer, true/false", () => {
    expect(titles(p)).toEqual(["Balanced forces", "Braking distance", "Newton's first law", "Mass and weight"]);
    const [choice, numeric, text, trueFalse] = p.checkpoints.map((c) => c.input.content);
    expect(choice).toMatchObject({ kind: "MULTIPLE_CHOICE", options: [{ text: "Zero", correct: true }, { text: "Forwards, in the direction it moves", feedback: "Not yet: motion does not need a resultant force." }, {}] });
    expect(numeric).toMatchObject({ kind: "NUMERIC", answer: 50, tolerance: 1, wrongValues: [{ value: 5 }, { value: 100, feedback: "You used \\(v^2 = as\\): the 2 is missing." }] });
    expect(text).toEqual({ kind: "SHORT_TEXT", modelAnswer: "Newton's first law (also accepted: the first law)" });
    expect(trueFalse).toMatchObject({ options: [{ text: "True" }, { text: "False", correct: true, feedback: "Its weight changes; its mass stays the same." }] });
  });
  it("keeps LaTeX for KaTeX, with GIFT's escapes undone", () => {
    expect(p.checkpoints[1].input.prompt).toContain("\\(20\\,\\mathrm{m/s}\\)");
  });
  it("lists the essay and the matching question as skipped, with why", () => {
    expect(p.skipped).toEqual([
      { where: "question 5 (Explain)", why: expect.stringMatching(/^An essay question/) },
      { where: "question 6 (Pairs)", why: expect.stringMatching(/^A matching question/) },
    ]);
  });
  it("refuses a file the grammar cannot read, saying where", () => {
    expect(refused("broken.gift", fixtureBytes("broken.gift"))).toEqual({ where: "line 4, column 1", why: expect.stringContaining("cannot be read from line 4") });
  });
});

describe("Moodle XML", () => {
  const p = plan("forces-moodle.xml", fixtureBytes("forces-moodle.xml"));
  it("reads multichoice, numerical (tolerance, unit, a wrong value with feedback) and shortanswer; the essay is skipped", () => {
    expect(titles(p)).toEqual(["Reading a speed-time graph", "Weight on Earth", "Unit of force"]);
    expect(p.checkpoints[0].input.content).toMatchObject({ options: [{ correct: true, feedback: "Right: the slope of speed against time is the acceleration." }, { feedback: "Not yet: the distance is the area under the line, not its slope." }, {}] });
    expect(p.checkpoints[1].input.content).toMatchObject({ kind: "NUMERIC", answer: 49, tolerance: 0.5, unit: "N", wrongValues: [{ value: 5 }] });
    expect(p.skipped.map((s) => s.where)).toEqual(["question 4 (Explain inertia)"]);
  });
  it("keeps the picture inside the file, referred to from the question", () => {
    expect(p.images).toHaveLength(1);
    expect(p.images[0].mime).toBe("image/png");
    expect(p.checkpoints[0].input.prompt).toContain("![A straight line rising from the origin](upload:1)");
  });
  it("refuses XML that is not well formed, with the line", () => {
    expect(refused("broken-moodle.xml", fixtureBytes("broken-moodle.xml")).where).toBe("The file, line 7");
  });
  it("refuses a file that declares its own entities", () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE quiz [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><quiz>&b;</quiz>`;
    expect(refused("bomb.xml", new TextEncoder().encode(bomb)).why).toMatch(/declares its own XML entities/);
  });
});

describe("QTI", () => {
  it("reads a QTI 2.1 choice item, with the feedback shown for each choice", () => {
    const p = plan("qti21-choice.xml", fixtureBytes("qti21-choice.xml"));
    expect(titles(p)).toEqual(["Falling objects"]);
    expect(p.checkpoints[0].input.prompt).toBe("A hammer and a feather are dropped together on the Moon, where there is no air.\n\nWhich lands first?");
    expect(p.checkpoints[0].input.content).toMatchObject({ options: [{ text: "The hammer", feedback: expect.stringMatching(/^Heavier things/) }, { text: "The feather" }, { text: "They land together", correct: true }] });
  });
  it("reads a QTI 3.0 package in the manifest's order: choice with inline feedback and a picture, a number with its tolerance and TeX from MathML; the order item is skipped", () => {
    const p = plan("forces-qti.zip", fixtureZip("qti3-package"));
    expect(titles(p)).toEqual(["Acceleration from a graph", "Stretching a spring"]);
    expect(p.checkpoints[0].input.content).toMatchObject({ options: [{ correct: true, feedback: "Right." }, { feedback: "The area gives the distance travelled." }] });
    expect(p.checkpoints[0].input.prompt).toContain("(upload:1)");
    expect(p.checkpoints[1].input.content).toMatchObject({ kind: "NUMERIC", answer: 0.2, tolerance: 0.01 });
    expect(p.checkpoints[1].input.prompt).toContain("\\(k = 50\\,\\mathrm{N/m}\\)");
    expect(p.skipped).toEqual([{ where: "items/order.xml (order)", why: expect.stringContaining("orderInteraction") }]);
  });
});

describe("diagnostic-question CSV", () => {
  it("maps each wrong option to its misconception by name, from a zip of the questions and the name table", () => {
    const p = plan("fractions.zip", fixtureZip("fractions-diagnostic"));
    expect(p.checkpoints).toHaveLength(5);
    const first = p.checkpoints[0].input.content;
    if (first.kind !== "MULTIPLE_CHOICE") throw new Error("expected a choice");
    const names = first.options.map((o) => (o.misconceptionId ? p.misconceptions[refIndex(o.misconceptionId)].name : null));
    expect(names).toEqual(["Adds the numerators and adds the denominators when adding fractions", "Adds the numerators, then multiplies the denominators", null, "Adds the numerators and adds the denominators when adding fractions"]);
    expect(first.options[2].correct).toBe(true);
    expect(p.skipped).toEqual([{ where: "row 8 (question 6)", why: "The correct option is “E”; it should be A, B, C or D." }]);
  });
  it("shortens a name longer than a misconception's, keeping the full name in its description; an unknown number is reported", () => {
    const p = plan("fractions.zip", fixtureZip("fractions-diagnostic"));
    const long = p.misconceptions.find((m) => m.name.startsWith("Divides by the numerator"))!;
    expect(long.name.length).toBeLessThanOrEqual(80);
    expect(long.description).toMatch(/forgets to multiply by the numerator at all/);
    expect(p.notes.join(" ")).toMatch(/1 misconception number is not in the name table \(99\)/);
  });
  it("reads one CSV with the names inline", () => {
    const p = plan("fractions-inline.csv", fixtureBytes("fractions-inline.csv"));
    expect(p.checkpoints.map((c) => c.input.title)).toEqual(["Round to one decimal place", "Order decimals"]);
    expect(p.misconceptions.map((m) => m.name)).toContain("Truncates instead of rounding");
  });
  it("asks for the names when the questions number them and the names are missing", () => {
    const zip = zipSync({ "questions.csv": fixtureBytes("fractions-diagnostic/questions.csv") });
    expect(refused("q.zip", zip).why).toMatch(/misconception names are missing/);
  });
  it("refuses a CSV with a quote left open, with the line", () => {
    expect(refused("broken-diagnostic.csv", fixtureBytes("broken-diagnostic.csv")).why).toMatch(/cannot be read as CSV at line 3/);
  });
});

describe("limits", () => {
  it("refuses a file over the upload limit, an empty file, and a zip with too many files", () => {
    expect(refused("big.gift", new Uint8Array(5 * 1024 * 1024 + 1)).why).toMatch(/one import takes at most 5 MB/);
    expect(refused("empty.gift", new Uint8Array(0)).why).toBe("The file is empty.");
    const many = Object.fromEntries(Array.from({ length: 501 }, (_, i) => [`f${i}.txt`, new Uint8Array([65])]));
    expect(refused("many.zip", zipSync(many)).why).toMatch(/more than 500 files/);
  });
  it("refuses a zip whose files unpack to more than the limit", () => {
    const zip = zipSync({ "a.csv": new Uint8Array(26 * 1024 * 1024) }, { level: 9 });
    expect(zip.byteLength).toBeLessThan(100_000);
    expect(refused("bomb.zip", zip).why).toMatch(/unpacked/);
  });
  it("refuses more questions than one import takes", () => {
    const gift = Array.from({ length: 2501 }, (_, i) => `::Q${i}:: ${i} + 1? {#${i + 1}}`).join("\n\n");
    expect(refused("many.gift", new TextEncoder().encode(gift)).why).toMatch(/2,501 questions; one import takes at most 2,500/);
  });
  it("skips an item the editor would refuse, with the editor's own message", () => {
    const gift = `::Same:: Pick one {=yes ~Yes}\n\n::Fine:: Pick {=a ~b}`;
    const p = plan("x.gift", new TextEncoder().encode(gift));
    expect(titles(p)).toEqual(["Fine"]);
    expect(p.skipped).toEqual([{ where: "question 1 (Same)", why: "Option 2: This reads the same as option 1: make each option different." }]);
  });
});

describe("Rebound project file", () => {
  it("carries the project, its misconceptions (even unused ones), checkpoints with settings, re-checks, prompts and pictures", () => {
    const p = plan("energy-project.json", fixtureBytes("energy-project.json"));
    expect(p.format).toBe("rebound-json");
    expect(p.project).toEqual({ title: "Where energy goes", goal: "Explain energy transfers in everyday machines.", instructions: "Work through the checkpoints in order." });
    expect(p.misconceptions.map((m) => m.name)).toEqual(["Energy is used up", "Heavier falls faster"]);
    expect(p.checkpoints.map((c) => [c.input.title, c.input.maxAttempts])).toEqual([["A kettle", 3], ["Efficiency", null]]);
    expect(p.checkpoints[0].input.prompt).toContain("(upload:1)");
    expect(p.checkpoints[1].input.recheckOf).toEqual(["m:0"]);
    expect(p.checkpoints[1].input.content).toMatchObject({ unit: "%", intermediateValues: [{ value: 50, label: "the wasted energy" }] });
    expect(p.prompts?.map((x) => [x.trigger, x.itemIndex])).toEqual([["PROJECT", null], ["AFTER_NOT_YET", 1]]);
    expect(p.images).toHaveLength(1);
  });
  it("refuses a file from a newer Rebound, and one that is not JSON", () => {
    const newer = JSON.stringify({ format: "rebound-project", version: 2, project: { title: "x", goal: "y" } });
    expect(refused("p.json", new TextEncoder().encode(newer)).why).toMatch(/newer version of Rebound/);
    expect(refused("p.json", new TextEncoder().encode('{"format": "rebound-project", ')).why).toMatch(/not valid JSON/);
  });
});
