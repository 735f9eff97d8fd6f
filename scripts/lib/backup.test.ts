import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { testDatabaseFile as sqliteFile } from "../../tests/setup/per-worker";

// A unit test: it always runs on the SQLite test database.
const testDatabaseFile = sqliteFile!;
import { createClassWithProject } from "../../tests/support/factories";
import { BackupError, backupFileName, backupSqlite, inspectDatabase, isEmptyDatabase, restoreSqlite } from "./backup";
import { MIGRATIONS_DIR, listMigrations, migrateSqlite } from "./migrate";

const dir = path.join(path.dirname(testDatabaseFile), `backup-test-${randomUUID().slice(0, 8)}`);
fs.mkdirSync(dir, { recursive: true });
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const file = (name: string) => path.join(dir, name);

/** A backup of this file's database (which the app's client holds open), with one class in it. */
async function backupWithAClass() {
  const world = await createClassWithProject();
  await prisma.attempt.create({
    data: { studentId: world.student.id, checkpointId: world.checkpoints[1].id, checkpointVersionId: world.checkpoints[1].versions[0].id, number: 1, answer: "12.5", outcome: "GOT_IT" },
  });
  return { world, backup: backupSqlite(testDatabaseFile, path.join(dir, `backups-${randomUUID().slice(0, 8)}`)) };
}

function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof BackupError) return error.message;
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("backupFileName", () => {
  it("names a backup by its UTC time, sortable and safe on every file system", () => {
    expect(backupFileName(new Date("2026-12-02T18:00:00.123Z"))).toBe("rebound-2026-12-02T18-00-00Z.db");
  });
});

describe("backupSqlite", () => {
  it("copies what the running app has committed into one checked file, leaving nothing half-written", async () => {
    const { world, backup } = await backupWithAClass();
    expect(path.basename(backup.file)).toMatch(/^rebound-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ\.db$/);
    expect(fs.readdirSync(path.dirname(backup.file))).toEqual([path.basename(backup.file)]);
    expect(backup.facts).toMatchObject({ users: await prisma.user.count(), classrooms: await prisma.classroom.count(), attempts: await prisma.attempt.count() });
    expect(backup.facts.migrations.map((m) => m.name)).toEqual(listMigrations().map((m) => m.name));
    const copy = new Database(backup.file, { readonly: true });
    expect(copy.prepare(`SELECT name FROM "User" WHERE id = ?`).get(world.student.id)).toEqual({ name: world.student.name });
    copy.close();
  });

  it("takes a second backup in the same second under its own name", async () => {
    const target = file("same-second");
    const at = new Date("2026-12-02T18:00:00Z");
    const first = backupSqlite(testDatabaseFile, target, at);
    const second = backupSqlite(testDatabaseFile, target, at);
    expect(path.basename(first.file)).toBe("rebound-2026-12-02T18-00-00Z.db");
    expect(path.basename(second.file)).toBe("rebound-2026-12-02T18-00-00Z-2.db");
  });

  it("refuses a file that is not a Rebound database", () => {
    fs.writeFileSync(file("notes.db"), "not a database");
    expect(refusal(() => backupSqlite(file("notes.db"), file("out")))).toMatch(/is not a SQLite database file/);
    expect(refusal(() => backupSqlite(file("missing.db"), file("out")))).toMatch(/There is no file at/);
  });
});

describe("restoreSqlite", () => {
  it("restores into a database that does not exist yet, and into one that is migrated but empty", async () => {
    const { backup } = await backupWithAClass();
    const fresh = restoreSqlite(backup.file, file("fresh.db"));
    expect(fresh).toMatchObject({ migrated: [], keptPrevious: null });
    expect(fresh.facts).toEqual(backup.facts);

    migrateSqlite(file("migrated-empty.db"));
    expect(isEmptyDatabase(file("migrated-empty.db"))).toBe(true);
    expect(restoreSqlite(backup.file, file("migrated-empty.db")).facts).toEqual(backup.facts);
    // The restored database is complete in its one file, and the backup is unchanged.
    expect(fs.existsSync(file("fresh.db-wal"))).toBe(false);
    expect(inspectDatabase(backup.file)).toEqual(backup.facts);
  });

  it("refuses a database that holds data unless forced, and then keeps the old file beside it", async () => {
    const { backup } = await backupWithAClass();
    const target = file("in-use.db");
    restoreSqlite(backup.file, target);
    const db = new Database(target);
    db.prepare(`DELETE FROM "Attempt"`).run();
    db.close();

    expect(refusal(() => restoreSqlite(backup.file, target))).toMatch(/already holds data.*--force/);
    expect(inspectDatabase(target).attempts).toBe(0);

    const forced = restoreSqlite(backup.file, target, { force: true, at: new Date("2026-12-02T18:30:00Z") });
    expect(forced.facts.attempts).toBe(backup.facts.attempts);
    expect(forced.keptPrevious).toBe(`${target}.replaced-2026-12-02T18-30-00Z`);
    expect(inspectDatabase(forced.keptPrevious!).attempts).toBe(0);
  });

  it("refuses while another process has the database open", async () => {
    const { backup } = await backupWithAClass();
    const target = file("open.db");
    migrateSqlite(target);
    const app = new Database(target);
    app.pragma("journal_mode = WAL");
    app.prepare(`SELECT COUNT(*) FROM "User"`).get();
    try {
      expect(refusal(() => restoreSqlite(backup.file, target))).toMatch(/is open in another process .*Stop the app first/);
    } finally {
      app.close();
    }
    expect(restoreSqlite(backup.file, target).facts.attempts).toBe(backup.facts.attempts);
  });

  it("refuses files that are not sound Rebound backups, saying what is wrong", async () => {
    fs.writeFileSync(file("text.db"), "hello");
    expect(refusal(() => restoreSqlite(file("text.db"), file("t1.db")))).toMatch(/is not a SQLite database file/);

    const other = new Database(file("other-app.db"));
    other.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)");
    other.close();
    expect(refusal(() => restoreSqlite(file("other-app.db"), file("t2.db")))).toMatch(/not a Rebound one: it has no _prisma_migrations, User, Classroom, Attempt table/);

    const { backup } = await backupWithAClass();
    const newer = file("newer.db");
    fs.copyFileSync(backup.file, newer);
    const db = new Database(newer);
    db.prepare(`INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count) VALUES ('x', 'y', '2030-01-01', '20300101000000_from_the_future', 1)`).run();
    db.close();
    expect(refusal(() => restoreSqlite(newer, file("t3.db")))).toMatch(/newer version of Rebound .*20300101000000_from_the_future/);

    const edited = file("edited.db");
    fs.copyFileSync(backup.file, edited);
    const db2 = new Database(edited);
    db2.prepare(`UPDATE "_prisma_migrations" SET checksum = 'changed' WHERE migration_name = ?`).run(listMigrations()[0].name);
    db2.close();
    expect(refusal(() => restoreSqlite(edited, file("t4.db")))).toMatch(/differ from this version's/);

    // Nothing was left behind by the refusals.
    expect(fs.existsSync(file("t1.db")) || fs.existsSync(file("t2.db")) || fs.existsSync(file("t3.db")) || fs.existsSync(file("t4.db"))).toBe(false);
  });

  it("brings a backup from an older version up to date with the migrations it lacks", () => {
    const all = listMigrations();
    const olderDir = file("older-migrations");
    for (const m of all.slice(0, 2)) fs.cpSync(path.join(MIGRATIONS_DIR, m.name), path.join(olderDir, m.name), { recursive: true });
    migrateSqlite(file("older.db"), olderDir);
    const restored = restoreSqlite(file("older.db"), file("upgraded.db"));
    expect(restored.migrated).toEqual(all.slice(2).map((m) => m.name));
    expect(restored.facts.migrations.map((m) => m.name)).toEqual(all.map((m) => m.name));
    // The backup itself was not touched.
    expect(inspectDatabase(file("older.db")).migrations).toHaveLength(2);
  });
});
