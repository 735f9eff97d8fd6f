// Group feedback (decision 018), through the routes: written once for a
// misconception, an option or an answer group; each student in the group
// receives their own comment; students who join later receive it unless the
// teacher turned that off; an edit reaches each as a new version; the first
// time a student sees it is recorded once; only the class's teacher writes it
// and a student only ever sees their own copy.
import { describe, expect, it, vi } from "vitest";
import { prisma } from "~/db.server";
import { loader as journalLoader } from "~/routes/learn.projects.$projectId.journal";
import { action as checkpointAction, loader as checkpointLoader } from "~/routes/learn.projects.$projectId.checkpoints.$checkpointId";
import { action as detailAction, loader as detailLoader } from "~/routes/teach.projects.$projectId.insight.feedback.$feedbackId";
import { loader as listLoader } from "~/routes/teach.projects.$projectId.insight.feedback._index";
import { action as newAction, loader as newLoader } from "~/routes/teach.projects.$projectId.insight.feedback.new";
import { action as tagAction } from "~/routes/teach.projects.$projectId.insight.attempts";
import { createClassWithProject, createStudent, createTeacher, enroll } from "../support/factories";
import { call, cookieFor, get, post } from "../support/routes";

async function setup() {
  const ctx = await createClassWithProject();
  const [choice, numeric, text] = ctx.checkpoints;
  const third = await createStudent("Third Student");
  await enroll(ctx.classroom.id, third.id);
  const cookies = {
    teacher: await cookieFor(ctx.teacher.id),
    student: await cookieFor(ctx.student.id),
    other: await cookieFor(ctx.otherStudent.id),
    third: await cookieFor(third.id),
  };
  const projectParams = { projectId: ctx.project.id };
  const newPath = (query: string) => `/teach/projects/${ctx.project.id}/insight/feedback/new?${query}`;
  const detailPath = (id: string) => `/teach/projects/${ctx.project.id}/insight/feedback/${id}`;
  return { ...ctx, choice, numeric, text, third, cookies, projectParams, newPath, detailPath };
}
type Ctx = Awaited<ReturnType<typeof setup>>;

/** A student answers through the checkpoint page, as the browser would. */
async function answer(ctx: Ctx, cookie: string, checkpoint: Ctx["choice"], fields: Record<string, string | string[]>) {
  const res = await call(
    checkpointAction,
    post(`/learn/projects/${ctx.project.id}/checkpoints/${checkpoint.id}`, { intent: "attempt", submissionKey: crypto.randomUUID(), ...fields }, cookie),
    { projectId: ctx.project.id, checkpointId: checkpoint.id },
  );
  expect(res.status, JSON.stringify(res.data)).toBe(302);
  return new URL(res.location!, "http://localhost").searchParams.get("attempt")!;
}

async function send(ctx: Ctx, target: Record<string, string>, body: string, reachLater = true) {
  const query = new URLSearchParams(target).toString();
  const res = await call(newAction, post(ctx.newPath(query), { ...target, body, ...(reachLater ? { reachLater: "on" } : {}) }, ctx.cookies.teacher), ctx.projectParams);
  expect(res.status, JSON.stringify(res.data)).toBe(302);
  const id = res.location!.split("/").pop()!.split("?")[0];
  return { id, sent: Number(new URL(res.location!, "http://localhost").searchParams.get("sent")) };
}

const copiesOf = (feedbackId: string) =>
  prisma.teacherComment.findMany({
    where: { groupFeedbackId: feedbackId },
    orderBy: { createdAt: "asc" },
    select: { id: true, studentId: true, attemptId: true, authorId: true, firstReadAt: true, versions: { orderBy: { version: "asc" }, select: { version: true, body: true } } },
  });

describe("feedback written once for a misconception", () => {
  it("reaches each student whose answer shows it, once each, on their latest attempt in the group", async () => {
    const ctx = await setup();
    // "It halves" is linked to the misconception: two attempts by the student, one by the classmate; the third student is right.
    await answer(ctx, ctx.cookies.student, ctx.choice, { optionIds: ["b"] });
    const latest = await answer(ctx, ctx.cookies.student, ctx.numeric, { numericAnswer: "-12.5" });
    const others = await answer(ctx, ctx.cookies.other, ctx.choice, { optionIds: ["b"] });
    await answer(ctx, ctx.cookies.third, ctx.choice, { optionIds: ["a"] });

    const page = await call(newLoader, get(ctx.newPath(`misconception=${ctx.misconception.id}`), ctx.cookies.teacher), ctx.projectParams);
    expect(page.status).toBe(200);
    expect(page.data.target.description).toBe("everyone whose answer shows “Sign convention”");
    expect(page.data.students.map((s: { id: string }) => s.id).sort()).toEqual([ctx.student.id, ctx.otherStudent.id].sort());

    const { id, sent } = await send(ctx, { misconception: ctx.misconception.id }, "Draw the axis first, then check each sign.");
    expect(sent).toBe(2);
    const copies = await copiesOf(id);
    expect(copies.map((c) => [c.studentId, c.attemptId]).sort()).toEqual([[ctx.student.id, latest], [ctx.otherStudent.id, others]].sort());
    for (const c of copies) {
      expect(c.authorId).toBe(ctx.teacher.id);
      expect(c.versions).toEqual([{ version: 1, body: "Draw the axis first, then check each sign." }]);
      expect(c.firstReadAt).toBeNull();
    }

    // The teacher sees who has it; nobody has opened it yet.
    const detail = await call(detailLoader, get(ctx.detailPath(id), ctx.cookies.teacher), { ...ctx.projectParams, feedbackId: id });
    expect(detail.data.summary).toEqual({ received: 2, opened: 0, notOpened: 2 });
    const list = await call(listLoader, get(`/teach/projects/${ctx.project.id}/insight/feedback`, ctx.cookies.teacher), ctx.projectParams);
    expect(list.data.feedback).toMatchObject([{ id, received: 2, opened: 0 }]);
  });

  it("reaches a student tagged into the group later, unless the teacher turned that off", async () => {
    const ctx = await setup();
    await answer(ctx, ctx.cookies.student, ctx.choice, { optionIds: ["b"] });
    const { id } = await send(ctx, { misconception: ctx.misconception.id }, "Check the sign.");

    // A new answer that shows the misconception: received at once.
    const later = await answer(ctx, ctx.cookies.other, ctx.numeric, { numericAnswer: "-12.5" });
    expect((await copiesOf(id)).map((c) => [c.studentId, c.attemptId])).toContainEqual([ctx.otherStudent.id, later]);

    // The teacher turns it off: the third student, tagged by the teacher, does not receive it.
    const off = await call(detailAction, post(ctx.detailPath(id), { intent: "set-reach-later", reachLater: "off" }, ctx.cookies.teacher), { ...ctx.projectParams, feedbackId: id });
    expect(off.status).toBe(200);
    const thirdTry = await answer(ctx, ctx.cookies.third, ctx.choice, { optionIds: ["c"] });
    const tagged = await call(
      tagAction,
      post(`/teach/projects/${ctx.project.id}/insight/attempts`, { intent: "add-tag", attemptId: thirdTry, misconceptionId: ctx.misconception.id, formId: "t" }, ctx.cookies.teacher),
      ctx.projectParams,
    );
    expect(tagged.status).toBe(200);
    expect((await copiesOf(id)).map((c) => c.studentId)).not.toContain(ctx.third.id);
    const detail = await call(detailLoader, get(ctx.detailPath(id), ctx.cookies.teacher), { ...ctx.projectParams, feedbackId: id });
    expect(detail.data.feedback.notReached).toBe(1);

    // Turned on again, it catches up.
    const on = await call(detailAction, post(ctx.detailPath(id), { intent: "set-reach-later", reachLater: "on" }, ctx.cookies.teacher), { ...ctx.projectParams, feedbackId: id });
    expect(on.data.message).toMatch(/1 student in the group now received it/);
    expect((await copiesOf(id)).map((c) => c.studentId).sort()).toEqual([ctx.student.id, ctx.otherStudent.id, ctx.third.id].sort());
  });

  it("refuses to send to nobody when it would not reach later students either, and keeps the text", async () => {
    const ctx = await setup();
    const res = await call(newAction, post(ctx.newPath(`misconception=${ctx.misconception.id}`), { misconception: ctx.misconception.id, body: "Anyone?" }, ctx.cookies.teacher), ctx.projectParams);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.data)).toMatch(/nobody would receive it/);
    expect(res.data.initialValue.body).toBe("Anyone?");
    expect(await prisma.groupFeedback.count({ where: { projectId: ctx.project.id } })).toBe(0);
    // An empty text is refused with a message.
    const empty = await call(newAction, post(ctx.newPath(`misconception=${ctx.misconception.id}`), { misconception: ctx.misconception.id, body: "  ", reachLater: "on" }, ctx.cookies.teacher), ctx.projectParams);
    expect(empty.status).toBe(400);
    expect(empty.data.error.body).toEqual(["Write the feedback before sending it."]);
  });
});

describe("an edit", () => {
  it("reaches every student who has it as a new version, keeping the one they read", async () => {
    const ctx = await setup();
    await answer(ctx, ctx.cookies.student, ctx.choice, { optionIds: ["b"] });
    await answer(ctx, ctx.cookies.other, ctx.choice, { optionIds: ["b"] });
    const { id } = await send(ctx, { misconception: ctx.misconception.id }, "First text");
    const params = { ...ctx.projectParams, feedbackId: id };

    const edited = await call(detailAction, post(ctx.detailPath(id), { intent: "edit-group-feedback", body: "Second text" }, ctx.cookies.teacher), params);
    expect(edited.data.message).toMatch(/Saved as version 2: it reached 2 students/);
    for (const c of await copiesOf(id)) expect(c.versions).toEqual([{ version: 1, body: "First text" }, { version: 2, body: "Second text" }]);

    const same = await call(detailAction, post(ctx.detailPath(id), { intent: "edit-group-feedback", body: "Second text" }, ctx.cookies.teacher), params);
    expect(same.data.message).toBe("Nothing changed, so no new version was saved.");
    for (const c of await copiesOf(id)) expect(c.versions).toHaveLength(2);

    // A student who joins afterwards starts from the latest text.
    await answer(ctx, ctx.cookies.third, ctx.choice, { optionIds: ["b"] });
    const third = (await copiesOf(id)).find((c) => c.studentId === ctx.third.id)!;
    expect(third.versions).toEqual([{ version: 1, body: "Second text" }]);
  });
});

describe("first-read times", () => {
  it("are recorded the first time the student's page shows the comment, and never written again", async () => {
    const ctx = await setup();
    const attemptId = await answer(ctx, ctx.cookies.student, ctx.choice, { optionIds: ["b"] });
    const { id } = await send(ctx, { misconception: ctx.misconception.id }, "Look again");
    const page = () => call(checkpointLoader, get(`/learn/projects/${ctx.project.id}/checkpoints/${ctx.choice.id}?attempt=${attemptId}`, ctx.cookies.student), { projectId: ctx.project.id, checkpointId: ctx.choice.id });

    const first = await page();
    const shown = first.data.history[0].comments;
    expect(shown).toHaveLength(1);
    expect(shown[0].fromGroup).toBe("Your teacher wrote this for everyone whose answer showed the same idea.");
    expect(shown[0].goal.href).toBe(`/learn/projects/${ctx.project.id}/goals?comment=${shown[0].id}`);
    const [copy] = await copiesOf(id);
    expect(copy.firstReadAt).toBeInstanceOf(Date);

    const writes = vi.spyOn(prisma.teacherComment, "updateMany");
    await page();
    await call(journalLoader, get(`/learn/projects/${ctx.project.id}/journal`, ctx.cookies.student), { projectId: ctx.project.id });
    expect(writes).not.toHaveBeenCalled();
    writes.mockRestore();
    expect((await copiesOf(id))[0].firstReadAt).toEqual(copy.firstReadAt);

    const detail = await call(detailLoader, get(ctx.detailPath(id), ctx.cookies.teacher), { ...ctx.projectParams, feedbackId: id });
    expect(detail.data.summary).toEqual({ received: 1, opened: 1, notOpened: 0 });
    expect(detail.data.feedback.receipts[0]).toMatchObject({ state: "opened", student: { id: ctx.student.id } });

    // An edit after they opened it is shown as such.
    await call(detailAction, post(ctx.detailPath(id), { intent: "edit-group-feedback", body: "Look again, slowly" }, ctx.cookies.teacher), { ...ctx.projectParams, feedbackId: id });
    const after = await call(detailLoader, get(ctx.detailPath(id), ctx.cookies.teacher), { ...ctx.projectParams, feedbackId: id });
    expect(after.data.feedback.receipts[0].state).toBe("edited-since-opened");
  });
});

describe("options and answer groups", () => {
  it("reaches everyone who chose an option, and everyone still in a kept group (not an answer moved out)", async () => {
    const ctx = await setup();
    await answer(ctx, ctx.cookies.student, ctx.choice, { optionIds: ["c"] });
    await answer(ctx, ctx.cookies.other, ctx.choice, { optionIds: ["b"] });
    const option = await send(ctx, { checkpoint: ctx.choice.id, option: "c" }, "Does anything change when the force doubles?");
    expect((await copiesOf(option.id)).map((c) => c.studentId)).toEqual([ctx.student.id]);
    const unknownOption = await call(newLoader, get(ctx.newPath(`checkpoint=${ctx.choice.id}&option=zz`), ctx.cookies.teacher), ctx.projectParams);
    expect(unknownOption.status).toBe(404);

    const inGroup = await answer(ctx, ctx.cookies.student, ctx.text, { textAnswer: "Something keeps pushing it" });
    const movedOut = await answer(ctx, ctx.cookies.other, ctx.text, { textAnswer: "A push keeps it going" });
    const group = await prisma.answerGroup.create({
      data: {
        checkpointId: ctx.text.id,
        label: "Push keeps it moving",
        createdById: ctx.teacher.id,
        members: { create: [{ attemptId: inGroup, source: "TEACHER" }, { attemptId: movedOut, source: "TEACHER", excluded: true }] },
      },
    });
    const sent = await send(ctx, { group: group.id }, "What force acts once the hand lets go?");
    expect(sent.sent).toBe(1);
    expect((await copiesOf(sent.id)).map((c) => [c.studentId, c.attemptId])).toEqual([[ctx.student.id, inGroup]]);
  });

  it("does not reach a student removed from the class", async () => {
    const ctx = await setup();
    await answer(ctx, ctx.cookies.student, ctx.choice, { optionIds: ["b"] });
    await answer(ctx, ctx.cookies.other, ctx.choice, { optionIds: ["b"] });
    await prisma.enrollment.updateMany({ where: { studentId: ctx.otherStudent.id }, data: { removedAt: new Date() } });
    const { id } = await send(ctx, { misconception: ctx.misconception.id }, "Check the sign.");
    expect((await copiesOf(id)).map((c) => c.studentId)).toEqual([ctx.student.id]);
  });
});

describe("ownership", () => {
  it("only the class's teacher writes, reads or changes it; a student sees only their own copy", async () => {
    const ctx = await setup();
    await answer(ctx, ctx.cookies.student, ctx.choice, { optionIds: ["b"] });
    await answer(ctx, ctx.cookies.other, ctx.choice, { optionIds: ["b"] });
    const { id } = await send(ctx, { misconception: ctx.misconception.id }, "Check the sign.");
    const params = { ...ctx.projectParams, feedbackId: id };
    const stranger = await cookieFor((await createTeacher()).id);

    for (const cookie of [stranger]) {
      expect((await call(newLoader, get(ctx.newPath(`misconception=${ctx.misconception.id}`), cookie), ctx.projectParams)).status).toBe(404);
      expect((await call(detailLoader, get(ctx.detailPath(id), cookie), params)).status).toBe(404);
      expect((await call(detailAction, post(ctx.detailPath(id), { intent: "edit-group-feedback", body: "Hijack" }, cookie), params)).status).toBe(404);
      expect((await call(newAction, post(ctx.newPath(""), { misconception: ctx.misconception.id, body: "Hijack", reachLater: "on" }, cookie), ctx.projectParams)).status).toBe(404);
    }
    for (const cookie of [ctx.cookies.student]) {
      expect((await call(detailLoader, get(ctx.detailPath(id), cookie), params)).status).toBe(403);
      expect((await call(detailAction, post(ctx.detailPath(id), { intent: "set-reach-later", reachLater: "off" }, cookie), params)).status).toBe(403);
    }
    expect((await prisma.groupFeedback.findUniqueOrThrow({ where: { id } })).body).toBe("Check the sign.");
    expect(await prisma.groupFeedback.count({ where: { projectId: ctx.project.id } })).toBe(1);

    // Each student's page shows their own copy, never the classmate's.
    const copies = await copiesOf(id);
    const mine = copies.find((c) => c.studentId === ctx.student.id)!;
    const theirs = copies.find((c) => c.studentId === ctx.otherStudent.id)!;
    const page = await call(checkpointLoader, get(`/learn/projects/${ctx.project.id}/checkpoints/${ctx.choice.id}`, ctx.cookies.student), { projectId: ctx.project.id, checkpointId: ctx.choice.id });
    const ids = JSON.stringify(page.data);
    expect(ids).toContain(mine.id);
    expect(ids).not.toContain(theirs.id);
    expect(ids).not.toContain(ctx.otherStudent.name);
    // Opening one's own copy does not mark the classmate's.
    expect((await copiesOf(id)).find((c) => c.studentId === ctx.otherStudent.id)!.firstReadAt).toBeNull();
  });
});
