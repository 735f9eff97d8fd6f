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
  it("recognises the session cookie among others", () => {
    expect(hasSessionCookie({ cookie: "a=1; rebound_session=xyz" }, "rebound_session")).toBe(true);
    expect(hasSessionCookie({ cookie: "not_rebound_session=1" }, "rebound_session")).toBe(false);
    expect(hasSessionCookie({}, "rebound_session")).toBe(false);
  });
});
