// Turning a student's free-text answer into words, before they are weighed.
// Pure and deterministic; no model, no download.
//
// - Unicode is folded (NFKD, accents dropped, curly quotes straightened) and
//   everything is lower case.
// - Contractions are spelled out ("isn't" and "isnt" → "is not") so that
//   negation is never lost with an apostrophe.
// - Small number words become digits ("thirteen colonies" = "13 colonies").
// - Words that follow a negation ("not", "no", "never", "without", …) are
//   marked as negated up to the end of the clause, so "is not connected" and
//   "is connected" do not share the word that matters.

/** Words that negate what follows them. They are kept (as "not") and open a negation scope. */
const NEGATORS = new Set(["not", "no", "never", "nor", "none", "nothing", "nobody", "neither", "nowhere", "without"]);

/** Words that end a negation scope (besides punctuation). */
const CLAUSE_BREAKS = new Set(["but", "because", "so", "however", "although", "though", "while", "whereas", "since", "and", "or", "then", "therefore", "unless", "if", "when"]);

/**
 * Function words that carry little meaning for an answer's content. Deliberately
 * NOT here: negations (not, no, never, …), comparisons (more, less, most, least,
 * fewer, same, different, only, all, both) and directions (on, off, in, out, up,
 * down, over, under, above, below, before, after), which often decide whether
 * an answer is right.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    "a an the this that these those there here it its itself they them their theirs themselves " +
    "i me my mine myself we us our ours ourselves you your yours yourself yourselves he him his himself she her hers herself " +
    "is are was were be been being am do does did doing done have has had having will would shall should can could may might must " +
    "of to for with by at from as into onto about than too very just also such own other another any some " +
    "and or but if because so then while since though although when where why how what which who whom whose " +
    "s t d ll m re ve y o ok yes well really maybe please thanks thank um uh like get got gets"
  ).split(" "),
);

const CONTRACTIONS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bcannot\b/g, "can not"],
  [/\bcan'?t\b/g, "can not"],
  [/\bwon'?t\b/g, "will not"],
  [/\bshan'?t\b/g, "shall not"],
  [/\bain'?t\b/g, "is not"],
  [/\b(do|does|did|is|are|was|were|has|have|had|could|would|should|must|need|might)n'?t\b/g, "$1 not"],
  [/n't\b/g, " not"],
  [/'(s|re|ve|ll|d|m)\b/g, ""],
];

const NUMBER_WORDS: Record<string, string> = {
  zero: "0",
  one: "1",
  two: "2",
  three: "3",
  four: "4",
  five: "5",
  six: "6",
  seven: "7",
  eight: "8",
  nine: "9",
  ten: "10",
  eleven: "11",
  twelve: "12",
  thirteen: "13",
  fourteen: "14",
  fifteen: "15",
  sixteen: "16",
  seventeen: "17",
  eighteen: "18",
  nineteen: "19",
  twenty: "20",
  thirty: "30",
  forty: "40",
  fifty: "50",
  hundred: "100",
};

export interface AnalyzedText {
  /** The answer's words joined by single spaces: two answers with the same key are the same answer. */
  key: string;
  /** Every word in order, folded (stop words included). */
  words: string[];
  /** Per word: is it inside a negation scope? */
  negated: boolean[];
}

/** Unicode folding, lower case, straight apostrophes, contractions spelled out. */
export function foldText(text: string): string {
  let s = text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[\u2018\u2019\u201b\u02bc\u0060\u00b4]/g, "'");
  for (const [pattern, replacement] of CONTRACTIONS) s = s.replace(pattern, replacement);
  return s;
}

// A token is a word, a number (with its decimal part) or a clause-ending mark.
const TOKEN = /\p{L}+|\p{N}+(?:[.,]\p{N}+)*|[.;:!?,()\n]/gu;
const PUNCT = /^[.;:!?,()\n]$/;

/** Splits an answer into words and marks negation scopes. */
export function analyzeText(text: string): AnalyzedText {
  const folded = foldText(text);
  const words: string[] = [];
  const negated: boolean[] = [];
  let inScope = false;
  for (const match of folded.matchAll(TOKEN)) {
    const raw = match[0];
    if (PUNCT.test(raw)) {
      inScope = false;
      continue;
    }
    const word = NUMBER_WORDS[raw] ?? raw.replace(",", ".");
    if (NEGATORS.has(word)) {
      words.push(word);
      negated.push(false);
      inScope = true;
      continue;
    }
    if (CLAUSE_BREAKS.has(word)) inScope = false;
    words.push(word);
    negated.push(inScope);
  }
  return { key: words.join(" "), words, negated };
}

/** The canonical form two answers must share to count as the same answer. */
export function normalizeAnswer(text: string): string {
  return analyzeText(text).key;
}

export function isNegator(word: string): boolean {
  return NEGATORS.has(word);
}

export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word);
}
