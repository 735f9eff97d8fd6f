// Issue 8, item 11: a teacher who removes a student can block them from
// rejoining; the block holds against every way in (one enrolment function)
// until the teacher allows them back. Removal keeps the work, as before.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { JOIN_REFUSED, enrollStudent } from "~/models/classroom.server";
import { action as learnAction, loader as learnLoader } from "~/routes/learn._index";
import { action as classAction, loader as classLoader } from "~/routes/teach.classes.$classId";
import { action as studentAction, loader as studentLoader } from "~/routes/teach.classes.$classId_.students.$studentId";
import { createClassWithProject, createClassroom, createStudent, createTeacher } from "../support/factories";
import { call, cookieFor, get, post } from "../support/routes";

async function setUp() {
  const ctx = await createClassWithProject();
  const enrollment = await prisma.enrollment.findUniqueOrThrow({ where: { classroomId_studentId: { classroomId: ctx.classroom.id, studentId: ctx.student.id } } });
  await prisma.attempt.create({
    data: { studentId: ctx.student.id, checkpointId: ctx.checkpoints[0].id, checkpointVersionId: ctx.checkpoints[0].versions[0].id, number: 1, answer: '["b"]', outcome: "NOT_YET" },
  });
  return { ...ctx, enrollment, teacherCookie: await cookieFor(ctx.teacher.id), studentCookie: await cookieFor(ctx.student.id) };
}

const join = (code: string, cookie: string) => call(learnAction, post("/learn", { code }, cookie));
const classUrl = (id: string) => `/teach/classes/${id}`;

describe("removing a student and blocking their return", () => {
  it("refuses a blocked student's rejoin with the join code, plainly, and keeps them out", async () => {
    const w = await setUp();
    const removed = await call(classAction, post(classUrl(w.classroom.id), { intent: "remove-student", enrollmentId: w.enrollment.id, block: "on" }, w.teacherCookie), { classId: w.classroom.id });
    expect(removed.status).toBe(200);
    expect(removed.data.message).toMatch(/blocked from rejoining/);

    const res = await join(w.classroom.joinCode, w.studentCookie);
    expect(res.status).toBe(403);
    expect(res.data.reply.error.code).toEqual([JOIN_REFUSED]);
    expect(JOIN_REFUSED).toBe("You can't join this class right now. Ask your teacher.");
    expect(JSON.stringify(res.data)).not.toContain(w.classroom.name);
    const home = await call(learnLoader, get("/learn", w.studentCookie));
    expect(home.data.classrooms).toEqual([]);
    expect(await prisma.enrollment.findUniqueOrThrow({ where: { id: w.enrollment.id } })).toMatchObject({ removedAt: expect.any(Date), blockedAt: expect.any(Date) });
    // The work stays.
    expect(await prisma.attempt.count({ where: { studentId: w.student.id } })).toBe(1);
  });

  it("lets a removed student who is not blocked rejoin with their earlier work", async () => {
    const w = await setUp();
    await call(classAction, post(classUrl(w.classroom.id), { intent: "remove-student", enrollmentId: w.enrollment.id }, w.teacherCookie), { classId: w.classroom.id });
    const res = await join(w.classroom.joinCode, w.studentCookie);
    expect(res.status).toBe(200);
    expect(res.data.notice).toBe(`Welcome to ${w.classroom.name}!`);
    expect(await prisma.enrollment.findUniqueOrThrow({ where: { id: w.enrollment.id } })).toMatchObject({ removedAt: null, blockedAt: null });
  });

  it("lists removed students with their block, and “Allow back” lets them rejoin", async () => {
    const w = await setUp();
    await call(classAction, post(classUrl(w.classroom.id), { intent: "remove-student", enrollmentId: w.enrollment.id, block: "on" }, w.teacherCookie), { classId: w.classroom.id });
    const page = await call(classLoader, get(classUrl(w.classroom.id), w.teacherCookie), { classId: w.classroom.id });
    expect(page.data.classroom.enrollments.map((e: { student: { id: string } }) => e.student.id)).toEqual([w.otherStudent.id]);
    expect(page.data.removed).toEqual([expect.objectContaining({ id: w.enrollment.id, blocked: true, student: expect.objectContaining({ name: w.student.name }) })]);

    const allowed = await call(classAction, post(classUrl(w.classroom.id), { intent: "allow-back", enrollmentId: w.enrollment.id }, w.teacherCookie), { classId: w.classroom.id });
    expect(allowed.status).toBe(200);
    expect(allowed.data.message).toMatch(/Allowed back/);
    const res = await join(w.classroom.joinCode, w.studentCookie);
    expect(res.status).toBe(200);
    const home = await call(learnLoader, get("/learn", w.studentCookie));
    expect(home.data.classrooms.map((c: { id: string }) => c.id)).toEqual([w.classroom.id]);
  });

  it("blocks a student who was removed earlier, from the class page or the student's page", async () => {
    const w = await setUp();
    await call(classAction, post(classUrl(w.classroom.id), { intent: "remove-student", enrollmentId: w.enrollment.id }, w.teacherCookie), { classId: w.classroom.id });
    const blocked = await call(classAction, post(classUrl(w.classroom.id), { intent: "block-rejoin", enrollmentId: w.enrollment.id }, w.teacherCookie), { classId: w.classroom.id });
    expect(blocked.status).toBe(200);
    expect((await join(w.classroom.joinCode, w.studentCookie)).status).toBe(403);

    const params = { classId: w.classroom.id, studentId: w.student.id };
    const url = `${classUrl(w.classroom.id)}/students/${w.student.id}`;
    expect((await call(studentLoader, get(url, w.teacherCookie), params)).data.place).toMatchObject({ blocked: true });
    expect((await call(studentAction, post(url, { intent: "allow-back" }, w.teacherCookie), params)).status).toBe(200);
    expect((await call(studentAction, post(url, { intent: "block-rejoin" }, w.teacherCookie), params)).status).toBe(200);
    expect((await join(w.classroom.joinCode, w.studentCookie)).status).toBe(403);
  });

  it("removes and blocks in one step from the student's page", async () => {
    const w = await setUp();
    const params = { classId: w.classroom.id, studentId: w.student.id };
    const res = await call(studentAction, post(`${classUrl(w.classroom.id)}/students/${w.student.id}`, { intent: "remove-student", block: "on" }, w.teacherCookie), params);
    expect(res.status).toBe(200);
    expect((await join(w.classroom.joinCode, w.studentCookie)).status).toBe(403);
  });

  it("holds against the enrolment function itself, which every way in must call", async () => {
    const w = await setUp();
    await call(classAction, post(classUrl(w.classroom.id), { intent: "remove-student", enrollmentId: w.enrollment.id, block: "on" }, w.teacherCookie), { classId: w.classroom.id });
    expect(await enrollStudent(w.classroom.id, w.student.id)).toEqual({ status: "refused" });
    // Others still join, and an active student is told they are in already.
    const newcomer = await createStudent();
    expect(await enrollStudent(w.classroom.id, newcomer.id)).toMatchObject({ status: "joined" });
    expect(await enrollStudent(w.classroom.id, newcomer.id)).toMatchObject({ status: "already" });
  });

  it("does not let another teacher block, allow back or remove", async () => {
    const w = await setUp();
    const other = await createTeacher();
    const cookie = await cookieFor(other.id);
    for (const intent of ["remove-student", "block-rejoin", "allow-back"]) {
      const res = await call(classAction, post(classUrl(w.classroom.id), { intent, enrollmentId: w.enrollment.id, block: "on" }, cookie), { classId: w.classroom.id });
      expect(res.status).toBe(404);
    }
    // Nor through their own class with this enrolment's id.
    const theirs = await createClassroom(other.id);
    const res = await call(classAction, post(classUrl(theirs.id), { intent: "remove-student", enrollmentId: w.enrollment.id, block: "on" }, cookie), { classId: theirs.id });
    expect(res.status).toBe(400);
    expect(await prisma.enrollment.findUniqueOrThrow({ where: { id: w.enrollment.id } })).toMatchObject({ removedAt: null, blockedAt: null });
  });

  it("answers a stale “Allow back” (the student is not blocked) with a message, not an error", async () => {
    const w = await setUp();
    const res = await call(classAction, post(classUrl(w.classroom.id), { intent: "allow-back", enrollmentId: w.enrollment.id }, w.teacherCookie), { classId: w.classroom.id });
    expect(res.status).toBe(400);
    expect(res.data.message).toMatch(/has changed/);
  });

  it("refuses joining an archived class as if the code did not exist", async () => {
    const teacher = await createTeacher();
    const classroom = await createClassroom(teacher.id);
    await prisma.classroom.update({ where: { id: classroom.id }, data: { archivedAt: new Date(), teachers: { deleteMany: {} } } });
    const student = await createStudent();
    const res = await join(classroom.joinCode, await cookieFor(student.id));
    expect(res.status).toBe(400);
    expect(res.data.reply.error.code[0]).toMatch(/couldn't find a class/);
    expect(await enrollStudent(classroom.id, student.id)).toEqual({ status: "refused" });
  });
});

describe("one way in", () => {
  it("no module but the classroom model creates or reactivates an enrolment", () => {
    const root = path.resolve(import.meta.dirname, "../../app");
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) {
          if (entry.name !== "generated") walk(full);
          continue;
        }
        if (!/\.tsx?$/.test(entry.name) || /\.test\.tsx?$/.test(entry.name) || full.endsWith(path.join("models", "classroom.server.ts"))) continue;
        const text = fs.readFileSync(full, "utf8");
        if (/enrollment\.(create|createMany|upsert)\b/.test(text) || /enrollment\.update(Many)?\([^;]*removedAt:\s*null/s.test(text)) offenders.push(path.relative(root, full));
      }
    };
    walk(root);
    expect(offenders, "enrol students through enrollStudent() in app/models/classroom.server.ts, so a teacher's block holds").toEqual([]);
  });

  it("the check finds a direct enrolment write (so the test above can fail)", () => {
    const sample = "await prisma.enrollment.update({ where: { id }, data: { removedAt: null } });";
    expect(/enrollment\.update(Many)?\([^;]*removedAt:\s*null/s.test(sample)).toBe(true);
  });
});

