// Backups of a SQLite Rebound database, taken while the app runs, and their
// restore into an empty database (decision 014). The app runs SQLite in WAL
// mode, so copying the file is not enough: recent commits may still be in the
// -wal file. `VACUUM INTO` reads one consistent snapshot (a read transaction,
// which never blocks the app's writes) and writes it as one compact file.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { MIGRATIONS_DIR, listMigrations, migrateSqlite } from "./migrate";

/** The tables every Rebound database has; a file without them is not one. */
const REQUIRED_TABLES = ["_prisma_migrations", "User", "Classroom", "Attempt"];

export interface DatabaseFacts {
  /** Migrations recorded as applied, oldest first. */
  migrations: { name: string; checksum: string }[];
  users: number;
  classrooms: number;
  attempts: number;
  journalEntries: number;
}

/** A problem with a file that is meant to be a Rebound backup, in words for the person running the command. */
export class BackupError extends Error {}

const quote = (value: string) => `'${value.replace(/'/g, "''")}'`;

/** `rebound-2026-12-02T18-00-00Z.db`: the time in UTC, sortable, without characters file systems dislike. */
export function backupFileName(at: Date): string {
  return `rebound-${at.toISOString().replace(/\.\d{3}Z$/, "Z").replace(/:/g, "-")}.db`;
}

function isSqliteFile(file: string): boolean {
  const fd = fs.openSync(file, "r");
  try {
    const header = Buffer.alloc(16);
    const read = fs.readSync(fd, header, 0, 16, 0);
    return read === 16 && header.toString("latin1") === "SQLite format 3\0";
  } finally {
    fs.closeSync(fd);
  }
}

function tableNames(db: Database.Database): string[] {
  return (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).all() as { name: string }[]).map((r) => r.name);
}

/**
 * What a Rebound database holds; throws a BackupError when the file is not a
 * sound Rebound database. Read-only unless `readOnly: false` (a read-only
 * connection to a WAL database leaves its -wal and -shm files behind).
 */
export function inspectDatabase(file: string, { readOnly = true } = {}): DatabaseFacts {
  if (!fs.existsSync(file)) throw new BackupError(`There is no file at ${file}.`);
  if (fs.statSync(file).size === 0 || !isSqliteFile(file)) throw new BackupError(`${file} is not a SQLite database file.`);
  const db = new Database(file, { readonly: readOnly, fileMustExist: true });
  try {
    const check = db.pragma("quick_check", { simple: true });
    if (check !== "ok") throw new BackupError(`${file} is damaged: SQLite's check says "${String(check)}".`);
    const tables = new Set(tableNames(db));
    const missing = REQUIRED_TABLES.filter((t) => !tables.has(t));
    if (missing.length) throw new BackupError(`${file} is a SQLite database but not a Rebound one: it has no ${missing.join(", ")} table.`);
    const migrations = db
      .prepare(
        `SELECT migration_name AS name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
      )
      .all() as { name: string; checksum: string }[];
    if (migrations.length === 0) throw new BackupError(`${file} has Rebound's tables but no migration recorded as applied.`);
    const count = (table: string) => Number((db.prepare(`SELECT COUNT(*) AS n FROM "${table}"`).get() as { n: number }).n);
    return {
      migrations,
      users: count("User"),
      classrooms: count("Classroom"),
      attempts: count("Attempt"),
      journalEntries: tables.has("JournalEntry") ? count("JournalEntry") : 0,
    };
  } finally {
    db.close();
  }
}

export interface BackupResult {
  file: string;
  bytes: number;
  facts: DatabaseFacts;
}

/**
 * Writes a consistent copy of the database at `source` into `dir` under a dated
 * name, while the app keeps reading and writing. The copy appears under its
 * final name only once it is complete and checked.
 */
export function backupSqlite(source: string, dir: string, at = new Date()): BackupResult {
  inspectDatabase(source);
  fs.mkdirSync(dir, { recursive: true });
  let file = path.join(dir, backupFileName(at));
  for (let n = 2; fs.existsSync(file); n++) file = path.join(dir, backupFileName(at).replace(/\.db$/, `-${n}.db`));
  const partial = path.join(dir, `.${path.basename(file)}.partial`);
  fs.rmSync(partial, { force: true });
  // Read-only: the backup never writes to the live database.
  const db = new Database(source, { readonly: true, fileMustExist: true, timeout: 10_000 });
  try {
    db.exec(`VACUUM INTO ${quote(partial)}`);
  } finally {
    db.close();
  }
  try {
    const facts = inspectDatabase(partial);
    fs.renameSync(partial, file);
    return { file, bytes: fs.statSync(file).size, facts };
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  }
}

/** Whether a database file holds nothing: missing, zero bytes, no tables, or only empty tables. */
export function isEmptyDatabase(file: string): boolean {
  if (!fs.existsSync(file) || fs.statSync(file).size === 0) return true;
  if (!isSqliteFile(file)) return false;
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return tableNames(db)
      .filter((t) => t !== "_prisma_migrations")
      .every((t) => !(db.prepare(`SELECT EXISTS (SELECT 1 FROM "${t.replace(/"/g, '""')}") AS any`).get() as { any: number }).any);
  } finally {
    db.close();
  }
}

/**
 * Folds the target's write-ahead log into its file and leaves it in rollback
 * mode, which SQLite allows only when no other connection has it open: so this
 * also refuses to restore under a running app.
 */
function quiesce(file: string) {
  if (!fs.existsSync(file) || fs.statSync(file).size === 0 || !isSqliteFile(file)) return;
  const db = new Database(file, { fileMustExist: true, timeout: 2000 });
  try {
    db.pragma("journal_mode = DELETE");
  } catch (error) {
    if ((error as { code?: string }).code?.startsWith("SQLITE_BUSY")) {
      throw new BackupError(`${file} is open in another process (is Rebound running?). Stop the app first, then restore.`);
    }
    throw error;
  } finally {
    db.close();
  }
}

export interface RestoreResult {
  target: string;
  facts: DatabaseFacts;
  /** Migrations newer than the backup, applied to the restored copy. */
  migrated: string[];
  /** Where the database that was replaced (with --force) was kept, if it held anything. */
  keptPrevious: string | null;
}

/**
 * Restores a backup into `target`. Refuses when the backup is not a sound
 * Rebound database, when it has migrations this version does not know, when
 * the target holds data (unless `force`, which keeps the old file beside it),
 * or when the target is open in another process. The backup is copied to a
 * temporary file, brought up to date and checked before it takes the target's
 * name; the backup file itself is never changed.
 */
export function restoreSqlite(backup: string, target: string, { force = false, migrationsDir = MIGRATIONS_DIR, at = new Date() } = {}): RestoreResult {
  const facts = inspectDatabase(backup);
  const known = new Map(listMigrations(migrationsDir).map((m) => [m.name, m.checksum]));
  const unknown = facts.migrations.filter((m) => !known.has(m.name)).map((m) => m.name);
  if (unknown.length) {
    throw new BackupError(
      `${backup} was made by a newer version of Rebound (it has migrations this version does not know: ${unknown.join(", ")}). Restore it with that version.`,
    );
  }
  const changed = facts.migrations.filter((m) => known.get(m.name) !== m.checksum).map((m) => m.name);
  if (changed.length) throw new BackupError(`${backup} records migrations that differ from this version's: ${changed.join(", ")}.`);

  const targetFile = path.resolve(target);
  const empty = isEmptyDatabase(targetFile);
  if (!empty && !force) {
    throw new BackupError(`${targetFile} already holds data. Restoring would replace it: add --force to do so (the current file is kept beside it).`);
  }
  quiesce(targetFile);

  fs.mkdirSync(path.dirname(targetFile), { recursive: true });
  const temp = `${targetFile}.restoring-${process.pid}`;
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(temp + suffix, { force: true });
  let migrated: string[];
  try {
    const source = new Database(backup, { readonly: true, fileMustExist: true });
    try {
      source.exec(`VACUUM INTO ${quote(temp)}`);
    } finally {
      source.close();
    }
    migrated = migrateSqlite(temp, migrationsDir);
    inspectDatabase(temp, { readOnly: false });
  } catch (error) {
    for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(temp + suffix, { force: true });
    throw error;
  }

  let keptPrevious: string | null = null;
  if (fs.existsSync(targetFile) && !empty) {
    keptPrevious = `${targetFile}.replaced-${backupFileName(at).replace(/^rebound-|\.db$/g, "")}`;
    fs.renameSync(targetFile, keptPrevious);
  }
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(targetFile + suffix, { force: true });
  fs.renameSync(temp, targetFile);
  return { target: targetFile, facts: inspectDatabase(targetFile, { readOnly: false }), migrated, keptPrevious };
}
