import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { action as studentAction } from "~/routes/learn.projects.$projectId.checkpoints.$checkpointId";
import { action, loader } from "~/routes/teach.projects.$projectId.insight.checkpoints.$checkpointId";
import { createClassWithProject, createStudent, createTeacher, enroll } from "../support/factories";
import { call, cookieFor, get, post } from "../support/routes";

const KEEPS = ["the push keeps acting on the car", "The push keeps acting on the car.", "the push keeps acting on it"];
const STILL = "Push force is still acting on it after my hand leaves.";
const INSIDE = "The force from the push stays inside it.";
const OTHERS = ["The forces are balanced so the speed stays the same.", "The car has momentum so there are no forces on it."];

type Suggestion = { attemptId: string; sharedTerms: string[]; closest: { attemptId: string; text: string } | null };

/** A class whose students answered the short-text checkpoint, and a group the teacher named from the "keeps acting" answers. */
async function setup() {
  const world = await createClassWithProject();
  const text = world.checkpoints[2];
  const studentParams = { projectId: world.project.id, checkpointId: text.id };
  const students = [world.student, world.otherStudent];
  const texts = [...KEEPS, STILL, INSIDE, ...OTHERS];
  while (students.length < texts.length) {
    const s = await createStudent();
    await enroll(world.classroom.id, s.id);
    students.push(s);
  }
  const ids: Record<string, string> = {};
  for (const [i, t] of texts.entries()) {
    const res = await call(
      studentAction,
      post(`/learn/projects/${world.project.id}/checkpoints/${text.id}`, { intent: "attempt", submissionKey: randomUUID(), textAnswer: t }, await cookieFor(students[i].id)),
      studentParams,
    );
    expect(res.status).toBe(302);
    ids[t] = new URL(res.location!, "http://localhost").searchParams.get("attempt")!;
  }
  const teacherCookie = await cookieFor(world.teacher.id);
  const path = `/teach/projects/${world.project.id}/insight/checkpoints/${text.id}`;
  const view = (cookie = teacherCookie) => call(loader, get(path, cookie), studentParams);
  const send = (fields: Record<string, string | string[] | undefined>, cookie = teacherCookie) => call(action, post(path, fields, cookie), studentParams);

  const page = await view();
  const keeps = page.data.insight.detail.groups.find((g: { attemptIds: string[] }) => g.attemptIds.includes(ids[KEEPS[0]]));
  expect(keeps.attemptIds).toHaveLength(3);
  const named = await send({
    intent: "name-group",
    groupKey: keeps.id,
    misconceptionId: "new",
    name: "The push stays in the object",
    description: "Believes a push is stored in the object and keeps acting after the contact ends.",
    nextStep: "What is still touching the car once the hand lets go?",
  });
  expect(named.status).toBe(200);
  const group = await prisma.answerGroup.findFirstOrThrow({ where: { checkpointId: text.id }, select: { id: true, misconceptionId: true } });
  const key = `g:${group.id}`;
  const suggestions = async (): Promise<Suggestion[]> => (await view()).data.suggestions[key] ?? [];
  return { ...world, text, ids, view, send, group, key, suggestions, teacherCookie };
}

describe("suggestions for a named group", () => {
  it("lists ungrouped answers worded otherwise, with the shared terms and the closest answer in the group", async () => {
    const w = await setup();
    const found = await w.suggestions();
    const still = found.find((s) => s.attemptId === w.ids[STILL]);
    expect(still).toBeDefined();
    expect(still!.sharedTerms).toEqual(expect.arrayContaining(["push", "acting"]));
    expect(KEEPS).toContain(still!.closest?.text);
    expect(found.map((s) => s.attemptId)).not.toContain(w.ids[OTHERS[1]]);
  });

  it("confirming adds the answer as the teacher's own member and tags it; then it is no longer suggested", async () => {
    const w = await setup();
    const res = await w.send({ intent: "confirm-suggestion", groupKey: w.key, attemptIds: w.ids[STILL] });
    expect(res.status).toBe(200);
    expect(res.data.message).toMatch(/Added 1 answer to “The push stays in the object”: it is now in the group and shows “The push stays in the object”/);
    const member = await prisma.answerGroupMember.findUnique({ where: { groupId_attemptId: { groupId: w.group.id, attemptId: w.ids[STILL] } } });
    expect(member).toMatchObject({ source: "TEACHER", excluded: false });
    const tags = await prisma.attemptMisconception.findMany({ where: { attemptId: w.ids[STILL] } });
    expect(tags).toEqual([expect.objectContaining({ misconceptionId: w.group.misconceptionId, source: "CLUSTER", active: true, setById: w.teacher.id })]);
    const page = await w.view();
    expect(page.data.insight.detail.groups.find((g: { id: string }) => g.id === w.key).attemptIds).toContain(w.ids[STILL]);
    expect((await w.suggestions()).map((s) => s.attemptId)).not.toContain(w.ids[STILL]);
  });

  it("adds several at once", async () => {
    const w = await setup();
    const res = await w.send({ intent: "confirm-suggestion", groupKey: w.key, attemptIds: [w.ids[STILL], w.ids[INSIDE]] });
    expect(res.status).toBe(200);
    expect(res.data.message).toMatch(/Added 2 answers/);
    expect(await prisma.answerGroupMember.count({ where: { groupId: w.group.id, excluded: false } })).toBe(5);
  });

  it("rejecting remembers it: never suggested for the group again, counted apart from answers moved out", async () => {
    const w = await setup();
    const res = await w.send({ intent: "reject-suggestion", groupKey: w.key, attemptId: w.ids[STILL] });
    expect(res.status).toBe(200);
    expect(res.data.message).toMatch(/won't be suggested for “The push stays in the object” again/);
    const row = await prisma.answerGroupMember.findUnique({ where: { groupId_attemptId: { groupId: w.group.id, attemptId: w.ids[STILL] } } });
    expect(row).toMatchObject({ excluded: true, source: "REJECTED" });
    expect(await prisma.attemptMisconception.count({ where: { attemptId: w.ids[STILL] } })).toBe(0);
    expect((await w.suggestions()).map((s) => s.attemptId)).not.toContain(w.ids[STILL]);
    const page = await w.view();
    expect(page.data.membership[w.key]).toMatchObject({ rejected: 1, movedOut: 0 });
    // Rejecting an answer already in the group is refused; the teacher moves it out instead.
    const inGroup = await w.send({ intent: "reject-suggestion", groupKey: w.key, attemptId: w.ids[KEEPS[0]] });
    expect(inGroup.status).toBe(400);
    expect(inGroup.data.message).toMatch(/Move out of this group/);
    // The teacher can still add it later on purpose.
    const back = await w.send({ intent: "confirm-suggestion", groupKey: w.key, attemptIds: w.ids[STILL] });
    expect(back.status).toBe(200);
    expect(await prisma.answerGroupMember.findUnique({ where: { groupId_attemptId: { groupId: w.group.id, attemptId: w.ids[STILL] } } })).toMatchObject({ excluded: false, source: "TEACHER" });
  });

  it("refuses answers of another checkpoint or held by another kept group, and a machine group", async () => {
    const w = await setup();
    const momentum = (await w.view()).data.insight.detail.groups.find((g: { attemptIds: string[] }) => g.attemptIds.includes(w.ids[OTHERS[1]]));
    await w.send({ intent: "rename-group", groupKey: momentum.id, label: "Momentum" });
    const held = await w.send({ intent: "confirm-suggestion", groupKey: w.key, attemptIds: w.ids[OTHERS[1]] });
    expect(held.status).toBe(400);
    expect(held.data.message).toMatch(/already in another group you kept/);
    const foreign = await w.send({ intent: "confirm-suggestion", groupKey: w.key, attemptIds: "not-an-attempt" });
    expect(foreign.status).toBe(400);
    const machine = await w.send({ intent: "reject-suggestion", groupKey: "g-00000000", attemptId: w.ids[STILL] });
    expect(machine.status).toBe(400);
    expect(machine.data.message).toMatch(/group has changed/);
    const empty = await w.send({ intent: "confirm-suggestion", groupKey: w.key });
    expect(empty.status).toBe(400);
  });

  it("is the project teacher's only: another teacher gets 404, a student 403", async () => {
    const w = await setup();
    const other = await cookieFor((await createTeacher()).id);
    expect((await w.send({ intent: "confirm-suggestion", groupKey: w.key, attemptIds: w.ids[STILL] }, other)).status).toBe(404);
    expect((await w.send({ intent: "reject-suggestion", groupKey: w.key, attemptId: w.ids[STILL] }, other)).status).toBe(404);
    const student = await cookieFor(w.student.id);
    expect((await w.send({ intent: "confirm-suggestion", groupKey: w.key, attemptIds: w.ids[STILL] }, student)).status).toBe(403);
    expect((await w.send({ intent: "reject-suggestion", groupKey: w.key, attemptId: w.ids[STILL] }, student)).status).toBe(403);
    expect(await prisma.answerGroupMember.count({ where: { groupId: w.group.id } })).toBe(3);
  });
});
