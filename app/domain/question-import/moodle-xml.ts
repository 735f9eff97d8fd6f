// Moodle XML: multichoice (single or several correct), truefalse (as a choice
// between True and False), numerical (tolerance, units, wrong values with
// feedback) and shortanswer, each with per-answer feedback; pictures in the
// question text travel as <file> elements (base64) and are kept. Other
// question types are listed as skipped; categories are not questions.
import { fromBase64, type ImageBox } from "./images";
import { htmlToText, titleFrom } from "./html-text";
import { child, childrenNamed, parseXml, textOf, type XElement } from "./xml";
import { ImportFileError, type ImportedItem, type ImportedOption, type ImportedWrongValue, type ParsedBank, type SkippedItem } from "./types";

const TYPE_NAMES: Record<string, string> = {
  essay: "an essay question",
  matching: "a matching question",
  ddmatch: "a matching question",
  cloze: "an embedded-answers (Cloze) question",
  multianswer: "an embedded-answers (Cloze) question",
  calculated: "a calculated question",
  calculatedsimple: "a calculated question",
  calculatedmulti: "a calculated multiple-choice question",
  description: "a description (text without a question)",
  randomsamatch: "a random short-answer matching question",
  ddwtos: "a drag-and-drop question",
  ddimageortext: "a drag-and-drop question",
  ddmarker: "a drag-and-drop question",
  gapselect: "a select-missing-words question",
  ordering: "an ordering question",
};

/** A <text> holder (questiontext, feedback, answer) as prompt text; its <file> pictures go into the box. */
function richText(holder: XElement | undefined, box: ImageBox, dropped: string[]): string {
  if (!holder) return "";
  const files = new Map<string, Uint8Array>();
  for (const file of childrenNamed(holder, "file")) {
    const data = fromBase64(textOf(file));
    if (data) files.set(file.attrs.name ?? "", data);
  }
  const raw = textOf(child(holder, "text"));
  const format = holder.attrs.format ?? "html";
  const html = format === "html" || format === "moodle_auto_format" ? raw : raw.replace(/</g, "&lt;");
  return htmlToText(html, (src, alt) => {
    const name = decodeURIComponent(src.replace(/^@@PLUGINFILE@@\//, "").split("?")[0]);
    const data = src.startsWith("@@PLUGINFILE@@") ? files.get(name) : src.startsWith("data:") ? fromBase64(src.split(",")[1] ?? "") : undefined;
    if (!data) {
      if (src) dropped.push(`The picture “${name || src}” is not in the file (only pictures inside it are imported); its description is kept.`);
      return `![${alt || name}]()`;
    }
    const added = box.add(name || "picture", data);
    if ("why" in added) {
      dropped.push(added.why);
      return `![${alt || name}]()`;
    }
    return `![${alt || name}](upload:${added.key})`;
  });
}

const fraction = (answer: XElement) => Number(answer.attrs.fraction ?? "0");

export function readMoodleXml(source: string, box: ImageBox): ParsedBank {
  const root = parseXml(source, "The file");
  if (root.name !== "quiz") throw new ImportFileError("the file", `This XML file is not a Moodle question export (its first element is <${root.name}>, not <quiz>).`);
  const items: ImportedItem[] = [];
  const skipped: SkippedItem[] = [];
  let n = 0;
  for (const q of childrenNamed(root, "question")) {
    const type = q.attrs.type ?? "";
    if (type === "category") continue;
    n++;
    const name = textOf(child(child(q, "name"), "text")).trim();
    const where = `question ${n}${name ? ` (${name})` : ""}`;
    const notes: string[] = [];
    const prompt = richText(child(q, "questiontext"), box, notes);
    const title = name || titleFrom(prompt) || `Question ${n}`;
    if (textOf(child(child(q, "generalfeedback"), "text")).trim()) notes.push("Its general feedback is not carried: Rebound gives feedback per answer.");
    const answers = childrenNamed(q, "answer");
    if (type === "multichoice" || type === "truefalse") {
      const options: ImportedOption[] = answers.map((a) => ({
        text: richText(a, box, notes),
        correct: fraction(a) >= 100 || (type === "multichoice" && textOf(child(q, "single")).trim() === "false" && fraction(a) > 0),
        feedback: richText(child(a, "feedback"), box, notes),
        misconception: null,
      }));
      if (type === "multichoice" && answers.some((a) => fraction(a) > 0 && fraction(a) < 100)) {
        notes.push(textOf(child(q, "single")).trim() === "false" ? "Options with part of the marks count as correct (students choose every correct option)." : "Partial credit is not carried: only options worth full marks count as correct.");
      }
      if (type === "truefalse") notes.push("A true/false question: imported as a choice between True and False.");
      items.push({ where, title, prompt, content: { kind: "MULTIPLE_CHOICE", options }, notes });
    } else if (type === "numerical") {
      const right = answers.filter((a) => fraction(a) >= 100);
      const answer = right.map((a) => ({ value: Number(textOf(child(a, "text")).trim()), tolerance: Math.abs(Number(textOf(child(a, "tolerance")).trim() || "0")) })).find((a) => Number.isFinite(a.value) && Number.isFinite(a.tolerance));
      if (!answer) {
        skipped.push({ where, why: "A numerical question without a correct value." });
        continue;
      }
      if (right.length > 1 || answers.some((a) => fraction(a) > 0 && fraction(a) < 100)) notes.push("Only the first correct value is kept (Rebound has one answer with a tolerance); values with partial credit are left out.");
      const wrongValues: ImportedWrongValue[] = answers
        .filter((a) => fraction(a) <= 0)
        .flatMap((a) => {
          const raw = textOf(child(a, "text")).trim();
          const value = Number(raw);
          if (raw === "*" || !Number.isFinite(value)) return [];
          return [{ value, feedback: richText(child(a, "feedback"), box, notes), misconception: null }];
        });
      const units = childrenNamed(child(q, "units") ?? { name: "", attrs: {}, children: [] }, "unit");
      const baseUnit = units.find((u) => Number(textOf(child(u, "multiplier")) || "1") === 1);
      if (units.length > 1) notes.push("Only the base unit is kept; Rebound does not convert between units.");
      items.push({ where, title, prompt, content: { kind: "NUMERIC", answer: answer.value, tolerance: answer.tolerance, unit: textOf(child(baseUnit, "unit_name")).trim(), wrongValues }, notes });
    } else if (type === "shortanswer") {
      const accepted = answers.filter((a) => fraction(a) >= 100).map((a) => htmlToText(textOf(child(a, "text"))));
      if (accepted.length === 0) {
        skipped.push({ where, why: "A short-answer question without an accepted answer." });
        continue;
      }
      if (answers.some((a) => fraction(a) < 100 && textOf(child(child(a, "feedback"), "text")).trim())) notes.push("Feedback on particular wrong answers is not carried: students compare their answer with the model answer.");
      items.push({ where, title, prompt, content: { kind: "SHORT_TEXT", modelAnswer: accepted.length > 1 ? `${accepted[0]} (also accepted: ${accepted.slice(1).join(", ")})` : accepted[0] }, notes });
    } else {
      const what = TYPE_NAMES[type] ?? `a question of type “${type || "unknown"}”`;
      skipped.push({ where, why: `${what[0].toUpperCase()}${what.slice(1)}: Rebound's checkpoints are choices, numbers and short answers.` });
    }
  }
  if (n === 0) throw new ImportFileError("the file", "This Moodle XML file holds no questions.");
  return { format: "moodle-xml", items, skipped, misconceptions: [], images: box.images, notes: [] };
}
