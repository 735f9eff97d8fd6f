// A database that takes no changes (opened read-only, or a full disk, which
// SQLite's max_page_count simulates; CI runs as root, so file permissions
// cannot) is told apart from a bad request, answered with 503, and never
// reported as a save (decision 014). On PostgreSQL (`npm run test:postgres`,
// decision 011) "read-only" is a database whose transactions are read-only, as
// on a standby; its full disk is not simulated here.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import type { AppLoadContext } from "@remix-run/node";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createPrismaClient, prisma } from "~/db.server";
import { handleDataRequest, handleError } from "~/entry.server";
import { action as checkpointAction } from "~/routes/learn.projects.$projectId.checkpoints.$checkpointId";
import { loader as healthLoader } from "~/routes/healthz";
import { STORAGE_UNAVAILABLE_MESSAGE, isStorageUnavailable, isUniqueViolation } from "~/utils/prisma-errors.server";
import { UNEXPECTED_FAILURE_MESSAGE } from "~/utils/action-failure.server";
import { testDatabaseFile } from "../setup/per-worker";
import { testEngine } from "../setup/test-database";
import { createClassWithProject, createStudent } from "../support/factories";
import { call, cookieFor, post } from "../support/routes";
import { takeNoChanges } from "../support/storage";

const newUser = () => ({ email: `u-${randomUUID()}@example.test`, name: "A. Student", role: "STUDENT" as const, passwordHash: "x" });

const postgres = testEngine() === "postgres";
/** How the driver words a write the database refused because it takes no changes. */
const READ_ONLY_WORDS = postgres ? /cannot execute .* in a read-only transaction/ : /attempt to write a readonly database/;

/** A copy of this file's database, for a client of its own (SQLite). */
function copyOfTestDatabase(): string {
  const source = testDatabaseFile!;
  const copy = path.join(path.dirname(source), `copy-${randomUUID().slice(0, 8)}-${path.basename(source)}`);
  const db = new Database(source, { readonly: true });
  db.exec(`VACUUM INTO '${copy}'`);
  db.close();
  return copy;
}
const removeDatabase = (file: string) => ["", "-wal", "-shm"].forEach((s) => fs.rmSync(file + s, { force: true }));

/** A client of its own that opens this file's database (a copy, on SQLite) read-only, and how to clean up after it. */
function readOnlyClient() {
  if (postgres) {
    const client = createPrismaClient(process.env.DATABASE_URL, { readOnly: true });
    return { client, done: () => client.$disconnect() };
  }
  const file = copyOfTestDatabase();
  const client = createPrismaClient(`file:${file}`, { readOnly: true });
  return {
    client,
    done: async () => {
      await client.$disconnect();
      removeDatabase(file);
    },
  };
}

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the database to refuse the write");
}

afterEach(async () => {
  await takeNoChanges(false);
  delete process.env.DATABASE_READ_ONLY;
});

describe("isStorageUnavailable", () => {
  it("recognises a write to a database opened read-only, and reads still work", async () => {
    const { client: readOnly, done } = readOnlyClient();
    try {
      await expect(readOnly.user.count()).resolves.toBeGreaterThanOrEqual(0);
      const error = await rejectionOf(readOnly.user.create({ data: newUser() }));
      expect(isStorageUnavailable(error)).toBe(true);
      expect(isUniqueViolation(error)).toBe(false);
      // Inside an interactive transaction too, as submitAttempt writes.
      expect(isStorageUnavailable(await rejectionOf(readOnly.$transaction((tx) => tx.user.create({ data: newUser() }))))).toBe(true);
    } finally {
      await done();
    }
  });

  it.skipIf(postgres)("recognises a full disk (SQLite's page limit reached)", async () => {
    const file = copyOfTestDatabase();
    const client = createPrismaClient(`file:${file}`);
    try {
      const [{ page_count }] = await client.$queryRawUnsafe<{ page_count: bigint }[]>("PRAGMA page_count");
      await client.$queryRawUnsafe(`PRAGMA max_page_count = ${Number(page_count) + 2}`);
      const error = await rejectionOf(
        (async () => {
          for (let i = 0; i < 200; i++) await client.user.create({ data: { ...newUser(), name: "x".repeat(3000) } });
        })(),
      );
      expect(String((error as Error).message)).toMatch(/full/);
      expect(isStorageUnavailable(error)).toBe(true);
    } finally {
      await client.$disconnect();
      removeDatabase(file);
    }
  });

  it("leaves other failures alone: a unique clash, a bad request, a thrown response", async () => {
    const taken = await createStudent();
    const clash = await rejectionOf(prisma.user.create({ data: { ...newUser(), email: taken.email } }));
    expect(isUniqueViolation(clash)).toBe(true);
    expect(isStorageUnavailable(clash)).toBe(false);
    expect(isStorageUnavailable(new Error("Could not store the attempt after several tries."))).toBe(false);
    expect(isStorageUnavailable(new Response("Not found", { status: 404 }))).toBe(false);
    expect(isStorageUnavailable(null)).toBe(false);
    // The drivers' own errors, as PostgreSQL's adapter reports a read-only transaction and a full disk.
    expect(isStorageUnavailable({ kind: "postgres", code: "25006", message: "cannot execute INSERT in a read-only transaction" })).toBe(true);
    expect(isStorageUnavailable({ meta: { driverAdapterError: { cause: { originalCode: "53100", kind: "postgres" } } } })).toBe(true);
    expect(isStorageUnavailable({ kind: "DatabaseNotReachable" })).toBe(true);
    expect(isStorageUnavailable({ kind: "postgres", code: "23514" })).toBe(false);
  });
});

describe("an attempt sent while the database takes no changes", () => {
  it("is not stored: the form comes back with a 503, the answer kept and words that say nothing was saved", async () => {
    const { project, checkpoints, student } = await createClassWithProject();
    const numeric = checkpoints[1];
    const cookie = await cookieFor(student.id);
    const path_ = `/learn/projects/${project.id}/checkpoints/${numeric.id}`;
    const params = { projectId: project.id, checkpointId: numeric.id };
    const send = () => call(checkpointAction, post(path_, { intent: "attempt", submissionKey: randomUUID(), numericAnswer: "12.5", confidence: "4" }, cookie), params);

    vi.mocked(console.error).mockImplementation(() => {});
    await takeNoChanges(true);
    const refused = await send();
    await takeNoChanges(false);
    // The server's log gets one line saying why (expected here, so cleared).
    expect(vi.mocked(console.error).mock.calls.map((c) => String(c[0]))).toEqual([
      expect.stringMatching(new RegExp(`^\\[rebound\\] POST /learn/projects/[^ ]+: the database took no changes, answering 503 with the form kept: .*${READ_ONLY_WORDS.source}`)),
    ]);
    vi.mocked(console.error).mockClear();
    expect(refused.status).toBe(503);
    expect(refused.headers.get("Retry-After")).toBe("30");
    expect(refused.location).toBeNull();
    expect(refused.data.reply.error[""]).toEqual([STORAGE_UNAVAILABLE_MESSAGE]);
    expect(STORAGE_UNAVAILABLE_MESSAGE).toMatch(/^We couldn't save this\b.*Nothing was saved\. Your text is still here/);
    expect(refused.data.reply.initialValue).toMatchObject({ numericAnswer: "12.5", confidence: "4" });
    expect(await prisma.attempt.count({ where: { studentId: student.id } })).toBe(0);

    // Once the database takes changes again, the same answer is stored.
    expect((await send()).status).toBe(302);
    expect(await prisma.attempt.count({ where: { studentId: student.id } })).toBe(1);
  });

  it("other failures are not dressed up as a storage problem: a 500 that says the attempt may not have been saved, the answer kept", async () => {
    const { project, checkpoints, student } = await createClassWithProject();
    const cookie = await cookieFor(student.id);
    const params = { projectId: project.id, checkpointId: checkpoints[1].id };
    // The checkpoint's stored content is broken: a bug, not a full disk.
    await prisma.checkpointVersion.updateMany({ where: { checkpointId: checkpoints[1].id }, data: { spec: "{not json" } });
    vi.mocked(console.error).mockImplementation(() => {});
    const failed = await call(checkpointAction, post(`/learn/projects/${project.id}/checkpoints/${checkpoints[1].id}`, { intent: "attempt", numericAnswer: "1" }, cookie), params);
    vi.mocked(console.error).mockReset();
    expect(failed.status).toBe(500);
    expect(failed.data).toMatchObject({ formId: "attempt", saveFailed: "unexpected", message: UNEXPECTED_FAILURE_MESSAGE });
    expect(failed.data.message).not.toBe(STORAGE_UNAVAILABLE_MESSAGE);
    expect(failed.data.reply.initialValue).toMatchObject({ numericAnswer: "1" });
  });

});

describe("the server's answer to a storage failure that reaches Remix", () => {
  it("marks the request, logs one line and turns a 500 into a 503; anything else keeps its status", async () => {
    const { client: readOnly, done } = readOnlyClient();
    const error = await rejectionOf(readOnly.user.create({ data: newUser() }));
    await done();

    vi.mocked(console.error).mockImplementation(() => {});
    const request = post("/teach", {});
    const context: AppLoadContext = {};
    handleError(error, { request, params: {}, context });
    expect(context.storageUnavailable).toBe(true);
    const answered = await handleDataRequest(new Response("(the error, encoded)", { status: 500 }), { request, params: {}, context });
    expect(answered.status).toBe(503);
    expect(answered.headers.get("Retry-After")).toBe("30");
    expect(await answered.text()).toBe("(the error, encoded)");

    const other: AppLoadContext = {};
    handleError(new Error("a bug"), { request, params: {}, context: other });
    expect(other.storageUnavailable).toBeUndefined();
    expect((await handleDataRequest(new Response("", { status: 500 }), { request, params: {}, context: other })).status).toBe(500);

    // What the server's log got: one line for the storage failure, the whole error for the bug. Expected here, so cleared.
    const logged = vi.mocked(console.error).mock.calls.map((c) => String(c[0]));
    expect(logged).toEqual([expect.stringMatching(/^\[rebound\] POST \/teach: the database took no changes, answering 503: .*read-?only/), "Error: a bug"]);
    vi.mocked(console.error).mockClear();
  });
});

describe("GET /healthz", () => {
  it("answers 200 {status: ok} when the database answers, never cached and without a session", async () => {
    const res = (await healthLoader()) as Response;
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    expect(res.headers.get("Set-Cookie")).toBeNull();
  });

  it("answers 503 with the reason when the database is open read-only", async () => {
    process.env.DATABASE_READ_ONLY = "1";
    const res = (await healthLoader()) as Response;
    expect(res.status).toBe(503);
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    expect(await res.json()).toEqual({ status: "read-only", message: expect.stringMatching(/nothing can be saved/) });
  });
});
