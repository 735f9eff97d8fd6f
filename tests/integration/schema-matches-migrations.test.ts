// Proves the migrated database matches the schema the Prisma clients were
// generated from, on the engine the suite runs on (SQLite, or PostgreSQL with
// `npm run test:postgres`): every model has its table, every scalar field its
// column with the same type, nullability and database default, every @@unique,
// @unique and @@index its index, every relation its foreign key with the same
// delete rule, and nothing else. And every SQLite migration has its PostgreSQL
// twin (decision 011), so neither engine's history drifts from the other's.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listMigrations, MIGRATIONS_DIR, POSTGRES_MIGRATIONS_DIR } from "../../scripts/lib/migrate";
import { testEngine } from "../setup/test-database";

const schema = fs.readFileSync(path.resolve(import.meta.dirname, "../../prisma/schema.prisma"), "utf8");
const SCALARS = new Set(["String", "Int", "BigInt", "Float", "Decimal", "Boolean", "DateTime", "Json", "Bytes"]);
const engine = testEngine();

const TYPES: Record<string, { sqlite: string; postgres: string }> = {
  String: { sqlite: "TEXT", postgres: "text" },
  Int: { sqlite: "INTEGER", postgres: "integer" },
  BigInt: { sqlite: "BIGINT", postgres: "bigint" },
  Float: { sqlite: "REAL", postgres: "double precision" },
  Decimal: { sqlite: "DECIMAL", postgres: "numeric" },
  Boolean: { sqlite: "BOOLEAN", postgres: "boolean" },
  DateTime: { sqlite: "DATETIME", postgres: "timestamp(3) without time zone" },
  Json: { sqlite: "JSONB", postgres: "jsonb" },
  Bytes: { sqlite: "BLOB", postgres: "bytea" },
};

interface Column {
  name: string;
  type: string;
  optional: boolean;
  /** The database fills it in (now(), a literal); cuid() and @updatedAt come from the client. */
  dbDefault: boolean;
}
interface ForeignKey {
  columns: string;
  table: string;
  references: string;
  onDelete: string;
}
interface ModelShape {
  name: string;
  columns: Column[];
  uniques: string[];
  indexes: string[];
  foreignKeys: ForeignKey[];
}

const list = (s: string) => s.split(",").map((x) => x.trim()).join(",");

function parseModels(text: string): ModelShape[] {
  const modelNames = new Set([...text.matchAll(/^model (\w+) \{/gm)].map((m) => m[1]));
  const models: ModelShape[] = [];
  for (const match of text.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)) {
    const [, name, body] = match;
    const model: ModelShape = { name, columns: [], uniques: [], indexes: [], foreignKeys: [] };
    const optionalColumns = new Set<string>();
    const relations: { fields: string; table: string; references: string; onDelete: string | null }[] = [];
    for (const raw of body.split("\n")) {
      const line = raw.replace(/\/\/.*$/, "").trim();
      const unique = line.match(/^@@unique\(\[([^\]]+)\]/);
      if (unique) model.uniques.push(list(unique[1]));
      const index = line.match(/^@@index\(\[([^\]]+)\]/);
      if (index) model.indexes.push(list(index[1]));
      const field = line.match(/^(\w+)\s+(\w+)(\?|\[\])?/);
      if (!field || line.startsWith("@@")) continue;
      const [, fieldName, type, modifier] = field;
      if (modelNames.has(type)) {
        const relation = line.match(/@relation\([^)]*fields:\s*\[([^\]]+)\][^)]*references:\s*\[([^\]]+)\]/);
        if (relation) relations.push({ fields: list(relation[1]), table: type, references: list(relation[2]), onDelete: line.match(/onDelete:\s*(\w+)/)?.[1] ?? null });
        continue;
      }
      if (!SCALARS.has(type) || modifier === "[]") continue;
      const dbDefault = /@default\((?!cuid\(|uuid\(|nanoid\(|ulid\()/.test(line);
      model.columns.push({ name: fieldName, type: TYPES[type][engine], optional: modifier === "?", dbDefault });
      if (modifier === "?") optionalColumns.add(fieldName);
      if (/@unique\b/.test(line)) model.uniques.push(fieldName);
    }
    for (const r of relations) {
      // Prisma's default: a required relation restricts deletes, an optional one sets null.
      const onDelete = r.onDelete ?? (r.fields.split(",").some((f) => optionalColumns.has(f)) ? "SetNull" : "Restrict");
      model.foreignKeys.push({ columns: r.fields, table: r.table, references: r.references, onDelete: { Cascade: "CASCADE", Restrict: "RESTRICT", SetNull: "SET NULL", NoAction: "NO ACTION", SetDefault: "SET DEFAULT" }[onDelete]! });
    }
    models.push(model);
  }
  return models;
}

/** What the migrated database has, in the same shape. */
interface Introspection {
  columns(table: string): Promise<Column[]>;
  indexes(table: string): Promise<{ columns: string; unique: boolean }[]>;
  foreignKeys(table: string): Promise<ForeignKey[]>;
  tables(): Promise<string[]>;
  close(): Promise<void>;
}

function sqliteIntrospection(): Introspection {
  const db = new Database(process.env.DATABASE_URL!.replace(/^file:/, ""), { readonly: true });
  return {
    async tables() {
      return (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations'`).all() as { name: string }[]).map((t) => t.name);
    },
    async columns(table) {
      const rows = db.prepare(`PRAGMA table_info("${table}")`).all() as { name: string; type: string; notnull: number; pk: number; dflt_value: string | null }[];
      return rows.map((c) => ({ name: c.name, type: c.type, optional: c.notnull === 0 && c.pk === 0, dbDefault: c.dflt_value !== null }));
    },
    async indexes(table) {
      const list = db.prepare(`PRAGMA index_list("${table}")`).all() as { name: string; unique: number; origin: string }[];
      return list
        .filter((i) => i.origin !== "pk")
        .map((i) => ({ unique: i.unique === 1, columns: (db.prepare(`PRAGMA index_info("${i.name}")`).all() as { name: string }[]).map((c) => c.name).join(",") }));
    },
    async foreignKeys(table) {
      const rows = db.prepare(`PRAGMA foreign_key_list("${table}")`).all() as { id: number; seq: number; table: string; from: string; to: string; on_delete: string }[];
      const byId = new Map<number, ForeignKey>();
      for (const r of rows.sort((a, b) => a.seq - b.seq)) {
        const fk = byId.get(r.id);
        if (fk) {
          fk.columns += `,${r.from}`;
          fk.references += `,${r.to}`;
        } else byId.set(r.id, { columns: r.from, table: r.table, references: r.to, onDelete: r.on_delete });
      }
      return [...byId.values()];
    },
    async close() {
      db.close();
    },
  };
}

async function postgresIntrospection(): Promise<Introspection> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  return {
    async tables() {
      const { rows } = await client.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'`);
      return rows.map((r) => r.table_name);
    },
    async columns(table) {
      const { rows } = await client.query(
        `SELECT column_name, format_type(a.atttypid, a.atttypmod) AS type, is_nullable, column_default
         FROM information_schema.columns c
         JOIN pg_attribute a ON a.attrelid = ('public.' || quote_ident(c.table_name))::regclass AND a.attname = c.column_name
         WHERE c.table_schema = 'public' AND c.table_name = $1`,
        [table],
      );
      return rows.map((r) => ({ name: r.column_name, type: r.type, optional: r.is_nullable === "YES", dbDefault: r.column_default !== null }));
    },
    async indexes(table) {
      const { rows } = await client.query(
        `SELECT ix.indisunique AS unique, string_agg(a.attname, ',' ORDER BY k.ord) AS columns
         FROM pg_index ix
         JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord) ON true
         JOIN pg_attribute a ON a.attrelid = ix.indrelid AND a.attnum = k.attnum
         WHERE ix.indrelid = ('public.' || quote_ident($1))::regclass AND NOT ix.indisprimary
         GROUP BY ix.indexrelid, ix.indisunique`,
        [table],
      );
      return rows.map((r) => ({ unique: r.unique, columns: r.columns }));
    },
    async foreignKeys(table) {
      const { rows } = await client.query(
        `SELECT confrelid::regclass::text AS target, confdeltype,
                (SELECT string_agg(attname, ',' ORDER BY k.ord) FROM unnest(conkey) WITH ORDINALITY k(n, ord) JOIN pg_attribute ON attrelid = conrelid AND attnum = k.n) AS columns,
                (SELECT string_agg(attname, ',' ORDER BY k.ord) FROM unnest(confkey) WITH ORDINALITY k(n, ord) JOIN pg_attribute ON attrelid = confrelid AND attnum = k.n) AS refs
         FROM pg_constraint WHERE contype = 'f' AND conrelid = ('public.' || quote_ident($1))::regclass`,
        [table],
      );
      const rule: Record<string, string> = { a: "NO ACTION", r: "RESTRICT", c: "CASCADE", n: "SET NULL", d: "SET DEFAULT" };
      return rows.map((r) => ({ columns: r.columns, table: r.target.replace(/^"|"$/g, ""), references: r.refs, onDelete: rule[r.confdeltype] }));
    },
    async close() {
      await client.end();
    },
  };
}

const byKey = <T>(items: T[], key: (t: T) => string) => [...items].sort((a, b) => key(a).localeCompare(key(b)));

describe(`migrations and schema (${engine})`, () => {
  const models = parseModels(schema);
  let db: Introspection;
  beforeAll(async () => {
    db = engine === "postgres" ? await postgresIntrospection() : sqliteIntrospection();
  });
  afterAll(async () => {
    await db?.close();
  });

  it("finds the models, columns, indexes and relations in the schema", () => {
    expect(models.map((m) => m.name)).toContain("Attempt");
    expect(models.length).toBeGreaterThanOrEqual(15);
    const attempt = models.find((m) => m.name === "Attempt")!;
    expect(attempt.columns.find((c) => c.name === "createdAt")).toMatchObject({ optional: false, dbDefault: true });
    expect(attempt.columns.find((c) => c.name === "id")).toMatchObject({ dbDefault: false });
    expect(attempt.uniques).toEqual(expect.arrayContaining(["submissionKey", "studentId,checkpointId,number"]));
    expect(attempt.indexes).toEqual(["checkpointId"]);
    expect(attempt.foreignKeys).toContainEqual({ columns: "studentId", table: "User", references: "id", onDelete: "RESTRICT" });
    expect(models.find((m) => m.name === "Session")!.foreignKeys).toEqual([{ columns: "userId", table: "User", references: "id", onDelete: "CASCADE" }]);
  });

  it("has a table for every model and no other", async () => {
    expect((await db.tables()).sort()).toEqual(models.map((m) => m.name).sort());
  });

  it.each(models.map((m) => [m.name, m] as const))("%s has its columns, indexes and foreign keys", async (_name, model) => {
    const columns = await db.columns(model.name);
    expect(byKey(columns, (c) => c.name), `columns of ${model.name}`).toEqual(byKey(model.columns, (c) => c.name));
    const indexes = await db.indexes(model.name);
    expect(indexes.filter((i) => i.unique).map((i) => i.columns).sort(), `unique indexes of ${model.name}`).toEqual([...model.uniques].sort());
    expect(indexes.filter((i) => !i.unique).map((i) => i.columns).sort(), `indexes of ${model.name}`).toEqual([...model.indexes].sort());
    expect(byKey(await db.foreignKeys(model.name), (f) => f.columns), `foreign keys of ${model.name}`).toEqual(byKey(model.foreignKeys, (f) => f.columns));
  });
});

describe("the two engines' migration histories", () => {
  it("every SQLite migration has a PostgreSQL twin of the same name, and no twin is left without one (`bash scripts/migration-diff.sh --postgres-twins` writes them)", () => {
    const sqlite = listMigrations(MIGRATIONS_DIR).map((m) => m.name);
    const postgres = listMigrations(POSTGRES_MIGRATIONS_DIR).map((m) => m.name);
    expect(postgres).toEqual(sqlite);
  });

  it("each folder is locked to its provider", () => {
    expect(fs.readFileSync(path.join(MIGRATIONS_DIR, "migration_lock.toml"), "utf8")).toMatch(/provider = "sqlite"/);
    expect(fs.readFileSync(path.join(POSTGRES_MIGRATIONS_DIR, "migration_lock.toml"), "utf8")).toMatch(/provider = "postgresql"/);
  });
});
