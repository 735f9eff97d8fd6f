// Field names of the import pages' forms, shared by the page and the action.
export const IMPORT_FIELDS = {
  /** The file input. */
  file: "file",
  /** The text pasted instead of a file. */
  pasted: "pasted",
  /** The pending import a preview's buttons act on. */
  pendingId: "pendingId",
  /** A new project's title (importing into a class). */
  projectTitle: "projectTitle",
} as const;
