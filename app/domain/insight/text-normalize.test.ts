import { describe, expect, it } from "vitest";
import { analyzeText, normalizeAnswer } from "~/domain/insight/text-normalize";

describe("normalizeAnswer", () => {
  it("folds case, punctuation, accents and spacing", () => {
    expect(normalizeAnswer("  The Bill of Rights. ")).toBe("the bill of rights");
    expect(normalizeAnswer("the   bill of rights!!")).toBe("the bill of rights");
    expect(normalizeAnswer("Café — naïve")).toBe("cafe naive");
    expect(normalizeAnswer("ｆｕｌｌｗｉｄｔｈ")).toBe("fullwidth");
  });

  it("spells out contractions with or without the apostrophe, curly or straight", () => {
    expect(normalizeAnswer("It isn't connected")).toBe("it is not connected");
    expect(normalizeAnswer("It isn’t connected")).toBe("it is not connected");
    expect(normalizeAnswer("it isnt connected")).toBe("it is not connected");
    expect(normalizeAnswer("I can't tell")).toBe("i can not tell");
    expect(normalizeAnswer("I cannot tell")).toBe("i can not tell");
    expect(normalizeAnswer("it won't light")).toBe("it will not light");
    expect(normalizeAnswer("the state's population")).toBe("the state population");
  });

  it("reads small number words as digits and keeps decimals whole", () => {
    expect(normalizeAnswer("thirteen original colonies")).toBe(normalizeAnswer("13 original colonies"));
    expect(normalizeAnswer("a reading of 1.5 volts")).toBe("a reading of 1.5 volts");
    expect(normalizeAnswer("1,5 volts")).toBe("1.5 volts");
  });

  it("gives an empty key to an answer without words", () => {
    expect(normalizeAnswer("?!")).toBe("");
    expect(normalizeAnswer("")).toBe("");
  });
});

describe("analyzeText negation scopes", () => {
  const negatedWords = (text: string) => {
    const a = analyzeText(text);
    return a.words.filter((_, i) => a.negated[i]);
  };

  it("marks the words after a negation up to the end of the clause", () => {
    expect(negatedWords("terminal 1 is not connected to the battery")).toEqual(["connected", "to", "the", "battery"]);
    expect(negatedWords("there is no gap, so the bulb lights")).toEqual(["gap"]);
    expect(negatedWords("it is not open but the switch is closed")).toEqual(["open"]);
    expect(negatedWords("the bulb doesn't light")).toEqual(["light"]);
  });

  it("marks nothing without a negation", () => {
    expect(negatedWords("terminal 1 is connected to the battery")).toEqual([]);
  });
});
