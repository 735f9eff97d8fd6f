import { describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { describeAnswer } from "~/domain/answer-display";
import { parseSpec, type MultipleChoiceSpec } from "~/domain/checkpoint-spec";
import { REFLECTION_TEMPLATES } from "~/domain/reflection-templates";
import { action as builderAction, loader as builderLoader } from "~/routes/teach.projects.$projectId._index";
import { action as editAction, loader as editLoader } from "~/routes/teach.projects.$projectId.checkpoints.$checkpointId";
import { action as newAction, loader as newLoader } from "~/routes/teach.projects.$projectId.checkpoints.new";
import { action as editMisconceptionAction, loader as editMisconceptionLoader } from "~/routes/teach.projects.$projectId.misconceptions.$misconceptionId";
import { action as misconceptionsAction, loader as misconceptionsLoader } from "~/routes/teach.projects.$projectId.misconceptions._index";
import { action as editPromptAction, loader as editPromptLoader } from "~/routes/teach.projects.$projectId.prompts.$promptId";
import { action as promptsAction, loader as promptsLoader } from "~/routes/teach.projects.$projectId.prompts._index";
import { createClassroom, createProject, createStudent, createTeacher, enroll } from "../support/factories";
import { call, cookieFor, get, post } from "../support/routes";

type Fields = Record<string, string | string[] | undefined>;

async function setup(options: { status?: "DRAFT" | "PUBLISHED" } = {}) {
  const teacher = await createTeacher();
  const classroom = await createClassroom(teacher.id);
  const { project, misconception, checkpoints } = await createProject(classroom.id, { status: options.status ?? "DRAFT" });
  const cookie = await cookieFor(teacher.id);
  const base = `/teach/projects/${project.id}`;
  return { teacher, classroom, project, misconception, checkpoints, cookie, base };
}

async function emptyProject() {
  const teacher = await createTeacher();
  const classroom = await createClassroom(teacher.id);
  const project = await prisma.project.create({ data: { classroomId: classroom.id, title: "Empty", goal: "Goal" } });
  return { teacher, project, cookie: await cookieFor(teacher.id), base: `/teach/projects/${project.id}` };
}

async function addAttempt(checkpointId: string, answer: string, outcome: string | null = "NOT_YET") {
  const student = await createStudent();
  const version = await prisma.checkpointVersion.findFirstOrThrow({ where: { checkpointId }, orderBy: { version: "desc" } });
  return prisma.attempt.create({
    data: { studentId: student.id, checkpointId, checkpointVersionId: version.id, number: 1, answer, outcome },
  });
}

function latestVersion(checkpointId: string) {
  return prisma.checkpointVersion.findFirstOrThrow({ where: { checkpointId }, orderBy: { version: "desc" } });
}

describe("project details and publishing", () => {
  it("edits title, goal and instructions, and re-shows bad input with messages and values", async () => {
    const { project, cookie, base } = await setup();
    const ok = await call(builderAction, post(base, { intent: "update-project", title: " New title ", goal: "New goal", instructions: "Go slowly." }, cookie), { projectId: project.id });
    expect(ok.status).toBe(200);
    expect(await prisma.project.findUniqueOrThrow({ where: { id: project.id } })).toMatchObject({ title: "New title", goal: "New goal", instructions: "Go slowly." });

    const bad = await call(builderAction, post(base, { intent: "update-project", title: "", goal: "Kept goal" }, cookie), { projectId: project.id });
    expect(bad.status).toBe(400);
    expect(bad.data.reply.error.title[0]).toMatch(/title/);
    expect(bad.data.reply.initialValue.goal).toBe("Kept goal");
  });

  it("publishes only with at least one checkpoint, and returns to draft", async () => {
    const empty = await emptyProject();
    const refused = await call(builderAction, post(empty.base, { intent: "publish" }, empty.cookie), { projectId: empty.project.id });
    expect(refused.status).toBe(400);
    expect(refused.data.message).toMatch(/at least one checkpoint/);
    expect((await prisma.project.findUniqueOrThrow({ where: { id: empty.project.id } })).status).toBe("DRAFT");

    const { project, cookie, base } = await setup();
    const published = await call(builderAction, post(base, { intent: "publish" }, cookie), { projectId: project.id });
    expect(published.status).toBe(200);
    expect(await prisma.project.findUniqueOrThrow({ where: { id: project.id } })).toMatchObject({ status: "PUBLISHED", publishedAt: expect.any(Date) });
    await call(builderAction, post(base, { intent: "unpublish" }, cookie), { projectId: project.id });
    expect((await prisma.project.findUniqueOrThrow({ where: { id: project.id } })).status).toBe("DRAFT");
  });

  it("refuses to publish when every checkpoint is archived", async () => {
    const { project, checkpoints, cookie, base } = await setup();
    await prisma.checkpoint.updateMany({ where: { id: { in: checkpoints.map((c) => c.id) } }, data: { archivedAt: new Date() } });
    const res = await call(builderAction, post(base, { intent: "publish" }, cookie), { projectId: project.id });
    expect(res.status).toBe(400);
  });

  it("lists checkpoints in order with kind, attempt cap and attempt count", async () => {
    const { project, checkpoints, cookie, base } = await setup();
    await addAttempt(checkpoints[0].id, '["b"]');
    const page = await call(builderLoader, get(base, cookie), { projectId: project.id });
    expect(page.status).toBe(200);
    expect(page.data.checkpoints.map((c: { title: string; kind: string; attemptCount: number; maxAttempts: number | null }) => [c.title, c.kind, c.attemptCount, c.maxAttempts])).toEqual([
      ["Doubling the force", "MULTIPLE_CHOICE", 1, null],
      ["Speed after 5 s", "NUMERIC", 0, null],
      ["Explain constant velocity", "SHORT_TEXT", 0, null],
    ]);
  });
});

describe("adding checkpoints", () => {
  it("adds a multiple-choice checkpoint at the end, with fresh option ids and a reflection after a not yet", async () => {
    const { project, misconception, cookie, base } = await setup();
    const page = await call(newLoader, get(`${base}/checkpoints/new?kind=MULTIPLE_CHOICE`, cookie), { projectId: project.id });
    expect(page.data.kind).toBe("MULTIPLE_CHOICE");
    expect(page.data.misconceptions).toEqual([{ id: misconception.id, name: misconception.name }]);

    const res = await call(
      newAction,
      post(
        `${base}/checkpoints/new?kind=MULTIPLE_CHOICE`,
        {
          kind: "MULTIPLE_CHOICE",
          title: "Heavier falls faster?",
          prompt: "Which lands first?",
          maxAttempts: "3",
          afterNotYet: "four-part-journal",
          "options[0].text": "Both together",
          "options[0].correct": "on",
          "options[1].text": "The heavy one",
          "options[1].feedback": "Compare a = F/m for both.",
          "options[1].misconceptionId": misconception.id,
          "options[2].text": "",
          "options[3].text": "",
        },
        cookie,
      ),
      { projectId: project.id },
    );
    expect(res.status).toBe(302);
    const checkpoint = await prisma.checkpoint.findFirstOrThrow({ where: { projectId: project.id, position: 4 }, include: { versions: true, reflectionPrompts: true } });
    expect(res.location).toContain(`added=${checkpoint.id}`);
    expect(checkpoint).toMatchObject({ kind: "MULTIPLE_CHOICE", maxAttempts: 3 });
    expect(checkpoint.versions).toHaveLength(1);
    const spec = parseSpec(checkpoint.versions[0].spec) as MultipleChoiceSpec;
    expect(spec.options.map((o) => [o.text, o.correct, o.misconceptionId])).toEqual([
      ["Both together", true, null],
      ["The heavy one", false, misconception.id],
    ]);
    expect(new Set(spec.options.map((o) => o.id)).size).toBe(2);
    expect(checkpoint.reflectionPrompts).toMatchObject([{ trigger: "AFTER_NOT_YET", templateKey: "four-part-journal" }]);
  });

  it("answers bad multiple-choice input with 400, field messages and the typed values", async () => {
    const { project, cookie, base } = await setup();
    const res = await call(
      newAction,
      post(`${base}/checkpoints/new`, { kind: "MULTIPLE_CHOICE", title: "", prompt: "Q", "options[0].text": "Only one", "options[1].feedback": "feedback without text", maxAttempts: "0" }, cookie),
      { projectId: project.id },
    );
    expect(res.status).toBe(400);
    const { error, initialValue } = res.data.reply;
    expect(error.title[0]).toMatch(/title/);
    expect(error["options[1].text"][0]).toMatch(/option's text/);
    expect(error.maxAttempts[0]).toMatch(/1 to 100/);
    expect(initialValue.options[0].text).toBe("Only one");
    expect(initialValue.options[1].feedback).toBe("feedback without text");
    expect(await prisma.checkpoint.count({ where: { projectId: project.id } })).toBe(3);

    const noCorrect = await call(newAction, post(`${base}/checkpoints/new`, { kind: "MULTIPLE_CHOICE", title: "T", prompt: "Q", "options[0].text": "A", "options[1].text": "B" }, cookie), { projectId: project.id });
    expect(noCorrect.status).toBe(400);
    expect(noCorrect.data.reply.error.options).toEqual(["Mark at least one option as correct."]);
  });

  it("refuses a misconception from another project", async () => {
    const { project, cookie, base } = await setup();
    const other = await setup();
    const res = await call(
      newAction,
      post(`${base}/checkpoints/new`, { kind: "MULTIPLE_CHOICE", title: "T", prompt: "Q", "options[0].text": "A", "options[0].correct": "on", "options[1].text": "B", "options[1].misconceptionId": other.misconception.id }, cookie),
      { projectId: project.id },
    );
    expect(res.status).toBe(400);
    expect(res.data.reply.error["options[1].misconceptionId"][0]).toMatch(/this project's list/);
  });

  it("adds or removes an option row without JavaScript, keeping the values", async () => {
    const { project, cookie, base } = await setup();
    const res = await call(
      newAction,
      post(`${base}/checkpoints/new`, { kind: "MULTIPLE_CHOICE", title: "Kept", prompt: "Q", "options[0].text": "A", "options[1].text": "B", __intent__: JSON.stringify({ type: "insert", payload: { name: "options" } }) }, cookie),
      { projectId: project.id },
    );
    expect(res.status).toBe(200);
    expect(res.data.reply.initialValue.title).toBe("Kept");
    expect(res.data.reply.initialValue.options).toHaveLength(3);
    const removed = await call(
      newAction,
      post(`${base}/checkpoints/new`, { kind: "MULTIPLE_CHOICE", title: "Kept", prompt: "Q", "options[0].text": "A", "options[1].text": "B", __intent__: JSON.stringify({ type: "remove", payload: { name: "options", index: 0 } }) }, cookie),
      { projectId: project.id },
    );
    expect(removed.data.reply.initialValue.options).toEqual([{ text: "B" }]);
    expect(await prisma.checkpoint.count({ where: { projectId: project.id } })).toBe(3);
  });

  it("adds a numeric checkpoint with wrong values and values on the way", async () => {
    const { project, misconception, cookie, base } = await setup();
    const res = await call(
      newAction,
      post(
        `${base}/checkpoints/new`,
        {
          kind: "NUMERIC",
          title: "Stopping distance",
          prompt: "How far?",
          answer: "24,5",
          tolerance: "0.5",
          unit: "m",
          afterNotYet: "none",
          "wrongValues[0].value": "49",
          "wrongValues[0].feedback": "Did you forget to halve?",
          "wrongValues[0].misconceptionId": misconception.id,
          "wrongValues[1].value": "",
          "intermediateValues[0].value": "7",
          "intermediateValues[0].label": "speed",
        },
        cookie,
      ),
      { projectId: project.id },
    );
    expect(res.status).toBe(302);
    const checkpoint = await prisma.checkpoint.findFirstOrThrow({ where: { projectId: project.id, kind: "NUMERIC", position: 4 }, include: { versions: true, reflectionPrompts: true } });
    expect(parseSpec(checkpoint.versions[0].spec)).toEqual({
      kind: "NUMERIC",
      answer: 24.5,
      tolerance: 0.5,
      unit: "m",
      wrongValues: [{ value: 49, feedback: "Did you forget to halve?", misconceptionId: misconception.id }],
      intermediateValues: [{ value: 7, label: "speed" }],
    });
    expect(checkpoint.reflectionPrompts).toEqual([]);
  });

  it("answers garbage numeric input with 400 and messages, never a 500", async () => {
    const { project, cookie, base } = await setup();
    const res = await call(
      newAction,
      post(`${base}/checkpoints/new`, { kind: "NUMERIC", title: "T", prompt: "Q", answer: "twelve", tolerance: "abc", "wrongValues[0].value": "1e999", "wrongValues[1].feedback": "orphan" }, cookie),
      { projectId: project.id },
    );
    expect(res.status).toBe(400);
    const { error, initialValue } = res.data.reply;
    expect(error.answer[0]).toMatch(/isn't a number/);
    expect(error.tolerance[0]).toMatch(/isn't a number/);
    expect(error["wrongValues[0].value"][0]).toMatch(/isn't a number/);
    expect(error["wrongValues[1].value"][0]).toMatch(/Enter the wrong value/);
    expect(initialValue.tolerance).toBe("abc");

    const negative = await call(newAction, post(`${base}/checkpoints/new`, { kind: "NUMERIC", title: "T", prompt: "Q", answer: "1", tolerance: "-2" }, cookie), { projectId: project.id });
    expect(negative.status).toBe(400);
    expect(negative.data.reply.error.tolerance[0]).toMatch(/can't be negative/);

    const weird = await call(newAction, post(`${base}/checkpoints/new`, { kind: "NUMERIC", title: ["a", "b"], prompt: "Q", answer: "1", wrongValues: "oops", intermediateValues: "x" }, cookie), { projectId: project.id });
    expect(weird.status).toBe(400);
    const noKind = await call(newAction, post(`${base}/checkpoints/new`, { kind: "ESSAY", title: "T", prompt: "Q" }, cookie), { projectId: project.id });
    expect(noKind.status).toBe(400);
    const garbageOptions = await call(newAction, post(`${base}/checkpoints/new`, { kind: "MULTIPLE_CHOICE", title: "T", prompt: "Q", options: "garbage" }, cookie), { projectId: project.id });
    expect(garbageOptions.status).toBe(400);
    expect(await prisma.checkpoint.count({ where: { projectId: project.id } })).toBe(3);
  });

  it("treats hand-made list buttons and control fields as ordinary input, never a 500", async () => {
    const { project, misconception, cookie, base } = await setup();
    const params = { projectId: project.id };
    for (const intent of ["{bad json", JSON.stringify({ type: "insert", payload: { name: "title" } }), JSON.stringify({ type: "remove", payload: { name: "options", index: 99999 } })]) {
      const res = await call(newAction, post(`${base}/checkpoints/new`, { kind: "MULTIPLE_CHOICE", title: "", prompt: "Q", __intent__: intent, __state__: "{bad" }, cookie), params);
      expect(res.status).toBe(400);
    }
    const far = await call(newAction, post(`${base}/checkpoints/new`, { kind: "MULTIPLE_CHOICE", title: "T", prompt: "Q", "options[99999].text": "far" }, cookie), params);
    expect(far.status).toBe(400);
    const misc = await call(misconceptionsAction, post(`${base}/misconceptions`, { intent: "create", name: "", __intent__: "{bad" }, cookie), params);
    expect(misc.status).toBe(400);
    const edit = await call(editMisconceptionAction, post(`${base}/misconceptions/${misconception.id}`, { name: "", __state__: "{bad" }, cookie), { ...params, misconceptionId: misconception.id });
    expect(edit.status).toBe(400);
    const details = await call(builderAction, post(base, { intent: "update-project", title: "", goal: "g", __intent__: "{bad" }, cookie), params);
    expect(details.status).toBe(400);
    const prompt = await call(promptsAction, post(`${base}/prompts`, { intent: "from-scratch", title: "", questions: "Q", trigger: "PROJECT", __intent__: "{bad" }, cookie), params);
    expect(prompt.status).toBe(400);
  });

  it("adds a short-text checkpoint with an optional model answer", async () => {
    const { project, cookie, base } = await setup();
    const res = await call(newAction, post(`${base}/checkpoints/new`, { kind: "SHORT_TEXT", title: "Explain", prompt: "Why?", modelAnswer: "Because." }, cookie), { projectId: project.id });
    expect(res.status).toBe(302);
    const checkpoint = await prisma.checkpoint.findFirstOrThrow({ where: { projectId: project.id, position: 4 }, include: { versions: true } });
    expect(parseSpec(checkpoint.versions[0].spec)).toEqual({ kind: "SHORT_TEXT", modelAnswer: "Because." });
    const bad = await call(newAction, post(`${base}/checkpoints/new`, { kind: "SHORT_TEXT", title: "Explain", prompt: "" }, cookie), { projectId: project.id });
    expect(bad.status).toBe(400);
    expect(bad.data.reply.error.prompt[0]).toMatch(/question/);
  });
});

describe("editing and versioning", () => {
  const choiceEdit = (overrides: Fields = {}): Fields => ({
    title: "Doubling the force",
    prompt: "Question 1",
    "options[0].id": "a",
    "options[0].text": "It doubles",
    "options[0].correct": "on",
    "options[1].id": "b",
    "options[1].text": "It halves",
    "options[1].feedback": "Check which quantity is in the denominator.",
    "options[2].id": "c",
    "options[2].text": "It stays the same",
    afterNotYet: "none",
    ...overrides,
  });

  it("updates a version in place while no one has answered it", async () => {
    const { project, checkpoints, cookie, base } = await setup();
    const checkpoint = checkpoints[0];
    const res = await call(editAction, post(`${base}/checkpoints/${checkpoint.id}`, choiceEdit({ "options[2].text": "It stays exactly the same" }), cookie), { projectId: project.id, checkpointId: checkpoint.id });
    expect(res.status).toBe(200);
    expect(res.data.message).toMatch(/Version 1 was updated/);
    const versions = await prisma.checkpointVersion.findMany({ where: { checkpointId: checkpoint.id } });
    expect(versions).toHaveLength(1);
    expect((parseSpec(versions[0].spec) as MultipleChoiceSpec).options[2]).toMatchObject({ id: "c", text: "It stays exactly the same" });
  });

  it("creates a new version when students have answered, keeping option ids and old attempts readable", async () => {
    const { project, checkpoints, cookie, base } = await setup();
    const checkpoint = checkpoints[0];
    const attempt = await addAttempt(checkpoint.id, '["c"]');

    const page = await call(editLoader, get(`${base}/checkpoints/${checkpoint.id}`, cookie), { projectId: project.id, checkpointId: checkpoint.id });
    expect(page.data.checkpoint.latest.attempts).toBe(1);
    expect(page.data.defaultValue.options.map((o: { id: string }) => o.id)).toEqual(["a", "b", "c"]);

    const res = await call(
      editAction,
      post(
        `${base}/checkpoints/${checkpoint.id}`,
        choiceEdit({ "options[2].text": "Nothing changes", "options[3].text": "It triples", "options[3].id": "" }),
        cookie,
      ),
      { projectId: project.id, checkpointId: checkpoint.id },
    );
    expect(res.status).toBe(200);
    expect(res.data.message).toMatch(/Saved as version 2/);
    const versions = await prisma.checkpointVersion.findMany({ where: { checkpointId: checkpoint.id }, orderBy: { version: "asc" } });
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    const [v1, v2] = versions.map((v) => parseSpec(v.spec) as MultipleChoiceSpec);
    expect(v1.options.map((o) => o.text)).toEqual(["It doubles", "It halves", "It stays the same"]);
    expect(v2.options.slice(0, 3).map((o) => o.id)).toEqual(["a", "b", "c"]);
    expect(v2.options[3].id).not.toMatch(/^(a|b|c)$/);
    expect(v2.options[2].text).toBe("Nothing changes");

    const stored = await prisma.attempt.findUniqueOrThrow({ where: { id: attempt.id }, include: { checkpointVersion: true } });
    expect(stored.checkpointVersion.version).toBe(1);
    expect(describeAnswer(parseSpec(stored.checkpointVersion.spec), stored.answer)).toBe("It stays the same");

    // Version 2 has no attempts yet: the next edit updates it in place.
    const again = await call(editAction, post(`${base}/checkpoints/${checkpoint.id}`, { ...choiceEdit({ "options[2].text": "Nothing changes at all" }) }, cookie), { projectId: project.id, checkpointId: checkpoint.id });
    expect(again.data.message).toMatch(/Version 2 was updated/);
    expect(await prisma.checkpointVersion.count({ where: { checkpointId: checkpoint.id } })).toBe(2);
  });

  it("does not add a version when nothing students see changed, but still saves the attempt cap", async () => {
    const { project, checkpoints, misconception, cookie, base } = await setup();
    const checkpoint = checkpoints[0];
    await addAttempt(checkpoint.id, '["a"]', "GOT_IT");
    const same = choiceEdit({ maxAttempts: "4", "options[1].misconceptionId": misconception.id });
    const res = await call(editAction, post(`${base}/checkpoints/${checkpoint.id}`, same, cookie), { projectId: project.id, checkpointId: checkpoint.id });
    expect(res.data.message).toMatch(/didn't change/);
    expect(await prisma.checkpointVersion.count({ where: { checkpointId: checkpoint.id } })).toBe(1);
    expect((await prisma.checkpoint.findUniqueOrThrow({ where: { id: checkpoint.id } })).maxAttempts).toBe(4);
  });

  it("edits a numeric checkpoint and re-shows bad input without saving", async () => {
    const { project, checkpoints, cookie, base } = await setup();
    const checkpoint = checkpoints[1];
    const bad = await call(editAction, post(`${base}/checkpoints/${checkpoint.id}`, { title: "Speed", prompt: "Q", answer: "12.5", tolerance: "lots" }, cookie), { projectId: project.id, checkpointId: checkpoint.id });
    expect(bad.status).toBe(400);
    expect(bad.data.reply.error.tolerance[0]).toMatch(/isn't a number/);
    expect(bad.data.reply.initialValue.tolerance).toBe("lots");
    const before = await latestVersion(checkpoint.id);
    expect(parseSpec(before.spec)).toMatchObject({ tolerance: 0.05 });

    const ok = await call(editAction, post(`${base}/checkpoints/${checkpoint.id}`, { title: "Speed", prompt: "Q", answer: "12.5", tolerance: "0.1", unit: "m/s" }, cookie), { projectId: project.id, checkpointId: checkpoint.id });
    expect(ok.status).toBe(200);
    expect(parseSpec((await latestVersion(checkpoint.id)).spec)).toMatchObject({ tolerance: 0.1, wrongValues: [] });
  });

  it("sets, replaces and removes the after-not-yet prompt from the editor", async () => {
    const { project, checkpoints, cookie, base } = await setup();
    const checkpoint = checkpoints[2];
    const params = { projectId: project.id, checkpointId: checkpoint.id };
    const fields = { title: "Explain constant velocity", prompt: "Question 3" };
    await call(editAction, post(`${base}/checkpoints/${checkpoint.id}`, { ...fields, afterNotYet: "learning-goal-worksheet" }, cookie), params);
    const live = () => prisma.reflectionPrompt.findMany({ where: { checkpointId: checkpoint.id, trigger: "AFTER_NOT_YET", archivedAt: null } });
    expect((await live()).map((p) => p.templateKey)).toEqual(["learning-goal-worksheet"]);
    await call(editAction, post(`${base}/checkpoints/${checkpoint.id}`, { ...fields, afterNotYet: "current" }, cookie), params);
    expect(await live()).toHaveLength(1);
    await call(editAction, post(`${base}/checkpoints/${checkpoint.id}`, { ...fields, afterNotYet: "four-part-journal" }, cookie), params);
    expect((await live()).map((p) => p.templateKey)).toEqual(["four-part-journal"]);
    await call(editAction, post(`${base}/checkpoints/${checkpoint.id}`, { ...fields, afterNotYet: "none" }, cookie), params);
    expect(await live()).toHaveLength(0);
    expect(await prisma.reflectionPrompt.count({ where: { checkpointId: checkpoint.id } })).toBe(2);
  });

  it("gives 404 for a checkpoint of another project", async () => {
    const { project, cookie, base } = await setup();
    const other = await setup();
    const res = await call(editLoader, get(`${base}/checkpoints/${other.checkpoints[0].id}`, cookie), { projectId: project.id, checkpointId: other.checkpoints[0].id });
    expect(res.status).toBe(404);
  });
});

describe("ordering, archiving and deleting", () => {
  it("moves checkpoints up and down and refuses to move past the ends", async () => {
    const { project, checkpoints, cookie, base } = await setup();
    const params = { projectId: project.id };
    const order = async () => (await prisma.checkpoint.findMany({ where: { projectId: project.id, archivedAt: null }, orderBy: { position: "asc" } })).map((c) => c.id);
    const [a, b, c] = checkpoints.map((x) => x.id);
    expect((await call(builderAction, post(base, { intent: "move-down", checkpointId: a }, cookie), params)).status).toBe(200);
    expect(await order()).toEqual([b, a, c]);
    await call(builderAction, post(base, { intent: "move-up", checkpointId: c }, cookie), params);
    expect(await order()).toEqual([b, c, a]);
    const top = await call(builderAction, post(base, { intent: "move-up", checkpointId: b }, cookie), params);
    expect(top.status).toBe(400);
    expect(await order()).toEqual([b, c, a]);
  });

  it("archives a checkpoint with attempts instead of deleting it, and can restore it", async () => {
    const { project, checkpoints, cookie, base } = await setup();
    const params = { projectId: project.id };
    const checkpoint = checkpoints[0];
    const attempt = await addAttempt(checkpoint.id, '["b"]');
    const refused = await call(builderAction, post(base, { intent: "delete", checkpointId: checkpoint.id }, cookie), params);
    expect(refused.status).toBe(400);
    expect(refused.data.message).toMatch(/Archive it instead/);
    expect(await prisma.checkpoint.findUnique({ where: { id: checkpoint.id } })).not.toBeNull();

    const archived = await call(builderAction, post(base, { intent: "archive", checkpointId: checkpoint.id }, cookie), params);
    expect(archived.status).toBe(200);
    expect((await prisma.checkpoint.findUniqueOrThrow({ where: { id: checkpoint.id } })).archivedAt).toBeInstanceOf(Date);
    expect(await prisma.attempt.findUnique({ where: { id: attempt.id } })).not.toBeNull();
    const positions = await prisma.checkpoint.findMany({ where: { projectId: project.id, archivedAt: null }, orderBy: { position: "asc" }, select: { position: true } });
    expect(positions.map((p) => p.position)).toEqual([1, 2]);

    const restored = await call(builderAction, post(base, { intent: "restore", checkpointId: checkpoint.id }, cookie), params);
    expect(restored.status).toBe(200);
    expect(await prisma.checkpoint.findUniqueOrThrow({ where: { id: checkpoint.id } })).toMatchObject({ archivedAt: null, position: 3 });
  });

  it("deletes a checkpoint no student has touched, with its versions and prompts", async () => {
    const { project, checkpoints, cookie, base } = await setup();
    const checkpoint = checkpoints[1];
    await prisma.reflectionPrompt.create({ data: { projectId: project.id, checkpointId: checkpoint.id, trigger: "AFTER_NOT_YET", title: "R", questions: '["Q"]' } });
    const res = await call(builderAction, post(base, { intent: "delete", checkpointId: checkpoint.id }, cookie), { projectId: project.id });
    expect(res.status).toBe(200);
    expect(await prisma.checkpoint.findUnique({ where: { id: checkpoint.id } })).toBeNull();
    expect(await prisma.checkpointVersion.count({ where: { checkpointId: checkpoint.id } })).toBe(0);
    expect(await prisma.reflectionPrompt.count({ where: { checkpointId: checkpoint.id } })).toBe(0);
  });

  it("keeps a checkpoint whose prompt a student answered in the journal", async () => {
    const { project, checkpoints, cookie, base } = await setup();
    const checkpoint = checkpoints[2];
    const student = await createStudent();
    const prompt = await prisma.reflectionPrompt.create({ data: { projectId: project.id, checkpointId: checkpoint.id, trigger: "CHECKPOINT", title: "R", questions: '["Q"]' } });
    await prisma.journalEntry.create({ data: { studentId: student.id, projectId: project.id, promptId: prompt.id, responses: "[]" } });
    const res = await call(builderAction, post(base, { intent: "delete", checkpointId: checkpoint.id }, cookie), { projectId: project.id });
    expect(res.status).toBe(400);
    expect(await prisma.checkpoint.findUnique({ where: { id: checkpoint.id } })).not.toBeNull();
  });

  it("cannot touch another project's checkpoint through its own project", async () => {
    const { project, cookie, base } = await setup();
    const other = await setup();
    for (const intent of ["archive", "delete", "move-down"]) {
      const res = await call(builderAction, post(base, { intent, checkpointId: other.checkpoints[0].id }, cookie), { projectId: project.id });
      expect(res.status).toBe(400);
    }
    expect(await prisma.checkpoint.findUniqueOrThrow({ where: { id: other.checkpoints[0].id } })).toMatchObject({ archivedAt: null, position: 1 });
  });
});

describe("misconceptions", () => {
  it("creates, lists and edits misconceptions with unique names", async () => {
    const { project, misconception, cookie, base } = await setup();
    const params = { projectId: project.id };
    const created = await call(misconceptionsAction, post(`${base}/misconceptions`, { intent: "create", name: "Heavier falls faster", description: "d", nextStep: "Try a = F/m." }, cookie), params);
    expect(created.status).toBe(200);
    const duplicate = await call(misconceptionsAction, post(`${base}/misconceptions`, { intent: "create", name: " sign CONVENTION ", description: "kept" }, cookie), params);
    expect(duplicate.status).toBe(400);
    expect(duplicate.data.reply.error.name[0]).toMatch(/already has a misconception with that name/);
    expect(duplicate.data.reply.initialValue.description).toBe("kept");
    const empty = await call(misconceptionsAction, post(`${base}/misconceptions`, { intent: "create", name: "" }, cookie), params);
    expect(empty.status).toBe(400);

    const list = await call(misconceptionsLoader, get(`${base}/misconceptions`, cookie), params);
    expect(list.data.misconceptions.map((m: { name: string }) => m.name)).toEqual(["Heavier falls faster", "Sign convention"]);
    expect(list.data.misconceptions[1].usage).toEqual({ checkpoints: 2, attempts: 0 });

    const editParams = { projectId: project.id, misconceptionId: misconception.id };
    const edit = await call(editMisconceptionLoader, get(`${base}/misconceptions/${misconception.id}`, cookie), editParams);
    expect(edit.data.misconception.name).toBe("Sign convention");
    const clash = await call(editMisconceptionAction, post(`${base}/misconceptions/${misconception.id}`, { name: "heavier falls faster" }, cookie), editParams);
    expect(clash.status).toBe(400);
    expect(clash.data.error.name[0]).toMatch(/already has/);
    const renamed = await call(editMisconceptionAction, post(`${base}/misconceptions/${misconception.id}`, { name: "Sign convention", nextStep: "Mark the positive direction." }, cookie), editParams);
    expect(renamed.status).toBe(302);
    expect((await prisma.misconception.findUniqueOrThrow({ where: { id: misconception.id } })).nextStep).toBe("Mark the positive direction.");
  });

  it("allows the same name in different projects", async () => {
    const { project, cookie, base } = await setup();
    await setup();
    const res = await call(misconceptionsAction, post(`${base}/misconceptions`, { intent: "create", name: "Unit slip" }, cookie), { projectId: project.id });
    expect(res.status).toBe(200);
  });

  it("keeps a misconception in use and explains why; deletes an unused one", async () => {
    const { project, misconception, cookie, base } = await setup();
    const params = { projectId: project.id };
    const inUse = await call(misconceptionsAction, post(`${base}/misconceptions`, { intent: "delete", misconceptionId: misconception.id }, cookie), params);
    expect(inUse.status).toBe(400);
    expect(inUse.data.message).toMatch(/tags answers in 2 checkpoints.*stays/);
    expect(await prisma.misconception.findUnique({ where: { id: misconception.id } })).not.toBeNull();

    const tagged = await prisma.misconception.create({ data: { projectId: project.id, name: "Tagged by the teacher" } });
    const attempt = await addAttempt((await prisma.checkpoint.findFirstOrThrow({ where: { projectId: project.id, kind: "SHORT_TEXT" } })).id, "text", null);
    await prisma.attemptMisconception.create({ data: { attemptId: attempt.id, misconceptionId: tagged.id, source: "TEACHER" } });
    const taggedRes = await call(misconceptionsAction, post(`${base}/misconceptions`, { intent: "delete", misconceptionId: tagged.id }, cookie), params);
    expect(taggedRes.status).toBe(400);
    expect(taggedRes.data.message).toMatch(/tagged on 1 attempt/);

    const unused = await prisma.misconception.create({ data: { projectId: project.id, name: "Unused" } });
    const ok = await call(misconceptionsAction, post(`${base}/misconceptions`, { intent: "delete", misconceptionId: unused.id }, cookie), params);
    expect(ok.status).toBe(200);
    expect(await prisma.misconception.findUnique({ where: { id: unused.id } })).toBeNull();
  });

  it("counts a misconception used only by an older version as in use", async () => {
    const { project, checkpoints, misconception, cookie, base } = await setup();
    for (const checkpoint of checkpoints.slice(0, 2)) {
      const latest = await latestVersion(checkpoint.id);
      const spec = parseSpec(latest.spec);
      const cleaned = spec.kind === "MULTIPLE_CHOICE" ? { ...spec, options: spec.options.map((o) => ({ ...o, misconceptionId: null })) } : spec.kind === "NUMERIC" ? { ...spec, wrongValues: [] } : spec;
      await prisma.checkpointVersion.create({ data: { checkpointId: checkpoint.id, version: latest.version + 1, title: latest.title, prompt: latest.prompt, spec: JSON.stringify(cleaned) } });
    }
    const res = await call(misconceptionsAction, post(`${base}/misconceptions`, { intent: "delete", misconceptionId: misconception.id }, cookie), { projectId: project.id });
    expect(res.status).toBe(400);
  });
});

describe("reflection prompts", () => {
  it("creates a prompt from each template in the library", async () => {
    const { project, checkpoints, cookie, base } = await setup();
    for (const template of REFLECTION_TEMPLATES) {
      const res = await call(
        promptsAction,
        post(`${base}/prompts`, { intent: "from-template", templateKey: template.key, trigger: template.suggestedTrigger, checkpointId: template.suggestedTrigger === "PROJECT" ? "" : checkpoints[0].id }, cookie),
        { projectId: project.id },
      );
      expect(res.status).toBe(200);
      const prompt = await prisma.reflectionPrompt.findFirstOrThrow({ where: { projectId: project.id, templateKey: template.key } });
      expect(JSON.parse(prompt.questions)).toEqual(template.questions);
      expect(prompt).toMatchObject({ title: template.title, trigger: template.suggestedTrigger, checkpointId: template.suggestedTrigger === "PROJECT" ? null : checkpoints[0].id });
    }
    const page = await call(promptsLoader, get(`${base}/prompts`, cookie), { projectId: project.id });
    expect(page.data.prompts).toHaveLength(REFLECTION_TEMPLATES.length);
  });

  it("needs a checkpoint of this project for checkpoint prompts, and says so", async () => {
    const { project, cookie, base } = await setup();
    const other = await setup();
    const missing = await call(promptsAction, post(`${base}/prompts`, { intent: "from-template", templateKey: "four-part-journal", trigger: "AFTER_NOT_YET" }, cookie), { projectId: project.id });
    expect(missing.status).toBe(400);
    expect(missing.data.reply.error.checkpointId[0]).toMatch(/Choose the checkpoint/);
    const foreign = await call(
      promptsAction,
      post(`${base}/prompts`, { intent: "from-scratch", title: "T", questions: "Q", trigger: "CHECKPOINT", checkpointId: other.checkpoints[0].id }, cookie),
      { projectId: project.id },
    );
    expect(foreign.status).toBe(400);
    expect(await prisma.reflectionPrompt.count({ where: { projectId: { in: [project.id, other.project.id] } } })).toBe(0);
    const unknownTemplate = await call(promptsAction, post(`${base}/prompts`, { intent: "from-template", templateKey: "nope", trigger: "PROJECT" }, cookie), { projectId: project.id });
    expect(unknownTemplate.status).toBe(400);
  });

  it("writes a prompt from scratch, one question per line, and re-shows bad input", async () => {
    const { project, cookie, base } = await setup();
    const bad = await call(promptsAction, post(`${base}/prompts`, { intent: "from-scratch", title: "Exit ticket", questions: "  \n ", trigger: "PROJECT" }, cookie), { projectId: project.id });
    expect(bad.status).toBe(400);
    expect(bad.data.reply.error.questions[0]).toMatch(/at least one question/);
    expect(bad.data.reply.initialValue.title).toBe("Exit ticket");
    const ok = await call(promptsAction, post(`${base}/prompts`, { intent: "from-scratch", title: "Exit ticket", questions: "What surprised you?\r\n\r\nWhat is still unclear?", trigger: "PROJECT" }, cookie), { projectId: project.id });
    expect(ok.status).toBe(200);
    const prompt = await prisma.reflectionPrompt.findFirstOrThrow({ where: { projectId: project.id } });
    expect(JSON.parse(prompt.questions)).toEqual(["What surprised you?", "What is still unclear?"]);
    expect(prompt).toMatchObject({ trigger: "PROJECT", checkpointId: null, templateKey: null });
  });

  it("keeps one after-not-yet prompt per checkpoint: a new one replaces the old, which is archived", async () => {
    const { project, checkpoints, cookie, base } = await setup();
    const params = { projectId: project.id };
    await call(promptsAction, post(`${base}/prompts`, { intent: "from-template", templateKey: "four-part-journal", trigger: "AFTER_NOT_YET", checkpointId: checkpoints[0].id }, cookie), params);
    const second = await call(promptsAction, post(`${base}/prompts`, { intent: "from-scratch", title: "Quick check", questions: "What will you try next?", trigger: "AFTER_NOT_YET", checkpointId: checkpoints[0].id }, cookie), params);
    expect(second.data.message).toMatch(/replaces “Four-part journal”/);
    const prompts = await prisma.reflectionPrompt.findMany({ where: { checkpointId: checkpoints[0].id }, orderBy: { createdAt: "asc" } });
    expect(prompts.map((p) => [p.title, p.archivedAt === null ? "live" : "archived"])).toEqual([
      ["Four-part journal", "archived"],
      ["Quick check", "live"],
    ]);
  });

  it("edits, archives and restores a prompt", async () => {
    const { project, checkpoints, cookie, base } = await setup();
    const prompt = await prisma.reflectionPrompt.create({ data: { projectId: project.id, trigger: "PROJECT", title: "Old", questions: '["Q1"]' } });
    const params = { projectId: project.id, promptId: prompt.id };
    const page = await call(editPromptLoader, get(`${base}/prompts/${prompt.id}`, cookie), params);
    expect(page.data.prompt.questions).toEqual(["Q1"]);
    const bad = await call(editPromptAction, post(`${base}/prompts/${prompt.id}`, { title: "New", questions: "Q1\nQ2", trigger: "CHECKPOINT" }, cookie), params);
    expect(bad.status).toBe(400);
    expect(bad.data.error.checkpointId[0]).toMatch(/Choose the checkpoint/);
    const ok = await call(editPromptAction, post(`${base}/prompts/${prompt.id}`, { title: "New", questions: "Q1\nQ2", trigger: "CHECKPOINT", checkpointId: checkpoints[1].id }, cookie), params);
    expect(ok.status).toBe(302);
    expect(await prisma.reflectionPrompt.findUniqueOrThrow({ where: { id: prompt.id } })).toMatchObject({ title: "New", questions: '["Q1","Q2"]', trigger: "CHECKPOINT", checkpointId: checkpoints[1].id });

    const archived = await call(promptsAction, post(`${base}/prompts`, { intent: "archive", promptId: prompt.id }, cookie), { projectId: project.id });
    expect(archived.status).toBe(200);
    expect((await prisma.reflectionPrompt.findUniqueOrThrow({ where: { id: prompt.id } })).archivedAt).toBeInstanceOf(Date);
    const restored = await call(promptsAction, post(`${base}/prompts`, { intent: "restore", promptId: prompt.id }, cookie), { projectId: project.id });
    expect(restored.status).toBe(200);
    expect((await prisma.reflectionPrompt.findUniqueOrThrow({ where: { id: prompt.id } })).archivedAt).toBeNull();
  });
});

describe("who may build a project", () => {
  async function everyRoute(projectId: string, ids: { checkpointId: string; misconceptionId: string; promptId: string }, cookie: string) {
    const base = `/teach/projects/${projectId}`;
    const checkpoint = { projectId, checkpointId: ids.checkpointId };
    const misconception = { projectId, misconceptionId: ids.misconceptionId };
    const prompt = { projectId, promptId: ids.promptId };
    return Promise.all([
      call(builderLoader, get(base, cookie), { projectId }),
      call(builderAction, post(base, { intent: "publish" }, cookie), { projectId }),
      call(builderAction, post(base, { intent: "update-project", title: "Hijacked", goal: "x" }, cookie), { projectId }),
      call(builderAction, post(base, { intent: "archive", checkpointId: ids.checkpointId }, cookie), { projectId }),
      call(newLoader, get(`${base}/checkpoints/new?kind=NUMERIC`, cookie), { projectId }),
      call(newAction, post(`${base}/checkpoints/new`, { kind: "SHORT_TEXT", title: "T", prompt: "P" }, cookie), { projectId }),
      call(editLoader, get(`${base}/checkpoints/${ids.checkpointId}`, cookie), checkpoint),
      call(editAction, post(`${base}/checkpoints/${ids.checkpointId}`, { title: "Hijacked", prompt: "P" }, cookie), checkpoint),
      call(misconceptionsLoader, get(`${base}/misconceptions`, cookie), { projectId }),
      call(misconceptionsAction, post(`${base}/misconceptions`, { intent: "create", name: "Hijacked" }, cookie), { projectId }),
      call(editMisconceptionLoader, get(`${base}/misconceptions/${ids.misconceptionId}`, cookie), misconception),
      call(editMisconceptionAction, post(`${base}/misconceptions/${ids.misconceptionId}`, { name: "Hijacked" }, cookie), misconception),
      call(promptsLoader, get(`${base}/prompts`, cookie), { projectId }),
      call(promptsAction, post(`${base}/prompts`, { intent: "archive", promptId: ids.promptId }, cookie), { projectId }),
      call(editPromptLoader, get(`${base}/prompts/${ids.promptId}`, cookie), prompt),
      call(editPromptAction, post(`${base}/prompts/${ids.promptId}`, { title: "Hijacked", questions: "Q", trigger: "PROJECT" }, cookie), prompt),
    ]);
  }

  async function ownedProject() {
    const { project, checkpoints, misconception } = await setup({ status: "PUBLISHED" });
    const prompt = await prisma.reflectionPrompt.create({ data: { projectId: project.id, trigger: "PROJECT", title: "P", questions: '["Q"]' } });
    return { project, ids: { checkpointId: checkpoints[0].id, misconceptionId: misconception.id, promptId: prompt.id } };
  }

  async function expectUntouched(projectId: string, ids: { checkpointId: string; misconceptionId: string; promptId: string }) {
    expect((await prisma.project.findUniqueOrThrow({ where: { id: projectId } })).title).toBe("Forces and motion");
    expect((await prisma.checkpoint.findUniqueOrThrow({ where: { id: ids.checkpointId } })).archivedAt).toBeNull();
    expect(await prisma.checkpoint.count({ where: { projectId } })).toBe(3);
    expect((await prisma.misconception.findUniqueOrThrow({ where: { id: ids.misconceptionId } })).name).toBe("Sign convention");
    expect(await prisma.misconception.count({ where: { projectId } })).toBe(1);
    expect(await prisma.reflectionPrompt.findUniqueOrThrow({ where: { id: ids.promptId } })).toMatchObject({ title: "P", archivedAt: null });
  }

  it("answers another teacher with 404 on every loader and action, changing nothing", async () => {
    const { project, ids } = await ownedProject();
    const stranger = await createTeacher();
    const results = await everyRoute(project.id, ids, await cookieFor(stranger.id));
    expect(results.map((r) => r.status)).toEqual(results.map(() => 404));
    await expectUntouched(project.id, ids);
  });

  it("answers a student, even one in the class, with 403", async () => {
    const { project, ids } = await ownedProject();
    const student = await createStudent();
    await enroll(project.classroomId, student.id);
    const results = await everyRoute(project.id, ids, await cookieFor(student.id));
    expect(results.map((r) => r.status)).toEqual(results.map(() => 403));
    await expectUntouched(project.id, ids);
  });

  it("sends a visitor who is not logged in to the login page", async () => {
    const { project } = await ownedProject();
    const res = await call(builderLoader, get(`/teach/projects/${project.id}`), { projectId: project.id });
    expect(res.status).toBe(302);
    expect(res.location).toMatch(/^\/login\?redirectTo=/);
  });

  it("answers a teacher's own ids used across projects with 404", async () => {
    const { project } = await ownedProject();
    const teacherId = (await prisma.classTeacher.findFirstOrThrow({ where: { classroomId: project.classroomId } })).teacherId;
    const cookie = await cookieFor(teacherId);
    const other = await ownedProject();
    const res = await call(editMisconceptionLoader, get(`/teach/projects/${project.id}/misconceptions/${other.ids.misconceptionId}`, cookie), { projectId: project.id, misconceptionId: other.ids.misconceptionId });
    expect(res.status).toBe(404);
    const prompt = await call(editPromptLoader, get(`/teach/projects/${project.id}/prompts/${other.ids.promptId}`, cookie), { projectId: project.id, promptId: other.ids.promptId });
    expect(prompt.status).toBe(404);
  });
});

describe("naming a misconception from the checkpoint editor", () => {
  const typed = { kind: "MULTIPLE_CHOICE", title: "", prompt: "Which lands first?", "options[0].text": "Together", "options[0].correct": "on", "options[1].text": "The hammer" };

  it("creates it in the project, links the chosen row and gives back everything typed, without checking the unfinished checkpoint", async () => {
    const { project, cookie, base } = await emptyProject();
    const res = await call(
      newAction,
      post(`${base}/checkpoints/new`, { ...typed, intent: "add-misconception", "newMisconception.name": " Gravity needs air ", "newMisconception.nextStep": "Try a vacuum tube.", "newMisconception.linkTo": "options[1]" }, cookie),
      { projectId: project.id },
    );
    expect(res.status).toBe(200);
    const created = await prisma.misconception.findFirstOrThrow({ where: { projectId: project.id } });
    expect(created).toMatchObject({ name: "Gravity needs air", nextStep: "Try a vacuum tube." });
    expect(res.data.createdMisconceptionId).toBe(created.id);
    expect(res.data.reply.initialValue).toMatchObject({ prompt: "Which lands first?", options: [{ text: "Together", correct: "on" }, { text: "The hammer", misconceptionId: created.id }] });
    expect(res.data.reply.initialValue.newMisconception).toBeUndefined();
    expect(res.data.reply.error ?? {}).toEqual({});
    expect(await prisma.checkpoint.count({ where: { projectId: project.id } })).toBe(0);
  });

  it("saving with a misconception typed in the panel creates and links it too: nothing typed is dropped", async () => {
    const { project, cookie, base } = await emptyProject();
    const res = await call(
      newAction,
      post(`${base}/checkpoints/new`, { ...typed, title: "Moon drop", intent: "save", "newMisconception.name": "Gravity needs air", "newMisconception.linkTo": "options[1]" }, cookie),
      { projectId: project.id },
    );
    expect(res.status).toBe(302);
    const misconception = await prisma.misconception.findFirstOrThrow({ where: { projectId: project.id } });
    const checkpoint = await prisma.checkpoint.findFirstOrThrow({ where: { projectId: project.id }, include: { versions: true } });
    const spec = parseSpec(checkpoint.versions[0]!.spec) as MultipleChoiceSpec;
    expect(spec.options[1]).toMatchObject({ text: "The hammer", misconceptionId: misconception.id });
  });

  it("a taken name or an empty one is answered by the panel's field, with everything kept and nothing created", async () => {
    const { project, misconception, cookie, base } = await setup();
    const taken = await call(
      newAction,
      post(`${base}/checkpoints/new`, { ...typed, intent: "add-misconception", "newMisconception.name": misconception.name, "newMisconception.linkTo": "options[1]" }, cookie),
      { projectId: project.id },
    );
    expect(taken.status).toBe(400);
    expect(taken.data.reply.error["newMisconception.name"][0]).toMatch(/already has a misconception with that name/);
    expect(taken.data.reply.initialValue).toMatchObject({ prompt: "Which lands first?", newMisconception: { name: misconception.name } });

    const empty = await call(newAction, post(`${base}/checkpoints/new`, { ...typed, intent: "add-misconception", "newMisconception.name": "  " }, cookie), { projectId: project.id });
    expect(empty.status).toBe(400);
    expect(empty.data.reply.error["newMisconception.name"][0]).toMatch(/short name/);

    const badRow = await call(
      newAction,
      post(`${base}/checkpoints/new`, { ...typed, intent: "add-misconception", "newMisconception.name": "Fresh idea", "newMisconception.linkTo": "title" }, cookie),
      { projectId: project.id },
    );
    expect(badRow.status).toBe(400);
    expect(badRow.data.reply.error["newMisconception.linkTo"][0]).toMatch(/Choose an option/);
    expect(await prisma.misconception.count({ where: { projectId: project.id, name: "Fresh idea" } })).toBe(0);
  });

  it("works the same from the edit page, and only in the teacher's own project", async () => {
    const { project, checkpoints, cookie, base } = await setup();
    const mc = checkpoints.find((c) => c.kind === "MULTIPLE_CHOICE")!;
    const res = await call(
      editAction,
      post(`${base}/checkpoints/${mc.id}`, { title: "Edited", prompt: "Q", "options[0].text": "A", "options[0].correct": "on", "options[1].text": "B", intent: "add-misconception", "newMisconception.name": "From the edit page", "newMisconception.linkTo": "options[1]" }, cookie),
      { projectId: project.id, checkpointId: mc.id },
    );
    expect(res.status).toBe(200);
    expect(res.data.reply.initialValue.options[1].misconceptionId).toBe(res.data.createdMisconceptionId);

    const other = await setup();
    const foreign = await call(
      newAction,
      post(`${base}/checkpoints/new`, { ...typed, intent: "add-misconception", "newMisconception.name": "Sneaky" }, other.cookie),
      { projectId: project.id },
    );
    expect(foreign.status).toBe(404);
    expect(await prisma.misconception.count({ where: { name: "Sneaky" } })).toBe(0);
  });
});
