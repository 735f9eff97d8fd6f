import path from "node:path";
import { defineConfig } from "prisma/config";

// A postgres:// or postgresql:// DATABASE_URL selects the PostgreSQL schema (derived from
// prisma/schema.prisma by scripts/prisma-generate.mjs) and its own migrations (decision 011).
const url = process.env.DATABASE_URL ?? "file:./prisma/dev.db";
const postgres = /^postgres(ql)?:\/\//.test(url);

export default defineConfig({
  schema: postgres ? path.join("prisma", "postgres", "schema.prisma") : path.join("prisma", "schema.prisma"),
  migrations: { path: postgres ? path.join("prisma", "migrations-postgres") : path.join("prisma", "migrations") },
  datasource: { url },
});
