import { describe, expect, it } from "vitest";
import { createAnonymiser, quoteOf, truncateAtWord } from "./anonymise";

const people = [
  { name: "Ana Lima", email: "ana.lima@school.test" },
  { name: "Will Hart", email: "w.hart@school.test" },
  { name: "Zoë O'Neil-Brown", email: "zoe@school.test" },
];
const anonymise = createAnonymiser(people);

describe("createAnonymiser", () => {
  it("replaces full names, single names in any case, and email addresses", () => {
    expect(anonymise("Ana Lima helped me")).toBe("[classmate] helped me");
    expect(anonymise("asked ana and LIMA")).toBe("asked [classmate] and [classmate]");
    expect(anonymise("write to someone@else.org or ana.lima@school.test")).toBe("write to [email] or [email]");
    expect(anonymise("Zoë's idea, and O'Neil-Brown too")).toBe("[classmate]'s idea, and [classmate] too");
  });

  it("replaces names that are everyday words only when capitalised", () => {
    expect(anonymise("Will said I will try again")).toBe("[classmate] said I will try again");
    expect(anonymise("hart and Hart")).toBe("[classmate] and [classmate]");
  });

  it("replaces whole words only", () => {
    expect(anonymise("Banana analysis")).toBe("Banana analysis");
  });

  it("still removes emails when there is nobody to look for", () => {
    expect(createAnonymiser([])("mail me at x@y.io")).toBe("mail me at [email]");
  });
});

describe("truncateAtWord", () => {
  it("keeps short texts and tidies their spaces", () => {
    expect(truncateAtWord("  a   short\ntext ")).toBe("a short text");
  });

  it("cuts long texts at a word boundary within the limit and adds an ellipsis", () => {
    const text = "The forces on the cart cancel out, so its velocity does not change at all while it rolls along the table.";
    const cut = truncateAtWord(text, 40);
    expect(cut).toBe("The forces on the cart cancel out, so…");
    expect(cut.length).toBeLessThanOrEqual(40);
    expect(truncateAtWord("x".repeat(200), 20)).toBe(`${"x".repeat(19)}…`);
  });
});

describe("quoteOf", () => {
  it("anonymises before it truncates, so no part of a name is left", () => {
    expect(quoteOf(`${"word ".repeat(5)}Ana Lima said so`, anonymise, 30)).toBe("word word word word word…");
    expect(quoteOf("I asked Will Hart", anonymise)).toBe("I asked [classmate]");
  });
});
