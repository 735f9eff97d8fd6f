import { describe, expect, it } from "vitest";
import { porterStem } from "~/domain/insight/text-stemmer";

// Pairs from Porter's 1980 paper and the reference vocabulary/output lists.
const PAIRS: Array<[string, string]> = [
  ["caresses", "caress"],
  ["ponies", "poni"],
  ["ties", "ti"],
  ["caress", "caress"],
  ["cats", "cat"],
  ["feed", "feed"],
  ["agreed", "agre"],
  ["plastered", "plaster"],
  ["bled", "bled"],
  ["motoring", "motor"],
  ["sing", "sing"],
  ["conflated", "conflat"],
  ["troubled", "troubl"],
  ["sized", "size"],
  ["hopping", "hop"],
  ["tanned", "tan"],
  ["falling", "fall"],
  ["hissing", "hiss"],
  ["fizzed", "fizz"],
  ["failing", "fail"],
  ["filing", "file"],
  ["happy", "happi"],
  ["sky", "sky"],
  ["relational", "relat"],
  ["conditional", "condit"],
  ["rational", "ration"],
  ["digitizer", "digit"],
  ["vietnamization", "vietnam"],
  ["predication", "predic"],
  ["operator", "oper"],
  ["feudalism", "feudal"],
  ["decisiveness", "decis"],
  ["hopefulness", "hope"],
  ["callousness", "callous"],
  ["formaliti", "formal"],
  ["sensitiviti", "sensit"],
  ["triplicate", "triplic"],
  ["formative", "form"],
  ["formalize", "formal"],
  ["electrical", "electr"],
  ["hopeful", "hope"],
  ["goodness", "good"],
  ["revival", "reviv"],
  ["allowance", "allow"],
  ["inference", "infer"],
  ["airliner", "airlin"],
  ["gyroscopic", "gyroscop"],
  ["adjustable", "adjust"],
  ["defensible", "defens"],
  ["irritant", "irrit"],
  ["replacement", "replac"],
  ["adjustment", "adjust"],
  ["dependent", "depend"],
  ["adoption", "adopt"],
  ["communism", "commun"],
  ["activate", "activ"],
  ["angulariti", "angular"],
  ["homologous", "homolog"],
  ["effective", "effect"],
  ["bowdlerize", "bowdler"],
  ["probate", "probat"],
  ["rate", "rate"],
  ["cease", "ceas"],
  ["controlling", "control"],
  ["roll", "roll"],
  ["generalizations", "gener"],
  ["oscillators", "oscil"],
];

describe("porterStem", () => {
  it.each(PAIRS)("%s → %s", (word, stem) => {
    expect(porterStem(word)).toBe(stem);
  });

  it("brings the forms of a word together", () => {
    const forms = ["connect", "connected", "connecting", "connection", "connections", "connects"];
    expect(new Set(forms.map(porterStem))).toEqual(new Set(["connect"]));
    expect(porterStem("batteries")).toBe(porterStem("battery"));
  });

  it("leaves short words, numbers and mixed tokens alone", () => {
    expect(porterStem("is")).toBe("is");
    expect(porterStem("13")).toBe("13");
    expect(porterStem("1.5")).toBe("1.5");
    expect(porterStem("co2s")).toBe("co2s");
  });
});
