// Generates the Prisma client without Prisma's native schema engine.
// `prisma generate` only needs PRISMA_SCHEMA_ENGINE_BINARY to point at an
// existing file; the stub below refuses honestly if something asks it to run.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import path from "node:path";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const stub = path.join(root, "scripts", "no-schema-engine.sh");
const env = { ...process.env };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY) env.PRISMA_SCHEMA_ENGINE_BINARY = stub;
env.PRISMA_HIDE_UPDATE_MESSAGE = "1";
const result = spawnSync(
  process.execPath,
  [path.join(root, "node_modules", "prisma", "build", "index.js"), "generate"],
  { cwd: root, env, stdio: "inherit" },
);
process.exit(result.status ?? 1);
