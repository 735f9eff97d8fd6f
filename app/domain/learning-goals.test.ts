import { describe, expect, it } from "vitest";
import { dateFieldValue, describeNote, goalCounts, isPastTarget, orderGoals, parseTargetDate } from "./learning-goals";

const now = new Date(Date.UTC(2026, 11, 3, 10, 0));

describe("target dates", () => {
  it("reads a day as midnight UTC, and an empty field as none", () => {
    expect(parseTargetDate("2027-03-15", now)).toEqual({ ok: true, date: new Date(Date.UTC(2027, 2, 15)) });
    expect(parseTargetDate("  ", now)).toEqual({ ok: true, date: null });
    expect(parseTargetDate(undefined, now)).toEqual({ ok: true, date: null });
    expect(dateFieldValue(new Date(Date.UTC(2027, 2, 15)))).toBe("2027-03-15");
  });

  it("refuses days that do not exist and other shapes, with a message that says how to write one", () => {
    for (const bad of ["2027-02-30", "15/03/2027", "2027-3-5", "tomorrow"]) {
      const result = parseTargetDate(bad, now);
      expect(result.ok, bad).toBe(false);
      if (!result.ok) expect(result.message).toMatch(/year-month-day/);
    }
  });

  it("takes today and yesterday (time zones), refuses earlier days and more than two years ahead", () => {
    expect(parseTargetDate("2026-12-03", now).ok).toBe(true);
    expect(parseTargetDate("2026-12-02", now).ok).toBe(true);
    expect(parseTargetDate("2026-12-01", now)).toEqual({ ok: false, message: "Choose a day from today on, or leave the date empty." });
    expect(parseTargetDate("2028-12-03", now).ok).toBe(true);
    expect(parseTargetDate("2028-12-04", now).ok).toBe(false);
  });
});

describe("the list of goals", () => {
  const goal = (id: string, status: string, targetDate: string | null, createdAt: string) => ({ id, status, targetDate: targetDate ? new Date(targetDate) : null, createdAt: new Date(createdAt) });

  it("puts goals being worked on first, nearest target first, then reached, then let go", () => {
    const ordered = orderGoals([
      goal("let-go", "LET_GO", null, "2026-12-02"),
      goal("no-date", "WORKING", null, "2026-12-01"),
      goal("reached", "REACHED", null, "2026-12-01"),
      goal("soon", "WORKING", "2026-12-10", "2026-11-01"),
      goal("later", "WORKING", "2027-01-10", "2026-12-02"),
    ]);
    expect(ordered.map((g) => g.id)).toEqual(["soon", "later", "no-date", "reached", "let-go"]);
  });

  it("notices a goal still worked on past its day, and only that", () => {
    expect(isPastTarget({ status: "WORKING", targetDate: new Date("2026-12-02") }, now)).toBe(true);
    expect(isPastTarget({ status: "WORKING", targetDate: new Date("2026-12-03") }, now)).toBe(false);
    expect(isPastTarget({ status: "REACHED", targetDate: new Date("2026-12-01") }, now)).toBe(false);
    expect(isPastTarget({ status: "WORKING", targetDate: null }, now)).toBe(false);
  });

  it("counts goals by status and describes each note", () => {
    expect(goalCounts([{ status: "WORKING" }, { status: "WORKING" }, { status: "REACHED" }, { status: "odd" }])).toEqual({ WORKING: 2, REACHED: 1, LET_GO: 0 });
    expect(describeNote({ role: "STUDENT", status: "REACHED", body: "" }, "")).toBe("You marked it “Reached”.");
    expect(describeNote({ role: "TEACHER", status: null, body: "Nice" }, "Ms Rivera")).toBe("Ms Rivera commented");
    expect(describeNote({ role: "STUDENT", status: null, body: "Tried it" }, "")).toBe("You added a note");
  });
});
