import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "~/generated/prisma/client";

export const DEFAULT_DATABASE_URL = "file:./prisma/dev.db";

export function createPrismaClient(url = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL) {
  const adapter = new PrismaBetterSqlite3({ url });
  return new PrismaClient({ adapter });
}

const globalForPrisma = globalThis as unknown as { __reboundPrisma?: PrismaClient };

/** The one Prisma client of the process (kept across dev-server reloads). */
export const prisma: PrismaClient = globalForPrisma.__reboundPrisma ?? createPrismaClient();
if (process.env.NODE_ENV !== "production") globalForPrisma.__reboundPrisma = prisma;

export type { PrismaClient };
