// Serves the production build: `npm start` (after setting up and seeding the
// demo) and `npm run start:production` (after migrating; never seeds).
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const port = process.env.PORT ?? "3000";
const env = { ...process.env, PORT: port, NODE_ENV: process.env.NODE_ENV ?? "production" };
// The quick start serves plain http on a local machine: there the session cookie
// is Secure only for https requests. `--production` (npm run start:production)
// keeps it Secure always, unless INSECURE_COOKIES=1 is set (decision 002).
const production = process.argv.includes("--production");
if (!production && env.INSECURE_COOKIES === undefined && !process.env.HTTPS) env.INSECURE_COOKIES = "1";
console.log(`\nRebound is starting on http://localhost:${port}\n`);
const server = spawn(process.execPath, [path.join(root, "scripts", "server.mjs")], { cwd: root, env, stdio: "inherit" });
const stop = () => server.kill("SIGTERM");
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
server.on("exit", (code) => process.exit(code ?? 0));
