// The project writers (decision 022) on a project that uses everything a
// checkpoint can hold, each read back by Rebound's own importer: the project
// file gives back all of it; GIFT and QTI give back what they carry, and the
// tests say what each is expected to lose.
import { unzipSync, strFromU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { planImport, refIndex, type ImportPlan } from "~/domain/question-import/plan";
import { readQuestionFile } from "~/domain/question-import/read";
import { giftEscape, giftNumber, toGift } from "./gift";
import { projectFileText, toProjectFile } from "./project-file";
import { toQtiPackage } from "./qti";
import { exportFileName, type ProjectSnapshot } from "./snapshot";

// An 8×8 PNG (its bytes are what the importer recognises a picture by).
const PNG = Uint8Array.from(atob("iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAEklEQVR4nGP4z8CAFWEXHbQSACj/P8Fu7N9hAAAAAElFTkSuQmCC"), (c) => c.charCodeAt(0));

function snapshot(): ProjectSnapshot {
  return {
    title: "Fractions & ratio: week 3",
    goal: "Add fractions and share in a ratio.",
    instructions: "Work in order.\n\nA “not yet” is information.",
    misconceptions: [
      { id: "m-add", name: "Adds tops and bottoms", description: "Adds numerators and denominators.", nextStep: "Draw the two fractions as bars." },
      { id: "m-ratio", name: "Ratio as a fraction of the part", description: "", nextStep: "" },
      { id: "m-unused", name: "Bigger denominator, bigger fraction", description: "Compares denominators only.", nextStep: "" },
    ],
    checkpoints: [
      {
        title: "Adding: halves and thirds",
        prompt: "Work out \\(\\frac{1}{2} + \\frac{1}{3}\\).\n\nThe bars: ![Two bars, one in halves, one in thirds](image:img-bars)",
        maxAttempts: 3,
        spec: {
          kind: "MULTIPLE_CHOICE",
          options: [
            { id: "a", text: "\\(\\frac{5}{6}\\)", correct: true, feedback: "Yes: sixths are common to both.", misconceptionId: null },
            { id: "b", text: "\\(\\frac{2}{5}\\)", correct: false, feedback: "Not yet: you added the tops and the bottoms.", misconceptionId: "m-add" },
            { id: "c", text: "1 = 2/2 ~ about {right}?", correct: false, feedback: "", misconceptionId: null },
          ],
        },
        recheckOf: [],
      },
      {
        title: "Which are equal to one half?",
        prompt: "Choose all that apply.",
        maxAttempts: null,
        spec: {
          kind: "MULTIPLE_CHOICE",
          options: [
            { id: "a", text: "2/4", correct: true, feedback: "", misconceptionId: null },
            { id: "b", text: "50%", correct: true, feedback: "", misconceptionId: null },
            { id: "c", text: "1/3", correct: false, feedback: "Thirds are smaller than halves.", misconceptionId: "m-unused" },
          ],
        },
        recheckOf: ["m-add"],
      },
      {
        title: "Sharing £60 in 2 : 3",
        prompt: "Share £60 in the ratio 2 : 3. How much is the bigger share?",
        maxAttempts: null,
        spec: {
          kind: "NUMERIC",
          answer: 36,
          tolerance: 0.5,
          unit: "£",
          wrongValues: [
            { value: 40, feedback: "Not yet: 3/5 of 60, not 2/3 of 60.", misconceptionId: "m-ratio" },
            { value: 24, feedback: "That is the smaller share.", misconceptionId: null },
          ],
          intermediateValues: [{ value: 12, label: "one part" }],
        },
        recheckOf: [],
      },
      {
        title: "Say why",
        prompt: "Why do we need a common denominator?",
        maxAttempts: 2,
        spec: { kind: "SHORT_TEXT", modelAnswer: "So that the parts are the same size" },
        recheckOf: [],
      },
    ],
    prompts: [
      { trigger: "PROJECT", title: "Looking back", questions: ["What surprised you?"], templateKey: null, checkpointIndex: null },
      { trigger: "AFTER_NOT_YET", title: "After a not yet", questions: ["What happened?", "What will you try?"], templateKey: "after-not-yet", checkpointIndex: 2 },
      { trigger: "CHECKPOINT", title: "Before you start", questions: ["What do you know already?"], templateKey: null, checkpointIndex: 0 },
    ],
    images: new Map([
      ["img-bars", { mime: "image/png" as const, data: PNG }],
      ["img-unused", { mime: "image/png" as const, data: PNG }],
    ]),
  };
}

const plan = (name: string, bytes: Uint8Array) => planImport(readQuestionFile(name, bytes));
const contents = (p: ImportPlan) => p.checkpoints.map((c) => c.input.content);
/** A planned option or value's misconception, by name. */
const named = (p: ImportPlan, ref: string | undefined) => (ref ? p.misconceptions[refIndex(ref)].name : null);

describe("the Rebound project file", () => {
  const file = toProjectFile(snapshot(), new Date("2026-12-20T10:00:00Z"));

  it("is versioned, names misconceptions and pictures instead of ids, and leaves nothing student-shaped in", () => {
    expect(file).toMatchObject({ format: "rebound-project", version: 1, exportedAt: "2026-12-20T10:00:00.000Z" });
    expect(file.misconceptions.map((m) => m.name)).toEqual(["Adds tops and bottoms", "Bigger denominator, bigger fraction", "Ratio as a fraction of the part"]);
    expect(file.checkpoints[0].prompt).toContain("](upload:1)");
    expect(file.checkpoints[1].recheckOf).toEqual(["Adds tops and bottoms"]);
    expect(file.images).toEqual([{ key: "1", mime: "image/png", data: expect.any(String) }]);
    expect(JSON.stringify(file)).not.toMatch(/img-bars|m-add|"id"/);
  });

  it("reads back as the same project: settings, misconception mapping, re-checks, prompts and their places, pictures", () => {
    const p = plan("week-3.json", new TextEncoder().encode(projectFileText(snapshot())));
    expect(p.skipped).toEqual([]);
    expect(p.project).toEqual({ title: "Fractions & ratio: week 3", goal: "Add fractions and share in a ratio.", instructions: "Work in order.\n\nA “not yet” is information." });
    expect(p.misconceptions).toEqual(file.misconceptions);
    expect(p.checkpoints.map((c) => [c.input.title, c.input.maxAttempts])).toEqual([
      ["Adding: halves and thirds", 3],
      ["Which are equal to one half?", null],
      ["Sharing £60 in 2 : 3", null],
      ["Say why", 2],
    ]);
    const [first, second, third] = p.checkpoints.map((c) => c.input);
    if (first.content.kind !== "MULTIPLE_CHOICE" || third.content.kind !== "NUMERIC") throw new Error("kinds");
    expect(named(p, first.content.options[1].misconceptionId)).toBe("Adds tops and bottoms");
    expect(second.recheckOf.map((r) => named(p, r))).toEqual(["Adds tops and bottoms"]);
    expect(third.content).toMatchObject({ answer: 36, tolerance: 0.5, unit: "£", intermediateValues: [{ value: 12, label: "one part" }] });
    expect(named(p, third.content.wrongValues?.[0].misconceptionId)).toBe("Ratio as a fraction of the part");
    expect(p.prompts?.map((x) => [x.trigger, x.title, x.itemIndex])).toEqual([
      ["PROJECT", "Looking back", null],
      ["AFTER_NOT_YET", "After a not yet", 2],
      ["CHECKPOINT", "Before you start", 0],
    ]);
    expect(p.images).toHaveLength(1);
    expect(first.prompt).toBe("Work out \\(\\frac{1}{2} + \\frac{1}{3}\\).\n\nThe bars: ![Two bars, one in halves, one in thirds](upload:1)");
  });
});

describe("Moodle GIFT", () => {
  it("escapes GIFT's special characters and writes numbers without exponents", () => {
    expect(giftEscape("a = b ~ {c}: #1 \\(x\\)\nnext")).toBe("a \\= b \\~ \\{c\\}\\: \\#1 \\\\(x\\\\)\\nnext");
    expect(giftNumber(1.6e-19)).toBe("0.00000000000000000016");
    expect(giftNumber(-1500)).toBe("-1500");
  });

  it("says at the top what it cannot carry, and names each question's misconceptions in a comment", () => {
    const gift = toGift(snapshot());
    expect(gift.split("\n").slice(0, 2).join(" ")).toMatch(/cannot carry misconceptions.*reflection prompts.*pictures/);
    expect(gift).toContain("// Misconceptions (not carried by GIFT): B → Adds tops and bottoms");
    expect(gift).toContain("// Not carried by GIFT: unit “£”, 1 value(s) on the way");
  });

  it("reads back as the same questions, answers and feedback; misconceptions, limits, units, prompts and pictures are lost", () => {
    const p = plan("week-3.gift", new TextEncoder().encode(toGift(snapshot())));
    expect(p.skipped).toEqual([]);
    expect(p.checkpoints.map((c) => c.input.title)).toEqual(snapshot().checkpoints.map((c) => c.title));
    // Expected losses: the picture keeps only its description; no misconceptions, attempt limits, units or values on the way.
    expect(p.checkpoints[0].input.prompt).toBe("Work out \\(\\frac{1}{2} + \\frac{1}{3}\\).\n\nThe bars: ![Two bars, one in halves, one in thirds]()");
    expect(p.misconceptions).toEqual([]);
    expect(p.checkpoints.map((c) => c.input.maxAttempts)).toEqual([null, null, null, null]);
    expect(p.prompts).toBeUndefined();
    expect(contents(p)).toEqual([
      {
        kind: "MULTIPLE_CHOICE",
        options: [
          { text: "\\(\\frac{5}{6}\\)", correct: true, feedback: "Yes: sixths are common to both.", misconceptionId: undefined },
          { text: "\\(\\frac{2}{5}\\)", correct: undefined, feedback: "Not yet: you added the tops and the bottoms.", misconceptionId: undefined },
          { text: "1 = 2/2 ~ about {right}?", correct: undefined, feedback: "", misconceptionId: undefined },
        ],
      },
      {
        // Several right answers travel as a multiple-answer question and come back as several correct options.
        kind: "MULTIPLE_CHOICE",
        options: [
          { text: "2/4", correct: true, feedback: "", misconceptionId: undefined },
          { text: "50%", correct: true, feedback: "", misconceptionId: undefined },
          { text: "1/3", correct: undefined, feedback: "Thirds are smaller than halves.", misconceptionId: undefined },
        ],
      },
      {
        kind: "NUMERIC",
        answer: 36,
        tolerance: 0.5,
        unit: "",
        wrongValues: [
          { value: 40, feedback: "Not yet: 3/5 of 60, not 2/3 of 60.", misconceptionId: undefined },
          { value: 24, feedback: "That is the smaller share.", misconceptionId: undefined },
        ],
        intermediateValues: [],
      },
      { kind: "SHORT_TEXT", modelAnswer: "So that the parts are the same size" },
    ]);
  });
});

describe("QTI 3.0", () => {
  const zip = toQtiPackage(snapshot());
  const files = unzipSync(zip);

  it("is a content package: a manifest, one item per checkpoint, the pictures shown, a README of what it leaves out", () => {
    expect(Object.keys(files).sort()).toEqual(["README.txt", "images/1.png", "imsmanifest.xml", "items/checkpoint-1.xml", "items/checkpoint-2.xml", "items/checkpoint-3.xml", "items/checkpoint-4.xml"]);
    const manifest = strFromU8(files["imsmanifest.xml"]);
    expect(manifest).toContain('type="imsqti_item_xmlv3p0" href="items/checkpoint-1.xml"');
    expect(manifest).toContain('<dependency identifierref="image-1"/>');
    expect(strFromU8(files["README.txt"])).toMatch(/QTI cannot carry: misconceptions.*reflection prompts/);
    const first = strFromU8(files["items/checkpoint-1.xml"]);
    expect(first).toContain('<qti-assessment-item xmlns="http://www.imsglobal.org/xsd/imsqtiasi_v3p0"');
    expect(first).toContain('<img src="../images/1.png" alt="Two bars, one in halves, one in thirds"/>');
    expect(first).toMatch(/<!-- Not carried by QTI: misconceptions \(B → Adds tops and bottoms\); at most 3 attempts\. -->/);
    expect(toQtiPackage(snapshot())).toEqual(zip);
  });

  it("reads back as the same questions, answers, feedback, units and pictures; misconceptions, limits, values on the way and prompts are lost", () => {
    const p = plan("week-3.zip", zip);
    expect(p.skipped).toEqual([]);
    expect(p.checkpoints.map((c) => c.input.title)).toEqual(snapshot().checkpoints.map((c) => c.title));
    expect(p.checkpoints.map((c) => c.input.prompt)).toEqual([
      "Work out \\(\\frac{1}{2} + \\frac{1}{3}\\).\n\nThe bars: ![Two bars, one in halves, one in thirds](upload:1)",
      "Choose all that apply.",
      "Share £60 in the ratio 2 : 3. How much is the bigger share?",
      "Why do we need a common denominator?",
    ]);
    expect(p.images).toEqual([{ key: "1", mime: "image/png", base64: expect.any(String) }]);
    // Expected losses: misconceptions, attempt limits, values on the way, reflection prompts.
    expect(p.misconceptions).toEqual([]);
    expect(p.checkpoints.map((c) => c.input.maxAttempts)).toEqual([null, null, null, null]);
    expect(p.prompts).toBeUndefined();
    const [first, second, third, fourth] = contents(p);
    expect(first).toEqual({
      kind: "MULTIPLE_CHOICE",
      options: [
        { text: "\\(\\frac{5}{6}\\)", correct: true, feedback: "Yes: sixths are common to both.", misconceptionId: undefined },
        { text: "\\(\\frac{2}{5}\\)", correct: undefined, feedback: "Not yet: you added the tops and the bottoms.", misconceptionId: undefined },
        { text: "1 = 2/2 ~ about {right}?", correct: undefined, feedback: "", misconceptionId: undefined },
      ],
    });
    expect(second).toMatchObject({ options: [{ text: "2/4", correct: true }, { text: "50%", correct: true }, { text: "1/3", correct: undefined, feedback: "Thirds are smaller than halves." }] });
    expect(third).toEqual({
      kind: "NUMERIC",
      answer: 36,
      tolerance: 0.5,
      unit: "£",
      wrongValues: [
        { value: 40, feedback: "Not yet: 3/5 of 60, not 2/3 of 60.", misconceptionId: undefined },
        { value: 24, feedback: "That is the smaller share.", misconceptionId: undefined },
      ],
      intermediateValues: [],
    });
    expect(fourth).toEqual({ kind: "SHORT_TEXT", modelAnswer: "So that the parts are the same size" });
  });
});

describe("file names", () => {
  it("come from the title, in plain letters", () => {
    expect(exportFileName("Fractions & ratio: week 3", "json")).toBe("fractions-ratio-week-3.json");
    expect(exportFileName("Élan — vital", "gift")).toBe("elan-vital.gift");
    expect(exportFileName("?!", "json")).toBe("project.json");
  });
});
