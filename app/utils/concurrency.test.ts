import { describe, expect, it } from "vitest";
import { mapWithConcurrency } from "./concurrency";

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("mapWithConcurrency", () => {
  it("keeps the items' order and never runs more than the limit at once", async () => {
    let running = 0;
    let most = 0;
    const out = await mapWithConcurrency([5, 1, 4, 2, 3, 0, 2], 3, async (n, i) => {
      running++;
      most = Math.max(most, running);
      await tick(n);
      running--;
      return `${i}:${n}`;
    });
    expect(out).toEqual(["0:5", "1:1", "2:4", "3:2", "4:3", "5:0", "6:2"]);
    expect(most).toBe(3);
  });

  it("handles an empty list and a limit above the list's length", async () => {
    expect(await mapWithConcurrency([], 4, async () => 1)).toEqual([]);
    expect(await mapWithConcurrency([1, 2], 10, async (n) => n * 2)).toEqual([2, 4]);
  });

  it("rejects with the first failure and starts nothing new after it", async () => {
    const started: number[] = [];
    await expect(
      mapWithConcurrency([1, 2, 3, 4, 5, 6], 2, async (n) => {
        started.push(n);
        await tick(1);
        if (n === 2) throw new Error("no");
        return n;
      }),
    ).rejects.toThrow("no");
    await tick(20);
    expect(started.length).toBeLessThan(6);
  });

  it("refuses a limit below one", async () => {
    await expect(mapWithConcurrency([1], 0, async (n) => n)).rejects.toThrow("at least 1");
  });
});
