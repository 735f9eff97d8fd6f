// Builds one migrated SQLite template that every test file copies (fast and isolated).
import fs from "node:fs";
import path from "node:path";
import { migrateSqlite } from "../../scripts/lib/migrate";

export const TMP_DIR = path.resolve(import.meta.dirname, "..", ".tmp");
export const TEMPLATE_DB = path.join(TMP_DIR, "template.db");

export default function setup() {
  fs.mkdirSync(TMP_DIR, { recursive: true });
  for (const f of fs.readdirSync(TMP_DIR)) if (f.startsWith("unit-")) fs.rmSync(path.join(TMP_DIR, f), { force: true });
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(TEMPLATE_DB + suffix, { force: true });
  migrateSqlite(TEMPLATE_DB);
  // Fold the WAL back in so a plain file copy is a complete database.
  return () => {
    for (const f of fs.readdirSync(TMP_DIR)) if (f.startsWith("unit-")) fs.rmSync(path.join(TMP_DIR, f), { force: true });
  };
}
