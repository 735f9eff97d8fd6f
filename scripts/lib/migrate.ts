// A small migrator for Prisma's standard migration layout, used because Prisma's
// native schema engine cannot be downloaded on our machines. It records applied
// migrations in a Prisma-compatible `_prisma_migrations` table, so that
// `prisma migrate deploy` keeps working where the engine is available.
// SQLite migrations live in prisma/migrations, PostgreSQL ones in
// prisma/migrations-postgres (decisions 001 and 011).
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { isPostgresUrl } from "../../app/utils/database-url";

export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, "..", "..", "prisma", "migrations");
export const POSTGRES_MIGRATIONS_DIR = path.resolve(import.meta.dirname, "..", "..", "prisma", "migrations-postgres");
/**
 * The advisory lock Prisma's own `migrate deploy` takes on PostgreSQL, so this
 * migrator and Prisma's exclude each other, and two app servers starting at
 * once apply each migration once.
 */
const POSTGRES_MIGRATION_LOCK = 72707369;

export function sqliteFileFromUrl(url: string): string {
  if (!url.startsWith("file:")) throw new Error(`Not a SQLite URL: ${url}`);
  const file = url.slice("file:".length).split("?")[0];
  return path.resolve(process.cwd(), file);
}

export function listMigrations(dir = MIGRATIONS_DIR) {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

function changedAfterApplying(name: string) {
  return new Error(`Migration ${name} was changed after it was applied (checksum differs).`);
}

/** Applies pending migrations to a SQLite file; returns the names applied. */
export function migrateSqlite(file: string, dir = MIGRATIONS_DIR): string[] {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    db.pragma("journal_mode = WAL");
    db.exec(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" TEXT PRIMARY KEY NOT NULL,
      "checksum" TEXT NOT NULL,
      "finished_at" DATETIME,
      "migration_name" TEXT NOT NULL,
      "logs" TEXT,
      "rolled_back_at" DATETIME,
      "started_at" DATETIME NOT NULL DEFAULT current_timestamp,
      "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0
    )`);
    const applied = new Map(
      (
        db
          .prepare(`SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`)
          .all() as { migration_name: string; checksum: string }[]
      ).map((r) => [r.migration_name, r.checksum]),
    );
    const done: string[] = [];
    for (const m of listMigrations(dir)) {
      const previous = applied.get(m.name);
      if (previous) {
        if (previous !== m.checksum) throw changedAfterApplying(m.name);
        continue;
      }
      const now = new Date().toISOString();
      db.transaction(() => {
        db.exec(m.sql);
        db.prepare(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES (?, ?, ?, ?, ?, 1)`,
        ).run(randomUUID(), m.checksum, new Date().toISOString(), m.name, now);
      })();
      done.push(m.name);
    }
    return done;
  } finally {
    db.close();
  }
}

/**
 * Applies pending migrations to a PostgreSQL database; returns the names
 * applied. Holds Prisma's migration advisory lock throughout, so concurrent
 * runs (several app servers starting at once) wait for each other and apply
 * each migration once; each migration runs in its own transaction.
 */
export async function migratePostgres(url: string, dir = POSTGRES_MIGRATIONS_DIR): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [POSTGRES_MIGRATION_LOCK]);
    // Prisma's own definition of the table.
    await client.query(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL,
      "checksum" VARCHAR(64) NOT NULL,
      "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL,
      "logs" TEXT,
      "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "applied_steps_count" INTEGER NOT NULL DEFAULT 0
    )`);
    const { rows } = await client.query<{ migration_name: string; checksum: string }>(
      `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const applied = new Map(rows.map((r) => [r.migration_name, r.checksum]));
    const done: string[] = [];
    for (const m of listMigrations(dir)) {
      const previous = applied.get(m.name);
      if (previous) {
        if (previous !== m.checksum) throw changedAfterApplying(m.name);
        continue;
      }
      const startedAt = new Date();
      await client.query("BEGIN");
      try {
        await client.query(m.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES ($1, $2, now(), $3, $4, 1)`,
          [randomUUID(), m.checksum, m.name, startedAt],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`Migration ${m.name} failed and was rolled back: ${(error as Error).message}`, { cause: error });
      }
      done.push(m.name);
    }
    return done;
  } finally {
    // Ending the session releases the advisory lock too.
    await client.end();
  }
}

/** Applies pending migrations to the database a DATABASE_URL names (SQLite file or PostgreSQL). */
export async function migrateDatabase(url: string): Promise<string[]> {
  return isPostgresUrl(url) ? migratePostgres(url) : migrateSqlite(sqliteFileFromUrl(url));
}
