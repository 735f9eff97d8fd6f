// Builds one migrated SQLite template per test run; every test file copies it
// (fast and isolated). Each run has its own template, so runs can coexist.
import fs from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { migrateSqlite } from "../../scripts/lib/migrate";

const TMP_DIR = path.resolve(import.meta.dirname, "..", ".tmp");

declare module "vitest" {
  export interface ProvidedContext {
    templateDb: string;
    runId: string;
  }
}

export default function setup(project: TestProject) {
  fs.mkdirSync(TMP_DIR, { recursive: true });
  const runId = `${process.pid}-${Date.now().toString(36)}`;
  const template = path.join(TMP_DIR, `template-${runId}.db`);
  migrateSqlite(template);
  project.provide("templateDb", template);
  project.provide("runId", runId);
  return () => {
    for (const f of fs.readdirSync(TMP_DIR)) {
      if (f.startsWith(`unit-${runId}-`) || f.startsWith(`template-${runId}.db`)) fs.rmSync(path.join(TMP_DIR, f), { force: true });
    }
  };
}
