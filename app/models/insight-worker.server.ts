// The insight report's analysis off the app server's thread (decision 015,
// "Builds on a worker thread"). Building a large class's report is seconds of
// CPU (1.3 s for 300 students × 40 checkpoints, over a minute for a year
// group); on the thread that answers requests, every student's page waited
// for it. The production server (scripts/lib/app-server.mjs) starts one
// worker thread per process for it, with its own database connection: it
// reads the project's rows and analyses them there, one build at a time, and
// only the report comes back. It keeps nothing between builds (no cache: a
// deleted person's data is never left in it). The short-answer groups are
// still worked out here, where their cache is, and sent along.
//
// Without the production server (the dev server, the tests) the build runs
// here as before, the analysis in two turns of the event loop. If the worker cannot start
// or stops, the builds waiting on it fail (the page answers as for any failed
// build) and the next build starts a new one.
import { Worker } from "node:worker_threads";
import { prepare } from "~/domain/insight/prepare";
import { analyseProject, type ProjectReport, type ReportOptions } from "~/domain/insight/report";
import type { ProjectData } from "~/domain/insight/types";
import { loadProjectData } from "~/models/insight.server";
import type { OwnedProject } from "~/models/project.server";

type TextGroups = ReportOptions["textGroups"];

/** The analysis on this thread: indexing and analysing in two turns, so requests that came in meanwhile go between them. */
async function analyseInsightHere(data: ProjectData, textGroups: TextGroups): Promise<ProjectReport> {
  const prepared = prepare(data);
  await new Promise((resolve) => setImmediate(resolve));
  return analyseProject(prepared, { textGroups });
}

/** Reads the project's rows and analyses them on this thread; null when the project has gone. */
export async function buildInsightReportHere(project: OwnedProject, textGroups: TextGroups): Promise<ProjectReport | null> {
  const data = await loadProjectData(project);
  return data ? analyseInsightHere(data, textGroups) : null;
}

/** Where the worker's script is, and the server build it loads the analysis from (file: URLs). */
export interface InsightWorkerSetup {
  script: string;
  build: string;
}

interface Pending {
  on: Worker;
  resolve: (report: ProjectReport | null) => void;
  reject: (error: Error) => void;
}

let setup: InsightWorkerSetup | null = null;
let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, Pending>();

/** From now on builds run on a worker thread started from `next` (null: on this thread). */
export async function useInsightWorker(next: InsightWorkerSetup | null): Promise<void> {
  await stopInsightWorker();
  setup = next;
}

/** A build that did not finish because the server is stopping (not a failure worth reporting). */
export class InsightWorkerStopped extends Error {
  name = "InsightWorkerStopped";
}

/** Workers asked to close: their builds still waiting end with InsightWorkerStopped. */
const closing = new WeakSet<Worker>();

/**
 * Stops the worker: it closes its database connection and exits (cut off after 5 s); the builds still waiting on it
 * fail. The next build starts another if one is set up.
 */
export async function stopInsightWorker(): Promise<void> {
  const running = worker;
  worker = null;
  if (!running) return;
  closing.add(running);
  const exited = new Promise<void>((resolve) => running.once("exit", () => resolve()));
  running.postMessage({ close: true });
  const cutOff = setTimeout(() => void running.terminate(), 5_000);
  await exited;
  clearTimeout(cutOff);
}

/** Fails the builds waiting on this worker. */
function failAll(on: Worker, error: Error) {
  for (const [id, p] of pending) {
    if (p.on !== on) continue;
    pending.delete(id);
    p.reject(error);
  }
}

function startWorker(from: InsightWorkerSetup): Worker {
  const started = new Worker(new URL(from.script), { workerData: { build: from.build } });
  // A worker waiting for work does not keep the process alive (the server's stop closes the database and exits).
  started.unref();
  started.on("message", (message: { id: number; report?: ProjectReport | null; error?: string }) => {
    const waiting = pending.get(message.id);
    if (!waiting) return;
    pending.delete(message.id);
    if (message.error === undefined) {
      waiting.resolve(message.report ?? null);
    } else waiting.reject(new Error(`Building the insight report failed on its worker thread: ${message.error}`));
  });
  const stopped = (error: Error) => {
    if (worker === started) worker = null;
    failAll(started, error);
  };
  started.on("error", (error) => stopped(error));
  started.on("exit", (code) =>
    stopped(closing.has(started) ? new InsightWorkerStopped("The server is stopping.") : new Error(`The insight worker thread stopped (exit code ${code}).`)),
  );
  return started;
}

/** The project's report from its rows as they are now: on the worker thread when one is set up, else here. Null when the project has gone. */
export function buildInsightReport(project: OwnedProject, textGroups: TextGroups): Promise<ProjectReport | null> {
  if (!setup) return buildInsightReportHere(project, textGroups);
  if (!worker) {
    worker = startWorker(setup);
    console.info("[rebound] insight reports are built on a worker thread of this process");
  }
  const id = nextId++;
  const target = worker;
  // The guard's project, as plain fields (what loadProjectData reads of it).
  const owned = { ...project };
  return new Promise<ProjectReport | null>((resolve, reject) => {
    pending.set(id, { on: target, resolve, reject });
    target.postMessage({ id, project: owned, textGroups });
  });
}
