import { describe, expect, it } from "vitest";
import { indexEpisodes, timeToRecover } from "./episodes";
import { prepare } from "./prepare";
import { testClass } from "./test-class";

const p = prepare(testClass());
const episodes = indexEpisodes(p);
const find = (m: string, s: string, c: string) =>
  episodes.all.find((e) => e.misconceptionId === m && e.studentId === s && e.checkpointId === c)!;

describe("indexEpisodes", () => {
  it("gives one episode per student, checkpoint and misconception shown", () => {
    const keys = episodes.all.map((e) => `${e.misconceptionId}/${e.studentId}/${e.checkpointId}`).sort();
    expect(keys).toEqual(["m1/ben/c1", "m1/will/c2", "m2/ana/c1", "m2/dee/c1", "m3/ben/c1", "m3/ben/c3"]);
    expect(episodes.byMisconception.get("m3")).toHaveLength(2);
    expect([...episodes.byStudent.get("ben")!.keys()].sort()).toEqual(["m1", "m3"]);
    expect(episodes.byStudent.has("ana")).toBe(true);
  });

  it("collects the tagged attempts and the got-it that followed the last of them", () => {
    const ana = find("m2", "ana", "c1");
    expect(ana.attempts.map((a) => a.id)).toEqual(["a1"]);
    expect(ana.gotIt?.id).toBe("a2");
    const ben = find("m3", "ben", "c1");
    expect(ben.attempts.map((a) => a.id)).toEqual(["b2", "b3"]);
    expect(ben.gotIt).toBeNull();
    expect(find("m3", "ben", "c3").gotIt?.id).toBe("b6");
  });
});

describe("timeToRecover", () => {
  it("measures from the first not-yet on the checkpoint to the got-it, and is null while unresolved", () => {
    expect(timeToRecover(find("m2", "ana", "c1"))).toBe(10 * 60_000);
    expect(timeToRecover(find("m3", "ben", "c3"))).toBe((7 * 1440 - 40) * 60_000);
    expect(timeToRecover(find("m1", "will", "c2"))).toBeNull();
  });
});
