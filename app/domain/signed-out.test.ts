import { describe, expect, it } from "vitest";
import { sessionPolicyFrom } from "./session-policy";
import { describeDuration, signedOutNotice } from "./signed-out";

describe("the signed-out notice on the login page", () => {
  const policy = sessionPolicyFrom({});

  it("says calmly why, with the limits in force", () => {
    expect(signedOutNotice("idle", policy)).toMatch(/^You were signed out after a while without activity \(2 hours\)/);
    expect(signedOutNotice("expired", policy)).toContain("12 hours");
    expect(signedOutNotice("everywhere", policy)).toMatch(/logged out on every device/);
    expect(signedOutNotice("idle", sessionPolicyFrom({ SESSION_IDLE_MINUTES: "45" }))).toContain("(45 minutes)");
  });

  it("says nothing for anything else", () => {
    expect(signedOutNotice(null, policy)).toBeNull();
    expect(signedOutNotice("<script>", policy)).toBeNull();
    expect(signedOutNotice("toString", policy)).toBeNull();
  });

  it("describes durations in whole hours when it can", () => {
    expect(describeDuration(60_000)).toBe("1 minute");
    expect(describeDuration(90 * 60_000)).toBe("90 minutes");
    expect(describeDuration(60 * 60_000)).toBe("1 hour");
  });
});
