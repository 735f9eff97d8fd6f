// A preload for the app server that writes every SQL statement it runs to a
// file, one line each (`node --import ./scripts/lib/query-log.mjs …` with
// QUERY_LOG_FILE set). `npm run load -- --queries` uses it to count the
// statements of one request at a time. It patches the drivers, not the app:
// better-sqlite3 prepares each statement Prisma's adapter runs, and pg's
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

  const Database = require("better-sqlite3");
  const prepare = Database.prototype.prepare;
  Database.prototype.prepare = function (sql, ...rest) {
    write(sql);
    return prepare.call(this, sql, ...rest);
  };

  const pg = require("pg");
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function (config, ...rest) {
    write(typeof config === "string" ? config : (config?.text ?? "?"));
    return query.call(this, config, ...rest);
  };
}
