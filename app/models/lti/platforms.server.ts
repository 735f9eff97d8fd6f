// LMS platforms registered by a site administrator (decision 023).
import { prisma } from "~/db.server";
import type { LtiPlatformInput } from "~/schemas/lti";
import { isUniqueViolation } from "~/utils/prisma-errors.server";

export type SavePlatformResult = { ok: true; id: string } | { ok: false; reason: "taken" | "not-found" };

const fields = (input: LtiPlatformInput) => ({
  name: input.name,
  issuer: input.issuer,
  clientId: input.clientId,
  authUrl: input.authUrl,
  tokenUrl: input.tokenUrl,
  jwksUrl: input.jwksUrl,
});

export async function registerPlatform(input: LtiPlatformInput): Promise<SavePlatformResult> {
  try {
    const made = await prisma.ltiPlatform.create({
      data: { ...fields(input), deployments: { create: input.deploymentIds.map((deploymentId) => ({ deploymentId })) } },
      select: { id: true },
    });
    forgetPlatformOrigins();
    return { ok: true, id: made.id };
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, reason: "taken" };
    throw error;
  }
}

/** Saves the registration; deployments no longer listed stop launching (their courses and links stay). */
export async function updatePlatform(id: string, input: LtiPlatformInput): Promise<SavePlatformResult> {
  try {
    const saved = await prisma.$transaction(async (tx) => {
      const { count } = await tx.ltiPlatform.updateMany({ where: { id }, data: fields(input) });
      if (count === 0) return { ok: false, reason: "not-found" } as const;
      await tx.ltiDeployment.deleteMany({ where: { platformId: id, deploymentId: { notIn: input.deploymentIds } } });
      for (const deploymentId of input.deploymentIds) {
        await tx.ltiDeployment.upsert({ where: { platformId_deploymentId: { platformId: id, deploymentId } }, create: { platformId: id, deploymentId }, update: {} });
      }
      return { ok: true, id } as const;
    });
    forgetPlatformOrigins();
    return saved;
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, reason: "taken" };
    throw error;
  }
}

export function listPlatforms() {
  return prisma.ltiPlatform.findMany({
    orderBy: { createdAt: "asc" },
    select: { id: true, name: true, issuer: true, clientId: true, _count: { select: { deployments: true, contexts: true, identities: true } } },
  });
}

export function findPlatform(id: string) {
  return prisma.ltiPlatform.findUnique({
    where: { id },
    select: { id: true, name: true, issuer: true, clientId: true, authUrl: true, tokenUrl: true, jwksUrl: true, createdAt: true, deployments: { orderBy: { createdAt: "asc" }, select: { deploymentId: true } } },
  });
}

/** The origins of every registered platform: the only sites allowed to frame Rebound (decision 023). */
export async function platformOrigins(): Promise<string[]> {
  const rows = await prisma.ltiPlatform.findMany({ select: { issuer: true, authUrl: true } });
  const origins = new Set<string>();
  for (const row of rows) {
    for (const address of [row.issuer, row.authUrl]) {
      try {
        origins.add(new URL(address).origin);
      } catch {
        // A registration is validated when saved; an old odd value frames nothing.
      }
    }
  }
  return [...origins].sort();
}

/** How long a server keeps the registered origins before reading them again (another server's registration shows within this). */
const PLATFORM_ORIGINS_TTL_MS = 30_000;
let originsCache: { at: number; origins: Promise<string[]> } | null = null;

/**
 * platformOrigins, read at most every 30 seconds: the server asks for them on
 * every page (scripts/server.mjs, for frame-ancestors and form-action). A
 * registration or change on this server is seen at once; on another server
 * within 30 seconds.
 */
export function cachedPlatformOrigins(now = Date.now()): Promise<string[]> {
  if (!originsCache || now - originsCache.at > PLATFORM_ORIGINS_TTL_MS) originsCache = { at: now, origins: platformOrigins().catch(() => []) };
  return originsCache.origins;
}

function forgetPlatformOrigins() {
  originsCache = null;
}
