// Co-teachers (decision 021, issue 11): a class can have several teachers with
// the same rights. A teacher invites a colleague with a one-time code; the
// colleague passes every guard the first teacher does; any teacher may remove
// a co-teacher or leave, but the last one cannot; deleting an account leaves
// a shared class with the teachers who remain.
import { describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { acceptCoTeacherInvite, createCoTeacherInvite, generateInviteCode } from "~/models/class-teachers.server";
import { deleteAccount, planClasses } from "~/models/privacy.server";
import { action as deleteAction, loader as deleteLoader } from "~/routes/account.delete";
import { action as homeAction, loader as homeLoader } from "~/routes/teach._index";
import { loader as classLoader } from "~/routes/teach.classes.$classId";
import { action as teachersAction, loader as teachersLoader } from "~/routes/teach.classes.$classId_.teachers";
import { loader as insightLoader } from "~/routes/teach.projects.$projectId.insight._index";
import { action as studentAction } from "~/routes/teach.projects.$projectId.students.$studentId";
import { TEST_PASSWORD, createClassWithProject, createTeacher } from "../support/factories";
import { call, cookieFor, get, post } from "../support/routes";

const teachersUrl = (id: string) => `/teach/classes/${id}/teachers`;

async function setUp() {
  const w = await createClassWithProject();
  const colleague = await createTeacher("Colleague");
  return { ...w, colleague, teacherCookie: await cookieFor(w.teacher.id), colleagueCookie: await cookieFor(colleague.id) };
}

async function invite(w: Awaited<ReturnType<typeof setUp>>) {
  const res = await call(teachersAction, post(teachersUrl(w.classroom.id), { intent: "invite" }, w.teacherCookie), { classId: w.classroom.id });
  expect(res.status).toBe(200);
  return res.data.invite.code as string;
}

const join = (code: string, cookie: string) => call(homeAction, post("/teach", { intent: "join-as-co-teacher", code }, cookie));

describe("co-teachers", () => {
  it("a colleague who enters the invitation code teaches the class with the same rights, and the code works once", async () => {
    const w = await setUp();
    // Before: the colleague finds nothing.
    expect((await call(classLoader, get(`/teach/classes/${w.classroom.id}`, w.colleagueCookie), { classId: w.classroom.id })).status).toBe(404);
    const code = await invite(w);
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    // Only its hash is kept.
    expect(JSON.stringify(await prisma.classTeacherInvite.findMany())).not.toContain(code.replace(/-/g, ""));

    // Typed loosely: lower case, spaces instead of dashes.
    const joined = await join(` ${code.toLowerCase().replace(/-/g, " ")} `, w.colleagueCookie);
    expect(joined.status).toBe(302);
    expect(joined.headers.get("Location")).toBe(`/teach/classes/${w.classroom.id}`);

    const home = await call(homeLoader, get("/teach", w.colleagueCookie));
    expect(home.data.classrooms.map((c: { id: string }) => c.id)).toEqual([w.classroom.id]);
    expect((await call(insightLoader, get(`/teach/projects/${w.project.id}/insight`, w.colleagueCookie), { projectId: w.project.id })).status).toBe(200);
    // A write through a guarded action works for them too: a comment on a student's attempt.
    const [checkpoint] = w.checkpoints;
    const attempt = await prisma.attempt.create({
      data: { studentId: w.student.id, checkpointId: checkpoint.id, checkpointVersionId: checkpoint.versions[0].id, number: 1, answer: '["b"]', outcome: "NOT_YET" },
    });
    const commented = await call(
      studentAction,
      post(`/teach/projects/${w.project.id}/students/${w.student.id}`, { intent: "add-comment", target: "attempt", targetId: attempt.id, body: "Try naming each force first." }, w.colleagueCookie),
      { projectId: w.project.id, studentId: w.student.id },
    );
    expect(commented.status).toBe(200);
    expect(await prisma.teacherComment.count({ where: { authorId: w.colleague.id, studentId: w.student.id } })).toBe(1);
    const page = await call(teachersLoader, get(teachersUrl(w.classroom.id), w.teacherCookie), { classId: w.classroom.id });
    expect(page.data.teachers.map((t: { name: string; how: string }) => [t.name, t.how])).toEqual([
      [w.teacher.name, "made the class"],
      ["Colleague", "joined with an invitation code"],
    ]);

    // Used once: a third teacher with the same code gets nothing.
    const third = await createTeacher();
    const again = await join(code, await cookieFor(third.id));
    expect(again.status).toBe(400);
    expect(again.data.reply.error.code[0]).toMatch(/couldn't find an invitation with that code/);
    expect(await prisma.classTeacher.count({ where: { classroomId: w.classroom.id } })).toBe(2);
  });

  it("a new code replaces the old; an ended code says so; a cancelled one is gone", async () => {
    const w = await setUp();
    const first = await invite(w);
    const second = await invite(w);
    expect((await join(first, w.colleagueCookie)).status).toBe(400);
    await prisma.classTeacherInvite.updateMany({ where: { classroomId: w.classroom.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const ended = await join(second, w.colleagueCookie);
    expect(ended.status).toBe(400);
    expect(ended.data.reply.error.code[0]).toMatch(/has ended/);
    const third = await invite(w);
    const cancelled = await call(teachersAction, post(teachersUrl(w.classroom.id), { intent: "cancel-invite" }, w.teacherCookie), { classId: w.classroom.id });
    expect(cancelled.data.message).toMatch(/no longer works/);
    expect((await join(third, w.colleagueCookie)).status).toBe(400);
    expect(await prisma.classTeacher.count({ where: { classroomId: w.classroom.id, teacherId: w.colleague.id } })).toBe(0);
  });

  it("wrong codes are counted per teacher: after ten, 429 with Retry-After, even for a right code", async () => {
    const w = await setUp();
    for (let i = 0; i < 10; i++) expect((await join(generateInviteCode(), w.colleagueCookie)).status).toBe(400);
    const code = await invite(w);
    const refused = await join(code, w.colleagueCookie);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(refused.data.reply.error.code[0]).toMatch(/Too many wrong invitation codes/);
    // Another teacher is not held up by the first one's mistakes.
    expect((await join(code, await cookieFor((await createTeacher()).id))).status).toBe(302);
  });

  it("a teacher removes a co-teacher, who then finds nothing; the last teacher cannot leave", async () => {
    const w = await setUp();
    expect((await join(await invite(w), w.colleagueCookie)).status).toBe(302);
    const rows = await prisma.classTeacher.findMany({ where: { classroomId: w.classroom.id }, orderBy: { addedAt: "asc" } });
    // The colleague removes the teacher who made the class: same rights.
    const removed = await call(teachersAction, post(teachersUrl(w.classroom.id), { intent: "remove-teacher", classTeacherId: rows[0].id }, w.colleagueCookie), {
      classId: w.classroom.id,
    });
    expect(removed.status).toBe(200);
    expect((await call(insightLoader, get(`/teach/projects/${w.project.id}/insight`, w.teacherCookie), { projectId: w.project.id })).status).toBe(404);
    // Now the only teacher: leaving is refused, with why.
    const leave = await call(teachersAction, post(teachersUrl(w.classroom.id), { intent: "remove-teacher", classTeacherId: rows[1].id }, w.colleagueCookie), {
      classId: w.classroom.id,
    });
    expect(leave.status).toBe(400);
    expect(leave.data.message).toMatch(/needs at least one teacher/);
    // Someone else's class's row is not found through this class.
    const other = await setUp();
    const otherRow = await prisma.classTeacher.findFirstOrThrow({ where: { classroomId: other.classroom.id } });
    const foreign = await call(teachersAction, post(teachersUrl(w.classroom.id), { intent: "remove-teacher", classTeacherId: otherRow.id }, w.colleagueCookie), {
      classId: w.classroom.id,
    });
    expect(foreign.status).toBe(400);
    expect(await prisma.classTeacher.count({ where: { classroomId: other.classroom.id } })).toBe(1);
  });

  it("a teacher who leaves goes back to their classes", async () => {
    const w = await setUp();
    expect((await join(await invite(w), w.colleagueCookie)).status).toBe(302);
    const mine = await prisma.classTeacher.findFirstOrThrow({ where: { classroomId: w.classroom.id, teacherId: w.colleague.id } });
    const left = await call(teachersAction, post(teachersUrl(w.classroom.id), { intent: "remove-teacher", classTeacherId: mine.id }, w.colleagueCookie), {
      classId: w.classroom.id,
    });
    expect(left.status).toBe(302);
    expect(left.headers.get("Location")).toBe("/teach");
  });

  it("deleting an account leaves a shared class with the teachers who remain, without asking about it", async () => {
    const w = await setUp();
    await acceptCoTeacherInvite((await createCoTeacherInvite(w.classroom.id, w.teacher.id))!.code, w.colleague.id);
    const page = await call(deleteLoader, get("/account/delete", w.teacherCookie));
    expect(page.data.classes).toEqual([]);
    const res = await call(deleteAction, post("/account/delete", { password: TEST_PASSWORD }, w.teacherCookie));
    expect(res.status).toBe(302);
    expect(await prisma.classroom.findUniqueOrThrow({ where: { id: w.classroom.id } })).toMatchObject({ archivedAt: null });
    expect((await prisma.classTeacher.findMany({ where: { classroomId: w.classroom.id } })).map((t) => t.teacherId)).toEqual([w.colleague.id]);
  });
});

describe("deleting an account never archives a class another teacher shares (issue 11)", () => {
  it("a colleague who joined after the delete page was filled in keeps the class open", async () => {
    const w = await setUp();
    // The page was filled in while the teacher taught the class alone: "archive it".
    const planned = await planClasses(w.teacher.id, [{ classroomId: w.classroom.id, choice: "archive" }]);
    expect(planned).toMatchObject({ ok: true, plan: [{ classroomId: w.classroom.id, newTeacherId: null }] });
    // Before the deletion runs, a colleague joins the class.
    await acceptCoTeacherInvite((await createCoTeacherInvite(w.classroom.id, w.teacher.id))!.code, w.colleague.id);
    await deleteAccount(w.teacher.id, planned.ok ? planned.plan : []);
    expect(await prisma.user.count({ where: { id: w.teacher.id } })).toBe(0);
    expect(await prisma.classroom.findUniqueOrThrow({ where: { id: w.classroom.id } })).toMatchObject({ archivedAt: null });
    expect((await prisma.classTeacher.findMany({ where: { classroomId: w.classroom.id } })).map((t) => t.teacherId)).toEqual([w.colleague.id]);
  });

  it("a class the teacher taught alone is archived as planned", async () => {
    const w = await setUp();
    const planned = await planClasses(w.teacher.id, [{ classroomId: w.classroom.id, choice: "archive" }]);
    await deleteAccount(w.teacher.id, planned.ok ? planned.plan : []);
    expect(await prisma.classroom.findUniqueOrThrow({ where: { id: w.classroom.id } })).toMatchObject({ archivedAt: expect.any(Date) });
  });
});

describe("an invitation ends with its maker's place in the class (review finding)", () => {
  it("a removed co-teacher cannot come back with a code they made", async () => {
    const w = await setUp();
    expect((await join(await invite(w), w.colleagueCookie)).status).toBe(302);
    // The colleague makes a code, then is removed.
    const made = await call(teachersAction, post(teachersUrl(w.classroom.id), { intent: "invite" }, w.colleagueCookie), { classId: w.classroom.id });
    const code = made.data.invite.code as string;
    const row = await prisma.classTeacher.findFirstOrThrow({ where: { classroomId: w.classroom.id, teacherId: w.colleague.id } });
    expect((await call(teachersAction, post(teachersUrl(w.classroom.id), { intent: "remove-teacher", classTeacherId: row.id }, w.teacherCookie), { classId: w.classroom.id })).status).toBe(200);
    expect((await join(code, w.colleagueCookie)).status).toBe(400);
    expect(await prisma.classTeacher.count({ where: { classroomId: w.classroom.id, teacherId: w.colleague.id } })).toBe(0);
  });
});
