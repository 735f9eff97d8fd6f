import { describe, expect, it } from "vitest";
import { externalKey, externalSource, isOneRosterSource, schoolOfSource } from "./sources";

describe("where OneRoster ids are kept", () => {
  it("scopes an id to the person's school, and keeps the old source for a person without one", () => {
    expect(externalSource({ system: "org-1" })).toBe("oneroster:org-1");
    expect(externalSource({})).toBe("oneroster");
    expect(schoolOfSource("oneroster:org-1")).toBe("org-1");
    expect(schoolOfSource("oneroster")).toBeNull();
    expect(isOneRosterSource("oneroster:org-1") && isOneRosterSource("oneroster")).toBe(true);
    expect(isOneRosterSource("onerosterx") || isOneRosterSource("lti")).toBe(false);
  });

  it("never makes one key of two different sources and ids", () => {
    expect(externalKey("oneroster:a", "b")).not.toBe(externalKey("oneroster:a\nb", ""));
    expect(externalKey("oneroster:org-1", "u-1")).not.toBe(externalKey("oneroster:org-2", "u-1"));
  });
});
