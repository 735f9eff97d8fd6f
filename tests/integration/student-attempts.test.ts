import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { serializeSpec } from "~/domain/checkpoint-spec";
import { action as checkpointAction, loader as checkpointLoader } from "~/routes/learn.projects.$projectId.checkpoints.$checkpointId";
import { loader as overviewLoader } from "~/routes/learn.projects.$projectId._index";
import { createClassWithProject, createClassroom, createProject, createStudent, enroll } from "../support/factories";
import { call, cookieFor, get, post } from "../support/routes";

async function setup() {
  const world = await createClassWithProject();
  const [choice, numeric, text] = world.checkpoints;
  return { ...world, choice, numeric, text, cookie: await cookieFor(world.student.id) };
}

function paths(projectId: string, checkpointId: string) {
  const path = `/learn/projects/${projectId}/checkpoints/${checkpointId}`;
  const params = { projectId, checkpointId };
  return {
    path,
    params,
    view: (cookie: string, query = "") => call(checkpointLoader, get(path + query, cookie), params),
    attempt: (cookie: string, fields: Record<string, string | string[] | undefined>) =>
      call(checkpointAction, post(path, { intent: "attempt", submissionKey: randomUUID(), ...fields }, cookie), params),
    send: (cookie: string, fields: Record<string, string | string[] | undefined>) => call(checkpointAction, post(path, fields, cookie), params),
  };
}

function attemptIdFrom(location: string | null): string {
  const id = new URL(location ?? "", "http://localhost").searchParams.get("attempt");
  if (!id) throw new Error(`No attempt in ${location}`);
  return id;
}

describe("attempts on a multiple-choice checkpoint", () => {
  it("answers a wrong choice with 'not yet', the teacher's feedback and the misconception's next step, then counts a revision", async () => {
    const { project, choice, misconception, student, cookie } = await setup();
    const cp = paths(project.id, choice.id);

    const page = await cp.view(cookie);
    expect(page.status).toBe(200);
    expect(page.data.view).toEqual({
      kind: "MULTIPLE_CHOICE",
      multiple: false,
      options: [
        { id: "a", text: "It doubles" },
        { id: "b", text: "It halves" },
        { id: "c", text: "It stays the same" },
      ],
    });
    expect(JSON.stringify(page.data.view)).not.toMatch(/correct|feedback/);
    expect(page.data.submissionKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(page.data.state).toBe("Not started");

    const wrong = await cp.attempt(cookie, { optionIds: "b" });
    expect(wrong.status).toBe(302);
    expect(wrong.location).toMatch(new RegExp(`^${cp.path}\\?attempt=.+#feedback$`));
    const firstId = attemptIdFrom(wrong.location);

    const feedback = await cp.view(cookie, `?attempt=${firstId}`);
    expect(feedback.data.selected).toMatchObject({
      number: 1,
      outcome: "NOT_YET",
      answerText: "It halves",
      feedback: ["Check which quantity is in the denominator."],
      nextSteps: ["Draw the axis first and mark which way is positive."],
    });
    expect(feedback.data.state).toBe("Not yet · 1 attempt");
    // After a "not yet" with no prompt from the teacher: the four-part journal, linked to the attempt.
    expect(feedback.data.reflections).toHaveLength(1);
    expect(feedback.data.reflections[0].context).toEqual({ promptId: null, checkpointId: choice.id, attemptId: firstId });
    expect(feedback.data.reflections[0].questions).toEqual([
      "What happened?",
      "What did I learn?",
      "What would I do differently?",
      "What support do I need?",
    ]);

    const tags = await prisma.attemptMisconception.findMany({ where: { attemptId: firstId } });
    expect(tags).toEqual([expect.objectContaining({ misconceptionId: misconception.id, source: "RULE", active: true })]);

    const revision = await cp.attempt(cookie, { optionIds: "a" });
    const secondId = attemptIdFrom(revision.location);
    const after = await cp.view(cookie, `?attempt=${secondId}`);
    expect(after.data.selected).toMatchObject({ number: 2, outcome: "GOT_IT", feedback: [], nextSteps: [] });
    expect(after.data.reflections).toEqual([]);
    expect(after.data.state).toBe("Got it after 2 attempts");
    expect(after.data.history.map((a: { number: number }) => a.number)).toEqual([2, 1]);

    const stored = await prisma.attempt.findMany({ where: { studentId: student.id, checkpointId: choice.id }, orderBy: { number: "asc" } });
    expect(stored.map((a) => [a.number, a.outcome, a.answer])).toEqual([
      [1, "NOT_YET", '["b"]'],
      [2, "GOT_IT", '["a"]'],
    ]);
  });

  it("asks for a choice when none is made, without storing anything", async () => {
    const { project, choice, student, cookie } = await setup();
    const res = await paths(project.id, choice.id).attempt(cookie, {});
    expect(res.status).toBe(400);
    expect(res.data.formId).toBe("attempt");
    expect(res.data.reply.error.optionIds[0]).toMatch(/Choose an option/);
    expect(await prisma.attempt.count({ where: { studentId: student.id } })).toBe(0);
  });

  it("uses checkboxes when several options are right", async () => {
    const { project, choice, cookie } = await setup();
    await prisma.checkpointVersion.create({
      data: {
        checkpointId: choice.id,
        version: 2,
        title: "Pick all",
        prompt: "Which are true?",
        spec: serializeSpec({
          kind: "MULTIPLE_CHOICE",
          options: [
            { id: "x", text: "X", correct: true, feedback: "", misconceptionId: null },
            { id: "y", text: "Y", correct: true, feedback: "", misconceptionId: null },
            { id: "z", text: "Z", correct: false, feedback: "", misconceptionId: null },
          ],
        }),
      },
    });
    const page = await paths(project.id, choice.id).view(cookie);
    expect(page.data.view.multiple).toBe(true);
    const partly = await paths(project.id, choice.id).attempt(cookie, { optionIds: ["x"] });
    const res = await paths(project.id, choice.id).view(cookie, `?attempt=${attemptIdFrom(partly.location)}`);
    expect(res.data.selected.outcome).toBe("NOT_YET");
    expect(res.data.selected.feedback[0]).toMatch(/more than one option is right/);
    const both = await paths(project.id, choice.id).attempt(cookie, { optionIds: ["y", "x"] });
    expect((await prisma.attempt.findUniqueOrThrow({ where: { id: attemptIdFrom(both.location) } })).outcome).toBe("GOT_IT");
  });
});

describe("attempts on a numeric checkpoint", () => {
  it("answers what doesn't read as a number with 400, the message next to the field and the typed value kept, storing nothing", async () => {
    const { project, numeric, student, cookie } = await setup();
    const cp = paths(project.id, numeric.id);
    const page = await cp.view(cookie);
    expect(page.data.view).toEqual({ kind: "NUMERIC", unit: "m/s" });

    const typed = await cp.attempt(cookie, { numericAnswer: "twelve and a half" });
    expect(typed.status).toBe(400);
    expect(typed.data.reply.error.numericAnswer[0]).toMatch(/doesn't read as a number/);
    expect(typed.data.reply.initialValue.numericAnswer).toBe("twelve and a half");

    const empty = await cp.attempt(cookie, { numericAnswer: "" });
    expect(empty.status).toBe(400);
    expect(empty.data.reply.error.numericAnswer[0]).toMatch(/Type a number/);
    expect(await prisma.attempt.count({ where: { studentId: student.id } })).toBe(0);
  });

  it("recognises a listed wrong value with its feedback and misconception, and accepts the answer with its unit", async () => {
    const { project, numeric, misconception, cookie } = await setup();
    const cp = paths(project.id, numeric.id);
    const wrong = await cp.attempt(cookie, { numericAnswer: "-12.5" });
    const id = attemptIdFrom(wrong.location);
    const res = await cp.view(cookie, `?attempt=${id}`);
    expect(res.data.selected).toMatchObject({
      outcome: "NOT_YET",
      answerText: "-12.5 m/s",
      feedback: ["Look at the direction you chose as positive."],
      nextSteps: ["Draw the axis first and mark which way is positive."],
    });
    expect(await prisma.attemptMisconception.findFirst({ where: { attemptId: id } })).toMatchObject({ misconceptionId: misconception.id, source: "RULE" });

    const unlisted = await cp.attempt(cookie, { numericAnswer: "7" });
    const unlistedView = await cp.view(cookie, `?attempt=${attemptIdFrom(unlisted.location)}`);
    expect(unlistedView.data.selected).toMatchObject({ outcome: "NOT_YET", feedback: [], nextSteps: [] });
    expect(await prisma.attemptMisconception.count({ where: { attemptId: attemptIdFrom(unlisted.location) } })).toBe(0);

    const right = await cp.attempt(cookie, { numericAnswer: "12,5 m/s" });
    const rightView = await cp.view(cookie, `?attempt=${attemptIdFrom(right.location)}`);
    expect(rightView.data.selected).toMatchObject({ number: 3, outcome: "GOT_IT", answerText: "12,5 m/s" });
  });
});

describe("attempts on a short-text checkpoint", () => {
  it("shows the model answer after submitting, stores the self-assessment, and lets the teacher's mark win", async () => {
    const { project, text, teacher, cookie } = await setup();
    const cp = paths(project.id, text.id);
    const page = await cp.view(cookie);
    expect(page.data.view).toEqual({ kind: "SHORT_TEXT" });
    expect(JSON.stringify(page.data)).not.toContain("net force is zero");

    const empty = await cp.attempt(cookie, { textAnswer: "   " });
    expect(empty.status).toBe(400);
    expect(empty.data.reply.error.textAnswer[0]).toMatch(/Write your answer/);

    const sent = await cp.attempt(cookie, { textAnswer: "It keeps going because nothing stops it." });
    const id = attemptIdFrom(sent.location);
    let res = await cp.view(cookie, `?attempt=${id}`);
    expect(res.data.selected).toMatchObject({
      outcome: null,
      answerText: "It keeps going because nothing stops it.",
      modelAnswer: "Because the net force is zero, the velocity stays constant.",
    });
    expect(res.data.state).toBe("Waiting for a check · 1 attempt");
    expect(res.data.reflections).toEqual([]);

    const bad = await cp.send(cookie, { intent: "self-assess", attemptId: id, verdict: "MAYBE" });
    expect(bad.status).toBe(400);

    const assessed = await cp.send(cookie, { intent: "self-assess", attemptId: id, verdict: "NOT_YET" });
    expect(assessed.status).toBe(302);
    expect(assessed.location).toBe(`${cp.path}?attempt=${id}#feedback`);
    res = await cp.view(cookie, `?attempt=${id}`);
    expect(res.data.selected).toMatchObject({ outcome: "NOT_YET", selfVerdict: "NOT_YET", teacherMark: null });
    expect(res.data.reflections).toHaveLength(1);
    expect(await prisma.attemptReview.findMany({ where: { attemptId: id } })).toEqual([expect.objectContaining({ role: "SELF", verdict: "NOT_YET" })]);

    // The teacher's mark (written by the teacher's pages) wins over the self-assessment.
    await prisma.attemptReview.create({ data: { attemptId: id, reviewerId: teacher.id, role: "TEACHER", verdict: "GOT_IT", note: "You've got the idea." } });
    await cp.send(cookie, { intent: "self-assess", attemptId: id, verdict: "NOT_YET" });
    res = await cp.view(cookie, `?attempt=${id}`);
    expect(res.data.selected).toMatchObject({ outcome: "GOT_IT", teacherMark: { verdict: "GOT_IT", note: "You've got the idea." } });
    expect(res.data.state).toBe("Got it after 1 attempt");
  });

  it("refuses a self-assessment of an auto-checked attempt", async () => {
    const { project, choice, cookie } = await setup();
    const cp = paths(project.id, choice.id);
    const id = attemptIdFrom((await cp.attempt(cookie, { optionIds: "b" })).location);
    const res = await cp.send(cookie, { intent: "self-assess", attemptId: id, verdict: "GOT_IT" });
    expect(res.status).toBe(400);
    expect(await prisma.attemptReview.count({ where: { attemptId: id } })).toBe(0);
  });
});

describe("one attempt per submission", () => {
  it("stores a double submit with the same submission key once", async () => {
    const { project, choice, student, cookie } = await setup();
    const cp = paths(project.id, choice.id);
    const submissionKey = randomUUID();
    const [first, second] = await Promise.all([
      cp.attempt(cookie, { optionIds: "b", submissionKey }),
      cp.attempt(cookie, { optionIds: "b", submissionKey }),
    ]);
    const third = await cp.attempt(cookie, { optionIds: "b", submissionKey });
    expect([first.status, second.status, third.status]).toEqual([302, 302, 302]);
    expect(new Set([first.location, second.location, third.location]).size).toBe(1);
    expect(await prisma.attempt.count({ where: { studentId: student.id } })).toBe(1);
    expect(await prisma.attemptMisconception.count({ where: { attempt: { studentId: student.id } } })).toBe(1);
  });

  it("numbers concurrent attempts without gaps or clashes", async () => {
    const { project, choice, student, cookie } = await setup();
    const cp = paths(project.id, choice.id);
    const results = await Promise.all(Array.from({ length: 5 }, () => cp.attempt(cookie, { optionIds: "c" })));
    expect(results.every((r) => r.status === 302)).toBe(true);
    const numbers = (await prisma.attempt.findMany({ where: { studentId: student.id }, orderBy: { number: "asc" } })).map((a) => a.number);
    expect(numbers).toEqual([1, 2, 3, 4, 5]);
  });
});

describe("attempt cap", () => {
  it("shows the attempts left, then no form and a kind message, and refuses more", async () => {
    const { classroom, student } = await createClassWithProject();
    const { project, checkpoints } = await createProject(classroom.id, { title: "Capped", maxAttempts: 2 });
    const cookie = await cookieFor(student.id);
    const cp = paths(project.id, checkpoints[0].id);
    expect((await cp.view(cookie)).data.attemptsLeftText).toBe("2 attempts left");
    await cp.attempt(cookie, { optionIds: "b" });
    expect((await cp.view(cookie)).data.attemptsLeftText).toBe("1 attempt left");
    await cp.attempt(cookie, { optionIds: "c" });
    const page = await cp.view(cookie);
    expect(page.data.attemptsLeft).toBe(0);
    expect(page.data.attemptsLeftText).toBe("No attempts left");
    const refused = await cp.attempt(cookie, { optionIds: "a" });
    expect(refused.status).toBe(400);
    expect(refused.data.reply.error[""][0]).toMatch(/used all 2 attempts.*kept/);
    expect(await prisma.attempt.count({ where: { studentId: student.id, checkpointId: checkpoints[0].id } })).toBe(2);
  });
});

describe("history", () => {
  it("reads old attempts against the version they answered after the teacher made version 2, with teacher comments", async () => {
    const { project, choice, teacher, student, cookie } = await setup();
    const cp = paths(project.id, choice.id);
    const oldId = attemptIdFrom((await cp.attempt(cookie, { optionIds: "b" })).location);

    await prisma.checkpointVersion.create({
      data: {
        checkpointId: choice.id,
        version: 2,
        title: "Doubling the force, again",
        prompt: "What happens to the acceleration?",
        spec: serializeSpec({
          kind: "MULTIPLE_CHOICE",
          options: [
            { id: "p", text: "It doubles too", correct: true, feedback: "", misconceptionId: null },
            { id: "q", text: "Nothing", correct: false, feedback: "Think about F = ma.", misconceptionId: null },
          ],
        }),
      },
    });
    const comment = await prisma.teacherComment.create({
      data: { authorId: teacher.id, studentId: student.id, projectId: project.id, attemptId: oldId },
    });
    await prisma.teacherCommentVersion.createMany({
      data: [
        { commentId: comment.id, version: 1, body: "Good first try." },
        { commentId: comment.id, version: 2, body: "Good first try — look at the denominator." },
      ],
    });

    const newId = attemptIdFrom((await cp.attempt(cookie, { optionIds: "q" })).location);
    const page = await cp.view(cookie);
    expect(page.data.checkpoint.title).toBe("Doubling the force, again");
    expect(page.data.view.options.map((o: { id: string }) => o.id)).toEqual(["p", "q"]);
    const [latest, old] = page.data.history;
    expect(latest).toMatchObject({ id: newId, number: 2, answerText: "Nothing", feedback: ["Think about F = ma."], version: { number: 2, isLatest: true } });
    expect(old).toMatchObject({
      id: oldId,
      number: 1,
      outcome: "NOT_YET",
      answerText: "It halves",
      feedback: ["Check which quantity is in the denominator."],
      version: { number: 1, title: "Doubling the force", isLatest: false },
    });
    expect(old.comments).toHaveLength(1);
    expect(old.comments[0].versions.map((v: { body: string }) => v.body)).toEqual(["Good first try.", "Good first try — look at the denominator."]);
  });
});

describe("reflection prompts beside a checkpoint and after a 'not yet'", () => {
  it("uses the teacher's AFTER_NOT_YET prompts instead of the template, and shows CHECKPOINT prompts beside it", async () => {
    const { project, choice, cookie } = await setup();
    const afterPrompt = await prisma.reflectionPrompt.create({
      data: { projectId: project.id, checkpointId: choice.id, trigger: "AFTER_NOT_YET", title: "Debrief", questions: JSON.stringify(["What did you expect?"]) },
    });
    const beside = await prisma.reflectionPrompt.create({
      data: { projectId: project.id, checkpointId: choice.id, trigger: "CHECKPOINT", title: "Before you start", questions: JSON.stringify(["What do you know already?"]) },
    });
    await prisma.reflectionPrompt.create({
      data: { projectId: project.id, checkpointId: choice.id, trigger: "CHECKPOINT", title: "Retired", questions: "[]", archivedAt: new Date() },
    });
    const cp = paths(project.id, choice.id);
    const page = await cp.view(cookie);
    expect(page.data.besideForms.map((f: { title: string }) => f.title)).toEqual(["Before you start"]);
    expect(page.data.besideForms[0].context).toEqual({ promptId: beside.id, checkpointId: choice.id, attemptId: null });

    const id = attemptIdFrom((await cp.attempt(cookie, { optionIds: "b" })).location);
    const after = await cp.view(cookie, `?attempt=${id}`);
    expect(after.data.reflections).toHaveLength(1);
    expect(after.data.reflections[0]).toMatchObject({
      title: "Debrief",
      questions: ["What did you expect?"],
      context: { promptId: afterPrompt.id, checkpointId: choice.id, attemptId: id },
      added: false,
    });

    const added = await cp.send(cookie, {
      intent: "add-entry",
      promptId: afterPrompt.id,
      checkpointId: choice.id,
      attemptId: id,
      "answers[0]": "I expected it to halve.",
    });
    expect(added.status).toBe(302);
    expect(added.location).toMatch(new RegExp(`\\?attempt=${id}&added=.+#journal-form-`));
    const entry = await prisma.journalEntry.findFirstOrThrow({ where: { attemptId: id } });
    expect(entry).toMatchObject({ status: "SUBMITTED", checkpointId: choice.id, promptId: afterPrompt.id });
    expect(JSON.parse(entry.responses)).toEqual([{ question: "What did you expect?", answer: "I expected it to halve." }]);
    expect((await cp.view(cookie, `?attempt=${id}`)).data.reflections[0].added).toBe(true);
  });
});

describe("retired checkpoints", () => {
  it("keeps the student's history readable but takes no new attempts", async () => {
    const { project, choice, cookie, student, otherStudent } = await setup();
    const cp = paths(project.id, choice.id);
    await cp.attempt(cookie, { optionIds: "b" });
    await prisma.checkpoint.update({ where: { id: choice.id }, data: { archivedAt: new Date() } });

    const page = await cp.view(cookie);
    expect(page.status).toBe(200);
    expect(page.data.checkpoint.archived).toBe(true);
    expect(page.data.view).toBeNull();
    expect(page.data.history).toHaveLength(1);

    const refused = await cp.attempt(cookie, { optionIds: "a" });
    expect(refused.status).toBe(404);
    expect(await prisma.attempt.count({ where: { studentId: student.id } })).toBe(1);

    const overview = await call(overviewLoader, get(`/learn/projects/${project.id}`, cookie), { projectId: project.id });
    expect(overview.data.checkpoints.map((c: { id: string }) => c.id)).not.toContain(choice.id);
    expect(overview.data.retired).toEqual([{ id: choice.id, title: "Doubling the force", attempts: 1 }]);

    // Someone who never answered it finds nothing there.
    expect((await cp.view(await cookieFor(otherStudent.id))).status).toBe(404);
  });
});

describe("project overview", () => {
  it("lists every checkpoint in order with the student's own state in words and a clear next up", async () => {
    const { project, choice, numeric, cookie, otherStudent } = await setup();
    await prisma.reflectionPrompt.create({
      data: { projectId: project.id, trigger: "PROJECT", title: "Blameless debrief", questions: JSON.stringify(["What happened?"]) },
    });
    await paths(project.id, choice.id).attempt(cookie, { optionIds: "b" });
    await paths(project.id, choice.id).attempt(cookie, { optionIds: "a" });
    await paths(project.id, numeric.id).attempt(cookie, { numericAnswer: "3" });
    // Another student's work changes nothing here.
    await paths(project.id, numeric.id).attempt(await cookieFor(otherStudent.id), { numericAnswer: "12.5" });

    const res = await call(overviewLoader, get(`/learn/projects/${project.id}`, cookie), { projectId: project.id });
    expect(res.status).toBe(200);
    expect(res.data.project).toMatchObject({ title: "Forces and motion", goal: "Explain motion with forces" });
    expect(res.data.checkpoints.map((c: { title: string; state: string; isNextUp: boolean }) => [c.title, c.state, c.isNextUp])).toEqual([
      ["Doubling the force", "Got it after 2 attempts", false],
      ["Speed after 5 s", "Not yet · 1 attempt", true],
      ["Explain constant velocity", "Not started", false],
    ]);
    expect(res.data.nextUp).toMatchObject({ id: numeric.id, number: 2, started: true });
    expect(res.data.prompts).toEqual([expect.objectContaining({ title: "Blameless debrief", questions: ["What happened?"] })]);
    expect(JSON.stringify(res.data)).not.toMatch(/score|percent/i);
  });
});

describe("who may see and do what", () => {
  it("never shows one student's attempts to another student in the same class, nor lets them act on them", async () => {
    const { project, choice, text, cookie, otherStudent, student } = await setup();
    const mine = attemptIdFrom((await paths(project.id, choice.id).attempt(cookie, { optionIds: "b" })).location);
    const myText = attemptIdFrom((await paths(project.id, text.id).attempt(cookie, { textAnswer: "Mine" })).location);
    const otherCookie = await cookieFor(otherStudent.id);

    const peek = await paths(project.id, choice.id).view(otherCookie, `?attempt=${mine}`);
    expect(peek.status).toBe(200);
    expect(peek.data.selected).toBeNull();
    expect(peek.data.history).toEqual([]);
    expect(peek.data.reflections).toEqual([]);
    expect(peek.data.state).toBe("Not started");

    const assess = await paths(project.id, text.id).send(otherCookie, { intent: "self-assess", attemptId: myText, verdict: "GOT_IT" });
    expect(assess.status).toBe(400);
    expect(await prisma.attemptReview.count({ where: { attemptId: myText } })).toBe(0);

    // Their own attempt is numbered on its own.
    const theirs = attemptIdFrom((await paths(project.id, choice.id).attempt(otherCookie, { optionIds: "a" })).location);
    expect(await prisma.attempt.findUniqueOrThrow({ where: { id: theirs } })).toMatchObject({ studentId: otherStudent.id, number: 1 });
    expect(await prisma.attempt.count({ where: { studentId: student.id } })).toBe(2);
  });

  it("gives 404 to a student outside the class and to a removed student, 403 to a teacher, and 404 for a draft project", async () => {
    const { project, choice, classroom, teacher, student, cookie } = await setup();
    const cp = paths(project.id, choice.id);
    const overview = (c: string, projectId = project.id) => call(overviewLoader, get(`/learn/projects/${projectId}`, c), { projectId });

    const outsider = await cookieFor((await createStudent()).id);
    expect((await overview(outsider)).status).toBe(404);
    expect((await cp.view(outsider)).status).toBe(404);
    expect((await cp.attempt(outsider, { optionIds: "a" })).status).toBe(404);

    const teacherCookie = await cookieFor(teacher.id);
    expect((await overview(teacherCookie)).status).toBe(403);
    expect((await cp.view(teacherCookie)).status).toBe(403);
    expect((await cp.attempt(teacherCookie, { optionIds: "a" })).status).toBe(403);

    const anonymous = await cp.view("");
    expect(anonymous.status).toBe(302);

    const draft = await createProject(classroom.id, { status: "DRAFT", title: "Not yet published" });
    expect((await overview(cookie, draft.project.id)).status).toBe(404);
    expect((await paths(draft.project.id, draft.checkpoints[0].id).view(cookie)).status).toBe(404);
    expect((await paths(draft.project.id, draft.checkpoints[0].id).attempt(cookie, { optionIds: "a" })).status).toBe(404);

    // A checkpoint of another project is not found through this project.
    const elsewhere = await createProject((await createClassroom(teacher.id)).id);
    expect((await paths(project.id, elsewhere.checkpoints[0].id).view(cookie)).status).toBe(404);

    await prisma.enrollment.updateMany({ where: { classroomId: classroom.id, studentId: student.id }, data: { removedAt: new Date() } });
    expect((await overview(cookie)).status).toBe(404);
    expect((await cp.view(cookie)).status).toBe(404);
    expect((await cp.attempt(cookie, { optionIds: "a" })).status).toBe(404);
    expect(await prisma.attempt.count({ where: { checkpoint: { projectId: { in: [project.id, draft.project.id] } } } })).toBe(0);

    // Joining another class with the same project's teacher changes nothing for this class.
    const other = await createClassroom(teacher.id);
    await enroll(other.id, student.id);
    expect((await overview(cookie)).status).toBe(404);
  });
});

describe("the rules of a student's own check (decision 007)", () => {
  it("'not yet' is not flipped to 'got it' on the same attempt, 'got it' may become 'not yet', and every check is kept", async () => {
    const { project, text, cookie } = await setup();
    const cp = paths(project.id, text.id);
    const id = attemptIdFrom((await cp.attempt(cookie, { textAnswer: "It keeps going." })).location);
    let res = await cp.view(cookie, `?attempt=${id}`);
    expect(res.data.selected.selfCheck).toEqual({ status: "pending", allowed: ["GOT_IT", "NOT_YET"] });

    expect((await cp.send(cookie, { intent: "self-assess", attemptId: id, verdict: "GOT_IT" })).status).toBe(302);
    expect((await cp.send(cookie, { intent: "self-assess", attemptId: id, verdict: "GOT_IT" })).status).toBe(400);
    expect((await cp.send(cookie, { intent: "self-assess", attemptId: id, verdict: "NOT_YET" })).status).toBe(302);
    const flip = await cp.send(cookie, { intent: "self-assess", attemptId: id, verdict: "GOT_IT" });
    expect(flip.status).toBe(400);
    expect(flip.data.reply.error[""][0]).toMatch(/Revise your answer/);
    res = await cp.view(cookie, `?attempt=${id}`);
    expect(res.data.selected).toMatchObject({ outcome: "NOT_YET", selfCheck: { status: "closed", reason: "said-not-yet" } });
    const checks = await prisma.attemptReview.findMany({ where: { attemptId: id }, orderBy: { createdAt: "asc" } });
    expect(checks.map((c) => c.verdict)).toEqual(["GOT_IT", "NOT_YET"]);
  });
});

describe("reflections on a 'not yet' wait until written or dismissed", () => {
  it("marks each 'not yet' in the history as waiting, and only the student can dismiss their own", async () => {
    const { project, choice, cookie, classroom } = await setup();
    const cp = paths(project.id, choice.id);
    const first = attemptIdFrom((await cp.attempt(cookie, { optionIds: "b", confidence: "5" })).location);
    const page = await cp.view(cookie);
    expect(page.data.history[0]).toMatchObject({ id: first, reflection: "pending", confidence: 5 });

    const other = await createStudent();
    await enroll(classroom.id, other.id);
    const foreign = await cp.send(await cookieFor(other.id), { intent: "dismiss-reflection", attemptId: first });
    expect(foreign.status).toBe(400);
    expect(await prisma.reflectionDismissal.count()).toBe(0);

    const dismissed = await cp.send(cookie, { intent: "dismiss-reflection", attemptId: first });
    expect(dismissed.status).toBe(302);
    expect((await cp.send(cookie, { intent: "dismiss-reflection", attemptId: first })).status).toBe(302);
    expect(await prisma.reflectionDismissal.count()).toBe(1);
    expect((await cp.view(cookie)).data.history[0]).toMatchObject({ id: first, reflection: "dismissed" });

    const bad = await cp.attempt(cookie, { optionIds: "b", confidence: "9" });
    expect(bad.status).toBe(400);
    expect(bad.data.reply.error.confidence[0]).toMatch(/1 to 5/);
  });
});
