// Plans that are followed up and recovery that lasts (decision 017), through
// the routes: a plan written in a reflection shows beside the question at the
// next attempt, one tap says how it went, the recoveries page and the insight
// show it; a student never sees or follows up another's plan, a teacher only
// their class's; a checkpoint can be marked as a re-check.
import { describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import * as checkpointRoute from "~/routes/learn.projects.$projectId.checkpoints.$checkpointId";
import * as recoveriesRoute from "~/routes/learn.projects.$projectId.recoveries";
import * as insightRoute from "~/routes/teach.projects.$projectId.insight._index";
import * as editRoute from "~/routes/teach.projects.$projectId.checkpoints.$checkpointId";
import { createClassWithProject, createClassroom, createProject, createStudent, createTeacher, enroll } from "../support/factories";
import { call, cookieFor, get, post } from "../support/routes";

const PLAN = "Draw the axis first and mark which way is positive.";

async function setup() {
  const w = await createClassWithProject();
  const [choice, numeric] = w.checkpoints;
  const cookie = await cookieFor(w.student.id);
  const params = { projectId: w.project.id, checkpointId: choice.id };
  const page = `/learn/projects/${w.project.id}/checkpoints/${choice.id}`;
  const send = (c: string, fields: Record<string, string>, at = page, p = params) => call(checkpointRoute.action, post(at, fields, c), p);
  const view = (c: string, query = "", at = page, p = params) => call(checkpointRoute.loader, get(at + query, c), p);
  return { ...w, choice, numeric, cookie, params, page, send, view };
}
type World = Awaited<ReturnType<typeof setup>>;

/** The student answers wrong, then reflects with the four-part journal: their "What would I do differently?" is the plan. */
async function notYetThenPlan(w: World) {
  const wrong = await w.send(w.cookie, { intent: "attempt", submissionKey: crypto.randomUUID(), optionIds: "b" });
  expect(wrong.status).toBe(302);
  const attempt = await prisma.attempt.findFirstOrThrow({ where: { studentId: w.student.id, checkpointId: w.choice.id }, orderBy: { number: "desc" } });
  const added = await w.send(w.cookie, {
    intent: "add-entry",
    attemptId: attempt.id,
    "answers[0]": "I picked halves.",
    "answers[1]": "The force is on top.",
    "answers[2]": PLAN,
    "answers[3]": "",
  });
  expect(added.status).toBe(302);
  const entry = await prisma.journalEntry.findFirstOrThrow({ where: { studentId: w.student.id, status: "SUBMITTED" } });
  return { attempt, entry };
}

describe("a plan, from the reflection to how it went", () => {
  it("shows beside the question until the next attempt, then asks how it went; one tap records it, appended, never overwritten", async () => {
    const w = await setup();
    const { entry } = await notYetThenPlan(w);

    const before = await w.view(w.cookie);
    expect(before.data.plansBeside).toEqual([expect.objectContaining({ id: entry.id, text: PLAN, status: "waiting", checkpointTitle: "Doubling the force" })]);
    // A plan on this checkpoint is not shown beside another checkpoint.
    const elsewhere = await w.view(w.cookie, "", `/learn/projects/${w.project.id}/checkpoints/${w.numeric.id}`, { projectId: w.project.id, checkpointId: w.numeric.id });
    expect(elsewhere.data.plansBeside).toEqual([]);

    // A follow-up before the next attempt is refused, with a reason, and stores nothing.
    const early = await w.send(w.cookie, { intent: "plan-follow-up", planId: entry.id, attemptId: entry.attemptId!, result: "HELPED" });
    expect(early.status).toBe(400);
    expect(early.data.message).toMatch(/next attempt first/);

    const right = await w.send(w.cookie, { intent: "attempt", submissionKey: crypto.randomUUID(), optionIds: "a" });
    const next = await prisma.attempt.findFirstOrThrow({ where: { studentId: w.student.id, checkpointId: w.choice.id, number: 2 } });
    expect(right.location).toContain(`attempt=${next.id}`);
    const after = await w.view(w.cookie, `?attempt=${next.id}`);
    expect(after.data.plansBeside).toEqual([]);
    expect(after.data.selectedPlans).toEqual([expect.objectContaining({ id: entry.id, status: "to-follow-up", triedOn: expect.objectContaining({ id: next.id, number: 2 }) })]);

    // Without JavaScript: a redirect back to the attempt. With it (via=fetcher): data, no redirect.
    const first = await w.send(w.cookie, { intent: "plan-follow-up", planId: entry.id, attemptId: next.id, result: "DIDNT_TRY" });
    expect(first.status).toBe(302);
    expect(first.location).toBe(`${w.page}?attempt=${next.id}#plan-${entry.id}`);
    const changed = await w.send(w.cookie, { intent: "plan-follow-up", planId: entry.id, attemptId: next.id, result: "HELPED", via: "fetcher" });
    expect(changed).toMatchObject({ status: 200, data: { ok: true } });
    // The same answer again (a double click) adds nothing.
    await w.send(w.cookie, { intent: "plan-follow-up", planId: entry.id, attemptId: next.id, result: "HELPED", via: "fetcher" });
    const rows = await prisma.planFollowUp.findMany({ where: { journalEntryId: entry.id }, orderBy: { createdAt: "asc" } });
    expect(rows.map((r) => r.result)).toEqual(["DIDNT_TRY", "HELPED"]);

    const shown = await w.view(w.cookie, `?attempt=${next.id}`);
    expect(shown.data.selectedPlans[0]).toMatchObject({ status: "HELPED", result: "HELPED" });

    const recoveries = await call(recoveriesRoute.loader, get(`/learn/projects/${w.project.id}/recoveries`, w.cookie), { projectId: w.project.id });
    expect(recoveries.data.plans).toEqual([expect.objectContaining({ id: entry.id, text: PLAN, status: "HELPED" })]);
    expect(recoveries.data.ideas).toEqual([expect.objectContaining({ state: "recovered", recoveredOn: ["Doubling the force"] })]);
  });

  it("refuses a follow-up for another attempt or with a made-up result, keeping nothing", async () => {
    const w = await setup();
    const { entry, attempt } = await notYetThenPlan(w);
    await w.send(w.cookie, { intent: "attempt", submissionKey: crypto.randomUUID(), optionIds: "a" });
    const wrongAttempt = await w.send(w.cookie, { intent: "plan-follow-up", planId: entry.id, attemptId: attempt.id, result: "HELPED" });
    expect(wrongAttempt.status).toBe(400);
    expect(wrongAttempt.data.message).toMatch(/another attempt/);
    const madeUp = await w.send(w.cookie, { intent: "plan-follow-up", planId: entry.id, attemptId: attempt.id, result: "MAYBE" });
    expect(madeUp.status).toBe(400);
    expect(await prisma.planFollowUp.count({ where: { journalEntryId: entry.id } })).toBe(0);
  });
});

describe("whose plans", () => {
  it("a classmate never sees the plan, nor can follow it up", async () => {
    const w = await setup();
    const { entry } = await notYetThenPlan(w);
    await w.send(w.cookie, { intent: "attempt", submissionKey: crypto.randomUUID(), optionIds: "a" });
    const next = await prisma.attempt.findFirstOrThrow({ where: { studentId: w.student.id, checkpointId: w.choice.id, number: 2 } });

    const classmate = await cookieFor(w.otherStudent.id);
    const page = await w.view(classmate);
    expect(JSON.stringify(page.data)).not.toContain(PLAN);
    const recoveries = await call(recoveriesRoute.loader, get(`/learn/projects/${w.project.id}/recoveries`, classmate), { projectId: w.project.id });
    expect(recoveries.data.plans).toEqual([]);
    const forged = await w.send(classmate, { intent: "plan-follow-up", planId: entry.id, attemptId: next.id, result: "DIDNT_HELP" });
    expect(forged.status).toBe(400);
    expect(forged.data.message).toMatch(/couldn't find that plan/);
    expect(await prisma.planFollowUp.count({ where: { journalEntryId: entry.id } })).toBe(0);
  });

  it("the class's teacher sees it in the insight, anonymised and counted; another teacher finds nothing", async () => {
    const w = await setup();
    const { entry } = await notYetThenPlan(w);
    await w.send(w.cookie, { intent: "attempt", submissionKey: crypto.randomUUID(), optionIds: "a" });
    const next = await prisma.attempt.findFirstOrThrow({ where: { studentId: w.student.id, checkpointId: w.choice.id, number: 2 } });
    await w.send(w.cookie, { intent: "plan-follow-up", planId: entry.id, attemptId: next.id, result: "HELPED" });

    const params = { projectId: w.project.id };
    const insight = await call(insightRoute.loader, get(`/teach/projects/${w.project.id}/insight`, await cookieFor(w.teacher.id)), params);
    expect(insight.status).toBe(200);
    expect(insight.data.plans).toMatchObject({ plans: 1, students: 1, followThrough: { helped: 1, shareFollowedThrough: 1 } });
    const [m] = insight.data.plans.byMisconception;
    expect(m).toMatchObject({ name: "Sign convention", plans: 1 });
    expect(m.groups[0].text).toBe(PLAN);
    expect(m.comparison.tooFew).toBe(true);
    expect(m.comparison.words).toMatch(/With a plan: 1 of 1 recovered.*Too few to compare/);
    expect(insight.data.lasting).toEqual([expect.objectContaining({ name: "Sign convention", students: 1, states: { recovered: 1, relapsed: 0, "still-working": 0 } })]);

    const stranger = await createTeacher();
    const refused = await call(insightRoute.loader, get(`/teach/projects/${w.project.id}/insight`, await cookieFor(stranger.id)), params);
    expect(refused.status).toBe(404);
  });
});

describe("re-checks and relapses", () => {
  it("the teacher marks a checkpoint as a re-check in its editor; only the project's misconceptions", async () => {
    const w = await setup();
    const teacher = await cookieFor(w.teacher.id);
    const [, , text] = w.checkpoints;
    const at = `/teach/projects/${w.project.id}/checkpoints/${text.id}`;
    const params = { projectId: w.project.id, checkpointId: text.id };
    const fields = { title: "Explain constant velocity", prompt: "Question 3", modelAnswer: "Because the net force is zero." };
    const saved = await call(editRoute.action, post(at, { ...fields, recheckOf: w.misconception.id }, teacher), params);
    expect(saved.status).toBe(200);
    expect(await prisma.checkpointRecheck.findMany({ where: { checkpointId: text.id }, select: { misconceptionId: true } })).toEqual([{ misconceptionId: w.misconception.id }]);
    const form = await call(editRoute.loader, get(at, teacher), params);
    expect(form.data.defaultValue.recheckOf).toEqual([w.misconception.id]);

    const otherClass = await createClassroom((await createTeacher()).id);
    const { misconception: foreign } = await createProject(otherClass.id);
    const refused = await call(editRoute.action, post(at, { ...fields, recheckOf: foreign.id }, teacher), params);
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.data)).toContain("this project's list");
    expect(await prisma.checkpointRecheck.count({ where: { misconceptionId: foreign.id } })).toBe(0);

    // Unticking every box takes the mark away.
    await call(editRoute.action, post(at, fields, teacher), params);
    expect(await prisma.checkpointRecheck.count({ where: { checkpointId: text.id } })).toBe(0);
  });

  it("a relapse on the re-check shows on the student's recoveries page and in the insight", async () => {
    const w = await setup();
    const [, numeric] = w.checkpoints;
    await prisma.checkpointRecheck.create({ data: { checkpointId: numeric.id, misconceptionId: w.misconception.id } });
    // Wrong, then right on the choice checkpoint; then the listed wrong value on the numeric re-check.
    await w.send(w.cookie, { intent: "attempt", submissionKey: crypto.randomUUID(), optionIds: "b" });
    await w.send(w.cookie, { intent: "attempt", submissionKey: crypto.randomUUID(), optionIds: "a" });
    const numericParams = { projectId: w.project.id, checkpointId: numeric.id };
    await w.send(w.cookie, { intent: "attempt", submissionKey: crypto.randomUUID(), numericAnswer: "-12.5" }, `/learn/projects/${w.project.id}/checkpoints/${numeric.id}`, numericParams);
    // A second student recovers and holds on the re-check.
    const second = await createStudent();
    await enroll(w.classroom.id, second.id);
    const c2 = await cookieFor(second.id);
    await w.send(c2, { intent: "attempt", submissionKey: crypto.randomUUID(), optionIds: "b" });
    await w.send(c2, { intent: "attempt", submissionKey: crypto.randomUUID(), optionIds: "a" });
    await w.send(c2, { intent: "attempt", submissionKey: crypto.randomUUID(), numericAnswer: "12.5" }, `/learn/projects/${w.project.id}/checkpoints/${numeric.id}`, numericParams);

    const recoveries = await call(recoveriesRoute.loader, get(`/learn/projects/${w.project.id}/recoveries`, w.cookie), { projectId: w.project.id });
    expect(recoveries.data.ideas).toEqual([
      expect.objectContaining({ state: "relapsed", recoveredAgain: false, relapses: [expect.objectContaining({ checkpointTitle: "Speed after 5 s", afterCheckpointTitle: "Doubling the force" })] }),
    ]);
    const insight = await call(insightRoute.loader, get(`/teach/projects/${w.project.id}/insight`, await cookieFor(w.teacher.id)), { projectId: w.project.id });
    expect(insight.data.lasting[0]).toMatchObject({
      states: { recovered: 1, relapsed: 1, "still-working": 0 },
      rechecks: [{ checkpointId: numeric.id, title: "2. Speed after 5 s", students: 2, results: { held: 1, "showed-again": 1, "not-yet": 0, waiting: 0 } }],
    });
  });
});
