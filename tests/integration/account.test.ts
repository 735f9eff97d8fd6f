// The account page (issue 8, item 9): who you are, changing the password,
// logging out everywhere.
import { afterEach, describe, expect, it, vi } from "vitest";
import * as passwords from "~/auth/password.server";
import { prisma } from "~/db.server";
import { action as accountAction, loader as accountLoader } from "~/routes/account._index";
import { action as loginAction } from "~/routes/login";
import { loader as teachLoader } from "~/routes/teach._index";
import { loader as learnLoader } from "~/routes/learn._index";
import { TEST_PASSWORD, createStudent, createTeacher } from "../support/factories";
import { call, cookieFor, get, post } from "../support/routes";

afterEach(() => {
  delete process.env.RATE_LIMIT_PASSWORD_CHANGE;
  vi.restoreAllMocks();
});

const NEW_PASSWORD = "a brand new passphrase";
const sessionIdOf = (cookie: string) => cookie.split("=")[1];
const change = (cookie: string, fields: Record<string, string>) => call(accountAction, post("/account?index", { intent: "change-password", ...fields }, cookie));

describe("the account page", () => {
  it("shows who you are and on how many browsers you are signed in, for a teacher and a student alike", async () => {
    const teacher = await createTeacher("Ms Rivera");
    const cookie = await cookieFor(teacher.id);
    await cookieFor(teacher.id);
    const idle = await cookieFor(teacher.id);
    await prisma.session.update({ where: { id: sessionIdOf(idle) }, data: { lastSeenAt: new Date(Date.now() - 3 * 3_600_000) } });
    const res = await call(accountLoader, get("/account", cookie));
    expect(res.status).toBe(200);
    expect(res.data.user).toEqual({ name: "Ms Rivera", email: teacher.email, role: "TEACHER" });
    expect(res.data.sessions).toBe(2);
    expect(res.data.confirmingLogoutEverywhere).toBe(false);

    const student = await createStudent();
    const mine = await call(accountLoader, get("/account?confirm=logout-everywhere", await cookieFor(student.id)));
    expect(mine.data.user.role).toBe("STUDENT");
    expect(mine.data.confirmingLogoutEverywhere).toBe(true);
  });

  it("asks anyone not signed in to log in first", async () => {
    const res = await call(accountLoader, get("/account"));
    expect(res.location).toBe("/login?redirectTo=%2Faccount");
  });

  it("answers an unknown request with a message, not an error", async () => {
    const student = await createStudent();
    const res = await call(accountAction, post("/account?index", { intent: "rename-everything" }, await cookieFor(student.id)));
    expect(res.status).toBe(400);
    expect(res.data.message).toMatch(/didn't understand/);
  });
});

describe("changing the password", () => {
  it("needs the current password; then every other session ends and this browser gets a new one", async () => {
    const student = await createStudent();
    const here = await cookieFor(student.id);
    const elsewhere = await cookieFor(student.id);
    const someoneElse = await cookieFor((await createStudent()).id);

    const res = await change(here, { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    expect(res.status).toBe(302);
    expect(res.location).toBe("/account?done=password");
    const fresh = (res.headers.get("Set-Cookie") ?? "").split(";")[0];
    expect(sessionIdOf(fresh)).not.toBe(sessionIdOf(here));
    expect((await call(learnLoader, get("/learn", fresh))).status).toBe(200);
    expect((await call(learnLoader, get("/learn", here))).status).toBe(302);
    expect((await call(learnLoader, get("/learn", elsewhere))).status).toBe(302);
    expect((await call(learnLoader, get("/learn", someoneElse))).status).toBe(200);
    expect((await call(accountLoader, get("/account?done=password", fresh))).data.passwordChanged).toBe(true);

    const { passwordHash } = await prisma.user.findUniqueOrThrow({ where: { id: student.id } });
    expect(passwordHash).toMatch(/^\$argon2id\$/);
    expect((await call(loginAction, post("/login", { email: student.email, password: TEST_PASSWORD }))).status).toBe(400);
    expect((await call(loginAction, post("/login", { email: student.email, password: NEW_PASSWORD }))).status).toBe(302);
  });

  it("refuses a wrong current password with a message by that field, and changes nothing", async () => {
    const teacher = await createTeacher();
    const cookie = await cookieFor(teacher.id);
    const other = await cookieFor(teacher.id);
    const res = await change(cookie, { currentPassword: "not my password", newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    expect(res.status).toBe(400);
    expect(res.data.formId).toBe("change-password");
    expect(res.data.reply.error.currentPassword[0]).toMatch(/isn't your current password/);
    // Passwords are never sent back to the page.
    expect(JSON.stringify(res.data.reply)).not.toContain(NEW_PASSWORD);
    expect((await call(teachLoader, get("/teach", other))).status).toBe(200);
    expect((await call(loginAction, post("/login", { email: teacher.email, password: TEST_PASSWORD }))).status).toBe(302);
  });

  it("refuses new passwords that don't match, or are too short or too long, before checking anything", async () => {
    const student = await createStudent();
    const cookie = await cookieFor(student.id);
    const verify = vi.spyOn(passwords, "verifyPassword");
    const mismatch = await change(cookie, { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: `${NEW_PASSWORD}!` });
    expect(mismatch.status).toBe(400);
    expect(mismatch.data.reply.error.confirmPassword[0]).toMatch(/don't match/);
    const short = await change(cookie, { currentPassword: TEST_PASSWORD, newPassword: "short", confirmPassword: "short" });
    expect(short.data.reply.error.newPassword[0]).toMatch(/at least 10 characters/);
    const long = "x".repeat(201);
    const tooLong = await change(cookie, { currentPassword: TEST_PASSWORD, newPassword: long, confirmPassword: long });
    expect(tooLong.status).toBe(400);
    expect(tooLong.data.reply.error.newPassword[0]).toMatch(/under 200 characters/);
    const currentTooLong = await change(cookie, { currentPassword: long, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    expect(currentTooLong.data.reply.error.currentPassword[0]).toMatch(/under 200 characters/);
    const missing = await change(cookie, {});
    expect(Object.keys(missing.data.reply.error).sort()).toEqual(["confirmPassword", "currentPassword", "newPassword"]);
    expect(verify).not.toHaveBeenCalled();
  });

  it("is rate-limited per account: after too many wrong current passwords, 429 with Retry-After, and the password is not even checked", async () => {
    process.env.RATE_LIMIT_PASSWORD_CHANGE = "3/900";
    const student = await createStudent();
    const cookie = await cookieFor(student.id);
    for (let i = 0; i < 3; i++) {
      expect((await change(cookie, { currentPassword: `guess ${i}`, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD })).status).toBe(400);
    }
    const verify = vi.spyOn(passwords, "verifyPassword");
    const locked = await change(await cookieFor(student.id), { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(locked.data.reply.error[""][0]).toMatch(/Too many tries to change your password in a short time\. Wait \d+ minutes/);
    expect(verify).not.toHaveBeenCalled();
    // Another account is not affected.
    const other = await createStudent();
    expect((await change(await cookieFor(other.id), { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD })).status).toBe(302);
  });
});

describe("logging out everywhere", () => {
  it("ends every session of the account, this one included, and says so on the login page", async () => {
    const teacher = await createTeacher();
    const here = await cookieFor(teacher.id);
    const phone = await cookieFor(teacher.id);
    const otherAccount = await cookieFor((await createTeacher()).id);
    const res = await call(accountAction, post("/account?index", { intent: "logout-everywhere" }, here));
    expect(res.status).toBe(302);
    expect(res.location).toBe("/login?signedOut=everywhere");
    expect(res.headers.get("Set-Cookie")).toMatch(/rebound_session=;.*Max-Age=0/);
    expect(await prisma.session.count({ where: { userId: teacher.id } })).toBe(0);
    expect((await call(teachLoader, get("/teach", phone))).status).toBe(302);
    expect((await call(teachLoader, get("/teach", otherAccount))).status).toBe(200);
  });

  it("needs a signed-in user", async () => {
    const res = await call(accountAction, post("/account?index", { intent: "logout-everywhere" }));
    expect(res.status).toBe(302);
    expect(res.location).toMatch(/^\/login\?redirectTo=/);
  });
});
