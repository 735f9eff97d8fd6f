// The question-bank fixtures of tests/fixtures/questions (written for the
// tests), as the files a teacher sends: folders become zips here, so the zips
// are made from readable files and never kept as binaries in the repository.
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { zipSync } from "fflate";

export const QUESTION_FIXTURES = path.resolve(import.meta.dirname, "../fixtures/questions");

export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(QUESTION_FIXTURES, name)));
}

/** A folder of the fixtures as a zip (its files at the zip's top level). */
export function fixtureZip(folder: string): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  const walk = (dir: string, prefix: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full, `${prefix}${name}/`);
      else files[`${prefix}${name}`] = new Uint8Array(readFileSync(full));
    }
  };
  walk(path.join(QUESTION_FIXTURES, folder), "");
  return zipSync(files);
}
