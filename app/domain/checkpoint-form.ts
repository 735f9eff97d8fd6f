// Between the checkpoint editor's form and a stored checkpoint spec. Pure.
//
// The form sends rows (options, wrong values, intermediate values); rows left
// completely blank are ignored, so a form can carry spare rows without
// JavaScript. Option ids stay stable across versions: a row that carries the id
// of an option of the version being edited keeps it, every other row gets a
// new id, so answers can be compared across versions.
import type { CheckpointKind, CheckpointSpec, ChoiceOption } from "~/domain/checkpoint-spec";
import { plural } from "~/domain/words";

export interface ChoiceRow {
  id?: string;
  text?: string;
  correct?: boolean;
  feedback?: string;
  misconceptionId?: string;
}

export interface WrongValueRow {
  value?: number;
  feedback?: string;
  misconceptionId?: string;
}

export interface IntermediateRow {
  value?: number;
  label?: string;
}

export type CheckpointContentValue =
  | { kind: "MULTIPLE_CHOICE"; options: ChoiceRow[] }
  | {
      kind: "NUMERIC";
      answer: number;
      tolerance?: number;
      unit?: string;
      wrongValues?: WrongValueRow[];
      intermediateValues?: IntermediateRow[];
    }
  | { kind: "SHORT_TEXT"; modelAnswer?: string };

/** What each kind asks of students, for the teacher choosing one. */
export const KIND_DESCRIPTIONS: Record<CheckpointKind, string> = {
  MULTIPLE_CHOICE: "Options to choose from, one or more correct. Wrong options can carry feedback and a misconception.",
  NUMERIC: "A number, with a tolerance. Common wrong values can carry feedback and a misconception.",
  SHORT_TEXT: "A written answer. Students compare it with your model answer, and you can mark it too.",
};

const filled = (s: string | undefined | null) => typeof s === "string" && s.trim() !== "";

export function isBlankChoiceRow(row: ChoiceRow): boolean {
  return !filled(row.text) && !row.correct && !filled(row.feedback) && !filled(row.misconceptionId);
}

export function isBlankWrongValueRow(row: WrongValueRow): boolean {
  return row.value === undefined && !filled(row.feedback) && !filled(row.misconceptionId);
}

export function isBlankIntermediateRow(row: IntermediateRow): boolean {
  return row.value === undefined && !filled(row.label);
}

/** A short random id for a new option (letters and digits). */
export function randomOptionId(): string {
  return globalThis.crypto.randomUUID().replace(/-/g, "").slice(0, 10);
}

/**
 * Ids for the submitted option rows: a row keeps the id it carries when that id
 * belongs to the version being edited and no earlier row claimed it; otherwise
 * (a new row, a made-up or repeated id) it gets a fresh one.
 */
export function assignOptionIds(rowIds: (string | undefined)[], previousIds: string[], newId: () => string = randomOptionId): string[] {
  const known = new Set(previousIds);
  const used = new Set<string>();
  return rowIds.map((id) => {
    if (id && known.has(id) && !used.has(id)) {
      used.add(id);
      return id;
    }
    let fresh = newId();
    while (known.has(fresh) || used.has(fresh)) fresh = newId();
    used.add(fresh);
    return fresh;
  });
}

/** Builds the spec to store from validated form content, reusing option ids of the previous spec. */
export function buildSpec(value: CheckpointContentValue, previous: CheckpointSpec | null, newId: () => string = randomOptionId): CheckpointSpec {
  switch (value.kind) {
    case "MULTIPLE_CHOICE": {
      const rows = value.options.filter((row) => !isBlankChoiceRow(row));
      const previousIds = previous?.kind === "MULTIPLE_CHOICE" ? previous.options.map((o) => o.id) : [];
      const ids = assignOptionIds(
        rows.map((r) => r.id),
        previousIds,
        newId,
      );
      const options: ChoiceOption[] = rows.map((row, i) => ({
        id: ids[i],
        text: (row.text ?? "").trim(),
        correct: Boolean(row.correct),
        feedback: (row.feedback ?? "").trim(),
        misconceptionId: filled(row.misconceptionId) ? row.misconceptionId!.trim() : null,
      }));
      return { kind: "MULTIPLE_CHOICE", options };
    }
    case "NUMERIC":
      return {
        kind: "NUMERIC",
        answer: value.answer,
        tolerance: value.tolerance ?? 0,
        unit: (value.unit ?? "").trim(),
        wrongValues: (value.wrongValues ?? [])
          .filter((row) => !isBlankWrongValueRow(row))
          .map((row) => ({
            value: row.value as number,
            feedback: (row.feedback ?? "").trim(),
            misconceptionId: filled(row.misconceptionId) ? row.misconceptionId!.trim() : null,
          })),
        intermediateValues: (value.intermediateValues ?? [])
          .filter((row) => !isBlankIntermediateRow(row))
          .map((row) => ({ value: row.value as number, label: (row.label ?? "").trim() })),
      };
    case "SHORT_TEXT":
      return { kind: "SHORT_TEXT", modelAnswer: (value.modelAnswer ?? "").trim() };
  }
}

/** Form field values (all strings, as the form shows them) for a stored spec. */
export type FormDefaults = Record<string, unknown>;

export function specToFormDefaults(spec: CheckpointSpec): FormDefaults {
  switch (spec.kind) {
    case "MULTIPLE_CHOICE":
      return {
        options: spec.options.map((o) => ({
          id: o.id,
          text: o.text,
          correct: o.correct ? "on" : undefined,
          feedback: o.feedback,
          misconceptionId: o.misconceptionId ?? "",
        })),
      };
    case "NUMERIC":
      return {
        answer: String(spec.answer),
        tolerance: String(spec.tolerance),
        unit: spec.unit,
        wrongValues: spec.wrongValues.map((w) => ({ value: String(w.value), feedback: w.feedback, misconceptionId: w.misconceptionId ?? "" })),
        intermediateValues: spec.intermediateValues.map((v) => ({ value: String(v.value), label: v.label })),
      };
    case "SHORT_TEXT":
      return { modelAnswer: spec.modelAnswer };
  }
}

/** Starting values for a new checkpoint of a kind: spare blank rows to fill in. */
export function blankFormDefaults(kind: CheckpointKind): FormDefaults {
  switch (kind) {
    case "MULTIPLE_CHOICE":
      return { options: [{}, {}, {}, {}] };
    case "NUMERIC":
      return { tolerance: "0", wrongValues: [{}], intermediateValues: [] };
    case "SHORT_TEXT":
      return { modelAnswer: "" };
  }
}

/** Whether two versions say the same thing to students (title, prompt, spec). */
export function sameContent(
  a: { title: string; prompt: string; spec: string },
  b: { title: string; prompt: string; spec: string },
): boolean {
  return a.title === b.title && a.prompt === b.prompt && a.spec === b.spec;
}

/**
 * What saving will do, in words for the teacher, given how many attempts the
 * checkpoint has in all and on its latest version.
 */
export function versioningNote(latestVersion: number, attemptsOnLatest: number, attemptsInAll: number): string | null {
  if (attemptsOnLatest > 0) {
    return `Students have answered this checkpoint ${plural(attemptsInAll, "time")}; saving changes creates version ${latestVersion + 1} and keeps earlier answers readable against the version they answered.`;
  }
  if (attemptsInAll > 0) {
    return `Students answered earlier versions ${plural(attemptsInAll, "time")}; those answers stay readable. No one has answered version ${latestVersion} yet, so saving updates it.`;
  }
  return null;
}

const ROW_FIELDS: Record<string, string[]> = {
  options: ["id", "text", "correct", "feedback", "misconceptionId"],
  wrongValues: ["value", "feedback", "misconceptionId"],
  intermediateValues: ["value", "label"],
};
/** Row indexes beyond this are never produced by the form. */
export const MAX_ROW_INDEX = 50;

/**
 * Keeps only the fields the checkpoint editor can send: plain fields, and row
 * fields like `options[2].text` with a sensible index. A hand-made request
 * (`options=garbage`, `options[99999].text`) then gets messages about what is
 * missing instead of breaking the page that shows the form again.
 */
export function cleanEditorFormData(formData: FormData): FormData {
  const clean = new FormData();
  for (const [name, value] of editorFormEntries(formData)) clean.append(name, value);
  return clean;
}

export function editorFormEntries(entries: Iterable<[string, FormDataEntryValue]>): [string, string][] {
  const plain = new Set(["title", "prompt", "maxAttempts", "afterNotYet", "recheckOf", "answer", "tolerance", "unit", "modelAnswer", "kind", "intent"]);
  const kept: [string, string][] = [];
  for (const [name, value] of entries) {
    if (typeof value !== "string") continue;
    if (name === "__intent__") {
      const intent = listIntent(value);
      if (intent) kept.push([name, intent]);
      continue;
    }
    if (plain.has(name)) {
      kept.push([name, value]);
      continue;
    }
    const row = /^(options|wrongValues|intermediateValues)\[(\d{1,3})\]\.(\w+)$/.exec(name);
    if (row && Number(row[2]) <= MAX_ROW_INDEX && ROW_FIELDS[row[1]].includes(row[3])) kept.push([name, value]);
  }
  return kept;
}

const isRowIndex = (n: unknown): n is number => Number.isInteger(n) && (n as number) >= 0 && (n as number) <= MAX_ROW_INDEX;

/**
 * The editor's list buttons (add, remove, move a row) as Conform sends them,
 * rebuilt from checked parts; anything else (bad JSON, another field, a huge
 * index) is dropped, which makes the request an ordinary save.
 */
export function listIntent(raw: string): string | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!parsed || typeof parsed !== "object") return null;
  const { type, payload } = parsed as { type?: unknown; payload?: Record<string, unknown> };
  if (!payload || typeof payload !== "object" || typeof payload.name !== "string" || !(payload.name in ROW_FIELDS)) return null;
  const name = payload.name;
  if (type === "insert") {
    return payload.index === undefined || isRowIndex(payload.index) ? JSON.stringify({ type, payload: { name, index: payload.index } }) : null;
  }
  if (type === "remove") return isRowIndex(payload.index) ? JSON.stringify({ type, payload: { name, index: payload.index } }) : null;
  if (type === "reorder") {
    return isRowIndex(payload.from) && isRowIndex(payload.to) ? JSON.stringify({ type, payload: { name, from: payload.from, to: payload.to } }) : null;
  }
  return null;
}
