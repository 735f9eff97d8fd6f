// The test database's rows, read straight from the SQLite file (fast enough to
// take before and after every request of the matrix and the fuzz).
import Database from "better-sqlite3";
import { testDatabaseFile } from "../setup/per-worker";

/** Tables whose rows change on every request and say nothing about a class's data. */
const SKIPPED = new Set(["Session", "RateLimit", "_prisma_migrations"]);

let db: Database.Database | undefined;
function open() {
  if (!testDatabaseFile) throw new Error("db-rows reads the SQLite test database; tests that use it are *.sqlite.test.ts, which run on SQLite only.");
  db ??= new Database(testDatabaseFile, { readonly: true, fileMustExist: true });
  return db;
}

// The last snapshot, and SQLite's data_version when it was taken: the version
// changes only when the app's connection commits, so until then the snapshot
// is still true and is not read again.
let last: { version: number; rows: Map<string, string> } | undefined;

/** Every row of every table (but sessions and rate-limit counters), by "Table#rowid", as JSON. */
export function snapshotRows(): Map<string, string> {
  const conn = open();
  const version = conn.pragma("data_version", { simple: true }) as number;
  if (last?.version === version) return last.rows;
  const rows = new Map<string, string>();
  const tables = conn.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[];
  for (const { name } of tables) {
    if (SKIPPED.has(name)) continue;
    for (const row of conn.prepare(`SELECT rowid AS __rowid, * FROM "${name}"`).all() as Record<string, unknown>[]) {
      const { __rowid, ...rest } = row;
      rows.set(`${name}#${String(__rowid)}`, JSON.stringify(rest));
    }
  }
  last = { version, rows };
  return rows;
}

export interface RowChange {
  key: string;
  before: string | undefined;
  after: string | undefined;
}

/** Rows added, changed or removed between two snapshots. */
export function changedRows(before: Map<string, string>, after: Map<string, string>): RowChange[] {
  const changes: RowChange[] = [];
  for (const [key, value] of after) if (before.get(key) !== value) changes.push({ key, before: before.get(key), after: value });
  for (const [key, value] of before) if (!after.has(key)) changes.push({ key, before: value, after: undefined });
  return changes;
}

/** Every text stored in any column of any table, with where it is. */
export function storedTexts(): { key: string; column: string; value: string }[] {
  const conn = open();
  const out: { key: string; column: string; value: string }[] = [];
  const tables = conn.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[];
  for (const { name } of tables) {
    if (name === "_prisma_migrations") continue;
    for (const row of conn.prepare(`SELECT rowid AS __rowid, * FROM "${name}"`).all() as Record<string, unknown>[]) {
      for (const [column, value] of Object.entries(row)) {
        if (typeof value === "string") out.push({ key: `${name}#${String(row.__rowid)}`, column, value });
      }
    }
  }
  return out;
}

/**
 * The test file's database without waiting for the disk on every commit: it is
 * a throwaway copy, and the matrix and the fuzz write thousands of rows.
 */
export async function skipDiskSyncs() {
  const { prisma } = await import("~/db.server");
  await prisma.$queryRawUnsafe("PRAGMA synchronous = OFF");
  await prisma.$queryRawUnsafe("PRAGMA journal_mode = MEMORY");
}
