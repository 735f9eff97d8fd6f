// The insight report cache (decision 015): per server, keyed by project and
// options, and checked against the project's version in the database
// (ProjectDataVersion, moved by triggers on every write the report reads)
// before every use, so no server shows a report another server's write has
// changed without saying so. The rules are in app/domain/report-cache.ts:
// - the current version cached: shown as it is;
// - a small project (or the first view): rebuilt before the page is shown;
//   views at once share one build;
// - a large project after writes that deleted nothing: the last report is
//   shown with its age while one rebuild runs in the background (never more
//   than one per project and options on a server), so no view waits on a
//   rebuild that writes keep overtaking.
// Bounded by bytes, least recently used dropped first. Module state.
//
// Takes the guard's proven project (requireTeacherProject), as the loaders do.
import { performance } from "node:perf_hooks";
import { prisma } from "~/db.server";
import type { ProjectReport } from "~/domain/insight/report";
import { ByteLru, covers, estimateBytes, planView, replaces, type CachedReport, type CachePolicy, type VersionStamp } from "~/domain/report-cache";
import { textGroupsForProject } from "~/models/answer-group-cache.server";
import { InsightWorkerStopped, buildInsightReport } from "~/models/insight-worker.server";
import type { OwnedProject } from "~/models/project.server";

export interface ReportOptions {
  /** Short-answer groups in the checkpoints' details (the overview); the heatmap needs none. */
  textGroups: boolean;
}

/** How current the report shown is. */
export interface ReportFreshness {
  /** When the data it was built from was read (ISO). */
  builtAt: string;
  /** Writes came in since: a newer report is being built in the background. */
  stale: boolean;
}

export interface CachedInsight {
  report: ProjectReport;
  freshness: ReportFreshness;
}

const MB = 1024 * 1024;

function numberFromEnv(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return process.env[name] !== undefined && Number.isFinite(value) && value >= 0 ? value : fallback;
}

const defaults = () => ({
  backgroundFromAttempts: numberFromEnv("INSIGHT_BACKGROUND_FROM_ATTEMPTS", 5_000),
  maxBytes: numberFromEnv("INSIGHT_CACHE_MB", 256) * MB,
});
let policy: CachePolicy = { backgroundFromAttempts: defaults().backgroundFromAttempts };
let store = new ByteLru<CachedReport<ProjectReport>>(defaults().maxBytes);
/** Builds started since the server started (for tests and the bench). */
let builds = 0;
/** Key → the build running for it, and the version it read first. */
const running = new Map<string, { stamp: VersionStamp; done: Promise<CachedReport<ProjectReport> | null> }>();

/** For tests and the bench: an empty cache with these limits (the settings' ones where not given). */
export function configureReportCache(settings: { backgroundFromAttempts?: number; maxBytes?: number } = {}) {
  policy = { backgroundFromAttempts: settings.backgroundFromAttempts ?? defaults().backgroundFromAttempts };
  store = new ByteLru(settings.maxBytes ?? defaults().maxBytes);
}

const keyOf = (projectId: string, options: ReportOptions) => `${projectId}|${options.textGroups ? "groups" : "plain"}`;

/** The project's version now; null when it has no version row (then nothing is cached). */
export async function readReportVersion(projectId: string): Promise<VersionStamp | null> {
  return prisma.projectDataVersion.findUnique({ where: { projectId }, select: { version: true, deletions: true } });
}

/**
 * Builds the report from the rows as they are now. No `now`: what depends on
 * the time of the view (how long a support request has been waiting) the page
 * counts itself, so a cached report does not go out of date by itself.
 */
async function buildNow(project: OwnedProject, options: ReportOptions): Promise<ProjectReport | null> {
  const textGroups = options.textGroups ? await textGroupsForProject(project) : undefined;
  // On the production server the rows are read and analysed on a worker thread; elsewhere here (app/models/insight-worker.server.ts).
  return buildInsightReport(project, textGroups);
}

/** Outside production, a cached report is frozen, so a page that changed one would fail its tests. */
function freeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) freeze(child);
  }
  return value;
}

/** Starts one build of the report as of `stamp` (read at `builtAt`, just before), keeping the result unless a newer one is kept. */
function startBuild(key: string, project: OwnedProject, options: ReportOptions, stamp: VersionStamp, builtAt: number) {
  const t0 = performance.now();
  builds++;
  const done = buildNow(project, options).then((report) => {
    if (!report) return null;
    if (process.env.NODE_ENV !== "production") freeze(report);
    const entry: CachedReport<ProjectReport> = {
      stamp,
      builtAt,
      buildMs: performance.now() - t0,
      attempts: report.totals.attempts,
      bytes: estimateBytes(report),
      value: report,
    };
    // A slower build of an older version must not replace a newer report.
    if (replaces(store.get(key), builtAt)) store.set(key, entry, entry.bytes);
    return entry;
  });
  const build = { stamp, done };
  running.set(key, build);
  const clear = () => {
    if (running.get(key) === build) running.delete(key);
  };
  done.then(clear, clear);
  return done;
}

const fresh = (entry: CachedReport<ProjectReport>, stale = false): CachedInsight => ({
  report: entry.value,
  freshness: { builtAt: new Date(entry.builtAt).toISOString(), stale },
});

/**
 * The project's insight report for a page. Null when the project has gone
 * since the guard found it.
 */
export async function loadCachedReport(project: OwnedProject, options: ReportOptions): Promise<CachedInsight | null> {
  const readAt = Date.now();
  const current = await readReportVersion(project.id);
  if (!current) {
    const report = await buildNow(project, options);
    return report ? { report, freshness: { builtAt: new Date().toISOString(), stale: false } } : null;
  }
  const key = keyOf(project.id, options);
  // The report with groups holds everything the one without has: use it when it is current.
  if (!options.textGroups) {
    const withGroups = store.get(keyOf(project.id, { textGroups: true }));
    if (withGroups && planView(withGroups, current, policy, true).kind === "hit") return fresh(withGroups);
  }
  const entry = store.get(key);
  const plan = planView(entry, current, policy, running.has(key));
  if (plan.kind === "hit") return fresh(entry!);
  if (plan.kind === "stale") {
    if (plan.refresh) {
      startBuild(key, project, options, current, readAt).catch((error: unknown) => {
        // The page already has the last report; the next view tries again.
        if (error instanceof InsightWorkerStopped) return;
        console.error(`Rebuilding the insight report of project ${project.id} in the background failed:`, error);
      });
    }
    return fresh(entry!, true);
  }
  const joining = running.get(key);
  const built = await (joining && covers(joining.stamp, current) ? joining.done : startBuild(key, project, options, current, readAt));
  return built ? fresh(built) : null;
}

/** Drops the cached reports of these projects (after a person's data was deleted, so none of it stays in memory here). */
export function forgetCachedReports(projectIds: string[]) {
  const ids = new Set(projectIds);
  store.deleteWhere((key) => ids.has(key.slice(0, key.indexOf("|"))));
}

/** For tests and the bench: resolves when no build is running (background ones included). */
export async function reportBuildsSettled(): Promise<void> {
  while (running.size > 0) await Promise.allSettled([...running.values()].map((r) => r.done));
}

/** For tests and the bench: what the cache holds. */
export function reportCacheStats() {
  return { entries: store.size, bytes: store.bytes, maxBytes: store.maxBytes, running: running.size, builds };
}
