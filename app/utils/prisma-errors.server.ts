// What a failed Prisma write means, and the one retry it calls for, in one place.
import { prisma } from "~/db.server";
import { Prisma } from "~/generated/prisma/client";

/** A write refused because another row already holds a unique value (Prisma's P2002). */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** Runs a transaction, once more if a concurrent write took a unique pair first. */
export async function transactionRetryingOnce<T>(fn: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  try {
    return await prisma.$transaction(fn);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return prisma.$transaction(fn);
  }
}

/** What a person is told when the database takes no changes: nothing was saved, and why it is worth trying again later. */
export const STORAGE_UNAVAILABLE_MESSAGE =
  "We couldn't save this: the server can't store changes right now. Nothing was saved. Your text is still here; try again in a few minutes.";

/** The last line of an error's message: Prisma puts the driver's words there, after a code frame. */
export function lastLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split("\n").filter((line) => line.trim()).pop() ?? text;
}

// SQLite result codes (better-sqlite3 names them; the primary code is the part
// before a second underscore, e.g. SQLITE_READONLY_DBMOVED, SQLITE_IOERR_WRITE).
const SQLITE_STORAGE_CODES = new Set(["SQLITE_READONLY", "SQLITE_FULL", "SQLITE_IOERR", "SQLITE_CANTOPEN", "SQLITE_BUSY", "SQLITE_LOCKED", "SQLITE_NOLFS"]);
// SQLite's numeric primary codes, for errors that carry only a number.
const SQLITE_STORAGE_NUMBERS = new Set([5 /* BUSY */, 6 /* LOCKED */, 8 /* READONLY */, 10 /* IOERR */, 13 /* FULL */, 14 /* CANTOPEN */, 22 /* NOLFS */]);
// PostgreSQL SQLSTATEs: read-only transaction, disk full, out of memory, too many
// connections, configuration limit, shutting down / starting up, I/O error.
const POSTGRES_STORAGE_STATES = new Set(["25006", "53100", "53200", "53300", "53400", "57P01", "57P02", "57P03", "58030"]);
// Prisma's own codes for a database it cannot reach or that stopped answering.
const PRISMA_UNAVAILABLE_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
// Driver adapters' kinds for the same.
const ADAPTER_UNAVAILABLE_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "TooManyConnections", "SocketTimeout"]);

function isStorageCode(code: unknown): boolean {
  if (typeof code === "number") return SQLITE_STORAGE_NUMBERS.has(code & 0xff);
  if (typeof code !== "string") return false;
  if (code.startsWith("SQLITE_")) return SQLITE_STORAGE_CODES.has(code.split("_").slice(0, 2).join("_"));
  // A PostgreSQL connection exception (class 08) or one of the states above.
  return POSTGRES_STORAGE_STATES.has(code) || /^08[0-9A-Z]{3}$/.test(code) || PRISMA_UNAVAILABLE_CODES.has(code);
}

/**
 * Whether an error means the database cannot take changes or cannot be reached
 * at all — a read-only or full disk, an I/O failure, a database that is locked
 * or gone — rather than something wrong with this request. Such a failure is
 * the server's (503), and nothing of the request was stored: a save that fails
 * this way must never be reported as saved.
 *
 * Looks through Prisma's wrapping (a driver adapter's error sits in
 * `meta.driverAdapterError.cause`) and through `cause` chains, so it also
 * recognises the driver's own errors (better-sqlite3, pg).
 */
export function isStorageUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0 && seen.size < 20) {
    const current = queue.shift();
    if (!current || typeof current !== "object" || seen.has(current)) continue;
    seen.add(current);
    if (current instanceof Prisma.PrismaClientInitializationError) return true;
    const e = current as { code?: unknown; originalCode?: unknown; extendedCode?: unknown; kind?: unknown; meta?: unknown; cause?: unknown };
    if (isStorageCode(e.code) || isStorageCode(e.originalCode)) return true;
    if (typeof e.kind === "string" && ADAPTER_UNAVAILABLE_KINDS.has(e.kind)) return true;
    if (e.kind === "sqlite" && typeof e.extendedCode === "number" && isStorageCode(e.extendedCode)) return true;
    const meta = e.meta as { driverAdapterError?: unknown } | undefined;
    queue.push(meta?.driverAdapterError, e.cause);
  }
  return false;
}
