// Diagnostic multiple-choice questions in the shape of the Eedi data
// (QuestionId, ConstructName, CorrectAnswer, QuestionText, AnswerAText …
// AnswerDText, MisconceptionAId … MisconceptionDId, with a second file
// MisconceptionId, MisconceptionName), or one CSV with the names inline
// (MisconceptionAName … MisconceptionDName). Each wrong option arrives mapped
// to its misconception, which the import creates in the project by name.
// Names longer than a misconception name may be are shortened (the full name
// goes into its description).
import { parse } from "csv-parse/sync";
import { MISCONCEPTION_LIMITS } from "~/schemas/misconception";
import { shorten, tidyText, titleFrom } from "./html-text";
import { IMPORT_LIMITS } from "./limits";
import { ImportFileError, type ImportedItem, type ImportedMisconception, type ParsedBank, type SkippedItem } from "./types";

const LETTERS = ["A", "B", "C", "D"] as const;

interface Table {
  header: string[];
  rows: { line: number; cells: string[] }[];
}

export function readCsv(text: string, where: string, maxRows: number = IMPORT_LIMITS.items): Table {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true, info: true, max_record_size: 200_000 }) as never;
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new ImportFileError(line ? `${where}, line ${line}` : where, `${where} cannot be read as CSV${line ? ` at line ${line}` : ""}: ${error instanceof Error ? error.message.replace(/^Invalid [^:]*: /, "").slice(0, 160) : ""}. Check the quotes around texts that hold commas or new lines.`);
  }
  if (records.length === 0) throw new ImportFileError(where, `${where} is empty.`);
  const [head, ...body] = records;
  if (body.length > maxRows) {
    throw new ImportFileError(where, `${where} has ${body.length.toLocaleString("en-GB")} rows; one import takes at most ${maxRows.toLocaleString("en-GB")}. Split it into several files.`);
  }
  return { header: head.record.map((h) => h.trim()), rows: body.map((r) => ({ line: r.info.lines, cells: r.record })) };
}

const columnOf = (header: string[], ...names: string[]) => {
  const wanted = names.map((n) => n.toLowerCase().replace(/[\s_]/g, ""));
  return header.findIndex((h) => wanted.includes(h.toLowerCase().replace(/[\s_]/g, "")));
};

/** Whether a CSV's header is a question table of this shape. */
export function isQuestionTable(header: string[]): boolean {
  return columnOf(header, "QuestionText") >= 0 && columnOf(header, "CorrectAnswer") >= 0 && columnOf(header, "AnswerAText") >= 0;
}

/** Whether a CSV's header is a misconception name table. */
export function isNameTable(header: string[]): boolean {
  return columnOf(header, "MisconceptionId") >= 0 && columnOf(header, "MisconceptionName") >= 0;
}

/** Short, unique misconception names for the full names, and the misconceptions to create. */
class MisconceptionNames {
  readonly list: ImportedMisconception[] = [];
  private byFull = new Map<string, string>();
  private taken = new Set<string>();
  shortened = 0;

  nameFor(full: string): string {
    const clean = tidyText(full).replace(/\n/g, " ");
    const known = this.byFull.get(clean.toLowerCase());
    if (known) return known;
    let name = shorten(clean, MISCONCEPTION_LIMITS.name);
    for (let i = 2; this.taken.has(name.toLowerCase()); i++) name = `${shorten(clean, MISCONCEPTION_LIMITS.name - 5)} (${i})`;
    if (name !== clean) this.shortened++;
    this.taken.add(name.toLowerCase());
    this.byFull.set(clean.toLowerCase(), name);
    this.list.push({ name, description: name !== clean ? clean.slice(0, MISCONCEPTION_LIMITS.description) : "", nextStep: "" });
    return name;
  }
}

/** `questions` is the question table; `names` the name table when the names are not inline. */
export function readDiagnostic(questions: Table, names: Table | null, where = "the file"): ParsedBank {
  const h = questions.header;
  const col = {
    id: columnOf(h, "QuestionId", "Id"),
    construct: columnOf(h, "ConstructName", "Title"),
    subject: columnOf(h, "SubjectName"),
    correct: columnOf(h, "CorrectAnswer"),
    text: columnOf(h, "QuestionText"),
    answers: LETTERS.map((l) => columnOf(h, `Answer${l}Text`)),
    ids: LETTERS.map((l) => columnOf(h, `Misconception${l}Id`)),
    names: LETTERS.map((l) => columnOf(h, `Misconception${l}Name`)),
    feedback: LETTERS.map((l) => columnOf(h, `Feedback${l}`, `Answer${l}Feedback`)),
  };
  const missing = [col.text < 0 && "QuestionText", col.correct < 0 && "CorrectAnswer", ...LETTERS.map((l, i) => col.answers[i] < 0 && `Answer${l}Text`)].filter(Boolean);
  if (missing.length) throw new ImportFileError(where, `${where} is not a diagnostic-question table: it has no column ${missing.join(", ")}.`);
  const inline = col.names.some((c) => c >= 0);
  const usesIds = col.ids.some((c) => c >= 0);
  let nameById = new Map<string, string>();
  if (!inline && usesIds) {
    if (!names) throw new ImportFileError(where, "The questions name misconceptions by number, but the misconception names are missing: send a zip of the questions and the name table (MisconceptionId, MisconceptionName), or put the names in columns MisconceptionAName … MisconceptionDName.");
    const idCol = columnOf(names.header, "MisconceptionId");
    const nameCol = columnOf(names.header, "MisconceptionName");
    nameById = new Map(names.rows.map((r) => [normaliseId(r.cells[idCol] ?? ""), (r.cells[nameCol] ?? "").trim()]));
  }
  const misconceptions = new MisconceptionNames();
  const items: ImportedItem[] = [];
  const skipped: SkippedItem[] = [];
  const unknownIds = new Set<string>();
  const cell = (cells: string[], i: number) => (i >= 0 ? (cells[i] ?? "").trim() : "");
  for (const { line, cells } of questions.rows) {
    const id = cell(cells, col.id);
    const rowWhere = `row ${line}${id ? ` (question ${id})` : ""}`;
    const prompt = tidyText(cell(cells, col.text));
    const correct = cell(cells, col.correct).toUpperCase();
    if (!prompt) {
      skipped.push({ where: rowWhere, why: "The question text is empty." });
      continue;
    }
    if (!(LETTERS as readonly string[]).includes(correct)) {
      skipped.push({ where: rowWhere, why: `The correct option is “${correct.slice(0, 20)}”; it should be A, B, C or D.` });
      continue;
    }
    const texts = LETTERS.map((_, i) => tidyText(cell(cells, col.answers[i])));
    const empty = LETTERS.filter((_, i) => !texts[i]);
    if (empty.includes(correct as (typeof LETTERS)[number])) {
      skipped.push({ where: rowWhere, why: `The correct option (${correct}) has no text.` });
      continue;
    }
    const options = LETTERS.flatMap((letter, i) => {
      if (!texts[i]) return [];
      let misconception: string | null = null;
      if (letter !== correct) {
        const full = inline ? cell(cells, col.names[i]) : (() => {
          const raw = normaliseId(cell(cells, col.ids[i]));
          if (!raw) return "";
          const name = nameById.get(raw);
          if (!name) unknownIds.add(raw);
          return name ?? "";
        })();
        if (full) misconception = misconceptions.nameFor(full);
      }
      return [{ text: texts[i], correct: letter === correct, feedback: cell(cells, col.feedback[i]), misconception }];
    });
    const notes = empty.length ? [`Option${empty.length > 1 ? "s" : ""} ${empty.join(", ")} had no text and ${empty.length > 1 ? "were" : "was"} left out.`] : [];
    const title = cell(cells, col.construct) || titleFrom(prompt) || `Question ${id || line}`;
    items.push({ where: rowWhere, title: shorten(title, 200), prompt, content: { kind: "MULTIPLE_CHOICE", options }, notes });
  }
  const notes: string[] = [];
  if (misconceptions.shortened) {
    notes.push(`${misconceptions.shortened.toLocaleString("en-GB")} misconception name${misconceptions.shortened === 1 ? " was" : "s were"} longer than ${MISCONCEPTION_LIMITS.name} characters: shortened, with the full name in the description.`);
  }
  if (unknownIds.size) {
    notes.push(`${unknownIds.size} misconception number${unknownIds.size === 1 ? " is" : "s are"} not in the name table (${[...unknownIds].slice(0, 5).join(", ")}${unknownIds.size > 5 ? ", …" : ""}): those options are imported without a misconception.`);
  }
  return { format: "diagnostic-csv", items, skipped, misconceptions: misconceptions.list, images: [], notes };
}

/** "12", "12.0" and " 12 " are the same misconception number. */
function normaliseId(raw: string): string {
  const t = raw.trim();
  if (!t) return "";
  const n = Number(t);
  return Number.isFinite(n) ? String(n) : t;
}
