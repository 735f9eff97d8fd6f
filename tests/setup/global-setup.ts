// Builds one migrated template database per test run; every test file copies it
// (fast and isolated). Each run has its own template, so runs can coexist.
// SQLite: a template file; PostgreSQL: a template database on the test server
// (tests/setup/test-database.ts says which).
import fs from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { migratePostgres, migrateSqlite } from "../../scripts/lib/migrate";
import { postgresAdminUrl, postgresDatabaseUrl, quoteIdent, testEngine, withPostgresAdmin } from "./test-database";

const TMP_DIR = path.resolve(import.meta.dirname, "..", ".tmp");

declare module "vitest" {
  export interface ProvidedContext {
    /** SQLite: the template file; PostgreSQL: the template database's name. */
    templateDb: string;
    runId: string;
  }
}

export default async function setup(project: TestProject) {
  const runId = `${process.pid}-${Date.now().toString(36)}`;
  project.provide("runId", runId);
  if (testEngine() === "postgres") {
    const prefix = `rebound_t_${runId.replace(/\W/g, "_")}`;
    const template = `${prefix}_template`;
    await withPostgresAdmin((admin) => admin.query(`CREATE DATABASE ${quoteIdent(template)}`));
    await migratePostgres(postgresDatabaseUrl(postgresAdminUrl(), template));
    project.provide("templateDb", template);
    return async () => {
      await withPostgresAdmin(async (admin) => {
        const { rows } = await admin.query<{ datname: string }>("SELECT datname FROM pg_database WHERE starts_with(datname, $1)", [`${prefix}_`]);
        for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(datname)} WITH (FORCE)`);
      });
    };
  }
  fs.mkdirSync(TMP_DIR, { recursive: true });
  const template = path.join(TMP_DIR, `template-${runId}.db`);
  migrateSqlite(template);
  project.provide("templateDb", template);
  return () => {
    for (const f of fs.readdirSync(TMP_DIR)) {
      if (f.startsWith(`unit-${runId}-`) || f.startsWith(`template-${runId}.db`)) fs.rmSync(path.join(TMP_DIR, f), { force: true });
    }
  };
}
