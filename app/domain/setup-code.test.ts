import { describe, expect, it } from "vitest";
import { JOIN_CODE_ALPHABET } from "./join-code";
import { generateSetupCode, normalizeSetupCode } from "./setup-code";

describe("set-up codes", () => {
  it("are two groups of four unambiguous characters", () => {
    for (let i = 0; i < 50; i++) {
      const code = generateSetupCode();
      expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
      expect([...normalizeSetupCode(code)].every((c) => JOIN_CODE_ALPHABET.includes(c))).toBe(true);
    }
  });

  it("uses every position: a different random draw gives a different code", () => {
    expect(generateSetupCode(() => 0)).toBe("AAAA-AAAA");
    expect(generateSetupCode(() => JOIN_CODE_ALPHABET.length - 1)).toBe("9999-9999");
  });

  it("reads what a student typed whatever the case, spaces and dashes", () => {
    expect(normalizeSetupCode(" k7mp - q4xz ")).toBe("K7MPQ4XZ");
    expect(normalizeSetupCode("K7MPQ4XZ")).toBe("K7MPQ4XZ");
  });
});
