// LTI 1.3 launches (decision 023): the OIDC third-party login initiation and
// the launch the platform posts back.
//
// Login: the platform names itself (iss, client_id); Rebound keeps a state and
// a nonce in the database (so any app server can finish the launch), sets a
// cookie holding the state in this browser (SameSite=None, so it comes back
// on the platform's cross-site form post) and sends the browser on to the
// platform's authorization address.
//
// Launch: the state must be one Rebound issued, unused, unexpired, and the
// browser's own; the id_token must verify against the platform's JWKS (jose:
// signature, iss, aud, azp, exp/iat), carry that state's nonce, a nonce never
// used before (kept in the database until the token could no longer be
// valid), and a registered deployment id. Only then is a person looked up,
// by the platform and `sub` — never by email.
import { randomBytes } from "node:crypto";
import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTPayload } from "jose";
import { prisma } from "~/db.server";
import { MESSAGE, azpIsValid, readLaunchClaims, type LaunchClaims } from "~/domain/lti/claims";
import { isUniqueViolation } from "~/utils/prisma-errors.server";

/** How long a login may take between Rebound and the platform. */
export const LOGIN_STATE_MINUTES = 10;
/** Tokens older than this are refused whatever their `exp` says; used nonces are kept this long. */
export const MAX_TOKEN_AGE_SECONDS = 10 * 60;
const CLOCK_TOLERANCE_SECONDS = 60;

export const STATE_COOKIE_PREFIX = "rebound_lti_";
const cookieNameFor = (state: string) => `${STATE_COOKIE_PREFIX}${state.slice(0, 16)}`;

const random = (bytes: number) => randomBytes(bytes).toString("base64url");

export type LoginParams = {
  iss: string | null;
  loginHint: string | null;
  targetLinkUri: string | null;
  ltiMessageHint: string | null;
  clientId: string | null;
  deploymentId: string | null;
};

export type LoginResult = { ok: true; redirectTo: string; cookie: string } | { ok: false; reason: "missing" | "unknown-platform" | "ambiguous-platform" | "foreign-target" };

/** The login initiation: where to send the browser, and the state cookie to set there. */
export async function startLogin(params: LoginParams, launchUrl: string, now = new Date()): Promise<LoginResult> {
  if (!params.iss || !params.loginHint || !params.targetLinkUri) return { ok: false, reason: "missing" };
  const candidates = await prisma.ltiPlatform.findMany({
    where: { issuer: params.iss, ...(params.clientId ? { clientId: params.clientId } : {}) },
    select: { id: true, clientId: true, authUrl: true },
    take: 2,
  });
  if (candidates.length === 0) return { ok: false, reason: "unknown-platform" };
  if (candidates.length > 1) return { ok: false, reason: "ambiguous-platform" };
  const platform = candidates[0];
  // The launch comes back to Rebound only: a target elsewhere is not ours to vouch for.
  try {
    if (new URL(params.targetLinkUri).origin !== new URL(launchUrl).origin) return { ok: false, reason: "foreign-target" };
  } catch {
    return { ok: false, reason: "foreign-target" };
  }
  const state = random(32);
  const nonce = random(32);
  await prisma.ltiLoginState.create({
    data: { id: state, platformId: platform.id, nonce, targetLinkUri: params.targetLinkUri, createdAt: now, expiresAt: new Date(now.getTime() + LOGIN_STATE_MINUTES * 60_000) },
  });
  // Old states are cleared as new ones come (no cron needed).
  await prisma.ltiLoginState.deleteMany({ where: { expiresAt: { lte: now } } });
  const auth = new URL(platform.authUrl);
  const query: Record<string, string> = {
    scope: "openid",
    response_type: "id_token",
    response_mode: "form_post",
    prompt: "none",
    client_id: platform.clientId,
    redirect_uri: launchUrl,
    login_hint: params.loginHint,
    state,
    nonce,
  };
  if (params.ltiMessageHint) query.lti_message_hint = params.ltiMessageHint;
  for (const [k, v] of Object.entries(query)) auth.searchParams.set(k, v);
  const cookie = `${cookieNameFor(state)}=${state}; Path=/lti; Max-Age=${LOGIN_STATE_MINUTES * 60}; HttpOnly; Secure; SameSite=None`;
  return { ok: true, redirectTo: auth.toString(), cookie };
}

/** Clears this launch's state cookie. */
export function clearStateCookie(state: string): string {
  return `${cookieNameFor(state)}=; Path=/lti; Max-Age=0; HttpOnly; Secure; SameSite=None`;
}

function stateInCookies(cookieHeader: string | null, state: string): boolean {
  const name = cookieNameFor(state);
  return (cookieHeader ?? "").split(";").some((part) => {
    const [k, ...v] = part.trim().split("=");
    return k === name && v.join("=") === state;
  });
}

export type LaunchRefusal =
  | "missing-state"
  | "unknown-state"
  | "other-browser"
  | "missing-token"
  | "bad-signature"
  | "wrong-issuer"
  | "wrong-audience"
  | "expired"
  | "wrong-nonce"
  | "replayed"
  | "unknown-deployment"
  | "unsupported-message";

/**
 * A verified launch; `inFrameWithoutCookies` when it came inside the LMS's
 * frame from a browser that kept the state cookie away (nobody can be signed
 * in there: the person continues in a new tab, app/models/lti/handoff.server.ts).
 */
export type VerifiedLaunch =
  | { ok: true; platformId: string; claims: LaunchClaims; state: string; inFrameWithoutCookies: boolean }
  | { ok: false; reason: LaunchRefusal; state: string | null };

const jwksCache = new Map<string, ReturnType<typeof createRemoteJWKSet>>();
function platformKeys(url: string) {
  let keys = jwksCache.get(url);
  if (!keys) {
    keys = createRemoteJWKSet(new URL(url), { timeoutDuration: 5000, cooldownDuration: 30_000, cacheMaxAge: 10 * 60_000 });
    jwksCache.set(url, keys);
  }
  return keys;
}

function refusalFor(error: unknown): LaunchRefusal {
  if (error instanceof joseErrors.JWTExpired) return "expired";
  if (error instanceof joseErrors.JWTClaimValidationFailed) {
    if (error.claim === "iss") return "wrong-issuer";
    if (error.claim === "aud") return "wrong-audience";
    if (error.claim === "iat" || error.claim === "exp" || error.claim === "nbf") return "expired";
  }
  return "bad-signature";
}

/** Checks a launch as posted (its `state` and `id_token`) and the browser's cookies; consumes the state either way. */
export async function verifyLaunch(
  form: { state: string | null; idToken: string | null },
  cookieHeader: string | null,
  now = new Date(),
  /** The browser says the launch is loading in a frame (Sec-Fetch-Dest: iframe). */
  framed = false,
): Promise<VerifiedLaunch> {
  const state = form.state;
  if (!state) return { ok: false, reason: "missing-state", state: null };
  // Rebound's states are 43 base64url characters; anything else was never issued (and is not echoed into a cookie).
  if (!/^[\w-]{43}$/.test(state)) return { ok: false, reason: "unknown-state", state: null };
  // One try per state: whatever happens next, it cannot be used again.
  const row = await prisma.ltiLoginState.findUnique({
    where: { id: state },
    select: { nonce: true, expiresAt: true, platform: { select: { id: true, issuer: true, clientId: true, jwksUrl: true } } },
  });
  const { count } = await prisma.ltiLoginState.deleteMany({ where: { id: state } });
  if (!row || count !== 1 || row.expiresAt <= now) return { ok: false, reason: "unknown-state", state };
  // In a frame, a browser that blocks cookies from framed sites never kept the state cookie:
  // the rest is checked all the same, and nobody is signed in inside the frame.
  const cookieBack = stateInCookies(cookieHeader, state);
  if (!cookieBack && !framed) return { ok: false, reason: "other-browser", state };
  if (!form.idToken) return { ok: false, reason: "missing-token", state };
  const { platform } = row;
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(form.idToken, platformKeys(platform.jwksUrl), {
      issuer: platform.issuer,
      audience: platform.clientId,
      algorithms: ["RS256", "RS384", "RS512", "ES256", "ES384", "PS256"],
      maxTokenAge: MAX_TOKEN_AGE_SECONDS,
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      requiredClaims: ["exp", "iat", "sub", "nonce"],
      currentDate: now,
    }));
  } catch (error) {
    return { ok: false, reason: refusalFor(error), state };
  }
  if (!azpIsValid(payload, platform.clientId)) return { ok: false, reason: "wrong-audience", state };
  if (payload.nonce !== row.nonce) return { ok: false, reason: "wrong-nonce", state };
  try {
    await prisma.ltiNonce.create({
      data: { platformId: platform.id, nonce: String(payload.nonce), expiresAt: new Date(now.getTime() + (MAX_TOKEN_AGE_SECONDS + CLOCK_TOLERANCE_SECONDS) * 1000) },
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, reason: "replayed", state };
    throw error;
  }
  await prisma.ltiNonce.deleteMany({ where: { expiresAt: { lte: now } } });
  const claims = readLaunchClaims(payload as Record<string, unknown>);
  if (!claims.deploymentId) return { ok: false, reason: "unknown-deployment", state };
  const deployment = await prisma.ltiDeployment.findUnique({ where: { platformId_deploymentId: { platformId: platform.id, deploymentId: claims.deploymentId } }, select: { id: true } });
  if (!deployment) return { ok: false, reason: "unknown-deployment", state };
  if (claims.version !== "1.3.0" || (claims.messageType !== MESSAGE.resourceLink && claims.messageType !== MESSAGE.deepLinking) || !claims.sub) {
    return { ok: false, reason: "unsupported-message", state };
  }
  return { ok: true, platformId: platform.id, claims, state, inFrameWithoutCookies: !cookieBack };
}
