// How long a session lives (decision 002). Pure: the session module reads the
// environment and the database, and asks this module what a session's times mean.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export type SessionPolicy = {
  /** A session with no request for this long is refused. */
  idleMs: number;
  /** No session lives longer than this from its start, however active. */
  maxMs: number;
  /** Last activity is written at most this often. */
  touchMs: number;
};

/** Two hours without a request (a double lesson with the page open is fine); twelve hours at most (one school day). */
export const DEFAULT_IDLE_MINUTES = 120;
export const DEFAULT_MAX_HOURS = 12;
/** At most one write per session every five minutes (less for very short idle limits). */
const TOUCH_MS = 5 * MINUTE;

function positiveNumber(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined || text.trim() === "") return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number; got "${text}".`);
  return value;
}

/** The policy the environment sets: SESSION_IDLE_MINUTES and SESSION_MAX_HOURS. */
export function sessionPolicyFrom(env: Record<string, string | undefined>): SessionPolicy {
  const idleMs = positiveNumber("SESSION_IDLE_MINUTES", env.SESSION_IDLE_MINUTES, DEFAULT_IDLE_MINUTES) * MINUTE;
  const maxMs = positiveNumber("SESSION_MAX_HOURS", env.SESSION_MAX_HOURS, DEFAULT_MAX_HOURS) * HOUR;
  // A write lag of a twelfth of the idle limit at most, so an active user is never judged idle early by more than that.
  return { idleMs, maxMs, touchMs: Math.min(TOUCH_MS, Math.floor(idleMs / 12)) };
}

export type SessionTimes = { createdAt: Date; lastSeenAt: Date; expiresAt: Date };

/**
 * What a session's times mean now: `expired` past its absolute end (the end it
 * was given, or its start plus today's limit, whichever is sooner), `idle`
 * after too long without a request, `touch` when active and its last activity
 * is worth writing again, else `active`.
 */
export function sessionStatus(session: SessionTimes, now: Date, policy: SessionPolicy): "expired" | "idle" | "touch" | "active" {
  const t = now.getTime();
  if (t >= session.expiresAt.getTime() || t >= session.createdAt.getTime() + policy.maxMs) return "expired";
  const sinceSeen = t - session.lastSeenAt.getTime();
  if (sinceSeen >= policy.idleMs) return "idle";
  return sinceSeen >= policy.touchMs ? "touch" : "active";
}

/** When a session started now ends at the latest. */
export function sessionEnd(now: Date, policy: SessionPolicy): Date {
  return new Date(now.getTime() + policy.maxMs);
}

/**
 * A session is over, and may be deleted, when its end is at or before
 * `endedBy`, or it started at or before `startedBy`, or was last seen at or
 * before `lastSeenBy` (the same lines sessionStatus draws).
 */
export function purgeCutoffs(now: Date, policy: SessionPolicy): { endedBy: Date; startedBy: Date; lastSeenBy: Date } {
  const t = now.getTime();
  return { endedBy: now, startedBy: new Date(t - policy.maxMs), lastSeenBy: new Date(t - policy.idleMs) };
}
