// What Rebound's own server (scripts/server.mjs) checks before a request
// reaches Remix, as plain functions of the request's method, path and headers,
// so they are tested without a server. Decision 009.

/** Bodies larger than this are refused with 413 (MAX_BODY_BYTES overrides it). */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/**
 * Paths that take a cross-site POST authenticated by something other than the
 * session cookie. Each entry must check that proof itself. The LTI 1.3 login
 * initiation and launch (decision 023): the LMS posts them from its own site;
 * the login only starts a sign-in (a state and nonce, and a redirect to the
 * registered platform), and the launch is refused unless its id_token verifies
 * against the platform's keys with the state's nonce.
 * @type {readonly string[]}
 */
export const CROSS_SITE_POST_PATHS = ["/lti/login", "/lti/launch"];

/**
 * Pages that take a file (the question-bank import, decision 020): their forms
 * may be as large as one import's file plus its few fields. Only these paths
 * (and Remix's `.data` twin of each); the Origin check applies to them as to
 * every path. MAX_UPLOAD_BYTES overrides the size.
 */
export const UPLOAD_PATHS = [/^\/teach\/(projects|classes)\/[^/]+\/import(\.data)?$/, /^\/teach\/classes\/[^/]+\/roster(\.data)?$/];
/** The import's own file limit (app/domain/question-import/limits.ts) and room for the form around it. */
export const DEFAULT_MAX_UPLOAD_BYTES = 5 * 1024 * 1024 + 64 * 1024;

/** Where browsers report what the Content-Security-Policy blocked (logged by the server). */
export const CSP_REPORT_PATH = "/csp-report";

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const FORM_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data"];

/**
 * @typedef {{ status: number, message: string, headers?: Record<string, string> }} Refusal
 * @typedef {{ method: string, path: string, headers: Record<string, string | string[] | undefined> }} RequestFacts
 */

/** @param {string | string[] | undefined} value */
function first(value) {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The origin this request was addressed to: its Host (and http or https), or
 * what a trusted reverse proxy says in X-Forwarded-Host / -Proto.
 * @param {RequestFacts["headers"]} headers
 * @param {{ trustProxy: boolean, secure: boolean }} options
 */
export function ownOrigin(headers, { trustProxy, secure }) {
  const forwardedHost = trustProxy ? first(headers["x-forwarded-host"])?.split(",")[0]?.trim() : undefined;
  const forwardedProto = trustProxy ? first(headers["x-forwarded-proto"])?.split(",")[0]?.trim() : undefined;
  const host = forwardedHost || first(headers.host);
  const proto = forwardedProto || (secure ? "https" : "http");
  return host ? `${proto}://${host}`.toLowerCase() : null;
}

/**
 * Cross-site request forgery: a state-changing request from a browser says
 * where it comes from (Origin, else Referer); it must be this site. Every path
 * counts, Remix's data requests (`?_data=`, `.data`) included. A request with
 * neither header is not from a page in a browser and has no forgery to fear.
 * @param {RequestFacts} request
 * @param {{ trustProxy: boolean, secure: boolean }} options
 * @returns {Refusal | null}
 */
export function checkOrigin(request, options) {
  if (!STATE_CHANGING.has(request.method.toUpperCase())) return null;
  if (CROSS_SITE_POST_PATHS.some((p) => request.path === p)) return null;
  const refusal = {
    status: 403,
    message: "This form was sent from another site, so Rebound did not accept it. Go back to Rebound, reload the page and send it again.",
  };
  const origin = first(request.headers.origin);
  const referer = first(request.headers.referer);
  let from = null;
  if (origin !== undefined) {
    if (origin === "null") return refusal;
    from = origin;
  } else if (referer) {
    try {
      from = new URL(referer).origin;
    } catch {
      return refusal;
    }
  } else {
    return null;
  }
  const own = ownOrigin(request.headers, options);
  return own && from.toLowerCase() === own ? null : refusal;
}

/**
 * Bodies: only forms are read (urlencoded or multipart), with a declared
 * length no larger than the limit. JSON, text, a missing type: 415. Too large:
 * 413. A body without a length (chunked): 411, so the limit holds before
 * anything is read.
 * @param {RequestFacts} request
 * @param {{ maxBodyBytes: number, maxUploadBytes?: number }} options
 * @returns {Refusal | null}
 */
export function checkBody(request, { maxBodyBytes, maxUploadBytes = DEFAULT_MAX_UPLOAD_BYTES }) {
  const method = request.method.toUpperCase();
  if (UPLOAD_PATHS.some((p) => p.test(request.path))) maxBodyBytes = Math.max(maxBodyBytes, maxUploadBytes);
  if (method === "GET" || method === "HEAD" || method === "OPTIONS") return null;
  if (request.path === CSP_REPORT_PATH) return null;
  const length = first(request.headers["content-length"]);
  const chunked = /chunked/i.test(first(request.headers["transfer-encoding"]) ?? "");
  if (length === undefined && chunked) {
    return { status: 411, message: "Rebound needs to know how large a form is before reading it. Send it again from the page." };
  }
  const bytes = length === undefined ? 0 : Number(length);
  if (!Number.isFinite(bytes) || bytes < 0) return { status: 400, message: "That request's length didn't make sense to us. Send it again from the page." };
  if (bytes > maxBodyBytes) {
    return {
      status: 413,
      message: UPLOAD_PATHS.some((p) => p.test(request.path))
        ? `That file is too large to import (more than ${Math.round(maxBodyBytes / 1024).toLocaleString("en-GB")} KB with the form). Split it, or leave large pictures out, and send it again.`
        : `That was too much to send at once (more than ${Math.round(maxBodyBytes / 1024).toLocaleString("en-GB")} KB). Shorten the text and send it again; what you typed is still in the form.`,
    };
  }
  if (bytes === 0) return null;
  const type = (first(request.headers["content-type"]) ?? "").split(";")[0].trim().toLowerCase();
  if (!FORM_TYPES.includes(type)) {
    return { status: 415, message: "Rebound only reads forms sent from its pages. Send it again from the page." };
  }
  return null;
}

/**
 * The Content-Security-Policy directives (for helmet): scripts only from this
 * site or with this response's nonce; no inline styles; no framing except by
 * the listed origins (an LMS, later).
 * @param {(req: unknown, res: { locals: Record<string, string> }) => string} nonce the response's nonce

 * @param {{ frameAncestors: string[], secure: boolean, platformOrigins?: (req: { path: string }, res: { locals: Record<string, unknown> }) => string[] }} options
 *   `platformOrigins`: the registered LMS platforms' origins for this request (decision 023): they may
 *   frame the app, and pages under /lti/ may post forms to them (a deep-linking response goes back to the LMS).
 */
export function contentSecurityPolicy(nonce, { frameAncestors, secure, platformOrigins }) {
  const framers = platformOrigins
    ? [(req, res) => {
        const all = [...new Set([...frameAncestors, ...platformOrigins(req, res)])];
        return all.length ? all.join(" ") : "'none'";
      }]
    : frameAncestors.length
      ? frameAncestors
      : ["'none'"];
  const formTargets = platformOrigins ? ["'self'", (req, res) => (req.path.startsWith("/lti/") ? platformOrigins(req, res).join(" ") : "")] : ["'self'"];
  return {
    useDefaults: false,
    directives: {
      "default-src": ["'self'"],
      "script-src": ["'self'", (req, res) => `'nonce-${nonce(req, res)}'`],
      "style-src": ["'self'"],
      "img-src": ["'self'", "data:"],
      "font-src": ["'self'"],
      "connect-src": ["'self'"],
      "form-action": formTargets,
      "frame-ancestors": framers,
      "base-uri": ["'none'"],
      "object-src": ["'none'"],
      "report-uri": [CSP_REPORT_PATH],
      ...(secure ? { "upgrade-insecure-requests": [] } : {}),
    },
  };
}

/**
 * Signed-in pages and data are never kept by a browser or a proxy: on a shared
 * school computer the next person could read them from the cache.
 * @param {RequestFacts["headers"]} headers
 * @param {string} sessionCookieName
 */
export function hasSessionCookie(headers, sessionCookieName) {
  const cookie = first(headers.cookie) ?? "";
  return cookie.split(";").some((part) => part.trim().startsWith(`${sessionCookieName}=`));
}
