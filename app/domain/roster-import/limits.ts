// How much one roster import may hold (decision 024). The file itself goes
// through the import pages' upload limit (app/domain/question-import/limits.ts).
import { IMPORT_LIMITS } from "~/domain/question-import/limits";

export const ROSTER_LIMITS = {
  /** The file sent, or the text pasted (the import pages' limit). */
  uploadBytes: IMPORT_LIMITS.uploadBytes,
  /** Files inside a OneRoster zip (the standard has at most a couple of dozen). */
  zipEntries: 50,
  /** A OneRoster zip's files together, unpacked. */
  zipExpandedBytes: 25 * 1024 * 1024,
  /** Rows in one CSV file (a whole school's users.csv fits). */
  rows: 100_000,
  /** People brought into one class at once. */
  people: 2_500,
  /** Problems listed per file before the rest are counted only. */
  issuesPerFile: 20,
  /** How long a roster waits for the teacher's "Import" after its preview. */
  pendingHours: 24,
} as const;
