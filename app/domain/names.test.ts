import { describe, expect, it } from "vitest";
import { byName, compareNames } from "./names";

describe("the order of names", () => {
  it("is alphabetical whatever the case or accents", () => {
    expect(["zoë", "Ben", "amara", "Élodie", "dev", "Chloé"].sort(compareNames)).toEqual(["amara", "Ben", "Chloé", "dev", "Élodie", "zoë"]);
  });

  it("puts names that differ only in case or accents in a fixed order, so every sort agrees", () => {
    const names = ["eli", "Eli", "Éli", "éli"];
    const sorted = [...names].sort(compareNames);
    expect([...names].reverse().sort(compareNames)).toEqual(sorted);
    expect(new Set(sorted).size).toBe(4);
  });

  it("sorts records by their name", () => {
    expect([{ name: "b" }, { name: "A" }].sort(byName)).toEqual([{ name: "A" }, { name: "b" }]);
  });
});
