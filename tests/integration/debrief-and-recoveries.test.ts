import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { submitAttempt } from "~/models/attempt.server";
import * as debriefRoute from "~/routes/teach.projects.$projectId.debrief";
import * as recoveriesRoute from "~/routes/learn.projects.$projectId.recoveries";
import { createClassroom, createProject, createStudent, createTeacher, enroll } from "../support/factories";
import { renderRoute } from "../support/render-route";
import { call, cookieFor, get } from "../support/routes";

const DEBRIEF = "/teach/projects/:projectId/debrief";
const RECOVERIES = "/learn/projects/:projectId/recoveries";

/**
 * A class of three named students (one removed) with a project:
 * - Amani chose the "Sign convention" option, then got it; her journal names Bruno and his email.
 * - Bruno chose it too and gave the listed wrong value, never got either; his short answer names Amani.
 * - Celia (removed from the class) chose it and got it later; her work is kept.
 * "Sign convention": met by 3, worked through by 2.
 */
async function setup() {
  const teacher = await createTeacher("Ms. Okonkwo");
  const classroom = await createClassroom(teacher.id, "Physics 10A");
  // Emails are unique per call: the tests of this file share one database.
  const tag = randomUUID().slice(0, 6);
  const people = [
    ["Amani Torres", `amani.torres.${tag}@school.test`],
    ["Bruno Keller", `bruno.keller.${tag}@school.test`],
    ["Celia Park", `celia.park.${tag}@school.test`],
  ] as const;
  const [amani, bruno, celia] = await Promise.all(
    people.map(async ([name, email]) => {
      const s = await createStudent(name);
      return prisma.user.update({ where: { id: s.id }, data: { email } });
    }),
  );
  for (const s of [amani, bruno, celia]) await enroll(classroom.id, s.id);
  const { project, misconception, checkpoints } = await createProject(classroom.id);
  const [choice, numeric, text] = checkpoints;
  const attempt = async (studentId: string, checkpoint: (typeof checkpoints)[number], raw: { optionIds?: string[]; value?: string; text?: string }) => {
    const result = await submitAttempt(studentId, { ...checkpoint, projectId: project.id }, raw);
    if (!result.ok) throw new Error(`attempt not stored: ${result.reason}`);
    return result.attempt;
  };

  const a1 = await attempt(amani.id, choice, { optionIds: ["b"] });
  const a2 = await attempt(amani.id, choice, { optionIds: ["a"] });
  const b1 = await attempt(bruno.id, choice, { optionIds: ["b"] });
  const b2 = await attempt(bruno.id, numeric, { value: "-12.5" });
  const b3 = await attempt(bruno.id, text, { text: `Amani Torres told me it stays the same, ask ${amani.email}` });
  await prisma.attemptReview.create({ data: { attemptId: b3.id, reviewerId: bruno.id, role: "SELF", verdict: "NOT_YET" } });
  await prisma.attemptMisconception.create({ data: { attemptId: b3.id, misconceptionId: misconception.id, source: "TEACHER", setById: teacher.id } });
  const c1 = await attempt(celia.id, choice, { optionIds: ["b"] });
  await attempt(celia.id, choice, { optionIds: ["a"] });
  await prisma.enrollment.updateMany({ where: { classroomId: classroom.id, studentId: celia.id }, data: { removedAt: new Date() } });

  const entry = (studentId: string, attemptId: string, checkpointId: string, answers: [string, string][]) =>
    prisma.journalEntry.create({
      data: {
        studentId,
        projectId: project.id,
        checkpointId,
        attemptId,
        status: "SUBMITTED",
        submittedAt: new Date(),
        confidence: 3,
        responses: JSON.stringify(answers.map(([question, answer]) => ({ question, answer }))),
      },
    });
  await entry(amani.id, a1.id, choice.id, [
    ["What happened?", "I picked halves."],
    ["What did I learn?", `Drawing the axis first helped; Bruno Keller showed me, mail ${bruno.email}`],
  ]);
  await entry(bruno.id, b1.id, choice.id, [["What did I learn?", "Bruno's own private note about the axis"]]);
  await entry(celia.id, c1.id, choice.id, [["What did I learn?", "Celia Park learned that the sign depends on the axis"]]);

  return { teacher, classroom, project, misconception, checkpoints, amani, bruno, celia, attempts: { a1, a2, b1, b2, b3, c1 } };
}

type World = Awaited<ReturnType<typeof setup>>;

/** Every way the page could give a student away: names, name parts, emails, email handles, ids. */
function identifyingStrings(world: World): string[] {
  const out: string[] = [];
  for (const s of [world.amani, world.bruno, world.celia]) {
    out.push(s.name, ...s.name.split(" "), s.email, s.email.split("@")[0], s.id);
  }
  return out;
}

describe("class debrief", () => {
  it("shows the top misconceptions with worked-through counts, examples and prompts, and no student name, email or id", async () => {
    const world = await setup();
    const path = `/teach/projects/${world.project.id}/debrief`;
    const request = get(path, await cookieFor(world.teacher.id));
    const result = await call(debriefRoute.loader, request, { projectId: world.project.id });
    expect(result.status).toBe(200);

    const debrief = result.data.debrief;
    expect(debrief.misconceptions).toHaveLength(1);
    expect(debrief.misconceptions[0]).toMatchObject({ name: "Sign convention", met: 3, workedThrough: 2, description: "Mixes up directions" });
    const examples = debrief.misconceptions[0].examples.map((e: { text: string }) => e.text);
    expect(examples).toEqual(expect.arrayContaining(["It halves", "-12.5 m/s"]));
    expect(examples.some((t: string) => t.includes("[classmate] told me it stays the same") && t.includes("[email]"))).toBe(true);
    expect(debrief.misconceptions[0].prompts[1]).toBe("Try it together: Draw the axis first and mark which way is positive.");
    expect(debrief.learned.map((q: { text: string }) => q.text)).toEqual(
      expect.arrayContaining(["Drawing the axis first helped; [classmate] showed me, mail [email]", "[classmate] learned that the sign depends on the axis"]),
    );

    // What reaches the page (the loader's data, serialised) and what it renders.
    const json = JSON.stringify(result.data);
    const rendered = await renderRoute(debriefRoute, DEBRIEF, request);
    expect(rendered.status).toBe(200);
    expect(rendered.html).toContain("Sign convention");
    expect(rendered.text).toContain("2 of 3 have worked through this");
    expect(rendered.html).toContain("Draw the axis first");
    for (const needle of identifyingStrings(world)) {
      expect(json, `loader data shows ${needle}`).not.toContain(needle);
      expect(rendered.html, `page shows ${needle}`).not.toContain(needle);
      expect(rendered.html.toLowerCase()).not.toContain(needle.toLowerCase());
    }
    // Not even a student's private journal line that was not chosen as a quote.
    expect(json).not.toContain("private note");
  });

  it("renders a presentation mode with the same anonymised content", async () => {
    const world = await setup();
    const request = get(`/teach/projects/${world.project.id}/debrief?present=1`, await cookieFor(world.teacher.id));
    const rendered = await renderRoute(debriefRoute, DEBRIEF, request);
    expect(rendered.status).toBe(200);
    expect(rendered.html).toContain("data-debrief-present");
    expect(rendered.html).toContain("Leave presentation mode");
    expect(rendered.html).not.toContain('aria-label="Project"');
    for (const needle of identifyingStrings(world)) expect(rendered.html).not.toContain(needle);
  });

  it("is only for the project's teacher: other teachers get 404, students 403, visitors the login page", async () => {
    const world = await setup();
    const path = `/teach/projects/${world.project.id}/debrief`;
    const params = { projectId: world.project.id };
    const otherTeacher = await createTeacher();
    expect((await call(debriefRoute.loader, get(path, await cookieFor(otherTeacher.id)), params)).status).toBe(404);
    expect((await call(debriefRoute.loader, get("/teach/projects/nope/debrief", await cookieFor(world.teacher.id)), { projectId: "nope" })).status).toBe(404);
    expect((await call(debriefRoute.loader, get(path, await cookieFor(world.amani.id)), params)).status).toBe(403);
    const visitor = await call(debriefRoute.loader, get(path), params);
    expect(visitor.status).toBe(302);
    expect(visitor.location).toMatch(/^\/login/);
  });

  it("says there is nothing to debrief yet when no answer showed a misconception", async () => {
    const teacher = await createTeacher();
    const classroom = await createClassroom(teacher.id);
    const { project } = await createProject(classroom.id);
    const request = get(`/teach/projects/${project.id}/debrief`, await cookieFor(teacher.id));
    const rendered = await renderRoute(debriefRoute, DEBRIEF, request);
    expect(rendered.status).toBe(200);
    expect(rendered.html).toContain("Nothing to debrief yet");
  });
});

describe("a student's recoveries", () => {
  it("shows the student's own not-yet turned got-it, with their reflection beside it", async () => {
    const world = await setup();
    const path = `/learn/projects/${world.project.id}/recoveries`;
    const request = get(path, await cookieFor(world.amani.id));
    const result = await call(recoveriesRoute.loader, request, { projectId: world.project.id });
    expect(result.status).toBe(200);
    const { recoveries, stillWorkingOn, gotFirstTry } = result.data;
    expect(recoveries).toHaveLength(1);
    expect(recoveries[0]).toMatchObject({ title: "Doubling the force", attemptsToGotIt: 2, misconceptions: [{ name: "Sign convention" }] });
    expect(recoveries[0].before.map((a: { id: string; answerText: string }) => [a.id, a.answerText])).toEqual([[world.attempts.a1.id, "It halves"]]);
    expect(recoveries[0].gotIt).toMatchObject({ id: world.attempts.a2.id, answerText: "It doubles" });
    expect(recoveries[0].reflections[0].responses[1].answer).toContain("Drawing the axis first helped");
    expect(stillWorkingOn).toEqual([]);
    expect(gotFirstTry).toBe(0);

    const rendered = await renderRoute(recoveriesRoute, RECOVERIES, request);
    expect(rendered.status).toBe(200);
    expect(rendered.html).toContain("Drawing the axis first helped");
    expect(rendered.text).toContain("Got it on attempt 2, less than a minute after your first “not yet”.");
  });

  it("never shows another student's attempts or entries", async () => {
    const world = await setup();
    const request = get(`/learn/projects/${world.project.id}/recoveries`, await cookieFor(world.amani.id));
    const result = await call(recoveriesRoute.loader, request, { projectId: world.project.id });
    const json = JSON.stringify(result.data);
    for (const id of [world.attempts.b1.id, world.attempts.b2.id, world.attempts.b3.id, world.attempts.c1.id, world.bruno.id, world.celia.id]) {
      expect(json).not.toContain(id);
    }
    expect(json).not.toContain("private note");
    expect(json).not.toContain("Celia Park learned");
    expect(json).not.toContain("-12.5");

    // Bruno sees only his own work: still working on three checkpoints, no recoveries.
    const bruno = await call(recoveriesRoute.loader, get(`/learn/projects/${world.project.id}/recoveries`, await cookieFor(world.bruno.id)), {
      projectId: world.project.id,
    });
    expect(bruno.data.recoveries).toEqual([]);
    expect(bruno.data.stillWorkingOn.map((s: { title: string; attempts: number }) => [s.title, s.attempts])).toEqual([
      ["Doubling the force", 1],
      ["Speed after 5 s", 1],
      ["Explain constant velocity", 1],
    ]);
    const brunoJson = JSON.stringify(bruno.data);
    expect(brunoJson).not.toContain(world.attempts.a1.id);
    expect(brunoJson).not.toContain("Drawing the axis first helped");
  });

  it("is 404 for a student not in the class, a removed student and a draft project; 403 for teachers", async () => {
    const world = await setup();
    const path = `/learn/projects/${world.project.id}/recoveries`;
    const params = { projectId: world.project.id };
    const stranger = await createStudent();
    expect((await call(recoveriesRoute.loader, get(path, await cookieFor(stranger.id)), params)).status).toBe(404);
    expect((await call(recoveriesRoute.loader, get(path, await cookieFor(world.celia.id)), params)).status).toBe(404);
    expect((await call(recoveriesRoute.loader, get(path, await cookieFor(world.teacher.id)), params)).status).toBe(403);
    await prisma.project.update({ where: { id: world.project.id }, data: { status: "DRAFT" } });
    expect((await call(recoveriesRoute.loader, get(path, await cookieFor(world.amani.id)), params)).status).toBe(404);
  });
});
