// A CSV file as a header and rows with their line numbers, and the checks
// every roster row gets (name, email). Shared by the plain CSV roster and the
// OneRoster files.
import { parse } from "csv-parse/sync";
import { emailSchema } from "~/schemas/auth";
import { ROSTER_LIMITS } from "./limits";
import { RosterFileError } from "./types";

export interface Table {
  file: string;
  header: string[];
  rows: { line: number; cells: string[] }[];
}

/** Reads CSV text; a file that is not CSV, or longer than the limit, is a RosterFileError for that file. */
export function readTable(text: string, file: string): Table {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true, info: true, max_record_size: 100_000, trim: true }) as never;
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    const detail = error instanceof Error ? error.message.replace(/^Invalid [^:]*: /, "").slice(0, 160) : "";
    throw new RosterFileError([{ where: line ? `${file}, line ${line}` : file, why: `This cannot be read as CSV${detail ? ` (${detail})` : ""}. Check the quotes around names that hold commas.` }]);
  }
  if (records.length === 0) throw new RosterFileError([{ where: file, why: "The file is empty." }]);
  const [head, ...body] = records;
  if (body.length > ROSTER_LIMITS.rows) {
    throw new RosterFileError([{ where: file, why: `It has ${body.length.toLocaleString("en-GB")} rows; one import takes at most ${ROSTER_LIMITS.rows.toLocaleString("en-GB")}.` }]);
  }
  return { file, header: head.record.map((h) => h.trim()), rows: body.map((r) => ({ line: r.info.lines, cells: r.record })) };
}

/** A header name as compared: case, spaces, dashes, dots and underscores do not matter ("E-mail Address" = "emailaddress"). */
export const looseName = (name: string) => name.toLowerCase().replace(/[\s_.-]/g, "");

/** The index of the first column whose loose name is one of `names`, or -1. */
export function columnOf(header: string[], ...names: string[]): number {
  const loose = header.map(looseName);
  for (const name of names) {
    const i = loose.indexOf(looseName(name));
    if (i >= 0) return i;
  }
  return -1;
}

export const cell = (cells: string[], index: number) => (index >= 0 ? (cells[index] ?? "").trim() : "");

/** The longest name an account may have (the sign-up form's rule). */
export const NAME_MAX = 80;

/** A name as stored: spaces collapsed. */
export const tidyName = (name: string) => name.replace(/\s+/g, " ").trim();

/** Why a name or an email cannot be used for an account, or null. */
export function personProblem(name: string, email: string): string | null {
  if (!name) return "The name is missing.";
  if (name.length > NAME_MAX) return `The name is longer than ${NAME_MAX} characters.`;
  if (!email) return "The email is missing: every Rebound account needs one.";
  if (!emailSchema.safeParse(email).success) return `“${email.slice(0, 80)}” is not an email address Rebound can use.`;
  return null;
}
