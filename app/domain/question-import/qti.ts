// QTI 2.1 and 3.0 items (one item's XML, or a content package: a zip with
// imsmanifest.xml and the items it lists): a choiceInteraction (one or more
// correct choices; feedback per choice from feedbackInline or from the
// modalFeedback shown for that choice) or a textEntryInteraction (a number
// with its tolerance from the response processing, or a short text). QTI 3.0's
// names (qti-choice-interaction) are read as QTI 2.1's (choiceInteraction).
// Items with another interaction, or several, are listed as skipped.
import type { ImageBox } from "./images";
import { htmlToText, titleFrom } from "./html-text";
import { descendants, innerMarkup, isElement, parseXml, textOf, type XElement } from "./xml";
import { ImportFileError, type ImportedItem, type ImportedOption, type ImportedWrongValue, type ParsedBank, type SkippedItem } from "./types";

/** qti-choice-interaction → choiceInteraction and response-identifier → responseIdentifier, for every element of the tree. */
function normalise(el: XElement): XElement {
  const name = el.name.startsWith("qti-") ? el.name.slice(4).replace(/-([a-z])/g, (_, c: string) => c.toUpperCase()) : el.name;
  const attrs = Object.fromEntries(Object.entries(el.attrs).map(([k, v]) => [k.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase()), v]));
  return { name, attrs, children: el.children.map((c) => (isElement(c) ? normalise(c) : c)) };
}

const INTERACTIONS = new Set([
  "choiceInteraction",
  "textEntryInteraction",
  "extendedTextInteraction",
  "orderInteraction",
  "matchInteraction",
  "associateInteraction",
  "gapMatchInteraction",
  "inlineChoiceInteraction",
  "hottextInteraction",
  "hotspotInteraction",
  "selectPointInteraction",
  "graphicOrderInteraction",
  "graphicAssociateInteraction",
  "graphicGapMatchInteraction",
  "positionObjectInteraction",
  "sliderInteraction",
  "drawingInteraction",
  "uploadInteraction",
  "mediaInteraction",
  "customInteraction",
  "portableCustomInteraction",
  "endAttemptInteraction",
]);

function dirname(path: string): string {
  const i = path.lastIndexOf("/");
  return i < 0 ? "" : path.slice(0, i + 1);
}

/** A path inside the package, from an href relative to the file that names it. */
export function resolvePath(base: string, href: string): string {
  const parts = (dirname(base) + decodeURIComponent(href.split(/[?#]/)[0])).split("/");
  const out: string[] = [];
  for (const p of parts) {
    if (p === "..") out.pop();
    else if (p !== "." && p !== "") out.push(p);
  }
  return out.join("/");
}

export interface QtiDocument {
  path: string;
  text: string;
}

interface Context {
  path: string;
  box: ImageBox;
  fileAt: (path: string) => Uint8Array | undefined;
  notes: string[];
}

/** Markup (the item body, a choice, a feedback) as prompt text: interactions and feedback taken out, maths from its TeX annotation, pictures from the package. */
function contentText(el: XElement, ctx: Context, blank = "_____"): string {
  let mathWithoutTex = false;
  const markup = innerMarkup(el, (c) => {
    if (c.name === "choiceInteraction") return descendants(c, "prompt").map((p) => `<p>${innerMarkup(p)}</p>`).join("");
    if (c.name === "textEntryInteraction") return blank;
    if (INTERACTIONS.has(c.name)) return "";
    if (c.name === "feedbackInline" || c.name === "feedbackBlock" || c.name === "modalFeedback" || c.name === "rubricBlock") return "";
    if (c.name === "math") {
      const tex = descendants(c, "annotation").find((a) => /tex/i.test(a.attrs.encoding ?? ""));
      if (tex) return `\\(${textOf(tex).trim()}\\)`;
      mathWithoutTex = true;
      return textOf(c);
    }
    return null;
  });
  if (mathWithoutTex) ctx.notes.push("Maths written in MathML without a TeX version is shown as plain text.");
  return htmlToText(markup, (src, alt) => {
    if (!src || /^[a-z]+:/i.test(src)) {
      if (src && !src.startsWith("data:")) ctx.notes.push(`The picture at ${src.slice(0, 80)} is outside the file, so only its description is kept.`);
      return `![${alt}]()`;
    }
    const path = resolvePath(ctx.path, src);
    const data = ctx.fileAt(path);
    if (!data) {
      ctx.notes.push(`The picture “${path}” is not in the package; its description is kept.`);
      return `![${alt}]()`;
    }
    const added = ctx.box.add(path, data);
    if ("why" in added) {
      ctx.notes.push(added.why);
      return `![${alt}]()`;
    }
    return `![${alt}](upload:${added.key})`;
  });
}

type ItemResult = { item: ImportedItem } | { skipped: SkippedItem };

function readItem(item: XElement, ctx: Context, where: string): ItemResult {
  const body = item.children.find((c): c is XElement => isElement(c) && c.name === "itemBody");
  if (!body) return { skipped: { where, why: "An item without a body (no question to show)." } };
  const interactions = allInteractions(body);
  if (interactions.length === 0) return { skipped: { where, why: "An item without an interaction: there is no answer to give." } };
  if (interactions.length > 1) return { skipped: { where, why: `An item with ${interactions.length} interactions: a checkpoint asks one question. Split it into one item per question.` } };
  const interaction = interactions[0];
  const responseId = interaction.attrs.responseIdentifier ?? "";
  const declaration = descendants(item, "responseDeclaration").find((d) => d.attrs.identifier === responseId);
  const correct = declaration ? descendants(declaration, "correctResponse").flatMap((c) => descendants(c, "value").map((v) => textOf(v).trim())) : [];
  const prompt = contentText(body, ctx);
  const title = item.attrs.title?.trim() || titleFrom(prompt) || where;
  const notes = ctx.notes;

  if (interaction.name === "choiceInteraction") {
    const modal = new Map(descendants(item, "modalFeedback").map((m) => [m.attrs.identifier ?? "", m]));
    const choices = descendants(interaction, "simpleChoice");
    const options: ImportedOption[] = choices.map((choice) => {
      const id = choice.attrs.identifier ?? "";
      const inline = descendants(choice, "feedbackInline")[0];
      const feedback = inline ? contentText(inline, ctx) : modal.get(id) ? contentText(modal.get(id)!, ctx) : "";
      return { text: contentText(choice, ctx), correct: correct.includes(id), feedback, misconception: null };
    });
    if (correct.length === 0) {
      const mapped = declaration ? descendants(declaration, "mapEntry").filter((m) => Number(m.attrs.mappedValue) > 0).map((m) => m.attrs.mapKey) : [];
      for (const o of options) o.correct = mapped.includes(choices[options.indexOf(o)].attrs.identifier);
    }
    return { item: { where, title, prompt, content: { kind: "MULTIPLE_CHOICE", options }, notes } };
  }
  if (interaction.name === "textEntryInteraction") {
    const baseType = declaration?.attrs.baseType ?? "string";
    // The box on a line of its own after the question (a unit may follow it) is where the answer goes, not a gap in a sentence.
    const boxLine = /\n+_____(?: ([^\n_]{1,30}))?$/.exec(prompt);
    const question = boxLine && boxLine.index > 0 ? prompt.slice(0, boxLine.index) : prompt;
    const unit = boxLine && boxLine.index > 0 ? (boxLine[1] ?? "").trim() : "";
    if (baseType === "float" || baseType === "integer") {
      const answer = Number(correct[0]);
      if (!Number.isFinite(answer)) return { skipped: { where, why: "A number to type, but the item gives no correct value." } };
      const equal = descendants(item, "equal").find((e) => e.attrs.toleranceMode === "absolute");
      const tolerance = equal ? Math.abs(Number((equal.attrs.tolerance ?? "0").trim().split(/\s+/)[0])) : 0;
      if (descendants(item, "equal").some((e) => e.attrs.toleranceMode === "relative")) notes.push("A relative tolerance is not carried: the answer must be exact. Set a tolerance in the editor.");
      return { item: { where, title, prompt: question, content: { kind: "NUMERIC", answer, tolerance: Number.isFinite(tolerance) ? tolerance : 0, unit, wrongValues: wrongValues(item, declaration ? correct : [], ctx) }, notes } };
    }
    const accepted = correct.length ? correct : declaration ? descendants(declaration, "mapEntry").filter((m) => Number(m.attrs.mappedValue) > 0).map((m) => m.attrs.mapKey ?? "") : [];
    if (!accepted.filter(Boolean).length) return { skipped: { where, why: "A text to type, but the item gives no correct answer." } };
    return { item: { where, title, prompt: unit ? prompt : question, content: { kind: "SHORT_TEXT", modelAnswer: accepted.length > 1 ? `${accepted[0]} (also accepted: ${accepted.slice(1).join(", ")})` : accepted[0] }, notes } };
  }
  return { skipped: { where, why: `An item with the interaction ${interaction.name}: Rebound's checkpoints are choices (choiceInteraction) and typed answers (textEntryInteraction).` } };
}

/**
 * Wrong values of a numeric item with their feedback: each branch of the
 * response processing that compares the response with a fixed value (other
 * than the correct one) and shows a modal feedback.
 */
function wrongValues(item: XElement, correct: string[], ctx: Context): ImportedWrongValue[] {
  const modal = new Map(descendants(item, "modalFeedback").map((m) => [m.attrs.identifier ?? "", m]));
  const out: ImportedWrongValue[] = [];
  for (const branch of [...descendants(item, "responseIf"), ...descendants(item, "responseElseIf")]) {
    const test = branch.children.find((c): c is XElement => isElement(c) && (c.name === "equal" || c.name === "match"));
    const value = test ? descendants(test, "baseValue")[0] : undefined;
    if (!value) continue;
    const number = Number(textOf(value).trim());
    if (!Number.isFinite(number) || correct.some((c) => Number(c) === number)) continue;
    const shows = descendants(branch, "setOutcomeValue").flatMap((set) => descendants(set, "baseValue").map((b) => textOf(b).trim()));
    const feedback = shows.map((id) => modal.get(id)).find(Boolean);
    out.push({ value: number, feedback: feedback ? contentText(feedback, ctx) : "", misconception: null });
  }
  return out;
}

function allInteractions(body: XElement): XElement[] {
  const found: XElement[] = [];
  const walk = (el: XElement) => {
    for (const c of el.children) {
      if (!isElement(c)) continue;
      if (INTERACTIONS.has(c.name)) found.push(c);
      else walk(c);
    }
  };
  walk(body);
  return found;
}

/** The items of a package in the manifest's order (or every item file, by name, when it has none). */
export function qtiItemPaths(files: string[], manifest: string | undefined): string[] {
  if (!manifest) return files.filter((f) => f.toLowerCase().endsWith(".xml")).sort();
  const root = normalise(parseXml(manifest, "imsmanifest.xml"));
  return descendants(root, "resource")
    .filter((r) => /item/i.test(r.attrs.type ?? "") && r.attrs.href)
    .map((r) => resolvePath("imsmanifest.xml", r.attrs.href));
}

export function readQti(documents: QtiDocument[], box: ImageBox, fileAt: (path: string) => Uint8Array | undefined = () => undefined): ParsedBank {
  const items: ImportedItem[] = [];
  const skipped: SkippedItem[] = [];
  let found = 0;
  for (const doc of documents) {
    const root = normalise(parseXml(doc.text, doc.path));
    if (root.name !== "assessmentItem") {
      if (documents.length === 1) throw new ImportFileError(doc.path, `${doc.path} is not a QTI item (its first element is <${root.name}>, not an assessment item).`);
      continue;
    }
    found++;
    const where = documents.length === 1 ? `item ${root.attrs.identifier ?? 1}` : `${doc.path}${root.attrs.identifier ? ` (${root.attrs.identifier})` : ""}`;
    const result = readItem(root, { path: doc.path, box, fileAt, notes: [] }, where);
    if ("item" in result) items.push(result.item);
    else skipped.push(result.skipped);
  }
  if (found === 0) throw new ImportFileError("the package", "This package holds no QTI items.");
  return { format: "qti", items, skipped, misconceptions: [], images: box.images, notes: [] };
}
