import { describe, expect, it } from "vitest";
import { attemptsLeft, cellState, describeCell, effectiveOutcome } from "~/domain/progress";

const at = (minutes: number) => new Date(Date.UTC(2026, 10, 1, 9, minutes));

describe("effectiveOutcome", () => {
  it("uses the auto-checked outcome when there is one", () => {
    expect(effectiveOutcome({ number: 1, createdAt: at(0), outcome: "NOT_YET" })).toBe("NOT_YET");
  });
  it("lets the latest teacher mark win over the student's self-assessment", () => {
    const attempt = {
      number: 1,
      createdAt: at(0),
      outcome: null,
      reviews: [
        { role: "SELF", verdict: "GOT_IT", createdAt: at(1) },
        { role: "TEACHER", verdict: "NOT_YET", createdAt: at(2) },
        { role: "SELF", verdict: "GOT_IT", createdAt: at(3) },
      ],
    };
    expect(effectiveOutcome(attempt)).toBe("NOT_YET");
  });
  it("is null until a short-text attempt is assessed", () => {
    expect(effectiveOutcome({ number: 1, createdAt: at(0), outcome: null, reviews: [] })).toBeNull();
  });
});

describe("cellState", () => {
  it("is not started without attempts", () => {
    expect(describeCell(cellState([]))).toBe("Not started");
  });
  it("counts not-yet attempts", () => {
    const cell = cellState([
      { number: 2, createdAt: at(5), outcome: "NOT_YET" },
      { number: 1, createdAt: at(1), outcome: "NOT_YET" },
    ]);
    expect(cell).toMatchObject({ status: "NOT_YET", attempts: 2, lastAttemptAt: at(5) });
    expect(describeCell(cell)).toBe("Not yet · 2 attempts");
  });
  it("reports after how many attempts it was got, even with later attempts", () => {
    const cell = cellState([
      { number: 1, createdAt: at(1), outcome: "NOT_YET" },
      { number: 2, createdAt: at(2), outcome: "GOT_IT" },
      { number: 3, createdAt: at(3), outcome: "NOT_YET" },
    ]);
    expect(cell).toMatchObject({ status: "GOT_IT", gotItAfter: 2, attempts: 3 });
    expect(describeCell(cell)).toBe("Got it after 2 attempts");
  });
  it("waits for a check when the last short-text attempt has no verdict", () => {
    expect(cellState([{ number: 1, createdAt: at(1), outcome: null, reviews: [] }]).status).toBe("SUBMITTED");
  });
});

describe("attemptsLeft", () => {
  it("is unlimited without a cap", () => expect(attemptsLeft(null, 40)).toBeNull());
  it("never goes below zero", () => expect(attemptsLeft(3, 5)).toBe(0));
  it("counts down", () => expect(attemptsLeft(3, 1)).toBe(2));
});
