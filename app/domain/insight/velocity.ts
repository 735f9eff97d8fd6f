// Learning velocity over time, per UTC day or ISO week: attempts made, the share
// of "not yet" that the student later turned into a got-it, and how many
// attempts the got-its reached in that period needed. Pure.
import type { Prepared } from "./prepare";
import { DAY_MS, dayKey, isoWeekKey, isoWeekStart, median, share, utcDayNumber } from "./stats";
import type { IsoDate } from "./types";

export type VelocityGranularity = "day" | "week";

export interface VelocityBucket {
  /** "2025-11-24" (day) or "2025-W48" (ISO week). */
  key: string;
  /** First day of the period (UTC). */
  start: IsoDate;
  attempts: number;
  /** Students who made an attempt in the period. */
  students: number;
  notYet: number;
  /** "Not yet" attempts of the period that were followed by a got-it on the same checkpoint. */
  notYetLaterResolved: number;
  /** notYetLaterResolved / notYet, null without "not yet". */
  shareNotYetResolved: number | null;
  /** First got-its on a checkpoint reached in the period. */
  gotIts: number;
  /** Median attempt number of those got-its. */
  medianAttemptsToGotIt: number | null;
}

/**
 * Buckets every attempt by day or ISO week; empty periods between the first and
 * the last attempt are included, so a chart's x-axis is continuous.
 */
export function learningVelocity(prepared: Prepared, granularity: VelocityGranularity): VelocityBucket[] {
  interface Acc {
    start: number;
    attempts: number;
    students: Set<string>;
    notYet: number;
    resolved: number;
    gotItNumbers: number[];
  }
  const buckets = new Map<number, Acc>();
  const bucketOf = (at: number) => {
    const day = utcDayNumber(at);
    const start = granularity === "day" ? day : isoWeekStart(day);
    let acc = buckets.get(start);
    if (!acc) {
      acc = { start, attempts: 0, students: new Set(), notYet: 0, resolved: 0, gotItNumbers: [] };
      buckets.set(start, acc);
    }
    return acc;
  };
  for (const byStudent of prepared.pathsByCheckpoint.values()) {
    for (const path of byStudent.values()) {
      const lastGotItNumber = path.lastGotIt >= 0 ? path.attempts[path.lastGotIt].number : -Infinity;
      path.attempts.forEach((a, index) => {
        const acc = bucketOf(a.at);
        acc.attempts++;
        acc.students.add(a.studentId);
        if (a.outcome === "NOT_YET") {
          acc.notYet++;
          if (lastGotItNumber > a.number) acc.resolved++;
        }
        if (index === path.firstGotIt) acc.gotItNumbers.push(a.number);
      });
    }
  }
  if (buckets.size === 0) return [];
  const starts = [...buckets.keys()];
  const first = Math.min(...starts);
  const last = Math.max(...starts);
  const step = granularity === "day" ? 1 : 7;
  const result: VelocityBucket[] = [];
  for (let start = first; start <= last; start += step) {
    const acc = buckets.get(start);
    result.push({
      key: granularity === "day" ? dayKey(start) : isoWeekKey(start),
      start: new Date(start * DAY_MS).toISOString(),
      attempts: acc?.attempts ?? 0,
      students: acc?.students.size ?? 0,
      notYet: acc?.notYet ?? 0,
      notYetLaterResolved: acc?.resolved ?? 0,
      shareNotYetResolved: acc ? share(acc.resolved, acc.notYet) : null,
      gotIts: acc?.gotItNumbers.length ?? 0,
      medianAttemptsToGotIt: acc ? median(acc.gotItNumbers) : null,
    });
  }
  return result;
}
