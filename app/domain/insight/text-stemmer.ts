// Word stems for clustering: the Porter2 ("English" Snowball) stemmer of
// wink-porter2-stemmer, so that "connected", "connecting" and "connection" all
// become "connect". Pure and deterministic, no model or download (decision 003).
// Words of two letters or fewer, and words with anything but a–z in them
// (numbers, "13th"), are returned unchanged.
import porter2 from "wink-porter2-stemmer";

const cache = new Map<string, string>();
const CACHE_LIMIT = 50_000;

/** Stem of a lower-case word. */
export function stemWord(word: string): string {
  if (word.length <= 2 || !/^[a-z]+$/.test(word)) return word;
  const hit = cache.get(word);
  if (hit !== undefined) return hit;
  const stem = porter2(word);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(word, stem);
  return stem;
}
