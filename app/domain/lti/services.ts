// LTI Advantage services (decision 023): the pure reading and writing of what
// Names and Role Provisioning (NRPS 2.0) and Assignment and Grade Services
// (AGS 2.0) exchange. No network, no database.
import { roleFromClaims, type LtiRole } from "~/domain/lti/claims";

export const MEDIA = {
  memberships: "application/vnd.ims.lti-nrps.v2.membershipcontainer+json",
  lineItem: "application/vnd.ims.lis.v2.lineitem+json",
  lineItems: "application/vnd.ims.lis.v2.lineitemcontainer+json",
  score: "application/vnd.ims.lis.v1.score+json",
} as const;

/** Pages of a course roster Rebound follows at most (an LMS pages at 10–100 members; 200 pages is a year group many times over). */
export const MAX_ROSTER_PAGES = 200;
/** People in one course roster Rebound reads at most (a course, even a year group, is far fewer). */
export const MAX_ROSTER_MEMBERS = 10_000;

export interface RosterMember {
  sub: string;
  name: string;
  email: string | null;
  role: LtiRole | null;
  /** NRPS status: a member no longer Active is listed for the teacher, not enrolled. */
  active: boolean;
}

const str = (value: unknown, max: number): string | null => (typeof value === "string" && value.trim().length > 0 ? value.trim().slice(0, max) : null);

/** The members of one NRPS page; entries without a user id are left out and counted. */
export function readMembershipPage(body: unknown): { members: RosterMember[]; unreadable: number } | null {
  if (!body || typeof body !== "object" || !Array.isArray((body as { members?: unknown }).members)) return null;
  const members: RosterMember[] = [];
  let unreadable = 0;
  for (const raw of (body as { members: unknown[] }).members) {
    const m = (raw && typeof raw === "object" ? raw : {}) as Record<string, unknown>;
    const sub = str(m.user_id, 255);
    if (!sub) {
      unreadable++;
      continue;
    }
    const given = [str(m.given_name, 100), str(m.family_name, 100)].filter(Boolean).join(" ");
    members.push({
      sub,
      name: str(m.name, 100) ?? (given || "LMS user"),
      email: str(m.email, 254)?.toLowerCase() ?? null,
      role: roleFromClaims(m.roles),
      // Status is optional in NRPS and means Active when absent.
      active: m.status === undefined || m.status === "Active",
    });
  }
  return { members, unreadable };
}

/** The `rel="next"` address of an HTTP Link header (RFC 8288), or null. */
export function nextPageLink(header: string | null): string | null {
  if (!header) return null;
  for (const part of header.split(/,(?=\s*<)/)) {
    const match = /^\s*<([^>]*)>(.*)$/.exec(part);
    if (!match) continue;
    const rels = match[2]
      .split(";")
      .map((p) => /^\s*rel\s*=\s*"?([^"]*)"?\s*$/i.exec(p)?.[1])
      .find((v) => v !== undefined);
    if (rels?.toLowerCase().split(/\s+/).includes("next")) return match[1];
  }
  return null;
}

/** A line item's scores address: `/scores` added to its path, its query kept (AGS 2.0, 3.4). */
export function scoresUrl(lineItemUrl: string): string {
  const url = new URL(lineItemUrl);
  url.pathname = `${url.pathname.replace(/\/$/, "")}/scores`;
  return url.toString();
}

export interface StudentProgress {
  gotIt: number;
  attempts: number;
  total: number;
}

export type ActivityProgress = "Initialized" | "Started" | "InProgress" | "Submitted" | "Completed";

/**
 * The score Rebound posts for a student's progress on a project: checkpoints
 * got out of the checkpoints there are, with a comment in words. A student who
 * has not started gets no score (NotReady), so the gradebook shows nothing
 * rather than a zero.
 */
export function progressScore(sub: string, progress: StudentProgress, now: Date) {
  const base = { userId: sub, timestamp: now.toISOString() };
  if (progress.attempts === 0) {
    return { ...base, activityProgress: "Initialized" as ActivityProgress, gradingProgress: "NotReady", comment: "Not started yet in Rebound." };
  }
  const done = progress.gotIt === progress.total;
  return {
    ...base,
    scoreGiven: progress.gotIt,
    scoreMaximum: progress.total,
    activityProgress: (done ? "Completed" : "InProgress") as ActivityProgress,
    gradingProgress: "FullyGraded",
    comment: progressComment(progress),
  };
}

export function progressComment({ gotIt, attempts, total }: StudentProgress): string {
  const tries = `${attempts} ${attempts === 1 ? "attempt" : "attempts"}`;
  const them = total === 1 ? "the checkpoint" : `all ${total} checkpoints`;
  if (gotIt === total) return `Got ${them} in Rebound, over ${tries}.`;
  if (gotIt === 0) return `Working on ${them} in Rebound: ${tries} so far, none got yet.`;
  return `Got ${gotIt} of ${total} checkpoints in Rebound so far, over ${tries}; the others are "not yet".`;
}
