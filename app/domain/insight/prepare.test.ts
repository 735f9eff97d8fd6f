import { describe, expect, it } from "vitest";
import { grade, storedAnswer } from "~/domain/grading";
import { effectiveMisconceptions, impliedMisconceptions, prepare, readAnswer } from "./prepare";
import { numericSpec, testClass } from "./test-class";

describe("effectiveMisconceptions", () => {
  it("keeps active machine tags and the misconceptions an answer implies", () => {
    expect(effectiveMisconceptions([{ attemptId: "x", misconceptionId: "m1", source: "RULE", active: true }], ["m2"])).toEqual(["m1", "m2"]);
  });

  it("lets a teacher's removal win over a machine tag and over what the answer implies", () => {
    const rows = [
      { attemptId: "x", misconceptionId: "m1", source: "CLUSTER", active: true },
      { attemptId: "x", misconceptionId: "m1", source: "TEACHER", active: false },
    ];
    expect(effectiveMisconceptions(rows, ["m1"])).toEqual([]);
    expect(effectiveMisconceptions([{ attemptId: "x", misconceptionId: "m1", source: "TEACHER", active: false }], ["m1"])).toEqual([]);
  });

  it("takes the teacher's latest word when there are several teacher rows", () => {
    const rows = [
      { attemptId: "x", misconceptionId: "m1", source: "TEACHER", active: false, createdAt: new Date(1) },
      { attemptId: "x", misconceptionId: "m1", source: "TEACHER", active: true, createdAt: new Date(2) },
    ];
    expect(effectiveMisconceptions(rows)).toEqual(["m1"]);
  });

  it("keeps a teacher's tag even when no machine saw it, and drops an inactive machine row", () => {
    expect(
      effectiveMisconceptions([
        { attemptId: "x", misconceptionId: "m3", source: "TEACHER", active: true },
        { attemptId: "x", misconceptionId: "m2", source: "RULE", active: false },
      ]),
    ).toEqual(["m3"]);
  });
});

describe("impliedMisconceptions", () => {
  it("reads the misconceptions of the wrong options or listed wrong values an answer chose", () => {
    expect(impliedMisconceptions(numericSpec, "-12.5 m/s")).toEqual(["m1"]);
    expect(impliedMisconceptions(numericSpec, "1.25")).toEqual([]);
    expect(impliedMisconceptions({ kind: "SHORT_TEXT", modelAnswer: "" }, "anything")).toEqual([]);
  });
});

describe("readAnswer", () => {
  it("reads chosen option ids, a typed number with its unit, and nothing for text", () => {
    const choice = testClass().checkpoints.find((c) => c.id === "c1")!.versions[0].spec;
    expect(readAnswer(choice, '["b","d"]')).toEqual({ choice: ["b", "d"], value: null });
    expect(readAnswer(choice, "not json")).toEqual({ choice: [], value: null });
    expect(readAnswer(choice, '{"b":1}')).toEqual({ choice: [], value: null });
    expect(readAnswer(choice, '["b",3]')).toEqual({ choice: ["b"], value: null });
    expect(readAnswer(numericSpec, "12,5 m/s")).toEqual({ choice: null, value: 12.5 });
    expect(readAnswer(numericSpec, "twelve")).toEqual({ choice: null, value: null });
    expect(readAnswer({ kind: "SHORT_TEXT", modelAnswer: "" }, "words")).toEqual({ choice: null, value: null });
  });
});

describe("impliedMisconceptions agrees with grading", () => {
  it("gives the misconceptions grade() tags, for every attempt of the test class", () => {
    const data = testClass();
    const specs = new Map(data.checkpoints.flatMap((c) => c.versions.map((v) => [v.id, v.spec] as const)));
    for (const a of data.attempts) {
      const spec = specs.get(a.checkpointVersionId)!;
      expect(impliedMisconceptions(spec, a.answer)).toEqual(grade(spec, storedAnswer(spec, a.answer)).misconceptionIds);
    }
  });
});

describe("prepare", () => {
  const p = prepare(testClass());

  it("indexes students, checkpoints (by position) and versions, and finds each checkpoint's latest version", () => {
    expect(p.studentOrder.map((s) => s.id)).toEqual(["ana", "ben", "dee", "will"]);
    expect(p.checkpointOrder.map((c) => c.id)).toEqual(["c1", "c2", "c3"]);
    expect(p.latestVersion.get("c1")?.id).toBe("v1b");
    expect(p.versions.get("v1a")?.checkpointId).toBe("c1");
  });

  it("leaves out attempts of students who are not in the class", () => {
    expect(p.attempts).toHaveLength(19);
    expect(p.attemptsById.has("x1")).toBe(false);
    expect(p.attempts[0].id).toBe("a1"); // oldest first
  });

  it("settles outcomes: auto-checked, else the teacher's mark over the self-assessment, else waiting", () => {
    const outcome = (id: string) => p.attemptsById.get(id)!.outcome;
    expect(outcome("a1")).toBe("NOT_YET");
    expect(outcome("a6")).toBe("GOT_IT"); // self-assessed
    expect(outcome("b5")).toBe("NOT_YET"); // the teacher's mark wins
    expect(outcome("w4")).toBeNull();
  });

  it("settles misconceptions per attempt, in project order", () => {
    const tags = (id: string) => p.attemptsById.get(id)!.misconceptionIds;
    expect(tags("a1")).toEqual(["m2"]);
    expect(tags("a3")).toEqual([]); // removed by the teacher
    expect(tags("b2")).toEqual(["m1", "m3"]); // implied by options c and d of version 2
    expect(tags("b5")).toEqual(["m3"]); // set by the teacher
    expect(tags("w3")).toEqual(["m1"]); // implied by the listed wrong value
    expect(tags("a2")).toEqual([]);
  });

  it("can leave out the misconceptions an answer implies when no tag row was stored", () => {
    const rowsOnly = prepare(testClass(), { deriveRuleTags: false });
    expect(rowsOnly.attemptsById.get("b2")!.misconceptionIds).toEqual([]);
    expect(rowsOnly.attemptsById.get("b1")!.misconceptionIds).toEqual(["m1"]);
  });

  it("builds every student's path per checkpoint in attempt order, with its first and last got-it and first not-yet", () => {
    const ana = p.pathsByCheckpoint.get("c2")!.get("ana")!;
    expect(ana.attempts.map((a) => a.id)).toEqual(["a3", "a4", "a5"]);
    expect([ana.firstNotYet, ana.firstGotIt, ana.lastGotIt]).toEqual([0, 2, 2]);
    const ben = p.pathsByCheckpoint.get("c1")!.get("ben")!;
    expect([ben.firstGotIt, ben.lastGotIt]).toEqual([-1, -1]);
    expect(p.pathsByStudent.get("ana")).toHaveLength(3);
    expect(p.pathsByStudent.has("stranger")).toBe(false);
  });

  it("marks not-yets later turned into a got-it, and each path's first got-it", () => {
    const flags = (id: string) => {
      const a = p.attemptsById.get(id)!;
      return [a.resolvedLater, a.firstGotIt];
    };
    expect(flags("a3")).toEqual([true, false]);
    expect(flags("a5")).toEqual([false, true]);
    expect(flags("b1")).toEqual([false, false]);
    expect(flags("b6")).toEqual([false, true]);
  });

  it("resolves the attempt a journal entry links to, only when it is the student's own", () => {
    expect(p.journals.find((j) => j.id === "j1")?.attempt?.id).toBe("a4");
    expect(p.journals.find((j) => j.id === "j2")?.attempt).toBeNull();
    const data = testClass();
    data.journalEntries[0].attemptId = "b1"; // Ben's attempt on Ana's entry
    data.journalEntries[0].checkpointId = null;
    const q = prepare(data);
    expect(q.journals.find((j) => j.id === "j1")).toMatchObject({ attempt: null, linkedCheckpointId: null });
  });

  it("links journal entries to a checkpoint directly or through their attempt, oldest first", () => {
    expect(p.journals.map((j) => [j.id, j.linkedCheckpointId])).toEqual([
      ["j3", null],
      ["j2", "c2"],
      ["j1", "c2"],
      ["j4", "c3"],
    ]);
  });
});
