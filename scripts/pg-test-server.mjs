// A throwaway PostgreSQL server for tests (decision 011).
//   node scripts/pg-test-server.mjs <command...>  starts one, runs the command with
//       TEST_POSTGRES_URL set to its admin URL, stops and deletes it, and exits with
//       the command's status;
//   node scripts/pg-test-server.mjs               starts one, prints its URL and keeps
//       it until Ctrl-C.
import { spawn } from "node:child_process";
import { startThrowawayPostgres } from "./lib/postgres-server.mjs";

const server = await startThrowawayPostgres();
const stopAnd = (code) => {
  server.stop();
  process.exit(code);
};
const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.info(`TEST_POSTGRES_URL=${server.url}\nPress Ctrl-C to stop it (its files are deleted).`);
  process.on("SIGINT", () => stopAnd(0));
  process.on("SIGTERM", () => stopAnd(0));
  setInterval(() => {}, 1 << 30);
} else {
  const child = spawn(command, args, { stdio: "inherit", env: { ...process.env, TEST_POSTGRES_URL: server.url } });
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
  child.on("exit", (code, signal) => stopAnd(code ?? (signal ? 1 : 0)));
}
