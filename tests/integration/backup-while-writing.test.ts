// `npm run backup` while a student keeps sending attempts, then `npm run
// restore` of that backup into an empty database: every attempt acknowledged
// before the backup began is there, and the copy is one consistent moment
// (decision 014).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, expect, it } from "vitest";
import { BASE_SIZE, writeBenchClass } from "../../scripts/lib/bench-data";
import { backupSqlite } from "../../scripts/lib/backup";
import { migrateSqlite } from "../../scripts/lib/migrate";
import { testEngine } from "../setup/test-database";

const root = path.resolve(import.meta.dirname, "..", "..");
const dir = path.join(root, "tests", ".tmp", `backup-writing-${randomUUID().slice(0, 8)}`);
const live = path.join(dir, "live.db");
const restored = path.join(dir, "restored.db");
const tsx = path.join(root, "node_modules", "tsx", "dist", "cli.mjs");
let writer: ChildProcess | undefined;

afterAll(() => {
  // The whole group: tsx's command runs the writer as a child of its own, which a kill of the command leaves running.
  if (writer?.pid) {
    try {
      process.kill(-writer.pid, "SIGKILL");
    } catch {
      // Already gone.
    }
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

// Its own SQLite files whatever engine the suite runs on: `npm run backup` is SQLite's
// (PostgreSQL's backups are pg_dump's, README), so the PostgreSQL run leaves it out.
it.skipIf(testEngine() === "postgres")("keeps every attempt acknowledged before the backup began, while attempts keep coming", { timeout: 120_000 }, async () => {
  fs.mkdirSync(dir, { recursive: true });
  migrateSqlite(live);
  // A class of realistic size (300 students × 40 checkpoints, ~35,000 attempts), so the backup takes a while.
  const { projectId } = writeBenchClass(live, BASE_SIZE, "bk");
  const db = new Database(live, { readonly: true });
  const { checkpointId } = db
    .prepare(`SELECT id AS checkpointId FROM "Checkpoint" WHERE projectId = ? AND kind = 'NUMERIC' AND maxAttempts IS NULL ORDER BY position LIMIT 1`)
    .get(projectId) as { checkpointId: string };
  const { studentId } = db
    .prepare(`SELECT e.studentId FROM "Enrollment" e JOIN "Project" p ON p.classroomId = e.classroomId WHERE p.id = ? AND e.removedAt IS NULL LIMIT 1`)
    .get(projectId) as { studentId: string };
  const had = new Set((db.prepare(`SELECT id FROM "Attempt" WHERE studentId = ? AND checkpointId = ?`).all(studentId, checkpointId) as { id: string }[]).map((a) => a.id));
  db.close();

  // The student, in a process of their own: one line per acknowledged (committed) attempt.
  const acks: { id: string; at: number }[] = [];
  let ready = false;
  let errors = "";
  writer = spawn(process.execPath, [tsx, "tests/support/attempt-writer.ts"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: `file:${live}`, STUDENT_ID: studentId, CHECKPOINT_ID: checkpointId, PROJECT_ID: projectId, NODE_ENV: "test" },
    // A process group of its own, so that a failed test can stop the writer too (afterAll).
    detached: true,
  });
  let pending = "";
  writer.stdout!.on("data", (chunk: Buffer) => {
    pending += chunk.toString();
    const lines = pending.split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) {
      if (line === "ready") ready = true;
      else if (line) acks.push({ id: line.split(" ")[0], at: Number(line.split(" ")[1]) });
    }
  });
  writer.stderr!.on("data", (chunk: Buffer) => (errors += chunk.toString()));
  const waitFor = async (what: () => boolean, label: string) => {
    for (let i = 0; i < 600 && !what(); i++) await new Promise((r) => setTimeout(r, 50));
    if (!what()) throw new Error(`Timed out waiting for ${label}. Writer said: ${errors}`);
  };
  await waitFor(() => ready && acks.length >= 30, "the writer's first attempts");

  // Everything the test has heard acknowledged so far was committed before the backup begins.
  const before = new Set(acks.map((a) => a.id));
  const began = Date.now();
  const backup = backupSqlite(live, path.join(dir, "backups"));
  const ended = Date.now();
  await waitFor(() => acks.some((a) => a.at > ended), "attempts after the backup");
  // The command a person types, too, while the writer goes on.
  const cli = spawnSync("npm", ["run", "-s", "backup", "--", "--dir", path.join(dir, "cli-backups")], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: `file:${live}` },
    encoding: "utf8",
  });
  writer.kill("SIGTERM");
  await new Promise((resolve) => writer!.once("exit", resolve));
  expect(errors).toBe("");

  const during = acks.filter((a) => a.at > began && a.at < ended).length;
  console.log(
    `backup: ${(backup.bytes / 1024 / 1024).toFixed(1)} MB in ${ended - began} ms; ${before.size} attempts acknowledged before it began, ${during} during it, ${acks.length} in all`,
  );
  // The writer really kept writing while the backup was being taken.
  expect(during).toBeGreaterThan(0);
  expect(cli.status, cli.stderr).toBe(0);
  expect(cli.stdout).toMatch(/^Backed up .*live\.db to .*cli-backups\/rebound-.*Z\.db\n .* MB in \d+ ms: 301 accounts, 1 classes, \d+ attempts/);

  const restore = spawnSync("npm", ["run", "-s", "restore", "--", backup.file], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: `file:${restored}` },
    encoding: "utf8",
  });
  expect(restore.status, restore.stderr).toBe(0);
  expect(restore.stdout).toContain(`Restored ${backup.file} into ${restored}`);

  const copy = new Database(restored, { readonly: true });
  const numbers = (copy.prepare(`SELECT id, number FROM "Attempt" WHERE studentId = ? AND checkpointId = ? ORDER BY number`).all(studentId, checkpointId) as {
    id: string;
    number: number;
  }[]);
  copy.close();
  const stored = new Set(numbers.map((n) => n.id));
  // Nothing acknowledged before the backup began is missing.
  expect([...before].filter((id) => !stored.has(id))).toEqual([]);
  // One consistent moment: numbered 1..n without a gap, every one the class had or the app acknowledged, and not the later ones.
  expect(numbers.map((n) => n.number)).toEqual(numbers.map((_, i) => i + 1));
  const acked = new Set(acks.map((a) => a.id));
  expect(numbers.filter((n) => !acked.has(n.id) && !had.has(n.id))).toEqual([]);
  // (The writer is sequential: an attempt whose predecessor was acknowledged after the backup ended was written after it.)
  const later = acks.filter((_, i) => i > 0 && acks[i - 1].at > ended);
  expect(later.length).toBeGreaterThan(0);
  expect(later.filter((a) => stored.has(a.id))).toEqual([]);
});
