// A preload for the app server that writes every SQL statement it runs to a
// file, one line each (`node --import ./scripts/lib/query-log.mjs …` with
// QUERY_LOG_FILE set). `npm run load -- --queries` uses it to count the
// statements of one request at a time. It patches the drivers, not the app:
// better-sqlite3 runs each statement Prisma's adapter sends, and pg's
// Client.query sends each one to PostgreSQL. Written synchronously (slow, but
// exact): never use it for the timed runs.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const file = process.env.QUERY_LOG_FILE;
if (file) {
  const require = createRequire(path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "package.json"));
  const write = (sql) => fs.appendFileSync(file, `${String(sql).replace(/\s+/g, " ").trim()}\n`);

  // Each run of a statement, not each prepare: the app keeps its prepared statements (decision 016), so most runs
  // prepare nothing.
  const Database = require("better-sqlite3");
  const scratch = new Database(":memory:");
  const Statement = Object.getPrototypeOf(scratch.prepare("SELECT 1"));
  scratch.close();
  for (const method of ["run", "get", "all", "iterate"]) {
    const original = Statement[method];
    Statement[method] = function (...args) {
      write(this.source);
      return original.apply(this, args);
    };
  }

  const pg = require("pg");
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function (config, ...rest) {
    write(typeof config === "string" ? config : (config?.text ?? "?"));
    return query.call(this, config, ...rest);
  };
}
