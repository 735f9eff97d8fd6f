// The demo's password: made up when the demo is seeded (never a published
// one), stored only as a hash, printed once. `npm run demo:password` sets a
// new one for every demo account and ends their sessions.
import { randomInt } from "node:crypto";
import { hashPassword } from "~/auth/password.server";
import { prisma } from "~/db.server";

// No look-alike characters (0/o, 1/l/i), so it can be read off a screen.
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/** Four groups of four: about 79 bits, easy to type ("k7mp-q4xz-…"). */
export function generateDemoPassword(): string {
  const groups = Array.from({ length: 4 }, () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join(""));
  return groups.join("-");
}

/**
 * Gives every demo account (`emails`) a new password and logs them out
 * everywhere. Returns the password and how many accounts it now opens.
 */
export async function resetDemoPassword(emails: string[], password = generateDemoPassword()): Promise<{ password: string; accounts: number }> {
  const passwordHash = await hashPassword(password);
  const users = await prisma.user.findMany({ where: { email: { in: emails } }, select: { id: true } });
  const ids = users.map((u) => u.id);
  await prisma.$transaction([
    prisma.user.updateMany({ where: { id: { in: ids } }, data: { passwordHash } }),
    prisma.session.deleteMany({ where: { userId: { in: ids } } }),
  ]);
  return { password, accounts: ids.length };
}
