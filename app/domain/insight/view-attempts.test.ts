import { describe, expect, it } from "vitest";
import { prepare } from "./prepare";
import { testClass } from "./test-class";
import { drillDown } from "./view-attempts";

const setup = () => {
  const data = testClass();
  return { prepared: prepare(data), tags: data.tags };
};

describe("drillDown", () => {
  it("lists the attempts showing a misconception, with where each tag comes from, and those the teacher took it off", () => {
    const { prepared, tags } = setup();
    const result = drillDown(prepared, tags, { misconceptionId: "m1" });
    expect(result.total).toBe(5);
    expect(result.showing).toBe(4);
    expect(result.attempts.map((a) => a.id)).toEqual(["b1", "b2", "a3", "w2", "w3"]);
    const [b1, b2, a3, w2] = result.attempts;
    expect(b1.tags).toEqual([{ misconceptionId: "m1", name: "Sign convention", source: "RULE", sourceLabel: "from the option chosen" }]);
    // b2 has no rows: both tags come from the options chosen.
    expect(b2.tags.map((t) => [t.name, t.source, t.sourceLabel])).toEqual([
      ["Sign convention", "IMPLIED", "from the option chosen"],
      ["Units", "IMPLIED", "from the option chosen"],
    ]);
    expect(a3.tags).toEqual([]);
    expect(a3.removed).toEqual([{ misconceptionId: "m1", name: "Sign convention" }]);
    expect(w2.tags[0].sourceLabel).toBe("from the value given");
  });

  it("reads each answer against the version it answered", () => {
    const { prepared, tags } = setup();
    const result = drillDown(prepared, tags, { studentId: "ben", checkpointId: "c1" });
    expect(result.attempts.map((a) => [a.number, a.version, a.title, a.answerText, a.outcome])).toEqual([
      [1, 1, "Doubling the force", "It reverses", "NOT_YET"],
      [2, 2, "Doubling the force (revised)", "It reverses; It stays the same", "NOT_YET"],
      [3, 2, "Doubling the force (revised)", "It stays the same", "NOT_YET"],
    ]);
    expect(result.attempts[0]).toMatchObject({ latestTitle: "Doubling the force (revised)", latestVersion: 2, studentName: "Ben Okafor", position: 1 });
  });

  it("says when a teacher set the tag", () => {
    const { prepared, tags } = setup();
    const [b5] = drillDown(prepared, tags, { studentId: "ben", misconceptionId: "m3", checkpointId: "c3" }).attempts;
    expect(b5.tags).toEqual([{ misconceptionId: "m3", name: "Units", source: "TEACHER", sourceLabel: "set by you" }]);
  });

  it("counts every match but returns at most the limit, and nothing for a filter that matches nothing", () => {
    const { prepared, tags } = setup();
    const all = drillDown(prepared, tags, {}, 2);
    expect(all.total).toBe(19);
    expect(all.attempts).toHaveLength(2);
    expect(drillDown(prepared, tags, { misconceptionId: "unknown" })).toEqual({ total: 0, showing: 0, attempts: [] });
  });
});
