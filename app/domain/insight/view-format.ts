// Words and numbers of the teacher's insight pages: durations people read at a
// glance, shares as percentages, period labels for the velocity chart. Pure.
import { plural } from "~/domain/words";
import type { VelocityBucket, VelocityGranularity } from "./velocity";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * A duration as a teacher would say it: "under a minute", "25 minutes",
 * "about 3 hours", "about 2 days", "about 3 weeks". Rounded, never falsely precise.
 */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms) || ms < 0) return "—";
  if (ms < MINUTE) return "under a minute";
  if (ms < HOUR) return plural(Math.round(ms / MINUTE), "minute");
  if (ms < DAY) {
    const hours = Math.round(ms / HOUR);
    return hours >= 24 ? "about 1 day" : `about ${plural(hours, "hour")}`;
  }
  if (ms < 14 * DAY) return `about ${plural(Math.round(ms / DAY), "day")}`;
  return `about ${plural(Math.round(ms / (7 * DAY)), "week")}`;
}

/** How long ago, for the age of a report: "12 seconds", "1 second", then as formatDuration says it. */
export function ageWords(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  return seconds < 60 ? plural(seconds, "second") : formatDuration(ms);
}

/**
 * What a page says about the report it shows (decision 015): nothing when it
 * is current; when newer work is being added in the background, how old it is
 * ("Updated 12 seconds ago — refreshing").
 */
export function reportAge(freshness: { builtAt: string; stale: boolean }, now: number): { stale: false } | { stale: true; words: string } {
  if (!freshness.stale) return { stale: false };
  return { stale: true, words: `Updated ${ageWords(now - new Date(freshness.builtAt).getTime())} ago — refreshing` };
}

/** 0.456 → "46%"; null → "—". */
export function formatShare(share: number | null | undefined): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return "—";
  return `${Math.round(share * 100)}%`;
}

/** "1", "1.5": a median without trailing zeros; null → "—". */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

const DAY_FORMAT = new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" });
const SHORT_FORMAT = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });

/** The x-axis label of a velocity bucket: "Mon 24 Nov" or "Wk of 24 Nov". */
export function periodLabel(bucket: Pick<VelocityBucket, "start">, granularity: VelocityGranularity): string {
  const date = new Date(bucket.start);
  return granularity === "day" ? DAY_FORMAT.format(date) : `Wk of ${SHORT_FORMAT.format(date)}`;
}

/** Reads the velocity period from a query value; anything else is "day". */
export function parseGranularity(value: string | null | undefined): VelocityGranularity {
  return value === "week" ? "week" : "day";
}

/** A confidence rating in words: 1 unsure … 5 very confident. */
export function confidenceWords(confidence: number): string {
  return ["", "unsure", "a little unsure", "fairly sure", "confident", "very confident"][confidence] ?? `${confidence} of 5`;
}
