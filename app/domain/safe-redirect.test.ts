import { describe, expect, it } from "vitest";
import { safeRedirect } from "./safe-redirect";

describe("safeRedirect", () => {
  it("keeps same-site paths with their query and fragment", () => {
    expect(safeRedirect("/teach/projects/x?tab=1#top", "/home")).toBe("/teach/projects/x?tab=1#top");
    expect(safeRedirect("/learn", "/home")).toBe("/learn");
  });

  it.each([
    "//evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r/evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "https://evil.example",
    "javascript:alert(1)",
    "evil.example",
    "/\u0000",
    "",
    "/".repeat(2001),
  ])("sends %j to the fallback", (to) => {
    expect(safeRedirect(to, "/home")).toBe("/home");
  });

  it("refuses what is not a string", () => {
    expect(safeRedirect(null, "/home")).toBe("/home");
    expect(safeRedirect(undefined, "/home")).toBe("/home");
    expect(safeRedirect(new Blob(), "/home")).toBe("/home");
  });
});
