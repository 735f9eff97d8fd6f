// Serves a production build against a fresh, seeded database for the
// end-to-end tests. Used by playwright.config.ts.
// SQLite by default (tests/.tmp/e2e-<port>.db). With E2E_POSTGRES_URL (the admin
// URL of a PostgreSQL server, as `npm run test:postgres` sets it) a fresh
// database rebound_e2e_<port> on that server instead; E2E_SERVERS=2 then starts
// a second app server on the same database, on E2E_SECOND_PORT (port + 1000),
// as a deployment behind a load balancer would (decision 011).
import { spawnSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const port = process.env.E2E_PORT ?? "3100";
const postgresAdminUrl = process.env.E2E_POSTGRES_URL;
const servers = Number(process.env.E2E_SERVERS ?? 1);
const secondPort = process.env.E2E_SECOND_PORT ?? String(Number(port) + 1000);
// The default port builds into build/; others into their own folder so runs can coexist.
const buildDir = port === "3100" ? "build" : `build-e2e-${port}`;
fs.mkdirSync(path.join(root, "tests", ".tmp"), { recursive: true });

async function freshDatabaseUrl() {
  if (postgresAdminUrl) {
    const name = `rebound_e2e_${port}`;
    const admin = new pg.Client({ connectionString: postgresAdminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const url = new URL(postgresAdminUrl);
    url.pathname = `/${name}`;
    return url.toString();
  }
  const db = path.join(root, "tests", ".tmp", `e2e-${port}.db`);
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(db + suffix, { force: true });
  return `file:${db}`;
}

// The end-to-end tests log in to the demo with a password they know (tests/e2e/fixtures.ts).
// Every Content-Security-Policy violation during the run is written here; the run fails on any (tests/e2e/csp-teardown.ts).
const cspReports = path.join(root, "tests", ".tmp", `csp-${port}.log`);
fs.rmSync(cspReports, { force: true });
// Every test reaches the app from 127.0.0.1: the per-address rate limits are lifted; the per-account ones stay.
const limits = { RATE_LIMIT_LOGIN_ADDRESS: "100000/900", RATE_LIMIT_SIGNUP_ADDRESS: "100000/3600", RATE_LIMIT_JOIN_ADDRESS: "100000/900", RATE_LIMIT_SETUP_CODE_ADDRESS: "100000/900", RATE_LIMIT_LTI_LOGIN: "100000/900" };
const env = { ...process.env, ...limits, CSP_REPORT_FILE: cspReports, DEMO_PASSWORD: "rebound-demo-e2e", DATABASE_URL: await freshDatabaseUrl(), PORT: port, REMIX_BUILD_DIR: buildDir, HOST: "127.0.0.1", NODE_ENV: "production" };
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { cwd: root, env, stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
run(process.execPath, [path.join(root, "node_modules", "tsx", "dist", "cli.mjs"), "scripts/migrate.ts"]);
run(process.execPath, [path.join(root, "node_modules", "tsx", "dist", "cli.mjs"), "prisma/seed.ts"]);
if (!process.env.E2E_SKIP_BUILD) run(process.execPath, [path.join(root, "node_modules", "@remix-run", "dev", "dist", "cli.js"), "vite:build"]);
const started = [port, ...(servers > 1 ? [secondPort] : [])].map((p) =>
  spawn(process.execPath, [path.join(root, "scripts", "server.mjs")], { cwd: root, env: { ...env, PORT: p }, stdio: "inherit" }),
);
const stop = () => started.forEach((server) => server.kill("SIGTERM"));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
// One server ending ends the run: the others are stopped too.
for (const server of started) server.on("exit", (code) => {
  stop();
  process.exit(code ?? 0);
});
