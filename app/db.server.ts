import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "~/generated/prisma/client";

export const DEFAULT_DATABASE_URL = "file:./prisma/dev.db";

/**
 * `readOnly` (DATABASE_READ_ONLY=1) opens the SQLite file read-only: pages can
 * be read, every save answers 503 (e.g. while a server is being moved).
 */
export function createPrismaClient(url = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL, { readOnly = process.env.DATABASE_READ_ONLY === "1" } = {}) {
  const adapter = new PrismaBetterSqlite3({ url, readonly: readOnly });
  return new PrismaClient({ adapter });
}

const globalForPrisma = globalThis as unknown as { __reboundPrisma?: PrismaClient };

/** The one Prisma client of the process (kept across dev-server reloads). */
export const prisma: PrismaClient = globalForPrisma.__reboundPrisma ?? createPrismaClient();
if (process.env.NODE_ENV !== "production") globalForPrisma.__reboundPrisma = prisma;

export type { PrismaClient };
