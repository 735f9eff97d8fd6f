import { describe, expect, it } from "vitest";
import { moveInOrder, nextPosition, positionUpdates } from "~/domain/checkpoint-order";

describe("moveInOrder", () => {
  it("swaps with the neighbour", () => {
    expect(moveInOrder(["a", "b", "c"], "b", "up")).toEqual(["b", "a", "c"]);
    expect(moveInOrder(["a", "b", "c"], "b", "down")).toEqual(["a", "c", "b"]);
  });

  it("refuses to move past the ends or an unknown id", () => {
    expect(moveInOrder(["a", "b"], "a", "up")).toBeNull();
    expect(moveInOrder(["a", "b"], "b", "down")).toBeNull();
    expect(moveInOrder(["a", "b"], "x", "up")).toBeNull();
  });
});

describe("positionUpdates", () => {
  it("numbers 1..n and only lists what changes", () => {
    expect(
      positionUpdates([
        { id: "a", position: 1 },
        { id: "c", position: 3 },
        { id: "b", position: 2 },
      ]),
    ).toEqual([
      { id: "c", position: 2 },
      { id: "b", position: 3 },
    ]);
  });
});

describe("nextPosition", () => {
  it("goes after the last one", () => {
    expect(nextPosition([])).toBe(1);
    expect(nextPosition([3, 1, 7])).toBe(8);
  });
});
