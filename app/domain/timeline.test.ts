import { describe, expect, it } from "vitest";
import { groupByDay, neighbours } from "~/domain/timeline";

describe("groupByDay", () => {
  it("orders items oldest first and groups them by UTC day", () => {
    const items = [
      { id: "b", at: new Date("2026-11-25T10:00:00Z") },
      { id: "c", at: new Date("2026-11-26T00:30:00Z") },
      { id: "a", at: new Date("2026-11-25T09:00:00Z") },
      { id: "a2", at: new Date("2026-11-25T09:00:00Z") },
    ];
    const days = groupByDay(items);
    expect(days.map((d) => d.key)).toEqual(["2026-11-25", "2026-11-26"]);
    expect(days[0].label).toMatch(/^Wednesday,? 25 November 2026$/);
    expect(days[0].items.map((i) => i.id)).toEqual(["a", "a2", "b"]);
    expect(days[1].items.map((i) => i.id)).toEqual(["c"]);
  });
});

describe("neighbours", () => {
  it("finds the previous and next student", () => {
    const list = [{ id: "1" }, { id: "2" }, { id: "3" }];
    expect(neighbours(list, "1")).toEqual({ previous: null, next: { id: "2" }, position: 1 });
    expect(neighbours(list, "2")).toEqual({ previous: { id: "1" }, next: { id: "3" }, position: 2 });
    expect(neighbours(list, "9")).toEqual({ previous: null, next: null, position: null });
  });
});
