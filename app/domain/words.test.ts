import { describe, expect, it } from "vitest";
import { noun, plural } from "./words";

describe("plural", () => {
  it("keeps the singular for exactly one", () => {
    expect(plural(1, "student")).toBe("1 student");
    expect(plural(1, "journal entry", "journal entries")).toBe("1 journal entry");
  });
  it("takes the plural for zero, many and fractions", () => {
    expect(plural(0, "student")).toBe("0 students");
    expect(plural(3, "student")).toBe("3 students");
    expect(plural(2, "journal entry", "journal entries")).toBe("2 journal entries");
    expect(plural(1.5, "attempt")).toBe("1.5 attempts");
  });
});

describe("noun", () => {
  it("gives the word alone", () => {
    expect(noun(1, "attempt")).toBe("attempt");
    expect(noun(4, "attempt")).toBe("attempts");
    expect(noun(2, "entry", "entries")).toBe("entries");
  });
});
