// npm run load: the production build under load, and a check that no attempt
// is lost. A benchmark, not a test: it is not part of `npm test` or CI.
//
// 1. Uses the production build in build-load/ (built here when it is missing
//    or older than the sources; --build rebuilds it anyway).
// 2. Writes a FRESH database in a temp dir holding the 1× bench class (300
//    students × 40 checkpoints, about 35,000 attempts; scripts/lib/bench-data.ts)
//    and gives its users a real password hash (one argon2 hash, reused).
// 3. Starts the own server (scripts/server.mjs) on a free loopback port, with
//    the rate limits set out of the way, and logs every active student and the
//    teacher in through /login, so requests carry many sessions, as in a class.
// 4. Drives it with autocannon, 100 connections for 30 s per target: the health
//    endpoint (the floor), the login page, a student's project page, a student's
//    checkpoint page, attempt submission (each with its own idempotency key),
//    the teacher's progress grid and the insight overview. Each request is
//    another student (and checkpoint), round the class.
// 5. Prints requests/s, p50/p99 latency and errors/timeouts for each target,
//    with its req/s and p99 as ratios of the health endpoint's in this run
//    (the machine is shared: compare ratios, not absolute figures), then
//    checks the attempts the database holds against the submissions the
//    server accepted: every accepted attempt stored under its key, nothing
//    stored that was not sent. Exits 1 when that check fails or a submission
//    met an error, a timeout or an unexpected status.
//
// Options: --duration S (30), --connections N (100), --timeout S (30, the
// client's wait for one response: shorter, and a slow page is asked again
// while the server still works on the request the client gave up, so the
// run measures wasted work), --quick (5 s each), --only a,b (a subset of
// the targets; the health floor always runs), --build (rebuild first), --keep
// (keep the temp dir), --postgres [URL] (run against PostgreSQL: a throwaway
// cluster, or a fresh database on the server the admin URL names; see
// openDatabase), --json FILE (also write the figures there).
//
// Looking for where the time goes (decision 016): --queries sends one request
// of each target at a time instead of the timed runs and prints how many SQL
// statements the server ran for it and how long it took alone (the server
// logs its statements through scripts/lib/query-log.mjs), with the statements
// of one request of each; --cpu-prof DIR runs the server under node's CPU
// profiler and leaves the profile in DIR (read it with
// `node scripts/cpu-profile-summary.mjs DIR/*.cpuprofile`); --build-dir DIR
// uses another production build as it is (to measure an older one);
// --workers N serves with N app processes (WEB_CONCURRENCY, decision 016).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { performance } from "node:perf_hooks";
import Database from "better-sqlite3";
import autocannon from "autocannon";
import { hashPassword } from "~/auth/password.server";
import { BASE_SIZE, writeBenchClass } from "./lib/bench-data";
import pg from "pg";
import { migratePostgres, migrateSqlite } from "./lib/migrate";
import { startThrowawayPostgres } from "./lib/postgres-server.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const BUILD_DIR = "build-load";
/** The password every user of the load class gets. */
const PASSWORD = "rebound-load-test";
const TAG = "x1";
/** --postgres without a URL: a throwaway cluster started for the run. */
const THROWAWAY = "throwaway";

// ---------------------------------------------------------------- options

interface Options {
  duration: number;
  connections: number;
  timeout: number;
  only: Set<string> | null;
  build: boolean;
  keep: boolean;
  postgres: string | null;
  json: string | null;
  queries: boolean;
  cpuProf: string | null;
  /** An existing build to use as it is (to compare builds), instead of build-load/. */
  buildDir: string | null;
  /** How many app processes serve (WEB_CONCURRENCY; scripts/lib/cluster.mjs). */
  workers: number;
}

function parseOptions(argv: string[]): Options {
  const options: Options = { duration: 30, connections: 100, timeout: 30, only: null, build: false, keep: false, postgres: null, json: null, queries: false, cpuProf: null, buildDir: null, workers: 1 };
  const value = (i: number, name: string) => {
    const v = argv[i + 1];
    if (v === undefined || v.startsWith("--")) fail(`${name} needs a value.`);
    return v;
  };
  const positive = (text: string, name: string) => {
    const n = Number(text);
    if (!Number.isFinite(n) || n <= 0) fail(`${name} needs a positive number, not "${text}".`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--quick") options.duration = 5;
    else if (arg === "--duration") options.duration = positive(value(i++, arg), arg);
    else if (arg === "--connections") options.connections = Math.round(positive(value(i++, arg), arg));
    else if (arg === "--timeout") options.timeout = positive(value(i++, arg), arg);
    else if (arg === "--only") options.only = new Set(value(i++, arg).split(",").map((s) => s.trim()));
    else if (arg === "--build") options.build = true;
    else if (arg === "--keep") options.keep = true;
    else if (arg === "--postgres") options.postgres = argv[i + 1] && !argv[i + 1].startsWith("--") ? argv[++i] : THROWAWAY;
    else if (arg === "--json") options.json = value(i++, arg);
    else if (arg === "--queries") options.queries = true;
    else if (arg === "--cpu-prof") options.cpuProf = path.resolve(value(i++, arg));
    else if (arg === "--build-dir") options.buildDir = value(i++, arg);
    else if (arg === "--workers") options.workers = Math.round(positive(value(i++, arg), arg));
    else
      fail(
        `Unknown option ${arg}. Options: --duration S, --connections N, --timeout S, --quick, --only a,b, --build, --keep, --postgres [URL], --json FILE, --queries, --cpu-prof DIR, --build-dir DIR, --workers N.`,
      );
  }
  return options;
}

function fail(message: string): never {
  console.error(`npm run load: ${message}`);
  process.exit(2);
}

// ---------------------------------------------------------------- the build

function newestMtime(entry: string): number {
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of fs.readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, child)));
  return newest;
}

/** The production build in build-load/, built when missing, older than the sources, or asked for. */
function ensureBuild(force: boolean): string {
  const serverEntry = path.join(root, BUILD_DIR, "server", "index.js");
  const sources = Math.max(...["app", "vite.config.ts", "package.json", "package-lock.json"].map((p) => newestMtime(path.join(root, p))));
  const built = fs.existsSync(serverEntry) ? fs.statSync(serverEntry).mtimeMs : 0;
  const reason = force ? "asked for (--build)" : !built ? "missing" : built < sources ? "older than the sources" : null;
  if (!reason) {
    console.log(`Production build: using ${BUILD_DIR}/ (newer than app/).`);
    return BUILD_DIR;
  }
  console.log(`Production build: building ${BUILD_DIR}/ (${reason})…`);
  const started = Date.now();
  const r = spawnSync(process.execPath, [path.join(root, "node_modules", "@remix-run", "dev", "dist", "cli.js"), "vite:build"], {
    cwd: root,
    env: { ...process.env, REMIX_BUILD_DIR: BUILD_DIR, NODE_ENV: "production" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  if (r.status !== 0) fail("the production build failed (see above).");
  console.log(`  built in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
  return BUILD_DIR;
}

// ---------------------------------------------------------------- the database

interface LoadClass {
  projectId: string;
  teacherEmail: string;
  /** Students actively enrolled (removed ones cannot open the project). */
  studentEmails: string[];
  /** Live checkpoints in order. */
  checkpoints: { id: string; kind: string }[];
  attempts: number;
}

interface LoadDatabase {
  /** What the app server gets as DATABASE_URL. */
  url: string;
  describe: string;
  /** Attempts whose submission key starts with the prefix: key → attempt id. */
  attemptsByKeyPrefix(prefix: string): Promise<Map<string, string>>;
  close(): Promise<void>;
}

/**
 * The one place that knows the engine: a fresh database holding the 1× bench
 * class, its users given `passwordHash`. The class is written into a SQLite
 * file (scripts/lib/bench-data.ts); with --postgres it is then copied, row for
 * row, into a fresh database on a throwaway PostgreSQL cluster
 * (scripts/lib/postgres-server.mjs, the one the tests use) or, given a URL, on
 * that server (a database created for the run and dropped after it).
 */
async function openDatabase(options: Options, dir: string, passwordHash: string): Promise<{ db: LoadDatabase; cls: LoadClass }> {
  const file = path.join(dir, "load.db");
  migrateSqlite(file);
  const counts = writeBenchClass(file, BASE_SIZE, TAG, 1001);
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.prepare(`UPDATE "User" SET passwordHash = ?`).run(passwordHash);
  const cls: LoadClass = {
    projectId: counts.projectId,
    teacherEmail: `teacher-${TAG}@bench.test`,
    studentEmails: (
      sqlite
        .prepare(`SELECT u.email FROM "Enrollment" e JOIN "User" u ON u.id = e.studentId WHERE e.removedAt IS NULL ORDER BY u.email`)
        .all() as { email: string }[]
    ).map((r) => r.email),
    checkpoints: sqlite
      .prepare(`SELECT id, kind FROM "Checkpoint" WHERE projectId = ? AND archivedAt IS NULL ORDER BY position`)
      .all(counts.projectId) as { id: string; kind: string }[],
    attempts: counts.attempts,
  };

  if (options.postgres) {
    const server = options.postgres === THROWAWAY ? await startThrowawayPostgres({ quiet: true }) : null;
    const adminUrl = server?.url ?? options.postgres;
    const database = `rebound_load_${randomUUID().slice(0, 8)}`;
    const url = new URL(adminUrl);
    url.pathname = `/${database}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${database}"`);
    await migratePostgres(url.toString());
    const copied = await copyIntoPostgres(sqlite, url.toString());
    sqlite.close();
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    const db: LoadDatabase = {
      url: url.toString(),
      describe: `PostgreSQL ${(await client.query<{ server_version: string }>("SHOW server_version")).rows[0].server_version}, fresh database ${database} on ${server ? `a throwaway cluster (${server.dir})` : url.host} (${copied} rows copied from the SQLite class)`,
      attemptsByKeyPrefix: async (prefix) =>
        new Map(
          (await client.query<{ submissionKey: string; id: string }>(`SELECT "submissionKey", id FROM "Attempt" WHERE "submissionKey" LIKE $1 || '%'`, [prefix])).rows.map(
            (r) => [r.submissionKey, r.id],
          ),
        ),
      close: async () => {
        await client.end();
        await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`).catch(() => undefined);
        await admin.end();
        server?.stop();
      },
    };
    return { db, cls };
  }

  const byPrefix = sqlite.prepare(`SELECT submissionKey, id FROM "Attempt" WHERE submissionKey LIKE ? || '%'`);
  const db: LoadDatabase = {
    url: `file:${file}`,
    describe: `SQLite, fresh file ${file}`,
    attemptsByKeyPrefix: async (prefix) => new Map((byPrefix.all(prefix) as { submissionKey: string; id: string }[]).map((r) => [r.submissionKey, r.id])),
    close: async () => {
      sqlite.close();
    },
  };
  return { db, cls };
}

/**
 * Copies every row of the SQLite database into the migrated, empty PostgreSQL
 * one, tables in the order their foreign keys need, in one transaction;
 * returns the number of rows. SQLite keeps booleans as 0/1 and times as text
 * (UTC), which PostgreSQL's columns are given as booleans and as that text.
 */
async function copyIntoPostgres(sqlite: Database.Database, url: string): Promise<number> {
  const tables = (sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations'`).all() as { name: string }[]).map(
    (t) => t.name,
  );
  const needs = new Map(tables.map((t) => [t, (sqlite.prepare(`PRAGMA foreign_key_list("${t}")`).all() as { table: string }[]).map((f) => f.table).filter((r) => r !== t)]));
  const order: string[] = [];
  const visit = (t: string, path: string[]) => {
    if (order.includes(t)) return;
    if (path.includes(t)) fail(`the tables' foreign keys go round in a circle (${[...path, t].join(" → ")}); the copy into PostgreSQL cannot order them.`);
    for (const dep of needs.get(t) ?? []) visit(dep, [...path, t]);
    order.push(t);
  };
  for (const t of tables) visit(t, []);

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let copied = 0;
  try {
    const types = new Map(
      (await client.query<{ table_name: string; column_name: string; data_type: string }>(`SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = 'public'`)).rows.map(
        (r) => [`${r.table_name}.${r.column_name}`, r.data_type],
      ),
    );
    await client.query("BEGIN");
    for (const table of order) {
      const select = sqlite.prepare(`SELECT * FROM "${table}"`);
      const columns = select.columns().map((c) => c.name);
      const convert = columns.map((c) => {
        const type = types.get(`${table}.${c}`);
        if (!type) fail(`PostgreSQL's "${table}" has no column ${c}: are both engines' migrations up to date?`);
        if (type === "boolean") return (v: unknown) => (v === null ? null : Boolean(v));
        if (type.startsWith("timestamp")) return (v: unknown) => (typeof v === "number" ? new Date(v).toISOString() : v);
        return (v: unknown) => v;
      });
      const rows = select.raw().all() as unknown[][];
      const perBatch = Math.max(1, Math.floor(30_000 / columns.length));
      for (let i = 0; i < rows.length; i += perBatch) {
        const batch = rows.slice(i, i + perBatch);
        const values: unknown[] = [];
        const tuples = batch.map((row) => `(${row.map((v, k) => `$${values.push(convert[k](v))}`).join(", ")})`);
        // The version rows are made by PostgreSQL's own triggers as the projects are copied (decision 015): those stand.
        const onConflict = table === "ProjectDataVersion" ? " ON CONFLICT DO NOTHING" : "";
        await client.query(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES ${tuples.join(", ")}${onConflict}`, values);
      }
      copied += rows.length;
    }
    await client.query("COMMIT");
    await client.query("ANALYZE");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
  return copied;
}

// ---------------------------------------------------------------- the server

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

interface RunningServer {
  origin: string;
  process: ChildProcess;
  logFile: string;
  stop(): Promise<void>;
}

/** What else the server runs with: node options before the script, and environment. */
interface ServerExtras {
  nodeArgs: string[];
  env: Record<string, string>;
}

async function startServer(buildDir: string, databaseUrl: string, logFile: string, extras: ServerExtras = { nodeArgs: [], env: {} }): Promise<RunningServer> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const generous = "1000000/60";
  const log = fs.openSync(logFile, "a");
  const child = spawn(process.execPath, [...extras.nodeArgs, path.join(root, "scripts", "server.mjs")], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: "127.0.0.1",
      REMIX_BUILD_DIR: buildDir,
      // Out of the way: every request comes from one address, and the load logs in a whole class.
      RATE_LIMIT_LOGIN_ACCOUNT: generous,
      RATE_LIMIT_LOGIN_ADDRESS: generous,
      RATE_LIMIT_SIGNUP_EMAIL: generous,
      RATE_LIMIT_SIGNUP_ADDRESS: generous,
      RATE_LIMIT_JOIN_STUDENT: generous,
      RATE_LIMIT_JOIN_ADDRESS: generous,
      ...extras.env,
    },
    stdio: ["ignore", log, log],
  });
  let exited = false;
  child.on("exit", () => (exited = true));
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (exited) fail(`the server stopped while starting; its log:\n${fs.readFileSync(logFile, "utf8")}`);
    try {
      const res = await fetch(`${origin}/healthz`);
      // With several processes, all of them listening (the first process says so once they are).
      const processes = Number(extras.env.WEB_CONCURRENCY ?? 1);
      if (res.ok && (processes <= 1 || fs.readFileSync(logFile, "utf8").includes(`(${processes} processes)`))) break;
      if (res.status === 404) fail("the server has no /healthz endpoint.");
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) fail(`the server did not answer /healthz within 30 s; its log:\n${fs.readFileSync(logFile, "utf8")}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    origin,
    process: child,
    logFile,
    stop: () =>
      new Promise<void>((resolve) => {
        if (exited) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

// ---------------------------------------------------------------- sessions

const SESSION_COOKIE = "rebound_session";

async function logIn(origin: string, email: string): Promise<string> {
  const res = await fetch(`${origin}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: origin },
    body: new URLSearchParams({ email, password: PASSWORD, redirectTo: "" }),
  });
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (res.status !== 302 || !cookie) fail(`logging in as ${email} answered ${res.status}, without a session cookie.`);
  return cookie.split(";")[0];
}

/** Session cookies for many users, a few logins at a time (each one verifies an argon2 hash). */
async function logInAll(origin: string, emails: string[], parallel = 8): Promise<string[]> {
  const cookies: string[] = new Array(emails.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < emails.length) {
        const i = next++;
        cookies[i] = await logIn(origin, emails[i]);
      }
    }),
  );
  return cookies;
}

// ---------------------------------------------------------------- targets

interface Target {
  name: string;
  label: string;
  /** The status every response should have. */
  expect: number;
  request: autocannon.Request;
  /** Work kept going beside the run (started with it, stopped after it); says what it did. */
  beside?: () => { stop(): Promise<string> };
}

interface Submissions {
  prefix: string;
  sent: Set<string>;
  /** Submission key → the attempt id the server redirected to. */
  accepted: Map<string, string>;
  /** Answers other than an accepted redirect. */
  refused: { status: number; body: string }[];
}

function targets(origin: string, cls: LoadClass, studentCookies: string[], teacherCookies: string[], submissions: Submissions): Target[] {
  const project = `/learn/projects/${cls.projectId}`;
  const checkpointPath = (id: string) => `${project}/checkpoints/${id}`;
  const answerable = cls.checkpoints.filter((c) => c.kind === "MULTIPLE_CHOICE" || c.kind === "NUMERIC");
  const rotate = <T,>(list: T[]) => {
    let i = 0;
    return () => list[i++ % list.length];
  };
  const student = rotate(studentCookies);
  const teacher = rotate(teacherCookies);
  // Student and checkpoint both move on with each request, never in step.
  let visit = 0;
  const studentOnCheckpoint = <C,>(checkpoints: C[]) => {
    const k = visit++;
    return { cookie: studentCookies[k % studentCookies.length], checkpoint: checkpoints[(k * 7 + Math.floor(k / studentCookies.length)) % checkpoints.length] };
  };
  let serial = 0;
  const answers = ["a", "b", "c", "d"];

  return [
    { name: "health", label: "health (floor)", expect: 200, request: { method: "GET", path: "/healthz" } },
    { name: "login-page", label: "login page", expect: 200, request: { method: "GET", path: "/login" } },
    {
      name: "student-project",
      label: "student project page",
      expect: 200,
      request: { method: "GET", path: project, setupRequest: (req) => ({ ...req, headers: { ...req.headers, Cookie: student() } }) },
    },
    {
      name: "student-checkpoint",
      label: "student checkpoint page",
      expect: 200,
      request: {
        method: "GET",
        setupRequest: (req) => {
          const { cookie, checkpoint } = studentOnCheckpoint(cls.checkpoints);
          return { ...req, path: checkpointPath(checkpoint.id), headers: { ...req.headers, Cookie: cookie } };
        },
      },
    },
    {
      name: "submit-attempt",
      label: "attempt submission",
      expect: 302,
      request: {
        method: "POST",
        setupRequest: (req, context) => {
          const { cookie, checkpoint } = studentOnCheckpoint(answerable);
          const n = serial++;
          const key = `${submissions.prefix}${n}`;
          submissions.sent.add(key);
          context.key = key;
          const answer: Record<string, string> =
            checkpoint.kind === "MULTIPLE_CHOICE" ? { optionIds: answers[n % answers.length] } : { numericAnswer: String((n % 97) / 4) };
          const body = new URLSearchParams({ intent: "attempt", submissionKey: key, ...answer, confidence: String(1 + (n % 5)) }).toString();
          return {
            ...req,
            path: checkpointPath(checkpoint.id),
            headers: { ...req.headers, Cookie: cookie, Origin: origin, "Content-Type": "application/x-www-form-urlencoded" },
            body,
          };
        },
        onResponse: (status, body, context, headers) => {
          const location = headers.location ?? headers.Location;
          const match = status === 302 && typeof location === "string" ? /[?&]attempt=([^&#]+)/.exec(location) : null;
          if (match) submissions.accepted.set(String(context.key), decodeURIComponent(match[1]));
          else submissions.refused.push({ status, body: body.slice(0, 300) });
        },
      },
    },
    {
      name: "teacher-progress",
      label: "teacher progress grid",
      expect: 200,
      request: { method: "GET", path: `/teach/projects/${cls.projectId}/progress`, setupRequest: (req) => ({ ...req, headers: { ...req.headers, Cookie: teacher() } }) },
    },
    {
      // The floor again, while the insight report of the class is rebuilt over and over beside it: one student answers,
      // the teacher views the overview (which starts a rebuild after the write; at 1× it is rebuilt in the background),
      // and again. Its p99 against the floor's says how much a rebuild holds up everybody else's requests (decision 015).
      name: "health-while-rebuilding",
      label: "health, reports rebuilding",
      expect: 200,
      request: { method: "GET", path: "/healthz" },
      beside: () => {
        let going = true;
        let views = 0;
        const loop = (async () => {
          for (let n = 0; going; n++) {
            const checkpoint = answerable[n % answerable.length];
            const answer: Record<string, string> = checkpoint.kind === "MULTIPLE_CHOICE" ? { optionIds: answers[n % answers.length] } : { numericAnswer: String(n % 97) };
            const sent = await fetch(`${origin}${checkpointPath(checkpoint.id)}`, {
              method: "POST",
              redirect: "manual",
              headers: { Cookie: student(), Origin: origin, "Content-Type": "application/x-www-form-urlencoded" },
              body: new URLSearchParams({ intent: "attempt", submissionKey: `rebuild-${randomUUID()}`, ...answer }),
            });
            await sent.arrayBuffer();
            const viewed = await fetch(`${origin}/teach/projects/${cls.projectId}/insight`, { headers: { Cookie: teacher() } });
            await viewed.arrayBuffer();
            views++;
            await new Promise((r) => setTimeout(r, 100));
          }
        })();
        return {
          stop: async () => {
            going = false;
            await loop;
            return `${views} overview views after a new attempt beside it`;
          },
        };
      },
    },
    {
      name: "teacher-insight",
      label: "teacher insight overview",
      expect: 200,
      request: { method: "GET", path: `/teach/projects/${cls.projectId}/insight`, setupRequest: (req) => ({ ...req, headers: { ...req.headers, Cookie: teacher() } }) },
    },
  ];
}

/** A few requests of each page before the timed runs, so the first seconds do not pay for a cold process. */
async function warmUp(origin: string, list: Target[]) {
  for (const t of list) {
    if (t.request.method !== "GET") continue;
    for (let i = 0; i < 5; i++) {
      const req = t.request.setupRequest ? t.request.setupRequest({ ...t.request, headers: {} }, {}) : t.request;
      const res = await fetch(`${origin}${req?.path}`, { headers: req?.headers, redirect: "manual" });
      await res.arrayBuffer();
      if (res.status !== t.expect) fail(`warming up ${t.label}: ${req?.path} answered ${res.status}, not ${t.expect}.`);
    }
  }
}

/** One request of the target, as the load would send it; answers its status and the ms it took. */
async function sendOne(origin: string, target: Target): Promise<{ status: number; ms: number }> {
  const base = { ...target.request, headers: { ...(target.request.headers ?? {}) } };
  const req = (target.request.setupRequest ? target.request.setupRequest(base, {}) : base) ?? base;
  const t0 = performance.now();
  const res = await fetch(`${origin}${req.path}`, { method: req.method, headers: req.headers, body: typeof req.body === "string" ? req.body : req.body && new Uint8Array(req.body), redirect: "manual" });
  await res.arrayBuffer();
  return { status: res.status, ms: performance.now() - t0 };
}

/**
 * --queries: each target's requests one at a time, with the SQL statements the
 * server ran for each (read from its query log) and the time each took alone.
 */
async function countQueries(origin: string, list: Target[], queryLog: string, samples = 8) {
  const lines = () => (fs.existsSync(queryLog) ? fs.readFileSync(queryLog, "utf8").split("\n").filter(Boolean) : []);
  console.log(`${pad("target", 26)}${lpad("statements", 12)}${lpad("ms alone", 10)}   (each over ${samples} requests one at a time: median, then min–max)`);
  const shown: { label: string; statements: string[] }[] = [];
  for (const target of list) {
    const counts: number[] = [];
    const times: number[] = [];
    let first: string[] | null = null;
    for (let i = 0; i < samples; i++) {
      const before = lines().length;
      const { status, ms } = await sendOne(origin, target);
      if (status !== target.expect) fail(`${target.label} answered ${status}, not ${target.expect}.`);
      const ran = lines().slice(before);
      first ??= ran;
      counts.push(ran.length);
      times.push(ms);
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    console.log(
      `${pad(target.label, 26)}${lpad(`${median(counts)} (${Math.min(...counts)}–${Math.max(...counts)})`, 12)}${lpad(num(median(times), 1), 10)}`,
    );
    shown.push({ label: target.label, statements: first ?? [] });
  }
  for (const { label, statements } of shown) {
    console.log(`\n${label}: ${statements.length} statements`);
    for (const sql of statements) console.log(`  ${sql.length > 170 ? `${sql.slice(0, 167)}…` : sql}`);
  }
}

// ---------------------------------------------------------------- running

/** How long one /healthz takes, in ms (Infinity when it fails or takes over 10 s). */
async function healthMs(origin: string): Promise<number> {
  const t0 = performance.now();
  try {
    const res = await fetch(`${origin}/healthz`, { signal: AbortSignal.timeout(10_000) });
    await res.arrayBuffer();
    return res.ok ? performance.now() - t0 : Infinity;
  } catch {
    return Infinity;
  }
}

/** The longest wait for the server to settle between runs. */
const SETTLE_LIMIT_S = 240;

/**
 * Waits until the server has worked off what the last run left in flight (the
 * client stops waiting when a run ends, the server does not), so that no run
 * pays for the one before: /healthz answers about as fast as when idle, three
 * times in a row, or SETTLE_LIMIT_S passed. Returns the seconds waited.
 */
async function settle(origin: string, idleMs: number): Promise<number> {
  const started = performance.now();
  const quick = Math.max(25, idleMs * 3);
  let streak = 0;
  while (streak < 3 && performance.now() - started < SETTLE_LIMIT_S * 1000) {
    streak = (await healthMs(origin)) <= quick ? streak + 1 : 0;
    if (streak < 3) await new Promise((r) => setTimeout(r, 100));
  }
  return (performance.now() - started) / 1000;
}

interface Figures {
  name: string;
  label: string;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  timeouts: number;
  /** Responses with another status than expected. */
  unexpected: number;
  statuses: Record<string, number>;
  errorKinds: Record<string, number>;
  /** Pages whose render the server cut short during the run (seen in its log). */
  abortedRenders?: number;
  rpsRatio?: number;
  p99Ratio?: number;
}

async function drive(origin: string, target: Target, options: Options): Promise<Figures> {
  const instance = autocannon({
    url: origin,
    title: target.name,
    connections: options.connections,
    duration: options.duration,
    timeout: options.timeout,
    requests: [target.request],
  });
  const stop = () => instance.stop();
  process.once("SIGINT", stop);
  // What the errors were (autocannon only counts them).
  const errorKinds: Record<string, number> = {};
  instance.on("reqError", (error: NodeJS.ErrnoException) => {
    const kind = error.code ?? error.message ?? "error";
    errorKinds[kind] = (errorKinds[kind] ?? 0) + 1;
  });
  const result = await instance;
  process.off("SIGINT", stop);
  const statuses = Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, s]) => [code, s.count]));
  const requests = Object.values(statuses).reduce((a, b) => a + b, 0);
  return {
    name: target.name,
    label: target.label,
    requests,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    // autocannon counts timeouts among its errors; they are shown apart.
    errors: result.errors - result.timeouts,
    timeouts: result.timeouts,
    unexpected: requests - (statuses[String(target.expect)] ?? 0),
    statuses,
    errorKinds,
  };
}

const pad = (text: string, width: number) => (text.length >= width ? text : text + " ".repeat(width - text.length));
const lpad = (text: string, width: number) => (text.length >= width ? text : " ".repeat(width - text.length) + text);
const num = (x: number, digits = 0) => (Number.isFinite(x) ? x.toFixed(digits) : "–");

function printTable(rows: Figures[]) {
  const header = `${pad("target", 26)}${lpad("req/s", 9)}${lpad("p50 ms", 9)}${lpad("p99 ms", 9)}${lpad("errors", 8)}${lpad("timeouts", 10)}${lpad("non-" + "expected", 14)}${lpad("req/s÷floor", 13)}${lpad("p99÷floor", 11)}`;
  console.log(header);
  console.log("-".repeat(header.length));
  for (const r of rows) {
    console.log(
      `${pad(r.label, 26)}${lpad(num(r.rps, 1), 9)}${lpad(num(r.p50), 9)}${lpad(num(r.p99), 9)}${lpad(String(r.errors), 8)}${lpad(String(r.timeouts), 10)}${lpad(String(r.unexpected), 14)}${lpad(num(r.rpsRatio ?? NaN, 3), 13)}${lpad(num(r.p99Ratio ?? NaN, 1), 11)}`,
    );
  }
}

/** Waits until the server has finished what it still had in flight (the stored count stops moving). */
async function settledAttempts(db: LoadDatabase, prefix: string): Promise<Map<string, string>> {
  let last = -1;
  let stable = 0;
  for (let i = 0; i < 120; i++) {
    const now = await db.attemptsByKeyPrefix(prefix);
    stable = now.size === last ? stable + 1 : 0;
    if (stable >= 4) return now;
    last = now.size;
    await new Promise((r) => setTimeout(r, 250));
  }
  return await db.attemptsByKeyPrefix(prefix);
}

interface LossCheck {
  ok: boolean;
  sent: number;
  accepted: number;
  stored: number;
  missing: number;
  wrongId: number;
  storedUnanswered: number;
  storedNeverSent: number;
  lines: string[];
}

function checkLoss(submissions: Submissions, stored: Map<string, string>, figures: Figures | undefined): LossCheck {
  let missing = 0;
  let wrongId = 0;
  for (const [key, id] of submissions.accepted) {
    const storedId = stored.get(key);
    if (!storedId) missing++;
    else if (storedId !== id) wrongId++;
  }
  let storedUnanswered = 0;
  let storedNeverSent = 0;
  for (const key of stored.keys()) {
    if (submissions.accepted.has(key)) continue;
    if (submissions.sent.has(key)) storedUnanswered++;
    else storedNeverSent++;
  }
  const unanswered = submissions.sent.size - submissions.accepted.size - submissions.refused.length;
  const problems = (figures?.errors ?? 0) + (figures?.timeouts ?? 0) + submissions.refused.length;
  const ok = missing === 0 && wrongId === 0 && storedNeverSent === 0 && problems === 0;
  const lines = [
    `submissions sent: ${submissions.sent.size}; accepted (302 to the stored attempt): ${submissions.accepted.size}; refused: ${submissions.refused.length}; ` +
      `unanswered when the run stopped or timed out: ${unanswered}`,
    `attempts stored with this run's keys: ${stored.size} = ${stored.size - storedUnanswered - storedNeverSent} accepted + ${storedUnanswered} whose answer the client did not wait for` +
      (storedNeverSent ? ` + ${storedNeverSent} never sent (!)` : ""),
    `accepted but not stored: ${missing}; stored under another id than the server answered: ${wrongId}`,
    `errors ${figures?.errors ?? 0}, timeouts ${figures?.timeouts ?? 0}, unexpected statuses ${submissions.refused.length}` +
      (submissions.refused.length ? ` (first: ${submissions.refused[0].status} ${JSON.stringify(submissions.refused[0].body.slice(0, 160))})` : ""),
  ];
  return { ok, sent: submissions.sent.size, accepted: submissions.accepted.size, stored: stored.size, missing, wrongId, storedUnanswered, storedNeverSent, lines };
}

async function main() {
  const options = parseOptions(process.argv.slice(2));
  const startedAt = new Date();
  console.log(`Rebound load test — ${startedAt.toISOString()}`);
  console.log(
    `Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")} (1/5/15 min)`,
  );
  console.log(`${options.connections} connections, ${options.duration} s per target, client timeout ${options.timeout} s\n`);

  if (options.buildDir && !fs.existsSync(path.join(root, options.buildDir, "server", "index.js"))) fail(`${options.buildDir} holds no server build.`);
  const buildDir = options.buildDir ?? ensureBuild(options.build);
  if (options.buildDir) console.log(`Production build: using ${buildDir}/ as it is (--build-dir).`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rebound-load-"));
  const passwordHash = await hashPassword(PASSWORD);
  const setupStarted = Date.now();
  const { db, cls } = await openDatabase(options, dir, passwordHash);
  console.log(`Database: ${db.describe}`);
  console.log(`  1× bench class: ${cls.studentEmails.length} active students, ${cls.checkpoints.length} checkpoints, ${cls.attempts} attempts (${((Date.now() - setupStarted) / 1000).toFixed(1)} s)`);

  const queryLog = path.join(dir, "queries.log");
  const extras: ServerExtras = { nodeArgs: [], env: { WEB_CONCURRENCY: String(options.workers) } };
  if (options.queries) {
    extras.nodeArgs.push("--import", pathToFileURL(path.join(root, "scripts", "lib", "query-log.mjs")).href);
    extras.env.QUERY_LOG_FILE = queryLog;
  }
  if (options.cpuProf) {
    fs.mkdirSync(options.cpuProf, { recursive: true });
    extras.nodeArgs.push("--cpu-prof", `--cpu-prof-dir=${options.cpuProf}`);
  }
  const server = await startServer(buildDir, db.url, path.join(dir, "server.log"), extras);
  let exitCode = 0;
  try {
    console.log(`Server: scripts/server.mjs at ${server.origin}, ${options.workers === 1 ? "one process" : `${options.workers} processes (WEB_CONCURRENCY)`}, insight reports built ${process.env.INSIGHT_WORKER === "0" ? "on the request thread (INSIGHT_WORKER=0)" : "on a worker thread"} (log ${server.logFile})`);
    const loginStarted = Date.now();
    const studentCookies = await logInAll(server.origin, cls.studentEmails);
    const teacherCookies = await logInAll(server.origin, Array.from({ length: 10 }, () => cls.teacherEmail), 4);
    console.log(`Sessions: ${studentCookies.length} students and 10 of the teacher, logged in through /login in ${((Date.now() - loginStarted) / 1000).toFixed(1)} s\n`);

    const submissions: Submissions = { prefix: `load-${randomUUID().slice(0, 8)}-`, sent: new Set(), accepted: new Map(), refused: [] };
    const all = targets(server.origin, cls, studentCookies, teacherCookies, submissions);
    const chosen = all.filter((t) => t.name === "health" || !options.only || options.only.has(t.name));
    if (options.only) {
      const unknown = [...options.only].filter((n) => !all.some((t) => t.name === n));
      if (unknown.length) fail(`unknown target ${unknown.join(", ")}; targets: ${all.map((t) => t.name).join(", ")}.`);
    }
    await warmUp(server.origin, chosen);
    if (options.queries) {
      await countQueries(server.origin, chosen, queryLog);
      return;
    }
    const idle: number[] = [];
    for (let i = 0; i < 20; i++) idle.push(await healthMs(server.origin));
    const idleMs = idle.sort((a, b) => a - b)[10];
    console.log(`Idle /healthz: ${idleMs.toFixed(1)} ms (median of 20). Before each run the server is let settle to that.\n`);

    // The server logs a render it cut short (app/entry.server.tsx aborts a stream after 5 s): counted per run.
    const abortedRenders = () => (fs.readFileSync(server.logFile, "utf8").match(/The render was aborted/g) ?? []).length;
    const rows: Figures[] = [];
    for (const target of chosen) {
      const waited = await settle(server.origin, idleMs);
      const busy = waited >= SETTLE_LIMIT_S ? `(still busy after ${SETTLE_LIMIT_S} s with the last run's requests: these figures are low) ` : "";
      process.stdout.write(`${pad(target.label, 26)}… ${busy || (waited >= 1 ? `(settled ${waited.toFixed(0)} s) ` : "")}`);
      const abortedBefore = abortedRenders();
      const beside = target.beside?.();
      const figures = await drive(server.origin, target, options);
      const besideDid = await beside?.stop();
      figures.abortedRenders = abortedRenders() - abortedBefore;
      rows.push(figures);
      console.log(
        `${num(figures.rps, 1)} req/s, p50 ${num(figures.p50)} ms, p99 ${num(figures.p99)} ms, ${figures.errors} errors, ${figures.timeouts} timeouts, statuses ${JSON.stringify(figures.statuses)}` +
          (Object.keys(figures.errorKinds).length ? `, errors and timeouts by kind ${JSON.stringify(figures.errorKinds)}` : "") +
          (figures.abortedRenders ? `, ${figures.abortedRenders} renders cut short by the server` : "") +
          (besideDid ? `; beside it: ${besideDid}` : ""),
      );
    }
    const floor = rows.find((r) => r.name === "health");
    for (const r of rows) {
      if (!floor) break;
      r.rpsRatio = r.rps / floor.rps;
      r.p99Ratio = r.p99 / floor.p99;
    }
    console.log(`\nLoad average after the runs: ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}\n`);
    printTable(rows);

    const submitted = rows.find((r) => r.name === "submit-attempt");
    let loss: LossCheck | null = null;
    if (submitted) {
      const stored = await settledAttempts(db, submissions.prefix);
      loss = checkLoss(submissions, stored, submitted);
      console.log(`\nNo attempt lost? ${loss.ok ? "yes" : "NO"}`);
      for (const line of loss.lines) console.log(`  ${line}`);
      if (!loss.ok) exitCode = 1;
    }
    const elsewhere = rows.filter((r) => r.name !== "submit-attempt" && r.errors + r.timeouts + r.unexpected > 0);
    if (elsewhere.length) console.log(`\nErrors, timeouts or unexpected statuses on: ${elsewhere.map((r) => r.label).join(", ")} (see the table).`);

    const summary = {
      startedAt: startedAt.toISOString(),
      engine: options.postgres ? "postgresql" : "sqlite",
      workers: options.workers,
      connections: options.connections,
      duration: options.duration,
      cpus: os.cpus().length,
      loadAverageAfter: os.loadavg()[0],
      targets: rows.map(({ name, rps, p50, p99, errors, timeouts, unexpected, abortedRenders, rpsRatio, p99Ratio }) => ({
        name,
        rps,
        p50,
        p99,
        errors,
        timeouts,
        unexpected,
        abortedRenders,
        rpsRatio,
        p99Ratio,
      })),
      loss: loss && { ok: loss.ok, sent: loss.sent, accepted: loss.accepted, stored: loss.stored, missing: loss.missing, storedUnanswered: loss.storedUnanswered },
    };
    console.log(`\n${JSON.stringify(summary)}`);
    if (options.json) fs.writeFileSync(options.json, `${JSON.stringify(summary, null, 2)}\n`);
  } finally {
    await server.stop();
    if (options.cpuProf) console.log(`\nCPU profile of the server in ${options.cpuProf} (node scripts/cpu-profile-summary.mjs ${options.cpuProf}/*.cpuprofile)`);
    await db.close();
    if (options.keep) console.log(`\nKept ${dir}`);
    else fs.rmSync(dir, { recursive: true, force: true });
  }
  process.exit(exitCode);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
