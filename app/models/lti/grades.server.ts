// Sending a project's progress to the LMS gradebook with Assignment and Grade
// Services 2.0 (decision 023), when a teacher chooses to: for each student of
// the class who came from that LMS, the checkpoints they got out of the
// project's checkpoints, with a comment, as the progress grid counts them (the
// same figures the teacher sees). A student who has not started gets no score.
// The gradebook column is the one the LMS gave the link, or one Rebound makes
// (and remembers) under the link.
import { prisma } from "~/db.server";
import { serviceUrl } from "~/domain/lti/claims";
import { MEDIA, progressScore, scoresUrl, type StudentProgress } from "~/domain/lti/services";
import { byName } from "~/domain/names";
import { mapWithConcurrency } from "~/utils/concurrency";
import { loadProgressGrid } from "~/models/progress.server";
import type { OwnedProject } from "~/models/project.server";
import { SCOPE, callService, errorDetail, readJson, serviceToken, type ServiceFailure } from "~/models/lti/service-token.server";

/** A tag Rebound puts on the gradebook columns it makes, so it finds them again. */
export const LINE_ITEM_TAG = "rebound-progress";
/** Scores sent at once to one LMS. */
const SCORE_CONCURRENCY = 4;

export interface LmsLink {
  id: string;
  title: string;
  course: string;
  platformName: string;
  canPost: boolean;
  scoresPostedAt: Date | null;
  scoresPostedCount: number | null;
}

const hasScope = (granted: string, scope: string) => granted.split(" ").includes(scope);

/** Can Rebound post scores for this link: the score scope, and a column given or one it may make. */
function canPost(link: { lineItemUrl: string | null; context: { agsScopes: string; lineItemsUrl: string | null } }) {
  if (!hasScope(link.context.agsScopes, SCOPE.score)) return false;
  return link.lineItemUrl !== null || (link.context.lineItemsUrl !== null && hasScope(link.context.agsScopes, SCOPE.lineItem));
}

/** Whether an LMS course links to this project (its progress page then offers the gradebook). */
export async function projectIsInLms(project: OwnedProject): Promise<boolean> {
  return (await prisma.ltiResourceLink.count({ where: { projectId: project.id, context: { classroomId: project.classroomId } } })) > 0;
}

/** The LMS links that open this project. */
export async function lmsLinksOfProject(project: OwnedProject): Promise<LmsLink[]> {
  const links = await prisma.ltiResourceLink.findMany({
    where: { projectId: project.id, context: { classroomId: project.classroomId } },
    select: {
      id: true,
      title: true,
      lineItemUrl: true,
      scoresPostedAt: true,
      scoresPostedCount: true,
      context: { select: { title: true, agsScopes: true, lineItemsUrl: true, platform: { select: { name: true } } } },
    },
    orderBy: { createdAt: "asc" },
  });
  return links.map((l) => ({
    id: l.id,
    title: l.title,
    course: l.context.title,
    platformName: l.context.platform.name,
    canPost: canPost(l),
    scoresPostedAt: l.scoresPostedAt,
    scoresPostedCount: l.scoresPostedCount,
  }));
}

type Person = { id: string; name: string };
export type GradeReport = {
  course: string;
  /** Students whose score the LMS took. */
  posted: number;
  /** Of them, those who have not started (sent as "not started", without a score). */
  notStarted: number;
  /** Students of the class with no account from this LMS: nothing to send them under. */
  notFromLms: Person[];
  failed: { name: string; detail: string }[];
  total: number;
  /** The LMS answered that the column is gone (every score 404 or 410): Rebound forgot it, and the next send makes or finds another. */
  columnGone: boolean;
};
export type GradeResult =
  | { ok: true; report: GradeReport }
  | { ok: false; reason: "not-found" | "no-gradebook" | "no-checkpoints" }
  | { ok: false; reason: "service"; failure: ServiceFailure };

const failureOf = async (res: Response | ServiceFailure): Promise<ServiceFailure | null> => {
  if (!(res instanceof Response)) return res;
  if (!res.ok) return { reason: "refused", status: res.status, detail: await errorDetail(res) };
  return null;
};

/** The gradebook column of this link: the one the LMS gave, the one Rebound made before, or a new one. */
async function lineItemFor(
  link: { id: string; resourceLinkId: string; lineItemUrl: string | null; context: { lineItemsUrl: string | null } },
  label: string,
  total: number,
  token: string,
): Promise<{ ok: true; url: string } | { ok: false; failure: ServiceFailure }> {
  if (link.lineItemUrl) {
    const given = serviceUrl(link.lineItemUrl);
    return given ? { ok: true, url: given } : { ok: false, failure: { reason: "unreadable", detail: "the gradebook column's address is not one" } };
  }
  const container = serviceUrl(link.context.lineItemsUrl);
  if (!container) return { ok: false, failure: { reason: "unreadable", detail: "the gradebook's address is not one" } };
  const auth = { Authorization: `Bearer ${token}` };
  const query = new URL(container);
  query.searchParams.set("resource_link_id", link.resourceLinkId);
  query.searchParams.set("tag", LINE_ITEM_TAG);
  const found = await callService(query.toString(), { headers: { ...auth, Accept: MEDIA.lineItems } });
  const foundFailure = await failureOf(found);
  if (foundFailure) return { ok: false, failure: foundFailure };
  const items = (await readJson(found as Response)) as { id?: unknown; resourceLinkId?: unknown; tag?: unknown }[] | null;
  // Rebound's own column under this link: the link and the tag (an LMS may ignore the query's filters).
  const existing = Array.isArray(items) ? items.find((i) => typeof i.id === "string" && i.resourceLinkId === link.resourceLinkId && i.tag === LINE_ITEM_TAG) : undefined;
  let url = typeof existing?.id === "string" ? existing.id : null;
  if (!url) {
    const made = await callService(container, {
      method: "POST",
      headers: { ...auth, "Content-Type": MEDIA.lineItem, Accept: MEDIA.lineItem },
      body: JSON.stringify({ label, scoreMaximum: total, resourceLinkId: link.resourceLinkId, tag: LINE_ITEM_TAG }),
    });
    const madeFailure = await failureOf(made);
    if (madeFailure) return { ok: false, failure: madeFailure };
    const item = (await readJson(made as Response, 1024 * 1024)) as { id?: unknown } | null;
    if (!item || typeof item.id !== "string") return { ok: false, failure: { reason: "unreadable", detail: "the new gradebook column has no id" } };
    url = item.id;
  }
  // The column's address comes from the LMS's answer, not the signed launch: it must be on the container's site.
  const checked = serviceUrl(url);
  if (!checked || new URL(checked).origin !== new URL(container).origin) return { ok: false, failure: { reason: "unreadable", detail: "a gradebook column address on another site" } };
  url = checked;
  await prisma.ltiResourceLink.update({ where: { id: link.id }, data: { lineItemUrl: url } });
  return { ok: true, url };
}

export async function postProgressToLms(project: OwnedProject, linkId: string, now = new Date()): Promise<GradeResult> {
  const link = await prisma.ltiResourceLink.findFirst({
    where: { id: linkId, projectId: project.id, context: { classroomId: project.classroomId } },
    select: {
      id: true,
      resourceLinkId: true,
      lineItemUrl: true,
      context: { select: { title: true, agsScopes: true, lineItemsUrl: true, platform: { select: { id: true, clientId: true, tokenUrl: true } } } },
    },
  });
  if (!link) return { ok: false, reason: "not-found" };
  if (!canPost(link)) return { ok: false, reason: "no-gradebook" };
  const grid = await loadProgressGrid(project);
  const total = grid.checkpoints.length;
  if (total === 0) return { ok: false, reason: "no-checkpoints" };

  const token = await serviceToken(link.context.platform, link.lineItemUrl ? [SCOPE.score] : [SCOPE.lineItem, SCOPE.score], now);
  if (!token.ok) return { ok: false, reason: "service", failure: token };
  const column = await lineItemFor(link, project.title, total, token.token);
  if (!column.ok) return { ok: false, reason: "service", failure: column.failure };

  const students = grid.activeRows.map((row) => ({
    person: { id: row.student.id, name: row.student.name },
    progress: {
      total,
      gotIt: row.cells.filter((c) => c.state.status === "GOT_IT").length,
      attempts: row.cells.reduce((sum, c) => sum + c.state.attempts, 0),
    } satisfies StudentProgress,
  }));
  const identities = await prisma.ltiIdentity.findMany({
    where: { platformId: link.context.platform.id, userId: { in: students.map((s) => s.person.id) } },
    select: { userId: true, sub: true },
  });
  const subOf = new Map(identities.map((i) => [i.userId, i.sub]));
  const report: GradeReport = { course: link.context.title, posted: 0, notStarted: 0, notFromLms: [], failed: [], total, columnGone: false };
  let gone = 0;
  const target = scoresUrl(column.url);
  const sendable = students.filter((s) => {
    if (subOf.has(s.person.id)) return true;
    report.notFromLms.push(s.person);
    return false;
  });
  await mapWithConcurrency(sendable, SCORE_CONCURRENCY, async ({ person, progress }) => {
    const res = await callService(target, {
      method: "POST",
      headers: { Authorization: `Bearer ${token.token}`, "Content-Type": MEDIA.score },
      body: JSON.stringify(progressScore(subOf.get(person.id)!, progress, now)),
    });
    const failure = await failureOf(res);
    if (failure) {
      if (failure.status === 404 || failure.status === 410) gone++;
      report.failed.push({ name: person.name, detail: failure.status ? `${failure.status} ${failure.detail}`.trim() : failure.detail });
      return;
    }
    report.posted++;
    if (progress.attempts === 0) report.notStarted++;
  });
  report.notFromLms.sort(byName);
  report.failed.sort(byName);
  if (sendable.length > 0 && gone === sendable.length) {
    report.columnGone = true;
    await prisma.ltiResourceLink.update({ where: { id: link.id }, data: { lineItemUrl: null } });
    return { ok: true, report };
  }
  await prisma.ltiResourceLink.update({ where: { id: link.id }, data: { scoresPostedAt: now, scoresPostedCount: report.posted } });
  return { ok: true, report };
}
