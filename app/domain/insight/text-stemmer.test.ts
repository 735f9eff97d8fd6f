import { describe, expect, it } from "vitest";
import { stemWord } from "~/domain/insight/text-stemmer";

describe("stemWord", () => {
  it("reads the forms of one word as one stem", () => {
    const forms = ["connect", "connected", "connecting", "connection", "connections"];
    expect(new Set(forms.map(stemWord))).toEqual(new Set(["connect"]));
    expect(stemWord("batteries")).toBe(stemWord("battery"));
    expect(stemWord("moving")).toBe(stemWord("moves"));
    expect(stemWord("generalizations")).toBe("general");
  });

  it("leaves short words, numbers and mixed tokens as they are", () => {
    expect(stemWord("is")).toBe("is");
    expect(stemWord("13")).toBe("13");
    expect(stemWord("1.5")).toBe("1.5");
    expect(stemWord("co2s")).toBe("co2s");
  });
});
