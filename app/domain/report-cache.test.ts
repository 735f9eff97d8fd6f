import { describe, expect, it } from "vitest";
import { ByteLru, covers, estimateBytes, planView, replaces, type CachedReport, type VersionStamp } from "./report-cache";

const entry = (stamp: VersionStamp, attempts = 10, builtAt = 0): CachedReport<string> => ({ stamp, builtAt, buildMs: 5, attempts, bytes: 10, value: "report" });
const policy = { backgroundFromAttempts: 1000 };

describe("planView", () => {
  it("builds when nothing is cached", () => {
    expect(planView(undefined, { version: 3, deletions: 0 }, policy, false)).toEqual({ kind: "build" });
  });

  it("shows the cached report while its version is the current one", () => {
    expect(planView(entry({ version: 3, deletions: 1 }), { version: 3, deletions: 1 }, policy, false)).toEqual({ kind: "hit" });
  });

  it("rebuilds a small project before showing it, whatever the change", () => {
    expect(planView(entry({ version: 3, deletions: 0 }, 999), { version: 4, deletions: 0 }, policy, false)).toEqual({ kind: "build" });
    expect(planView(entry({ version: 3, deletions: 0 }, 999), { version: 4, deletions: 0 }, policy, true)).toEqual({ kind: "build" });
  });

  it("shows a large project's last report while one rebuild runs, after writes that only added or changed rows", () => {
    expect(planView(entry({ version: 3, deletions: 0 }, 1000), { version: 9, deletions: 0 }, policy, false)).toEqual({ kind: "stale", refresh: true });
    // A rebuild is already running: this view starts none.
    expect(planView(entry({ version: 3, deletions: 0 }, 1000), { version: 9, deletions: 0 }, policy, true)).toEqual({ kind: "stale", refresh: false });
  });

  it("never shows a report from before a deletion, however large the project", () => {
    expect(planView(entry({ version: 3, deletions: 0 }, 50_000), { version: 4, deletions: 1 }, policy, false)).toEqual({ kind: "build" });
    expect(planView(entry({ version: 3, deletions: 0 }, 50_000), { version: 4, deletions: 1 }, policy, true)).toEqual({ kind: "build" });
  });

  it("does not trust a cached version ahead of the database (a restored or replaced database): rebuilds", () => {
    expect(planView(entry({ version: 12, deletions: 0 }, 50_000), { version: 4, deletions: 0 }, policy, false)).toEqual({ kind: "build" });
  });

  it("with a threshold of 0 every stale report is refreshed in the background, and with Infinity none is", () => {
    expect(planView(entry({ version: 1, deletions: 0 }, 0), { version: 2, deletions: 0 }, { backgroundFromAttempts: 0 }, false).kind).toBe("stale");
    expect(planView(entry({ version: 1, deletions: 0 }, 1e9), { version: 2, deletions: 0 }, { backgroundFromAttempts: Infinity }, false).kind).toBe("build");
  });
});

describe("replaces and covers", () => {
  it("keeps the build that read its version last: an older build finishing late does not replace a newer report", () => {
    expect(replaces(undefined, 1)).toBe(true);
    expect(replaces(entry({ version: 5, deletions: 0 }, 10, 1000), 1001)).toBe(true);
    expect(replaces(entry({ version: 5, deletions: 0 }, 10, 1000), 1000)).toBe(true);
    expect(replaces(entry({ version: 5, deletions: 0 }, 10, 1000), 999)).toBe(false);
  });

  it("a view joins a running build only if that build read a version at least as new as the view's", () => {
    expect(covers({ version: 5, deletions: 0 }, { version: 5, deletions: 0 })).toBe(true);
    expect(covers({ version: 6, deletions: 1 }, { version: 5, deletions: 0 })).toBe(true);
    expect(covers({ version: 4, deletions: 0 }, { version: 5, deletions: 0 })).toBe(false);
  });
});

describe("ByteLru", () => {
  it("drops the least recently used entries to stay within its bytes", () => {
    const lru = new ByteLru<string>(100);
    lru.set("a", "A", 40);
    lru.set("b", "B", 40);
    expect(lru.get("a")).toBe("A"); // a is now the most recently used
    lru.set("c", "C", 40);
    expect(lru.get("b")).toBeUndefined();
    expect(lru.get("a")).toBe("A");
    expect(lru.get("c")).toBe("C");
    expect(lru.bytes).toBe(80);
    expect(lru.size).toBe(2);
  });

  it("replaces an entry under the same key, counting its new size", () => {
    const lru = new ByteLru<string>(100);
    lru.set("a", "A1", 60);
    lru.set("a", "A2", 30);
    expect(lru.get("a")).toBe("A2");
    expect(lru.bytes).toBe(30);
  });

  it("does not keep an entry larger than the whole budget, and keeps the others", () => {
    const lru = new ByteLru<string>(100);
    lru.set("a", "A", 50);
    expect(lru.set("huge", "H", 101)).toBe(false);
    expect(lru.get("huge")).toBeUndefined();
    expect(lru.get("a")).toBe("A");
  });

  it("deletes by key and by a test on the keys", () => {
    const lru = new ByteLru<string>(1000);
    lru.set("p1|groups", "x", 10);
    lru.set("p1|plain", "y", 10);
    lru.set("p2|plain", "z", 10);
    lru.deleteWhere((k) => k.startsWith("p1|"));
    expect([lru.get("p1|groups"), lru.get("p1|plain"), lru.get("p2|plain")]).toEqual([undefined, undefined, "z"]);
    lru.delete("p2|plain");
    expect(lru.size).toBe(0);
    expect(lru.bytes).toBe(0);
  });
});

describe("estimateBytes", () => {
  it("counts two bytes a character of the JSON", () => {
    expect(estimateBytes({ a: "xyz" })).toBe(JSON.stringify({ a: "xyz" }).length * 2);
  });
});
