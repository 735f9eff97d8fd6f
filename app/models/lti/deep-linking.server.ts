// LTI Deep Linking 2.0 (decision 023): an instructor's LtiDeepLinkingRequest
// opens a picker of the course's class's projects; the chosen project goes
// back to the LMS as a signed LtiDeepLinkingResponse (iss = Rebound's client
// id, aud = the platform's issuer, a fresh nonce, the request's deployment id
// and `data` echoed) whose one content item is an ltiResourceLink carrying the
// custom parameter `rebound_project`. A later launch of that link opens the
// project (app/models/lti/landing.server.ts).
import { randomBytes } from "node:crypto";
import { SignJWT } from "jose";
import { prisma } from "~/db.server";
import { CUSTOM_PROJECT } from "~/domain/lti/claims";
import { taughtBy } from "~/models/class-teachers.server";
import { signingKey } from "~/models/lti/keys.server";

/** How long a teacher may take to choose, between the LMS's request and Rebound's answer. */
export const DEEP_LINK_MINUTES = 60;
/** How long the signed answer is valid: the browser posts it straight on. */
const RESPONSE_SECONDS = 5 * 60;

const DL = "https://purl.imsglobal.org/spec/lti-dl/claim/";
const LTI = "https://purl.imsglobal.org/spec/lti/claim/";

/** Keeps an instructor's deep-linking request (where to answer, and the platform's data) and returns its id. */
export async function keepDeepLinkRequest(
  input: { identityId: string; ltiContextId: string; deploymentId: string; returnUrl: string; data: string | null },
  now = new Date(),
): Promise<string> {
  await prisma.ltiDeepLinkRequest.deleteMany({ where: { expiresAt: { lte: now } } });
  const id = randomBytes(24).toString("base64url");
  await prisma.ltiDeepLinkRequest.create({ data: { id, ...input, createdAt: now, expiresAt: new Date(now.getTime() + DEEP_LINK_MINUTES * 60_000) } });
  return id;
}

/** The request's `where`: this teacher's own open request, for a class they still teach. */
const ownRequest = (requestId: string, teacherId: string, now: Date) => ({
  id: requestId,
  expiresAt: { gt: now },
  identity: { userId: teacherId },
  context: { classroom: taughtBy(teacherId) },
});

/** The picker: the course, its class and the class's projects; null when the request is not this teacher's or has expired. */
export async function openDeepLinkRequest(requestId: string, teacherId: string, now = new Date()) {
  const request = await prisma.ltiDeepLinkRequest.findFirst({
    where: ownRequest(requestId, teacherId, now),
    select: {
      id: true,
      expiresAt: true,
      context: {
        select: {
          title: true,
          platform: { select: { name: true } },
          classroom: { select: { id: true, name: true, projects: { select: { id: true, title: true, status: true }, orderBy: { createdAt: "asc" } } } },
        },
      },
    },
  });
  if (!request) return null;
  return {
    id: request.id,
    courseTitle: request.context.title,
    platformName: request.context.platform.name,
    classroom: { id: request.context.classroom.id, name: request.context.classroom.name },
    projects: request.context.classroom.projects,
  };
}

export type DeepLinkAnswer = { ok: true; returnUrl: string; jwt: string; projectTitle: string } | { ok: false; reason: "not-found" | "no-such-project" };

/**
 * The signed LtiDeepLinkingResponse placing `projectId` in the course. The
 * request stays until it expires: answering again (the teacher went back and
 * chose another project) sends another response to the same return address.
 */
export async function answerDeepLink(requestId: string, teacherId: string, projectId: string, launchUrl: string, now = new Date()): Promise<DeepLinkAnswer> {
  const request = await prisma.ltiDeepLinkRequest.findFirst({
    where: ownRequest(requestId, teacherId, now),
    select: { returnUrl: true, data: true, deploymentId: true, context: { select: { classroomId: true, platform: { select: { issuer: true, clientId: true } } } } },
  });
  if (!request) return { ok: false, reason: "not-found" };
  const project = await prisma.project.findFirst({
    where: { id: projectId, classroomId: request.context.classroomId },
    select: { id: true, title: true, checkpoints: { where: { archivedAt: null }, select: { id: true } } },
  });
  if (!project) return { ok: false, reason: "no-such-project" };
  const { platform } = request.context;
  const item: Record<string, unknown> = {
    type: "ltiResourceLink",
    title: project.title,
    url: launchUrl,
    custom: { [CUSTOM_PROJECT]: project.id },
  };
  // A gradebook column out of the project's checkpoints, for platforms that make one from the link.
  if (project.checkpoints.length > 0) item.lineItem = { scoreMaximum: project.checkpoints.length, label: project.title, resourceId: project.id };
  const payload: Record<string, unknown> = {
    nonce: randomBytes(24).toString("base64url"),
    [`${LTI}message_type`]: "LtiDeepLinkingResponse",
    [`${LTI}version`]: "1.3.0",
    [`${LTI}deployment_id`]: request.deploymentId,
    [`${DL}content_items`]: [item],
  };
  if (request.data !== null) payload[`${DL}data`] = request.data;
  const key = await signingKey(now);
  const iat = Math.floor(now.getTime() / 1000);
  const jwt = await new SignJWT(payload)
    .setProtectedHeader({ alg: "RS256", kid: key.kid, typ: "JWT" })
    .setIssuer(platform.clientId)
    .setAudience(platform.issuer)
    .setIssuedAt(iat)
    .setExpirationTime(iat + RESPONSE_SECONDS)
    .sign(key.key);
  return { ok: true, returnUrl: request.returnUrl, jwt, projectTitle: project.title };
}
