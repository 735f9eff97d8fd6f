// Rebound's own LTI signing keys (decision 023): RS256 key pairs in the
// database, so every app server signs with the same key and publishes the
// same JWKS. The private half is encrypted with LTI_KEY_SECRET when it is set
// (AES-256-GCM) and never leaves this module; the admin page shows only key ids
// and dates. Rotating makes a new key the signing one; the old one stays in the
// JWKS for KEY_OVERLAP_DAYS, so a platform that cached the JWKS still verifies
// what it signed, then it is deleted.
import { createCipheriv, createDecipheriv, createHash, randomBytes, randomUUID } from "node:crypto";
import { exportJWK, generateKeyPair, importJWK, type JWK } from "jose";
import { prisma } from "~/db.server";

export const KEY_OVERLAP_DAYS = 7;
const ALG = "RS256";

function secretKey(): Buffer | null {
  const secret = process.env.LTI_KEY_SECRET;
  return secret ? createHash("sha256").update(secret).digest() : null;
}

/** The private JWK as stored: encrypted when LTI_KEY_SECRET is set. */
export function sealPrivateJwk(jwk: JWK): string {
  const key = secretKey();
  const text = JSON.stringify(jwk);
  if (!key) return `plain:${text}`;
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const body = Buffer.concat([cipher.update(text, "utf8"), cipher.final()]);
  return `enc:v1:${iv.toString("base64url")}:${cipher.getAuthTag().toString("base64url")}:${body.toString("base64url")}`;
}

export function openPrivateJwk(stored: string): JWK {
  if (stored.startsWith("plain:")) return JSON.parse(stored.slice("plain:".length)) as JWK;
  const [, version, iv, tag, body] = stored.split(":");
  const key = secretKey();
  if (version !== "v1" || !key) throw new Error("The LTI signing key is encrypted and LTI_KEY_SECRET is not set (or is not the one it was encrypted with).");
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return JSON.parse(Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8")) as JWK;
}

async function makeKey(now: Date) {
  const { publicKey, privateKey } = await generateKeyPair(ALG, { extractable: true, modulusLength: 2048 });
  const kid = randomUUID();
  const pub = { ...(await exportJWK(publicKey)), kid, alg: ALG, use: "sig" };
  const priv = { ...(await exportJWK(privateKey)), kid, alg: ALG };
  return prisma.ltiToolKey.create({ data: { id: kid, publicJwk: JSON.stringify(pub), privateJwk: sealPrivateJwk(priv), createdAt: now } });
}

/** The key that signs now (made on first use). */
export async function signingKey(now = new Date()): Promise<{ kid: string; key: CryptoKey | Uint8Array }> {
  const row = (await prisma.ltiToolKey.findFirst({ where: { retiredAt: null }, orderBy: { createdAt: "desc" } })) ?? (await makeKey(now));
  return { kid: row.id, key: await importJWK(openPrivateJwk(row.privateJwk), ALG) };
}

/** A new signing key; the others are retired (still published for KEY_OVERLAP_DAYS). */
export async function rotateToolKey(now = new Date()): Promise<string> {
  const made = await makeKey(now);
  await prisma.ltiToolKey.updateMany({ where: { retiredAt: null, id: { not: made.id } }, data: { retiredAt: now } });
  return made.id;
}

const overlapStart = (now: Date) => new Date(now.getTime() - KEY_OVERLAP_DAYS * 86_400_000);

/** The public keys platforms verify Rebound's messages with: the signing key and recently retired ones. */
export async function toolJwks(now = new Date()): Promise<{ keys: JWK[] }> {
  await prisma.ltiToolKey.deleteMany({ where: { retiredAt: { lte: overlapStart(now) } } });
  if ((await prisma.ltiToolKey.count({ where: { retiredAt: null } })) === 0) await makeKey(now);
  const rows = await prisma.ltiToolKey.findMany({ orderBy: { createdAt: "desc" }, select: { publicJwk: true } });
  return { keys: rows.map((r) => JSON.parse(r.publicJwk) as JWK) };
}

/** For the admin page: ids and dates only. */
export async function listToolKeys(now = new Date()) {
  const rows = await prisma.ltiToolKey.findMany({
    where: { OR: [{ retiredAt: null }, { retiredAt: { gt: overlapStart(now) } }] },
    orderBy: { createdAt: "desc" },
    select: { id: true, createdAt: true, retiredAt: true, privateJwk: true },
  });
  return rows.map((r) => ({
    kid: r.id,
    createdAt: r.createdAt,
    retiredAt: r.retiredAt,
    publishedUntil: r.retiredAt ? new Date(r.retiredAt.getTime() + KEY_OVERLAP_DAYS * 86_400_000) : null,
    encrypted: r.privateJwk.startsWith("enc:"),
  }));
}
