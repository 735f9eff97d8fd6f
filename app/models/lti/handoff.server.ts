// Continuing a launch in a new tab (decision 023). Inside the LMS's frame,
// browsers that keep cookies from sites in frames (Safari, Firefox, Brave,
// Chromium without third-party cookies) cannot hold Rebound's state cookie or
// a session. A launch verified there (signature, issuer, audience, expiry, a
// nonce used once, the state Rebound issued) gets a one-time code instead: the
// frame shows a link that opens Rebound in a new tab, where the person sees
// whose account it is and continues with one click — first-party, so the
// session cookie works. The code lasts two minutes, works once and is kept as
// its SHA-256; the confirmation stands in for the state cookie's tie to the
// browser (nobody can be signed in to someone else's account without seeing
// whose it is).
import { createHash, randomBytes } from "node:crypto";
import { prisma } from "~/db.server";
import { safeRedirect } from "~/domain/safe-redirect";
import { paths } from "~/utils/paths";

export const HANDOFF_SECONDS = 120;
const hash = (code: string) => createHash("sha256").update(code).digest("hex");

/** A new code for this person and where they were going. */
export async function createHandoff(userId: string, redirectTo: string, now = new Date()): Promise<string> {
  const code = randomBytes(32).toString("base64url");
  await prisma.ltiHandoff.create({ data: { id: hash(code), userId, redirectTo, createdAt: now, expiresAt: new Date(now.getTime() + HANDOFF_SECONDS * 1000) } });
  // Old codes go as new ones come (no cron needed).
  await prisma.ltiHandoff.deleteMany({ where: { expiresAt: { lte: now } } });
  return code;
}

/** Whose code it is (to confirm), while it is valid. */
export async function findHandoff(code: string, now = new Date()) {
  if (!/^[\w-]{43}$/.test(code)) return null;
  return prisma.ltiHandoff.findFirst({ where: { id: hash(code), expiresAt: { gt: now } }, select: { user: { select: { name: true } } } });
}

/** Uses the code once: who to sign in and where to send them, or null when it was used or has expired. */
export async function useHandoff(code: string, now = new Date()): Promise<{ userId: string; redirectTo: string } | null> {
  if (!/^[\w-]{43}$/.test(code)) return null;
  const row = await prisma.ltiHandoff.findFirst({ where: { id: hash(code), expiresAt: { gt: now } }, select: { userId: true, redirectTo: true } });
  if (!row) return null;
  // Only the request that deletes it may use it.
  const { count } = await prisma.ltiHandoff.deleteMany({ where: { id: hash(code) } });
  return count === 1 ? { userId: row.userId, redirectTo: safeRedirect(row.redirectTo, paths.home()) } : null;
}
