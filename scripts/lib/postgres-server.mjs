// A throwaway PostgreSQL cluster for tests and offline migration diffs
// (decision 011): initdb into a fresh temporary folder, started on a free
// loopback port with a Unix socket in that folder, trusted local logins, and
// stopped and deleted at the end. As root, the server runs as the `postgres`
// user (PostgreSQL refuses to run as root).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

/** The folder holding initdb and pg_ctl: PG_BIN_DIR, the newest /usr/lib/postgresql/<n>/bin, or pg_config's; null when none. */
export function findPostgresBinDir() {
  const candidates = [];
  if (process.env.PG_BIN_DIR) candidates.push(process.env.PG_BIN_DIR);
  const debian = "/usr/lib/postgresql";
  if (fs.existsSync(debian)) {
    const versions = fs.readdirSync(debian).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((v) => path.join(debian, v, "bin")));
  }
  const pgConfig = spawnSync("pg_config", ["--bindir"], { encoding: "utf8" });
  if (pgConfig.status === 0) candidates.push(pgConfig.stdout.trim());
  return candidates.find((dir) => fs.existsSync(path.join(dir, "initdb")) && fs.existsSync(path.join(dir, "pg_ctl"))) ?? null;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;

function run(bin, args, what) {
  const [cmd, argv] = isRoot ? ["runuser", ["-u", "postgres", "--", bin, ...args]] : [bin, args];
  const result = spawnSync(cmd, argv, { encoding: "utf8" });
  if (result.status !== 0) {
    throw new Error(`${what} failed (${[cmd, ...argv].join(" ")}):\n${result.stdout ?? ""}${result.stderr ?? result.error ?? ""}`);
  }
}

/**
 * Starts a throwaway cluster and returns its admin URL (the `postgres`
 * database, user `postgres`, no password) and a stop() that removes it.
 * Databases get the ICU "en-US" collation, as a typical production server's
 * en_US.UTF-8 would sort, so tests see realistic ordering.
 */
export async function startThrowawayPostgres({ quiet = false } = {}) {
  const bin = findPostgresBinDir();
  if (!bin) throw new Error("PostgreSQL's server programs (initdb, pg_ctl) were not found; install them (apt-get install postgresql) or set PG_BIN_DIR.");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rebound-pg-"));
  fs.chmodSync(dir, 0o755);
  if (isRoot) spawnSync("chown", ["postgres:postgres", dir]);
  const data = path.join(dir, "data");
  const log = path.join(dir, "log");
  const started = Date.now();
  run(path.join(bin, "initdb"), ["-D", data, "--auth=trust", "-U", "postgres", "--encoding=UTF8", "--locale=C.UTF-8", "--locale-provider=icu", "--icu-locale=en-US", "--no-sync"], "initdb");
  let port;
  for (let tries = 0; ; tries++) {
    port = await freePort();
    // Durability settings off: a test cluster is thrown away, and this makes it several times faster.
    const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300`;
    try {
      run(path.join(bin, "pg_ctl"), ["-D", data, "-o", options, "-l", log, "-w", "-t", "60", "start"], "pg_ctl start");
      break;
    } catch (error) {
      // Another process may have taken the port between our check and the server's bind.
      if (tries >= 3) throw new Error(`${error.message}\n${fs.existsSync(log) ? fs.readFileSync(log, "utf8") : ""}`);
    }
  }
  if (!quiet) console.info(`PostgreSQL test server on 127.0.0.1:${port} (${dir}), ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      run(path.join(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"], "pg_ctl stop");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };
  return { url: `postgresql://postgres@127.0.0.1:${port}/postgres`, port, dir, stop };
}
