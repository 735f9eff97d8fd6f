// An OAuth 2 access token for the LTI Advantage services (decision 023): the
// client-credentials grant with a JWT assertion Rebound signs with its own key
// (iss = sub = client id, aud = the platform's token address, a fresh jti),
// as the IMS security framework (1EdTech Security 1.0, 4.1) asks. A token is
// asked for each time a teacher presses a button; nothing is cached or stored.
import { randomUUID } from "node:crypto";
import { SignJWT } from "jose";
import { signingKey } from "~/models/lti/keys.server";

export const SCOPE = {
  memberships: "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly",
  lineItem: "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
  lineItemReadonly: "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly",
  score: "https://purl.imsglobal.org/spec/lti-ags/scope/score",
} as const;

/** How long Rebound waits for an LMS service before saying it did not answer. */
export const SERVICE_TIMEOUT_MS = 15_000;

/** Why a service call failed: the LMS could not be reached, refused (with its status), or answered something unreadable. */
export type ServiceFailure = { reason: "unreachable" | "refused" | "unreadable"; status?: number; detail: string };

export type TokenResult = { ok: true; token: string } | ({ ok: false } & ServiceFailure);

/** The most of one answer Rebound reads from an LMS (a roster page of 1,000 people is well under 1 MB). */
export const MAX_ANSWER_BYTES = 5 * 1024 * 1024;

/** An answer's body as text, read no further than `max` bytes (null when it is longer, or the stream fails). */
export async function readCapped(res: Response, max = MAX_ANSWER_BYTES): Promise<string | null> {
  if (!res.body) return "";
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > max) {
        await reader.cancel();
        return null;
      }
      chunks.push(value);
    }
  } catch {
    return null;
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** An answer's JSON, read within the cap; null when it is too long or not JSON. */
export async function readJson(res: Response, max = MAX_ANSWER_BYTES): Promise<unknown> {
  const text = await readCapped(res, max);
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** A short text from an LMS's error answer, for the teacher's report (never more than a line). */
export async function errorDetail(res: Response): Promise<string> {
  const text = ((await readCapped(res, 16 * 1024)) ?? "").replace(/\s+/g, " ").trim();
  try {
    const parsed = JSON.parse(text) as { error?: unknown; error_description?: unknown };
    if (typeof parsed.error === "string") return `${parsed.error}${typeof parsed.error_description === "string" ? `: ${parsed.error_description}` : ""}`.slice(0, 200);
  } catch {
    // not JSON: the text itself
  }
  return text.slice(0, 200);
}

/** Calls an LMS service; a network failure or timeout is a result, never a thrown error. */
export async function callService(url: string, init: RequestInit): Promise<Response | ServiceFailure> {
  try {
    return await fetch(url, { ...init, redirect: "error", signal: AbortSignal.timeout(SERVICE_TIMEOUT_MS) });
  } catch (error) {
    // undici says "fetch failed" and puts the reason in `cause` (ECONNREFUSED, a timeout, a refused port).
    if (error instanceof Error && error.name === "TimeoutError") return { reason: "unreachable", detail: `no answer in ${SERVICE_TIMEOUT_MS / 1000} s` };
    const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
    const detail = typeof cause?.code === "string" ? cause.code : typeof cause?.message === "string" ? cause.message : error instanceof Error ? error.message : "network error";
    return { reason: "unreachable", detail: detail.slice(0, 200) };
  }
}

export async function serviceToken(platform: { clientId: string; tokenUrl: string }, scopes: string[], now = new Date()): Promise<TokenResult> {
  const key = await signingKey(now);
  const iat = Math.floor(now.getTime() / 1000);
  const assertion = await new SignJWT({})
    .setProtectedHeader({ alg: "RS256", kid: key.kid, typ: "JWT" })
    .setIssuer(platform.clientId)
    .setSubject(platform.clientId)
    .setAudience(platform.tokenUrl)
    .setIssuedAt(iat)
    .setExpirationTime(iat + 300)
    .setJti(randomUUID())
    .sign(key.key);
  const body = new URLSearchParams({
    grant_type: "client_credentials",
    client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
    client_assertion: assertion,
    scope: scopes.join(" "),
  });
  const res = await callService(platform.tokenUrl, { method: "POST", body, headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" } });
  if (!(res instanceof Response)) return { ok: false, ...res };
  if (!res.ok) return { ok: false, reason: "refused", status: res.status, detail: await errorDetail(res) };
  const json = (await readJson(res, 64 * 1024)) as { access_token?: unknown } | null;
  if (!json || typeof json.access_token !== "string" || !json.access_token) return { ok: false, reason: "unreadable", detail: "no access_token in the answer" };
  return { ok: true, token: json.access_token };
}
