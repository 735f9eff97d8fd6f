// Rebound's own server for the production build (decision 009): Express in
// front of Remix, owning what a school's IT checks before Remix sees a
// request: security headers with a per-response script nonce, the Origin
// check on every state-changing request, body types and sizes, and which
// proxy to trust. On SIGTERM (or SIGINT) it stops taking connections, finishes
// the requests in flight, closes the database and exits (decision 014).
//
// Settings (environment): PORT (3000), HOST (all interfaces), REMIX_BUILD_DIR
// (build), TRUST_PROXY=1 behind a reverse proxy that sets X-Forwarded-Host /
// -Proto, HTTPS=1 when served over TLS, MAX_BODY_BYTES (1 MB), MAX_UPLOAD_BYTES
// (the import pages' larger limit, 5 MB and the form around the file),
// FRAME_ANCESTORS (space-separated origins allowed to frame the app besides the
// LMS platforms registered for LTI, decision 023; none),
// CSP_REPORT_FILE (also append Content-Security-Policy reports there; the
// end-to-end tests fail on any).
// WEB_CONCURRENCY (1): how many processes serve the app on this machine, all
// on one port (node:cluster, scripts/lib/cluster.mjs; decision 016). Up to
// one per core: one process uses one core, whatever the machine has.
import cluster from "node:cluster";
import { fileURLToPath } from "node:url";
import { runPrimary, workerCount } from "./lib/cluster.mjs";

const count = workerCount(process.env);
if (typeof count === "string") {
  console.error(`[rebound] ${count}`);
  process.exit(1);
}
if (cluster.isPrimary && count > 1) runPrimary(count, { exec: fileURLToPath(import.meta.url) });
else await import("./lib/app-server.mjs");
