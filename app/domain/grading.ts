// Checking an attempt against the checkpoint version it answered. Pure.
import type { CheckpointSpec, MultipleChoiceSpec, NumericSpec } from "~/domain/checkpoint-spec";

export type Outcome = "GOT_IT" | "NOT_YET";

export interface GradeResult {
  /** null for short text: the student self-assesses and the teacher may mark it. */
  outcome: Outcome | null;
  /** Feedback written by the teacher for what the student chose, in order. */
  feedback: string[];
  /** Misconceptions tagged to what the student chose. */
  misconceptionIds: string[];
}

export type ParsedAnswer =
  | { ok: true; kind: "MULTIPLE_CHOICE"; optionIds: string[]; stored: string }
  | { ok: true; kind: "NUMERIC"; value: number; stored: string }
  | { ok: true; kind: "SHORT_TEXT"; text: string; stored: string }
  | { ok: false; error: string };

export const MAX_TEXT_ANSWER = 5000;

/**
 * Reads a number the way people type it: "3.5", "3,5", "-0.25", "1e-3", "1 200",
 * optionally followed by the checkpoint's unit. Returns null when it is not a number.
 */
export function parseNumber(raw: string, unit = ""): number | null {
  let text = raw.trim();
  if (unit && text.toLowerCase().endsWith(unit.trim().toLowerCase())) {
    text = text.slice(0, text.length - unit.trim().length).trim();
  }
  text = text.replace(/[\u2212\u2013]/g, "-").replace(/(\d)[\s\u00a0_](?=\d{3}\b)/g, "$1");
  if (/^[-+]?\d+,\d+$/.test(text)) text = text.replace(",", ".");
  if (/^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) text = text.replace(/,/g, "");
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(text)) return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

/** Validates a raw submitted answer for a spec; errors are written for students. */
export function parseAnswer(spec: CheckpointSpec, raw: { optionIds?: string[]; value?: string; text?: string }): ParsedAnswer {
  switch (spec.kind) {
    case "MULTIPLE_CHOICE": {
      const known = new Set(spec.options.map((o) => o.id));
      const optionIds = [...new Set(raw.optionIds ?? [])].filter((id) => known.has(id));
      if (optionIds.length === 0) return { ok: false, error: "Choose an option before checking." };
      const ordered = spec.options.map((o) => o.id).filter((id) => optionIds.includes(id));
      return { ok: true, kind: spec.kind, optionIds: ordered, stored: JSON.stringify(ordered) };
    }
    case "NUMERIC": {
      const typed = (raw.value ?? "").trim();
      if (!typed) return { ok: false, error: "Type a number before checking." };
      const value = parseNumber(typed, spec.unit);
      if (value === null) return { ok: false, error: `"${typed}" doesn't read as a number. Try digits like 12.5 or -3.` };
      return { ok: true, kind: spec.kind, value, stored: typed };
    }
    case "SHORT_TEXT": {
      const text = (raw.text ?? "").trim();
      if (!text) return { ok: false, error: "Write your answer before submitting." };
      if (text.length > MAX_TEXT_ANSWER) return { ok: false, error: `Keep your answer under ${MAX_TEXT_ANSWER.toLocaleString("en-GB")} characters.` };
      return { ok: true, kind: spec.kind, text, stored: text };
    }
  }
}

/** Reads a stored answer back into the shape parseAnswer produced. */
export function storedAnswer(spec: CheckpointSpec, stored: string): ParsedAnswer {
  if (spec.kind === "MULTIPLE_CHOICE") {
    let ids: unknown;
    try {
      ids = JSON.parse(stored);
    } catch {
      ids = [];
    }
    const optionIds = Array.isArray(ids) ? ids.filter((x): x is string => typeof x === "string") : [];
    return { ok: true, kind: spec.kind, optionIds, stored };
  }
  if (spec.kind === "NUMERIC") {
    const value = parseNumber(stored, spec.unit);
    return value === null ? { ok: false, error: "unreadable" } : { ok: true, kind: spec.kind, value, stored };
  }
  return { ok: true, kind: spec.kind, text: stored, stored };
}

function gradeChoice(spec: MultipleChoiceSpec, optionIds: string[]): GradeResult {
  const chosen = new Set(optionIds);
  const correct = spec.options.filter((o) => o.correct);
  const wrongChosen = spec.options.filter((o) => !o.correct && chosen.has(o.id));
  const missed = correct.filter((o) => !chosen.has(o.id));
  if (wrongChosen.length === 0 && missed.length === 0) {
    return { outcome: "GOT_IT", feedback: [], misconceptionIds: [] };
  }
  const feedback = wrongChosen.map((o) => o.feedback).filter(Boolean);
  if (wrongChosen.length === 0 && missed.length > 0) {
    feedback.push(
      correct.length > 1
        ? "You're partly there: more than one option is right here. Look again at the ones you left out."
        : "Look again at the options you left out.",
    );
  }
  const misconceptionIds = [...new Set(wrongChosen.map((o) => o.misconceptionId).filter((x): x is string => Boolean(x)))];
  return { outcome: "NOT_YET", feedback, misconceptionIds };
}

export function withinTolerance(value: number, target: number, tolerance: number): boolean {
  const slack = Math.max(tolerance, Math.abs(target) * 1e-9, 1e-12);
  return Math.abs(value - target) <= slack;
}

function gradeNumber(spec: NumericSpec, value: number): GradeResult {
  if (withinTolerance(value, spec.answer, spec.tolerance)) {
    return { outcome: "GOT_IT", feedback: [], misconceptionIds: [] };
  }
  const listed = spec.wrongValues.find((w) => withinTolerance(value, w.value, spec.tolerance));
  if (!listed) return { outcome: "NOT_YET", feedback: [], misconceptionIds: [] };
  return {
    outcome: "NOT_YET",
    feedback: listed.feedback ? [listed.feedback] : [],
    misconceptionIds: listed.misconceptionId ? [listed.misconceptionId] : [],
  };
}

export function grade(spec: CheckpointSpec, answer: ParsedAnswer): GradeResult {
  if (!answer.ok) return { outcome: "NOT_YET", feedback: [], misconceptionIds: [] };
  if (spec.kind === "MULTIPLE_CHOICE" && answer.kind === "MULTIPLE_CHOICE") return gradeChoice(spec, answer.optionIds);
  if (spec.kind === "NUMERIC" && answer.kind === "NUMERIC") return gradeNumber(spec, answer.value);
  return { outcome: null, feedback: [], misconceptionIds: [] };
}
