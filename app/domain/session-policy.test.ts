import { describe, expect, it } from "vitest";
import { purgeCutoffs, sessionEnd, sessionPolicyFrom, sessionStatus } from "./session-policy";

const MINUTE = 60_000;
const at = (minutes: number) => new Date(Date.UTC(2026, 11, 2, 8, 0) + minutes * MINUTE);

describe("session policy", () => {
  it("defaults to two hours idle, twelve hours at most, and a write every five minutes", () => {
    expect(sessionPolicyFrom({})).toEqual({ idleMs: 120 * MINUTE, maxMs: 12 * 60 * MINUTE, touchMs: 5 * MINUTE });
  });

  it("reads the environment, and writes more often under a short idle limit", () => {
    const policy = sessionPolicyFrom({ SESSION_IDLE_MINUTES: "30", SESSION_MAX_HOURS: "2.5" });
    expect(policy).toEqual({ idleMs: 30 * MINUTE, maxMs: 150 * MINUTE, touchMs: 2.5 * MINUTE });
    expect(sessionPolicyFrom({ SESSION_IDLE_MINUTES: " " }).idleMs).toBe(120 * MINUTE);
  });

  it("refuses a setting that is not a positive number, naming it", () => {
    expect(() => sessionPolicyFrom({ SESSION_IDLE_MINUTES: "two hours" })).toThrow(/SESSION_IDLE_MINUTES must be a positive number/);
    expect(() => sessionPolicyFrom({ SESSION_MAX_HOURS: "0" })).toThrow(/SESSION_MAX_HOURS/);
    expect(() => sessionPolicyFrom({ SESSION_MAX_HOURS: "-3" })).toThrow(/SESSION_MAX_HOURS/);
  });

  it("is active, then worth a write, then idle, as time passes without a request", () => {
    const policy = sessionPolicyFrom({});
    const session = { createdAt: at(0), lastSeenAt: at(0), expiresAt: sessionEnd(at(0), policy) };
    expect(sessionStatus(session, at(4), policy)).toBe("active");
    expect(sessionStatus(session, at(5), policy)).toBe("touch");
    expect(sessionStatus(session, at(119), policy)).toBe("touch");
    expect(sessionStatus(session, at(120), policy)).toBe("idle");
  });

  it("ends at its absolute end however active, and sooner when the limit is lowered later", () => {
    const policy = sessionPolicyFrom({});
    const session = { createdAt: at(0), lastSeenAt: at(12 * 60 - 1), expiresAt: sessionEnd(at(0), policy) };
    expect(sessionStatus(session, at(12 * 60 - 1), policy)).toBe("active");
    expect(sessionStatus(session, at(12 * 60), policy)).toBe("expired");
    const shorter = sessionPolicyFrom({ SESSION_MAX_HOURS: "1" });
    expect(sessionStatus({ ...session, lastSeenAt: at(59) }, at(60), shorter)).toBe("expired");
  });

  it("purges what is over: past its end, started too long ago, or idle", () => {
    const policy = sessionPolicyFrom({});
    expect(purgeCutoffs(at(1000), policy)).toEqual({ endedBy: at(1000), startedBy: at(1000 - 720), lastSeenBy: at(1000 - 120) });
  });
});
