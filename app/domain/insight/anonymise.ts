// Short, anonymised quotes from journal entries: names of the class's students
// and any email address are replaced, and the text is cut at a word boundary.
// Pure.

export const NAME_PLACEHOLDER = "[classmate]";
export const EMAIL_PLACEHOLDER = "[email]";
export const QUOTE_LENGTH = 140;

/**
 * First names that are also everyday English words. They are replaced only when
 * written with a capital letter ("Will said" but not "I will try"), so quotes
 * stay readable; full names are always replaced.
 */
const EVERYDAY_WORD_NAMES = new Set(
  (
    "will may june april august mark bill grace hope joy faith rose art pat rich chase drew jack sky summer dawn " +
    "sunny ray gene max amber ruby jade lily iris holly ivy penny page love sage river song autumn winter star king " +
    "young long brown white green black gray grey can rob nick sandy frank honor noble miles more best hunter " +
    "carter mason cook taylor baker wood hill lane park case bell jewel sol dean early"
  ).split(" "),
);

const EMAIL = /[^\s@<>()[\]"',;:]+@[^\s@<>()[\]"',;:]+\.[^\s@<>()[\]"',;:]+/g;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function wordPattern(terms: Iterable<string>, flags: string): RegExp | null {
  const list = [...new Set(terms)].filter(Boolean).sort((a, b) => b.length - a.length || a.localeCompare(b));
  if (list.length === 0) return null;
  return new RegExp(`(?<![\\p{L}\\p{N}_])(?:${list.map(escapeRegExp).join("|")})(?![\\p{L}\\p{N}_])`, flags);
}

/** Returns a function that replaces the given people's names and emails (and any email) in a text. */
export function createAnonymiser(people: readonly { name: string; email?: string }[]): (text: string) => string {
  const anyCase: string[] = [];
  const capitalised: string[] = [];
  for (const person of people) {
    const full = person.name.trim().replace(/\s+/g, " ");
    if (full.length >= 2) anyCase.push(full);
    // Whole words ("O'Neil-Brown") and their hyphenated parts ("O'Neil", "Brown").
    for (const part of new Set([...full.split(" "), ...full.split(/[\s\-–]+/)])) {
      const word = part.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
      if (word.length < 2) continue;
      if (EVERYDAY_WORD_NAMES.has(word.toLowerCase())) {
        capitalised.push(word.charAt(0).toUpperCase() + word.slice(1).toLowerCase(), word.toUpperCase());
      } else anyCase.push(word);
    }
    // Someone may write a classmate's handle without the domain ("ana.lima").
    const local = person.email?.split("@")[0];
    if (local && local.length >= 3 && !EVERYDAY_WORD_NAMES.has(local.toLowerCase())) anyCase.push(local);
  }
  const insensitive = wordPattern(anyCase, "giu");
  const sensitive = wordPattern(capitalised, "gu");
  return (text: string) => {
    let out = text.replace(EMAIL, EMAIL_PLACEHOLDER);
    if (insensitive) out = out.replace(insensitive, NAME_PLACEHOLDER);
    if (sensitive) out = out.replace(sensitive, NAME_PLACEHOLDER);
    return out;
  };
}

/** Collapses whitespace and cuts at the last word boundary that fits, adding "…". */
export function truncateAtWord(text: string, max = QUOTE_LENGTH): string {
  const clean = text.replace(/\s+/g, " ").trim();
  if (clean.length <= max) return clean;
  const room = clean.slice(0, max); // leaves one character for the ellipsis
  const cut = room.lastIndexOf(" ");
  const head = (cut > max * 0.5 ? room.slice(0, cut) : room.slice(0, max - 1)).replace(/[\s,;:.\-–—]+$/u, "");
  return `${head}…`;
}

/** The anonymised, shortened quote of a text. */
export function quoteOf(text: string, anonymise: (text: string) => string, max = QUOTE_LENGTH): string {
  return truncateAtWord(anonymise(text), max);
}
