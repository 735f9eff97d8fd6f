// Requests at the same moment, on whichever engine the suite runs on (SQLite
// by default, PostgreSQL with `npm run test:postgres`, decision 011). On
// PostgreSQL nothing serialises writers the way SQLite's single writer does,
// so these hold only because the code takes the locks and keeps the unique
// constraints that make them hold: attempt numbers without gaps or clashes,
// one attempt per idempotency key, attempt caps, unique names and accounts,
// and rate-limit counters that count every try.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { action as checkpointAction } from "~/routes/learn.projects.$projectId.checkpoints.$checkpointId";
import { action as learnAction } from "~/routes/learn._index";
import { action as loginAction } from "~/routes/login";
import { action as misconceptionsAction } from "~/routes/teach.projects.$projectId.misconceptions._index";
import { action as signupAction } from "~/routes/signup";
import { action as timelineAction } from "~/routes/teach.projects.$projectId.students.$studentId";
import { createClassWithProject, createClassroom, createProject, createStudent, createTeacher, enroll } from "../support/factories";
import { call, cookieFor, post } from "../support/routes";

const AT_ONCE = 20;

function attemptOn(projectId: string, checkpointId: string) {
  const path = `/learn/projects/${projectId}/checkpoints/${checkpointId}`;
  return (cookie: string, fields: Record<string, string>) =>
    call(checkpointAction, post(path, { intent: "attempt", submissionKey: randomUUID(), ...fields }, cookie), { projectId, checkpointId });
}

const numbersOf = async (studentId: string, checkpointId: string) =>
  (await prisma.attempt.findMany({ where: { studentId, checkpointId }, orderBy: { number: "asc" }, select: { number: true } })).map((a) => a.number);

describe("attempts sent at the same moment", () => {
  it(`numbers ${AT_ONCE} attempts from one student 1..${AT_ONCE}, every one stored, none refused`, async () => {
    const { project, checkpoints, student } = await createClassWithProject();
    const cookie = await cookieFor(student.id);
    const attempt = attemptOn(project.id, checkpoints[0].id);
    const results = await Promise.all(Array.from({ length: AT_ONCE }, (_, i) => attempt(cookie, { optionIds: i % 2 ? "b" : "c" })));
    expect(results.map((r) => r.status)).toEqual(Array(AT_ONCE).fill(302));
    expect(await numbersOf(student.id, checkpoints[0].id)).toEqual(Array.from({ length: AT_ONCE }, (_, i) => i + 1));
    // Each wrong "b" is tagged with its misconception once.
    expect(await prisma.attemptMisconception.count({ where: { attempt: { studentId: student.id } } })).toBe(AT_ONCE / 2);
  });

  it("numbers each student's attempts on their own when a class answers at once", async () => {
    const { project, checkpoints, classroom, student, otherStudent } = await createClassWithProject();
    const more = await Promise.all([createStudent(), createStudent()]);
    for (const s of more) await enroll(classroom.id, s.id);
    const students = [student, otherStudent, ...more];
    const cookies = await Promise.all(students.map((s) => cookieFor(s.id)));
    const attempt = attemptOn(project.id, checkpoints[1].id);
    const results = await Promise.all(cookies.flatMap((cookie) => Array.from({ length: 4 }, (_, i) => attempt(cookie, { numericAnswer: String(i) }))));
    expect(results.map((r) => r.status)).toEqual(Array(16).fill(302));
    for (const s of students) expect(await numbersOf(s.id, checkpoints[1].id)).toEqual([1, 2, 3, 4]);
  });

  it("stores one attempt for one idempotency key sent many times at once, and sends every request to it", async () => {
    const { project, checkpoints, student } = await createClassWithProject();
    const cookie = await cookieFor(student.id);
    const attempt = attemptOn(project.id, checkpoints[0].id);
    const submissionKey = randomUUID();
    const results = await Promise.all(Array.from({ length: AT_ONCE }, () => attempt(cookie, { optionIds: "b", submissionKey })));
    expect(results.map((r) => r.status)).toEqual(Array(AT_ONCE).fill(302));
    expect(new Set(results.map((r) => r.location)).size).toBe(1);
    expect(await numbersOf(student.id, checkpoints[0].id)).toEqual([1]);
  });

  it("keeps the attempt cap: of many attempts at once, only the allowed number is stored; the rest get the kind message", async () => {
    const { classroom, student } = await createClassWithProject();
    const { project, checkpoints } = await createProject(classroom.id, { title: "Capped", maxAttempts: 3 });
    const cookie = await cookieFor(student.id);
    const attempt = attemptOn(project.id, checkpoints[0].id);
    const results = await Promise.all(Array.from({ length: AT_ONCE }, () => attempt(cookie, { optionIds: "c" })));
    expect(results.filter((r) => r.status === 302)).toHaveLength(3);
    const refused = results.filter((r) => r.status !== 302);
    expect(refused).toHaveLength(AT_ONCE - 3);
    for (const r of refused) {
      expect(r.status).toBe(400);
      expect(r.data.reply.error[""][0]).toMatch(/used all 3 attempts/);
    }
    expect(await numbersOf(student.id, checkpoints[0].id)).toEqual([1, 2, 3]);
  });
});

describe("names and accounts taken at the same moment", () => {
  it("creates one misconception when the same name arrives several times at once, in any case and spacing", async () => {
    const { project, teacher } = await createClassWithProject();
    const cookie = await cookieFor(teacher.id);
    const names = ["Heavier falls faster", "heavier falls faster", " HEAVIER FALLS FASTER ", "Heavier Falls Faster", "heavier falls faster"];
    const results = await Promise.all(
      names.map((name) => call(misconceptionsAction, post(`/teach/projects/${project.id}/misconceptions`, { intent: "create", name }, cookie), { projectId: project.id })),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    for (const r of results.filter((r) => r.status !== 200)) {
      expect(r.status).toBe(400);
      expect(JSON.stringify(r.data)).toContain("already has a misconception with that name");
    }
    const stored = await prisma.misconception.findMany({ where: { projectId: project.id }, select: { name: true } });
    expect(stored.filter((m) => m.name.trim().toLowerCase() === "heavier falls faster")).toHaveLength(1);
  });

  it("makes one account for one email signed up several times at once, and tells the others it is taken", async () => {
    const email = `twice-${randomUUID().slice(0, 8)}@example.test`;
    const results = await Promise.all(
      Array.from({ length: 4 }, (_, i) => call(signupAction, post("/signup", { name: `Sam ${i}`, email: i % 2 ? email.toUpperCase() : email, password: "a long enough password", role: "STUDENT" }))),
    );
    expect(results.filter((r) => r.status === 302)).toHaveLength(1);
    for (const r of results.filter((r) => r.status !== 302)) expect(JSON.stringify(r.data)).toContain("An account with this email already exists");
    expect(await prisma.user.count({ where: { email } })).toBe(1);
  });

  it("enrols a student once when the join code is sent several times at once", async () => {
    const teacher = await createTeacher();
    const classroom = await createClassroom(teacher.id, "Chemistry 10A");
    const student = await createStudent();
    const cookie = await cookieFor(student.id);
    const results = await Promise.all(Array.from({ length: 6 }, () => call(learnAction, post("/learn", { intent: "join", code: classroom.joinCode }, cookie))));
    expect(results.map((r) => r.status)).toEqual(Array(6).fill(200));
    expect(results.filter((r) => r.data.notice === "Welcome to Chemistry 10A!")).toHaveLength(1);
    expect(await prisma.enrollment.count({ where: { classroomId: classroom.id, studentId: student.id } })).toBe(1);
  });

  it("numbers a comment's versions without a clash when the teacher saves it from several tabs at once", async () => {
    const { project, teacher, student, checkpoints } = await createClassWithProject();
    const cookie = await cookieFor(teacher.id);
    const path = `/teach/projects/${project.id}/students/${student.id}`;
    const params = { projectId: project.id, studentId: student.id };
    const attempt = await prisma.attempt.create({ data: { studentId: student.id, checkpointId: checkpoints[0].id, checkpointVersionId: checkpoints[0].versions[0].id, number: 1, answer: '["b"]', outcome: "NOT_YET" } });
    await call(timelineAction, post(path, { intent: "add-comment", target: "attempt", targetId: attempt.id, body: "First thought." }, cookie), params);
    const comment = await prisma.teacherComment.findFirstOrThrow({ where: { attemptId: attempt.id } });
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => call(timelineAction, post(path, { intent: "edit-comment", commentId: comment.id, body: `Edit ${i}` }, cookie), params)),
    );
    expect(results.every((r) => r.status < 400)).toBe(true);
    const versions = await prisma.teacherCommentVersion.findMany({ where: { commentId: comment.id }, orderBy: { version: "asc" }, select: { version: true } });
    expect(versions.map((v) => v.version)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });
});

describe("rate limits at the same moment", () => {
  it("counts every one of many failed logins to one account sent at once", async () => {
    const student = await createStudent();
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        call((args: { context: object }) => loginAction({ ...(args as object), context: { clientAddress: `10.2.0.${i}` } } as never), post("/login", { email: student.email, password: `wrong ${i}` })),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(8).fill(400));
    const counter = await prisma.rateLimit.findUnique({ where: { key: `LOGIN_ACCOUNT:${student.email}` } });
    expect(counter?.points).toBe(8);
  });
});
