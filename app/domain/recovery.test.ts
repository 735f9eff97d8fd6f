import { describe, expect, it } from "vitest";
import { episodesOnPath, misconceptionRecovery, recheckResult, recoveredOnPath, studentRecoveries, turnaround, type RecoveryAttempt } from "./recovery";

let clock = 0;
/** An attempt on a checkpoint: "N" not yet, "G" got it, "W" waiting; misconceptions after the colon. */
function a(checkpointId: string, number: number, code: string, at?: number): RecoveryAttempt {
  const [o, ms] = code.split(":");
  clock = at ?? clock + 1000;
  return {
    id: `${checkpointId}-${number}`,
    checkpointId,
    number,
    at: clock,
    outcome: o === "G" ? "GOT_IT" : o === "N" ? "NOT_YET" : null,
    misconceptionIds: ms ? ms.split(",") : [],
  };
}
const path = (checkpointId: string, codes: string[]) => codes.map((c, i) => a(checkpointId, i + 1, c));

describe("episodes on one checkpoint", () => {
  it("recovers a misconception with the first got-it after the last attempt that showed it", () => {
    const p = path("c1", ["N:m1", "N:m1,m2", "N:m2", "G"]);
    const episodes = episodesOnPath(p);
    expect(episodes.map((e) => [e.misconceptionId, e.attempts.length, e.gotIt?.number])).toEqual([
      ["m1", 2, 4],
      ["m2", 2, 4],
    ]);
  });

  it("is not recovered while no got-it follows, and a got-it before it showed again does not count", () => {
    const p = path("c1", ["N:m1", "G", "N:m1"]);
    expect(episodesOnPath(p)[0].gotIt).toBeNull();
    expect(recoveredOnPath(p, "m1")).toBe(false);
    expect(recoveredOnPath([...p, a("c1", 4, "G")], "m1")).toBe(true);
    expect(recoveredOnPath(p, "never-shown")).toBe(false);
  });

  it("reads attempts in number order whatever order they come in", () => {
    const p = path("c1", ["N:m1", "G"]).reverse();
    expect(episodesOnPath(p)[0].gotIt?.number).toBe(2);
  });
});

describe("a checkpoint turned around", () => {
  it("is a not-yet followed by a got-it", () => {
    const t = turnaround(path("c1", ["W", "N", "N", "G", "G"]));
    expect(t?.firstNotYet.number).toBe(2);
    expect(t?.gotIt.number).toBe(4);
    expect(t?.before.map((x) => x.number)).toEqual([1, 2, 3]);
  });

  it("is nothing for a first-try got-it, a not-yet without a got-it, or only waiting answers", () => {
    expect(turnaround(path("c1", ["G"]))).toBeNull();
    expect(turnaround(path("c1", ["N", "N"]))).toBeNull();
    expect(turnaround(path("c1", ["W", "G"]))).toBeNull();
  });

  it("counts a not-yet after an earlier got-it that was got again", () => {
    expect(turnaround(path("c1", ["G", "N", "G"]))?.gotIt.number).toBe(3);
  });
});

describe("one student's recovery from a misconception across checkpoints", () => {
  it("is recovered when every checkpoint where it showed was got after it", () => {
    const r = studentRecoveries([...path("c1", ["N:m1", "G"]), ...path("c2", ["G"])]);
    expect(r).toHaveLength(1);
    expect(r[0].state).toBe("recovered");
    expect(r[0].relapses).toEqual([]);
  });

  it("is still working while a checkpoint where it showed has no got-it after it", () => {
    const r = studentRecoveries([...path("c1", ["N:m1", "G"]), ...path("c2", ["N:m1"])].sort((x, y) => x.at - y.at));
    // c2's attempt came after c1's got-it: that is a relapse, not "still working".
    expect(r[0].state).toBe("relapsed");
    const parallel = [a("c1", 1, "N:m1", 100), a("c2", 1, "N:m1", 200), a("c1", 2, "G", 300)];
    expect(studentRecoveries(parallel)[0].state).toBe("still-working");
  });

  it("relapses when it shows again on another checkpoint after a recovery, and says when it was recovered again", () => {
    const attempts = [a("c1", 1, "N:m1", 100), a("c1", 2, "G", 200), a("c3", 1, "N:m1", 300), a("c3", 2, "N:m1", 400), a("c3", 3, "G", 500)];
    const [r] = studentRecoveries(attempts);
    expect(r.state).toBe("relapsed");
    expect(r.relapses).toHaveLength(1);
    expect(r.relapses[0].attempt.id).toBe("c3-1");
    expect(r.relapses[0].after.checkpointId).toBe("c1");
    expect(r.recoveredAgain).toBe(true);
    expect(studentRecoveries(attempts.slice(0, 4))[0].recoveredAgain).toBe(false);
  });

  it("does not call a return on the same checkpoint a relapse", () => {
    const [r] = studentRecoveries(path("c1", ["N:m1", "G", "N:m1"]));
    expect(r.state).toBe("still-working");
    expect(r.relapses).toEqual([]);
  });

  it("is null for a misconception never shown", () => {
    expect(misconceptionRecovery([])).toBeNull();
  });

  it("keeps misconceptions apart", () => {
    const r = studentRecoveries([a("c1", 1, "N:m1,m2", 1), a("c1", 2, "G", 2), a("c2", 1, "N:m2", 3)]);
    expect(Object.fromEntries(r.map((x) => [x.misconceptionId, x.state]))).toEqual({ m1: "recovered", m2: "relapsed" });
  });
});

describe("a re-check", () => {
  const recovered = misconceptionRecovery(episodesOnPath([a("c1", 1, "N:m1", 100), a("c1", 2, "G", 200)]));

  it("held when the first attempt on it got it", () => {
    expect(recheckResult(recovered, "r", [a("r", 1, "G", 300), a("r", 2, "N:m1", 400)])).toBe("held");
  });

  it("showed again when the first attempt shows the misconception; a not-yet for another reason is told apart", () => {
    expect(recheckResult(recovered, "r", [a("r", 1, "N:m1", 300)])).toBe("showed-again");
    expect(recheckResult(recovered, "r", [a("r", 1, "N", 300)])).toBe("not-yet");
    expect(recheckResult(recovered, "r", [a("r", 1, "W", 300)])).toBe("waiting");
  });

  it("says nothing for a student who had not recovered before it, never showed it, or has not answered it", () => {
    expect(recheckResult(recovered, "r", [a("r", 1, "G", 150)])).toBeNull();
    expect(recheckResult(null, "r", [a("r", 1, "G", 300)])).toBeNull();
    expect(recheckResult(recovered, "r", [])).toBeNull();
  });
});
