// Per-checkpoint distributions over every attempt: wrong options (multiple
// choice), wrong values and their error shapes (numeric), answer groups (short
// text), and how the class is doing on the checkpoint. Pure.
import type { CheckpointKind, NumericSpec } from "~/domain/checkpoint-spec";
import { withinTolerance } from "~/domain/grading";
import { recognizeNumericError, SHAPE_LABELS } from "./numeric-patterns";
import { attemptCorrectBy, type CorrectBy, type Prepared, type PreparedAttempt, type PreparedPath } from "./prepare";
import { median } from "./stats";

/** A count over first attempts and over all attempts. */
export interface CountPair {
  first: number;
  all: number;
}

export interface CheckpointSummary {
  attempts: number;
  studentsAttempted: number;
  studentsGotIt: number;
  gotItFirstTry: number;
  /** Attempted, no got-it yet, last attempt "not yet". */
  studentsStillNotYet: number;
  /** Attempted, no got-it yet, last attempt waiting for an assessment. */
  studentsWaiting: number;
  /** Median attempt number of the first got-it (the grid's "got it after N"). */
  medianAttemptsToGotIt: number | null;
}

export interface ChoiceOptionCount {
  optionId: string;
  /** The option's text in the latest version that attempts answered with it. */
  text: string;
  /** Other texts the option had in earlier versions students answered. */
  otherTexts: string[];
  first: number;
  all: number;
  students: number;
  attemptIds: string[];
}

export interface ChoiceGroup {
  /** null: wrong options not tagged with a misconception. */
  misconceptionId: string | null;
  misconceptionName: string | null;
  /** Attempts that chose at least one option of the group. */
  first: number;
  all: number;
  students: number;
  /** Most chosen first. */
  options: ChoiceOptionCount[];
}

export interface ChoiceDistribution {
  kind: "MULTIPLE_CHOICE";
  attempts: CountPair;
  /** Attempts that chose at least one wrong option. */
  wrong: CountPair;
  /** "Not yet" attempts that chose no wrong option but left a correct one out. */
  missedOnly: CountPair;
  /** Misconception groups (most chosen first), the untagged group last. */
  groups: ChoiceGroup[];
}

/** An error shape a wrong numeric value matches (e.g. sign error). */
export interface NumericShape {
  /** e.g. "SIGN_ERROR", "POWER_OF_TEN" (see numeric-patterns.ts). */
  kind: string;
  /** What sets this case apart within its shape ("×100", an intermediate's label), or null. */
  detail: string | null;
  /** The full name for this value: "Decimal point shifted (×100)". */
  label: string;
  /** The name of the shape's group: "Decimal point shifted". */
  groupLabel: string;
}

/** Recognises error shapes of a wrong value against the version it answered. */
export type NumericShapeClassifier = (value: number, spec: NumericSpec) => NumericShape[];

/**
 * The default classifier, from numeric-patterns.ts. Listed wrong values are
 * grouped by the report itself (under their misconception), so only the
 * automatic shapes are returned here.
 */
export const classifyNumericError: NumericShapeClassifier = (value, spec) => {
  const match = recognizeNumericError(spec, value);
  if (match.shape === "OTHER" || match.shape === "CORRECT" || match.shape === "LISTED_WRONG_VALUE") return [];
  return [{ kind: match.shape, detail: match.detail, label: match.teacherLabel, groupLabel: SHAPE_LABELS[match.shape] }];
};

export interface NumericValueCount {
  value: number;
  /** The value with the checkpoint's unit, for display. */
  label: string;
  first: number;
  all: number;
  students: number;
  attemptIds: string[];
  /** The teacher listed this wrong value. */
  listed: boolean;
  feedback: string;
  misconceptionId: string | null;
  shapes: NumericShape[];
}

export interface NumericGroup {
  key: string;
  /** MISCONCEPTION: a listed value tagged by the teacher; SHAPE: a recognised error shape; LISTED: listed, untagged; OTHER. */
  kind: "MISCONCEPTION" | "SHAPE" | "LISTED" | "OTHER";
  misconceptionId: string | null;
  shape: string | null;
  label: string;
  first: number;
  all: number;
  students: number;
  /** Most frequent first. */
  values: NumericValueCount[];
}

export interface NumericDistribution {
  kind: "NUMERIC";
  attempts: CountPair;
  wrong: CountPair;
  /** Stored answers that no longer read as a number. */
  unreadable: CountPair;
  groups: NumericGroup[];
  /** Whether error shapes were recognised (a classifier was available). */
  shapesRecognised: boolean;
}

/** A group of short-text answers made by the clustering (or by the teacher). */
export interface TextGroupInput {
  id: string;
  attemptIds: string[];
  label?: string | null;
  misconceptionId?: string | null;
  representatives?: string[];
  keyTerms?: string[];
  /** The teacher confirmed the group (named, merged or edited it); machine groups leave it out or false. */
  confirmed?: boolean;
  /** The correct answers (see assembleTextGroups): shown apart, never offered for naming as a misconception. */
  correct?: boolean;
}

export interface TextGroupInsight {
  id: string;
  label: string | null;
  misconceptionId: string | null;
  misconceptionName: string | null;
  /** The teacher confirmed the group (see TextGroupInput.confirmed). */
  confirmed: boolean;
  /** The correct answers of the checkpoint (see TextGroupInput.correct). */
  correct: boolean;
  /** Attempts in the group. */
  size: number;
  students: number;
  /**
   * The group's students split three ways (the three add up to `students`):
   * one of their answers in the group was itself a got-it; else a got-it came
   * on a later attempt, after their last answer in the group; else neither yet.
   */
  studentsGotItWithThis: number;
  studentsGotItLater: number;
  studentsNotYet: number;
  /** The group's answers by the outcome that counts (they add up to `size`). */
  outcomes: { gotIt: number; notYet: number; waiting: number };
  /** Correct answers only: on whose word each is correct, see correctBy in prepare.ts (they add up to `size` while the groups are fresh). */
  correctBy: Record<CorrectBy, number> | null;
  representatives: string[];
  keyTerms: string[];
  attemptIds: string[];
}

export interface TextDistribution {
  kind: "SHORT_TEXT";
  attempts: CountPair;
  outcomes: { gotIt: number; notYet: number; waiting: number };
  /** null when no grouping was supplied for this checkpoint. */
  groups: TextGroupInsight[] | null;
}

export type CheckpointDetail = ChoiceDistribution | NumericDistribution | TextDistribution;

export interface CheckpointInsight {
  checkpointId: string;
  position: number;
  kind: CheckpointKind;
  /** Title of the latest version. */
  title: string;
  archived: boolean;
  summary: CheckpointSummary;
  detail: CheckpointDetail;
}

export interface CheckpointInsightOptions {
  classifyNumeric?: NumericShapeClassifier;
  /** Precomputed short-text groups per checkpoint id. */
  textGroups?: Record<string, TextGroupInput[]>;
}

export function checkpointSummary(paths: Iterable<PreparedPath>): CheckpointSummary {
  let attempts = 0;
  let studentsAttempted = 0;
  let studentsGotIt = 0;
  let gotItFirstTry = 0;
  let studentsStillNotYet = 0;
  let studentsWaiting = 0;
  const gotItNumbers: number[] = [];
  for (const path of paths) {
    if (path.attempts.length === 0) continue;
    studentsAttempted++;
    attempts += path.attempts.length;
    if (path.firstGotIt >= 0) {
      studentsGotIt++;
      const n = path.attempts[path.firstGotIt].number;
      gotItNumbers.push(n);
      if (path.firstGotIt === 0) gotItFirstTry++;
    } else if (path.attempts[path.attempts.length - 1].outcome === null) studentsWaiting++;
    else studentsStillNotYet++;
  }
  return {
    attempts,
    studentsAttempted,
    studentsGotIt,
    gotItFirstTry,
    studentsStillNotYet,
    studentsWaiting,
    medianAttemptsToGotIt: median(gotItNumbers),
  };
}

interface Counter {
  first: number;
  all: number;
  students: Set<string>;
  attemptIds: string[];
}
const counter = (): Counter => ({ first: 0, all: 0, students: new Set(), attemptIds: [] });
function count(c: Counter, a: PreparedAttempt, isFirst: boolean) {
  c.all++;
  if (isFirst) c.first++;
  c.students.add(a.studentId);
  c.attemptIds.push(a.id);
}
const byFrequency = <T extends { all: number; first: number }>(a: T, b: T) => b.all - a.all || b.first - a.first;

export function choiceDistribution(prepared: Prepared, checkpointId: string): ChoiceDistribution {
  const attempts: CountPair = { first: 0, all: 0 };
  const wrong: CountPair = { first: 0, all: 0 };
  const missedOnly: CountPair = { first: 0, all: 0 };
  interface OptionAcc extends Counter {
    texts: Map<string, number>;
  }
  const groups = new Map<string | null, { counter: Counter; options: Map<string, OptionAcc> }>();
  for (const a of prepared.attemptsByCheckpoint.get(checkpointId) ?? []) {
    const isFirst = a.index === 0;
    attempts.all++;
    if (isFirst) attempts.first++;
    const version = prepared.versions.get(a.versionId)!;
    const spec = version.spec;
    if (spec.kind !== "MULTIPLE_CHOICE") continue;
    const chosen = a.choice ?? [];
    let touched: (string | null)[] | undefined;
    let anyWrong = false;
    for (const optionId of chosen) {
      const option = version.options.get(optionId);
      if (!option || option.correct) continue;
      anyWrong = true;
      const key = option.misconceptionId && prepared.misconceptions.has(option.misconceptionId) ? option.misconceptionId : null;
      let group = groups.get(key);
      if (!group) {
        group = { counter: counter(), options: new Map() };
        groups.set(key, group);
      }
      if (!touched?.includes(key)) {
        (touched ??= []).push(key);
        count(group.counter, a, isFirst);
      }
      let acc = group.options.get(optionId);
      if (!acc) {
        acc = { ...counter(), texts: new Map() };
        group.options.set(optionId, acc);
      }
      count(acc, a, isFirst);
      const seen = acc.texts.get(option.text);
      if (seen === undefined || seen < version.version) acc.texts.set(option.text, version.version);
    }
    if (anyWrong) {
      wrong.all++;
      if (isFirst) wrong.first++;
    } else if (a.outcome === "NOT_YET") {
      missedOnly.all++;
      if (isFirst) missedOnly.first++;
    }
  }
  const result: ChoiceGroup[] = [...groups.entries()].map(([misconceptionId, g]) => ({
    misconceptionId,
    misconceptionName: misconceptionId ? prepared.misconceptions.get(misconceptionId)!.name : null,
    first: g.counter.first,
    all: g.counter.all,
    students: g.counter.students.size,
    options: [...g.options.entries()]
      .map(([optionId, acc]) => {
        const texts = [...acc.texts.entries()].sort((x, y) => y[1] - x[1]).map(([t]) => t);
        return {
          optionId,
          text: texts[0],
          otherTexts: texts.slice(1),
          first: acc.first,
          all: acc.all,
          students: acc.students.size,
          attemptIds: acc.attemptIds,
        };
      })
      .sort((x, y) => byFrequency(x, y) || x.optionId.localeCompare(y.optionId)),
  }));
  const rank = (id: string | null) => (id === null ? Infinity : prepared.misconceptionRank.get(id)!);
  result.sort(
    (a, b) =>
      (a.misconceptionId === null ? 1 : 0) - (b.misconceptionId === null ? 1 : 0) ||
      byFrequency(a, b) ||
      rank(a.misconceptionId) - rank(b.misconceptionId),
  );
  return { kind: "MULTIPLE_CHOICE", attempts, wrong, missedOnly, groups: result };
}

function formatValue(value: number, unit: string): string {
  const text = Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(12)));
  return unit ? `${text} ${unit}` : text;
}

export function numericDistribution(prepared: Prepared, checkpointId: string, classify?: NumericShapeClassifier): NumericDistribution {
  const attempts: CountPair = { first: 0, all: 0 };
  const wrong: CountPair = { first: 0, all: 0 };
  const unreadable: CountPair = { first: 0, all: 0 };
  interface ValueAcc extends Counter {
    value: number;
    unit: string;
    listed: boolean;
    feedback: string;
    misconceptionId: string | null;
    shapes: NumericShape[];
  }
  // Keyed by number (no string building per attempt): listed values per misconception, the rest by value.
  const listedValues = new Map<string, Map<number, ValueAcc>>();
  const otherValues = new Map<number, ValueAcc>();
  // Shapes depend only on the value and the version: classify each pair once.
  const shapeCache = new Map<string, NumericShape[]>();
  for (const a of prepared.attemptsByCheckpoint.get(checkpointId) ?? []) {
    const isFirst = a.index === 0;
    attempts.all++;
    if (isFirst) attempts.first++;
    if (a.outcome !== "NOT_YET") continue;
    const spec = prepared.versions.get(a.versionId)!.spec;
    if (spec.kind !== "NUMERIC") continue;
    const typed = a.value;
    if (typed === null) {
      unreadable.all++;
      if (isFirst) unreadable.first++;
      continue;
    }
    wrong.all++;
    if (isFirst) wrong.first++;
    const listed = spec.wrongValues.find((w) => withinTolerance(typed, w.value, spec.tolerance));
    const misconceptionId =
      listed?.misconceptionId && prepared.misconceptions.has(listed.misconceptionId) ? listed.misconceptionId : null;
    const value = listed ? listed.value : typed;
    let values = otherValues;
    if (listed) {
      const key = misconceptionId ?? "";
      values = listedValues.get(key) ?? new Map<number, ValueAcc>();
      listedValues.set(key, values);
    }
    let acc = values.get(value);
    if (!acc) {
      let shapes: NumericShape[] = [];
      if (classify) {
        const shapeKey = `${a.versionId}|${value}`;
        shapes = shapeCache.get(shapeKey) ?? classify(value, spec);
        shapeCache.set(shapeKey, shapes);
      }
      acc = { ...counter(), value, unit: spec.unit, listed: Boolean(listed), feedback: listed?.feedback ?? "", misconceptionId, shapes };
      values.set(value, acc);
    }
    count(acc, a, isFirst);
  }
  const groups = new Map<string, NumericGroup & { studentSet: Set<string> }>();
  const everyValue = [...[...listedValues.values()].flatMap((m) => [...m.values()]), ...otherValues.values()];
  for (const acc of everyValue) {
    const shape = acc.shapes[0] ?? null;
    const [key, kind, label]: [string, NumericGroup["kind"], string] = acc.misconceptionId
      ? [`M|${acc.misconceptionId}`, "MISCONCEPTION", prepared.misconceptions.get(acc.misconceptionId)!.name]
      : shape
        ? [`S|${shape.kind}`, "SHAPE", shape.groupLabel]
        : acc.listed
          ? ["LISTED", "LISTED", "Wrong values you listed"]
          : ["OTHER", "OTHER", "Other values"];
    let group = groups.get(key);
    if (!group) {
      group = {
        key,
        kind,
        misconceptionId: acc.misconceptionId,
        shape: kind === "SHAPE" ? shape!.kind : null,
        label,
        first: 0,
        all: 0,
        students: 0,
        values: [],
        studentSet: new Set(),
      };
      groups.set(key, group);
    }
    group.first += acc.first;
    group.all += acc.all;
    for (const s of acc.students) group.studentSet.add(s);
    group.values.push({
      value: acc.value,
      label: formatValue(acc.value, acc.unit),
      first: acc.first,
      all: acc.all,
      students: acc.students.size,
      attemptIds: acc.attemptIds,
      listed: acc.listed,
      feedback: acc.feedback,
      misconceptionId: acc.misconceptionId,
      shapes: acc.shapes,
    });
  }
  const kindOrder: Record<NumericGroup["kind"], number> = { MISCONCEPTION: 0, SHAPE: 1, LISTED: 2, OTHER: 3 };
  const result = [...groups.values()].map(({ studentSet, ...g }) => ({
    ...g,
    students: studentSet.size,
    values: g.values.sort((a, b) => byFrequency(a, b) || a.value - b.value),
  }));
  result.sort((a, b) => kindOrder[a.kind] - kindOrder[b.kind] || byFrequency(a, b) || a.key.localeCompare(b.key));
  return { kind: "NUMERIC", attempts, wrong, unreadable, groups: result, shapesRecognised: Boolean(classify) };
}

export function textDistribution(prepared: Prepared, checkpointId: string, groups?: TextGroupInput[]): TextDistribution {
  const paths = prepared.pathsByCheckpoint.get(checkpointId) ?? new Map<string, PreparedPath>();
  const attempts: CountPair = { first: 0, all: 0 };
  const outcomes = { gotIt: 0, notYet: 0, waiting: 0 };
  for (const a of prepared.attemptsByCheckpoint.get(checkpointId) ?? []) {
    attempts.all++;
    if (a.index === 0) attempts.first++;
    if (a.outcome === "GOT_IT") outcomes.gotIt++;
    else if (a.outcome === "NOT_YET") outcomes.notYet++;
    else outcomes.waiting++;
  }
  if (!groups) return { kind: "SHORT_TEXT", attempts, outcomes, groups: null };
  const onCheckpoint = new Map((prepared.attemptsByCheckpoint.get(checkpointId) ?? []).map((a) => [a.id, a]));
  // An answer counts in the first group that holds it, so the groups' figures add up to the checkpoint's.
  const counted = new Set<string>();
  const result: TextGroupInsight[] = groups.map((g) => {
    const members: PreparedAttempt[] = [];
    for (const id of g.attemptIds) {
      const a = onCheckpoint.get(id);
      if (!a || counted.has(id)) continue;
      counted.add(id);
      members.push(a);
    }
    const groupOutcomes = { gotIt: 0, notYet: 0, waiting: 0 };
    // Per student: whether an answer of theirs in the group was a got-it, and the index of their last one in it.
    const byStudent = new Map<string, { gotIt: boolean; last: number }>();
    for (const a of members) {
      if (a.outcome === "GOT_IT") groupOutcomes.gotIt++;
      else if (a.outcome === "NOT_YET") groupOutcomes.notYet++;
      else groupOutcomes.waiting++;
      const seen = byStudent.get(a.studentId);
      if (!seen) byStudent.set(a.studentId, { gotIt: a.outcome === "GOT_IT", last: a.index });
      else {
        seen.gotIt ||= a.outcome === "GOT_IT";
        seen.last = Math.max(seen.last, a.index);
      }
    }
    let studentsGotItWithThis = 0;
    let studentsGotItLater = 0;
    for (const [studentId, s] of byStudent) {
      if (s.gotIt) studentsGotItWithThis++;
      else if ((paths.get(studentId)?.lastGotIt ?? -1) > s.last) studentsGotItLater++;
    }
    let correctCounts: Record<CorrectBy, number> | null = null;
    if (g.correct) {
      correctCounts = { RULE: 0, TEACHER: 0, MODEL_ANSWER: 0, SELF: 0 };
      for (const a of members) {
        const by = attemptCorrectBy(prepared, a);
        if (by) correctCounts[by]++;
      }
    }
    const misconceptionId = !g.correct && g.misconceptionId && prepared.misconceptions.has(g.misconceptionId) ? g.misconceptionId : null;
    return {
      id: g.id,
      label: g.label ?? null,
      misconceptionId,
      misconceptionName: misconceptionId ? prepared.misconceptions.get(misconceptionId)!.name : null,
      confirmed: g.confirmed === true,
      correct: g.correct === true,
      size: members.length,
      students: byStudent.size,
      studentsGotItWithThis,
      studentsGotItLater,
      studentsNotYet: byStudent.size - studentsGotItWithThis - studentsGotItLater,
      outcomes: groupOutcomes,
      correctBy: correctCounts,
      representatives: g.representatives ?? members.slice(0, 3).map((a) => a.answer),
      keyTerms: g.keyTerms ?? [],
      attemptIds: members.map((a) => a.id),
    };
  });
  // The correct answers last; the others largest first.
  result.sort((a, b) => Number(a.correct) - Number(b.correct) || b.size - a.size || a.id.localeCompare(b.id));
  return { kind: "SHORT_TEXT", attempts, outcomes, groups: result };
}

export function checkpointInsights(prepared: Prepared, options: CheckpointInsightOptions = {}): CheckpointInsight[] {
  return prepared.checkpointOrder.map((c) => {
    const paths = prepared.pathsByCheckpoint.get(c.id)!;
    const detail: CheckpointDetail =
      c.kind === "MULTIPLE_CHOICE"
        ? choiceDistribution(prepared, c.id)
        : c.kind === "NUMERIC"
          ? numericDistribution(prepared, c.id, options.classifyNumeric)
          : textDistribution(prepared, c.id, options.textGroups?.[c.id]);
    return {
      checkpointId: c.id,
      position: c.position,
      kind: c.kind,
      title: prepared.latestVersion.get(c.id)?.title ?? "",
      archived: c.archived,
      summary: checkpointSummary(paths.values()),
      detail,
    };
  });
}
