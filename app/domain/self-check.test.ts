import { describe, expect, it } from "vitest";
import { selfCheckRefusal, selfCheckState } from "./self-check";

const self = (verdict: string) => ({ role: "SELF", verdict });
const teacher = (verdict: string) => ({ role: "TEACHER", verdict });

describe("a student's own check on a short answer", () => {
  it("is pending until the student says how it went, and both answers are open", () => {
    expect(selfCheckState([])).toEqual({ status: "pending", allowed: ["GOT_IT", "NOT_YET"] });
  });

  it("after 'got it' the student may still say 'not yet', once", () => {
    expect(selfCheckState([self("GOT_IT")]).allowed).toEqual(["NOT_YET"]);
    expect(selfCheckRefusal([self("GOT_IT")], "NOT_YET")).toBeNull();
    expect(selfCheckState([self("GOT_IT"), self("NOT_YET")]).status).toBe("closed");
  });

  it("'not yet' is never flipped to 'got it' on the same attempt: revising is a new attempt", () => {
    expect(selfCheckRefusal([self("NOT_YET")], "GOT_IT")).toBe("said-not-yet");
    expect(selfCheckRefusal([self("GOT_IT"), self("NOT_YET")], "GOT_IT")).toBe("said-not-yet");
  });

  it("a teacher's mark closes the student's check", () => {
    expect(selfCheckState([teacher("NOT_YET")])).toMatchObject({ status: "closed", reason: "teacher-marked" });
    expect(selfCheckRefusal([self("GOT_IT"), teacher("GOT_IT")], "NOT_YET")).toBe("teacher-marked");
  });

  it("'got it' is said once", () => {
    expect(selfCheckRefusal([self("GOT_IT")], "GOT_IT")).toBe("already-got-it");
  });
});
