import { hash, verify } from "@node-rs/argon2";

// argon2id (the library's default algorithm) with OWASP's recommended minimums.
const OPTIONS = { memoryCost: 19456, timeCost: 2, outputLen: 32, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/**
 * What an account made by a roster import holds until its student chooses a
 * password with a set-up code (decision 024): no password matches it.
 */
export const NO_PASSWORD_YET = "!no-password-yet";

/** Whether someone has chosen this account's password (an imported account has not, until its set-up code is used). */
export function hasUsablePassword(passwordHash: string): boolean {
  return passwordHash.startsWith("$argon2");
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  // An account without a password takes as long to refuse as a wrong password, so a login tells nobody it was imported.
  if (!hasUsablePassword(passwordHash)) {
    await verify(await dummyPasswordHash(), password).catch(() => false);
    return false;
  }
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when no user matches, so timing does not reveal unknown emails. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hash("not-a-real-password", OPTIONS);
  return dummyHash;
}
