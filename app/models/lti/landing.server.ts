// Where a verified launch lands (decision 023): the person's account, the
// course's class, and the page — the project the LMS link opens (the
// student's page for a learner, the teacher's for an instructor), or the class.
import { prisma } from "~/db.server";
import { MESSAGE, type LaunchClaims } from "~/domain/lti/claims";
import { keepDeepLinkRequest } from "~/models/lti/deep-linking.server";
import { accountFor, classFor } from "~/models/lti/people.server";
import { paths } from "~/utils/paths";

export type LandingRefusal = "no-role" | "no-context" | "no-class-yet" | "not-enrolled" | "role-mismatch" | "not-teacher" | "no-return-address" | "links-not-accepted";
export type Landing = { ok: true; userId: string; redirectTo: string } | { ok: false; reason: LandingRefusal };

export async function landLaunch(platformId: string, claims: LaunchClaims, now = new Date()): Promise<Landing> {
  if (!claims.role || !claims.sub) return { ok: false, reason: "no-role" };
  if (!claims.context || !claims.deploymentId) return { ok: false, reason: "no-context" };
  // Deep Linking places a project in the course: a teacher's job, refused before anything is made.
  if (claims.messageType === MESSAGE.deepLinking) {
    if (claims.role !== "TEACHER") return { ok: false, reason: "not-teacher" };
    if (!claims.deepLinking) return { ok: false, reason: "no-return-address" };
    const { acceptTypes } = claims.deepLinking;
    if (acceptTypes.length > 0 && !acceptTypes.includes("ltiResourceLink")) return { ok: false, reason: "links-not-accepted" };
  }
  const account = await accountFor(platformId, { sub: claims.sub, name: claims.name, email: claims.email, role: claims.role }, now);
  if (!account.ok) return account;
  const course = await classFor(
    platformId,
    { context: claims.context, deploymentId: claims.deploymentId, membershipsUrl: claims.membershipsUrl, lineItemsUrl: claims.ags.lineItemsUrl, agsScopes: claims.ags.scopes },
    account.userId,
    claims.role,
  );
  if (!course.ok) return course;

  if (claims.messageType === MESSAGE.deepLinking && claims.deepLinking) {
    const identity = await prisma.ltiIdentity.findUniqueOrThrow({ where: { platformId_sub: { platformId, sub: claims.sub } }, select: { id: true } });
    const requestId = await keepDeepLinkRequest(
      { identityId: identity.id, ltiContextId: course.ltiContextId, deploymentId: claims.deploymentId, returnUrl: claims.deepLinking.returnUrl, data: claims.deepLinking.data },
      now,
    );
    return { ok: true, userId: account.userId, redirectTo: paths.ltiDeepLink(requestId) };
  }

  let projectId: string | null = null;
  if (claims.resourceLink) {
    // The project named by the link's custom parameter, only if it belongs to this course's class.
    const named = claims.projectId
      ? await prisma.project.findFirst({ where: { id: claims.projectId, classroomId: course.classroomId }, select: { id: true } })
      : null;
    const link = await prisma.ltiResourceLink.upsert({
      where: { ltiContextId_resourceLinkId: { ltiContextId: course.ltiContextId, resourceLinkId: claims.resourceLink.id } },
      create: { ltiContextId: course.ltiContextId, resourceLinkId: claims.resourceLink.id, title: claims.resourceLink.title, projectId: named?.id ?? null, lineItemUrl: claims.ags.lineItemUrl },
      update: { title: claims.resourceLink.title, ...(named ? { projectId: named.id } : {}), ...(claims.ags.lineItemUrl ? { lineItemUrl: claims.ags.lineItemUrl } : {}) },
      select: { projectId: true },
    });
    projectId = link.projectId;
  }
  if (claims.role === "TEACHER") {
    return { ok: true, userId: account.userId, redirectTo: projectId ? paths.teacherProject(projectId) : paths.teacherClass(course.classroomId) };
  }
  // A student reaches a published project; a draft (or no project yet) leaves them on their classes.
  const open = projectId ? await prisma.project.findFirst({ where: { id: projectId, status: "PUBLISHED" }, select: { id: true } }) : null;
  return { ok: true, userId: account.userId, redirectTo: open ? paths.studentProject(open.id) : paths.studentHome() };
}
