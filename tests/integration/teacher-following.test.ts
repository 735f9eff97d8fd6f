import { describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { serializeSpec } from "~/domain/checkpoint-spec";
import { loader as progressLoader } from "~/routes/teach.projects.$projectId.progress";
import { action as timelineAction, loader as timelineLoader } from "~/routes/teach.projects.$projectId.students.$studentId";
import { createClassWithProject, createStudent, createTeacher, enroll, sampleSpecs } from "../support/factories";
import { call, cookieFor, get, post } from "../support/routes";
import { describeCell, type CellCounts } from "~/domain/progress";

const minutes = (n: number) => new Date(Date.UTC(2026, 10, 20, 9, 0) + n * 60_000);

async function setup() {
  const ctx = await createClassWithProject();
  const [choice, numeric, text] = ctx.checkpoints;
  const cookie = await cookieFor(ctx.teacher.id);
  const progressPath = `/teach/projects/${ctx.project.id}/progress`;
  const timelinePath = (studentId = ctx.student.id) => `/teach/projects/${ctx.project.id}/students/${studentId}`;
  const params = (studentId = ctx.student.id) => ({ projectId: ctx.project.id, studentId });
  return { ...ctx, choice, numeric, text, cookie, progressPath, timelinePath, params };
}

type Ctx = Awaited<ReturnType<typeof setup>>;
type Checkpoint = Ctx["choice"];

async function attempt(studentId: string, checkpoint: Checkpoint, number: number, answer: string, outcome: string | null, at: Date, versionId?: string) {
  return prisma.attempt.create({
    data: { studentId, checkpointId: checkpoint.id, checkpointVersionId: versionId ?? checkpoint.versions[0].id, number, answer, outcome, createdAt: at },
  });
}

async function journal(ctx: Ctx, data: { studentId?: string; status?: string; supportNeeded?: boolean; resolved?: boolean; at: Date; answer?: string; attemptId?: string; checkpointId?: string }) {
  return prisma.journalEntry.create({
    data: {
      studentId: data.studentId ?? ctx.student.id,
      projectId: ctx.project.id,
      attemptId: data.attemptId ?? null,
      checkpointId: data.checkpointId ?? null,
      responses: JSON.stringify([{ question: "What happened?", answer: data.answer ?? "I mixed up the directions." }]),
      supportNeeded: data.supportNeeded ?? false,
      supportResolvedAt: data.resolved ? data.at : null,
      confidence: 2,
      status: data.status ?? "SUBMITTED",
      createdAt: data.at,
      submittedAt: data.status === "DRAFT" ? null : data.at,
    },
  });
}

/** The page sends each cell as its counts (decision 016); read them as the page words them. */
const cellTexts = (row: { cells: CellCounts[] }) => row.cells.map(describeCell);

describe("the class progress grid", () => {
  it("shows not started, not yet with a count, got it after N, waiting for a check and open support", async () => {
    const ctx = await setup();
    const { student, otherStudent, choice, numeric, text } = ctx;
    await prisma.user.update({ where: { id: student.id }, data: { name: "Bea Student" } });
    await prisma.user.update({ where: { id: otherStudent.id }, data: { name: "adam Student" } });
    await attempt(student.id, choice, 1, '["b"]', "NOT_YET", minutes(1));
    await attempt(student.id, choice, 2, '["c"]', "NOT_YET", minutes(2));
    await attempt(student.id, choice, 3, '["a"]', "GOT_IT", minutes(3));
    await attempt(student.id, numeric, 1, "-12.5", "NOT_YET", minutes(4));
    await attempt(student.id, text, 1, "Balanced forces", null, minutes(5));
    await attempt(otherStudent.id, choice, 1, '["a"]', "GOT_IT", minutes(6));
    // Support: two open requests for the other student, plus a resolved one and a draft that don't count.
    await journal(ctx, { studentId: otherStudent.id, supportNeeded: true, at: minutes(10) });
    await journal(ctx, { studentId: otherStudent.id, supportNeeded: true, at: minutes(20) });
    await journal(ctx, { studentId: otherStudent.id, supportNeeded: true, resolved: true, at: minutes(5) });
    await journal(ctx, { studentId: otherStudent.id, supportNeeded: true, status: "DRAFT", at: minutes(1) });
    // Removed students: one with work is kept in a separate group, one without work is left out.
    const removedWithWork = await createStudent("Carl Removed");
    const removedWithout = await createStudent("Dora Removed");
    await prisma.enrollment.create({ data: { classroomId: ctx.classroom.id, studentId: removedWithWork.id, removedAt: new Date() } });
    await prisma.enrollment.create({ data: { classroomId: ctx.classroom.id, studentId: removedWithout.id, removedAt: new Date() } });
    await attempt(removedWithWork.id, choice, 1, '["b"]', "NOT_YET", minutes(7));
    // Another class's student is not on this grid.
    const stranger = await createStudent("Zed Elsewhere");
    await attempt(stranger.id, choice, 1, '["a"]', "GOT_IT", minutes(8));

    const res = await call(progressLoader, get(ctx.progressPath, ctx.cookie), { projectId: ctx.project.id });
    expect(res.status).toBe(200);
    const { grid } = res.data;
    expect(grid.checkpoints.map((c: { title: string }) => c.title)).toEqual(["Doubling the force", "Speed after 5 s", "Explain constant velocity"]);
    expect(grid.activeRows.map((r: { student: { name: string } }) => r.student.name)).toEqual(["adam Student", "Bea Student"]);
    const [adam, bea] = grid.activeRows;
    expect(cellTexts(bea)).toEqual(["Got it after 3 attempts", "Not yet · 1 attempt", "Waiting for a check · 1 attempt"]);
    expect(cellTexts(adam)).toEqual(["Got it after 1 attempt", "Not started", "Not started"]);
    expect(adam.support).toEqual({ open: 2, oldestAskedAt: minutes(10) });
    expect(adam.supportAge).toMatch(/days?$/);
    expect(bea.support.open).toBe(0);
    expect(grid.removedRows.map((r: { student: { name: string } }) => r.student.name)).toEqual(["Carl Removed"]);
    expect(cellTexts(grid.removedRows[0])).toEqual(["Not yet · 1 attempt", "Not started", "Not started"]);
    expect(grid.summaries[0]).toMatchObject({ gotIt: 2, notYet: 0, notStarted: 0, medianAttemptsToGotIt: 2 });
    expect(grid.summaries[1]).toMatchObject({ gotIt: 0, notYet: 1, notStarted: 1, medianAttemptsToGotIt: null });
    expect(grid.summaries[2]).toMatchObject({ waiting: 1, notStarted: 1 });
    expect(grid.openSupportTotal).toBe(2);
  });

  it("leaves archived checkpoints out of the columns", async () => {
    const ctx = await setup();
    await prisma.checkpoint.update({ where: { id: ctx.numeric.id }, data: { archivedAt: new Date() } });
    const res = await call(progressLoader, get(ctx.progressPath, ctx.cookie), { projectId: ctx.project.id });
    expect(res.data.grid.checkpoints.map((c: { id: string }) => c.id)).toEqual([ctx.choice.id, ctx.text.id]);
  });
});

describe("one student's timeline", () => {
  it("reads every attempt against the version it answered, with feedback and active misconception tags, in time order", async () => {
    const ctx = await setup();
    const { student, choice, misconception } = ctx;
    const first = await attempt(student.id, choice, 1, '["b"]', "NOT_YET", minutes(0));
    await prisma.attemptMisconception.create({ data: { attemptId: first.id, misconceptionId: misconception.id, source: "RULE" } });
    const other = await prisma.misconception.create({ data: { projectId: ctx.project.id, name: "Removed by teacher" } });
    await prisma.attemptMisconception.create({ data: { attemptId: first.id, misconceptionId: other.id, source: "RULE", active: false } });
    // The teacher edits the checkpoint: version 2 renames the options.
    const v2spec = sampleSpecs.choice(misconception.id);
    if (v2spec.kind !== "MULTIPLE_CHOICE") throw new Error("expected a choice spec");
    v2spec.options = v2spec.options.map((o) => ({ ...o, text: `${o.text} (v2)`, feedback: o.feedback ? "New feedback" : "" }));
    const v2 = await prisma.checkpointVersion.create({ data: { checkpointId: choice.id, version: 2, title: "Doubling, revised", prompt: "Question v2", spec: serializeSpec(v2spec) } });
    await attempt(student.id, choice, 2, '["a"]', "GOT_IT", minutes(30), v2.id);
    const entry = await journal(ctx, { at: minutes(10), attemptId: first.id, checkpointId: choice.id, answer: "I thought it halves." });
    await journal(ctx, { at: minutes(15), status: "DRAFT", answer: "private draft" });

    const res = await call(timelineLoader, get(ctx.timelinePath(), ctx.cookie), ctx.params());
    expect(res.status).toBe(200);
    const items = res.data.timeline.days.flatMap((d: { items: unknown[] }) => d.items);
    expect(items.map((i: { id: string }) => i.id)).toEqual([first.id, entry.id, expect.any(String)]);
    const [a1, j, a2] = items;
    expect(a1).toMatchObject({
      type: "attempt",
      number: 1,
      checkpointTitle: "Doubling the force",
      version: 1,
      latestVersion: 2,
      answerText: "It halves",
      feedback: ["Check which quantity is in the denominator."],
      outcome: "NOT_YET",
      misconceptions: [{ name: "Sign convention", source: "RULE" }],
    });
    expect(a2).toMatchObject({ number: 2, version: 2, checkpointTitle: "Doubling, revised", answerText: "It doubles (v2)", outcome: "GOT_IT" });
    expect(j).toMatchObject({
      type: "journal",
      about: "Attempt 1 on Doubling, revised",
      responses: [{ question: "What happened?", answer: "I thought it halves." }],
      confidence: 2,
      supportNeeded: false,
    });
    expect(JSON.stringify(res.data)).not.toContain("private draft");
    expect(res.data.student.name).toBe(student.name);
  });

  it("filters the timeline to one checkpoint and offers previous / next students in grid order", async () => {
    const ctx = await setup();
    await prisma.user.update({ where: { id: ctx.student.id }, data: { name: "A first" } });
    await prisma.user.update({ where: { id: ctx.otherStudent.id }, data: { name: "B second" } });
    await attempt(ctx.student.id, ctx.choice, 1, '["a"]', "GOT_IT", minutes(0));
    await attempt(ctx.student.id, ctx.numeric, 1, "12.5", "GOT_IT", minutes(1));
    const res = await call(timelineLoader, get(`${ctx.timelinePath()}?checkpoint=${ctx.numeric.id}`, ctx.cookie), ctx.params());
    const items = res.data.timeline.days.flatMap((d: { items: unknown[] }) => d.items);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ checkpointId: ctx.numeric.id, answerText: "12.5 m/s" });
    expect(res.data.timeline.filter.title).toBe("Speed after 5 s");
    expect(res.data.navigation).toMatchObject({ previous: null, next: { id: ctx.otherStudent.id }, position: 1, total: 2 });
    expect(res.data.timeline.standing.map((s: { state: { status: string } }) => s.state.status)).toEqual(["GOT_IT", "GOT_IT", "NOT_STARTED"]);
  });
});

describe("teacher comments", () => {
  it("adds a comment on an attempt, and an edit keeps version 1 while version 2 becomes the latest", async () => {
    const ctx = await setup();
    const a = await attempt(ctx.student.id, ctx.choice, 1, '["b"]', "NOT_YET", minutes(0));
    const added = await call(
      timelineAction,
      post(ctx.timelinePath(), { intent: "add-comment", target: "attempt", targetId: a.id, body: "  Look at the denominator.  " }, ctx.cookie),
      ctx.params(),
    );
    expect(added.status).toBe(200);
    expect(added.data.ok).toBe(true);
    const comment = await prisma.teacherComment.findFirstOrThrow({ where: { attemptId: a.id }, include: { versions: true } });
    expect(comment).toMatchObject({ authorId: ctx.teacher.id, studentId: ctx.student.id, projectId: ctx.project.id, journalEntryId: null });
    expect(comment.versions).toMatchObject([{ version: 1, body: "Look at the denominator." }]);

    const edited = await call(
      timelineAction,
      post(ctx.timelinePath(), { intent: "edit-comment", commentId: comment.id, body: "Look at the denominator, then try again." }, ctx.cookie),
      ctx.params(),
    );
    expect(edited.status).toBe(200);
    expect(edited.data.message).toMatch(/version 2/);
    // Sending the same text again adds nothing.
    await call(timelineAction, post(ctx.timelinePath(), { intent: "edit-comment", commentId: comment.id, body: "Look at the denominator, then try again." }, ctx.cookie), ctx.params());

    const page = await call(timelineLoader, get(ctx.timelinePath(), ctx.cookie), ctx.params());
    const shown = page.data.comments.find((c: { id: string }) => c.id === comment.id);
    expect(shown).toMatchObject({ attemptId: a.id, mine: true, authorName: ctx.teacher.name });
    expect(shown.versions.map((v: { version: number; body: string }) => [v.version, v.body])).toEqual([
      [1, "Look at the denominator."],
      [2, "Look at the denominator, then try again."],
    ]);
  });

  it("adds comments on a journal entry and on the project as a whole", async () => {
    const ctx = await setup();
    const entry = await journal(ctx, { at: minutes(0) });
    const onEntry = await call(timelineAction, post(ctx.timelinePath(), { intent: "add-comment", target: "journal", targetId: entry.id, body: "Good catch." }, ctx.cookie), ctx.params());
    const onProject = await call(timelineAction, post(ctx.timelinePath(), { intent: "add-comment", target: "project", body: "Great progress this week." }, ctx.cookie), ctx.params());
    expect([onEntry.status, onProject.status]).toEqual([200, 200]);
    const comments = await prisma.teacherComment.findMany({ where: { studentId: ctx.student.id }, orderBy: { createdAt: "asc" } });
    expect(comments.map((c) => [c.journalEntryId, c.attemptId])).toEqual([
      [entry.id, null],
      [null, null],
    ]);
  });

  it("lets only the author edit a comment", async () => {
    const ctx = await setup();
    const coTeacher = await createTeacher();
    const theirs = await prisma.teacherComment.create({
      data: { authorId: coTeacher.id, studentId: ctx.student.id, projectId: ctx.project.id, versions: { create: { version: 1, body: "Theirs" } } },
    });
    const res = await call(timelineAction, post(ctx.timelinePath(), { intent: "edit-comment", commentId: theirs.id, body: "Mine now" }, ctx.cookie), ctx.params());
    expect(res.status).toBe(400);
    expect(res.data.reply.error[""][0]).toMatch(/only edit your own/);
    expect(await prisma.teacherCommentVersion.count({ where: { commentId: theirs.id } })).toBe(1);
    const page = await call(timelineLoader, get(ctx.timelinePath(), ctx.cookie), ctx.params());
    expect(page.data.comments.find((c: { id: string }) => c.id === theirs.id).mine).toBe(false);
  });

  it("answers bad input with 400, a message next to the field and the value kept", async () => {
    const ctx = await setup();
    const a = await attempt(ctx.student.id, ctx.choice, 1, '["b"]', "NOT_YET", minutes(0));
    const empty = await call(timelineAction, post(ctx.timelinePath(), { intent: "add-comment", target: "attempt", targetId: a.id, body: "   " }, ctx.cookie), ctx.params());
    expect(empty.status).toBe(400);
    expect(empty.data.reply.error.body[0]).toBe("Write your comment before sending it.");
    expect(empty.data.formId).toBe(`comment-attempt-${a.id}`);

    const long = "x".repeat(5001);
    const tooLong = await call(timelineAction, post(ctx.timelinePath(), { intent: "add-comment", target: "project", body: long }, ctx.cookie), ctx.params());
    expect(tooLong.status).toBe(400);
    expect(tooLong.data.reply.error.body[0]).toMatch(/under 5,000 characters/);
    expect(tooLong.data.reply.initialValue.body).toBe(long);

    const unknown = await call(timelineAction, post(ctx.timelinePath(), { intent: "add-comment", target: "attempt", targetId: "no-such-attempt", body: "Hello" }, ctx.cookie), ctx.params());
    expect(unknown.status).toBe(400);
    expect(unknown.data.reply.error[""][0]).toMatch(/couldn't find that attempt/);
    expect(unknown.data.reply.initialValue.body).toBe("Hello");

    // Another student's attempt in the same class cannot be commented on through this student's page.
    const theirs = await attempt(ctx.otherStudent.id, ctx.choice, 1, '["a"]', "GOT_IT", minutes(1));
    const crossed = await call(timelineAction, post(ctx.timelinePath(), { intent: "add-comment", target: "attempt", targetId: theirs.id, body: "Hi" }, ctx.cookie), ctx.params());
    expect(crossed.status).toBe(400);

    const badTarget = await call(timelineAction, post(ctx.timelinePath(), { intent: "add-comment", target: "attempt", body: "No id" }, ctx.cookie), ctx.params());
    expect(badTarget.status).toBe(400);
    const badIntent = await call(timelineAction, post(ctx.timelinePath(), { intent: "explode" }, ctx.cookie), ctx.params());
    expect(badIntent.status).toBe(400);
    const badVerdict = await call(timelineAction, post(ctx.timelinePath(), { intent: "mark-attempt", attemptId: a.id, verdict: "PERFECT" }, ctx.cookie), ctx.params());
    expect(badVerdict.status).toBe(400);
    const badEdit = await call(timelineAction, post(ctx.timelinePath(), { intent: "edit-comment", commentId: "nope", body: "x" }, ctx.cookie), ctx.params());
    expect(badEdit.status).toBe(400);
    expect(await prisma.teacherComment.count({ where: { projectId: ctx.project.id } })).toBe(0);
  });
});

describe("marking short text and support", () => {
  it("lets the teacher's latest mark win over the student's self-assessment", async () => {
    const ctx = await setup();
    const a = await attempt(ctx.student.id, ctx.text, 1, "The forces are balanced.", null, minutes(0));
    await prisma.attemptReview.create({ data: { attemptId: a.id, reviewerId: ctx.student.id, role: "SELF", verdict: "GOT_IT", createdAt: minutes(1) } });
    const grid1 = await call(progressLoader, get(ctx.progressPath, ctx.cookie), { projectId: ctx.project.id });
    const row = (g: typeof grid1) => g.data.grid.activeRows.find((r: { student: { id: string } }) => r.student.id === ctx.student.id);
    expect(describeCell(row(grid1).cells[2])).toBe("Got it after 1 attempt");

    const marked = await call(timelineAction, post(ctx.timelinePath(), { intent: "mark-attempt", attemptId: a.id, verdict: "NOT_YET" }, ctx.cookie), ctx.params());
    expect(marked.status).toBe(200);
    const grid2 = await call(progressLoader, get(ctx.progressPath, ctx.cookie), { projectId: ctx.project.id });
    expect(describeCell(row(grid2).cells[2])).toBe("Not yet · 1 attempt");
    const page = await call(timelineLoader, get(ctx.timelinePath(), ctx.cookie), ctx.params());
    const item = page.data.timeline.days[0].items[0];
    expect(item).toMatchObject({ outcome: "NOT_YET", selfAssessment: { verdict: "GOT_IT" }, teacherMark: { verdict: "NOT_YET", by: ctx.teacher.name }, teacherMarkCount: 1 });

    await call(timelineAction, post(ctx.timelinePath(), { intent: "mark-attempt", attemptId: a.id, verdict: "GOT_IT" }, ctx.cookie), ctx.params());
    expect(await prisma.attemptReview.count({ where: { attemptId: a.id, role: "TEACHER" } })).toBe(2);
    const page2 = await call(timelineLoader, get(ctx.timelinePath(), ctx.cookie), ctx.params());
    expect(page2.data.timeline.days[0].items[0]).toMatchObject({ outcome: "GOT_IT", teacherMarkCount: 2 });

    // Auto-checked attempts are not marked by hand.
    const choice = await attempt(ctx.student.id, ctx.choice, 1, '["b"]', "NOT_YET", minutes(5));
    const refused = await call(timelineAction, post(ctx.timelinePath(), { intent: "mark-attempt", attemptId: choice.id, verdict: "GOT_IT" }, ctx.cookie), ctx.params());
    expect(refused.status).toBe(400);
  });

  it("marks a support request as given, with an optional note kept as a comment", async () => {
    const ctx = await setup();
    const entry = await journal(ctx, { supportNeeded: true, at: minutes(0) });
    const plain = await journal(ctx, { supportNeeded: true, at: minutes(1) });
    const res = await call(timelineAction, post(ctx.timelinePath(), { intent: "resolve-support", journalEntryId: entry.id, note: "We went through it together at lunch." }, ctx.cookie), ctx.params());
    expect(res.status).toBe(200);
    expect((await prisma.journalEntry.findUniqueOrThrow({ where: { id: entry.id } })).supportResolvedAt).toBeInstanceOf(Date);
    const comment = await prisma.teacherComment.findFirstOrThrow({ where: { journalEntryId: entry.id }, include: { versions: true } });
    expect(comment.versions[0].body).toBe("We went through it together at lunch.");

    const noNote = await call(timelineAction, post(ctx.timelinePath(), { intent: "resolve-support", journalEntryId: plain.id }, ctx.cookie), ctx.params());
    expect(noNote.status).toBe(200);
    expect(await prisma.teacherComment.count({ where: { journalEntryId: plain.id } })).toBe(0);

    const again = await call(timelineAction, post(ctx.timelinePath(), { intent: "resolve-support", journalEntryId: entry.id }, ctx.cookie), ctx.params());
    expect(again.status).toBe(400);
    const grid = await call(progressLoader, get(ctx.progressPath, ctx.cookie), { projectId: ctx.project.id });
    expect(grid.data.grid.openSupportTotal).toBe(0);
  });
});

describe("who may follow the class", () => {
  it("gives another teacher a 404 on every loader and action", async () => {
    const ctx = await setup();
    const a = await attempt(ctx.student.id, ctx.text, 1, "Text", null, minutes(0));
    const entry = await journal(ctx, { supportNeeded: true, at: minutes(1) });
    const comment = await prisma.teacherComment.create({
      data: { authorId: ctx.teacher.id, studentId: ctx.student.id, projectId: ctx.project.id, versions: { create: { version: 1, body: "Original" } } },
    });
    const other = await createTeacher();
    const cookie = await cookieFor(other.id);
    expect((await call(progressLoader, get(ctx.progressPath, cookie), { projectId: ctx.project.id })).status).toBe(404);
    expect((await call(timelineLoader, get(ctx.timelinePath(), cookie), ctx.params())).status).toBe(404);
    const posts = [
      { intent: "add-comment", target: "project", body: "Hi" },
      { intent: "add-comment", target: "attempt", targetId: a.id, body: "Hi" },
      { intent: "edit-comment", commentId: comment.id, body: "Changed" },
      { intent: "mark-attempt", attemptId: a.id, verdict: "GOT_IT" },
      { intent: "resolve-support", journalEntryId: entry.id },
    ];
    for (const fields of posts) {
      expect((await call(timelineAction, post(ctx.timelinePath(), fields, cookie), ctx.params())).status).toBe(404);
    }
    expect(await prisma.teacherComment.count({ where: { projectId: ctx.project.id } })).toBe(1);
    expect(await prisma.teacherCommentVersion.count({ where: { comment: { projectId: ctx.project.id } } })).toBe(1);
    expect(await prisma.attemptReview.count({ where: { attemptId: a.id } })).toBe(0);
    expect((await prisma.journalEntry.findUniqueOrThrow({ where: { id: entry.id } })).supportResolvedAt).toBeNull();
  });

  it("gives a 404 for a student who is not in the project's class", async () => {
    const ctx = await setup();
    const outsider = await createStudent();
    const elsewhere = await createClassWithProject();
    await enroll(elsewhere.classroom.id, outsider.id);
    expect((await call(timelineLoader, get(ctx.timelinePath(outsider.id), ctx.cookie), ctx.params(outsider.id))).status).toBe(404);
    const res = await call(timelineAction, post(ctx.timelinePath(outsider.id), { intent: "add-comment", target: "project", body: "Hi" }, ctx.cookie), ctx.params(outsider.id));
    expect(res.status).toBe(404);
    expect((await call(timelineLoader, get(ctx.timelinePath("nobody"), ctx.cookie), ctx.params("nobody"))).status).toBe(404);
  });

  it("shows a removed student's timeline: their work is kept", async () => {
    const ctx = await setup();
    await attempt(ctx.student.id, ctx.choice, 1, '["a"]', "GOT_IT", minutes(0));
    await prisma.enrollment.updateMany({ where: { studentId: ctx.student.id }, data: { removedAt: new Date() } });
    const res = await call(timelineLoader, get(ctx.timelinePath(), ctx.cookie), ctx.params());
    expect(res.status).toBe(200);
    expect(res.data.student.removed).toBe(true);
    expect(res.data.timeline.itemCount).toBe(1);
  });

  it("gives students a 403 and sends visitors to log in", async () => {
    const ctx = await setup();
    const cookie = await cookieFor(ctx.student.id);
    expect((await call(progressLoader, get(ctx.progressPath, cookie), { projectId: ctx.project.id })).status).toBe(403);
    expect((await call(timelineLoader, get(ctx.timelinePath(), cookie), ctx.params())).status).toBe(403);
    expect((await call(timelineAction, post(ctx.timelinePath(), { intent: "add-comment", target: "project", body: "Hi" }, cookie), ctx.params())).status).toBe(403);
    const anonymous = await call(progressLoader, get(ctx.progressPath), { projectId: ctx.project.id });
    expect(anonymous.status).toBe(302);
    expect(anonymous.location).toMatch(/^\/login\?redirectTo=/);
  });
});
