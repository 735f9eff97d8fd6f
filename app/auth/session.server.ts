// Sessions (decision 002): a random id in an HttpOnly cookie, a row in the
// Session table. A session is refused after SESSION_IDLE_MINUTES without a
// request or SESSION_MAX_HOURS after it started; its last activity is written
// at most every few minutes. Logging in replaces whatever session the browser
// had; a password change or a set-up code ends every session of the account.
import { redirect } from "@remix-run/node";
import { Cookie, generateIdFromEntropySize } from "lucia";
import { lucia } from "~/auth/lucia.server";
import { prisma } from "~/db.server";
import { homePathFor, type Role } from "~/domain/roles";
import { purgeCutoffs, sessionEnd, sessionPolicyFrom, sessionStatus, type SessionPolicy } from "~/domain/session-policy";
import { paths, type SignedOutReason } from "~/utils/paths";

export type SessionUser = { id: string; email: string; name: string; role: Role };

/** Read on every use, so a changed setting (or a test) takes effect at once. */
export function sessionPolicy(): SessionPolicy {
  return sessionPolicyFrom(process.env);
}

function sessionIdFrom(request: Request): string | null {
  return lucia.readSessionCookie(request.headers.get("Cookie") ?? "");
}

/**
 * Whether the session cookie gets `Secure`: always for a request that came over
 * HTTPS (directly, or through a proxy trusted with TRUST_PROXY=1, which the
 * server turns into the request's https URL) or when HTTPS=1; over plain http,
 * in production unless INSECURE_COOKIES=1 (the local quick start sets it).
 */
export function cookieIsSecure(request: Request): boolean {
  if (new URL(request.url).protocol === "https:" || process.env.HTTPS === "1") return true;
  return process.env.NODE_ENV === "production" && process.env.INSECURE_COOKIES !== "1";
}

function serialize(request: Request, cookie: Cookie, maxAgeSeconds?: number, crossSite = false): string {
  // A session begun by an LTI launch (decision 023) lives in the LMS's iframe: its cookie must come
  // with requests from inside another site's page, which takes SameSite=None, and None takes Secure.
  // Partitioned (CHIPS): browsers that keep ordinary cookies away from framed sites (Chromium without
  // third-party cookies, Firefox) keep this one, for this LMS's pages only. Safari ignores it.
  const attributes = crossSite ? { ...cookie.attributes, secure: true, sameSite: "none" as const } : { ...cookie.attributes, secure: cookieIsSecure(request) };
  if (maxAgeSeconds !== undefined) attributes.maxAge = maxAgeSeconds;
  const text = new Cookie(cookie.name, cookie.value, attributes).serialize();
  return crossSite ? `${text}; Partitioned` : text;
}

function blankCookie(request: Request): string {
  return serialize(request, lucia.createBlankSessionCookie());
}

/** Clears both kinds of session cookie: the site's own, and the one kept inside an LMS's frame. */
function blankCookies(request: Request): Headers {
  const headers = new Headers();
  headers.append("Set-Cookie", blankCookie(request));
  headers.append("Set-Cookie", serialize(request, lucia.createBlankSessionCookie(), undefined, true));
  return headers;
}

type SessionCheck =
  | { user: SessionUser; sessionId: string }
  /** `ended`: the browser's session ran out (idle or past its end); `hadCookie`: there is a cookie to clear. */
  | { user: null; sessionId: null; ended: SignedOutReason | null; hadCookie: boolean };

type SessionRow = { createdAt: Date; lastSeenAt: Date; expiresAt: Date; id: string; email: string; name: string; role: string };

/**
 * The session with its user, in one statement (decision 016: every signed-in request starts here, and Prisma's
 * relation read took two statements and about four times the JavaScript). Ownership is the session id itself.
 */
async function readSession(sessionId: string): Promise<SessionRow | null> {
  const rows = await prisma.$queryRaw<SessionRow[]>`
    SELECT s."createdAt", s."lastSeenAt", s."expiresAt", u."id", u."email", u."name", u."role"
    FROM "Session" s JOIN "User" u ON u."id" = s."userId"
    WHERE s."id" = ${sessionId}`;
  return rows[0] ?? null;
}

async function checkSession(request: Request): Promise<SessionCheck> {
  const sessionId = sessionIdFrom(request);
  if (!sessionId) return { user: null, sessionId: null, ended: null, hadCookie: false };
  const row = await readSession(sessionId);
  if (!row) return { user: null, sessionId: null, ended: null, hadCookie: true };
  const now = new Date();
  const status = sessionStatus(row, now, sessionPolicy());
  // An ended session is refused, not deleted here: a page's loaders run side by
  // side, and each must see why (the purge removes the row later).
  if (status === "idle" || status === "expired") return { user: null, sessionId: null, ended: status, hadCookie: true };
  if (status === "touch") {
    // Only if nobody wrote it since we read it: of several requests at once, one writes.
    await prisma.session.updateMany({ where: { id: sessionId, lastSeenAt: row.lastSeenAt }, data: { lastSeenAt: now } });
  }
  return { user: { id: row.id, email: row.email, name: row.name, role: row.role as Role }, sessionId };
}

/**
 * The signed-in user, or null. Returns headers to set (clearing a cookie whose
 * session is over); loaders should pass them on.
 */
export async function getUser(request: Request): Promise<{ user: SessionUser | null; headers: Headers }> {
  const headers = new Headers();
  const check = await checkSession(request);
  if (!check.user && check.hadCookie) headers.append("Set-Cookie", blankCookie(request));
  return { user: check.user, headers };
}

/** The signed-in user and the id of this browser's session; else to the login page, saying why when the session ran out. */
export async function requireUserSession(request: Request): Promise<{ user: SessionUser; sessionId: string }> {
  const check = await checkSession(request);
  if (check.user) return check;
  const url = new URL(request.url);
  throw redirect(paths.login({ redirectTo: `${url.pathname}${url.search}`, signedOut: check.ended }), {
    headers: check.hadCookie ? { "Set-Cookie": blankCookie(request) } : undefined,
  });
}

export async function requireUser(request: Request): Promise<SessionUser> {
  return (await requireUserSession(request)).user;
}

export async function requireTeacher(request: Request): Promise<SessionUser> {
  const user = await requireUser(request);
  if (user.role !== "TEACHER") throw new Response("This page is for teachers.", { status: 403 });
  return user;
}

export async function requireStudent(request: Request): Promise<SessionUser> {
  const user = await requireUser(request);
  if (user.role !== "STUDENT") throw new Response("This page is for students.", { status: 403 });
  return user;
}

/** The site administrator (decision 023); everyone else is refused. */
export async function requireSiteAdmin(request: Request): Promise<SessionUser> {
  const user = await requireUser(request);
  if (user.role !== "SITE_ADMIN") throw new Response("This page is for the site's administrators.", { status: 403 });
  return user;
}

/** A new session row for the user; returns its id. */
async function createSession(userId: string): Promise<string> {
  const now = new Date();
  const id = generateIdFromEntropySize(25);
  await prisma.session.create({ data: { id, userId, createdAt: now, lastSeenAt: now, expiresAt: sessionEnd(now, sessionPolicy()) } });
  return id;
}

/**
 * Signs the user in and redirects, setting a new session cookie. Whatever
 * session the browser brought is ended first, so an id planted before login
 * (session fixation) never becomes a signed-in one.
 */
export async function startSession(
  request: Request,
  userId: string,
  redirectTo: string,
  options: { crossSite?: boolean; headers?: string[] } = {},
): Promise<Response> {
  const previous = sessionIdFrom(request);
  if (previous) await prisma.session.deleteMany({ where: { id: previous } });
  await purgeSessionsOccasionally();
  const sessionId = await createSession(userId);
  const cookie = serialize(request, lucia.createSessionCookie(sessionId), Math.floor(sessionPolicy().maxMs / 1000), options.crossSite);
  const headers = new Headers({ "Set-Cookie": cookie });
  for (const extra of options.headers ?? []) headers.append("Set-Cookie", extra);
  return redirect(redirectTo, { headers });
}

/** Logs this browser out. */
export async function endSession(request: Request): Promise<Response> {
  const sessionId = sessionIdFrom(request);
  if (sessionId) await prisma.session.deleteMany({ where: { id: sessionId } });
  return redirect(paths.home(), { headers: blankCookies(request) });
}

/** Logs the user out on every device, this one included, and sends them to log in. */
export async function endAllSessions(request: Request, userId: string): Promise<Response> {
  await prisma.session.deleteMany({ where: { userId } });
  return redirect(paths.login({ signedOut: "everywhere" }), { headers: blankCookies(request) });
}

/** How many browsers the user is signed in on now (sessions neither idle nor past their end). */
export async function countActiveSessions(userId: string, now = new Date()): Promise<number> {
  const { endedBy, startedBy, lastSeenBy } = purgeCutoffs(now, sessionPolicy());
  return prisma.session.count({ where: { userId, expiresAt: { gt: endedBy }, createdAt: { gt: startedBy }, lastSeenAt: { gt: lastSeenBy } } });
}

/** Deletes every session that is over (idle, or past its end); returns how many. */
export async function purgeSessions(now = new Date()): Promise<number> {
  const { endedBy, startedBy, lastSeenBy } = purgeCutoffs(now, sessionPolicy());
  const { count } = await prisma.session.deleteMany({
    where: { OR: [{ expiresAt: { lte: endedBy } }, { createdAt: { lte: startedBy } }, { lastSeenAt: { lte: lastSeenBy } }] },
  });
  return count;
}

/** The purge runs on sign-in, at most this often per app server (and whenever `npm run sessions:purge` runs). */
export const PURGE_EVERY_MS = 15 * 60_000;
let lastPurgeAt = Number.NEGATIVE_INFINITY;

async function purgeSessionsOccasionally(): Promise<void> {
  const now = Date.now();
  if (now - lastPurgeAt < PURGE_EVERY_MS) return;
  lastPurgeAt = now;
  await purgeSessions(new Date(now));
}

export { homePathFor };
