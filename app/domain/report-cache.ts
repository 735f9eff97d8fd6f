// The rules of the insight report cache (decision 015), apart from the database
// and the clock so they can be tested directly: when a cached report may be
// shown, when it is rebuilt and how, and a least-recently-used store bounded by
// bytes. app/models/insight-cache.server.ts applies them. Pure.

/** Where a project's data stood: ProjectDataVersion's two counters, moved by database triggers. */
export interface VersionStamp {
  /** Moves with every write the report reads. */
  version: number;
  /** Moves with every delete among those writes (a student's data erased, a tag row removed, …). */
  deletions: number;
}

export interface CachedReport<T> {
  /** The version read before the rows were: the report holds at least what that version holds. */
  stamp: VersionStamp;
  /** When that version was read (ms since the epoch): the report's age counts from here. */
  builtAt: number;
  /** How long the build took, in ms. */
  buildMs: number;
  /** Attempts in the report: what decides whether the next rebuild may run in the background. */
  attempts: number;
  bytes: number;
  value: T;
}

export interface CachePolicy {
  /**
   * A project whose last report held at least this many attempts is rebuilt in
   * the background after a write, the last report being shown meanwhile with
   * its age; a smaller one is rebuilt before the page is shown.
   */
  backgroundFromAttempts: number;
}

/**
 * What a view does:
 * - "hit": the cached report is the current version; show it.
 * - "stale": show the cached report marked with its age; `refresh` says whether
 *   this view starts the one background rebuild (false when one is running).
 * - "build": build now and show the result (joining a build of this version,
 *   or a newer one, that is already running).
 */
export type CachePlan = { kind: "hit" } | { kind: "stale"; refresh: boolean } | { kind: "build" };

/**
 * A stale report is shown only for a large project and only when nothing was
 * deleted since it was built: after a deletion (a student's data erased), every
 * view waits for a report without the deleted rows. Small projects are always
 * rebuilt before the page is shown, so they never show an old report.
 */
export function planView(entry: CachedReport<unknown> | undefined, current: VersionStamp, policy: CachePolicy, refreshing: boolean): CachePlan {
  if (!entry) return { kind: "build" };
  if (entry.stamp.version === current.version && entry.stamp.deletions === current.deletions) return { kind: "hit" };
  const onlyAdded = entry.stamp.deletions === current.deletions && entry.stamp.version < current.version;
  if (onlyAdded && entry.attempts >= policy.backgroundFromAttempts) return { kind: "stale", refresh: !refreshing };
  return { kind: "build" };
}

/**
 * Whether a finished build may replace what is cached: one that read the
 * version later does (its rows are at least as new), so a slow build of an
 * older version finishing late does not replace a newer report. By the time
 * of the read, not the version number, so a database put back from a backup
 * (versions lower than before) still gets its reports cached.
 */
export function replaces(cached: CachedReport<unknown> | undefined, builtAt: number): boolean {
  return !cached || builtAt >= cached.builtAt;
}

// Every delete moves `version` too, so `version` alone orders two stamps.

/** Whether a running build of version `running` serves a view that read version `wanted` (it reads its rows after reading that version). */
export function covers(running: VersionStamp, wanted: VersionStamp): boolean {
  return running.version >= wanted.version;
}

/**
 * A map that keeps the most recently used entries within a byte budget: adding
 * past the budget drops the least recently used first; an entry larger than
 * the whole budget is not kept at all.
 */
export class ByteLru<V> {
  readonly #entries = new Map<string, { value: V; bytes: number }>();
  #bytes = 0;

  constructor(readonly maxBytes: number) {}

  get bytes(): number {
    return this.#bytes;
  }

  get size(): number {
    return this.#entries.size;
  }

  /** The value, marked as just used. */
  get(key: string): V | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    return entry.value;
  }

  /** Keeps the value if it fits in the budget; returns whether it was kept. */
  set(key: string, value: V, bytes: number): boolean {
    this.delete(key);
    if (bytes > this.maxBytes) return false;
    this.#entries.set(key, { value, bytes });
    this.#bytes += bytes;
    for (const [oldest, entry] of this.#entries) {
      if (this.#bytes <= this.maxBytes) break;
      this.#entries.delete(oldest);
      this.#bytes -= entry.bytes;
    }
    return true;
  }

  delete(key: string): void {
    const entry = this.#entries.get(key);
    if (!entry) return;
    this.#entries.delete(key);
    this.#bytes -= entry.bytes;
  }

  /** Drops every entry whose key matches. */
  deleteWhere(matches: (key: string) => boolean): void {
    for (const key of [...this.#entries.keys()]) if (matches(key)) this.delete(key);
  }
}

/**
 * Roughly how many bytes a report takes in memory: its JSON length counted as
 * two bytes a character (strings are UTF-16 inside V8; objects carry overhead
 * that numbers and punctuation do not, so this is an estimate, not a bound).
 */
export function estimateBytes(value: unknown): number {
  return JSON.stringify(value).length * 2;
}
