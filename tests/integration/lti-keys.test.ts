// Rebound's LTI signing keys (decision 023): what the current key signs
// verifies against /lti/jwks; rotation keeps the old key published for the
// overlap and then drops it; the private half is encrypted under
// LTI_KEY_SECRET and never appears in the JWKS or on the admin page.
import { SignJWT, createLocalJWKSet, jwtVerify } from "jose";
import { afterEach, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { KEY_OVERLAP_DAYS, listToolKeys, rotateToolKey, signingKey, toolJwks } from "~/models/lti/keys.server";
import { loader as jwksLoader } from "~/routes/lti.jwks";
import { call, get } from "../support/routes";

afterEach(() => {
  delete process.env.LTI_KEY_SECRET;
});

async function signed(now = new Date()) {
  const { kid, key } = await signingKey(now);
  return new SignJWT({ hello: "platform" }).setProtectedHeader({ alg: "RS256", kid }).setIssuedAt().setExpirationTime("5m").sign(key);
}

describe("the tool's keys", () => {
  it("signs with a key the JWKS publishes, without its private half; after a rotation both verify until the overlap ends", async () => {
    process.env.LTI_KEY_SECRET = "a long secret for the test";
    const before = await signed();
    const published = (await call(jwksLoader, get("/lti/jwks"))).data as { keys: Record<string, unknown>[] };
    expect(published.keys).toHaveLength(1);
    expect(Object.keys(published.keys[0]).sort()).toEqual(["alg", "e", "kid", "kty", "n", "use"]);
    await expect(jwtVerify(before, createLocalJWKSet(published as never))).resolves.toBeTruthy();
    const stored = await prisma.ltiToolKey.findFirstOrThrow();
    expect(stored.privateJwk.startsWith("enc:v1:")).toBe(true);
    expect(stored.privateJwk).not.toContain('"d"');

    const now = new Date();
    const newKid = await rotateToolKey(now);
    const after = await signed(now);
    const both = await toolJwks(now);
    expect(both.keys.map((k) => k.kid)).toContain(newKid);
    expect(both.keys).toHaveLength(2);
    for (const token of [before, after]) await expect(jwtVerify(token, createLocalJWKSet(both))).resolves.toBeTruthy();
    expect((await listToolKeys(now)).map((k) => [k.retiredAt === null, k.encrypted])).toEqual([
      [true, true],
      [false, true],
    ]);

    const later = new Date(now.getTime() + (KEY_OVERLAP_DAYS + 1) * 86_400_000);
    const afterOverlap = await toolJwks(later);
    expect(afterOverlap.keys.map((k) => k.kid)).toEqual([newKid]);
    await expect(jwtVerify(before, createLocalJWKSet(afterOverlap))).rejects.toThrow();
  });

  it("cannot use an encrypted key without its secret, and says why", async () => {
    process.env.LTI_KEY_SECRET = "the first secret";
    await rotateToolKey();
    process.env.LTI_KEY_SECRET = "another secret";
    await expect(signingKey()).rejects.toThrow();
    delete process.env.LTI_KEY_SECRET;
    await expect(signingKey()).rejects.toThrow(/LTI_KEY_SECRET is not set/);
  });
});
