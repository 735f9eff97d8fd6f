// What every question-bank reader (GIFT, Moodle XML, QTI, the diagnostic CSV,
// a Rebound project file) produces: items in Rebound's own terms, and a list
// of what was left out and why. Pure; no parser is imported here.

/** A wrong option or value can name the misconception it shows, by name (created in the project when missing). */
export interface ImportedOption {
  text: string;
  correct: boolean;
  feedback: string;
  misconception: string | null;
}

export interface ImportedWrongValue {
  value: number;
  feedback: string;
  misconception: string | null;
}

export type ImportedContent =
  | { kind: "MULTIPLE_CHOICE"; options: ImportedOption[] }
  | {
      kind: "NUMERIC";
      answer: number;
      tolerance: number;
      unit: string;
      wrongValues: ImportedWrongValue[];
      intermediateValues?: { value: number; label: string }[];
    }
  | { kind: "SHORT_TEXT"; modelAnswer: string };

export interface ImportedItem {
  /** Where it was in the file, for the report: "question 3 (Ohm's law)", "row 12", "items/q1.xml". */
  where: string;
  title: string;
  /** The question, in Rebound's prompt text: maths between \( \) or \[ \], images as ![alt](upload:key). */
  prompt: string;
  content: ImportedContent;
  maxAttempts?: number | null;
  /** Notes for the teacher about this item (a setting Rebound does not have, shortened text). */
  notes?: string[];
  /** Misconceptions (by name) this checkpoint re-checks (decision 017); only a Rebound project file carries them. */
  recheckOf?: string[];
}

/** Something in the file that did not become a checkpoint, and why, in words for the teacher. */
export interface SkippedItem {
  where: string;
  why: string;
}

export interface ImportedMisconception {
  name: string;
  description: string;
  nextStep: string;
}

/** An image carried by the file (a zip's picture, a Moodle XML file element), keyed as the prompts refer to it. */
export interface ImportedImage {
  key: string;
  mime: ImageMime;
  data: Uint8Array;
}

export const IMAGE_MIMES = ["image/png", "image/jpeg", "image/gif", "image/webp"] as const;
export type ImageMime = (typeof IMAGE_MIMES)[number];

/** A reflection prompt carried by a Rebound project file. */
export interface ImportedPrompt {
  trigger: "PROJECT" | "CHECKPOINT" | "AFTER_NOT_YET";
  title: string;
  questions: string[];
  templateKey: string | null;
  /** For CHECKPOINT and AFTER_NOT_YET prompts: the index of the item they belong to. */
  itemIndex: number | null;
}

export const IMPORT_FORMATS = ["gift", "moodle-xml", "qti", "diagnostic-csv", "rebound-json"] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export const FORMAT_NAMES: Record<ImportFormat, string> = {
  gift: "Moodle GIFT",
  "moodle-xml": "Moodle XML",
  qti: "QTI",
  "diagnostic-csv": "Diagnostic-question CSV",
  "rebound-json": "Rebound project file",
};

/** What reading a file gave. `fatal` means the file could not be read at all: nothing is imported. */
export interface ParsedBank {
  format: ImportFormat;
  items: ImportedItem[];
  skipped: SkippedItem[];
  /** Misconceptions the file names (descriptions and next steps where it has them). */
  misconceptions: ImportedMisconception[];
  images: ImportedImage[];
  /** Notes about the whole file (e.g. names shortened). */
  notes: string[];
  /** Only from a Rebound project file. */
  project?: { title: string; goal: string; instructions: string };
  prompts?: ImportedPrompt[];
}

export class ImportFileError extends Error {
  /** Where in the file, when known ("line 4", "items/q2.xml"). */
  where: string;
  constructor(where: string, message: string) {
    super(message);
    this.name = "ImportFileError";
    this.where = where;
  }
}
