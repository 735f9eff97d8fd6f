import type BetterSqlite3 from "better-sqlite3";
import { LRUCache } from "lru-cache";

/**
 * The SQLite connection Prisma's better-sqlite3 adapter works through, with two changes (decision 016):
 *
 * 1. Transactions start with `BEGIN IMMEDIATE` instead of the adapter's deferred `BEGIN`. A deferred transaction
 *    that reads and then writes cannot wait for another process's write: SQLite refuses it at once (SQLITE_BUSY), so
 *    several app processes on one database file (WEB_CONCURRENCY) would refuse attempts under load. An immediate
 *    transaction takes the write lock first and waits for it (better-sqlite3's 5 s busy timeout). Within one process
 *    the adapter already runs one transaction at a time, so nothing changes there.
 *
 * 2. Prepared statements are cached. The adapter prepares every statement afresh: `prepare(sql).bind(args)`, then `all()` or `run()`.
 * Preparing is about a fifth of the adapter's time on the student pages (decision 016, "Where the time goes"), and the
 * SQL Prisma sends repeats: one text per query shape. This wraps the adapter's connection so `prepare` answers from a
 * cache of prepared statements, one per SQL text, least recently used dropped first.
 *
 * better-sqlite3 binds permanently (`bind` once per statement), so the cached statement is never bound: `prepare`
 * hands back a small handle whose `bind(args)` keeps the arguments and passes them to each call. Only the calls the
 * adapter makes are offered (reader, columns, raw().all(), run()); anything else goes to a fresh statement, so a
 * caller this module does not know still works as before.
 */
const STATEMENT_CACHE_SIZE = 500;

type Args = unknown[];

interface CachedStatement {
  statement: BetterSqlite3.Statement;
  columns?: BetterSqlite3.ColumnDefinition[];
}

class BoundStatement {
  constructor(
    private readonly entry: CachedStatement,
    private readonly args: Args,
  ) {}
  get reader() {
    return this.entry.statement.reader;
  }
  columns() {
    // A statement's result columns are fixed by its text and the schema; SQLite re-prepares after a schema change,
    // which only migrations make, and those run before the app opens the database.
    this.entry.columns ??= this.entry.statement.columns();
    return this.entry.columns;
  }
  raw() {
    const { statement } = this.entry;
    const args = this.args;
    return { all: () => statement.raw(true).all(args) };
  }
  run() {
    return this.entry.statement.run(this.args);
  }
}

class StatementHandle {
  constructor(private readonly entry: CachedStatement) {}
  get reader() {
    return this.entry.statement.reader;
  }
  bind(args: Args) {
    return new BoundStatement(this.entry, args);
  }
  run(...args: unknown[]) {
    return this.entry.statement.run(...args);
  }
}

/** What the adapter sends to start a transaction, and what is sent instead. */
const BEGIN = "BEGIN";
const BEGIN_IMMEDIATE = "BEGIN IMMEDIATE";

/**
 * `BEGIN IMMEDIATE`, or the adapter's own `BEGIN` when the write lock cannot be had (a database opened read-only or
 * set to take no changes, or another process holding the lock past the busy timeout). The adapter must never see its
 * BEGIN fail: it would keep its transaction lock and every later transaction in the process would wait for ever. The
 * deferred transaction then fails at its first write with the database's own error, answered as before (a 503 that
 * says nothing was saved, decision 014).
 */
class BeginHandle {
  constructor(
    private readonly immediate: CachedStatement,
    private readonly deferred: CachedStatement,
  ) {}
  get reader() {
    return false;
  }
  bind() {
    return this;
  }
  run() {
    try {
      return this.immediate.statement.run();
    } catch {
      return this.deferred.statement.run();
    }
  }
}

/** The connection with `prepare` answered from the cache (and `BEGIN` made immediate); every other property is the connection's own. */
export function sqliteConnection(db: BetterSqlite3.Database, size = STATEMENT_CACHE_SIZE): BetterSqlite3.Database {
  const cache = new LRUCache<string, CachedStatement>({ max: size });
  return new Proxy(db, {
    get(target, property, receiver) {
      if (property === "prepare") {
        const cached = (sql: string) => {
          let entry = cache.get(sql);
          if (!entry) {
            entry = { statement: target.prepare(sql) };
            cache.set(sql, entry);
          }
          return entry;
        };
        return (sql: string) => (sql === BEGIN ? new BeginHandle(cached(BEGIN_IMMEDIATE), cached(BEGIN)) : new StatementHandle(cached(sql)));
      }
      if (property === "close") {
        return () => {
          cache.clear();
          return target.close();
        };
      }
      const value = Reflect.get(target, property, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
