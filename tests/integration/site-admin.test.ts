// Site administrators (decision 023): made from the command line only, with a
// password from ADMIN_PASSWORD or a one-time set-up code; a teacher's or
// student's email is refused; their home is the LTI registration page and the
// admin pages refuse everyone else.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { verifyPassword } from "~/auth/password.server";
import { prisma } from "~/db.server";
import { homePathFor } from "~/domain/roles";
import { createSiteAdmin } from "~/models/site-admin.server";
import { redeemSetupCode } from "~/models/setup-code.server";
import { loader as adminLoader } from "~/routes/admin.lti._index";
import { createStudent, createTeacher } from "../support/factories";
import { call, cookieFor, get } from "../support/routes";

const root = path.resolve(import.meta.dirname, "../..");
const tsx = path.join(root, "node_modules", "tsx", "dist", "cli.mjs");

function run(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [tsx, "scripts/admin-create.ts", ...args], { cwd: root, encoding: "utf8", env: { ...process.env, ...env }, timeout: 60_000 });
}

describe("npm run admin:create", () => {
  it("prints a set-up code that works once at /setup-code, and the administrator lands on the LTI page", async () => {
    const out = run(["it@school.example", "--name", "Ines IT"]);
    expect(out.status, out.stderr).toBe(0);
    const code = /Set-up code: (\S+)/.exec(out.stdout)?.[1];
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    const admin = await prisma.user.findUniqueOrThrow({ where: { email: "it@school.example" } });
    expect(admin).toMatchObject({ role: "SITE_ADMIN", name: "Ines IT" });
    expect(await verifyPassword(admin.passwordHash, "")).toBe(false);
    const redeemed = await redeemSetupCode("it@school.example", code!, "a long admin password");
    expect(redeemed).toEqual({ ok: true, user: { id: admin.id, role: "SITE_ADMIN" } });
    expect(homePathFor("SITE_ADMIN")).toBe("/admin/lti");
    expect((await redeemSetupCode("it@school.example", code!, "another password!")).ok).toBe(false);
  }, 90_000);

  it("takes the password from ADMIN_PASSWORD, and refuses a short one or a teacher's email without changing anything", async () => {
    const teacher = await createTeacher();
    const refused = run([teacher.email], { ADMIN_PASSWORD: "a long enough password" });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("is a teacher account; it stays one");
    expect((await prisma.user.findUniqueOrThrow({ where: { id: teacher.id } })).role).toBe("TEACHER");

    expect((await createSiteAdmin({ email: "ops@school.example", password: "short" })).ok).toBe(false);
    expect(await prisma.user.count({ where: { email: "ops@school.example" } })).toBe(0);

    const made = await createSiteAdmin({ email: "Ops@School.example", password: "a long enough password" });
    expect(made).toMatchObject({ ok: true, created: true, email: "ops@school.example", setupCode: null });
    const admin = await prisma.user.findUniqueOrThrow({ where: { email: "ops@school.example" } });
    expect(await verifyPassword(admin.passwordHash, "a long enough password")).toBe(true);
    expect((await createSiteAdmin({ email: "not an email" })).ok).toBe(false);
  });

  it("the admin page is for administrators only: teachers and students get 403, visitors go to log in", async () => {
    const made = await createSiteAdmin({ email: "root@school.example", password: "a long enough password" });
    expect(made.ok).toBe(true);
    const admin = await prisma.user.findUniqueOrThrow({ where: { email: "root@school.example" } });
    expect((await call(adminLoader, get("/admin/lti", await cookieFor(admin.id)))).status).toBe(200);
    expect((await call(adminLoader, get("/admin/lti", await cookieFor((await createTeacher()).id)))).status).toBe(403);
    expect((await call(adminLoader, get("/admin/lti", await cookieFor((await createStudent()).id)))).status).toBe(403);
    expect((await call(adminLoader, get("/admin/lti"))).location).toMatch(/^\/login\?redirectTo=/);
  });
});
