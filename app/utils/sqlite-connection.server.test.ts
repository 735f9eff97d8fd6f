import Database from "better-sqlite3";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { sqliteConnection } from "./sqlite-connection.server";

const open: Database.Database[] = [];
afterEach(() => {
  for (const db of open.splice(0)) if (db.open) db.close();
});

function memory() {
  const db = new Database(":memory:");
  db.defaultSafeIntegers(true);
  db.exec(`CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL)`);
  open.push(db);
  return db;
}

describe("the SQLite connection Prisma works through", () => {
  it("prepares each SQL text once and binds every call's own arguments", () => {
    const db = memory();
    const prepare = vi.spyOn(db, "prepare");
    const conn = sqliteConnection(db);
    const insert = "INSERT INTO t (name) VALUES (?)";
    for (const name of ["a", "b", "c"]) conn.prepare(insert).bind([name]).run();
    const select = "SELECT id, name FROM t WHERE name <> ? ORDER BY id";
    const first = conn.prepare(select).bind(["b"]);
    const second = conn.prepare(select).bind(["a"]);
    expect(first.raw().all()).toEqual([
      [1n, "a"],
      [3n, "c"],
    ]);
    expect(second.raw().all()).toEqual([
      [2n, "b"],
      [3n, "c"],
    ]);
    expect(first.reader).toBe(true);
    expect(first.columns().map((c) => c.name)).toEqual(["id", "name"]);
    expect(prepare.mock.calls.map(([sql]) => sql)).toEqual([insert, select]);
  });

  it("starts transactions immediate, so another process's write is waited for rather than refused", () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "rebound-sqlite-")), "t.db");
    const a = new Database(file);
    const b = new Database(file, { timeout: 50 });
    open.push(a, b);
    a.pragma("journal_mode = WAL");
    a.exec(`CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL)`);
    const conn = sqliteConnection(a);
    conn.prepare("BEGIN").run();
    // The write lock is held from BEGIN on: another connection's write waits for it (here: times out) at once.
    expect(() => b.prepare("INSERT INTO t (name) VALUES ('b')").run()).toThrow(/locked|busy/i);
    conn.prepare("INSERT INTO t (name) VALUES (?)").bind(["a"]).run();
    conn.prepare("COMMIT").run();
    b.prepare("INSERT INTO t (name) VALUES ('b')").run();
    expect(a.prepare("SELECT count(*) AS n FROM t").get()).toEqual({ n: 2 });
  });

  it("falls back to the adapter's own BEGIN when the write lock cannot be had, so the first write fails as before", () => {
    const db = memory();
    const conn = sqliteConnection(db);
    db.pragma("query_only = 1");
    expect(() => conn.prepare("BEGIN").run()).not.toThrow();
    expect(() => conn.prepare("INSERT INTO t (name) VALUES (?)").bind(["a"]).run()).toThrow(/readonly/);
    conn.prepare("ROLLBACK").run();
    db.pragma("query_only = 0");
    // Bound or not, as the adapter may send it.
    conn.prepare("BEGIN").bind([]).run();
    conn.prepare("INSERT INTO t (name) VALUES (?)").bind(["a"]).run();
    conn.prepare("COMMIT").run();
    expect(db.prepare("SELECT count(*) AS n FROM t").get()).toEqual({ n: 1n });
  });

  it("drops the least recently used statement past its size, and everything else is the connection's own", () => {
    const db = memory();
    const prepare = vi.spyOn(db, "prepare");
    const conn = sqliteConnection(db, 2);
    const q = (n: number) => conn.prepare(`SELECT ${n} AS n`).bind([]).raw().all();
    q(1);
    q(2);
    q(1);
    q(3); // 2 is dropped, 1 was used more recently
    q(1);
    q(2);
    expect(prepare.mock.calls.map(([sql]) => sql)).toEqual(["SELECT 1 AS n", "SELECT 2 AS n", "SELECT 3 AS n", "SELECT 2 AS n"]);
    conn.exec(`INSERT INTO t (name) VALUES ('x')`);
    expect(conn.open).toBe(true);
    conn.close();
    expect(db.open).toBe(false);
  });
});
