import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { action as checkpointAction } from "~/routes/learn.projects.$projectId.checkpoints.$checkpointId";
import { action as journalAction, loader as journalLoader } from "~/routes/learn.projects.$projectId.journal";
import { createClassWithProject, createClassroom, createProject, createStudent } from "../support/factories";
import { call, cookieFor, get, post } from "../support/routes";

type Fields = Record<string, string | string[] | undefined>;

async function setup() {
  const world = await createClassWithProject();
  const journalPath = `/learn/projects/${world.project.id}/journal`;
  const params = { projectId: world.project.id };
  const cookie = await cookieFor(world.student.id);
  return {
    ...world,
    cookie,
    journalPath,
    view: (c: string, query = "") => call(journalLoader, get(journalPath + query, c), params),
    send: (c: string, fields: Fields) => call(journalAction, post(journalPath, fields, c), params),
  };
}

const FREE = "free.project.any";

describe("journal drafts", () => {
  it("saves a draft, restores it, updates the same row in place, then adds it to the journal", async () => {
    const { student, project, cookie, view, send } = await setup();

    const first = await send(cookie, { intent: "save-draft", formKey: FREE, "answers[0]": "I started" });
    expect(first.status).toBe(200);
    expect(first.data).toMatchObject({ formId: `journal-${FREE}`, kind: "saved", formKey: FREE, draftId: expect.any(String), savedAt: expect.any(String) });
    const draftId = first.data.draftId;
    expect(await prisma.journalEntry.findUniqueOrThrow({ where: { id: draftId } })).toMatchObject({
      studentId: student.id,
      projectId: project.id,
      status: "DRAFT",
      submittedAt: null,
      promptId: null,
      checkpointId: null,
      attemptId: null,
    });

    // Reopening the page (a closed tab) brings the draft back into the form.
    const reopened = await view(cookie);
    const free = reopened.data.forms.find((f: { formKey: string }) => f.formKey === FREE);
    expect(free.draft).toMatchObject({ id: draftId, answers: ["I started"], supportNeeded: false, confidence: null });
    expect(reopened.data.entries).toEqual([]);

    // Later saves carry the draft's id and update the same row.
    const second = await send(cookie, { intent: "save-draft", formKey: FREE, draftId, "answers[0]": "I started over", confidence: "3" });
    expect(second.data.draftId).toBe(draftId);
    // Even a save that lost the id (a second tab) finds the context's one draft.
    const third = await send(cookie, { intent: "save-draft", formKey: FREE, "answers[0]": "I started over, twice" });
    expect(third.data.draftId).toBe(draftId);
    expect(await prisma.journalEntry.count({ where: { studentId: student.id } })).toBe(1);
    expect((await view(cookie)).data.forms[0].draft).toMatchObject({ answers: ["I started over, twice"] });

    const added = await send(cookie, { intent: "add-entry", formKey: FREE, draftId, "answers[0]": "Final words", confidence: "4" });
    expect(added.status).toBe(302);
    expect(added.location).toBe(`/learn/projects/${project.id}/journal?added=${draftId}#journal-form-${FREE}`);
    const entry = await prisma.journalEntry.findUniqueOrThrow({ where: { id: draftId } });
    expect(entry).toMatchObject({ status: "SUBMITTED", confidence: 4, submittedAt: expect.any(Date) });
    expect(JSON.parse(entry.responses)).toEqual([{ question: null, answer: "Final words" }]);

    const after = await view(cookie, `?added=${draftId}`);
    expect(after.data.justAdded).toEqual({ formKey: FREE, entryId: draftId });
    expect(after.data.forms[0].draft).toBeNull();
    expect(after.data.entries).toEqual([
      expect.objectContaining({ id: draftId, link: "This project", responses: [{ question: null, answer: "Final words" }], confidence: "4 — fairly sure" }),
    ]);

    // A late autosave of the added entry changes nothing: entries are never changed.
    const late = await send(cookie, { intent: "save-draft", formKey: FREE, draftId, "answers[0]": "Changed afterwards" });
    expect(late.status).toBe(200);
    expect(late.data).toMatchObject({ kind: "kept", entryId: draftId });
    const unchanged = await prisma.journalEntry.findUniqueOrThrow({ where: { id: draftId } });
    expect(unchanged.responses).toBe(entry.responses);
    expect(unchanged.updatedAt).toEqual(entry.updatedAt);
    // And adding it again does not make a second entry.
    const again = await send(cookie, { intent: "add-entry", formKey: FREE, draftId, "answers[0]": "Final words" });
    expect(again.status).toBe(302);
    expect(await prisma.journalEntry.count({ where: { studentId: student.id } })).toBe(1);
  });

  it("lets a draft be empty but refuses an entry with no text in any answer, keeping what was typed", async () => {
    const { student, project, cookie, send } = await setup();
    const prompt = await prisma.reflectionPrompt.create({
      data: { projectId: project.id, trigger: "PROJECT", title: "Plan", questions: JSON.stringify(["Plan?", "Act?"]) },
    });
    const emptyDraft = await send(cookie, { intent: "save-draft", formKey: FREE, "answers[0]": "" });
    expect(emptyDraft.status).toBe(200);

    const refused = await send(cookie, { intent: "add-entry", promptId: prompt.id, "answers[0]": "  ", "answers[1]": "", supportNeeded: "on" });
    expect(refused.status).toBe(400);
    expect(refused.data).toMatchObject({ formId: `journal-${prompt.id}.project.any`, kind: "invalid", formKey: `${prompt.id}.project.any` });
    expect(refused.data.reply.error.answers[0]).toMatch(/Write something in at least one answer/);
    expect(refused.data.reply.initialValue.supportNeeded).toBe("on");
    expect(await prisma.journalEntry.count({ where: { studentId: student.id, status: "SUBMITTED" } })).toBe(0);

    const tooLong = await send(cookie, { intent: "save-draft", formKey: FREE, "answers[0]": "x".repeat(5001) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.data.reply.error["answers[0]"][0]).toMatch(/under 5,000 characters/);

    const badConfidence = await send(cookie, { intent: "add-entry", "answers[0]": "Something", confidence: "9" });
    expect(badConfidence.status).toBe(400);
    expect(badConfidence.data.reply.error.confidence[0]).toMatch(/1 to 5/);
  });

  it("stores the support flag and the confidence rating, and snapshots a prompt's questions", async () => {
    const { student, project, cookie, send, view } = await setup();
    const prompt = await prisma.reflectionPrompt.create({
      data: { projectId: project.id, trigger: "PROJECT", title: "Plan–act–measure–learn", questions: JSON.stringify(["Plan?", "Act?", "Measure?"]) },
    });
    const added = await send(cookie, {
      intent: "add-entry",
      promptId: prompt.id,
      "answers[0]": "Draw the axis",
      "answers[2]": "Got it on attempt 2",
      supportNeeded: "on",
      confidence: "2",
    });
    expect(added.status).toBe(302);
    const entry = await prisma.journalEntry.findFirstOrThrow({ where: { studentId: student.id, promptId: prompt.id } });
    expect(entry).toMatchObject({ supportNeeded: true, confidence: 2, status: "SUBMITTED", checkpointId: null, attemptId: null });
    expect(JSON.parse(entry.responses)).toEqual([
      { question: "Plan?", answer: "Draw the axis" },
      { question: "Act?", answer: "" },
      { question: "Measure?", answer: "Got it on attempt 2" },
    ]);
    // The teacher edits the prompt later: the entry keeps the questions it answered.
    await prisma.reflectionPrompt.update({ where: { id: prompt.id }, data: { questions: JSON.stringify(["Something else?"]) } });
    const page = await view(cookie);
    expect(page.data.entries[0]).toMatchObject({ promptTitle: "Plan–act–measure–learn", supportNeeded: true, confidence: "2 — a little unsure" });
    expect(page.data.entries[0].responses[0].question).toBe("Plan?");
    expect(page.data.forms.map((f: { title: string }) => f.title)).toEqual(["A free entry", "Plan–act–measure–learn"]);

    const plain = await send(cookie, { intent: "add-entry", "answers[0]": "No flags here" });
    expect(plain.status).toBe(302);
    expect(await prisma.journalEntry.findFirstOrThrow({ where: { studentId: student.id, promptId: null } })).toMatchObject({ supportNeeded: false, confidence: null });
  });

  it("links a reflection after a 'not yet' to its attempt and checkpoint, and shows teacher comments with their history", async () => {
    const { student, teacher, project, checkpoints, cookie, view } = await setup();
    const choice = checkpoints[0];
    const cpPath = `/learn/projects/${project.id}/checkpoints/${choice.id}`;
    const cpParams = { projectId: project.id, checkpointId: choice.id };
    const tried = await call(checkpointAction, post(cpPath, { intent: "attempt", submissionKey: randomUUID(), optionIds: "b" }, cookie), cpParams);
    const attemptId = new URL(tried.location ?? "", "http://x").searchParams.get("attempt") ?? "";

    // The after-"not yet" reflection uses the same journal form, posted to the checkpoint page.
    const draft = await call(
      checkpointAction,
      post(cpPath, { intent: "save-draft", checkpointId: choice.id, attemptId, "answers[0]": "I picked halves" }, cookie),
      cpParams,
    );
    expect(draft.status).toBe(200);
    expect(draft.data).toMatchObject({ kind: "saved", formKey: `free.${choice.id}.${attemptId}` });
    const pending = await view(cookie);
    expect(pending.data.elsewhere).toEqual([
      expect.objectContaining({ id: draft.data.draftId, label: "Reflection on Doubling the force", href: expect.stringContaining(`?attempt=${attemptId}`) }),
    ]);

    const added = await call(
      checkpointAction,
      post(cpPath, { intent: "add-entry", draftId: draft.data.draftId, checkpointId: choice.id, attemptId, "answers[0]": "I picked halves", "answers[3]": "A hint" }, cookie),
      cpParams,
    );
    expect(added.status).toBe(302);
    expect(added.location).toBe(`${cpPath}?attempt=${attemptId}&added=${draft.data.draftId}#journal-form-free.${choice.id}.${attemptId}`);

    const entry = await prisma.journalEntry.findUniqueOrThrow({ where: { id: draft.data.draftId } });
    expect(entry).toMatchObject({ status: "SUBMITTED", checkpointId: choice.id, attemptId, promptId: null });
    expect(JSON.parse(entry.responses).map((r: { question: string }) => r.question)).toEqual([
      "What happened?",
      "What did I learn?",
      "What would I do differently?",
      "What support do I need?",
    ]);

    const comment = await prisma.teacherComment.create({ data: { authorId: teacher.id, studentId: student.id, projectId: project.id, journalEntryId: entry.id } });
    await prisma.teacherCommentVersion.createMany({
      data: [
        { commentId: comment.id, version: 1, body: "Thanks for writing this." },
        { commentId: comment.id, version: 2, body: "Thanks for writing this — try the axis first." },
      ],
    });
    const page = await view(cookie);
    expect(page.data.elsewhere).toEqual([]);
    expect(page.data.entries[0]).toMatchObject({
      id: entry.id,
      link: "Checkpoint: Doubling the force · attempt 1",
      checkpointHref: `${cpPath}?attempt=${attemptId}`,
    });
    expect(page.data.entries[0].comments).toEqual([
      {
        id: comment.id,
        authorName: teacher.name,
        versions: [
          expect.objectContaining({ version: 1, body: "Thanks for writing this." }),
          expect.objectContaining({ version: 2, body: "Thanks for writing this — try the axis first." }),
        ],
        // A learning goal can be set from any comment (decision 018).
        goal: { href: `/learn/projects/${project.id}/goals?comment=${comment.id}`, set: false },
      },
    ]);
  });

  it("refuses a context that isn't the student's or the project's", async () => {
    const { project, cookie, send, otherStudent, teacher, checkpoints } = await setup();
    const elsewhere = await createProject((await createClassroom(teacher.id)).id);
    const foreignPrompt = await prisma.reflectionPrompt.create({
      data: { projectId: elsewhere.project.id, trigger: "PROJECT", title: "Not here", questions: JSON.stringify(["?"]) },
    });
    const res = await send(cookie, { intent: "add-entry", formKey: "x", promptId: foreignPrompt.id, "answers[0]": "Hello" });
    expect(res.status).toBe(400);
    expect(res.data.reply.error[""][0]).toMatch(/isn't available/);

    const retired = await prisma.reflectionPrompt.create({
      data: { projectId: project.id, trigger: "PROJECT", title: "Retired", questions: "[]", archivedAt: new Date() },
    });
    expect((await send(cookie, { intent: "add-entry", promptId: retired.id, "answers[0]": "Hello" })).status).toBe(400);

    // Another student's attempt cannot be reflected on.
    const theirs = await prisma.attempt.create({
      data: { studentId: otherStudent.id, checkpointId: checkpoints[0].id, checkpointVersionId: checkpoints[0].versions[0].id, number: 1, answer: '["b"]', outcome: "NOT_YET" },
    });
    expect((await send(cookie, { intent: "add-entry", attemptId: theirs.id, "answers[0]": "Hello" })).status).toBe(400);
    expect(await prisma.journalEntry.count({ where: { projectId: project.id } })).toBe(0);
  });
});

describe("who may see and write what", () => {
  it("keeps one student's journal from another student in the same class", async () => {
    const { student, cookie, otherStudent, view, send } = await setup();
    const saved = await send(cookie, { intent: "save-draft", "answers[0]": "My private draft" });
    await send(cookie, { intent: "add-entry", "answers[0]": "My entry" });
    const otherCookie = await cookieFor(otherStudent.id);

    const theirPage = await view(otherCookie);
    expect(theirPage.status).toBe(200);
    expect(theirPage.data.entries).toEqual([]);
    expect(theirPage.data.forms[0].draft).toBeNull();
    expect(JSON.stringify(theirPage.data)).not.toContain("My private");
    expect(JSON.stringify(theirPage.data)).not.toContain("My entry");

    // Using my draft's id saves their own draft, never mine.
    const attempt = await send(otherCookie, { intent: "save-draft", draftId: saved.data.draftId, "answers[0]": "Overwritten?" });
    expect(attempt.status).toBe(200);
    expect(attempt.data.draftId).not.toBe(saved.data.draftId);
    const added = await send(otherCookie, { intent: "add-entry", draftId: saved.data.draftId, "answers[0]": "Taken?" });
    expect(added.status).toBe(302);
    const mine = await prisma.journalEntry.findMany({ where: { studentId: student.id }, orderBy: { createdAt: "asc" } });
    expect(mine.map((e) => [e.status, JSON.parse(e.responses)[0].answer])).toEqual([
      ["SUBMITTED", "My entry"],
    ]);
    expect(await prisma.journalEntry.count({ where: { studentId: otherStudent.id } })).toBe(1);
  });

  it("gives 404 outside the class, to a removed student and for a draft project, and 403 to a teacher", async () => {
    const { project, classroom, teacher, student, cookie, view, send } = await setup();
    const journal = (c: string, projectId: string) => call(journalLoader, get(`/learn/projects/${projectId}/journal`, c), { projectId });
    const write = (c: string, projectId: string) =>
      call(journalAction, post(`/learn/projects/${projectId}/journal`, { intent: "add-entry", "answers[0]": "Hi" }, c), { projectId });

    const outsider = await cookieFor((await createStudent()).id);
    expect((await view(outsider)).status).toBe(404);
    expect((await send(outsider, { intent: "add-entry", "answers[0]": "Hi" })).status).toBe(404);

    const teacherCookie = await cookieFor(teacher.id);
    expect((await view(teacherCookie)).status).toBe(403);
    expect((await send(teacherCookie, { intent: "add-entry", "answers[0]": "Hi" })).status).toBe(403);

    const draft = await createProject(classroom.id, { status: "DRAFT", title: "Draft" });
    expect((await journal(cookie, draft.project.id)).status).toBe(404);
    expect((await write(cookie, draft.project.id)).status).toBe(404);

    await prisma.enrollment.updateMany({ where: { classroomId: classroom.id, studentId: student.id }, data: { removedAt: new Date() } });
    expect((await view(cookie)).status).toBe(404);
    expect((await write(cookie, project.id)).status).toBe(404);
    expect(await prisma.journalEntry.count({ where: { projectId: { in: [project.id, draft.project.id] } } })).toBe(0);
  });
});

describe("teacher comments on the project as a whole", () => {
  it("reach the student's journal page, latest version with history, and nobody else's", async () => {
    const { teacher, student, otherStudent, project } = await createClassWithProject();
    const comment = await prisma.teacherComment.create({ data: { authorId: teacher.id, studentId: student.id, projectId: project.id } });
    await prisma.teacherCommentVersion.create({ data: { commentId: comment.id, version: 1, body: "First thought" } });
    await prisma.teacherCommentVersion.create({ data: { commentId: comment.id, version: 2, body: "Better thought" } });
    const mine = await call(journalLoader, get(`/learn/projects/${project.id}/journal`, await cookieFor(student.id)), { projectId: project.id });
    expect(mine.data.projectComments).toHaveLength(1);
    expect(mine.data.projectComments[0].versions.map((v: { body: string }) => v.body)).toEqual(["First thought", "Better thought"]);
    const theirs = await call(journalLoader, get(`/learn/projects/${project.id}/journal`, await cookieFor(otherStudent.id)), { projectId: project.id });
    expect(theirs.data.projectComments).toHaveLength(0);
  });
});
