// One process of Rebound's own server (scripts/server.mjs starts it, or
// several of them: scripts/lib/cluster.mjs). Settings and what it does are
// described in scripts/server.mjs.
import { randomBytes } from "node:crypto";
import cluster from "node:cluster";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import express from "express";
import helmet from "helmet";
import { CROSS_SITE_POST_PATHS, CSP_REPORT_PATH, DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_UPLOAD_BYTES, checkBody, checkOrigin, contentSecurityPolicy, hasSessionCookie } from "./http-security.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const buildDir = path.resolve(root, process.env.REMIX_BUILD_DIR ?? "build");
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST;
const trustProxy = process.env.TRUST_PROXY === "1";
const httpsAlways = process.env.HTTPS === "1";
const maxBodyBytes = Number(process.env.MAX_BODY_BYTES ?? DEFAULT_MAX_BODY_BYTES);
const maxUploadBytes = Number(process.env.MAX_UPLOAD_BYTES ?? DEFAULT_MAX_UPLOAD_BYTES);
const frameAncestors = (process.env.FRAME_ANCESTORS ?? "").split(/\s+/).filter(Boolean);
const SESSION_COOKIE = "rebound_session";

const serverBuild = pathToFileURL(path.join(buildDir, "server", "index.js")).href;
const build = await import(serverBuild);

// The insight report's analysis runs on a worker thread of this process, so building a large class's report does not
// hold up every other request (decision 015). INSIGHT_WORKER=0 keeps it on this thread.
if (process.env.INSIGHT_WORKER !== "0") {
  await build.entry.module.useInsightWorker?.({ script: pathToFileURL(path.join(root, "scripts", "lib", "insight-worker.mjs")).href, build: serverBuild });
}

const app = express();
app.disable("x-powered-by");
app.set("trust proxy", trustProxy);

// Requests being answered, and whether a stop signal came: while stopping, every
// response closes its connection, so kept-alive connections do not hold the stop up.
let inFlight = 0;
let stopping = false;
app.use((req, res, next) => {
  inFlight += 1;
  res.on("close", () => {
    inFlight -= 1;
  });
  if (stopping) res.set("Connection", "close");
  next();
});

/** @param {import("express").Response} res @param {{ status: number, message: string }} refusal */
function refuse(res, refusal) {
  res.status(refusal.status).set("Cache-Control", "no-store").type("text/plain; charset=utf-8").send(refusal.message);
}

// The registered LMS platforms' origins (decision 023), read through the app (cached for 30 s):
// they may frame the app, and the LTI pages may post back to them.
app.use(async (req, res, next) => {
  try {
    res.locals.platformOrigins = (await build.entry.module.ltiPlatformOrigins?.()) ?? [];
  } catch {
    res.locals.platformOrigins = [];
  }
  next();
});

// Each response gets its own nonce for Remix's inline scripts.
app.use((req, res, next) => {
  res.locals.cspNonce = randomBytes(16).toString("base64");
  next();
});
/** Security headers, over plain http or over https (HSTS, upgrade-insecure-requests). */
const headersFor = (secure) =>
  helmet({
    contentSecurityPolicy: contentSecurityPolicy((_req, res) => res.locals.cspNonce, {
      frameAncestors,
      secure,
      platformOrigins: (_req, res) => res.locals.platformOrigins ?? [],
    }),
    // Framing is decided by frame-ancestors (X-Frame-Options cannot list an LMS).
    xFrameOptions: false,
    strictTransportSecurity: secure ? { maxAge: 31536000, includeSubDomains: true } : false,
    referrerPolicy: { policy: "same-origin" },
    crossOriginEmbedderPolicy: false,
  });
const plainHeaders = headersFor(false);
const secureHeaders = headersFor(true);
app.use((req, res, next) => ((httpsAlways || req.secure) ? secureHeaders : plainHeaders)(req, res, next));

app.use((req, res, next) => {
  const facts = { method: req.method, path: req.path, headers: req.headers };
  const refusal = checkOrigin(facts, { trustProxy, secure: httpsAlways || req.secure }) ?? checkBody(facts, { maxBodyBytes, maxUploadBytes });
  if (refusal) return refuse(res, refusal);
  // Remix checks Origin against Host on every action too (no allow-list to give it): for the paths whose
  // cross-site posts are proved otherwise (the LTI login and launch, decision 023), the Origin has been
  // judged here and is not passed on. Only these exact paths; every other request keeps it.
  if (CROSS_SITE_POST_PATHS.includes(req.path)) delete req.headers.origin;
  if (hasSessionCookie(req.headers, SESSION_COOKIE)) res.set("Cache-Control", "no-store");
  next();
});

// What the Content-Security-Policy blocked, as browsers report it (same-site
// only: the Origin check above applies). Logged; never more than 64 KB read.
app.post(CSP_REPORT_PATH, express.text({ type: () => true, limit: "64kb" }), (req, res) => {
  const report = typeof req.body === "string" ? req.body.slice(0, 4000) : "";
  console.warn(`[rebound] content-security-policy violation: ${report}`);
  if (process.env.CSP_REPORT_FILE) fs.appendFileSync(process.env.CSP_REPORT_FILE, `${report}\n`);
  res.status(204).end();
});

// Built assets have content hashes in their names: cache them for a year.
app.use("/assets", express.static(path.join(buildDir, "client", "assets"), { immutable: true, maxAge: "1y" }));
app.use(express.static(path.join(buildDir, "client"), { maxAge: "1h" }));

app.all(
  "*",
  createRequestHandler({
    build,
    mode: process.env.NODE_ENV ?? "production",
    getLoadContext: (req, res) => ({ cspNonce: res.locals.cspNonce, clientAddress: req.ip }),
  }),
);

const server = app.listen(port, host, () => {
  // One of several processes (scripts/lib/cluster.mjs): the first process says where it serves once all listen.
  if (!cluster.isWorker) console.log(`[rebound] http://${host ?? "localhost"}:${port}`);
});

// Graceful stop: no new connections; the requests in flight finish (each
// acknowledged save is committed before its answer is sent); then the database
// is closed and the process exits. Requests still running after
// STOP_TIMEOUT_SECONDS (10) are cut off and the exit code is 1.
const stopTimeoutMs = Number(process.env.STOP_TIMEOUT_SECONDS ?? 10) * 1000;
function stop(signal) {
  if (stopping) return;
  stopping = true;
  console.log(`[rebound] ${signal}: taking no new connections, finishing ${inFlight} request(s) in flight`);
  setTimeout(() => {
    console.error(`[rebound] ${inFlight} request(s) still running after ${stopTimeoutMs / 1000} s: stopping without waiting for them`);
    process.exit(1);
  }, stopTimeoutMs).unref();
  server.close(async () => {
    try {
      await build.entry.module.closeDatabase?.();
      console.log("[rebound] every request finished and the database is closed: stopped");
      process.exit(0);
    } catch (error) {
      console.error("[rebound] closing the database failed:", error);
      process.exit(1);
    }
  });
  server.closeIdleConnections?.();
}
process.on("SIGTERM", () => stop("SIGTERM"));
process.on("SIGINT", () => stop("SIGINT"));
