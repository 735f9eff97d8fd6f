// Writes migration SQL offline with Prisma 6's `migrate diff` (Prisma 7's CLI needs
// a schema engine we cannot download), in a scratch directory outside the repo
// (decisions 001 and 011). Run through scripts/migration-diff.sh:
//
//   migration-diff.sh [git-rev]
//       SQLite SQL taking prisma/schema.prisma at git-rev (default HEAD) to the
//       working copy's; redirect it into prisma/migrations/<timestamp>_<name>/migration.sql.
//   migration-diff.sh --engine postgres [git-rev]
//       the same change as PostgreSQL SQL (printed).
//   migration-diff.sh --postgres-twins
//       for every SQLite migration without a PostgreSQL twin, writes
//       prisma/migrations-postgres/<same name>/migration.sql: the PostgreSQL SQL
//       taking the schema as the SQLite migrations left it before that migration
//       to the schema as they leave it after (read back from a SQLite database
//       migrated that far), so twins come out right whatever order branches merged in.
//
// PostgreSQL diffs need a server to connect to (none of its data is touched):
// TEST_POSTGRES_URL, else a throwaway one (scripts/lib/postgres-server.mjs).
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { root, SQLITE_SCHEMA, toPostgresSchema } from "./lib/postgres-schema.mjs";
import { startThrowawayPostgres } from "./lib/postgres-server.mjs";

const SQLITE_DIR = path.join(root, "prisma", "migrations");
const POSTGRES_DIR = path.join(root, "prisma", "migrations-postgres");
const scratch = process.env.MIGRATION_DIFF_DIR ?? "/tmp/rebound-migration-diff";
const SCRATCH_DB = "file:./scratch.db";

function usage(message) {
  if (message) console.error(message);
  console.error("Usage: scripts/migration-diff.sh [--engine sqlite|postgres] [git-rev]\n       scripts/migration-diff.sh --postgres-twins");
  process.exit(2);
}

function parseArgs(argv) {
  const options = { engine: "sqlite", rev: "HEAD", twins: false };
  const rest = [...argv];
  while (rest.length) {
    const arg = rest.shift();
    if (arg === "--engine") options.engine = rest.shift();
    else if (arg?.startsWith("--engine=")) options.engine = arg.slice("--engine=".length);
    else if (arg === "--postgres-twins") options.twins = true;
    else if (arg === "-h" || arg === "--help") usage();
    else if (arg?.startsWith("-")) usage(`Unknown option ${arg}`);
    else options.rev = arg;
  }
  if (!["sqlite", "postgres"].includes(options.engine)) usage(`--engine is sqlite or postgres, not ${options.engine}`);
  return options;
}

/** Prisma 6 with its JavaScript engines only, installed once into the scratch directory. */
function prepareScratch() {
  fs.mkdirSync(scratch, { recursive: true });
  const wanted = ["prisma@6.19.3", "@prisma/adapter-better-sqlite3@6.19.3", "better-sqlite3@12", "@prisma/adapter-pg@6.19.3", "pg@8"];
  const present = (name) => fs.existsSync(path.join(scratch, "node_modules", name, "package.json"));
  if (!["prisma", "@prisma/adapter-better-sqlite3", "better-sqlite3", "@prisma/adapter-pg", "pg"].every(present)) {
    if (!fs.existsSync(path.join(scratch, "package.json"))) {
      fs.writeFileSync(path.join(scratch, "package.json"), '{"name":"migration-diff","private":true,"type":"module"}\n');
    }
    execFileSync("npm", ["install", "--no-audit", "--no-fund", "--silent", ...wanted], { cwd: scratch, stdio: ["ignore", 2, 2] });
  }
  fs.writeFileSync(path.join(scratch, "no-engine"), "");
}

function writeConfig(engine, pgUrl) {
  const config =
    engine === "sqlite"
      ? `import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
export default defineConfig({ schema: "new.prisma", engine: "js", experimental: { adapter: true },
  adapter: async () => new PrismaBetterSQLite3({ url: process.env.DIFF_SQLITE_URL ?? ${JSON.stringify(SCRATCH_DB)} }) } as any);
`
      : `import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";
export default defineConfig({ schema: "new.prisma", engine: "js", experimental: { adapter: true },
  adapter: async () => new PrismaPg({ connectionString: ${JSON.stringify(pgUrl)} }) } as any);
`;
  fs.writeFileSync(path.join(scratch, "prisma.config.ts"), config);
}

/** A Prisma 7 schema text as Prisma 6 reads it: the classic generator with the client engine, and a url. */
function toV6(schema, url) {
  return schema
    .replace(/generator client \{[^}]*\}/, 'generator client {\n  provider   = "prisma-client-js"\n  engineType = "client"\n}')
    .replace(/(datasource db \{[^}]*?provider\s*=\s*"\w+")/, `$1\n  url = ${JSON.stringify(url)}`);
}

function prisma(args, env = {}) {
  const noEngine = path.join(scratch, "no-engine");
  const result = spawnSync(path.join(scratch, "node_modules", ".bin", "prisma"), args, {
    cwd: scratch,
    encoding: "utf8",
    env: { ...process.env, ...env, PRISMA_QUERY_ENGINE_LIBRARY: noEngine, PRISMA_SCHEMA_ENGINE_BINARY: noEngine, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
  });
  if (result.status !== 0) throw new Error(`prisma ${args.join(" ")} failed:\n${result.stdout}${result.stderr}`);
  return result.stdout;
}

function diff(oldSchema, newSchema) {
  fs.writeFileSync(path.join(scratch, "old.prisma"), oldSchema);
  fs.writeFileSync(path.join(scratch, "new.prisma"), newSchema);
  return prisma(["migrate", "diff", "--from-schema-datamodel", "old.prisma", "--to-schema-datamodel", "new.prisma", "--script"]);
}

const EMPTY_SQLITE = 'generator client {\n  provider = "prisma-client"\n}\n\ndatasource db {\n  provider = "sqlite"\n}\n';
/** A Prisma 6 schema for PostgreSQL holding the given models. */
const postgresV6 = (models, url) => toV6(EMPTY_SQLITE.replace('"sqlite"', '"postgresql"'), url) + "\n" + models;

/** The schema as the first `count` SQLite migrations leave it, read back from a database migrated that far. */
function schemaAfterSqliteMigrations(names, count) {
  if (count === 0) return "";
  const file = path.join(scratch, `state-${count}.db`);
  fs.rmSync(file, { force: true });
  const db = new Database(file);
  for (const name of names.slice(0, count)) db.exec(fs.readFileSync(path.join(SQLITE_DIR, name, "migration.sql"), "utf8"));
  db.close();
  fs.writeFileSync(path.join(scratch, "new.prisma"), toV6(EMPTY_SQLITE, `file:./state-${count}.db`));
  const pulled = prisma(["db", "pull", "--print"], { DIFF_SQLITE_URL: `file:./state-${count}.db` });
  fs.rmSync(file, { force: true });
  // The models only: the generator and datasource blocks are written by the caller.
  return pulled.replace(/^(generator|datasource) \w+ \{[^}]*\}\s*/gm, "").replace(/^[\s\S]*?(?=^(model|enum|view) )/m, "");
}

function migrationNames(dir) {
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((n) => fs.existsSync(path.join(dir, n, "migration.sql"))).sort() : [];
}

async function withPostgres(fn) {
  if (process.env.TEST_POSTGRES_URL) return fn(process.env.TEST_POSTGRES_URL);
  const server = await startThrowawayPostgres({ quiet: true });
  try {
    return await fn(server.url);
  } finally {
    server.stop();
  }
}

async function twins() {
  const sqlite = migrationNames(SQLITE_DIR);
  const have = new Set(migrationNames(POSTGRES_DIR));
  const missing = sqlite.filter((n) => !have.has(n));
  const orphans = [...have].filter((n) => !sqlite.includes(n));
  if (orphans.length) console.error(`Note: PostgreSQL migrations without a SQLite twin: ${orphans.join(", ")}`);
  if (missing.length === 0) {
    console.error("Every SQLite migration has its PostgreSQL twin.");
    return;
  }
  fs.mkdirSync(POSTGRES_DIR, { recursive: true });
  const lock = path.join(POSTGRES_DIR, "migration_lock.toml");
  if (!fs.existsSync(lock)) {
    fs.writeFileSync(lock, '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n');
  }
  prepareScratch();
  writeConfig("sqlite");
  const states = new Map();
  const stateAt = (count) => {
    if (!states.has(count)) states.set(count, schemaAfterSqliteMigrations(sqlite, count));
    return states.get(count);
  };
  const before = missing.map((name) => ({ name, index: sqlite.indexOf(name) })).map((m) => ({ ...m, before: stateAt(m.index), after: stateAt(m.index + 1) }));
  await withPostgres(async (url) => {
    writeConfig("postgres", url);
    for (const m of before) {
      const sql = diff(postgresV6(m.before, url), postgresV6(m.after, url));
      fs.mkdirSync(path.join(POSTGRES_DIR, m.name), { recursive: true });
      fs.writeFileSync(path.join(POSTGRES_DIR, m.name, "migration.sql"), sql);
      console.error(`Wrote prisma/migrations-postgres/${m.name}/migration.sql`);
      const source = fs.readFileSync(path.join(SQLITE_DIR, m.name, "migration.sql"), "utf8");
      if (/^\s*(UPDATE|DELETE\s+FROM)\b/im.test(source) || /^\s*INSERT\s+INTO\s+"(?!new_)/im.test(source)) {
        console.error(`  ${m.name} also changes data; the twin holds only the schema change: port those statements by hand.`);
      }
    }
  });
  const later = sqlite.filter((n, i) => have.has(n) && i > Math.min(...before.map((m) => m.index)));
  if (later.length) console.error(`Note: twins were added before already existing ones (${later.join(", ")}); databases that have those get the new ones applied after them.`);
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (options.twins) return twins();
  const oldSchema = execFileSync("git", ["-C", root, "show", `${options.rev}:prisma/schema.prisma`], { encoding: "utf8" });
  const newSchema = fs.readFileSync(SQLITE_SCHEMA, "utf8");
  prepareScratch();
  if (options.engine === "sqlite") {
    writeConfig("sqlite");
    process.stdout.write(diff(toV6(oldSchema, SCRATCH_DB), toV6(newSchema, SCRATCH_DB)));
    return;
  }
  await withPostgres(async (url) => {
    writeConfig("postgres", url);
    process.stdout.write(diff(toV6(toPostgresSchema(oldSchema), url), toV6(toPostgresSchema(newSchema), url)));
  });
}

await main();
