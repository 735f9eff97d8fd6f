import { describe, expect, it } from "vitest";
import { buildProgressGrid, cellParts, describeAge, formatMedian, gridPage, median, orderStudents, type GridAttempt } from "~/domain/progress-grid";

const t = (minutes: number) => new Date(Date.UTC(2026, 10, 25, 9, minutes));
const checkpoints = [
  { id: "c1", title: "Choice", kind: "MULTIPLE_CHOICE" },
  { id: "c2", title: "Text", kind: "SHORT_TEXT" },
];

function attempt(studentId: string, checkpointId: string, number: number, outcome: string | null, id = `${studentId}-${checkpointId}-${number}`): GridAttempt {
  return { id, studentId, checkpointId, number, outcome, createdAt: t(number) };
}

describe("buildProgressGrid", () => {
  const students = [
    { id: "s-zoe", name: "Zoe", removed: false },
    { id: "s-ada", name: "ada", removed: false },
    { id: "s-ben", name: "Ben", removed: false },
    { id: "s-gone", name: "Gone with work", removed: true },
    { id: "s-gone2", name: "Gone without work", removed: true },
  ];
  const grid = buildProgressGrid({
    students,
    checkpoints,
    attempts: [
      attempt("s-ada", "c1", 1, "NOT_YET"),
      attempt("s-ada", "c1", 2, "NOT_YET"),
      attempt("s-ada", "c1", 3, "GOT_IT"),
      attempt("s-ben", "c1", 2, "NOT_YET"),
      attempt("s-ben", "c1", 1, "NOT_YET"),
      attempt("s-zoe", "c1", 1, "GOT_IT"),
      attempt("s-zoe", "c2", 1, null, "zoe-text"),
      attempt("s-ada", "c2", 1, null, "ada-text"),
      attempt("s-gone", "c1", 1, "GOT_IT"),
      attempt("s-nobody", "c1", 1, "GOT_IT"),
    ],
    reviews: [
      { attemptId: "ada-text", role: "TEACHER", verdict: "NOT_YET", createdAt: t(30) },
      { attemptId: "ada-text", role: "SELF", verdict: "GOT_IT", createdAt: t(5) },
    ],
    supportRequests: [
      { studentId: "s-ben", askedAt: t(20) },
      { studentId: "s-ben", askedAt: t(10) },
      { studentId: "s-gone", askedAt: t(40) },
    ],
  });

  it("lists active students by name, then removed students who have work", () => {
    expect(grid.activeRows.map((r) => r.student.name)).toEqual(["ada", "Ben", "Zoe"]);
    expect(grid.removedRows.map((r) => r.student.name)).toEqual(["Gone with work"]);
  });

  it("gives each cell its state and readable text", () => {
    const [ada, ben, zoe] = grid.activeRows;
    expect(ada.cells.map((c) => c.text)).toEqual(["Got it after 3 attempts", "Not yet · 1 attempt"]);
    expect(ben.cells.map((c) => c.text)).toEqual(["Not yet · 2 attempts", "Not started"]);
    expect(zoe.cells.map((c) => c.text)).toEqual(["Got it after 1 attempt", "Waiting for a check · 1 attempt"]);
  });

  it("counts open support requests with the oldest", () => {
    const ben = grid.activeRows[1];
    expect(ben.support).toEqual({ open: 2, oldestAskedAt: t(10) });
    expect(grid.activeRows[0].support).toEqual({ open: 0, oldestAskedAt: null });
    expect(grid.openSupportTotal).toBe(3);
  });

  it("summarises each checkpoint over active students", () => {
    expect(grid.summaries[0]).toEqual({ checkpointId: "c1", gotIt: 2, notYet: 1, waiting: 0, notStarted: 0, medianAttemptsToGotIt: 2 });
    expect(grid.summaries[1]).toEqual({ checkpointId: "c2", gotIt: 0, notYet: 1, waiting: 1, notStarted: 1, medianAttemptsToGotIt: null });
  });
});

describe("helpers", () => {
  it("computes medians", () => {
    expect(median([])).toBeNull();
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(formatMedian(2.5)).toBe("2.5");
    expect(formatMedian(2)).toBe("2");
    expect(formatMedian(null)).toBe("—");
  });

  it("describes how long a request has waited", () => {
    const now = t(0);
    expect(describeAge(now, now)).toBe("just now");
    expect(describeAge(new Date(now.getTime() - 60_000), now)).toBe("1 minute");
    expect(describeAge(new Date(now.getTime() - 3 * 3_600_000), now)).toBe("3 hours");
    expect(describeAge(new Date(now.getTime() - 49 * 3_600_000), now)).toBe("2 days");
    expect(describeAge(new Date(now.getTime() + 60_000), now)).toBe("just now");
  });

  it("splits a cell into a headline and a detail", () => {
    expect(cellParts({ status: "NOT_STARTED", attempts: 0 })).toEqual({ headline: "Not started", detail: "" });
    expect(cellParts({ status: "GOT_IT", attempts: 4, gotItAfter: 2 })).toEqual({ headline: "Got it", detail: "after 2 attempts" });
    expect(cellParts({ status: "NOT_YET", attempts: 1 })).toEqual({ headline: "Not yet", detail: "1 attempt" });
  });

  it("orders students the same way everywhere", () => {
    const list = [
      { id: "1", name: "Émile", removed: false },
      { id: "2", name: "adam", removed: false },
      { id: "3", name: "Bea", removed: true },
    ];
    expect(orderStudents(list, () => true).map((s) => s.id)).toEqual(["2", "1", "3"]);
    expect(orderStudents(list, () => false).map((s) => s.id)).toEqual(["2", "1"]);
  });
});

describe("gridPage", () => {
  const active = Array.from({ length: 130 }, (_, i) => `a${i}`);
  const removed = ["r0", "r1", "r2"];

  it("shows a class that fits on one page whole", () => {
    const { active: a, removed: r, info } = gridPage(active.slice(0, 20), removed, null);
    expect([a.length, r.length]).toEqual([20, 3]);
    expect(info).toEqual({ page: 1, pages: 1, first: 1, last: 23, total: 23 });
  });

  it("pages active students first, then removed ones, without losing or repeating a row", () => {
    const seen: string[] = [];
    for (let p = 1; p <= 3; p++) {
      const { active: a, removed: r, info } = gridPage(active, removed, String(p));
      expect(info.pages).toBe(3);
      seen.push(...a, ...r);
      if (p === 3) expect(info).toEqual({ page: 3, pages: 3, first: 121, last: 133, total: 133 });
    }
    expect(seen).toEqual([...active, ...removed]);
  });

  it("clamps a page out of range or unreadable, and shows every row for 'all'", () => {
    expect(gridPage(active, removed, "99").info.page).toBe(3);
    expect(gridPage(active, removed, "0").info.page).toBe(1);
    expect(gridPage(active, removed, "x").info.page).toBe(1);
    const all = gridPage(active, removed, "all");
    expect([all.active.length, all.removed.length, all.info.page]).toEqual([130, 3, 0]);
  });

  it("answers an empty class with one empty page", () => {
    expect(gridPage([], [], null).info).toEqual({ page: 1, pages: 1, first: 0, last: 0, total: 0 });
  });
});
