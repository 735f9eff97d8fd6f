import { describe, expect, it } from "vitest";
import { fullStopAfter, noun, plural } from "./words";

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

describe("fullStopAfter", () => {
  it("ends a sentence after a title, unless the title already ends one", () => {
    expect(fullStopAfter("Speed of a cyclist")).toBe(".");
    expect(fullStopAfter("Why does the car keep going?")).toBe("");
    expect(fullStopAfter("Stop!")).toBe("");
    expect(fullStopAfter("Forces, etc.")).toBe("");
    expect(fullStopAfter('She said "stop."')).toBe("");
    expect(fullStopAfter("Wait…")).toBe("");
    expect(fullStopAfter("Mass (kg)")).toBe(".");
  });
});
