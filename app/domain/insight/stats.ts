// Small numeric and calendar helpers for the insight analysis. Pure.

/** The median of a list of numbers, or null for an empty list. Does not modify its input. */
export function median(values: readonly number[]): number | null {
  const n = values.length;
  if (n === 0) return null;
  const sorted = Float64Array.from(values).sort();
  const mid = n >> 1;
  return n % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** |A ∩ B| / |A ∪ B| from the sizes; 0 when both are empty. */
export function jaccard(both: number, sizeA: number, sizeB: number): number {
  const union = sizeA + sizeB - both;
  return union > 0 ? both / union : 0;
}

/**
 * How much more often A and B occur together than if they were independent:
 * P(A∧B) / (P(A)·P(B)) = both·n / (|A|·|B|). 1 means independent; 0 when undefined.
 */
export function lift(both: number, sizeA: number, sizeB: number, population: number): number {
  return sizeA > 0 && sizeB > 0 && population > 0 ? (both * population) / (sizeA * sizeB) : 0;
}

/** Rounds to a fixed number of decimals (for stable, readable figures). */
export function round(value: number, decimals = 3): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

/** part / whole rounded, or null when the whole is 0. */
export function share(part: number, whole: number, decimals = 3): number | null {
  return whole > 0 ? round(part / whole, decimals) : null;
}

export const DAY_MS = 86_400_000;

/** Days since 1970-01-01 (UTC) of a timestamp in milliseconds. */
export function utcDayNumber(ms: number): number {
  return Math.floor(ms / DAY_MS);
}

/** "YYYY-MM-DD" of a UTC day number. */
export function dayKey(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

/** The day number of the Monday starting the ISO week that holds a day. */
export function isoWeekStart(dayNumber: number): number {
  // 1970-01-01 was a Thursday: (day + 3) mod 7 gives 0 for Monday.
  const weekday = (((dayNumber + 3) % 7) + 7) % 7;
  return dayNumber - weekday;
}

/** ISO 8601 week key, e.g. "2025-W48", for the week that holds a day. */
export function isoWeekKey(dayNumber: number): string {
  const monday = isoWeekStart(dayNumber);
  const thursday = monday + 3; // the ISO week belongs to the year of its Thursday
  const year = new Date(thursday * DAY_MS).getUTCFullYear();
  const jan1 = utcDayNumber(Date.UTC(year, 0, 1));
  const week = Math.floor((thursday - jan1) / 7) + 1;
  return `${year}-W${String(week).padStart(2, "0")}`;
}
