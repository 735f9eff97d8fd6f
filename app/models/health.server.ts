// Whether this server can do its work: the database answers a query on the
// app's own tables, within a short time. Read by the /healthz route that load
// balancers and monitoring call.
import { prisma } from "~/db.server";
import { lastLine } from "~/utils/prisma-errors.server";

export type DatabaseHealth =
  | { ok: true }
  | { ok: false; status: "unavailable" | "read-only"; message: string };

const TIMEOUT = Symbol("timeout");

export async function checkDatabaseHealth({ timeoutMs = 2000 } = {}): Promise<DatabaseHealth> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    // A read that touches a real table (an index lookup, cheap on any size), so a
    // database without Rebound's tables is not "ok".
    const answered = await Promise.race([
      prisma.user.findFirst({ select: { id: true } }),
      new Promise<typeof TIMEOUT>((resolve) => {
        timer = setTimeout(() => resolve(TIMEOUT), timeoutMs);
      }),
    ]);
    if (answered === TIMEOUT) {
      return { ok: false, status: "unavailable", message: `The database did not answer within ${timeoutMs / 1000} seconds.` };
    }
  } catch (error) {
    // The driver's words may name hosts: they go to the server's log, not to the caller.
    console.error(`[rebound] health check: the database did not answer: ${lastLine(error)}`);
    return { ok: false, status: "unavailable", message: "The database did not answer; the server's log says why." };
  } finally {
    clearTimeout(timer);
  }
  if (process.env.DATABASE_READ_ONLY === "1") {
    return { ok: false, status: "read-only", message: "The database is open read-only (DATABASE_READ_ONLY=1): pages can be read, but nothing can be saved." };
  }
  return { ok: true };
}
