import { describe, expect, it } from "vitest";
import { confidenceWords, formatDuration, formatNumber, formatShare, parseGranularity, periodLabel, reportAge } from "./view-format";

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe("formatDuration", () => {
  it("reads like a teacher would say it, rounded", () => {
    expect(formatDuration(null)).toBe("—");
    expect(formatDuration(-5)).toBe("—");
    expect(formatDuration(30_000)).toBe("under a minute");
    expect(formatDuration(MIN)).toBe("1 minute");
    expect(formatDuration(25 * MIN + 10_000)).toBe("25 minutes");
    expect(formatDuration(3 * HOUR + 10 * MIN)).toBe("about 3 hours");
    expect(formatDuration(23.7 * HOUR)).toBe("about 1 day");
    expect(formatDuration(2 * DAY + 3 * HOUR)).toBe("about 2 days");
    expect(formatDuration(20 * DAY)).toBe("about 3 weeks");
  });
});

describe("numbers and words", () => {
  it("formats shares, medians, plurals and confidence", () => {
    expect(formatShare(0.456)).toBe("46%");
    expect(formatShare(null)).toBe("—");
    expect(formatNumber(1.5)).toBe("1.5");
    expect(formatNumber(2)).toBe("2");
    expect(formatNumber(null)).toBe("—");
    expect(confidenceWords(1)).toBe("unsure");
    expect(confidenceWords(5)).toBe("very confident");
  });

  it("labels velocity periods by day or week and reads the period from the query", () => {
    expect(periodLabel({ start: "2025-11-24T00:00:00.000Z" }, "day")).toBe("Mon 24 Nov");
    expect(periodLabel({ start: "2025-11-24T00:00:00.000Z" }, "week")).toBe("Wk of 24 Nov");
    expect(parseGranularity("week")).toBe("week");
    expect(parseGranularity("day")).toBe("day");
    expect(parseGranularity("fortnight")).toBe("day");
    expect(parseGranularity(null)).toBe("day");
  });
});

describe("reportAge", () => {
  const builtAt = "2026-12-03T10:00:00.000Z";
  const at = (seconds: number) => Date.parse(builtAt) + seconds * 1000;

  it("says nothing about a current report", () => {
    expect(reportAge({ builtAt, stale: false }, at(500))).toEqual({ stale: false });
  });

  it("says how old a report being refreshed is, in seconds and then as a duration", () => {
    expect(reportAge({ builtAt, stale: true }, at(12))).toEqual({ stale: true, words: "Updated 12 seconds ago — refreshing" });
    expect(reportAge({ builtAt, stale: true }, at(1))).toEqual({ stale: true, words: "Updated 1 second ago — refreshing" });
    expect(reportAge({ builtAt, stale: true }, at(-2))).toEqual({ stale: true, words: "Updated 0 seconds ago — refreshing" });
    expect(reportAge({ builtAt, stale: true }, at(25 * 60))).toEqual({ stale: true, words: "Updated 25 minutes ago — refreshing" });
  });
});
