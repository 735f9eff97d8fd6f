// Site administrators (decision 023): the people who run a Rebound
// installation and register the school's LMS. Nobody can sign up as one; the
// first is made from the command line (`npm run admin:create -- EMAIL`), with
// a password from ADMIN_PASSWORD or, without one, a one-time set-up code to
// choose it at /setup-code (the same codes teachers give students).
import { hashPassword } from "~/auth/password.server";
import { prisma } from "~/db.server";
import { roleWords } from "~/domain/roles";
import { issueSetupCode, type IssuedSetupCode } from "~/models/setup-code.server";

/** Stored instead of a password hash until the administrator chooses one: no password matches it. */
const NO_PASSWORD_YET = "!no-password-yet";
/** The shortest password an administrator may be given (as for sign-up). */
export const MIN_ADMIN_PASSWORD = 10;

export type CreateAdminResult =
  | { ok: true; created: boolean; email: string; setupCode: IssuedSetupCode | null }
  | { ok: false; why: string };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Makes `email` a site administrator: a new account, or an existing
 * administrator's (a new password or set-up code). An email that belongs to a
 * teacher or student is refused: their account keeps its role, and the
 * administrator gets an account of their own.
 */
export async function createSiteAdmin(input: { email: string; name?: string; password?: string }): Promise<CreateAdminResult> {
  const email = input.email.trim().toLowerCase();
  if (!EMAIL.test(email)) return { ok: false, why: `"${input.email}" is not an email address. Give the administrator's email, as in: npm run admin:create -- it@school.example` };
  if (input.password !== undefined && input.password.length < MIN_ADMIN_PASSWORD) {
    return { ok: false, why: `ADMIN_PASSWORD must be at least ${MIN_ADMIN_PASSWORD} characters; nothing was changed.` };
  }
  const existing = await prisma.user.findUnique({ where: { email }, select: { id: true, role: true } });
  if (existing && existing.role !== "SITE_ADMIN") {
    return {
      ok: false,
      why: `${email} is a ${roleWords(existing.role).lower} account; it stays one. Give the administrator an email of their own; nothing was changed.`,
    };
  }
  const passwordHash = input.password !== undefined ? await hashPassword(input.password) : NO_PASSWORD_YET;
  const user = existing
    ? await prisma.user.update({ where: { id: existing.id }, data: input.password !== undefined ? { passwordHash } : {}, select: { id: true } })
    : await prisma.user.create({ data: { email, name: input.name?.trim() || "Site administrator", role: "SITE_ADMIN", passwordHash }, select: { id: true } });
  if (input.password !== undefined) await prisma.session.deleteMany({ where: { userId: user.id } });
  const setupCode = input.password === undefined ? await issueSetupCode(user.id) : null;
  return { ok: true, created: !existing, email, setupCode };
}
