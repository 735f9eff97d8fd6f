// LTI 1.3 claims (decision 023): the names of the claims Rebound reads, and
// the pure reading of a verified id_token's payload into what a launch needs.
// No network, no database: the signature, issuer, audience, expiry and nonce
// are checked before this (app/models/lti/launch.server.ts).

const LTI = "https://purl.imsglobal.org/spec/lti/claim/";
export const CLAIM = {
  messageType: `${LTI}message_type`,
  version: `${LTI}version`,
  deploymentId: `${LTI}deployment_id`,
  targetLinkUri: `${LTI}target_link_uri`,
  resourceLink: `${LTI}resource_link`,
  roles: `${LTI}roles`,
  context: `${LTI}context`,
  custom: `${LTI}custom`,
  deepLinkingSettings: "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings",
  nrps: "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice",
  ags: "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint",
} as const;

export const MESSAGE = { resourceLink: "LtiResourceLinkRequest", deepLinking: "LtiDeepLinkingRequest" } as const;

/** The custom parameter a deep link carries: the Rebound project it opens. */
export const CUSTOM_PROJECT = "rebound_project";

export type LtiRole = "TEACHER" | "STUDENT";

const MEMBERSHIP = "http://purl.imsglobal.org/vocab/lis/v2/membership#";
const TEACHING = ["Instructor", "TeachingAssistant", "ContentDeveloper"].map((r) => MEMBERSHIP + r);
const LEARNING = [`${MEMBERSHIP}Learner`];
/** The short forms LTI 1.3 still allows for context roles. */
const SHORT_TEACHING = ["Instructor", "TeachingAssistant", "ContentDeveloper"];

/**
 * The Rebound role from the LTI context roles: anyone teaching the course
 * (instructor, teaching assistant, content developer) teaches the class;
 * a learner is a student; institution-only roles (an administrator not in
 * the course) give nothing. Teaching wins over learning.
 */
export function roleFromClaims(roles: unknown): LtiRole | null {
  if (!Array.isArray(roles)) return null;
  const list = roles.filter((r): r is string => typeof r === "string");
  // A sub-role (…#Instructor#TeachingAssistant) counts as its principal role.
  const principal = list.map((r) => (r.startsWith(MEMBERSHIP) ? MEMBERSHIP + r.slice(MEMBERSHIP.length).split("#")[0] : r));
  if (principal.some((r) => TEACHING.includes(r) || SHORT_TEACHING.includes(r))) return "TEACHER";
  if (principal.some((r) => LEARNING.includes(r) || r === "Learner")) return "STUDENT";
  return null;
}

const str = (value: unknown, max = 2000): string | null => (typeof value === "string" && value.length > 0 ? value.slice(0, max) : null);
/** A service address from the token: an absolute http(s) URL, else none (the service is then not offered). */
export function serviceUrl(value: unknown): string | null {
  const text = str(value);
  if (!text) return null;
  try {
    const url = new URL(text);
    return url.protocol === "https:" || url.protocol === "http:" ? url.toString() : null;
  } catch {
    return null;
  }
}
const obj = (value: unknown): Record<string, unknown> => (value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {});

export interface LaunchClaims {
  messageType: string | null;
  version: string | null;
  deploymentId: string | null;
  sub: string | null;
  name: string;
  email: string | null;
  role: LtiRole | null;
  context: { id: string; title: string } | null;
  resourceLink: { id: string; title: string } | null;
  targetLinkUri: string | null;
  projectId: string | null;
  membershipsUrl: string | null;
  ags: { lineItemsUrl: string | null; lineItemUrl: string | null; scopes: string[] };
  deepLinking: { returnUrl: string; data: string | null; acceptTypes: string[] } | null;
}

/** What a launch needs from a verified id_token's payload. */
export function readLaunchClaims(payload: Record<string, unknown>): LaunchClaims {
  const context = obj(payload[CLAIM.context]);
  const link = obj(payload[CLAIM.resourceLink]);
  const custom = obj(payload[CLAIM.custom]);
  const ags = obj(payload[CLAIM.ags]);
  const dl = obj(payload[CLAIM.deepLinkingSettings]);
  const given = [str(payload.given_name, 100), str(payload.family_name, 100)].filter(Boolean).join(" ");
  const contextId = str(context.id, 255);
  const linkId = str(link.id, 255);
  const returnUrl = str(dl.deep_link_return_url);
  return {
    messageType: str(payload[CLAIM.messageType], 100),
    version: str(payload[CLAIM.version], 20),
    deploymentId: str(payload[CLAIM.deploymentId], 255),
    sub: str(payload.sub, 255),
    name: (str(payload.name, 100) ?? (given || null) ?? "LMS user").trim(),
    email: str(payload.email, 254)?.toLowerCase() ?? null,
    role: roleFromClaims(payload[CLAIM.roles]),
    context: contextId ? { id: contextId, title: (str(context.title, 100) ?? str(context.label, 100) ?? "Course from the LMS").trim() } : null,
    resourceLink: linkId ? { id: linkId, title: str(link.title, 200) ?? "" } : null,
    targetLinkUri: str(payload[CLAIM.targetLinkUri]),
    projectId: str(custom[CUSTOM_PROJECT], 100),
    membershipsUrl: serviceUrl(obj(payload[CLAIM.nrps]).context_memberships_url),
    ags: {
      lineItemsUrl: serviceUrl(ags.lineitems),
      lineItemUrl: serviceUrl(ags.lineitem),
      scopes: Array.isArray(ags.scope) ? ags.scope.filter((s): s is string => typeof s === "string") : [],
    },
    deepLinking: returnUrl
      ? {
          returnUrl,
          data: str(dl.data, 4000),
          acceptTypes: Array.isArray(dl.accept_types) ? dl.accept_types.filter((t): t is string => typeof t === "string") : [],
        }
      : null,
  };
}

/**
 * `azp` (OIDC core 3.1.3.7): when the token names several audiences, it must
 * say it was issued for Rebound's client id; when present it must be it.
 */
export function azpIsValid(payload: { aud?: unknown; azp?: unknown }, clientId: string): boolean {
  const audiences = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
  if (payload.azp !== undefined) return payload.azp === clientId;
  return audiences.length <= 1;
}
