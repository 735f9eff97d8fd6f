// Several processes serving Rebound on one machine (WEB_CONCURRENCY; decision
// 016). One Node process uses one core: the student pages cost a few
// milliseconds of CPU each, so a single process is what limits a machine with
// more cores. node:cluster starts the processes and shares the one port among
// them; each is the whole app server (scripts/lib/app-server.mjs) with its own
// database connection. Nothing that must be shared lives in one process's
// memory (sessions, rate-limit counters and the report's version are in the
// database; decision 015), so any process may answer any request.
//
// This first process only watches: it starts the others, starts another when
// one dies unexpectedly, and on SIGTERM or SIGINT passes the stop on to each,
// which finishes its requests in flight and closes its database connection
// (the graceful stop of decision 014); it exits when all have, with 0 only if
// every one stopped cleanly.
import cluster from "node:cluster";

const MAX_WORKERS = 64;
/** More unexpected exits than this within RESTART_WINDOW_MS: the app cannot run; stop instead of looping. */
const MAX_RESTARTS = 5;
const RESTART_WINDOW_MS = 60_000;

/** WEB_CONCURRENCY as a count of processes (default 1), or the words saying why it is not one. */
export function workerCount(env) {
  const raw = env.WEB_CONCURRENCY?.trim();
  if (!raw) return 1;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > MAX_WORKERS) return `WEB_CONCURRENCY must be a whole number from 1 to ${MAX_WORKERS} (the processes to serve with); it is "${raw}".`;
  return n;
}

/** Runs the watching process: `count` app processes, each running `exec`. */
export function runPrimary(count, { exec, log = console.log, error = console.error } = {}) {
  cluster.setupPrimary({ exec });
  const stopTimeoutMs = Number(process.env.STOP_TIMEOUT_SECONDS ?? 10) * 1000;
  let stopping = false;
  let cleanStops = true;
  let announced = false;
  const listening = new Set();
  const restarts = [];

  cluster.on("online", (worker) => log(`[rebound] app process ${worker.process.pid} started`));

  cluster.on("listening", (worker, address) => {
    listening.add(worker.id);
    if (!announced && listening.size >= count) {
      announced = true;
      const host = process.env.HOST ?? "localhost";
      log(`[rebound] http://${host}:${address.port} (${count} processes)`);
    }
  });

  cluster.on("exit", (worker, code, signal) => {
    const wasListening = listening.delete(worker.id);
    if (stopping) {
      // A process still starting when the stop came (loading its modules, before its graceful stop is installed) ends by
      // the signal itself: it had taken no request, so that is clean too. Only this process can tell, by whether it listened.
      if (code !== 0 && !(signal === "SIGTERM" && !wasListening)) cleanStops = false;
      if (Object.keys(cluster.workers ?? {}).length === 0) {
        log(cleanStops ? "[rebound] every process stopped" : "[rebound] every process stopped, not all of them cleanly");
        process.exit(cleanStops ? 0 : 1);
      }
      return;
    }
    const now = Date.now();
    restarts.push(now);
    while (restarts.length && restarts[0] < now - RESTART_WINDOW_MS) restarts.shift();
    if (restarts.length > MAX_RESTARTS) {
      error(`[rebound] app processes stopped ${restarts.length} times within ${RESTART_WINDOW_MS / 1000} s: stopping (see the errors above)`);
      stop("SIGTERM", 1);
      return;
    }
    error(`[rebound] app process ${worker.process.pid} stopped unexpectedly (${signal ?? `exit code ${code}`}): starting another`);
    cluster.fork();
  });

  function stop(signal, exitCode = 0) {
    if (stopping) return;
    stopping = true;
    if (exitCode !== 0) cleanStops = false;
    const workers = Object.values(cluster.workers ?? {});
    log(`[rebound] ${signal}: stopping ${workers.length} app process(es)`);
    if (workers.length === 0) process.exit(exitCode);
    // Each process finishes its requests in flight within STOP_TIMEOUT_SECONDS; one that hangs past that is killed.
    setTimeout(() => {
      for (const w of Object.values(cluster.workers ?? {})) w.process.kill("SIGKILL");
    }, stopTimeoutMs + 5_000).unref();
    for (const w of workers) w.process.kill("SIGTERM");
  }
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));

  for (let i = 0; i < count; i++) cluster.fork();
}
