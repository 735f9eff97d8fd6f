import { describe, expect, it } from "vitest";
import { resetDemoPassword } from "~/auth/demo-password.server";
import { verifyPassword } from "~/auth/password.server";
import { prisma } from "~/db.server";
import { DEMO_TEACHER_EMAIL, demoEmails, seedDemo } from "../../prisma/seed";

describe("the demo's password (issue 8, defect 4)", () => {
  it("is made up when the demo is seeded, stored only as a hash, and a new one can be set", async () => {
    delete process.env.DEMO_PASSWORD;
    const seeded = await seedDemo();
    expect(seeded.created).toBe(true);
    if (!seeded.created) return;
    expect(seeded.password).not.toBe("rebound-demo");
    expect(seeded.password).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    const teacher = await prisma.user.findUniqueOrThrow({ where: { email: DEMO_TEACHER_EMAIL } });
    expect(teacher.passwordHash).not.toContain(seeded.password);
    expect(await verifyPassword(teacher.passwordHash, seeded.password)).toBe(true);
    expect(await verifyPassword(teacher.passwordHash, "rebound-demo")).toBe(false);

    await prisma.session.create({ data: { id: "demo-session", userId: teacher.id, expiresAt: new Date(Date.now() + 60_000) } });
    const reset = await resetDemoPassword(demoEmails());
    expect(reset.accounts).toBe(26);
    expect(reset.password).not.toBe(seeded.password);
    const after = await prisma.user.findUniqueOrThrow({ where: { email: "zoe@rebound.test" } });
    expect(await verifyPassword(after.passwordHash, reset.password)).toBe(true);
    expect(await verifyPassword(after.passwordHash, seeded.password)).toBe(false);
    expect(await prisma.session.count({ where: { userId: teacher.id } })).toBe(0);
  }, 60_000);
});
