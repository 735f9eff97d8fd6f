import { describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { action as loginAction } from "~/routes/login";
import { action as signupAction } from "~/routes/signup";
import { action as classAction, loader as classLoader } from "~/routes/teach.classes.$classId";
import { action as teachAction, loader as teachLoader } from "~/routes/teach._index";
import { action as learnAction, loader as learnLoader } from "~/routes/learn._index";
import { TEST_PASSWORD, createClassroom, createStudent, createTeacher, enroll } from "../support/factories";
import { call, cookieFor, get, post } from "../support/routes";

describe("sign up and log in", () => {
  it("creates an account with an argon2id hash and a session cookie that is httpOnly and SameSite=Lax", async () => {
    const res = await call(signupAction, post("/signup", { name: "Ada", email: "Ada@Example.test", password: "long enough pw", role: "TEACHER" }));
    expect(res.status).toBe(302);
    expect(res.location).toBe("/teach");
    const cookie = res.headers.get("Set-Cookie") ?? "";
    expect(cookie).toMatch(/rebound_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const user = await prisma.user.findUniqueOrThrow({ where: { email: "ada@example.test" } });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it("re-shows the form with messages and kept values on bad input", async () => {
    const res = await call(signupAction, post("/signup", { name: "", email: "not-an-email", password: "short", role: "STUDENT" }));
    expect(res.status).toBe(400);
    expect(res.data.error.name).toBeTruthy();
    expect(res.data.error.email[0]).toMatch(/email address/);
    expect(res.data.error.password[0]).toMatch(/10 characters/);
    expect(res.data.initialValue.email).toBe("not-an-email");
    expect(res.data.initialValue.password).toBeUndefined();
  });

  it("refuses a duplicate email with a clear message", async () => {
    const teacher = await createTeacher();
    const res = await call(signupAction, post("/signup", { name: "X", email: teacher.email, password: "long enough pw", role: "STUDENT" }));
    expect(res.status).toBe(400);
    expect(res.data.error.email[0]).toMatch(/already exists/);
  });

  it("gives the same answer for an unknown email and a wrong password", async () => {
    const student = await createStudent();
    const wrong = await call(loginAction, post("/login", { email: student.email, password: "wrong password" }));
    const unknown = await call(loginAction, post("/login", { email: "nobody@example.test", password: "wrong password" }));
    expect(wrong.status).toBe(400);
    expect(unknown.status).toBe(400);
    expect(wrong.data.error).toEqual(unknown.data.error);
    const ok = await call(loginAction, post("/login", { email: student.email, password: TEST_PASSWORD, redirectTo: "//evil.example" }));
    expect(ok.status).toBe(302);
    expect(ok.location).toBe("/learn");
  });
});

describe("classes", () => {
  it("lets a teacher create a class with an unambiguous join code, and a student join with it", async () => {
    const teacher = await createTeacher();
    const tCookie = await cookieFor(teacher.id);
    const created = await call(teachAction, post("/teach", { name: "Physics 9B" }, tCookie));
    expect(created.status).toBe(302);
    const classroom = await prisma.classroom.findFirstOrThrow({ where: { teachers: { some: { teacherId: teacher.id } } } });
    expect(classroom.joinCode).toMatch(/^[ACDEFGHJKMNPQRTUVWXY34679]{6}$/);

    const student = await createStudent();
    const sCookie = await cookieFor(student.id);
    const joined = await call(learnAction, post("/learn", { code: ` ${classroom.joinCode.toLowerCase()} ` }, sCookie));
    expect(joined.status).toBe(200);
    expect(joined.data.notice).toBe("Welcome to Physics 9B!");
    const home = await call(learnLoader, get("/learn", sCookie));
    expect(home.data.classrooms.map((c: { name: string }) => c.name)).toEqual(["Physics 9B"]);
  });

  it("answers a wrong join code with a message, not an error", async () => {
    const student = await createStudent();
    const res = await call(learnAction, post("/learn", { code: "ZZZZZZ" }, await cookieFor(student.id)));
    expect(res.status).toBe(400);
    expect(res.data.reply.error.code[0]).toMatch(/couldn't find a class/);
  });

  it("regenerates the join code so the old one stops working", async () => {
    const teacher = await createTeacher();
    const classroom = await createClassroom(teacher.id);
    const res = await call(classAction, post(`/teach/classes/${classroom.id}`, { intent: "regenerate-code" }, await cookieFor(teacher.id)), { classId: classroom.id });
    expect(res.status).toBe(200);
    const after = await prisma.classroom.findUniqueOrThrow({ where: { id: classroom.id } });
    expect(after.joinCode).not.toBe(classroom.joinCode);
  });

  it("removes a student from the roster but keeps the enrolment record", async () => {
    const teacher = await createTeacher();
    const classroom = await createClassroom(teacher.id);
    const student = await createStudent();
    const enrollment = await enroll(classroom.id, student.id);
    const cookie = await cookieFor(teacher.id);
    await call(classAction, post(`/teach/classes/${classroom.id}`, { intent: "remove-student", enrollmentId: enrollment.id }, cookie), { classId: classroom.id });
    const page = await call(classLoader, get(`/teach/classes/${classroom.id}`, cookie), { classId: classroom.id });
    expect(page.data.classroom.enrollments).toHaveLength(0);
    expect(await prisma.enrollment.findUnique({ where: { id: enrollment.id } })).toMatchObject({ removedAt: expect.any(Date) });
  });
});

describe("who may see what", () => {
  it("redirects anonymous visitors to log in", async () => {
    const res = await call(teachLoader, get("/teach"));
    expect(res.status).toBe(302);
    expect(res.location).toBe("/login?redirectTo=%2Fteach");
  });

  it("keeps students out of teacher pages and teachers out of student pages", async () => {
    const student = await createStudent();
    const teacher = await createTeacher();
    expect((await call(teachLoader, get("/teach", await cookieFor(student.id)))).status).toBe(403);
    expect((await call(learnLoader, get("/learn", await cookieFor(teacher.id)))).status).toBe(403);
  });

  it("does not show one teacher's class to another teacher, nor let them change it", async () => {
    const owner = await createTeacher();
    const other = await createTeacher();
    const classroom = await createClassroom(owner.id);
    const cookie = await cookieFor(other.id);
    expect((await call(classLoader, get(`/teach/classes/${classroom.id}`, cookie), { classId: classroom.id })).status).toBe(404);
    const res = await call(classAction, post(`/teach/classes/${classroom.id}`, { intent: "regenerate-code" }, cookie), { classId: classroom.id });
    expect(res.status).toBe(404);
    expect((await prisma.classroom.findUniqueOrThrow({ where: { id: classroom.id } })).joinCode).toBe(classroom.joinCode);
  });
});

describe("hand-made form control fields", () => {
  it("are ignored instead of crashing the action", async () => {
    const teacher = await createTeacher();
    const cookie = await cookieFor(teacher.id);
    const ok = await call(teachAction, post("/teach", { name: "Physics", __intent__: "garbage" }, cookie));
    expect(ok.status).toBe(302);
    const bad = await call(teachAction, post("/teach", { name: "", __state__: "{not json" }, cookie));
    expect(bad.status).toBe(400);
    expect(bad.data.reply.error.name[0]).toMatch(/Give the class a name/);
    const login = await call(loginAction, post("/login", { email: "x@example.test", password: "pw", __intent__: "{" }));
    expect(login.status).toBe(400);
  });
});

describe("after logging in or signing up, only same-site paths are followed (issue 8, defect 1)", () => {
  // What a browser does with a Location: it drops tabs and newlines and reads "\" as "/".
  const browserTarget = (location: string) => new URL(location.replace(/[\t\n\r]/g, "").replace(/\\/g, "/"), "http://rebound.test");
  const attacks = ["/\t/evil.example", "/\n/evil.example", "/\r/evil.example", "/\\evil.example", "/\t\\evil.example", "//evil.example", "/ /evil.example".replace(" ", "\t"), "https://evil.example", "/%09/evil.example".replace("%09", "\t"), "/\u0000/x", "javascript:alert(1)"];

  it("sends every other target to the role's home, never off the site and never a 500", async () => {
    const student = await createStudent();
    for (const redirectTo of attacks) {
      const res = await call(loginAction, post("/login", { email: student.email, password: TEST_PASSWORD, redirectTo }));
      expect(res.status, JSON.stringify(redirectTo)).toBe(302);
      expect(browserTarget(res.location!).origin, JSON.stringify(redirectTo)).toBe("http://rebound.test");
      expect(res.location).toBe("/learn");
    }
    const signup = await call(
      signupAction,
      post("/signup", { name: "Redirected", email: "redirected@example.test", password: "long enough pw", role: "TEACHER", redirectTo: "/\t/evil.example" }),
    );
    expect(signup.status).toBe(302);
    expect(signup.location).toBe("/teach");
  });

  it("keeps a same-site path with its query and fragment", async () => {
    const student = await createStudent();
    const res = await call(loginAction, post("/login", { email: student.email, password: TEST_PASSWORD, redirectTo: "/learn/projects/abc?attempt=1#feedback" }));
    expect(res.location).toBe("/learn/projects/abc?attempt=1#feedback");
  });
});

describe("a unique-constraint race is answered like the ordinary duplicate (issue 8, defect 8)", () => {
  it("five concurrent sign-ups with one email: one account, four messages, no 500", async () => {
    const body = { name: "Racer", email: "racer@example.test", password: "long enough pw", role: "STUDENT" };
    const results = await Promise.all(Array.from({ length: 5 }, () => call(signupAction, post("/signup", body))));
    expect(results.map((r) => r.status).sort()).toEqual([302, 400, 400, 400, 400]);
    for (const r of results.filter((x) => x.status === 400)) expect(JSON.stringify(r.data)).toContain("An account with this email already exists");
    expect(await prisma.user.count({ where: { email: "racer@example.test" } })).toBe(1);
  });
});

describe("more unique-constraint races (issue 8, defect 8)", () => {
  it("the same join code sent five times at once enrols the student once, with no 500", async () => {
    const teacher = await createTeacher();
    const classroom = await createClassroom(teacher.id);
    const student = await createStudent();
    const cookie = await cookieFor(student.id);
    const results = await Promise.all(Array.from({ length: 5 }, () => call(learnAction, post("/learn", { code: classroom.joinCode }, cookie))));
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(await prisma.enrollment.count({ where: { classroomId: classroom.id, studentId: student.id } })).toBe(1);
  });

  it("a password longer than any Rebound allows is answered with a message, not hashed", async () => {
    const res = await call(loginAction, post("/login", { email: "long@example.test", password: "x".repeat(5000) }));
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.data)).toContain("under 200 characters");
  });
});
