// What the login page says to someone who was signed out, calmly and truly.
// Pure; the login loader passes the session policy in force.
import type { SessionPolicy } from "~/domain/session-policy";
import type { SignedOutReason } from "~/utils/paths";

/** "2 hours", "90 minutes", "1 hour", "12 hours". */
export function describeDuration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes % 60 !== 0) return `${minutes} ${minutes === 1 ? "minute" : "minutes"}`;
  const hours = minutes / 60;
  return `${hours} ${hours === 1 ? "hour" : "hours"}`;
}

/** The notice for `?signedOut=…` on the login page, or null for anything else. */
export function signedOutNotice(reason: string | null, policy: SessionPolicy): string | null {
  switch (reason as SignedOutReason) {
    case "idle":
      return `You were signed out after a while without activity (${describeDuration(policy.idleMs)}), so nobody else at this device can use your account. Log in again to carry on where you left off.`;
    case "expired":
      return `You were signed out because you had been signed in for ${describeDuration(policy.maxMs)}, the longest one sign-in lasts. Log in again to carry on where you left off.`;
    case "everywhere":
      return "You are logged out on every device. Log in again whenever you are ready.";
    default:
      return null;
  }
}
