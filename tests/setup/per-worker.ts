// Runs before each test file: gives it a fresh copy of the migrated template
// database, and turns unexpected console.error output into a failure.
import { randomUUID } from "node:crypto";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, inject, vi } from "vitest";
import { postgresAdminUrl, postgresDatabaseUrl, quoteIdent, testEngine, withPostgresAdmin } from "./test-database";

const template = inject("templateDb");
const suffix = randomUUID().slice(0, 8);

if (testEngine() === "postgres") {
  // A database per test file, copied from the migrated template (dropped when the run ends).
  const database = `${template.replace(/_template$/, "")}_${suffix}`;
  await withPostgresAdmin(async (admin) => {
    for (let tries = 0; ; tries++) {
      try {
        await admin.query(`CREATE DATABASE ${quoteIdent(database)} TEMPLATE ${quoteIdent(template)} STRATEGY FILE_COPY`);
        return;
      } catch (error) {
        // Two files copying the template at the same instant can collide; try again shortly.
        if (tries >= 20 || !/being accessed by other users/.test(String(error))) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50 + 50 * tries));
      }
    }
  });
  process.env.DATABASE_URL = postgresDatabaseUrl(postgresAdminUrl(), database);
} else {
  const file = path.join(path.resolve(import.meta.dirname, "..", ".tmp"), `unit-${inject("runId")}-${suffix}.db`);
  // VACUUM INTO gives a consistent single-file copy even if the template uses WAL.
  const source = new Database(template, { readonly: true });
  source.exec(`VACUUM INTO '${file.replace(/'/g, "''")}'`);
  source.close();
  process.env.DATABASE_URL = `file:${file}`;
}
process.env.NODE_ENV = "test";

let errorSpy: ReturnType<typeof vi.spyOn> | undefined;
beforeEach(() => {
  errorSpy = vi.spyOn(console, "error");
});
afterEach(() => {
  const calls = errorSpy?.mock.calls ?? [];
  errorSpy?.mockRestore();
  if (calls.length > 0 && !(globalThis as { __expectConsoleError?: boolean }).__expectConsoleError) {
    throw new Error(`console.error was called during the test:\n${calls.map((c: unknown[]) => c.map(String).join(" ")).join("\n")}`);
  }
});
