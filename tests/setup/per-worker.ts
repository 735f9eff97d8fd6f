// Runs before each test file: gives it a fresh copy of the migrated template
// database, and turns unexpected console.error output into a failure.
import { randomUUID } from "node:crypto";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, inject, vi } from "vitest";

const tmp = path.resolve(import.meta.dirname, "..", ".tmp");
const template = inject("templateDb");
const file = path.join(tmp, `unit-${inject("runId")}-${randomUUID().slice(0, 8)}.db`);
{
  // VACUUM INTO gives a consistent single-file copy even if the template uses WAL.
  const source = new Database(template, { readonly: true });
  source.exec(`VACUUM INTO '${file.replace(/'/g, "''")}'`);
  source.close();
}
process.env.DATABASE_URL = `file:${file}`;
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

export { file as testDatabaseFile };
