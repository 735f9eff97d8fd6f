// Moodle GIFT (read with gift-pegjs): multiple choice with per-option
// feedback, true/false (as a two-option choice), numerical (an exact value, a
// value with a tolerance, or a range; wrong values with feedback), short
// answer. Essays, matching and descriptions are listed as skipped. A file the
// grammar cannot read is refused as a whole, with the line and column.
import { parse, type GIFTQuestion, type NumericalChoice, type NumericalFormat, type TextFormat } from "gift-pegjs";
import { htmlToText, looksLikeHtml, tidyText, titleFrom } from "./html-text";
import { ImportFileError, type ImportedItem, type ImportedWrongValue, type ParsedBank, type SkippedItem } from "./types";

function text(value: TextFormat | null | undefined): string {
  if (!value) return "";
  if (value.format === "html" || (value.format === "moodle" && looksLikeHtml(value.text))) return htmlToText(value.text);
  return tidyText(value.text);
}

/** A numerical answer as a value and an absolute tolerance. */
function asValue(format: NumericalFormat): { value: number; tolerance: number } | null {
  if (format.type === "simple" && typeof format.number === "number") return { value: format.number, tolerance: 0 };
  if (format.type === "range" && typeof format.number === "number") return { value: format.number, tolerance: Math.abs(format.range ?? 0) };
  if (format.type === "high-low" && typeof format.numberHigh === "number" && typeof format.numberLow === "number") {
    return { value: (format.numberHigh + format.numberLow) / 2, tolerance: Math.abs(format.numberHigh - format.numberLow) / 2 };
  }
  return null;
}

const isCorrect = (c: { isCorrect: boolean; weight: number | null }) => (c.weight === null ? c.isCorrect : c.weight >= 100);

export function readGift(source: string): ParsedBank {
  let questions: GIFTQuestion[];
  try {
    questions = parse(source.replace(/^\uFEFF/, ""));
  } catch (error) {
    const location = (error as { location?: { start?: { line: number; column: number } } }).location?.start;
    const where = location ? `line ${location.line}, column ${location.column}` : "the file";
    const detail = error instanceof Error ? error.message.replace(/\s+/g, " ").slice(0, 160) : "";
    throw new ImportFileError(where, `This GIFT file cannot be read from ${where} on (${detail}). Check the braces and the characters ~ = # { } : there (write \\~ \\= \\# \\{ \\} \\: for the characters themselves).`);
  }
  const items: ImportedItem[] = [];
  const skipped: SkippedItem[] = [];
  const notes: string[] = [];
  let n = 0;
  for (const q of questions) {
    if (q.type === "Category") continue;
    n++;
    const prompt = text(q.stem);
    const where = `question ${n}${q.title ? ` (${q.title})` : ""}`;
    const title = q.title?.trim() || titleFrom(prompt) || `Question ${n}`;
    const itemNotes: string[] = [];
    if ("globalFeedback" in q && q.globalFeedback) itemNotes.push("Its general feedback is not carried: Rebound gives feedback per answer.");
    if (q.hasEmbeddedAnswers) itemNotes.push("The answer sat inside the sentence; it is shown as a blank (_____) in the question.");
    switch (q.type) {
      case "MC": {
        // A multiple-answer question: no option is worth full marks, the right ones share 100%.
        const shares = q.choices.filter((c) => c.weight !== null && c.weight > 0);
        const multipleAnswer = !q.choices.some(isCorrect) && shares.length > 1 && Math.abs(shares.reduce((n, c) => n + (c.weight ?? 0), 0) - 100) < 1;
        const options = q.choices.map((c) => ({ text: text(c.text), correct: multipleAnswer ? c.weight !== null && c.weight > 0 : isCorrect(c), feedback: text(c.feedback), misconception: null }));
        if (multipleAnswer) itemNotes.push("Several right answers sharing the marks: each is a correct option, and a student chooses them all.");
        else if (q.choices.some((c) => c.weight !== null && c.weight > 0 && c.weight < 100)) itemNotes.push("Partial credit is not carried: only options worth full marks count as correct.");
        items.push({ where, title, prompt, content: { kind: "MULTIPLE_CHOICE", options }, notes: itemNotes });
        break;
      }
      case "TF":
        items.push({
          where,
          title,
          prompt,
          content: {
            kind: "MULTIPLE_CHOICE",
            options: [
              { text: "True", correct: q.isTrue, feedback: text(q.isTrue ? q.trueFeedback : q.falseFeedback), misconception: null },
              { text: "False", correct: !q.isTrue, feedback: text(q.isTrue ? q.falseFeedback : q.trueFeedback), misconception: null },
            ],
          },
          notes: [...itemNotes, "A true/false question: imported as a choice between True and False."],
        });
        break;
      case "Numerical": {
        const choices: NumericalChoice[] = Array.isArray(q.choices) ? q.choices : [{ isCorrect: true, weight: null, text: q.choices, feedback: null }];
        const right = choices.filter(isCorrect).map((c) => asValue(c.text)).filter((v) => v !== null);
        if (right.length === 0) {
          skipped.push({ where, why: "A numerical question without a correct value." });
          continue;
        }
        if (right.length > 1 || choices.some((c) => c.weight !== null && c.weight > 0 && c.weight < 100)) {
          itemNotes.push("Only the first correct value is kept (Rebound has one answer with a tolerance); values with partial credit are left out.");
        }
        const wrongValues: ImportedWrongValue[] = choices
          .filter((c) => !isCorrect(c) && !(c.weight !== null && c.weight > 0))
          .flatMap((c) => {
            const v = asValue(c.text);
            return v ? [{ value: v.value, feedback: text(c.feedback), misconception: null }] : [];
          });
        items.push({ where, title, prompt, content: { kind: "NUMERIC", answer: right[0].value, tolerance: right[0].tolerance, unit: "", wrongValues }, notes: itemNotes });
        break;
      }
      case "Short": {
        const accepted = q.choices.filter(isCorrect).map((c) => text(c.text)).filter(Boolean);
        if (accepted.length === 0) {
          skipped.push({ where, why: "A short-answer question without an accepted answer." });
          continue;
        }
        if (accepted.length > 1) itemNotes.push(`Students compare their answer with the model answer; the other accepted answers are part of it (${accepted.slice(1).join(", ").slice(0, 120)}).`);
        items.push({ where, title, prompt, content: { kind: "SHORT_TEXT", modelAnswer: accepted.length > 1 ? `${accepted[0]} (also accepted: ${accepted.slice(1).join(", ")})` : accepted[0] }, notes: itemNotes });
        break;
      }
      case "Essay":
        skipped.push({ where, why: "An essay question: Rebound's checkpoints are choices, numbers and short answers. Add it by hand as a short-text checkpoint or a reflection prompt." });
        break;
      case "Matching":
        skipped.push({ where, why: "A matching question: Rebound has no matching checkpoint. Split it into multiple-choice questions." });
        break;
      case "Description":
        skipped.push({ where, why: "A description (text without a question): Rebound has nowhere to put it. Add it to the project's instructions if you need it." });
        break;
    }
  }
  if (n === 0) throw new ImportFileError("the file", "This GIFT file holds no questions.");
  return { format: "gift", items, skipped, misconceptions: [], images: [], notes };
}
