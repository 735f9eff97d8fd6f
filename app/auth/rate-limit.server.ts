// Rate limits on the doors a stranger can knock on: logging in, signing up,
// typing a join code, changing a password and using a set-up code (decision 010). Counters live in the database through
// rate-limiter-flexible's Prisma store, so several app servers count together.
// Keyed mainly on the account (or the code); the per-address limits are
// generous, because a whole school often reaches the app from one address.
//
// Each limit is "points/seconds" and can be set in the environment, e.g.
// RATE_LIMIT_LOGIN_ACCOUNT=10/900: ten failed logins to one account in 15
// minutes, then a wait until the window ends.
import type { AppLoadContext } from "@remix-run/node";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import { prisma } from "~/db.server";

export const RATE_LIMITS = {
  /** Failed logins to one account. */
  LOGIN_ACCOUNT: { env: "RATE_LIMIT_LOGIN_ACCOUNT", fallback: "10/900" },
  /** Failed logins from one address (a school shares one). */
  LOGIN_ADDRESS: { env: "RATE_LIMIT_LOGIN_ADDRESS", fallback: "300/900" },
  /** Sign-ups tried with one email address. */
  SIGNUP_EMAIL: { env: "RATE_LIMIT_SIGNUP_EMAIL", fallback: "5/3600" },
  /** Sign-ups from one address (a class signing up together). */
  SIGNUP_ADDRESS: { env: "RATE_LIMIT_SIGNUP_ADDRESS", fallback: "100/3600" },
  /** Wrong join codes typed by one student. */
  JOIN_STUDENT: { env: "RATE_LIMIT_JOIN_STUDENT", fallback: "10/900" },
  /** Wrong join codes from one address. */
  JOIN_ADDRESS: { env: "RATE_LIMIT_JOIN_ADDRESS", fallback: "200/900" },
  /** Wrong current passwords given to change one account's password. */
  PASSWORD_CHANGE: { env: "RATE_LIMIT_PASSWORD_CHANGE", fallback: "5/900" },
  /** Wrong set-up codes tried for one account (email). */
  SETUP_CODE_ACCOUNT: { env: "RATE_LIMIT_SETUP_CODE_ACCOUNT", fallback: "5/900" },
  /** Wrong set-up codes from one address (a class using their codes together). */
  SETUP_CODE_ADDRESS: { env: "RATE_LIMIT_SETUP_CODE_ADDRESS", fallback: "100/900" },
  /** Question files one teacher sends to be read (issue 11; each read parses up to 5 MB). */
  IMPORT_TEACHER: { env: "RATE_LIMIT_IMPORT_TEACHER", fallback: "60/3600" },
  /** Wrong co-teacher invitation codes, per teacher account (decision 021). */
  CO_TEACHER_CODE: { env: "RATE_LIMIT_CO_TEACHER_CODE", fallback: "10/900" },
  /** Sign-in sheets one teacher makes (issue 11; each hashes a set-up code per student, up to a whole year group). */
  SIGN_IN_SHEET: { env: "RATE_LIMIT_SIGN_IN_SHEET", fallback: "30/3600" },
  /** LTI login initiations from one address (issue 11; each writes a login state row; a school's LMS launches share one address). */
  LTI_LOGIN: { env: "RATE_LIMIT_LTI_LOGIN", fallback: "600/900" },
} as const;

export type RateLimitName = keyof typeof RATE_LIMITS;

function parseLimit(text: string): { points: number; duration: number } {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!match || Number(match[1]) < 1 || Number(match[2]) < 1) throw new Error(`A rate limit is "points/seconds", like 10/900; got "${text}".`);
  return { points: Number(match[1]), duration: Number(match[2]) };
}

const limiters = new Map<string, RateLimiterPrisma>();

/** The limiter for a limit as the environment sets it now (tests change it between runs). */
function limiterFor(name: RateLimitName): RateLimiterPrisma {
  const { env, fallback } = RATE_LIMITS[name];
  const setting = process.env[env] || fallback;
  const id = `${name}:${setting}`;
  let limiter = limiters.get(id);
  if (!limiter) {
    const { points, duration } = parseLimit(setting);
    limiter = new RateLimiterPrisma({ storeClient: prisma, tableName: "rateLimit", keyPrefix: name, points, duration });
    limiters.set(id, limiter);
  }
  return limiter;
}

export type RateCheck = { ok: true } | { ok: false; retryAfterSeconds: number };

const normalizeKey = (key: string) => key.trim().toLowerCase().slice(0, 300);

/**
 * Whether these keys may still try, without counting anything: checked before
 * the costly work (a password hash) so that a flood costs the server nothing.
 */
export async function checkLimits(checks: [RateLimitName, string][]): Promise<RateCheck> {
  let wait = 0;
  for (const [name, key] of checks) {
    const limiter = limiterFor(name);
    const res = await limiter.get(normalizeKey(key));
    if (res && res.consumedPoints >= limiter.points) wait = Math.max(wait, res.msBeforeNext);
  }
  return wait > 0 ? { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(wait / 1000)) } : { ok: true };
}

/** Counts one try (a failure, or a sign-up) against each key. */
export async function countTry(checks: [RateLimitName, string][]): Promise<void> {
  for (const [name, key] of checks) {
    try {
      await limiterFor(name).consume(normalizeKey(key), 1);
    } catch (error) {
      // Over the limit already: the next check says so. Anything else is a real failure.
      if (!(error instanceof RateLimiterRes)) throw error;
    }
  }
}

/** Forgets the count for a key (a successful login clears its account's failures). */
export async function clearTries(name: RateLimitName, key: string): Promise<void> {
  await limiterFor(name).delete(normalizeKey(key));
}

/**
 * Forgets every counter kept under these keys (an account's id and email), in
 * every limit: a deleted account leaves no counter naming it.
 */
export async function forgetAccountLimits(keys: string[]): Promise<void> {
  for (const name of Object.keys(RATE_LIMITS) as RateLimitName[]) {
    for (const key of keys) await limiterFor(name).delete(normalizeKey(key));
  }
}

/** The words and header a refused request gets. */
export function tooManyTries(retryAfterSeconds: number, what: string) {
  const minutes = Math.ceil(retryAfterSeconds / 60);
  return {
    message: `Too many ${what} in a short time. Wait ${minutes === 1 ? "a minute" : `${minutes} minutes`} and try again.`,
    headers: { "Retry-After": String(retryAfterSeconds) },
  };
}

/** The client's address, as the server (scripts/server.mjs) saw it; one shared key when unknown. */
export function clientAddress(context: AppLoadContext | undefined): string {
  return context?.clientAddress || "unknown";
}
