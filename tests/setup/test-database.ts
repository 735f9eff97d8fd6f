// Which engine the integration tests run on (decisions 006 and 011): SQLite by
// default; PostgreSQL when TEST_DATABASE=postgres, on the server whose admin URL
// is TEST_POSTGRES_URL (`npm run test:postgres` sets both).
import pg from "pg";

export type TestEngine = "sqlite" | "postgres";

export function testEngine(): TestEngine {
  const engine = process.env.TEST_DATABASE ?? "sqlite";
  if (engine !== "sqlite" && engine !== "postgres") throw new Error(`TEST_DATABASE is "sqlite" or "postgres", not "${engine}".`);
  return engine;
}

export function postgresAdminUrl(): string {
  const url = process.env.TEST_POSTGRES_URL;
  if (!url) throw new Error("TEST_DATABASE=postgres needs TEST_POSTGRES_URL (the admin URL of a PostgreSQL server); `npm run test:postgres` starts one.");
  return url;
}

/** The URL of another database on the same server as the admin URL. */
export function postgresDatabaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Runs statements on the server's admin database (CREATE/DROP DATABASE cannot run in a transaction or a pool's prepared path). */
export async function withPostgresAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: postgresAdminUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;
