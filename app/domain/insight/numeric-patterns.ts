// Recognising the shape of a wrong numeric answer, so that a teacher sees
// "12 students shifted the decimal point" rather than a list of numbers.
// Pure: takes the checkpoint's spec and the values, returns plain data.
//
// Order of recognition (the first that fits wins):
// 1. a wrong value the teacher listed (with its feedback and misconception),
// 2. an intermediate value the teacher listed (stopped at a step on the way),
// 3. sign error, 4. decimal point shifted by a power of ten (×10 … ×10⁶, ÷10 …),
// 5. reciprocal (divided the wrong way round), 6. rounded or truncated too far;
// otherwise "other". Teacher-listed values come before the automatic shapes
// because the teacher's own reading of a value is the more specific one.
import type { NumericSpec } from "~/domain/checkpoint-spec";
import { withinTolerance } from "~/domain/grading";
import { plural } from "~/domain/words";

export const NUMERIC_ERROR_SHAPES = [
  "LISTED_WRONG_VALUE",
  "INTERMEDIATE_VALUE",
  "SIGN_ERROR",
  "POWER_OF_TEN",
  "RECIPROCAL",
  "ROUNDING",
  "OTHER",
  "CORRECT",
] as const;
export type NumericErrorShape = (typeof NUMERIC_ERROR_SHAPES)[number];

export type NumericPatternSpec = Pick<NumericSpec, "answer" | "tolerance"> &
  Partial<Pick<NumericSpec, "wrongValues" | "intermediateValues">>;

export interface NumericErrorMatch {
  shape: NumericErrorShape;
  /** What distinguishes this case within its shape: "×100", "to 1 decimal place", the intermediate's label, the listed value. */
  detail: string | null;
  /** The misconception the teacher tagged to a listed wrong value. */
  misconceptionId: string | null;
  /** Short name for the teacher's report. */
  teacherLabel: string;
  /** Growth-oriented hint for the student; never gives the answer away. */
  studentLabel: string;
}

/** Short names of the shapes, for legends and CSV headers. */
export const SHAPE_LABELS: Record<NumericErrorShape, string> = {
  LISTED_WRONG_VALUE: "Listed wrong value",
  INTERMEDIATE_VALUE: "Stopped at a step on the way",
  SIGN_ERROR: "Sign error",
  POWER_OF_TEN: "Decimal point shifted",
  RECIPROCAL: "Reciprocal",
  ROUNDING: "Rounded too far",
  OTHER: "Other value",
  CORRECT: "Within tolerance",
};

const MAX_POWER = 6;
const MAX_DECIMALS = 6;
const MAX_SIGNIFICANT = 4;

function formatNumber(value: number): string {
  return Number(value.toPrecision(12)).toString();
}

function factorLabel(power: number): string {
  const factor = (10 ** Math.abs(power)).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return power > 0 ? `×${factor}` : `÷${factor}`;
}

/** x·10^d rounded (half away from zero) or truncated, divided back; decimal artefacts removed. */
function toDecimals(x: number, decimals: number, mode: "round" | "truncate"): number {
  const scale = 10 ** decimals;
  const scaled = Number((Math.abs(x) * scale).toPrecision(12));
  const cut = mode === "round" ? Math.round(scaled) : Math.trunc(scaled);
  return (Math.sign(x) * cut) / scale;
}

function toSignificant(x: number, digits: number, mode: "round" | "truncate"): number {
  if (x === 0) return 0;
  const magnitude = Math.floor(Math.log10(Math.abs(x)));
  const decimals = digits - 1 - magnitude;
  if (decimals >= 0) return toDecimals(x, decimals, mode);
  const scale = 10 ** -decimals;
  const scaled = Number((Math.abs(x) / scale).toPrecision(12));
  return Math.sign(x) * (mode === "round" ? Math.round(scaled) : Math.trunc(scaled)) * scale;
}

function sameNumber(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

function roundingMatch(answer: number, value: number): string | null {
  for (let d = 0; d <= MAX_DECIMALS; d++) {
    const rounded = toDecimals(answer, d, "round");
    const truncated = toDecimals(answer, d, "truncate");
    if (sameNumber(rounded, answer)) break; // the answer has no more decimals to lose
    const place = d === 0 ? "a whole number" : plural(d, "decimal place");
    if (sameNumber(value, rounded)) return `rounded to ${place}`;
    if (sameNumber(value, truncated)) return d === 0 ? "cut to a whole number" : `cut after ${plural(d, "decimal place")}`;
  }
  for (let s = 1; s <= MAX_SIGNIFICANT; s++) {
    const rounded = toSignificant(answer, s, "round");
    if (sameNumber(rounded, answer)) break;
    if (sameNumber(value, rounded)) return `rounded to ${plural(s, "significant figure")}`;
    if (sameNumber(value, toSignificant(answer, s, "truncate"))) return `cut to ${plural(s, "significant figure")}`;
  }
  return null;
}

/** Names the shape of one value given for a numeric checkpoint. */
export function recognizeNumericError(spec: NumericPatternSpec, value: number): NumericErrorMatch {
  const { answer, tolerance } = spec;
  const match = (shape: NumericErrorShape, detail: string | null, teacherLabel: string, studentLabel: string, misconceptionId: string | null = null) => ({
    shape,
    detail,
    misconceptionId,
    teacherLabel,
    studentLabel,
  });

  if (!Number.isFinite(value)) {
    return match("OTHER", null, SHAPE_LABELS.OTHER, "Not yet. Walk through your steps again, one at a time.");
  }
  if (withinTolerance(value, answer, tolerance)) {
    return match("CORRECT", null, SHAPE_LABELS.CORRECT, "Got it.");
  }

  const listed = (spec.wrongValues ?? []).find((w) => withinTolerance(value, w.value, tolerance));
  if (listed) {
    return match(
      "LISTED_WRONG_VALUE",
      formatNumber(listed.value),
      `${SHAPE_LABELS.LISTED_WRONG_VALUE} ${formatNumber(listed.value)}`,
      listed.feedback || "Many people reach this value on the way. Look again at the step that led you here.",
      listed.misconceptionId ?? null,
    );
  }

  // An intermediate value is allowed the answer's tolerance in proportion to its size.
  const relative = answer !== 0 ? tolerance / Math.abs(answer) : 0;
  const intermediate = (spec.intermediateValues ?? []).find((iv) =>
    withinTolerance(value, iv.value, answer !== 0 ? relative * Math.abs(iv.value) : tolerance),
  );
  if (intermediate) {
    return match(
      "INTERMEDIATE_VALUE",
      intermediate.label,
      `${SHAPE_LABELS.INTERMEDIATE_VALUE}: ${intermediate.label}`,
      `This matches a step on the way (${intermediate.label}). What is left to do from here?`,
    );
  }

  if (answer !== 0) {
    if (withinTolerance(value, -answer, tolerance)) {
      return match(
        "SIGN_ERROR",
        null,
        SHAPE_LABELS.SIGN_ERROR,
        "The size looks right. Check the sign: should it be positive or negative?",
      );
    }
    for (let p = 1; p <= MAX_POWER; p++) {
      for (const power of [p, -p]) {
        const factor = 10 ** power;
        if (withinTolerance(value, answer * factor, tolerance * factor)) {
          const detail = factorLabel(power);
          return match(
            "POWER_OF_TEN",
            detail,
            `${SHAPE_LABELS.POWER_OF_TEN} (${detail})`,
            "The digits look right. Check the units and where the decimal point goes.",
          );
        }
      }
    }
    const reciprocal = 1 / answer;
    if (withinTolerance(value, reciprocal, tolerance / (answer * answer))) {
      return match(
        "RECIPROCAL",
        null,
        `${SHAPE_LABELS.RECIPROCAL} (divided the wrong way round)`,
        "Check which quantity divides which: this looks like the division turned upside down.",
      );
    }
  }

  const rounding = roundingMatch(answer, value);
  if (rounding) {
    return match(
      "ROUNDING",
      rounding,
      `${SHAPE_LABELS.ROUNDING} (${rounding})`,
      "You're very close. Keep more decimal places until the very end.",
    );
  }

  return match("OTHER", null, SHAPE_LABELS.OTHER, "Not yet. Walk through your steps again, one at a time.");
}

export interface NumericErrorGroup extends NumericErrorMatch {
  /** Stable key of the group: the shape and its detail. */
  key: string;
  /** How many of the given values fall in this group. */
  count: number;
  /** The distinct values in the group with their counts, most common first. */
  values: Array<{ value: number; count: number }>;
  /** Positions in the input list, to find the attempts behind the group. */
  indexes: number[];
}

/** Groups wrong values by shape (and detail), most common group first. */
export function groupWrongValues(spec: NumericPatternSpec, values: ReadonlyArray<number>): NumericErrorGroup[] {
  const groups = new Map<string, NumericErrorGroup & { counts: Map<number, number> }>();
  values.forEach((value, index) => {
    const m = recognizeNumericError(spec, value);
    const key = m.detail === null ? m.shape : `${m.shape}:${m.detail}`;
    let group = groups.get(key);
    if (!group) {
      group = { ...m, key, count: 0, values: [], indexes: [], counts: new Map() };
      groups.set(key, group);
    }
    group.count++;
    group.indexes.push(index);
    group.counts.set(value, (group.counts.get(value) ?? 0) + 1);
  });
  const order = (shape: NumericErrorShape) => NUMERIC_ERROR_SHAPES.indexOf(shape);
  return [...groups.values()]
    .map(({ counts, ...group }) => ({
      ...group,
      values: [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value - b.value),
    }))
    .sort((a, b) => b.count - a.count || order(a.shape) - order(b.shape) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
