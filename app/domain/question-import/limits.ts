// How much one import may hold (decision 020). The upload limit is also what
// Rebound's own server lets through on the import pages (scripts/server.mjs).

export const IMPORT_LIMITS = {
  /** The file sent, or the text pasted. */
  uploadBytes: 5 * 1024 * 1024,
  /** Files inside a zip. */
  zipEntries: 500,
  /** All the files of a zip together, unpacked. */
  zipExpandedBytes: 25 * 1024 * 1024,
  /** Questions (or CSV rows) in one import: the shared Eedi file's 1,869 fit. */
  items: 2500,
  /** Rows of a misconception name table (a whole bank's names come along; only those used are created). */
  nameRows: 10_000,
  /** One image. */
  imageBytes: 512 * 1024,
  /** Every image of one import together. */
  imagesBytes: 8 * 1024 * 1024,
  /** How long an import waits for the teacher's "Import" after its preview. */
  pendingHours: 24,
} as const;

export const kb = (bytes: number) => `${Math.round(bytes / 1024).toLocaleString("en-GB")} KB`;
export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toLocaleString("en-GB", { maximumFractionDigits: 1 })} MB`;
