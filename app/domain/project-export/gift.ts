// A project's checkpoints as Moodle GIFT (decision 022). GIFT carries a
// question's title and text, multiple choice (one right answer with "=", or
// several as a multiple-answer question whose right answers share 100%) with
// feedback per option, numerical answers with a tolerance and wrong values with
// feedback, and short answers (the model answer as the accepted one). It has
// no place for misconceptions, re-checks, reflection prompts, attempt limits,
// units, values on the way or pictures: the file says so at the top, and each
// question's comment names what was left out of it (the misconception behind
// each wrong answer, the unit) for the person who reads the file. A picture
// keeps its description, as `![description]()`. Text is written as [plain]
// (never read as HTML); maths stays between \( \). Pure.
import { replaceImageRefs } from "~/domain/rich-text";
import { misconceptionNames, type ProjectSnapshot } from "./snapshot";

/** GIFT's special characters escaped; new lines as \n, so that a question stays on its lines. */
export function giftEscape(text: string): string {
  return text
    .replace(/\\/g, "\\\\")
    .replace(/[~=#{}:]/g, (c) => `\\${c}`)
    .replace(/\r?\n/g, "\\n");
}

/** A number as GIFT reads it: decimals only, no exponent. */
export function giftNumber(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return String(value);
  return value.toLocaleString("en-US", { useGrouping: false, maximumFractionDigits: 20 });
}

/** A comment line: GIFT comments run to the end of the line. */
const comment = (text: string) => `// ${text.replace(/\s*\n\s*/g, " ")}`;

const percent = (n: number) => String(Math.round(n * 100000) / 100000);

export const GIFT_LEAVES_OUT =
  "misconceptions and which wrong answer shows which, re-checks, reflection prompts, attempt limits, units, values on the way, and pictures (their descriptions are kept)";

export function toGift(snapshot: ProjectSnapshot): string {
  const names = misconceptionNames(snapshot);
  const plain = (text: string) => giftEscape(replaceImageRefs(text, () => null));
  const lines: string[] = [
    comment(`${snapshot.title} — the checkpoints of a Rebound project, as Moodle GIFT.`),
    comment(`GIFT carries each question's title, text, answers and feedback. It cannot carry ${GIFT_LEAVES_OUT}.`),
    comment("For everything, export the Rebound project file (.json) instead."),
    "",
  ];
  snapshot.checkpoints.forEach((c, index) => {
    const spec = c.spec;
    const head = `::${giftEscape(c.title)}::[plain]${plain(c.prompt)}`;
    lines.push(comment(`Checkpoint ${index + 1}`));
    if (spec.kind === "MULTIPLE_CHOICE") {
      const letters = spec.options.map((_, i) => String.fromCharCode(65 + i));
      const mapped = spec.options.flatMap((o, i) => (o.misconceptionId && names.has(o.misconceptionId) ? [`${letters[i]} → ${names.get(o.misconceptionId)}`] : []));
      if (mapped.length) lines.push(comment(`Misconceptions (not carried by GIFT): ${mapped.join("; ")}`));
      const right = spec.options.filter((o) => o.correct).length;
      lines.push(`${head} {`);
      for (const o of spec.options) {
        const feedback = o.feedback ? `#${plain(o.feedback)}` : "";
        const mark = right === 1 ? (o.correct ? "=" : "~") : o.correct ? `~%${percent(100 / right)}%` : "~%-100%";
        lines.push(`${mark}${plain(o.text)}${feedback}`);
      }
      lines.push("}");
    } else if (spec.kind === "NUMERIC") {
      const left = [spec.unit && `unit “${spec.unit}”`, spec.intermediateValues.length && `${spec.intermediateValues.length} value(s) on the way`].filter(Boolean);
      const mapped = spec.wrongValues.flatMap((w) => (w.misconceptionId && names.has(w.misconceptionId) ? [`${giftNumber(w.value)} → ${names.get(w.misconceptionId)}`] : []));
      if (left.length) lines.push(comment(`Not carried by GIFT: ${left.join(", ")}`));
      if (mapped.length) lines.push(comment(`Misconceptions (not carried by GIFT): ${mapped.join("; ")}`));
      lines.push(`${head} {#`);
      lines.push(`=${giftNumber(spec.answer)}:${giftNumber(spec.tolerance)}`);
      for (const w of spec.wrongValues) lines.push(`~${giftNumber(w.value)}${w.feedback ? `#${plain(w.feedback)}` : ""}`);
      lines.push("}");
    } else {
      lines.push(comment("A short answer: Moodle marks an answer right when it matches the model answer."));
      lines.push(`${head} {=${plain(spec.modelAnswer || "—")}}`);
    }
    lines.push("");
  });
  return lines.join("\n");
}
