// The roster fixtures of tests/fixtures/rosters (written for the tests): a
// OneRoster export is a folder of CSV files, zipped here — with some files
// changed or left out, for re-imports and broken files — so no binary zip is
// kept in the repository.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { zipSync } from "fflate";

export const ROSTER_FIXTURES = path.resolve(import.meta.dirname, "../fixtures/rosters");

/** The fixtures' email domain; a test may give each of its files another (tests in one file share a database). */
const DOMAIN = "school.example";

export function rosterBytes(name: string, domain = DOMAIN): Uint8Array {
  return new TextEncoder().encode(readFileSync(path.join(ROSTER_FIXTURES, name), "utf8").replaceAll(DOMAIN, domain));
}

/** A OneRoster folder's files as text, by name. */
export function oneRosterFiles(folder: "oneroster-1.2" | "oneroster-1.1", domain = DOMAIN): Record<string, string> {
  const dir = path.join(ROSTER_FIXTURES, folder);
  return Object.fromEntries(readdirSync(dir).sort().map((name) => [name, readFileSync(path.join(dir, name), "utf8").replaceAll(DOMAIN, domain)]));
}

/** A OneRoster export as a zip: the folder's files, with `changes` (text replaces a file, null leaves it out). */
export function oneRosterZip(folder: "oneroster-1.2" | "oneroster-1.1", changes: Record<string, string | null> = {}, domain = DOMAIN): Uint8Array {
  const files = { ...oneRosterFiles(folder, domain), ...changes };
  const entries: Record<string, Uint8Array> = {};
  for (const [name, text] of Object.entries(files)) if (text !== null) entries[name] = new TextEncoder().encode(text);
  return zipSync(entries);
}

/** A CSV file's text with rows added at the end. */
export const withRows = (text: string, ...rows: string[]) => `${text.trimEnd()}\n${rows.join("\n")}\n`;
