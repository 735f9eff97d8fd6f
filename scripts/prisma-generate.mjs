// Generates the Prisma clients without Prisma's native schema engine: one for
// SQLite from prisma/schema.prisma (app/generated/prisma) and one for
// PostgreSQL from the schema derived from it (app/generated/prisma-postgres);
// app/db.server.ts picks one by DATABASE_URL (decision 011).
// `prisma generate` only needs PRISMA_SCHEMA_ENGINE_BINARY to point at an
// existing file; the stub below refuses honestly if something asks it to run.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { root, SQLITE_SCHEMA, writePostgresSchema } from "./lib/postgres-schema.mjs";

const stub = path.join(root, "scripts", "no-schema-engine.sh");
const env = { ...process.env };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY) env.PRISMA_SCHEMA_ENGINE_BINARY = stub;
env.PRISMA_HIDE_UPDATE_MESSAGE = "1";
const cli = path.join(root, "node_modules", "prisma", "build", "index.js");
for (const schema of [SQLITE_SCHEMA, writePostgresSchema()]) {
  const result = spawnSync(process.execPath, [cli, "generate", "--schema", path.relative(root, schema)], { cwd: root, env, stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
