// npm run bench: how fast the class-insight report is on a large class.
//
// Builds a synthetic class in a FRESH SQLite database in a temp dir (300
// students × 40 checkpoints of all three kinds × about three attempts, with
// misconception tags, reviews and journals; plus the same at 4× and 16× the
// students), then prints:
// - the time to build the full project report (load through Prisma + analyse),
//   median of several runs, and its two parts;
// - the time to read the same rows raw with better-sqlite3 (the floor) and the ratio;
// - the time to cluster 1,000 short answers;
// - the report time per attempt at 1×, 4× and 16× (near-linear growth keeps it flat);
// - the insight pages with the report cache (decision 015), at each size: the
//   page when nothing changed (a cache hit), the first view after one new
//   attempt (the last report, marked with its age, while one rebuild runs in
//   the background), how long until the refreshed report is there, and the
//   same first view when the page waits for the rebuild (the small-class rule),
//   beside the raw read of the same rows;
// and ends with one JSON line of all figures.
//
// Options: --keep keeps the temp database; --quick skips the 16× class;
// --scale=N measures one size only (1, 4 or 16).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import v8 from "node:v8";
import vm from "node:vm";
import Database from "better-sqlite3";
import { BASE_SIZE, rng, shortAnswer, writeBenchClass, type BenchClassCounts } from "./lib/bench-data";
import { migrateSqlite } from "./lib/migrate";

const args = new Set(process.argv.slice(2));
const only = process.argv.find((a) => a.startsWith("--scale="));
const SCALES = only ? [Number(only.slice("--scale=".length))] : args.has("--quick") ? [1, 4] : [1, 4, 16];
const RUNS: Record<number, number> = { 1: 11, 4: 5, 16: 3 };

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rebound-bench-"));
const file = path.join(dir, "bench.db");
migrateSqlite(file);
// The app's Prisma client reads DATABASE_URL when its module is first imported.
process.env.DATABASE_URL = `file:${file}`;
process.env.NODE_ENV = "production";

// A full garbage collection before each timed step, so that no step pays for the
// garbage of the one before (npm scripts cannot pass --expose-gc, so it is switched on here).
v8.setFlagsFromString("--expose-gc");
const collectGarbage = vm.runInNewContext("gc") as () => void;

const ms = (x: number) => Math.round(x * 100) / 100;
function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}
/** Wall-clock and process CPU time (all threads) of one step, after a full collection. */
async function time<T>(fn: () => T | Promise<T>): Promise<[number, T, number]> {
  collectGarbage();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await fn();
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return [wall, value, (cpu.user + cpu.system) / 1000];
}
async function medianOf(runs: number, fn: () => unknown | Promise<unknown>, warmups = 1): Promise<number> {
  for (let i = 0; i < warmups; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push((await time(fn))[0]);
  return median(times);
}

/** The floor: the same rows read with plain better-sqlite3 SELECTs, no shaping at all. */
function rawReader(dbFile: string) {
  const db = new Database(dbFile, { readonly: true });
  const q = {
    project: db.prepare(`SELECT id, classroomId FROM "Project" WHERE id = ?`),
    students: db.prepare(
      `SELECT e.removedAt, u.id, u.name, u.email FROM "Enrollment" e JOIN "User" u ON u.id = e.studentId WHERE e.classroomId = ?`,
    ),
    misconceptions: db.prepare(`SELECT id, name FROM "Misconception" WHERE projectId = ? ORDER BY createdAt, name`),
    checkpoints: db.prepare(`SELECT id, position, kind, archivedAt FROM "Checkpoint" WHERE projectId = ? ORDER BY position`),
    versions: db.prepare(
      `SELECT v.id, v.checkpointId, v.version, v.title, v.spec FROM "CheckpointVersion" v JOIN "Checkpoint" c ON c.id = v.checkpointId WHERE c.projectId = ?`,
    ),
    attempts: db.prepare(
      `SELECT a.id, a.studentId, a.checkpointId, a.checkpointVersionId, a.number, a.createdAt, a.answer, a.outcome FROM "Attempt" a JOIN "Checkpoint" c ON c.id = a.checkpointId WHERE c.projectId = ?`,
    ),
    reviews: db.prepare(
      `SELECT r.attemptId, r.role, r.verdict, r.createdAt FROM "AttemptReview" r JOIN "Attempt" a ON a.id = r.attemptId JOIN "Checkpoint" c ON c.id = a.checkpointId WHERE c.projectId = ?`,
    ),
    tags: db.prepare(
      `SELECT t.attemptId, t.misconceptionId, t.source, t.active, t.createdAt FROM "AttemptMisconception" t JOIN "Attempt" a ON a.id = t.attemptId JOIN "Checkpoint" c ON c.id = a.checkpointId WHERE c.projectId = ?`,
    ),
    journals: db.prepare(
      `SELECT id, studentId, checkpointId, attemptId, responses, confidence, supportNeeded, supportResolvedAt, submittedAt, createdAt FROM "JournalEntry" WHERE projectId = ? AND status = 'SUBMITTED'`,
    ),
  };
  return {
    read(projectId: string) {
      const project = q.project.get(projectId) as { classroomId: string };
      return {
        students: q.students.all(project.classroomId),
        misconceptions: q.misconceptions.all(projectId),
        checkpoints: q.checkpoints.all(projectId),
        versions: q.versions.all(projectId),
        attempts: q.attempts.all(projectId),
        reviews: q.reviews.all(projectId),
        tags: q.tags.all(projectId),
        journals: q.journals.all(projectId),
      };
    },
    close: () => db.close(),
  };
}

async function main() {
  console.log(`Rebound insight benchmark — fresh SQLite database in ${dir}`);
  console.log(`Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, load average ${os.loadavg()[0].toFixed(1)}\n`);

  const classes: Record<number, BenchClassCounts> = {};
  const [buildMs] = await time(() => {
    for (const scale of SCALES) {
      classes[scale] = writeBenchClass(file, { ...BASE_SIZE, students: BASE_SIZE.students * scale }, `x${scale}`, 1000 + scale);
    }
  });
  for (const scale of SCALES) {
    const c = classes[scale];
    console.log(
      `${String(scale).padStart(2)}× class: ${c.students} students, ${c.checkpoints} checkpoints, ${c.attempts} attempts, ` +
        `${c.reviews} reviews, ${c.tags} misconception tags, ${c.journalEntries} journal entries`,
    );
  }
  console.log(`(written with better-sqlite3 bulk inserts in ${ms(buildMs / 1000)} s)\n`);

  const { prisma } = await import("~/db.server");
  const { loadProjectData, buildProjectReport } = await import("~/models/insight.server");
  const { findTeacherProject } = await import("~/models/project.server");
  // The readers take a project proven to be its teacher's, as the routes' guard gives it.
  const owned = async (projectId: string) => {
    const { classroom } = await prisma.project.findUniqueOrThrow({ where: { id: projectId }, select: { classroom: { select: { teachers: { orderBy: { addedAt: "asc" }, take: 1, select: { teacherId: true } } } } } });
    const project = await findTeacherProject(projectId, classroom.teachers[0]?.teacherId ?? "");
    if (!project) throw new Error(`project ${projectId} not found`);
    return project;
  };
  const { buildReport } = await import("~/domain/insight/report");
  const { readWithFindMany } = await import("./lib/find-many-reader");
  const { clusterAnswers } = await import("~/domain/insight/text-clustering");
  const raw = rawReader(file);

  interface ScaleFigures {
    attempts: number;
    runs: number;
    reportMs: number;
    /** The report's two parts (not measured at 16×). */
    loadMs: number | null;
    analyseMs: number | null;
    rawMs: number;
    ratio: number;
    reportUsPerAttempt: number;
    /** The same report with findMany instead of the lean SELECTs (not measured at 16×). */
    reportFindManyMs: number | null;
    loadFindManyMs: number | null;
    /** Process CPU time (all threads) of the same runs: less sensitive to other load on the machine. */
    cpu: { reportMs: number; rawMs: number; ratio: number };
  }
  const perScale: Record<string, ScaleFigures> = {};
  for (const scale of SCALES) {
    const { projectId, attempts } = classes[scale];
    const project = await owned(projectId);
    const runs = RUNS[scale];
    // The parts and the findMany comparison are measured at 1× and 4×; at 16× only what the growth needs.
    const detail = scale < 16;
    const data = detail ? (await loadProjectData(project))! : null;
    // Runs are interleaved (raw, report, its parts, …) so that a busy machine slows every figure alike.
    const steps: Record<string, () => unknown> = {
      raw: () => raw.read(projectId),
      report: () => buildProjectReport(project),
      ...(data
        ? {
            load: () => loadProjectData(project),
            analyse: () => buildReport(data),
            reportFindMany: () => buildProjectReport(project, { readTables: readWithFindMany }),
            loadFindMany: () => loadProjectData(project, { readTables: readWithFindMany }),
          }
        : {}),
    };
    const times: Record<string, number[]> = {};
    const cpuTimes: Record<string, number[]> = {};
    for (let i = 0; i < runs + 1; i++) {
      for (const [name, step] of Object.entries(steps)) {
        const [t, , cpu] = await time(step);
        if (i === 0) continue; // the first round warms up
        (times[name] ??= []).push(t);
        (cpuTimes[name] ??= []).push(cpu);
      }
    }
    const m = (name: string) => (times[name] ? ms(median(times[name])) : null);
    const cpuOf = (name: string) => ms(median(cpuTimes[name]));
    const reportMs = m("report")!;
    const rawMs = m("raw")!;
    perScale[`${scale}x`] = {
      attempts,
      runs,
      reportMs,
      loadMs: m("load"),
      analyseMs: m("analyse"),
      rawMs,
      ratio: ms(reportMs / rawMs),
      reportUsPerAttempt: ms((reportMs * 1000) / attempts),
      reportFindManyMs: m("reportFindMany"),
      loadFindManyMs: m("loadFindMany"),
      cpu: { reportMs: cpuOf("report"), rawMs: cpuOf("raw"), ratio: ms(cpuOf("report") / cpuOf("raw")) },
    };
  }

  // The insight pages with the report cache (decision 015), through their loaders as the server calls them.
  const { configureReportCache, readReportVersion, reportBuildsSettled, reportCacheStats } = await import("~/models/insight-cache.server");
  const { submitAttempt } = await import("~/models/attempt.server");
  const { lucia } = await import("~/auth/lucia.server");
  const { loader: heatmapLoader } = await import("~/routes/teach.projects.$projectId.insight.heatmap");
  const { loader: overviewLoader } = await import("~/routes/teach.projects.$projectId.insight._index");
  type PageLoader = (args: { request: Request; params: Record<string, string>; context: object }) => unknown;
  interface PageFigures {
    attempts: number;
    runs: number;
    rawMs: number;
    /** Nothing changed since the last view: the cached report. */
    hitMs: number;
    /** The view right after one new attempt: the last report, marked with its age, while the rebuild runs in the background. */
    afterAttemptMs: number;
    /** From that view until the refreshed report is cached. */
    refreshedAfterMs: number;
    /** The same first view when the page waits for the rebuild (how a small class is served). */
    afterAttemptWaitingMs: number;
    reportBytes: number;
  }
  const pageFigures: Record<string, Record<string, PageFigures>> = { heatmap: {}, overview: {} };
  // The overview clusters short answers (decision 003), on first build per checkpoint: measured at the sizes where that stays short.
  const OVERVIEW_SCALES = SCALES.filter((s) => s <= (args.has("--overview-16x") ? 16 : 4));
  for (const scale of SCALES) {
    const { projectId, attempts } = classes[scale];
    const project = await owned(projectId);
    const { classroom } = await prisma.project.findUniqueOrThrow({ where: { id: projectId }, select: { classroom: { select: { teachers: { orderBy: { addedAt: "asc" }, take: 1, select: { teacherId: true } } } } } });
    const teacherId = classroom.teachers[0]?.teacherId ?? "";
    const session = await lucia.createSession(teacherId, {});
    const cookie = lucia.createSessionCookie(session.id).serialize().split(";")[0];
    const checkpoint = await prisma.checkpoint.findFirstOrThrow({
      where: { projectId, kind: "MULTIPLE_CHOICE", archivedAt: null },
      orderBy: { position: "asc" },
      include: { versions: { orderBy: { version: "desc" }, take: 1 } },
    });
    const optionId = (JSON.parse(checkpoint.versions[0].spec) as { options: { id: string }[] }).options[0].id;
    const students = (await prisma.enrollment.findMany({ where: { classroomId: project.classroomId, removedAt: null }, select: { studentId: true } })).map((e) => e.studentId);
    const pick = rng(scale);
    const newAttempt = async () => {
      const result = await submitAttempt(pick.pick(students), checkpoint, { optionIds: [optionId] });
      if (!result.ok) throw new Error(`bench attempt not stored: ${result.reason}`);
    };
    const runs = { 1: 7, 4: 5, 16: 3 }[scale] ?? 3;
    for (const [name, loader, path] of [
      ["heatmap", heatmapLoader, "/heatmap"],
      ["overview", overviewLoader, ""],
    ] as const) {
      if (name === "overview" && !OVERVIEW_SCALES.includes(scale)) continue;
      const view = async () => {
        const request = new Request(`http://localhost/teach/projects/${projectId}/insight${path}`, { headers: { Cookie: cookie } });
        const data = (await (loader as PageLoader)({ request, params: { projectId }, context: {} })) as { freshness: { stale: boolean } };
        return data.freshness.stale;
      };
      const times: Record<string, number[]> = {};
      const add = (key: string, value: number) => (times[key] ??= []).push(value);
      // Cache hits, each beside a raw read.
      configureReportCache({});
      await view();
      const builds = reportCacheStats().builds;
      for (let i = 0; i < runs + 1; i++) {
        const [hit, stale] = await time(view);
        const [rawRead] = await time(() => raw.read(projectId));
        if (stale) throw new Error("a cache hit came out stale");
        if (i === 0) continue; // the first round warms up
        add("hit", hit);
        add("raw", rawRead);
      }
      if (reportCacheStats().builds !== builds) throw new Error("a view rebuilt the report although nothing changed");
      const reportBytes = reportCacheStats().bytes;
      // One new attempt, then the first view: the report is refreshed in the background (a class this size is past the threshold).
      for (let i = 0; i < runs; i++) {
        await newAttempt();
        const [first, stale] = await time(view);
        const [settle] = await time(() => reportBuildsSettled());
        if (!stale) {
          throw new Error(
            `${name}, ${scale}×, run ${i}: the first view after a new attempt was expected to show the last report while it is refreshed ` +
              `(version ${JSON.stringify(await readReportVersion(projectId))}, cache ${JSON.stringify(reportCacheStats())})`,
          );
        }
        add("after", first);
        add("refreshed", settle);
      }
      // The same, with the page waiting for the rebuild.
      configureReportCache({ backgroundFromAttempts: Infinity });
      await view();
      for (let i = 0; i < runs; i++) {
        await newAttempt();
        const [waiting, stale] = await time(view);
        if (stale) throw new Error("a page that waits for the rebuild came out stale");
        add("waiting", waiting);
      }
      const m = (key: string) => ms(median(times[key]));
      pageFigures[name][`${scale}x`] = {
        attempts,
        runs,
        rawMs: m("raw"),
        hitMs: m("hit"),
        afterAttemptMs: m("after"),
        refreshedAfterMs: m("refreshed"),
        afterAttemptWaitingMs: m("waiting"),
        reportBytes,
      };
    }
    await lucia.invalidateSession(session.id);
  }
  configureReportCache({});

  // Short-text clustering: 1,000 answers of one question, and the whole 1× report with every short-text checkpoint clustered.
  const r = rng(7);
  const answers = Array.from({ length: 1000 }, (_, i) => ({ id: `t${i}`, text: shortAnswer(r).text }));
  const distinct = new Set(answers.map((a) => a.text)).size;
  const clusterMs = await medianOf(5, () => clusterAnswers(answers), 1);
  const groups = clusterAnswers(answers).length;
  const base = await owned(classes[1].projectId);
  const reportWithClusteringMs = await medianOf(3, () => buildProjectReport(base, { clusterText: true }), 1);

  raw.close();
  await prisma.$disconnect();

  const one = perScale["1x"];
  console.log(`Full project report (1×, ${one.attempts} attempts), median of ${one.runs} interleaved runs:`);
  console.log(`  report (load + analyse):  ${one.reportMs} ms   [load ${one.loadMs} ms + analysis ${one.analyseMs} ms]`);
  console.log(`  raw read (floor):         ${one.rawMs} ms   (plain better-sqlite3 SELECTs of the same rows)`);
  console.log(`  ratio report / raw:       ${one.ratio}×   (target ≤ 3×; in CPU time ${one.cpu.reportMs} / ${one.cpu.rawMs} ms = ${one.cpu.ratio}×)`);
  console.log(`  the same report reading through findMany: ${one.reportFindManyMs} ms (load ${one.loadFindManyMs} ms)`);
  console.log(`  with all ${Math.round(BASE_SIZE.checkpoints / 3)} short-text checkpoints clustered: ${ms(reportWithClusteringMs)} ms`);
  console.log(`\nClustering 1,000 short answers (${distinct} distinct): ${ms(clusterMs)} ms → ${groups} groups`);
  console.log(`\nGrowth (report time per attempt; flat = linear):`);
  for (const scale of SCALES) {
    const s = perScale[`${scale}x`];
    console.log(
      `  ${String(scale).padStart(2)}×: ${String(s.attempts).padStart(7)} attempts  report ${String(s.reportMs).padStart(8)} ms  ` +
        `${s.loadMs === null ? "" : `(load ${s.loadMs}, analyse ${s.analyseMs})  `}raw ${s.rawMs} ms  ratio ${s.ratio}× (CPU ${s.cpu.ratio}×)  → ${s.reportUsPerAttempt} µs/attempt`,
    );
  }
  const last = SCALES[SCALES.length - 1];
  const growth = SCALES.length > 1 ? ms(perScale[`${last}x`].reportUsPerAttempt / one.reportUsPerAttempt) : null;
  console.log(`  per-attempt cost at ${last}× vs 1×: ${growth}×\n`);

  console.log(`Insight pages with the report cache (decision 015; loader time, medians; one new attempt = one multiple-choice answer):`);
  const pad = (x: unknown, n: number) => String(x).padStart(n);
  console.log(
    `  ${"page".padEnd(9)} ${pad("size", 4)} ${pad("attempts", 8)} ${pad("raw read", 10)} ${pad("no change", 10)} ${pad("new attempt: first view", 24)} ${pad("refreshed after", 16)} ${pad("waiting for rebuild", 20)} ${pad("report", 8)}`,
  );
  for (const [name, byScale] of Object.entries(pageFigures)) {
    for (const [scale, f] of Object.entries(byScale)) {
      console.log(
        `  ${name.padEnd(9)} ${pad(scale, 4)} ${pad(f.attempts, 8)} ${pad(`${f.rawMs} ms`, 10)} ${pad(`${f.hitMs} ms`, 10)} ${pad(`${f.afterAttemptMs} ms (aged)`, 24)} ${pad(`+${f.refreshedAfterMs} ms`, 16)} ${pad(`${f.afterAttemptWaitingMs} ms`, 20)} ${pad(`${ms(f.reportBytes / 1048576)} MB`, 8)}`,
      );
    }
  }
  console.log(
    `  (no change: the cached report, after one query for the version; first view: the last report with "Updated … ago — refreshing" while one rebuild runs; ` +
      `refreshed after: until that rebuild is cached; waiting for rebuild: the page when it waits, as it does below ${"INSIGHT_BACKGROUND_FROM_ATTEMPTS"} attempts; report: its estimated size in memory)\n`,
  );

  if (!args.has("--keep")) fs.rmSync(dir, { recursive: true, force: true });
  else console.log(`Kept ${file}\n`);

  console.log(
    JSON.stringify({
      attempts: one.attempts,
      reportMs: one.reportMs,
      loadMs: one.loadMs,
      analyseMs: one.analyseMs,
      rawReadMs: one.rawMs,
      ratio: one.ratio,
      cpuRatio: one.cpu.ratio,
      loadAverage: ms(os.loadavg()[0]),
      reportWithClusteringMs: ms(reportWithClusteringMs),
      cluster1000Ms: ms(clusterMs),
      cluster1000Groups: groups,
      usPerAttempt: Object.fromEntries(SCALES.map((s) => [`${s}x`, perScale[`${s}x`].reportUsPerAttempt])),
      reportFindManyMs: one.reportFindManyMs,
      perScale,
      pages: pageFigures,
      growth: { from: "1x", to: `${last}x`, perAttemptCostRatio: growth },
    }),
  );
}

main().catch((error) => {
  console.error(error);
  fs.rmSync(dir, { recursive: true, force: true });
  process.exit(1);
});
