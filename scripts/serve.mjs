// Serves the production build: `npm start` (after setting up and seeding the
// demo) and `npm run start:production` (after migrating; never seeds, never
// builds). It runs Rebound's own server in this same process, so a stop signal
// sent to it (npm's scripts `exec` it) reaches the server's graceful stop.
process.env.PORT ??= "3000";
process.env.NODE_ENV ??= "production";
// The quick start serves plain http on a local machine: there the session cookie
// is Secure only for https requests. `--production` (npm run start:production)
// keeps it Secure always, unless INSECURE_COOKIES=1 is set (decision 002).
const production = process.argv.includes("--production");
if (!production && process.env.INSECURE_COOKIES === undefined && !process.env.HTTPS) process.env.INSECURE_COOKIES = "1";
console.log(`\nRebound is starting on http://${process.env.HOST ?? "localhost"}:${process.env.PORT}\n`);
await import("./server.mjs");
