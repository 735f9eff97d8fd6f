// Deletion, the one deliberate exception to "nothing is lost" (decision 012):
// a student deletes their account, a teacher deletes theirs (handing classes
// over or archiving them), and a teacher deletes one student's data from a
// class. Afterwards no table holds the person's id, name or email, and the
// class insight still loads and works without them.
import { describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { action as deleteAction, loader as deleteLoader } from "~/routes/account.delete";
import { action as learnAction, loader as learnLoader } from "~/routes/learn._index";
import { action as loginAction } from "~/routes/login";
import { loader as classLoader } from "~/routes/teach.classes.$classId";
import { action as classStudentAction } from "~/routes/teach.classes.$classId_.students.$studentId";
import { loader as overviewLoader } from "~/routes/teach.projects.$projectId.insight._index";
import { loader as attemptsLoader } from "~/routes/teach.projects.$projectId.insight.attempts";
import { loader as checkpointInsightLoader } from "~/routes/teach.projects.$projectId.insight.checkpoints.$checkpointId";
import { loader as exportLoader } from "~/routes/teach.projects.$projectId.insight.export";
import { loader as heatmapLoader } from "~/routes/teach.projects.$projectId.insight.heatmap";
import { loader as progressLoader } from "~/routes/teach.projects.$projectId.progress";
import { loader as timelineLoader } from "~/routes/teach.projects.$projectId.students.$studentId";
import { parseCsv } from "../support/csv";
import { TEST_PASSWORD, createClassroom, createStudent, createTeacher } from "../support/factories";
import { scanDatabase, seedEverything } from "../support/privacy";
import { call, cookieFor, get, post } from "../support/routes";

type World = Awaited<ReturnType<typeof seedEverything>>;

/** Every insight page of the project, as its teacher loads it: all 200, and what they hold. */
async function insightPages(w: World, cookie: string) {
  const base = `/teach/projects/${w.project.id}`;
  const params = { projectId: w.project.id };
  const pages = [
    await call(overviewLoader, get(`${base}/insight`, cookie), params),
    await call(heatmapLoader, get(`${base}/insight/heatmap`, cookie), params),
    await call(attemptsLoader, get(`${base}/insight/attempts?misconception=${w.misconception.id}`, cookie), params),
    await call(progressLoader, get(`${base}/progress`, cookie), params),
    ...(await Promise.all(w.checkpoints.map((c) => call(checkpointInsightLoader, get(`${base}/insight/checkpoints/${c.id}`, cookie), { ...params, checkpointId: c.id })))),
  ];
  const csv = await call(exportLoader, get(`${base}/insight/export?kind=students`, cookie), params);
  return { statuses: [...pages, csv].map((p) => p.status), text: JSON.stringify(pages.map((p) => p.data)) + String(csv.data), csv: parseCsv(String(csv.data)) };
}

const deleteRequest = (cookie: string, fields: Record<string, string>) => post("/account/delete", fields, cookie);

describe("a student deletes their account", () => {
  it("with their password: everything of theirs goes, sessions end, no table names them, and the class insight works without them", async () => {
    const w = await seedEverything();
    // Counters that name them: a failed login to their email and a wrong join code they typed.
    await call(loginAction, post("/login", { email: w.student.email, password: "not the password" }));
    await call(learnAction, post("/learn", { code: "ZZZZZZ" }, w.studentCookie));
    expect((await scanDatabase([w.student.id, w.student.email])).some((hit) => hit.startsWith("RateLimit.key"))).toBe(true);
    const before = await insightPages(w, w.teacherCookie);
    expect(before.text).toContain(w.student.name);

    const page = await call(deleteLoader, get("/account/delete", w.studentCookie));
    expect(page.data).toMatchObject({ done: false, role: "STUDENT", classes: [] });

    const wrong = await call(deleteAction, deleteRequest(w.studentCookie, { password: "not my password" }));
    expect(wrong.status).toBe(400);
    expect(wrong.data.error.password).toEqual(["That isn't your password. Check it and try again."]);
    expect(await prisma.attempt.count({ where: { studentId: w.student.id } })).toBe(5);

    const res = await call(deleteAction, deleteRequest(w.studentCookie, { password: TEST_PASSWORD }));
    expect(res.status).toBe(302);
    expect(res.location).toBe("/account/delete?done=1");
    expect(res.headers.get("Set-Cookie")).toMatch(/^rebound_session=;/);
    expect(await prisma.session.count({ where: { userId: w.student.id } })).toBe(0);
    expect((await call(learnLoader, get("/learn", w.studentCookie))).location).toBe("/login?redirectTo=%2Flearn");

    expect(await scanDatabase([w.student.id, w.student.name, w.student.email])).toEqual([]);

    const after = await insightPages(w, w.teacherCookie);
    expect(after.statuses.every((s) => s === 200), `statuses ${after.statuses}`).toBe(true);
    expect(after.text).not.toContain(w.student.name);
    expect(after.text).not.toContain(w.student.email);
    expect(after.text).toContain(w.otherStudent.name);
    expect(after.csv.slice(1).map((r) => r[0])).toEqual([w.otherStudent.name]);
    // The other student's work and the teacher's comment on it are untouched.
    expect(await prisma.attempt.count({ where: { studentId: w.otherStudent.id } })).toBe(3);
    expect(await prisma.teacherComment.count({ where: { id: w.ids.toOther } })).toBe(1);
    // The answer group the teacher confirmed stays, without the deleted answer.
    expect(await prisma.answerGroup.findUnique({ where: { id: w.ids.group }, select: { _count: { select: { members: true } } } })).toEqual({ _count: { members: 0 } });
    // Failure session (decision 019): their posts, notes and reactions go, and the reactions to their posts;
    // a classmate's note on their post stays the classmate's, on no post.
    expect(await prisma.failurePost.count({ where: { studentId: w.student.id } })).toBe(0);
    expect(await prisma.failureReaction.count({ where: { OR: [{ studentId: w.student.id }, { postId: w.ids.failurePost }] } })).toBe(0);
    expect(await prisma.failureNote.findUnique({ where: { id: w.ids.classmateNote }, select: { postId: true, studentId: true } })).toEqual({ postId: null, studentId: w.otherStudent.id });
  });

  it("then the page says what was kept, signed out; without a deletion it asks to log in", async () => {
    expect((await call(deleteLoader, get("/account/delete?done=1"))).data).toEqual({ done: true });
    expect((await call(deleteLoader, get("/account/delete"))).location).toBe("/login?redirectTo=%2Faccount%2Fdelete");
  });

  it("keeps the form's message plain for a missing password, and deletes nothing", async () => {
    const w = await seedEverything();
    const res = await call(deleteAction, deleteRequest(w.studentCookie, { password: "" }));
    expect(res.status).toBe(400);
    expect(res.data.error.password).toEqual(["Enter your password to confirm."]);
    expect(await prisma.user.count({ where: { id: w.student.id } })).toBe(1);
  });
});

describe("a teacher deletes their account", () => {
  it("hands one class over and archives another; their comments, marks and groups stay from “a former teacher”", async () => {
    const w = await seedEverything();
    const second = await createClassroom(w.teacher.id, "Physics 11C");
    const receiver = await createTeacher("Rowan Receiver");
    const comments = await prisma.teacherComment.count({ where: { authorId: w.teacher.id } });
    const page = await call(deleteLoader, get("/account/delete", w.teacherCookie));
    expect(page.data.classes.map((c: { id: string }) => c.id).sort()).toEqual([w.classroom.id, second.id].sort());
    const ordered: { id: string }[] = page.data.classes;
    const indexOf = (id: string) => ordered.findIndex((c) => c.id === id);
    const choices = (handOverEmail: string) => ({
      password: TEST_PASSWORD,
      [`classes[${indexOf(w.classroom.id)}].classroomId`]: w.classroom.id,
      [`classes[${indexOf(w.classroom.id)}].choice`]: "hand-over",
      [`classes[${indexOf(w.classroom.id)}].email`]: handOverEmail,
      [`classes[${indexOf(second.id)}].classroomId`]: second.id,
      [`classes[${indexOf(second.id)}].choice`]: "archive",
    });

    // An email that is not another teacher's account: a message by the field, nothing deleted.
    for (const email of ["nobody@example.test", w.student.email, w.teacher.email]) {
      const res = await call(deleteAction, deleteRequest(w.teacherCookie, choices(email)));
      expect(res.status).toBe(400);
      expect(res.data.error[`classes[${indexOf(w.classroom.id)}].email`][0]).toMatch(/couldn't find another teacher's account/);
    }
    // A class left without a choice.
    const missing = await call(deleteAction, deleteRequest(w.teacherCookie, { password: TEST_PASSWORD, "classes[0].classroomId": ordered[0].id, "classes[1].classroomId": ordered[1].id }));
    expect(missing.status).toBe(400);
    expect(missing.data.error["classes[0].choice"][0]).toMatch(/hand the class over, or archive it/);
    expect(await prisma.user.count({ where: { id: w.teacher.id } })).toBe(1);

    const res = await call(deleteAction, deleteRequest(w.teacherCookie, choices(receiver.email.toUpperCase())));
    expect(res.status).toBe(302);
    const teachersOf = async (id: string) => (await prisma.classTeacher.findMany({ where: { classroomId: id } })).map((t) => t.teacherId);
    expect(await prisma.classroom.findUniqueOrThrow({ where: { id: w.classroom.id } })).toMatchObject({ archivedAt: null });
    expect(await teachersOf(w.classroom.id)).toEqual([receiver.id]);
    expect(await prisma.classroom.findUniqueOrThrow({ where: { id: second.id } })).toMatchObject({ archivedAt: expect.any(Date) });
    expect(await teachersOf(second.id)).toEqual([]);
    expect(await prisma.teacherComment.count({ where: { authorId: null } })).toBe(comments);
    expect(await scanDatabase([w.teacher.id, w.teacher.name, w.teacher.email])).toEqual([]);

    // The new teacher reads the class's history, from "A former teacher".
    const receiverCookie = await cookieFor(receiver.id);
    const timeline = await call(timelineLoader, get(`/teach/projects/${w.project.id}/students/${w.student.id}`, receiverCookie), { projectId: w.project.id, studentId: w.student.id });
    expect(timeline.status).toBe(200);
    expect(timeline.data.comments.map((c: { authorName: string; mine: boolean }) => [c.authorName, c.mine])).toContainEqual(["A former teacher", false]);
    const marked = timeline.data.timeline.days.flatMap((d: { items: { id: string; teacherMark?: { by: string } }[] }) => d.items).find((i: { id: string }) => i.id === w.ids.textTry);
    expect(marked.teacherMark.by).toBe("A former teacher");
    const after = await insightPages(w, receiverCookie);
    expect(after.statuses.every((s) => s === 200), `statuses ${after.statuses}`).toBe(true);

    // The students see the archived class as such, and their work in it.
    const home = await call(learnLoader, get("/learn", w.studentCookie));
    expect(home.status).toBe(200);
  });

  it("archives a class: its students keep it and their work, and nobody can join it", async () => {
    const w = await seedEverything();
    const res = await call(
      deleteAction,
      deleteRequest(w.teacherCookie, { password: TEST_PASSWORD, "classes[0].classroomId": w.classroom.id, "classes[0].choice": "archive" }),
    );
    expect(res.status).toBe(302);
    const home = await call(learnLoader, get("/learn", w.studentCookie));
    expect(home.data.classrooms).toContainEqual(expect.objectContaining({ id: w.classroom.id, teachers: [], archivedAt: expect.any(Date) }));
    const newcomer = await cookieFor((await createStudent()).id);
    const refused = await call(learnAction, post("/learn", { code: w.classroom.joinCode }, newcomer));
    expect(refused.status).toBe(400);
    expect(refused.data.reply.error.code[0]).toMatch(/couldn't find a class/);
    expect(await prisma.attempt.count({ where: { studentId: w.student.id, checkpoint: { projectId: w.project.id } } })).toBe(4);
  });
});

describe("a teacher deletes one student's data from their class", () => {
  const url = (w: World) => `/teach/classes/${w.classroom.id}/students/${w.student.id}`;
  const params = (w: World) => ({ classId: w.classroom.id, studentId: w.student.id });
  const erase = (w: World, fields: Record<string, string>, cookie = w.teacherCookie) => call(classStudentAction, post(url(w), { intent: "erase-student", ...fields }, cookie), params(w));

  it("asks for the student's name typed out, and deletes nothing without it", async () => {
    const w = await seedEverything();
    const res = await erase(w, { confirmName: "Zephyrine" });
    expect(res.status).toBe(400);
    expect(res.data.reply.error.confirmName).toEqual([`That doesn't match. Type ${w.student.name} exactly as shown to confirm.`]);
    expect(res.data.reply.initialValue.confirmName).toBe("Zephyrine");
    expect(await prisma.attempt.count({ where: { studentId: w.student.id } })).toBe(5);
  });

  it("deletes their work in every project of the class, not elsewhere; the insight works without them; they may join again afresh", async () => {
    const w = await seedEverything();
    const res = await erase(w, { confirmName: `  ${w.student.name.toUpperCase().replace(" ", "   ")} ` });
    expect(res.status).toBe(302);
    expect(res.location).toBe(`/teach/classes/${w.classroom.id}?erased=1`);
    const inClass = { studentId: w.student.id, checkpoint: { projectId: w.project.id } };
    expect(await prisma.attempt.count({ where: inClass })).toBe(0);
    expect(await prisma.journalEntry.count({ where: { studentId: w.student.id } })).toBe(0);
    expect(await prisma.teacherComment.count({ where: { studentId: w.student.id } })).toBe(0);
    expect(await prisma.reflectionDismissal.count({ where: { studentId: w.student.id } })).toBe(0);
    expect(await prisma.failurePost.count({ where: { studentId: w.student.id } })).toBe(0);
    expect(await prisma.failureNote.count({ where: { studentId: w.student.id } })).toBe(0);
    expect(await prisma.failureReaction.count({ where: { OR: [{ studentId: w.student.id }, { postId: w.ids.failurePost }] } })).toBe(0);
    expect(await prisma.failureNote.findUnique({ where: { id: w.ids.classmateNote }, select: { postId: true } })).toEqual({ postId: null });
    expect(await prisma.enrollment.count({ where: { classroomId: w.classroom.id, studentId: w.student.id } })).toBe(0);
    // Their other class and their account are not this teacher's to delete.
    expect(await prisma.attempt.count({ where: { id: w.elsewhere.attemptId } })).toBe(1);
    expect(await prisma.user.count({ where: { id: w.student.id } })).toBe(1);

    const after = await insightPages(w, w.teacherCookie);
    expect(after.statuses.every((s) => s === 200), `statuses ${after.statuses}`).toBe(true);
    expect(after.text).not.toContain(w.student.name);
    expect(after.text).not.toContain(w.student.id);
    const classPage = await call(classLoader, get(`/teach/classes/${w.classroom.id}?erased=1`, w.teacherCookie), { classId: w.classroom.id });
    expect(classPage.data.erased).toBe(true);
    expect(JSON.stringify(classPage.data)).not.toContain(w.student.name);

    const joined = await call(learnAction, post("/learn", { code: w.classroom.joinCode }, w.studentCookie));
    expect(joined.data.notice).toBe(`Welcome to ${w.classroom.name}!`);
  });

  it("can keep them blocked: a bare enrolment stays and the join code still refuses them", async () => {
    const w = await seedEverything();
    const res = await erase(w, { confirmName: w.student.name, keepBlock: "on" });
    expect(res.status).toBe(302);
    expect(await prisma.attempt.count({ where: { studentId: w.student.id, checkpoint: { projectId: w.project.id } } })).toBe(0);
    expect(await prisma.enrollment.findUniqueOrThrow({ where: { classroomId_studentId: { classroomId: w.classroom.id, studentId: w.student.id } } })).toMatchObject({
      removedAt: expect.any(Date),
      blockedAt: expect.any(Date),
    });
    const joined = await call(learnAction, post("/learn", { code: w.classroom.joinCode }, w.studentCookie));
    expect(joined.status).toBe(403);
  });

  it("is not another teacher's to do, not even the teacher of the student's other class", async () => {
    const w = await seedEverything();
    for (const cookie of [await cookieFor((await createTeacher()).id), await cookieFor(w.elsewhere.teacher.id)]) {
      const res = await erase(w, { confirmName: w.student.name }, cookie);
      expect(res.status).toBe(404);
    }
    expect((await erase(w, { confirmName: w.student.name }, w.studentCookie)).status).toBe(403);
    expect(await prisma.attempt.count({ where: { studentId: w.student.id } })).toBe(5);
  });
});
