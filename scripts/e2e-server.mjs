// Serves a production build against a fresh, seeded SQLite database for the
// end-to-end tests. Used by playwright.config.ts.
import { spawnSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const port = process.env.E2E_PORT ?? "3100";
const db = path.join(root, "tests", ".tmp", `e2e-${port}.db`);
// The default port builds into build/; others into their own folder so runs can coexist.
const buildDir = port === "3100" ? "build" : `build-e2e-${port}`;
fs.mkdirSync(path.dirname(db), { recursive: true });
for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(db + suffix, { force: true });

// The end-to-end tests log in to the demo with a password they know (tests/e2e/fixtures.ts).
// Every Content-Security-Policy violation during the run is written here; the run fails on any (tests/e2e/csp-teardown.ts).
const cspReports = path.join(root, "tests", ".tmp", `csp-${port}.log`);
fs.rmSync(cspReports, { force: true });
// Every test reaches the app from 127.0.0.1: the per-address rate limits are lifted; the per-account ones stay.
const limits = { RATE_LIMIT_LOGIN_ADDRESS: "100000/900", RATE_LIMIT_SIGNUP_ADDRESS: "100000/3600", RATE_LIMIT_JOIN_ADDRESS: "100000/900", RATE_LIMIT_SETUP_CODE_ADDRESS: "100000/900" };
const env = { ...process.env, ...limits, CSP_REPORT_FILE: cspReports, DEMO_PASSWORD: "rebound-demo-e2e", DATABASE_URL: `file:${db}`, PORT: port, REMIX_BUILD_DIR: buildDir, HOST: "127.0.0.1", NODE_ENV: "production" };
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { cwd: root, env, stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
run(process.execPath, [path.join(root, "node_modules", "tsx", "dist", "cli.mjs"), "scripts/migrate.ts"]);
run(process.execPath, [path.join(root, "node_modules", "tsx", "dist", "cli.mjs"), "prisma/seed.ts"]);
if (!process.env.E2E_SKIP_BUILD) run(process.execPath, [path.join(root, "node_modules", "@remix-run", "dev", "dist", "cli.js"), "vite:build"]);
const server = spawn(process.execPath, [path.join(root, "scripts", "server.mjs")], { cwd: root, env, stdio: "inherit" });
const stop = () => server.kill("SIGTERM");
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
server.on("exit", (code) => process.exit(code ?? 0));
