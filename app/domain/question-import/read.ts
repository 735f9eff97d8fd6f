// One entry for every question file: the format told by the file's content
// and name (a zip is looked inside), the limits checked (size, files in a zip
// and their unpacked size, questions), and the reader for the format called.
// What it returns is what the preview shows and the import saves. Throws
// ImportFileError (with where and why) for a file that cannot be imported at all.
import { unzipSync } from "fflate";
import { cleanFormText } from "~/domain/form-data";
import { readDiagnostic, readCsv, isNameTable, isQuestionTable } from "./diagnostic-csv";
import { readGift } from "./gift";
import { ImageBox } from "./images";
import { IMPORT_LIMITS, mb } from "./limits";
import { readMoodleXml } from "./moodle-xml";
import { looksLikeProjectFile, readProjectFile } from "./project-file";
import { qtiItemPaths, readQti } from "./qti";
import { ImportFileError, type ParsedBank } from "./types";

const decoder = new TextDecoder("utf-8");
const asText = (bytes: Uint8Array) => cleanFormText(decoder.decode(bytes));

function isZip(bytes: Uint8Array) {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05);
}

/** The files of a zip, within the limits; folders and Mac resource forks left out. */
export function unzipWithinLimits(bytes: Uint8Array): Map<string, Uint8Array> {
  let entries = 0;
  let expanded = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        if (file.name.endsWith("/") || file.name.startsWith("__MACOSX/") || /(^|\/)\.[^/]*$/.test(file.name)) return false;
        entries++;
        expanded += file.originalSize;
        if (entries > IMPORT_LIMITS.zipEntries) {
          throw new ImportFileError("the zip", `The zip holds more than ${IMPORT_LIMITS.zipEntries} files; one import takes at most ${IMPORT_LIMITS.zipEntries}.`);
        }
        if (expanded > IMPORT_LIMITS.zipExpandedBytes) {
          throw new ImportFileError("the zip", `The zip's files come to more than ${mb(IMPORT_LIMITS.zipExpandedBytes)} unpacked; one import takes at most ${mb(IMPORT_LIMITS.zipExpandedBytes)}.`);
        }
        return true;
      },
    });
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    throw new ImportFileError("the zip", "This zip cannot be opened: it may be damaged or cut short. Make the zip again and send it.");
  }
  const out = new Map<string, Uint8Array>();
  for (const [name, data] of Object.entries(files)) out.set(name, data);
  // The sizes a zip declares were checked before unpacking; the real ones count too.
  const real = [...out.values()].reduce((n, d) => n + d.byteLength, 0);
  if (real > IMPORT_LIMITS.zipExpandedBytes) throw new ImportFileError("the zip", `The zip's files come to more than ${mb(IMPORT_LIMITS.zipExpandedBytes)} unpacked; one import takes at most ${mb(IMPORT_LIMITS.zipExpandedBytes)}.`);
  return out;
}

const ext = (name: string) => name.toLowerCase().split(".").pop() ?? "";

function checkItemCount(bank: ParsedBank): ParsedBank {
  const total = bank.items.length + bank.skipped.length;
  if (total > IMPORT_LIMITS.items) {
    throw new ImportFileError("the file", `This file has ${total.toLocaleString("en-GB")} questions; one import takes at most ${IMPORT_LIMITS.items.toLocaleString("en-GB")}. Split it into several files.`);
  }
  return bank;
}

function readText(name: string, text: string, box: ImageBox): ParsedBank {
  const trimmed = text.trimStart();
  if (looksLikeProjectFile(trimmed) || (ext(name) === "json" && trimmed.startsWith("{"))) {
    return readProjectFile(text, (n, d) => box.add(n, d), () => box.images);
  }
  if (trimmed.startsWith("<")) {
    if (/<(\w+:)?quiz[\s>]/.test(trimmed.slice(0, 4000))) return readMoodleXml(text, box);
    if (/<(\w+:)?(qti-assessment-item|assessmentItem)[\s>]/.test(trimmed.slice(0, 4000))) return readQti([{ path: name || "item.xml", text }], box);
    if (/<(\w+:)?manifest[\s>]/.test(trimmed.slice(0, 4000))) {
      throw new ImportFileError("the file", "This is a package's manifest on its own: send the whole package (the zip with the manifest and its items).");
    }
    throw new ImportFileError("the file", "This XML file is neither a Moodle question export (<quiz>) nor a QTI item.");
  }
  if (ext(name) === "csv" || /^[^\n]*QuestionText/i.test(trimmed)) {
    const table = readCsv(text, "The file");
    if (!isQuestionTable(table.header)) {
      throw new ImportFileError("the file", "This CSV is not a diagnostic-question table: it needs the columns QuestionText, CorrectAnswer and AnswerAText … AnswerDText.");
    }
    return readDiagnostic(table, null);
  }
  return readGift(text);
}

function readZip(files: Map<string, Uint8Array>, box: ImageBox): ParsedBank {
  const names = [...files.keys()];
  const manifest = names.find((n) => n.toLowerCase().endsWith("imsmanifest.xml"));
  const xmls = names.filter((n) => ext(n) === "xml" && n !== manifest);
  if (manifest || xmls.some((n) => /<(\w+:)?(qti-assessment-item|assessmentItem)[\s>]/.test(asText(files.get(n)!).slice(0, 4000)))) {
    const base = manifest ? manifest.slice(0, manifest.length - "imsmanifest.xml".length) : "";
    const paths = qtiItemPaths(
      xmls.map((n) => n.slice(base.length)),
      manifest ? asText(files.get(manifest)!) : undefined,
    );
    const documents = paths.flatMap((p) => {
      const data = files.get(base + p);
      return data ? [{ path: p, text: asText(data) }] : [];
    });
    const missing = paths.filter((p) => !files.has(base + p));
    const bank = readQti(documents, box, (p) => files.get(base + p));
    if (missing.length) bank.notes.push(`The manifest lists ${missing.length} item file${missing.length === 1 ? "" : "s"} the zip does not hold (${missing.slice(0, 3).join(", ")}).`);
    return bank;
  }
  const csvs = names.filter((n) => ext(n) === "csv");
  if (csvs.length) {
    // A name table may list a whole bank's names; the question table holds the questions.
    const tables = csvs.map((n) => ({ name: n, table: readCsv(asText(files.get(n)!), n, IMPORT_LIMITS.nameRows) }));
    const questions = tables.filter((t) => isQuestionTable(t.table.header));
    const nameTables = tables.filter((t) => isNameTable(t.table.header) && !isQuestionTable(t.table.header));
    if (questions.length !== 1) {
      throw new ImportFileError("the zip", questions.length === 0 ? "The zip has no question table (a CSV with QuestionText, CorrectAnswer and AnswerAText … AnswerDText)." : "The zip has more than one question table: send one at a time.");
    }
    if (questions[0].table.rows.length > IMPORT_LIMITS.items) {
      throw new ImportFileError(questions[0].name, `${questions[0].name} has ${questions[0].table.rows.length.toLocaleString("en-GB")} rows; one import takes at most ${IMPORT_LIMITS.items.toLocaleString("en-GB")}. Split it into several files.`);
    }
    return readDiagnostic(questions[0].table, nameTables[0]?.table ?? null, questions[0].name);
  }
  const single = names.filter((n) => ["gift", "txt", "xml", "json"].includes(ext(n)));
  if (single.length === 1) return readText(single[0], asText(files.get(single[0])!), box);
  throw new ImportFileError("the zip", "Rebound found no question file in this zip it can read (a QTI package, a diagnostic-question CSV, or one GIFT, Moodle XML or project file).");
}

/** Reads a file as sent (its name helps tell the format). */
export function readQuestionFile(name: string, bytes: Uint8Array): ParsedBank {
  if (bytes.byteLength === 0) throw new ImportFileError("the file", "The file is empty.");
  if (bytes.byteLength > IMPORT_LIMITS.uploadBytes) {
    throw new ImportFileError("the file", `The file is ${mb(bytes.byteLength)}; one import takes at most ${mb(IMPORT_LIMITS.uploadBytes)}. Split it, or leave large pictures out.`);
  }
  const box = new ImageBox();
  const bank = isZip(bytes) ? readZip(unzipWithinLimits(bytes), box) : readText(name, asText(bytes), box);
  bank.images = box.images;
  return checkItemCount(bank);
}
