import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type Database from "better-sqlite3";
import { PrismaClient } from "~/generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "~/generated/prisma-postgres/client";
import { isPostgresUrl } from "~/utils/database-url";
import { sqliteConnection } from "~/utils/sqlite-connection.server";

export const DEFAULT_DATABASE_URL = "file:./prisma/dev.db";

/**
 * A Prisma client for the database the URL names: SQLite for `file:` URLs,
 * PostgreSQL for `postgres://` and `postgresql://` ones (decision 011). Both
 * clients are generated from one schema; the app is typed against the SQLite
 * one, so it cannot use a feature only PostgreSQL has.
 *
 * `readOnly` (DATABASE_READ_ONLY=1) opens the database read-only: pages can be
 * read, every save answers 503 (e.g. while a server is being moved). SQLite
 * opens the file read-only; on PostgreSQL every connection starts with
 * default_transaction_read_only, so a write is refused as on a standby.
 */
export function createPrismaClient(url = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL, { readOnly = process.env.DATABASE_READ_ONLY === "1" } = {}): PrismaClient {
  if (isPostgresUrl(url)) {
    const adapter = new PrismaPg({ connectionString: url, ...(readOnly ? { options: "-c default_transaction_read_only=on" } : {}) });
    return new PostgresPrismaClient({ adapter }) as unknown as PrismaClient;
  }
  return new PrismaClient({ adapter: cachingStatements(new PrismaBetterSqlite3({ url, readonly: readOnly })) });
}

/**
 * The SQLite adapter's connections, each with immediate transactions and a cache of prepared statements
 * (app/utils/sqlite-connection.server.ts; decision 016).
 */
function cachingStatements(factory: PrismaBetterSqlite3): PrismaBetterSqlite3 {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    const connection = adapter as unknown as { client: Database.Database };
    connection.client = sqliteConnection(connection.client);
    return adapter;
  };
  return factory;
}

/** The engine behind `prisma`, read from the same DATABASE_URL. */
export const databaseEngine: "sqlite" | "postgres" = isPostgresUrl(process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL) ? "postgres" : "sqlite";

const globalForPrisma = globalThis as unknown as { __reboundPrisma?: PrismaClient };

/** The one Prisma client of the process (kept across dev-server reloads). */
export const prisma: PrismaClient = globalForPrisma.__reboundPrisma ?? createPrismaClient();
if (process.env.NODE_ENV !== "production") globalForPrisma.__reboundPrisma = prisma;

export type { PrismaClient };
