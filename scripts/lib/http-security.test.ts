import { describe, expect, it } from "vitest";
import { checkBody, checkOrigin, contentSecurityPolicy, hasSessionCookie, ownOrigin } from "./http-security.mjs";

const own = { host: "rebound.school.example" };
const post = (headers: Record<string, string>, path = "/teach") => ({ method: "POST", path, headers: { ...own, ...headers } });
const plain = { trustProxy: false, secure: false };

describe("checkOrigin", () => {
  it("lets reads through, and writes from this site", () => {
    expect(checkOrigin({ method: "GET", path: "/teach", headers: { ...own, origin: "http://evil.example" } }, plain)).toBeNull();
    expect(checkOrigin(post({ origin: "http://rebound.school.example" }), plain)).toBeNull();
    expect(checkOrigin(post({ referer: "http://rebound.school.example/teach" }), plain)).toBeNull();
  });

  it("refuses writes from another site or an opaque origin with 403, on every path", () => {
    for (const path of ["/teach", "/teach?_data=routes%2Fteach._index", "/teach.data"]) {
      expect(checkOrigin(post({ origin: "http://evil.example" }, path), plain)?.status).toBe(403);
      expect(checkOrigin(post({ origin: "null" }, path), plain)?.status).toBe(403);
      expect(checkOrigin(post({ referer: "http://evil.example/x" }, path), plain)?.status).toBe(403);
    }
    expect(checkOrigin(post({ origin: "https://rebound.school.example" }), plain)?.status).toBe(403);
  });

  it("believes X-Forwarded-Host and -Proto only from a trusted proxy", () => {
    const proxied = post({ host: "10.0.0.5:3000", "x-forwarded-host": "rebound.school.example", "x-forwarded-proto": "https", origin: "https://rebound.school.example" });
    expect(checkOrigin(proxied, { trustProxy: true, secure: false })).toBeNull();
    expect(checkOrigin(proxied, plain)?.status).toBe(403);
    expect(ownOrigin({ host: "a.example", "x-forwarded-host": "b.example" }, plain)).toBe("http://a.example");
  });
});

describe("checkBody", () => {
  const limit = { maxBodyBytes: 1000 };
  const body = (headers: Record<string, string>) => ({ method: "POST", path: "/login", headers });
  it("reads forms within the limit", () => {
    expect(checkBody(body({ "content-type": "application/x-www-form-urlencoded", "content-length": "10" }), limit)).toBeNull();
    expect(checkBody(body({ "content-type": "multipart/form-data; boundary=x", "content-length": "999" }), limit)).toBeNull();
    expect(checkBody(body({ "content-length": "0" }), limit)).toBeNull();
  });
  it("answers other bodies with 415, too large with 413, unknown length with 411, a bad length with 400", () => {
    expect(checkBody(body({ "content-type": "application/json", "content-length": "10" }), limit)?.status).toBe(415);
    expect(checkBody(body({ "content-type": "text/plain", "content-length": "10" }), limit)?.status).toBe(415);
    expect(checkBody(body({ "content-length": "10" }), limit)?.status).toBe(415);
    expect(checkBody(body({ "content-type": "application/x-www-form-urlencoded", "content-length": "1001" }), limit)?.status).toBe(413);
    expect(checkBody(body({ "content-type": "application/x-www-form-urlencoded", "transfer-encoding": "chunked" }), limit)?.status).toBe(411);
    expect(checkBody(body({ "content-type": "application/x-www-form-urlencoded", "content-length": "-3" }), limit)?.status).toBe(400);
  });
});

describe("contentSecurityPolicy and cookies", () => {
  it("allows scripts only from this site or with the response's nonce, and no framing unless listed", () => {
    const nonce = () => "abc";
    const policy = contentSecurityPolicy(nonce, { frameAncestors: [], secure: false }).directives;
    expect(policy["script-src"][0]).toBe("'self'");
    expect((policy["script-src"][1] as (req: unknown, res: unknown) => string)({}, { locals: {} })).toBe("'nonce-abc'");
    expect(policy["frame-ancestors"]).toEqual(["'none'"]);
    expect(policy["style-src"]).toEqual(["'self'"]);
    expect(contentSecurityPolicy(nonce, { frameAncestors: ["https://lms.example"], secure: true }).directives["frame-ancestors"]).toEqual(["https://lms.example"]);
  });
  it("lets only the registered LMS platforms frame the app, and posts forms to them only from the LTI pages (decision 023)", () => {
    const nonce = () => "abc";
    const registered: string[] = [];
    const policy = contentSecurityPolicy(nonce, { frameAncestors: ["https://extra.example"], secure: true, platformOrigins: () => registered }).directives;
    const run = (value: unknown, path: string) =>
      (value as (string | ((req: { path: string }, res: { locals: Record<string, unknown> }) => string))[])
        .map((v) => (typeof v === "function" ? v({ path }, { locals: {} }) : v))
        .join(" ")
        .trim();
    expect(run(policy["frame-ancestors"], "/learn")).toBe("https://extra.example");
    registered.push("https://lms.school.example");
    expect(run(policy["frame-ancestors"], "/learn")).toBe("https://extra.example https://lms.school.example");
    expect(run(policy["form-action"], "/lti/deep-link")).toBe("'self' https://lms.school.example");
    expect(run(policy["form-action"], "/teach")).toBe("'self'");
    const none = contentSecurityPolicy(nonce, { frameAncestors: [], secure: true, platformOrigins: () => [] }).directives;
    expect(run(none["frame-ancestors"], "/")).toBe("'none'");
  });
  it("exempts only the LTI login and launch from the Origin check, for their exact paths", () => {
    const post = (path: string) => ({ method: "POST", path, headers: { origin: "http://localhost:9999", host: "127.0.0.1:3000" } });
    const options = { trustProxy: false, secure: false };
    expect(checkOrigin(post("/lti/launch"), options)).toBeNull();
    expect(checkOrigin(post("/lti/login"), options)).toBeNull();
    expect(checkOrigin(post("/lti/launch.data"), options)?.status).toBe(403);
    expect(checkOrigin(post("/lti/deep-link"), options)?.status).toBe(403);
    expect(checkOrigin(post("/admin/lti"), options)?.status).toBe(403);
  });
  it("recognises the session cookie among others", () => {
    expect(hasSessionCookie({ cookie: "a=1; rebound_session=xyz" }, "rebound_session")).toBe(true);
    expect(hasSessionCookie({ cookie: "not_rebound_session=1" }, "rebound_session")).toBe(false);
    expect(hasSessionCookie({}, "rebound_session")).toBe(false);
  });
});

describe("the body and origin checks, fuzzed (seeded)", () => {
  // mulberry32, seeded: the same headers every run.
  let state = 20261202;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const maybe = <T,>(value: T) => (next() < 0.3 ? undefined : value);
  const methods = ["GET", "HEAD", "OPTIONS", "POST", "post", "PUT", "PATCH", "DELETE", "TRACE", ""];
  const types = ["application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "MULTIPART/FORM-DATA", "application/json", "text/plain", "", " ", ";", "application/x-www-form-urlencoded;charset=utf-8", "application/x-www-form-urlencoded, application/json", "text/html\u0000"];
  const lengths = ["0", "10", "999", "1000", "1001", "-1", "1e3", "NaN", "", " 12 ", "0x10", "99999999999999999999999", "Infinity", "1.5"];
  const origins = ["http://rebound.school.example", "https://rebound.school.example", "http://evil.example", "null", "", "rebound.school.example", "http://rebound.school.example:80", "http://REBOUND.school.example", "javascript:alert(1)", "http://rebound.school.example.evil.example"];
  const referers = ["http://rebound.school.example/teach", "http://evil.example/", "not a url", "", "//rebound.school.example/x"];
  const paths = ["/login", "/teach?_data=routes%2Fteach._index", "/teach.data", "/csp-report", "/", "/%00", "/login/../teach"];

  it("never throws, and answers every request with nothing or a refusal that says why (400, 403, 411, 413 or 415)", () => {
    const statuses = new Map<number | null, number>();
    for (let i = 0; i < 5000; i++) {
      const headers: Record<string, string | string[] | undefined> = {
        host: maybe(pick(["rebound.school.example", "", "10.0.0.5:3000", "REBOUND.SCHOOL.EXAMPLE"])),
        "content-type": maybe(pick(types)),
        "content-length": maybe(pick(lengths)),
        "transfer-encoding": maybe(pick(["chunked", "gzip, chunked", "identity"])),
        origin: maybe(pick(origins)),
        referer: maybe(pick(referers)),
        "x-forwarded-host": maybe(pick(["rebound.school.example", "evil.example", "a, b", ""])),
        "x-forwarded-proto": maybe(pick(["https", "http", "gopher", ""])),
        cookie: maybe(next() < 0.5 ? "rebound_session=abc" : ["a=1", "rebound_session=x"].join("; ")),
      };
      const facts = { method: pick(methods), path: pick(paths), headers };
      const options = { trustProxy: next() < 0.5, secure: next() < 0.5 };
      const refusal = checkOrigin(facts, options) ?? checkBody(facts, { maxBodyBytes: 1000 });
      statuses.set(refusal?.status ?? null, (statuses.get(refusal?.status ?? null) ?? 0) + 1);
      if (refusal) {
        expect([400, 403, 411, 413, 415]).toContain(refusal.status);
        expect(refusal.message).toMatch(/^[A-Z].{20,}\.$/);
      }
      // A write that got through came from this site or from no page at all, and is a form of a sensible size.
      // (Remix runs actions for these methods only; others are read or refused by the router.)
      if (!refusal && ["POST", "PUT", "PATCH", "DELETE"].includes(facts.method.toUpperCase()) && facts.path !== "/csp-report") {
        const origin = headers.origin as string | undefined;
        if (origin !== undefined) expect(origin.toLowerCase()).toBe(ownOrigin(headers, options));
        const bytes = Number(headers["content-length"] ?? 0);
        expect(bytes).toBeLessThanOrEqual(1000);
        if (bytes > 0) expect(String(headers["content-type"]).toLowerCase()).toMatch(/^(application\/x-www-form-urlencoded|multipart\/form-data)/);
      }
    }
    console.info(`[http-security fuzz] 5000 requests: ${[...statuses].map(([s, n]) => `${s ?? "let through"}: ${n}`).join(", ")}`);
  });
});
