// Proves the migrated database matches the schema the Prisma client was
// generated from: every model has its table, every scalar field its column,
// with the same nullability, and every @@unique its unique index.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";

const schema = fs.readFileSync(path.resolve(import.meta.dirname, "../../prisma/schema.prisma"), "utf8");
const SCALARS = new Set(["String", "Int", "BigInt", "Float", "Decimal", "Boolean", "DateTime", "Json", "Bytes"]);

interface ModelShape {
  name: string;
  columns: { name: string; optional: boolean }[];
  uniques: string[][];
}

function parseModels(text: string): ModelShape[] {
  const models: ModelShape[] = [];
  for (const match of text.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)) {
    const [, name, body] = match;
    const columns: ModelShape["columns"] = [];
    const uniques: string[][] = [];
    for (const raw of body.split("\n")) {
      const line = raw.replace(/\/\/.*$/, "").trim();
      const unique = line.match(/^@@unique\(\[([^\]]+)\]/);
      if (unique) uniques.push(unique[1].split(",").map((s) => s.trim()));
      const field = line.match(/^(\w+)\s+(\w+)(\?|\[\])?/);
      if (!field || line.startsWith("@@")) continue;
      const [, fieldName, type, modifier] = field;
      if (!SCALARS.has(type) || modifier === "[]") continue;
      columns.push({ name: fieldName, optional: modifier === "?" });
      if (/@unique\b/.test(line)) uniques.push([fieldName]);
    }
    models.push({ name, columns, uniques });
  }
  return models;
}

describe("migrations and schema", () => {
  const db = new Database(process.env.DATABASE_URL!.replace(/^file:/, ""), { readonly: true });
  const models = parseModels(schema);

  it("finds the models in the schema", () => {
    expect(models.map((m) => m.name)).toContain("Attempt");
    expect(models.length).toBeGreaterThanOrEqual(15);
  });

  it.each(models.map((m) => [m.name, m] as const))("%s has its table, columns and unique indexes", (_name, model) => {
    const columns = db.prepare(`PRAGMA table_info("${model.name}")`).all() as { name: string; notnull: number; pk: number }[];
    expect(columns.length, `table ${model.name} exists`).toBeGreaterThan(0);
    const actual = Object.fromEntries(columns.map((c) => [c.name, { optional: c.notnull === 0 && c.pk === 0 }]));
    for (const column of model.columns) {
      expect(actual[column.name], `${model.name}.${column.name}`).toEqual({ optional: column.optional });
    }
    expect(columns.map((c) => c.name).sort()).toEqual(model.columns.map((c) => c.name).sort());
    const indexes = db.prepare(`PRAGMA index_list("${model.name}")`).all() as { name: string; unique: number }[];
    const uniqueSets = indexes
      .filter((i) => i.unique === 1)
      .map((i) => (db.prepare(`PRAGMA index_info("${i.name}")`).all() as { name: string }[]).map((c) => c.name).join(","));
    for (const unique of model.uniques) expect(uniqueSets).toContain(unique.join(","));
  });
});
