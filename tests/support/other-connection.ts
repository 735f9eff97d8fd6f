// A write made outside this process's Prisma client, as another app server on
// the same database makes it: what the caches checked against the project's
// data version must notice (decision 015).
import Database from "better-sqlite3";
import pg from "pg";
import { testDatabaseFile } from "../setup/per-worker";
import { testEngine } from "../setup/test-database";

/** Runs one statement ($1, $2… placeholders) through a connection of its own. */
export async function writeFromAnotherConnection(sql: string, params: unknown[]) {
  if (testEngine() === "postgres") {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      await client.query(sql, params);
    } finally {
      await client.end();
    }
    return;
  }
  const db = new Database(testDatabaseFile!);
  try {
    db.prepare(sql.replace(/\$\d+/g, "?")).run(...params);
  } finally {
    db.close();
  }
}
