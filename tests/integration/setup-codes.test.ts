// One-time set-up codes (issue 8, item 9): a teacher gives one to a student of
// their class; the student uses it to choose a new password.
import { afterEach, describe, expect, it, vi } from "vitest";
import * as passwords from "~/auth/password.server";
import { prisma } from "~/db.server";
import { issueSetupCode } from "~/models/setup-code.server";
import { action as classAction } from "~/routes/teach.classes.$classId";
import { action as loginAction } from "~/routes/login";
import { loader as learnLoader } from "~/routes/learn._index";
import { action as setupAction, loader as setupLoader } from "~/routes/setup-code";
import { TEST_PASSWORD, createClassroom, createStudent, createTeacher, enroll } from "../support/factories";
import { call, cookieFor, get, post } from "../support/routes";

afterEach(() => {
  for (const key of ["RATE_LIMIT_SETUP_CODE_ACCOUNT", "RATE_LIMIT_SETUP_CODE_ADDRESS", "RATE_LIMIT_LOGIN_ACCOUNT"]) delete process.env[key];
  vi.restoreAllMocks();
});

const NEW_PASSWORD = "my fresh start 2026";

async function classWithStudent() {
  const teacher = await createTeacher();
  const classroom = await createClassroom(teacher.id, "Physics 9B");
  const student = await createStudent("Amara Okafor");
  await enroll(classroom.id, student.id);
  return { teacher, classroom, student, teacherCookie: await cookieFor(teacher.id) };
}

const give = (classId: string, studentId: string, cookie: string) =>
  call(classAction, post(`/teach/classes/${classId}`, { intent: "give-setup-code", studentId }, cookie), { classId });

/** Calls the set-up code action as if from this address (scripts/server.mjs passes it). */
function redeem(fields: Record<string, string>, address = "10.4.4.4", cookie?: string) {
  const fn = (args: Parameters<typeof setupAction>[0]) => setupAction({ ...args, context: { clientAddress: address } });
  return call(fn, post("/setup-code", { newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD, ...fields }, cookie));
}

describe("giving a set-up code", () => {
  it("the class's teacher gets a short code, shown once and stored only as a hash, that ends in three days", async () => {
    const { classroom, student, teacherCookie } = await classWithStudent();
    const res = await give(classroom.id, student.id, teacherCookie);
    expect(res.status).toBe(200);
    const { code, studentName, expiresAt } = res.data.setupCode;
    expect(code).toMatch(/^[ACDEFGHJKMNPQRTUVWXY34679]{4}-[ACDEFGHJKMNPQRTUVWXY34679]{4}$/);
    expect(studentName).toBe("Amara Okafor");
    const hours = (new Date(expiresAt).getTime() - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(71.9);
    expect(hours).toBeLessThanOrEqual(72);
    const stored = await prisma.setupCode.findUniqueOrThrow({ where: { userId: student.id } });
    expect(stored.codeHash).toMatch(/^\$argon2id\$/);
    expect(JSON.stringify(stored)).not.toContain(code);
    expect(JSON.stringify(stored)).not.toContain(code.replace("-", ""));
  });

  it("another teacher gets 404 and no code is made", async () => {
    const { classroom, student } = await classWithStudent();
    const other = await createTeacher();
    const res = await give(classroom.id, student.id, await cookieFor(other.id));
    expect(res.status).toBe(404);
    expect(await prisma.setupCode.count({ where: { userId: student.id } })).toBe(0);
  });

  it("a student outside the class, or removed from it, or a teacher's own id, is not found (404)", async () => {
    const { teacher, classroom, student, teacherCookie } = await classWithStudent();
    const outsider = await createStudent();
    // In another class of the same teacher: still not in this one.
    const otherClass = await createClassroom(teacher.id, "Chemistry");
    await enroll(otherClass.id, outsider.id);
    expect((await give(classroom.id, outsider.id, teacherCookie)).status).toBe(404);
    await prisma.enrollment.updateMany({ where: { classroomId: classroom.id, studentId: student.id }, data: { removedAt: new Date() } });
    expect((await give(classroom.id, student.id, teacherCookie)).status).toBe(404);
    expect((await give(classroom.id, teacher.id, teacherCookie)).status).toBe(404);
    expect((await give(classroom.id, "", teacherCookie)).status).toBe(404);
    expect(await prisma.setupCode.count({ where: { userId: { in: [outsider.id, student.id, teacher.id] } } })).toBe(0);
  });

  it("a student cannot give one (403)", async () => {
    const { classroom, student } = await classWithStudent();
    expect((await give(classroom.id, student.id, await cookieFor(student.id))).status).toBe(403);
  });

  it("a new code replaces the old one", async () => {
    const { classroom, student, teacherCookie } = await classWithStudent();
    const first = (await give(classroom.id, student.id, teacherCookie)).data.setupCode.code;
    const second = (await give(classroom.id, student.id, teacherCookie)).data.setupCode.code;
    expect(await prisma.setupCode.count({ where: { userId: student.id } })).toBe(1);
    const old = await redeem({ email: student.email, code: first });
    expect(old.status).toBe(400);
    expect((await redeem({ email: student.email, code: second })).status).toBe(302);
  });
});

describe("using a set-up code", () => {
  it("with the right code: sets the password, ends every session of the student and signs them in", async () => {
    const { classroom, student, teacherCookie } = await classWithStudent();
    const oldSession = await cookieFor(student.id);
    const { code } = (await give(classroom.id, student.id, teacherCookie)).data.setupCode;
    // Case, spaces and the dash do not matter.
    const res = await redeem({ email: student.email.toUpperCase(), code: ` ${code.toLowerCase().replace("-", " ")} ` });
    expect(res.status).toBe(302);
    expect(res.location).toBe("/learn");
    const fresh = (res.headers.get("Set-Cookie") ?? "").split(";")[0];
    expect((await call(learnLoader, get("/learn", fresh))).status).toBe(200);
    expect((await call(learnLoader, get("/learn", oldSession))).status).toBe(302);
    expect(await prisma.session.count({ where: { userId: student.id } })).toBe(1);
    expect(await prisma.setupCode.count({ where: { userId: student.id } })).toBe(0);
    expect((await call(loginAction, post("/login", { email: student.email, password: TEST_PASSWORD }))).status).toBe(400);
    expect((await call(loginAction, post("/login", { email: student.email, password: NEW_PASSWORD }))).status).toBe(302);
  });

  it("works once: the same code again is refused", async () => {
    const { classroom, student, teacherCookie } = await classWithStudent();
    const { code } = (await give(classroom.id, student.id, teacherCookie)).data.setupCode;
    expect((await redeem({ email: student.email, code })).status).toBe(302);
    const again = await redeem({ email: student.email, code, newPassword: "someone else's pw", confirmPassword: "someone else's pw" });
    expect(again.status).toBe(400);
    expect(again.data.error[""][0]).toMatch(/don't match/);
    expect((await call(loginAction, post("/login", { email: student.email, password: NEW_PASSWORD }))).status).toBe(302);
  });

  it("used twice at the same moment, only one use wins", async () => {
    const { classroom, student, teacherCookie } = await classWithStudent();
    const { code } = (await give(classroom.id, student.id, teacherCookie)).data.setupCode;
    const results = await Promise.all([redeem({ email: student.email, code }), redeem({ email: student.email, code, newPassword: "the other one!", confirmPassword: "the other one!" })]);
    expect(results.map((r) => r.status).sort()).toEqual([302, 400]);
  });

  it("a wrong code, an unknown email and an account without a code get the same answer after the same work, and the password is kept", async () => {
    const { classroom, student, teacherCookie } = await classWithStudent();
    const { code } = (await give(classroom.id, student.id, teacherCookie)).data.setupCode;
    const noCode = await createStudent();
    const verify = vi.spyOn(passwords, "verifyPassword");
    const wrong = await redeem({ email: student.email, code: code === "AAAA-AAAA" ? "CCCC-CCCC" : "AAAA-AAAA" });
    const unknown = await redeem({ email: "nobody@example.test", code });
    const without = await redeem({ email: noCode.email, code });
    for (const res of [wrong, unknown, without]) {
      expect(res.status).toBe(400);
      expect(res.data.error).toEqual(wrong.data.error);
      // What was typed stays, but the passwords.
      expect(res.data.initialValue.code).toBeTruthy();
      expect(res.data.initialValue.newPassword).toBeUndefined();
    }
    expect(verify).toHaveBeenCalledTimes(3);
    expect((await call(loginAction, post("/login", { email: student.email, password: TEST_PASSWORD }))).status).toBe(302);
  });

  it("an expired code is refused with a message that says to ask for a new one", async () => {
    const { student } = await classWithStudent();
    const { code } = await issueSetupCode(student.id, new Date(Date.now() - 73 * 3_600_000));
    const res = await redeem({ email: student.email, code });
    expect(res.status).toBe(400);
    expect(res.data.error[""][0]).toMatch(/has run out \(a code lasts 3 days\)\. Ask your teacher for a new one/);
    expect((await call(loginAction, post("/login", { email: student.email, password: TEST_PASSWORD }))).status).toBe(302);
  });

  it("re-shows the form with messages when the new passwords don't match or are too short", async () => {
    const mismatch = await redeem({ email: "amara@example.test", code: "AAAA-AAAA", confirmPassword: "something else" });
    expect(mismatch.status).toBe(400);
    expect(mismatch.data.error.confirmPassword[0]).toMatch(/don't match/);
    const short = await redeem({ email: "amara@example.test", code: "AAAA-AAAA", newPassword: "short", confirmPassword: "short" });
    expect(short.data.error.newPassword[0]).toMatch(/at least 10 characters/);
    const empty = await redeem({ email: "", code: "" });
    expect(empty.data.error.email).toBeTruthy();
    expect(empty.data.error.code[0]).toMatch(/set-up code your teacher gave you/);
  });

  it("is rate-limited per account: after too many wrong codes even the right one waits (429, Retry-After)", async () => {
    process.env.RATE_LIMIT_SETUP_CODE_ACCOUNT = "3/900";
    const { classroom, student, teacherCookie } = await classWithStudent();
    const { code } = (await give(classroom.id, student.id, teacherCookie)).data.setupCode;
    for (let i = 0; i < 3; i++) expect((await redeem({ email: student.email, code: `WRNG-CD${i}` }, `10.5.5.${i}`)).status).toBe(400);
    const verify = vi.spyOn(passwords, "verifyPassword");
    const locked = await redeem({ email: student.email, code }, "10.5.5.9");
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(locked.data.error[""][0]).toMatch(/Too many tries with a set-up code/);
    expect(verify).not.toHaveBeenCalled();
  });

  it("is rate-limited per address, separately and more generously", async () => {
    process.env.RATE_LIMIT_SETUP_CODE_ADDRESS = "4/900";
    for (let i = 0; i < 4; i++) await redeem({ email: `kid${i}@example.test`, code: "AAAA-AAAA" }, "10.6.6.6");
    expect((await redeem({ email: "kid9@example.test", code: "AAAA-AAAA" }, "10.6.6.6")).status).toBe(429);
    expect((await redeem({ email: "kid9@example.test", code: "AAAA-AAAA" }, "10.6.6.7")).status).toBe(400);
  });

  it("a fresh start: earlier failed logins no longer lock the account", async () => {
    process.env.RATE_LIMIT_LOGIN_ACCOUNT = "2/900";
    const { classroom, student, teacherCookie } = await classWithStudent();
    for (let i = 0; i < 2; i++) await call(loginAction, post("/login", { email: student.email, password: `forgot ${i}` }));
    expect((await call(loginAction, post("/login", { email: student.email, password: TEST_PASSWORD }))).status).toBe(429);
    const { code } = (await give(classroom.id, student.id, teacherCookie)).data.setupCode;
    expect((await redeem({ email: student.email, code })).status).toBe(302);
    expect((await call(loginAction, post("/login", { email: student.email, password: NEW_PASSWORD }))).status).toBe(302);
  });

  it("the page is for people who are not signed in", async () => {
    const student = await createStudent();
    expect((await call(setupLoader, get("/setup-code", await cookieFor(student.id)))).location).toBe("/learn");
    expect((await call(setupLoader, get("/setup-code"))).status).toBe(200);
  });
});
