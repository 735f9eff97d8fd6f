// Times the student pages, attempt submission, the teacher's progress grid and overview, and /healthz and the login page for scale, one request at a time, in
// this process, through the production build's own Remix handler (no HTTP, no
// Express, no other load): where `npm run load` says how a page holds up under
// 100 connections, this says what one request of it costs, so a profile shows
// that page alone (decision 016).
//   npx tsx scripts/profile-pages.ts [--requests N] [--only a,b] [--build DIR] [--postgres URL]
//   node --cpu-prof --cpu-prof-dir=DIR --import tsx scripts/profile-pages.ts --only student-project
// Uses build-load/ (`npm run load` builds it) or --build DIR. A fresh SQLite database with the
// 1× bench class in a temp dir, a session row per student (no logins: argon2
// is not what is measured). Prints each target's CPU time per request (this process's
// user + system time over the requests: steadier than wall time on a shared
// machine) and the wall time's median and p90.
import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath, pathToFileURL } from "node:url";
import Database from "better-sqlite3";
import { BASE_SIZE, writeBenchClass } from "./lib/bench-data";
import { migrateSqlite } from "./lib/migrate";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const requests = Number(option("--requests") ?? 300);
const only = option("--only")?.split(",");

const serverEntry = path.join(root, option("--build") ?? "build-load", "server", "index.js");
if (!fs.existsSync(serverEntry)) {
  console.error("No build-load/: run `npm run load -- --quick --only health` once to build it.");
  process.exit(2);
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rebound-profile-"));
const file = path.join(dir, "profile.db");
migrateSqlite(file);
const counts = writeBenchClass(file, BASE_SIZE, "x1", 1001);
const sqlite = new Database(file);
sqlite.pragma("journal_mode = WAL");
const students = sqlite
  .prepare(`SELECT u.id FROM "Enrollment" e JOIN "User" u ON u.id = e.studentId WHERE e.removedAt IS NULL ORDER BY u.email`)
  .all() as { id: string }[];
const checkpoints = sqlite
  .prepare(`SELECT id, kind FROM "Checkpoint" WHERE projectId = ? AND archivedAt IS NULL ORDER BY position`)
  .all(counts.projectId) as { id: string; kind: string }[];
const now = new Date();
const iso = (d: Date) => d.toISOString().replace("Z", "+00:00");
const addSession = sqlite.prepare(`INSERT INTO "Session" (id, userId, expiresAt, createdAt, lastSeenAt) VALUES (?, ?, ?, ?, ?)`);
const cookies = students.map((s) => {
  const id = randomBytes(20).toString("hex");
  addSession.run(id, s.id, iso(new Date(now.getTime() + 12 * 3600_000)), iso(now), iso(now));
  return `rebound_session=${id}`;
});
const teacherId = (sqlite.prepare(`SELECT teacherId FROM "ClassTeacher" LIMIT 1`).get() as { teacherId: string }).teacherId;
const teacherSession = randomBytes(20).toString("hex");
addSession.run(teacherSession, teacherId, iso(new Date(now.getTime() + 12 * 3600_000)), iso(now), iso(now));
const teacherCookie = `rebound_session=${teacherSession}`;
sqlite.close();

process.env.DATABASE_URL = option("--postgres") ?? `file:${file}`;
process.env.NODE_ENV = "production";
const { createRequestHandler } = await import("@remix-run/node");
const build = await import(pathToFileURL(serverEntry).href);
const handle = createRequestHandler(build, "production");

const origin = "http://127.0.0.1:3000";
const project = `/learn/projects/${counts.projectId}`;
const answerable = checkpoints.filter((c) => c.kind !== "SHORT_TEXT");
let serial = 0;
const targets: Record<string, (k: number) => Request> = {
  health: () => new Request(`${origin}/healthz`),
  // A page with the root loader and no data of its own: what Remix and React cost on any page.
  login: () => new Request(`${origin}/login`),
  "student-project": (k) => new Request(`${origin}${project}`, { headers: { Cookie: cookies[k % cookies.length] } }),
  "student-project.data": (k) => new Request(`${origin}${project}.data`, { headers: { Cookie: cookies[k % cookies.length] } }),
  "student-checkpoint": (k) =>
    new Request(`${origin}${project}/checkpoints/${checkpoints[(k * 7) % checkpoints.length].id}`, { headers: { Cookie: cookies[k % cookies.length] } }),
  "teacher-progress": () => new Request(`${origin}/teach/projects/${counts.projectId}/progress`, { headers: { Cookie: teacherCookie } }),
  "teacher-overview": () => new Request(`${origin}/teach/projects/${counts.projectId}/insight`, { headers: { Cookie: teacherCookie } }),
  "submit-attempt": (k) => {
    const c = answerable[(k * 7) % answerable.length];
    const n = serial++;
    const answer: Record<string, string> = c.kind === "MULTIPLE_CHOICE" ? { optionIds: "abcd"[n % 4] } : { numericAnswer: String((n % 97) / 4) };
    return new Request(`${origin}${project}/checkpoints/${c.id}`, {
      method: "POST",
      headers: { Cookie: cookies[k % cookies.length], Host: "127.0.0.1:3000", "Content-Type": "application/x-www-form-urlencoded", Origin: origin },
      body: new URLSearchParams({ intent: "attempt", submissionKey: `profile-${randomUUID()}`, ...answer, confidence: "3" }),
    });
  },
};

console.log(`${requests} requests per target, one at a time, in-process (${process.env.DATABASE_URL.startsWith("file:") ? "SQLite" : "PostgreSQL"})`);
for (const [name, make] of Object.entries(targets)) {
  if (only && !only.includes(name)) continue;
  const times: number[] = [];
  // CPU time per request in rounds of `requests / 5`; the least of the rounds is the figure (other jobs only ever add to it).
  const rounds: number[] = [];
  const perRound = Math.max(1, Math.floor(requests / 5));
  let cpu = process.cpuUsage();
  for (let k = 0; k < requests + 20; k++) {
    if (k >= 20 && (k - 20) % perRound === 0) cpu = process.cpuUsage();
    const t0 = performance.now();
    const res = await handle(make(k), { cspNonce: "profile" });
    const body = await res.arrayBuffer();
    if (res.status >= 400) throw new Error(`${name}: ${res.status}`);
    if (k === 0 && process.env.DUMP_DIR) fs.writeFileSync(path.join(process.env.DUMP_DIR, `${name}.html`), Buffer.from(body));
    if (k >= 20) times.push(performance.now() - t0); // the first 20 warm up
    if (k >= 20 && (k - 20) % perRound === perRound - 1) {
      const used = process.cpuUsage(cpu);
      rounds.push((used.user + used.system) / 1000 / perRound);
    }
  }
  times.sort((a, b) => a - b);
  rounds.sort((a, b) => a - b);
  console.log(
    `${name.padEnd(20)} CPU ${rounds[0].toFixed(2)} ms per request (least of ${rounds.length} rounds; median ${rounds[Math.floor(rounds.length / 2)].toFixed(2)}); wall median ${times[Math.floor(times.length / 2)].toFixed(2)} ms, p90 ${times[Math.floor(times.length * 0.9)].toFixed(2)} ms`,
  );
}
await build.entry.module.closeDatabase?.();
fs.rmSync(dir, { recursive: true, force: true });
