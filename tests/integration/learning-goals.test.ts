// Learning goals (decision 018), through the routes: a student sets one in
// their own words from a teacher's comment or a "not yet", with a target date;
// notes and status changes are added over time, never overwritten; goals carry
// over to every project of the class; the teacher sees the class's goals and
// comments on one; nobody else sees or changes them.
import { describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { action as goalsAction, loader as goalsLoader } from "~/routes/learn.projects.$projectId.goals";
import { loader as projectLoader } from "~/routes/learn.projects.$projectId._index";
import { action as classGoalsAction, loader as classGoalsLoader } from "~/routes/teach.classes.$classId_.goals";
import { createClassWithProject, createClassroom, createProject, createStudent, createTeacher, enroll } from "../support/factories";
import { call, cookieFor, get, post } from "../support/routes";

async function setup() {
  const ctx = await createClassWithProject();
  const [choice] = ctx.checkpoints;
  const notYet = await prisma.attempt.create({ data: { studentId: ctx.student.id, checkpointId: choice.id, checkpointVersionId: choice.versions[0].id, number: 1, answer: '["b"]', outcome: "NOT_YET" } });
  const gotIt = await prisma.attempt.create({ data: { studentId: ctx.student.id, checkpointId: choice.id, checkpointVersionId: choice.versions[0].id, number: 2, answer: '["a"]', outcome: "GOT_IT" } });
  const comment = await prisma.teacherComment.create({
    data: { authorId: ctx.teacher.id, studentId: ctx.student.id, projectId: ctx.project.id, attemptId: notYet.id, versions: { create: { version: 1, body: "Which quantity is on top?" } } },
  });
  const cookies = { student: await cookieFor(ctx.student.id), other: await cookieFor(ctx.otherStudent.id), teacher: await cookieFor(ctx.teacher.id) };
  const path = (query = "") => `/learn/projects/${ctx.project.id}/goals${query}`;
  const params = { projectId: ctx.project.id };
  return { ...ctx, choice, notYet, gotIt, comment, cookies, path, params };
}
type Ctx = Awaited<ReturnType<typeof setup>>;

async function setGoal(ctx: Ctx, fields: Record<string, string>, cookie = ctx.cookies.student) {
  return call(goalsAction, post(ctx.path(), { intent: "set-goal", targetDate: "", ...fields }, cookie), ctx.params);
}

describe("setting a learning goal", () => {
  it("from a teacher's comment, in the student's words, with a target date", async () => {
    const ctx = await setup();
    const page = await call(goalsLoader, get(ctx.path(`?comment=${ctx.comment.id}`), ctx.cookies.student), ctx.params);
    expect(page.data.source).toMatchObject({ kind: "comment", text: "Which quantity is on top?", about: "Your teacher's comment on attempt 1 of “Doubling the force”" });

    const day = new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10);
    const res = await setGoal(ctx, { source: "comment", sourceId: ctx.comment.id, text: "Check the ratio before choosing", targetDate: day });
    expect(res.status).toBe(302);
    const goal = await prisma.learningGoal.findFirstOrThrow({ where: { studentId: ctx.student.id } });
    expect(goal).toMatchObject({ classroomId: ctx.classroom.id, projectId: ctx.project.id, commentId: ctx.comment.id, text: "Check the ratio before choosing", status: "WORKING" });
    expect(goal.targetDate?.toISOString()).toBe(`${day}T00:00:00.000Z`);
    expect(res.location).toBe(`${ctx.path()}?set=${goal.id}#goal-${goal.id}`);
  });

  it("from a \"not yet\", and not from a \"got it\" or someone else's work", async () => {
    const ctx = await setup();
    expect((await setGoal(ctx, { source: "attempt", sourceId: ctx.notYet.id, text: "Read all options" })).status).toBe(302);
    for (const [cookie, sourceId, source] of [
      [ctx.cookies.student, ctx.gotIt.id, "attempt"],
      [ctx.cookies.other, ctx.notYet.id, "attempt"],
      [ctx.cookies.other, ctx.comment.id, "comment"],
    ] as const) {
      const res = await setGoal(ctx, { source, sourceId, text: "Not mine" }, cookie);
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.data)).toMatch(/couldn't find that comment or “not yet” among yours/);
      expect(res.data.reply.initialValue.text).toBe("Not mine");
    }
    expect(await prisma.learningGoal.count({ where: { classroomId: ctx.classroom.id } })).toBe(1);
  });

  it("refuses an empty goal, an overlong one and a past date with clear messages, keeping what was typed", async () => {
    const ctx = await setup();
    const empty = await setGoal(ctx, { source: "comment", sourceId: ctx.comment.id, text: "  " });
    expect(empty.data.reply.error.text).toEqual(["Write your goal in your own words."]);
    const long = await setGoal(ctx, { source: "comment", sourceId: ctx.comment.id, text: "x".repeat(501) });
    expect(long.data.reply.error.text[0]).toMatch(/under 500 characters/);
    const past = await setGoal(ctx, { source: "comment", sourceId: ctx.comment.id, text: "Soon", targetDate: "2001-01-01" });
    expect(past.status).toBe(400);
    expect(past.data.reply.error.targetDate).toEqual(["Choose a day from today on, or leave the date empty."]);
    expect(past.data.reply.initialValue.text).toBe("Soon");
    expect(await prisma.learningGoal.count({ where: { classroomId: ctx.classroom.id } })).toBe(0);
  });
});

describe("a goal over time", () => {
  it("keeps every note and status change, never overwriting the goal's words", async () => {
    const ctx = await setup();
    await setGoal(ctx, { source: "comment", sourceId: ctx.comment.id, text: "Check the ratio" });
    const goal = await prisma.learningGoal.findFirstOrThrow({ where: { studentId: ctx.student.id } });
    const note = (fields: Record<string, string>) => call(goalsAction, post(ctx.path(), { intent: "add-goal-note", goalId: goal.id, ...fields }, ctx.cookies.student), ctx.params);

    expect((await note({ body: "Tried it on two questions" })).data).toMatchObject({ ok: true, message: "Note added." });
    expect((await note({ status: "REACHED", body: "" })).data.message).toMatch(/Marked as reached/);
    const again = await note({ status: "REACHED" });
    expect(again.status).toBe(400);
    expect(JSON.stringify(again.data)).toMatch(/already the goal's status/);
    expect((await note({})).data.reply.error.body).toEqual(["Write a note, or choose a new status, before saving."]);
    expect((await note({ status: "LET_GO", body: "Moving on to the next idea" })).status).toBe(200);

    const stored = await prisma.learningGoal.findUniqueOrThrow({ where: { id: goal.id }, include: { notes: { orderBy: { createdAt: "asc" } } } });
    expect(stored.text).toBe("Check the ratio");
    expect(stored.status).toBe("LET_GO");
    expect(stored.notes.map((n) => [n.role, n.status, n.body])).toEqual([
      ["STUDENT", null, "Tried it on two questions"],
      ["STUDENT", "REACHED", ""],
      ["STUDENT", "LET_GO", "Moving on to the next idea"],
    ]);

    // Another student cannot add to it.
    const theirs = await call(goalsAction, post(ctx.path(), { intent: "add-goal-note", goalId: goal.id, body: "Hi" }, ctx.cookies.other), ctx.params);
    expect(theirs.status).toBe(400);
    expect(await prisma.learningGoalNote.count({ where: { goalId: goal.id } })).toBe(3);
  });

  it("carries over to every project of the class, and not to another class", async () => {
    const ctx = await setup();
    await setGoal(ctx, { source: "attempt", sourceId: ctx.notYet.id, text: "Read all options" });
    const { project: next } = await createProject(ctx.classroom.id, { title: "Energy" });
    const nextPage = await call(projectLoader, get(`/learn/projects/${next.id}`, ctx.cookies.student), { projectId: next.id });
    expect(nextPage.data.goals.map((g: { text: string }) => g.text)).toEqual(["Read all options"]);
    const goalsThere = await call(goalsLoader, get(`/learn/projects/${next.id}/goals`, ctx.cookies.student), { projectId: next.id });
    expect(goalsThere.data.goals[0]).toMatchObject({ text: "Read all options", otherProject: "Forces and motion" });

    const elsewhere = await createClassroom((await createTeacher()).id, "Chemistry");
    await enroll(elsewhere.id, ctx.student.id);
    const { project: chem } = await createProject(elsewhere.id, { title: "Reactions" });
    const chemPage = await call(projectLoader, get(`/learn/projects/${chem.id}`, ctx.cookies.student), { projectId: chem.id });
    expect(chemPage.data.goals).toEqual([]);
  });
});

describe("the teacher's class list", () => {
  it("shows every student's goals with their notes, takes a comment on one, and is the class's teacher's only", async () => {
    const ctx = await setup();
    await setGoal(ctx, { source: "comment", sourceId: ctx.comment.id, text: "Check the ratio" });
    const goal = await prisma.learningGoal.findFirstOrThrow({ where: { studentId: ctx.student.id } });
    const path = `/teach/classes/${ctx.classroom.id}/goals`;
    const params = { classId: ctx.classroom.id };

    const list = await call(classGoalsLoader, get(path, ctx.cookies.teacher), params);
    expect(list.status).toBe(200);
    expect(list.data.goals).toMatchObject([{ id: goal.id, text: "Check the ratio", student: { id: ctx.student.id }, status: "WORKING", from: { kind: "comment", text: "Which quantity is on top?" } }]);
    expect(list.data.counts).toEqual({ WORKING: 1, REACHED: 0, LET_GO: 0 });

    const commented = await call(classGoalsAction, post(path, { intent: "comment-on-goal", goalId: goal.id, body: "Good one: try it on checkpoint 2." }, ctx.cookies.teacher), params);
    expect(commented.data.ok).toBe(true);
    const studentView = await call(goalsLoader, get(ctx.path(), ctx.cookies.student), ctx.params);
    expect(studentView.data.goals[0].notes).toMatchObject([{ role: "TEACHER", body: "Good one: try it on checkpoint 2.", authorName: ctx.teacher.name }]);
    const empty = await call(classGoalsAction, post(path, { intent: "comment-on-goal", goalId: goal.id, body: "" }, ctx.cookies.teacher), params);
    expect(empty.data.reply.error.body).toEqual(["Write your comment before sending it."]);

    const stranger = await cookieFor((await createTeacher()).id);
    expect((await call(classGoalsLoader, get(path, stranger), params)).status).toBe(404);
    expect((await call(classGoalsAction, post(path, { intent: "comment-on-goal", goalId: goal.id, body: "Hijack" }, stranger), params)).status).toBe(404);
    expect((await call(classGoalsLoader, get(path, ctx.cookies.student), params)).status).toBe(403);
    // A goal from another class, posted to this class's page, is not found.
    const otherClass = await createClassroom(ctx.teacher.id, "Other class");
    const otherStudent = await createStudent();
    await enroll(otherClass.id, otherStudent.id);
    const foreign = await prisma.learningGoal.create({ data: { studentId: otherStudent.id, classroomId: otherClass.id, text: "Elsewhere" } });
    const crossed = await call(classGoalsAction, post(path, { intent: "comment-on-goal", goalId: foreign.id, body: "Crossed" }, ctx.cookies.teacher), params);
    expect(crossed.status).toBe(400);
    expect(await prisma.learningGoalNote.count({ where: { goalId: foreign.id } })).toBe(0);
  });
});
