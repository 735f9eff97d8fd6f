// Where a verified launch lands (decision 023): the person's account, the
// course's class, and the page — the project the LMS link opens (the
// student's page for a learner, the teacher's for an instructor), or the class.
import { prisma } from "~/db.server";
import { MESSAGE, type LaunchClaims } from "~/domain/lti/claims";
import { accountFor, classFor } from "~/models/lti/people.server";
import { paths } from "~/utils/paths";

export type LandingRefusal = "no-role" | "no-context" | "no-class-yet" | "not-enrolled" | "role-mismatch" | "not-teacher" | "deep-linking-not-yet";
export type Landing = { ok: true; userId: string; redirectTo: string } | { ok: false; reason: LandingRefusal };

export async function landLaunch(platformId: string, claims: LaunchClaims, now = new Date()): Promise<Landing> {
  if (!claims.role || !claims.sub) return { ok: false, reason: "no-role" };
  if (!claims.context || !claims.deploymentId) return { ok: false, reason: "no-context" };
  // Deep Linking (placing a project in a course) is not built yet: refused with words that say so, before anything is made.
  if (claims.messageType === MESSAGE.deepLinking) return { ok: false, reason: claims.role === "TEACHER" ? "deep-linking-not-yet" : "not-teacher" };
  const account = await accountFor(platformId, { sub: claims.sub, name: claims.name, email: claims.email, role: claims.role }, now);
  if (!account.ok) return account;
  const course = await classFor(
    platformId,
    { context: claims.context, deploymentId: claims.deploymentId, membershipsUrl: claims.membershipsUrl, lineItemsUrl: claims.ags.lineItemsUrl, agsScopes: claims.ags.scopes },
    account.userId,
    claims.role,
  );
  if (!course.ok) return course;

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
