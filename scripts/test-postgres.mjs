// The PostgreSQL part of `npm test` (decision 011): the integration suite on
// PostgreSQL (a database per test file), then the end-to-end tests tagged
// @postgres (the core loop, and two app servers on one database).
// The server: TEST_POSTGRES_URL (an admin URL; .ci/run sets it), else a
// throwaway cluster when PostgreSQL's server programs are installed, else the
// part is skipped with a message (and fails under CI=1, which must run it).
//   node scripts/test-postgres.mjs [integration] [e2e]   (both by default)
// E2E_PORT and E2E_SKIP_BUILD work as for `npm run test:e2e`.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { findPostgresBinDir, startThrowawayPostgres } from "./lib/postgres-server.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const parts = process.argv.slice(2).length ? process.argv.slice(2) : ["integration", "e2e"];
for (const part of parts) {
  if (part !== "integration" && part !== "e2e") {
    console.error(`Unknown part "${part}": use integration and/or e2e.`);
    process.exit(2);
  }
}

let server = null;
let adminUrl = process.env.TEST_POSTGRES_URL;
if (!adminUrl) {
  if (!findPostgresBinDir()) {
    const message =
      "SKIPPED the PostgreSQL part of the tests: no PostgreSQL server. Set TEST_POSTGRES_URL to a server's admin URL, " +
      "or install PostgreSQL's server programs (Debian: apt-get install postgresql) and a throwaway one is started.";
    if (process.env.CI) {
      console.error(`${message}\nCI must run it: failing.`);
      process.exit(1);
    }
    console.warn(`\n*** ${message} ***\n`);
    process.exit(0);
  }
  server = await startThrowawayPostgres();
  adminUrl = server.url;
}

const timings = [];
let status = 0;
const bin = (pkg, ...p) => path.join(root, "node_modules", pkg, ...p);
try {
  if (parts.includes("integration")) {
    const started = Date.now();
    console.info("\nIntegration tests on PostgreSQL…");
    const r = spawnSync(process.execPath, [bin("vitest", "vitest.mjs"), "run", "tests/integration", "--exclude", "**/*.sqlite.test.ts"], {
      cwd: root,
      stdio: "inherit",
      env: { ...process.env, TEST_DATABASE: "postgres", TEST_POSTGRES_URL: adminUrl },
    });
    timings.push(`integration on PostgreSQL: ${Math.round((Date.now() - started) / 1000)} s`);
    status ||= r.status ?? 1;
  }
  if (parts.includes("e2e") && status === 0) {
    const started = Date.now();
    console.info("\nEnd-to-end tests on PostgreSQL (two app servers on one database)…");
    const r = spawnSync(process.execPath, [bin("@playwright", "test", "cli.js"), "test"], {
      cwd: root,
      stdio: "inherit",
      env: { ...process.env, E2E_POSTGRES_URL: adminUrl },
    });
    timings.push(`end-to-end on PostgreSQL: ${Math.round((Date.now() - started) / 1000)} s`);
    status ||= r.status ?? 1;
  }
} finally {
  server?.stop();
}
console.info(`\nPostgreSQL part ${status === 0 ? "passed" : "FAILED"} (${timings.join("; ")})`);
process.exit(status);
