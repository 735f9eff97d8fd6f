// Running Rebound for real (decision 014): the health check, a graceful stop
// under load through `npm run start:production`, and a database that takes no
// changes. The stop and read-only tests start servers of their own, from the
// same production build, on copies of the end-to-end database.
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import Database from "better-sqlite3";
import { DEMO_PASSWORD, expect, expectNoSeriousA11yViolations, test } from "./fixtures";

const root = path.resolve(import.meta.dirname, "..", "..");
const e2ePort = process.env.E2E_PORT ?? "3100";
// The end-to-end server's build and database (scripts/e2e-server.mjs).
const buildDir = e2ePort === "3100" ? "build" : `build-e2e-${e2ePort}`;
const e2eDatabase = path.join(root, "tests", ".tmp", `e2e-${e2ePort}.db`);
const tmp = path.join(root, "tests", ".tmp", `ops-${e2ePort}`);

// Each of these starts a production server of its own (several seconds on a busy machine).
test.describe.configure({ timeout: 120_000 });

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** A consistent copy of the end-to-end database, for a server of a test's own. */
function copyDatabase(name: string): string {
  fs.mkdirSync(tmp, { recursive: true });
  const file = path.join(tmp, `${name}-${randomUUID().slice(0, 8)}.db`);
  const source = new Database(e2eDatabase, { readonly: true });
  source.exec(`VACUUM INTO '${file}'`);
  source.close();
  return file;
}

interface Server {
  url: string;
  process: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** Starts the production server on a database file, the way a school would (`npm run start:production`) or directly. */
async function startServer(database: string, { viaNpm = false, env = {} as Record<string, string> } = {}): Promise<Server> {
  const port = await freePort();
  const settings = {
    ...process.env,
    DATABASE_URL: `file:${database}`,
    PORT: String(port),
    HOST: "127.0.0.1",
    REMIX_BUILD_DIR: buildDir,
    NODE_ENV: "production",
    RATE_LIMIT_LOGIN_ADDRESS: "100000/900",
    ...env,
  } as NodeJS.ProcessEnv;
  const child = viaNpm
    ? spawn("npm", ["run", "-s", "start:production"], { cwd: root, env: settings })
    : spawn(process.execPath, ["scripts/serve.mjs"], { cwd: root, env: settings });
  let output = "";
  child.stdout!.on("data", (c: Buffer) => (output += c.toString()));
  child.stderr!.on("data", (c: Buffer) => (output += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`The server stopped while starting:\n${output}`);
    if (output.includes(`[rebound] http://127.0.0.1:${port}`)) return { url, process: child, output: () => output, exited };
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill("SIGKILL");
  throw new Error(`The server did not start:\n${output}`);
}

async function stopServer(server: Server) {
  if (server.process.exitCode === null) server.process.kill("SIGTERM");
  return server.exited;
}

/** Logs in through the form, as a browser without JavaScript would; returns the session cookie. */
async function sessionCookie(url: string, email: string): Promise<string> {
  const res = await fetch(`${url}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { Origin: url, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password: DEMO_PASSWORD, redirectTo: "" }),
  });
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith("rebound_session="));
  if (res.status !== 302 || !cookie) throw new Error(`Login as ${email} failed: ${res.status}`);
  return cookie.split(";")[0];
}

/** The demo project and one of its checkpoints, by title, from a database file. */
function demoCheckpoint(database: string, title: string) {
  const db = new Database(database, { readonly: true });
  const row = db
    .prepare(
      `SELECT c.id AS checkpointId, c.projectId AS projectId FROM "Checkpoint" c
       JOIN "Project" p ON p.id = c.projectId JOIN "CheckpointVersion" v ON v.checkpointId = c.id
       WHERE p.title = 'Forces and motion' AND v.title = ? LIMIT 1`,
    )
    .get(title) as { checkpointId: string; projectId: string };
  db.close();
  return { ...row, path: `/learn/projects/${row.projectId}/checkpoints/${row.checkpointId}` };
}

function countAttempts(database: string, checkpointId: string): number {
  const db = new Database(database, { readonly: true });
  const { n } = db.prepare(`SELECT COUNT(*) AS n FROM "Attempt" WHERE checkpointId = ?`).get(checkpointId) as { n: number };
  db.close();
  return n;
}

test.afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

test("GET /healthz answers 200 {status: ok} quickly, never cached, without a session", async ({ request }) => {
  const times: number[] = [];
  for (let i = 0; i < 10; i++) {
    const started = Date.now();
    const res = await request.get("/healthz");
    times.push(Date.now() - started);
    expect(res.status()).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
    expect(res.headers()["cache-control"]).toBe("no-store");
    expect(res.headers()["set-cookie"]).toBeUndefined();
  }
  times.sort((a, b) => a - b);
  expect(times[5], `median of ${times.join(", ")} ms`).toBeLessThan(500);
});

test("GET /healthz answers 503 when the database is not a Rebound database", async () => {
  fs.mkdirSync(tmp, { recursive: true });
  const empty = path.join(tmp, `empty-${randomUUID().slice(0, 8)}.db`);
  const server = await startServer(empty);
  try {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(503);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await res.json()).toEqual({ status: "unavailable", message: "The database did not answer; the server's log says why." });
    expect(server.output()).toMatch(/health check: the database did not answer: .*User` does not exist/);
  } finally {
    await stopServer(server);
  }
});

// One process, and several on one port sharing the database file (scripts/lib/cluster.mjs; decision 016).
for (const processes of [1, 2]) {
  const served = processes === 1 ? "" : ` served by ${processes} processes (WEB_CONCURRENCY)`;
  test(`SIGTERM to \`npm run start:production\`${served} in the middle of a burst of attempts: every acknowledged attempt is stored`, async () => {
    const database = copyDatabase(`stop-${processes}`);
    const server = await startServer(database, { viaNpm: true, env: { WEB_CONCURRENCY: String(processes) } });
    const checkpoint = demoCheckpoint(database, "Speed of a cyclist");
    const before = countAttempts(database, checkpoint.checkpointId);
    const cookies = await Promise.all(["ben", "chloe", "dev", "elif"].map((name) => sessionCookie(server.url, `${name}@rebound.test`)));

    // Twenty attempts in flight at any moment (five per student), each with its own idempotency key, until the server is gone.
    let signalledAt = 0;
    const acknowledged: { id: string; at: number }[] = [];
    const failures: string[] = [];
    const refusedStatuses: number[] = [];
    const sender = async (cookie: string) => {
      for (;;) {
        let res: Response;
        try {
          res = await fetch(server.url + checkpoint.path, {
            method: "POST",
            redirect: "manual",
            headers: { Origin: server.url, Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
            body: new URLSearchParams({ intent: "attempt", submissionKey: randomUUID(), numericAnswer: String(10 + Math.round(Math.random() * 5)), confidence: "3" }),
          });
        } catch (error) {
          failures.push(String((error as { cause?: { code?: string } }).cause?.code ?? error));
          return;
        }
        if (res.status >= 200 && res.status < 400) {
          const id = new URL(res.headers.get("location") ?? "", server.url).searchParams.get("attempt");
          expect(id, `an acknowledged attempt names itself (${res.headers.get("location")})`).toBeTruthy();
          acknowledged.push({ id: id!, at: Date.now() });
        } else {
          refusedStatuses.push(res.status);
        }
        await res.arrayBuffer();
      }
    };
    const senders = cookies.flatMap((cookie) => Array.from({ length: 5 }, () => sender(cookie)));
    while (acknowledged.length < 60) await new Promise((r) => setTimeout(r, 10));
    signalledAt = Date.now();
    server.process.kill("SIGTERM");
    await Promise.all(senders);
    const code = await server.exited;

    const afterSignal = acknowledged.filter((a) => a.at >= signalledAt).length;
    console.log(`stop under load: ${acknowledged.length} attempts acknowledged (${afterSignal} of them finished after SIGTERM), ${refusedStatuses.length} refused, ${failures.length} connections refused after the stop`);
    expect(code).toBe(0);
    // Each process stopped gracefully (with several, the first passed the signal on and waited for them all).
    expect(server.output().match(/\[rebound\] SIGTERM: taking no new connections, finishing \d+ request\(s\) in flight/g)).toHaveLength(processes);
    expect(server.output().match(/\[rebound\] every request finished and the database is closed: stopped/g)).toHaveLength(processes);
    if (processes > 1) {
      expect(server.output()).toContain(`(${processes} processes)`);
      expect(server.output()).toContain(`[rebound] SIGTERM: stopping ${processes} app process(es)`);
      expect(server.output()).toContain("[rebound] every process stopped");
    }
    // Requests already in flight when the signal came were finished, not dropped.
    expect(afterSignal).toBeGreaterThan(0);
    expect(refusedStatuses).toEqual([]);

    // Every acknowledged attempt is stored, and nothing was stored without an answer.
    const db = new Database(database, { readonly: true });
    const stored = new Set((db.prepare(`SELECT id FROM "Attempt" WHERE checkpointId = ?`).all(checkpoint.checkpointId) as { id: string }[]).map((r) => r.id));
    db.close();
    expect(acknowledged.filter((a) => !stored.has(a.id))).toEqual([]);
    expect(stored.size - before).toBe(acknowledged.length);
    // The database was closed: SQLite folded its write-ahead log back into the file.
    expect(fs.existsSync(`${database}-wal`) ? fs.statSync(`${database}-wal`).size : 0).toBe(0);
  });
}

test("with several processes, one that dies is replaced and the others go on serving", async () => {
  const database = copyDatabase("replace");
  const server = await startServer(database, { env: { WEB_CONCURRENCY: "2" } });
  const started = () => [...server.output().matchAll(/\[rebound\] app process (\d+) started/g)].map((m) => Number(m[1]));
  expect(started()).toHaveLength(2);
  const [victim] = started();
  process.kill(victim, "SIGKILL");
  for (let i = 0; i < 100 && started().length < 3; i++) await new Promise((r) => setTimeout(r, 100));
  expect(server.output()).toContain(`[rebound] app process ${victim} stopped unexpectedly (SIGKILL): starting another`);
  expect(started()).toHaveLength(3);
  for (let i = 0; i < 10; i++) expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  expect(await stopServer(server), server.output()).toBe(0);
  expect(server.output()).toContain("[rebound] SIGTERM: stopping 2 app process(es)");
  expect(server.output()).toContain("[rebound] every process stopped");
});

// The insight report is built on a worker thread of the server's process (decision 015), so a large class's build does
// not hold up everybody else's requests; INSIGHT_WORKER=0 builds it on the request thread as the dev server does.
for (const worker of [true, false]) {
  test(`the insight overview is built ${worker ? "on a worker thread" : "on the request thread with INSIGHT_WORKER=0"}, and shows the same report`, async () => {
    const database = copyDatabase(`insight-${worker}`);
    const server = await startServer(database, { env: worker ? {} : { INSIGHT_WORKER: "0" } });
    try {
      const cookie = await sessionCookie(server.url, "teacher@rebound.test");
      const { projectId } = demoCheckpoint(database, "Speed of a cyclist");
      const res = await fetch(`${server.url}/teach/projects/${projectId}/insight`, { headers: { Cookie: cookie } });
      const html = await res.text();
      expect(res.status).toBe(200);
      expect(html).toContain("Top misconceptions");
      expect(html).toContain("Who needs help now");
      expect(server.output().includes("[rebound] insight reports are built on a worker thread of this process")).toBe(worker);
    } finally {
      expect(await stopServer(server)).toBe(0);
    }
    // The worker closed its own database connection before the server closed its: nothing left in the write-ahead log.
    expect(server.output()).not.toMatch(/failed|Error/);
    expect(fs.existsSync(`${database}-wal`) ? fs.statSync(`${database}-wal`).size : 0).toBe(0);
  });
}

test.describe("a database that takes no changes (opened read-only)", () => {
  let database: string;
  let server: Server;
  let cookie: string;
  const answer = "The car keeps going because no net force acts on it, so its velocity stays the same.";

  test.beforeAll(async () => {
    database = copyDatabase("read-only");
    // A student's session is made while the database still takes changes.
    const writable = await startServer(database);
    cookie = await sessionCookie(writable.url, "finn@rebound.test");
    expect(await stopServer(writable)).toBe(0);
    server = await startServer(database, { env: { DATABASE_READ_ONLY: "1" } });
  });
  test.afterAll(async () => {
    if (server) await stopServer(server);
  });

  test("the health check says so with a 503", async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: "read-only", message: expect.stringContaining("nothing can be saved") });
  });

  for (const javaScript of [true, false]) {
    test(`an answer sent ${javaScript ? "with" : "without"} JavaScript is not claimed as saved, and the text is still in the form`, async ({ browser }) => {
      const checkpoint = demoCheckpoint(database, "Why does the car keep going?");
      const before = countAttempts(database, checkpoint.checkpointId);
      const context = await browser.newContext({ javaScriptEnabled: javaScript });
      const [name, value] = cookie.split("=");
      await context.addCookies([{ name, value, url: server.url }]);
      const page = await context.newPage();
      const cspViolations: string[] = [];
      page.on("console", (message) => {
        if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
      });

      // Reading still works.
      const shown = await page.goto(server.url + checkpoint.path);
      expect(shown?.status()).toBe(200);
      await page.getByLabel("Your answer").fill(answer);
      const answered = page.waitForResponse((r) => r.request().method() === "POST");
      await page.getByRole("button", { name: /Submit my answer/ }).click();
      expect((await answered).status()).toBe(503);

      await expect(page.getByRole("alert").filter({ hasText: "We couldn't save this" })).toHaveText(
        "We couldn't save this: the server can't store changes right now. Nothing was saved. Your text is still here; try again in a few minutes.",
      );
      await expect(page.getByLabel("Your answer")).toHaveValue(answer);
      await expect(page.getByText(/saved/i).filter({ hasNotText: /couldn't save|Nothing was saved/ })).toHaveCount(0);
      expect(countAttempts(database, checkpoint.checkpointId)).toBe(before);
      expect(server.output()).toMatch(/\[rebound\] POST \/learn\/projects\/\S+: the database took no changes, answering 503 with the form kept: .*readonly/);
      if (javaScript) await expectNoSeriousA11yViolations(page);
      expect(cspViolations).toEqual([]);
      await context.close();
    });
  }

  for (const javaScript of [true, false]) {
    test(`a journal entry sent ${javaScript ? "with" : "without"} JavaScript comes back in the form, saying it was not saved`, async ({ browser }) => {
      const checkpoint = demoCheckpoint(database, "Why does the car keep going?");
      const journal = checkpoint.path.replace(/\/checkpoints\/.*$/, "/journal");
      const entry = "I rushed the second step; next time I will draw the forces first.";
      const context = await browser.newContext({ javaScriptEnabled: javaScript });
      const [name, value] = cookie.split("=");
      await context.addCookies([{ name, value, url: server.url }]);
      const page = await context.newPage();
      await page.goto(server.url + journal);
      const form = page.locator("form", { has: page.getByRole("button", { name: "Add to journal" }) }).first();
      const box = form.getByRole("textbox").first();
      await box.fill(entry);
      const answered = page.waitForResponse((r) => r.request().method() === "POST");
      await form.getByRole("button", { name: "Add to journal" }).click();
      expect((await answered).status()).toBe(503);
      await expect(form.getByRole("alert")).toContainText("Nothing was saved. Your text is still here");
      await expect(form.getByRole("textbox").first()).toHaveValue(entry);
      await expect(page.getByText(/added to your journal|Draft saved/i)).toHaveCount(0);
      await context.close();
    });
  }

  test("logging in, which must store a session, answers 503 and does not let anyone in", async () => {
    const res = await fetch(`${server.url}/login`, {
      method: "POST",
      redirect: "manual",
      headers: { Origin: server.url, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email: "grace@rebound.test", password: DEMO_PASSWORD, redirectTo: "" }),
    });
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("30");
    expect(res.headers.getSetCookie()).toEqual([]);
    // The login page comes back with the email kept (never the password) and words that say why.
    const text = await res.text();
    expect(text).toContain("Nothing was saved");
    expect(text).toContain("grace@rebound.test");
    expect(text).not.toContain(DEMO_PASSWORD);
    expect(server.output()).toMatch(/\[rebound\] POST \/login: the database took no changes, answering 503/);
  });
});
