import { describe, expect, it } from "vitest";
import { dayKey, isoWeekKey, isoWeekStart, jaccard, lift, median, round, share, utcDayNumber } from "./stats";

describe("median", () => {
  it("is null for nothing, the middle value for an odd count and the mean of the two middle ones for an even count", () => {
    expect(median([])).toBeNull();
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([10, 2])).toBe(6); // numeric order, not string order
  });

  it("leaves its input alone", () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe("jaccard and lift", () => {
  it("computes overlap over union, and co-occurrence against chance", () => {
    expect(jaccard(1, 2, 1)).toBe(0.5);
    expect(jaccard(0, 0, 0)).toBe(0);
    // 10 students, A in 4, B in 5, both in 2: independent (2 = 10·0.4·0.5)
    expect(lift(2, 4, 5, 10)).toBe(1);
    expect(lift(4, 4, 5, 10)).toBe(2);
    expect(lift(1, 0, 5, 10)).toBe(0);
  });
});

describe("round and share", () => {
  it("rounds to decimals and gives null for an empty whole", () => {
    expect(round(1 / 3)).toBe(0.333);
    expect(round(2 / 3, 1)).toBe(0.7);
    expect(share(1, 3)).toBe(0.333);
    expect(share(1, 0)).toBeNull();
  });
});

describe("calendar keys", () => {
  it("gives UTC days and ISO weeks, including weeks that straddle a new year", () => {
    const monday = utcDayNumber(Date.UTC(2025, 10, 24, 23, 59));
    expect(dayKey(monday)).toBe("2025-11-24");
    expect(isoWeekKey(monday)).toBe("2025-W48");
    expect(dayKey(isoWeekStart(utcDayNumber(Date.UTC(2025, 10, 30))))).toBe("2025-11-24"); // Sunday → its Monday
    expect(isoWeekKey(utcDayNumber(Date.UTC(2024, 11, 30)))).toBe("2025-W01"); // Monday 30 Dec 2024
    expect(isoWeekKey(utcDayNumber(Date.UTC(2021, 0, 3)))).toBe("2020-W53"); // Sunday 3 Jan 2021
    expect(isoWeekKey(utcDayNumber(Date.UTC(2026, 0, 1)))).toBe("2026-W01");
    expect(dayKey(isoWeekStart(utcDayNumber(Date.UTC(1969, 11, 31))))).toBe("1969-12-29"); // before the epoch
  });
});
