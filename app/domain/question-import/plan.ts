// From what a file holds to the checkpoints Rebound will create: each item is
// read by the checkpoint editor's own schema (app/schemas/checkpoint.ts), so
// an imported checkpoint meets every rule a typed one does (lengths, at least
// two options and one correct, distinct options, wrong values outside the
// tolerance, at most 12 options), and an item that does not is listed as
// skipped with the editor's own message. Misconceptions are named, not
// numbered: each is found in the project by name when the import is saved, or
// created. Pure; what this returns is the pending import's content.
import { withinTolerance } from "~/domain/grading";
import { shorten } from "./html-text";
import { checkpointFormSchema, MAX_OPTIONS, type CheckpointFormResult, toCheckpointInput } from "~/schemas/checkpoint";
import { misconceptionSchema, MISCONCEPTION_LIMITS } from "~/schemas/misconception";
import type { CheckpointKind } from "~/domain/checkpoint-spec";
import type { ImportedImage, ImportedItem, ImportedMisconception, ImportedPrompt, ImportFormat, ParsedBank, SkippedItem } from "./types";

/** A misconception reference before the import is saved: the index in the plan's list. */
export const misconceptionRef = (index: number) => `m:${index}`;
export const refIndex = (ref: string) => (ref.startsWith("m:") ? Number(ref.slice(2)) : NaN);

export interface PlannedCheckpoint {
  where: string;
  kind: CheckpointKind;
  /** As the editor's form reads it, misconceptions as refs (`m:0`). */
  input: CheckpointFormResult;
  notes: string[];
}

export interface ImportPlan {
  format: ImportFormat;
  checkpoints: PlannedCheckpoint[];
  misconceptions: ImportedMisconception[];
  skipped: SkippedItem[];
  notes: string[];
  images: { key: string; mime: ImportedImage["mime"]; base64: string }[];
  project?: ParsedBank["project"];
  prompts?: ImportedPrompt[];
}

const FIELD_WORDS: Record<string, string> = { title: "The title", prompt: "The question", options: "The options", modelAnswer: "The model answer", answer: "The answer", tolerance: "The tolerance", unit: "The unit", wrongValues: "The wrong values", intermediateValues: "The values on the way" };

function describeIssue(path: PropertyKey[], message: string): string {
  const [field, index, sub] = path;
  if (field === "options" && typeof index === "number") return `Option ${index + 1}${sub === "feedback" ? " (its feedback)" : ""}: ${message}`;
  if (field === "wrongValues" && typeof index === "number") return `Wrong value ${index + 1}: ${message}`;
  return `${FIELD_WORDS[String(field)] ?? "This question"}: ${message}`;
}

function toBase64(data: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < data.length; i += 0x8000) binary += String.fromCharCode(...data.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function planImport(bank: ParsedBank): ImportPlan {
  const notes = [...bank.notes];
  const misconceptions: ImportedMisconception[] = [];
  const indexByName = new Map<string, number>();
  const badNames = new Set<string>();
  const refFor = (name: string | null | undefined): string | undefined => {
    if (!name?.trim()) return undefined;
    const key = name.trim().toLowerCase();
    const known = indexByName.get(key);
    if (known !== undefined) return misconceptionRef(known);
    const listed = bank.misconceptions.find((m) => m.name.trim().toLowerCase() === key);
    const parsed = misconceptionSchema.safeParse(listed ?? { name, description: "", nextStep: "" });
    if (!parsed.success) {
      badNames.add(shorten(name, 60));
      return undefined;
    }
    misconceptions.push(parsed.data);
    indexByName.set(key, misconceptions.length - 1);
    return misconceptionRef(misconceptions.length - 1);
  };
  // A project file's misconceptions come along even when no checkpoint names them.
  if (bank.format === "rebound-json") for (const m of bank.misconceptions) refFor(m.name);

  const checkpoints: PlannedCheckpoint[] = [];
  const skipped = [...bank.skipped];
  for (const item of bank.items) {
    const planned = planItem(item, refFor);
    if ("why" in planned) skipped.push({ where: item.where, why: planned.why });
    else checkpoints.push(planned);
  }
  if (badNames.size) notes.push(`Misconception names that could not be used (longer than ${MISCONCEPTION_LIMITS.name} characters): ${[...badNames].slice(0, 3).join("; ")}${badNames.size > 3 ? "; …" : ""}. Those answers are imported without a misconception.`);
  return {
    format: bank.format,
    checkpoints,
    misconceptions,
    skipped,
    notes,
    images: bank.images.map((i) => ({ key: i.key, mime: i.mime, base64: toBase64(i.data) })),
    ...(bank.project ? { project: bank.project } : {}),
    ...(bank.prompts ? { prompts: bank.prompts } : {}),
  };
}

function planItem(item: ImportedItem, refFor: (name: string | null | undefined) => string | undefined): PlannedCheckpoint | { why: string } {
  const notes = [...(item.notes ?? [])];
  const title = item.title.length > 200 ? shorten(item.title, 200) : item.title;
  if (title !== item.title) notes.push("The title was longer than 200 characters and is shortened.");
  const content = item.content;
  const raw: Record<string, unknown> = { title, prompt: item.prompt, maxAttempts: item.maxAttempts ? String(item.maxAttempts) : undefined };
  if (content.kind === "MULTIPLE_CHOICE") {
    if (content.options.length > MAX_OPTIONS) return { why: `It has ${content.options.length} options; a checkpoint has at most ${MAX_OPTIONS}.` };
    raw.options = content.options.map((o) => ({ text: o.text, correct: o.correct || undefined, feedback: o.feedback, misconceptionId: o.correct ? undefined : refFor(o.misconception) }));
  } else if (content.kind === "NUMERIC") {
    const kept: typeof content.wrongValues = [];
    let dropped = 0;
    for (const w of content.wrongValues) {
      if (withinTolerance(w.value, content.answer, content.tolerance) || kept.some((k) => withinTolerance(w.value, k.value, content.tolerance))) dropped++;
      else kept.push(w);
    }
    if (dropped) notes.push(`${dropped} wrong value${dropped === 1 ? "" : "s"} within the tolerance of the answer or of another wrong value ${dropped === 1 ? "was" : "were"} left out.`);
    Object.assign(raw, {
      answer: String(content.answer),
      tolerance: String(content.tolerance),
      unit: content.unit,
      wrongValues: kept.map((w) => ({ value: String(w.value), feedback: w.feedback, misconceptionId: refFor(w.misconception) })),
      intermediateValues: (content.intermediateValues ?? []).map((v) => ({ value: String(v.value), label: v.label })),
    });
  } else {
    raw.modelAnswer = content.modelAnswer;
  }
  const refs = new Set<string>();
  const collect = (rows: unknown) => Array.isArray(rows) && rows.forEach((r: { misconceptionId?: string }) => r.misconceptionId && refs.add(r.misconceptionId));
  collect(raw.options);
  collect(raw.wrongValues);
  const recheckOf = (item.recheckOf ?? []).map((name) => refFor(name)).filter((r): r is string => Boolean(r));
  recheckOf.forEach((r) => refs.add(r));
  raw.recheckOf = recheckOf;
  const schema = checkpointFormSchema(content.kind, { misconceptionIds: [...refs] });
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { why: describeIssue(issue.path, issue.message) };
  }
  return { where: item.where, kind: content.kind, input: toCheckpointInput(content.kind, parsed.data), notes };
}
