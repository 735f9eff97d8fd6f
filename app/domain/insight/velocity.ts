// Learning velocity over time, per UTC day or ISO week: attempts made, the share
// of "not yet" that the student later turned into a got-it, and how many
// attempts the got-its reached in that period needed. Pure.
import type { Prepared, PreparedAttempt } from "./prepare";
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

interface Acc {
  start: number;
  attempts: number;
  students: number;
  notYet: number;
  resolved: number;
  gotItNumbers: number[];
}

function bucket(buckets: Map<number, Acc>, start: number): Acc {
  let acc = buckets.get(start);
  if (!acc) {
    acc = { start, attempts: 0, students: 0, notYet: 0, resolved: 0, gotItNumbers: [] };
    buckets.set(start, acc);
  }
  return acc;
}

function tally(acc: Acc, a: PreparedAttempt) {
  acc.attempts++;
  if (a.outcome === "NOT_YET") acc.notYet++;
  if (a.resolvedLater) acc.resolved++;
  if (a.firstGotIt) acc.gotItNumbers.push(a.number);
}

function series(buckets: Map<number, Acc>, granularity: VelocityGranularity): VelocityBucket[] {
  if (buckets.size === 0) return [];
  let first = Infinity;
  let last = -Infinity;
  for (const start of buckets.keys()) {
    if (start < first) first = start;
    if (start > last) last = start;
  }
  const step = granularity === "day" ? 1 : 7;
  const result: VelocityBucket[] = [];
  for (let start = first; start <= last; start += step) {
    const acc = buckets.get(start);
    result.push({
      key: granularity === "day" ? dayKey(start) : isoWeekKey(start),
      start: new Date(start * DAY_MS).toISOString(),
      attempts: acc?.attempts ?? 0,
      students: acc?.students ?? 0,
      notYet: acc?.notYet ?? 0,
      notYetLaterResolved: acc?.resolved ?? 0,
      shareNotYetResolved: acc ? share(acc.resolved, acc.notYet) : null,
      gotIts: acc?.gotItNumbers.length ?? 0,
      medianAttemptsToGotIt: acc ? median(acc.gotItNumbers) : null,
    });
  }
  return result;
}

/**
 * Buckets every attempt by UTC day and by ISO week, in one pass; empty periods
 * between the first and the last attempt are included, so a chart's x-axis is
 * continuous.
 */
export function learningVelocities(prepared: Prepared): Record<VelocityGranularity, VelocityBucket[]> {
  const days = new Map<number, Acc>();
  const weeks = new Map<number, Acc>();
  // Attempts come oldest first, so periods only move forward: a student is new
  // to a period when their previous attempt was in an earlier one.
  const lastPeriod = new Map<string, { day: number; week: number }>();
  let day: Acc | undefined;
  let week: Acc | undefined;
  for (const a of prepared.attempts) {
    const dayNumber = utcDayNumber(a.at);
    if (day?.start !== dayNumber) day = bucket(days, dayNumber);
    const weekStart = isoWeekStart(dayNumber);
    if (week?.start !== weekStart) week = bucket(weeks, weekStart);
    let seen = lastPeriod.get(a.studentId);
    if (!seen) {
      seen = { day: NaN, week: NaN };
      lastPeriod.set(a.studentId, seen);
    }
    if (seen.day !== dayNumber) {
      seen.day = dayNumber;
      day.students++;
    }
    if (seen.week !== weekStart) {
      seen.week = weekStart;
      week.students++;
    }
    tally(day, a);
    tally(week, a);
  }
  return { day: series(days, "day"), week: series(weeks, "week") };
}

/** The velocity series for one granularity (see learningVelocities). */
export function learningVelocity(prepared: Prepared, granularity: VelocityGranularity): VelocityBucket[] {
  return learningVelocities(prepared)[granularity];
}
