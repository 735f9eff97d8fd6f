import { describe, expect, it } from "vitest";
import { JOIN_CODE_ALPHABET, generateJoinCode, isWellFormedJoinCode, normalizeJoinCode } from "~/domain/join-code";

describe("join codes", () => {
  it("uses no characters that are easy to confuse", () => {
    for (const c of "0O1IL2Z5S8B") expect(JOIN_CODE_ALPHABET).not.toContain(c);
  });
  it("generates well-formed codes", () => {
    for (let i = 0; i < 200; i++) expect(isWellFormedJoinCode(generateJoinCode())).toBe(true);
  });
  it("ignores case, spaces and dashes in what students type", () => {
    expect(normalizeJoinCode(" k7m-pq4 ")).toBe("K7MPQ4");
  });
  it("rejects codes of the wrong length or alphabet", () => {
    expect(isWellFormedJoinCode("K7MPQ")).toBe(false);
    expect(isWellFormedJoinCode("K7MPQ0")).toBe(false);
  });
});
