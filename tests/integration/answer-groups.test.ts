import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { prisma } from "~/db.server";
import { textGroupsForProject } from "~/models/answer-group-cache.server";
import { tagNewShortTextAttempt } from "~/models/answer-group-tagging.server";
import { findTeacherProject } from "~/models/project.server";
import { action as studentAction, loader as studentLoader } from "~/routes/learn.projects.$projectId.checkpoints.$checkpointId";
import { action, loader } from "~/routes/teach.projects.$projectId.insight.checkpoints.$checkpointId";
import { createClassWithProject, createClassroom, createProject, createStudent, createTeacher, enroll } from "../support/factories";
import { call, cookieFor, get, post } from "../support/routes";

const PUSH = [
  "There has to be a force pushing it forward or it would stop.",
  "There has to be a force pushing it forward or it would stop",
  "a force has to push it forward or it stops",
];
const BALANCED = ["The forces are balanced so the speed stays the same.", "the forces are balanced, so the speed stays the same"];
const MOMENTUM = ["The car has momentum so there are no forces on it.", "it has momentum so no forces act on it"];
const NEXT_STEP = "Think about a puck sliding on ice: what slows it down?";

type Group = {
  id: string;
  label: string | null;
  confirmed: boolean;
  misconceptionId: string | null;
  misconceptionName: string | null;
  attemptIds: string[];
  size: number;
  representatives: string[];
  keyTerms: string[];
  studentsGotItLater: number;
};

/** A class whose students answered the short-text checkpoint, each through the student page. */
async function setup() {
  const world = await createClassWithProject();
  const text = world.checkpoints[2];
  const studentPath = `/learn/projects/${world.project.id}/checkpoints/${text.id}`;
  const studentParams = { projectId: world.project.id, checkpointId: text.id };
  const answer = async (studentId: string, textAnswer: string) => {
    const res = await call(studentAction, post(studentPath, { intent: "attempt", submissionKey: randomUUID(), textAnswer }, await cookieFor(studentId)), studentParams);
    expect(res.status).toBe(302);
    return new URL(res.location!, "http://localhost").searchParams.get("attempt")!;
  };
  const students = [world.student, world.otherStudent];
  for (let i = 0; i < 5; i++) {
    const s = await createStudent();
    await enroll(world.classroom.id, s.id);
    students.push(s);
  }
  const ids: Record<string, string> = {};
  const texts = [...PUSH, ...BALANCED, ...MOMENTUM];
  for (const [i, t] of texts.entries()) ids[t] = await answer(students[i].id, t);

  const teacherCookie = await cookieFor(world.teacher.id);
  const path = `/teach/projects/${world.project.id}/insight/checkpoints/${text.id}`;
  const params = { projectId: world.project.id, checkpointId: text.id };
  const view = async (cookie = teacherCookie, query = "") => call(loader, get(path + query, cookie), params);
  const send = (fields: Record<string, string | string[] | undefined>, cookie = teacherCookie) => call(action, post(path, fields, cookie), params);
  const groups = async (): Promise<Group[]> => {
    const res = await view();
    expect(res.status).toBe(200);
    const order: string[] = res.data.groupOrder;
    return [...res.data.insight.detail.groups].sort((a: Group, b: Group) => order.indexOf(a.id) - order.indexOf(b.id));
  };
  const groupWith = async (attemptId: string) => (await groups()).find((g) => g.attemptIds.includes(attemptId))!;
  const tagsOf = (attemptId: string) => prisma.attemptMisconception.findMany({ where: { attemptId }, orderBy: { createdAt: "asc" } });
  return { ...world, text, students, ids, answer, view, send, groups, groupWith, tagsOf, path, params, teacherCookie };
}

async function nameAsNew(w: Awaited<ReturnType<typeof setup>>, groupKey: string, name = "Motion needs a force") {
  return w.send({ intent: "name-group", groupKey, misconceptionId: "new", name, description: "A moving object needs a force to keep moving.", nextStep: NEXT_STEP });
}

describe("the per-checkpoint insight page", () => {
  it("shows the short-text groups with sizes, representatives and key terms, machine groups suggested", async () => {
    const w = await setup();
    const res = await w.view();
    expect(res.status).toBe(200);
    expect(res.data.checkpoint).toMatchObject({ title: "Explain constant velocity", kind: "SHORT_TEXT" });
    expect(res.data.insight.summary).toMatchObject({ attempts: 7, studentsAttempted: 7 });
    const groups = await w.groups();
    expect(groups.map((g) => g.size)).toEqual([3, 2, 2]);
    expect(groups.every((g) => !g.confirmed)).toBe(true);
    const push = groups[0];
    expect(push.attemptIds.sort()).toEqual(PUSH.map((t) => w.ids[t]).sort());
    expect(push.representatives.length).toBeGreaterThan(0);
    expect(push.keyTerms.length).toBeGreaterThan(0);
    expect(res.data.answers).toHaveLength(7);
  });

  it("shows multiple-choice and numeric distributions too", async () => {
    const w = await setup();
    const [choice, numeric] = w.checkpoints;
    const cookie = await cookieFor(w.student.id);
    const submit = (checkpointId: string, fields: Record<string, string>) =>
      call(
        studentAction,
        post(`/learn/projects/${w.project.id}/checkpoints/${checkpointId}`, { intent: "attempt", submissionKey: randomUUID(), ...fields }, cookie),
        { projectId: w.project.id, checkpointId },
      );
    await submit(choice.id, { optionIds: "b" });
    await submit(numeric.id, { numericAnswer: "-12.5" });
    const mc = await call(loader, get(`/teach/projects/${w.project.id}/insight/checkpoints/${choice.id}`, w.teacherCookie), { projectId: w.project.id, checkpointId: choice.id });
    expect(mc.status).toBe(200);
    expect(mc.data.insight.detail).toMatchObject({ kind: "MULTIPLE_CHOICE", wrong: { first: 1, all: 1 }, groups: [{ misconceptionName: "Sign convention", options: [{ optionId: "b", first: 1, all: 1 }] }] });
    const num = await call(loader, get(`/teach/projects/${w.project.id}/insight/checkpoints/${numeric.id}`, w.teacherCookie), { projectId: w.project.id, checkpointId: numeric.id });
    expect(num.data.insight.detail).toMatchObject({ kind: "NUMERIC", groups: [{ kind: "MISCONCEPTION", label: "Sign convention" }] });
  });
});

describe("naming a group as a misconception", () => {
  it("makes a confirmed group of its answers and tags every one (CLUSTER, set by the teacher)", async () => {
    const w = await setup();
    const push = await w.groupWith(w.ids[PUSH[0]]);
    const res = await nameAsNew(w, push.id);
    expect(res.status).toBe(200);
    expect(res.data).toMatchObject({ ok: true, intent: "name-group" });
    expect(res.data.message).toMatch(/Named the group as “Motion needs a force”: its 3 answers/);

    const misconception = await prisma.misconception.findFirstOrThrow({ where: { projectId: w.project.id, name: "Motion needs a force" } });
    expect(misconception.nextStep).toBe(NEXT_STEP);
    const group = await prisma.answerGroup.findFirstOrThrow({ where: { checkpointId: w.text.id }, include: { members: true } });
    expect(group).toMatchObject({ label: "Motion needs a force", misconceptionId: misconception.id, createdById: w.teacher.id });
    expect(group.members.map((m) => [m.attemptId, m.source, m.excluded]).sort()).toEqual(PUSH.map((t) => [w.ids[t], "TEACHER", false]).sort());
    for (const t of PUSH) {
      expect(await w.tagsOf(w.ids[t])).toEqual([expect.objectContaining({ misconceptionId: misconception.id, source: "CLUSTER", active: true, setById: w.teacher.id })]);
    }
    expect(await w.tagsOf(w.ids[BALANCED[0]])).toEqual([]);

    const groups = await w.groups();
    expect(groups[0]).toMatchObject({ id: `g:${group.id}`, confirmed: true, misconceptionName: "Motion needs a force", size: 3 });
    const byProject = await textGroupsForProject((await findTeacherProject(w.project.id, w.teacher.id))!);
    expect(Object.keys(byProject)).toEqual([w.text.id]);
    expect(byProject[w.text.id][0]).toMatchObject({ id: `g:${group.id}`, confirmed: true, label: "Motion needs a force", misconceptionId: misconception.id });
    expect(byProject[w.text.id].slice(1).every((g) => !g.confirmed && !g.id.startsWith("g:"))).toBe(true);
  });

  it("can use an existing misconception, and keeps a teacher's own earlier decision on an answer", async () => {
    const w = await setup();
    const push = await w.groupWith(w.ids[PUSH[0]]);
    // The teacher had already said attempt PUSH[2] does not show this misconception.
    await w.send({ intent: "remove-tag", attemptId: w.ids[PUSH[2]], misconceptionId: w.misconception.id });
    const res = await w.send({ intent: "name-group", groupKey: push.id, misconceptionId: w.misconception.id });
    expect(res.status).toBe(200);
    expect(res.data.message).toMatch(/One answer keeps the decision you made about it yourself/);
    expect(await w.tagsOf(w.ids[PUSH[0]])).toEqual([expect.objectContaining({ source: "CLUSTER", active: true })]);
    expect(await w.tagsOf(w.ids[PUSH[2]])).toEqual([expect.objectContaining({ source: "TEACHER", active: false })]);
  });

  it("refuses a name the project already uses, and a missing choice, with messages (400)", async () => {
    const w = await setup();
    const push = await w.groupWith(w.ids[PUSH[0]]);
    const taken = await nameAsNew(w, push.id, "  sign CONVENTION ");
    expect(taken.status).toBe(400);
    expect(taken.data.reply.error.name[0]).toMatch(/already has a misconception called “Sign convention”/);
    const missing = await w.send({ intent: "name-group", groupKey: push.id });
    expect(missing.status).toBe(400);
    expect(missing.data.reply.error.misconceptionId[0]).toMatch(/Choose a misconception/);
    const noName = await w.send({ intent: "name-group", groupKey: push.id, misconceptionId: "new" });
    expect(noName.status).toBe(400);
    expect(noName.data.reply.error.name).toEqual(["Give the new misconception a short name."]);
    const foreign = await w.send({ intent: "name-group", groupKey: push.id, misconceptionId: "not-a-misconception" });
    expect(foreign.status).toBe(400);
    expect(foreign.data.reply.error.misconceptionId[0]).toMatch(/this project's list/);
    const gone = await w.send({ intent: "name-group", groupKey: "g-00000000", misconceptionId: w.misconception.id });
    expect(gone.status).toBe(400);
    expect(gone.data.message).toMatch(/group has changed/);
    expect(await prisma.answerGroup.count({ where: { checkpointId: w.text.id } })).toBe(0);
    expect(await prisma.misconception.count({ where: { projectId: w.project.id } })).toBe(1);
  });
});

describe("new attempts close to a named group", () => {
  it("join the group (MACHINE) with the group's misconception (CLUSTER), and the student sees its next step", async () => {
    const w = await setup();
    await nameAsNew(w, (await w.groupWith(w.ids[PUSH[0]])).id);
    const group = await prisma.answerGroup.findFirstOrThrow({ where: { checkpointId: w.text.id } });
    const newcomer = await createStudent();
    await enroll(w.classroom.id, newcomer.id);

    const similar = await w.answer(newcomer.id, "There must be a force pushing the car forward, otherwise it would stop.");
    const member = await prisma.answerGroupMember.findUnique({ where: { groupId_attemptId: { groupId: group.id, attemptId: similar } } });
    expect(member).toMatchObject({ source: "MACHINE", excluded: false });
    expect(await w.tagsOf(similar)).toEqual([expect.objectContaining({ misconceptionId: group.misconceptionId, source: "CLUSTER", active: true, setById: null })]);

    const feedback = await call(
      studentLoader,
      get(`/learn/projects/${w.project.id}/checkpoints/${w.text.id}?attempt=${similar}`, await cookieFor(newcomer.id)),
      { projectId: w.project.id, checkpointId: w.text.id },
    );
    expect(feedback.data.selected.nextSteps).toEqual([NEXT_STEP]);

    // The teacher sees it in the named group, marked as added by the machine.
    const page = await w.view();
    expect(page.data.membership[`g:${group.id}`].machineAdded).toEqual([similar]);
    expect((await w.groups())[0].attemptIds).toContain(similar);
    expect(page.data.answers.find((a: { id: string }) => a.id === similar).tags).toEqual([{ misconceptionId: group.misconceptionId, source: "CLUSTER" }]);
  });

  it("leave a dissimilar answer alone", async () => {
    const w = await setup();
    await nameAsNew(w, (await w.groupWith(w.ids[PUSH[0]])).id);
    const other = await w.answer(w.student.id, "Balanced forces mean the speed stays the same.");
    expect(await prisma.answerGroupMember.count({ where: { attemptId: other } })).toBe(0);
    expect(await w.tagsOf(other)).toEqual([]);
  });

  it("never bring back a tag the teacher removed, nor an answer the teacher moved out", async () => {
    const w = await setup();
    await nameAsNew(w, (await w.groupWith(w.ids[PUSH[0]])).id);
    const group = await prisma.answerGroup.findFirstOrThrow({ where: { checkpointId: w.text.id } });
    const removed = w.ids[PUSH[0]];
    const res = await w.send({ intent: "remove-tag", attemptId: removed, misconceptionId: group.misconceptionId! });
    expect(res.status).toBe(200);
    expect(await w.tagsOf(removed)).toEqual([expect.objectContaining({ source: "TEACHER", active: false, setById: w.teacher.id })]);
    // The machine looks at the same answer again (as it would for a repeated answer): the teacher's decision stands.
    await tagNewShortTextAttempt({ id: removed, checkpointId: w.text.id, answer: PUSH[0] });
    expect(await w.tagsOf(removed)).toEqual([expect.objectContaining({ source: "TEACHER", active: false })]);

    const moved = w.ids[PUSH[1]];
    expect((await w.send({ intent: "move-out", groupKey: `g:${group.id}`, attemptId: moved })).status).toBe(200);
    expect(await tagNewShortTextAttempt({ id: moved, checkpointId: w.text.id, answer: PUSH[1] })).toBeNull();
    expect(await prisma.answerGroupMember.findUnique({ where: { groupId_attemptId: { groupId: group.id, attemptId: moved } } })).toMatchObject({ excluded: true });
  });

  it("keep the attempt when tagging fails, with a warning", async () => {
    const w = await setup();
    await nameAsNew(w, (await w.groupWith(w.ids[PUSH[0]])).id);
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const spy = vi.spyOn(prisma.answerGroup, "findMany").mockRejectedValueOnce(new Error("database hiccup"));
    const before = await prisma.attempt.count();
    const id = await w.answer(w.student.id, PUSH[0]);
    expect(await prisma.attempt.count()).toBe(before + 1);
    expect(await w.tagsOf(id)).toEqual([]);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/stored untagged/), expect.any(Error));
    spy.mockRestore();
    warn.mockRestore();
  });
});

describe("merging and moving answers", () => {
  it("merges machine groups into one confirmed group with a label", async () => {
    const w = await setup();
    const a = await w.groupWith(w.ids[BALANCED[0]]);
    const b = await w.groupWith(w.ids[MOMENTUM[0]]);
    const res = await w.send({ intent: "merge-groups", groupKeys: [a.id, b.id], label: "Talks about forces on the car" });
    expect(res.status).toBe(200);
    expect(res.data.message).toBe("Merged 2 groups into “Talks about forces on the car” (4 answers).");
    const merged = await w.groupWith(w.ids[BALANCED[0]]);
    expect(merged).toMatchObject({ confirmed: true, label: "Talks about forces on the car", size: 4, misconceptionId: null });
    expect(merged.attemptIds).toContain(w.ids[MOMENTUM[1]]);
  });

  it("merges into the named group, which tags the newcomers; refuses groups of two misconceptions", async () => {
    const w = await setup();
    await nameAsNew(w, (await w.groupWith(w.ids[PUSH[0]])).id);
    const named = await w.groupWith(w.ids[PUSH[0]]);
    const momentum = await w.groupWith(w.ids[MOMENTUM[0]]);
    const res = await w.send({ intent: "merge-groups", groupKeys: [momentum.id, named.id] });
    expect(res.status).toBe(200);
    const merged = await w.groupWith(w.ids[MOMENTUM[0]]);
    expect(merged).toMatchObject({ id: named.id, size: 5, misconceptionName: "Motion needs a force" });
    expect(await w.tagsOf(w.ids[MOMENTUM[1]])).toEqual([expect.objectContaining({ misconceptionId: named.misconceptionId, source: "CLUSTER", active: true })]);

    const balanced = await w.groupWith(w.ids[BALANCED[0]]);
    await w.send({ intent: "name-group", groupKey: balanced.id, misconceptionId: w.misconception.id });
    const clash = await w.send({ intent: "merge-groups", groupKeys: [named.id, (await w.groupWith(w.ids[BALANCED[0]])).id] });
    expect(clash.status).toBe(400);
    expect(clash.data.reply.error.groupKeys[0]).toMatch(/different misconceptions \(“Motion needs a force”, “Sign convention”\)/);
  });

  it("asks for two groups", async () => {
    const w = await setup();
    const one = await w.send({ intent: "merge-groups", groupKeys: (await w.groups())[0].id });
    expect(one.status).toBe(400);
    expect(one.data.reply.error.groupKeys).toEqual(["Choose at least two groups to merge."]);
    const none = await w.send({ intent: "merge-groups" });
    expect(none.status).toBe(400);
  });

  it("moves an answer out: the member row stays (excluded), the group's tag goes as a teacher decision", async () => {
    const w = await setup();
    await nameAsNew(w, (await w.groupWith(w.ids[PUSH[0]])).id);
    const group = await prisma.answerGroup.findFirstOrThrow({ where: { checkpointId: w.text.id } });
    const moved = w.ids[PUSH[2]];
    const res = await w.send({ intent: "move-out", groupKey: `g:${group.id}`, attemptId: moved });
    expect(res.status).toBe(200);
    expect(res.data.message).toMatch(/Moved the answer out of “Motion needs a force”.*no longer shows “Motion needs a force”/);
    expect(await prisma.answerGroupMember.findUnique({ where: { groupId_attemptId: { groupId: group.id, attemptId: moved } } })).toMatchObject({ excluded: true });
    expect(await w.tagsOf(moved)).toEqual([expect.objectContaining({ source: "TEACHER", active: false, setById: w.teacher.id })]);
    const groups = await w.groups();
    expect(groups[0].attemptIds).not.toContain(moved);
    expect(groups.some((g) => !g.confirmed && g.attemptIds.includes(moved))).toBe(true);
    expect((await w.view()).data.membership[`g:${group.id}`].movedOut).toBe(1);

    const again = await w.send({ intent: "move-out", groupKey: `g:${group.id}`, attemptId: moved });
    expect(again.status).toBe(400);
    expect(again.data.message).toMatch(/no longer in this group/);
  });

  it("moving an answer out of a machine group keeps the rest as a confirmed group", async () => {
    const w = await setup();
    const momentum = await w.groupWith(w.ids[MOMENTUM[0]]);
    const res = await w.send({ intent: "move-out", groupKey: momentum.id, attemptId: w.ids[MOMENTUM[1]] });
    expect(res.status).toBe(200);
    const kept = await w.groupWith(w.ids[MOMENTUM[0]]);
    expect(kept).toMatchObject({ confirmed: true, size: 1 });
    const member = await prisma.answerGroupMember.findFirstOrThrow({ where: { attemptId: w.ids[MOMENTUM[1]] } });
    expect(member.excluded).toBe(true);
  });
});

describe("correcting tags, renaming, unlinking and ungrouping", () => {
  it("adds and removes a misconception on any answer as the teacher's decision", async () => {
    const w = await setup();
    const target = w.ids[BALANCED[0]];
    const add = await w.send({ intent: "add-tag", attemptId: target, misconceptionId: w.misconception.id });
    expect(add.status).toBe(200);
    expect(await w.tagsOf(target)).toEqual([expect.objectContaining({ source: "TEACHER", active: true, setById: w.teacher.id })]);
    const page = await w.view();
    expect(page.data.answers.find((a: { id: string }) => a.id === target).tags).toEqual([{ misconceptionId: w.misconception.id, source: "TEACHER" }]);
    const remove = await w.send({ intent: "remove-tag", attemptId: target, misconceptionId: w.misconception.id });
    expect(remove.status).toBe(200);
    expect(await prisma.attemptMisconception.count({ where: { attemptId: target } })).toBe(1);
    expect((await w.view()).data.answers.find((a: { id: string }) => a.id === target)).toMatchObject({ tags: [], removedByTeacher: [w.misconception.id] });

    const bad = await w.send({ intent: "add-tag", attemptId: target });
    expect(bad.status).toBe(400);
    expect(bad.data.message).toBe("Choose a misconception.");
    const elsewhere = await createProject(w.classroom.id, { title: "Another project" });
    const foreign = await w.send({ intent: "add-tag", attemptId: target, misconceptionId: elsewhere.misconception.id });
    expect(foreign.status).toBe(400);
    expect(foreign.data.message).toMatch(/this project's list/);
  });

  it("renames, unlinks (the group's tags go, the teacher's stay) and ungroups", async () => {
    const w = await setup();
    await nameAsNew(w, (await w.groupWith(w.ids[PUSH[0]])).id);
    const group = await prisma.answerGroup.findFirstOrThrow({ where: { checkpointId: w.text.id } });
    const key = `g:${group.id}`;
    // A tag the teacher set on a member themselves.
    await prisma.attemptMisconception.update({
      where: { attemptId_misconceptionId: { attemptId: w.ids[PUSH[1]], misconceptionId: group.misconceptionId! } },
      data: { source: "TEACHER", setById: w.teacher.id },
    });

    const renamed = await w.send({ intent: "rename-group", groupKey: key, label: "Needs a push" });
    expect(renamed.status).toBe(200);
    expect((await w.groups())[0].label).toBe("Needs a push");
    const empty = await w.send({ intent: "rename-group", groupKey: key, label: "   " });
    expect(empty.status).toBe(400);
    expect(empty.data.reply.error.label).toEqual(["Give the group a label."]);

    const unlinked = await w.send({ intent: "unlink-group", groupKey: key });
    expect(unlinked.status).toBe(200);
    expect(await w.tagsOf(w.ids[PUSH[0]])).toEqual([expect.objectContaining({ source: "CLUSTER", active: false })]);
    expect(await w.tagsOf(w.ids[PUSH[1]])).toEqual([expect.objectContaining({ source: "TEACHER", active: true })]);
    expect((await w.groups())[0]).toMatchObject({ confirmed: true, misconceptionId: null, size: 3 });
    const twice = await w.send({ intent: "unlink-group", groupKey: key });
    expect(twice.status).toBe(400);

    const dissolved = await w.send({ intent: "dissolve-group", groupKey: key });
    expect(dissolved.status).toBe(200);
    expect(await prisma.answerGroup.count({ where: { checkpointId: w.text.id } })).toBe(0);
    expect((await w.groups()).every((g) => !g.confirmed)).toBe(true);
  });

  it("answers unknown or broken requests with 400 and a message, never a 500", async () => {
    const w = await setup();
    const cases = [
      {},
      { intent: "explode" },
      { intent: "move-out" },
      { intent: "move-out", groupKey: "g:nope", attemptId: "x" },
      { intent: "rename-group", groupKey: "g:nope", label: "x" },
      { intent: "unlink-group" },
      { intent: "dissolve-group", groupKey: "g:nope" },
      { intent: "remove-tag", attemptId: "nope", misconceptionId: w.misconception.id },
      { intent: "name-group", groupKey: "", misconceptionId: "new", name: "x".repeat(81) },
      { intent: "name-group", groupKey: "g-1", __intent__: "garbage", __state__: "{not json" },
      { intent: "merge-groups", groupKeys: ["a"], __intent__: "validate/groupKeys" },
    ];
    for (const fields of cases) {
      const res = await w.send(fields);
      expect(res.status, JSON.stringify(fields)).toBe(400);
      expect(res.data.message, JSON.stringify(fields)).toEqual(expect.any(String));
    }
    // Groups are for short text; other checkpoints refuse group actions.
    const choice = w.checkpoints[0];
    const res = await call(action, post(`/teach/projects/${w.project.id}/insight/checkpoints/${choice.id}`, { intent: "merge-groups", groupKeys: ["a", "b"] }, w.teacherCookie), {
      projectId: w.project.id,
      checkpointId: choice.id,
    });
    expect(res.status).toBe(400);
  });
});

describe("access", () => {
  it("is the project teacher's only: another teacher gets 404, a student 403, a checkpoint of another project 404", async () => {
    const w = await setup();
    const other = await createTeacher();
    const otherCookie = await cookieFor(other.id);
    expect((await w.view(otherCookie)).status).toBe(404);
    const push = await w.groupWith(w.ids[PUSH[0]]);
    const res = await w.send({ intent: "name-group", groupKey: push.id, misconceptionId: w.misconception.id }, otherCookie);
    expect(res.status).toBe(404);
    expect(await prisma.answerGroup.count({ where: { checkpointId: w.text.id } })).toBe(0);

    const studentCookie = await cookieFor(w.student.id);
    expect((await w.view(studentCookie)).status).toBe(403);
    expect((await w.send({ intent: "name-group", groupKey: push.id, misconceptionId: w.misconception.id }, studentCookie)).status).toBe(403);

    const otherClass = await createClassroom(other.id);
    const foreign = await createProject(otherClass.id);
    const cross = await call(loader, get(`/teach/projects/${w.project.id}/insight/checkpoints/${foreign.checkpoints[2].id}`, w.teacherCookie), {
      projectId: w.project.id,
      checkpointId: foreign.checkpoints[2].id,
    });
    expect(cross.status).toBe(404);
    const crossAction = await call(action, post(`/teach/projects/${w.project.id}/insight/checkpoints/${foreign.checkpoints[2].id}`, { intent: "dissolve-group", groupKey: "g:x" }, w.teacherCookie), {
      projectId: w.project.id,
      checkpointId: foreign.checkpoints[2].id,
    });
    expect(crossAction.status).toBe(404);
  });
});

describe("keeping the groups up to date", () => {
  it("shows the same groups on a repeated view, and a new answer or a changed group on the next view", async () => {
    const w = await setup();
    const before = await w.groups();
    expect(await w.groups()).toEqual(before);
    expect((await textGroupsForProject((await findTeacherProject(w.project.id, w.teacher.id))!))[w.text.id].map((g) => g.id)).toEqual(before.map((g) => g.id));
    const friction = await w.answer(w.student.id, "Something new entirely about friction");
    expect((await w.groups()).some((g) => g.attemptIds.includes(friction))).toBe(true);
    const momentum = await w.groupWith(w.ids[MOMENTUM[0]]);
    await w.send({ intent: "rename-group", groupKey: momentum.id, label: "Momentum" });
    const after = await w.groups();
    expect(after[0]).toMatchObject({ label: "Momentum", confirmed: true });
  });

  // Several app servers share one database (decision 011): a write through another
  // server, whose clock may be behind this one's, is seen on the next view here.
  it("shows another server's change to a group at once, even when that server's clock is behind", async () => {
    const w = await setup();
    await w.send({ intent: "rename-group", groupKey: (await w.groupWith(w.ids[MOMENTUM[0]])).id, label: "Momentum" });
    await w.send({ intent: "rename-group", groupKey: (await w.groupWith(w.ids[BALANCED[0]])).id, label: "Balanced" });
    expect((await w.groups()).filter((g) => g.confirmed).map((g) => g.label).sort()).toEqual(["Balanced", "Momentum"]);
    const momentum = await prisma.answerGroup.findFirstOrThrow({ where: { checkpointId: w.text.id, label: "Momentum" }, include: { members: true } });
    const anHourAgo = new Date(Date.now() - 3_600_000);

    // Renamed on the other server.
    await prisma.answerGroup.update({ where: { id: momentum.id }, data: { label: "Has momentum", updatedAt: anHourAgo } });
    expect((await w.groups()).filter((g) => g.confirmed).map((g) => g.label).sort()).toEqual(["Balanced", "Has momentum"]);

    // An answer moved out on the other server.
    const moved = momentum.members[0];
    await prisma.answerGroupMember.update({ where: { id: moved.id }, data: { excluded: true, updatedAt: anHourAgo } });
    expect((await w.groups()).find((g) => g.label === "Has momentum")!.attemptIds).not.toContain(moved.attemptId);
  });
});
