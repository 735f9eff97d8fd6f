// The per-checkpoint insight page keeps correct short answers apart from the
// groups a teacher names as misconceptions, follows the teacher's marks as they
// arrive, and refuses to act on the correct answers as a group.
import { describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { submitAttempt } from "~/models/attempt.server";
import { action, loader } from "~/routes/teach.projects.$projectId.insight.checkpoints.$checkpointId";
import { createClassWithProject, createStudent, enroll } from "../support/factories";
import { call, cookieFor, get, post } from "../support/routes";

interface Group {
  id: string;
  correct: boolean;
  attemptIds: string[];
  size: number;
  students: number;
  studentsGotItWithThis: number;
  studentsGotItLater: number;
  studentsNotYet: number;
  outcomes: { gotIt: number; notYet: number; waiting: number };
  correctBy: Record<string, number> | null;
}

async function setup() {
  const world = await createClassWithProject();
  const text = world.checkpoints[2];
  const checkpoint = { ...text, versions: [text.versions[0]] };
  const answer = async (studentId: string, t: string) => {
    const result = await submitAttempt(studentId, checkpoint, { text: t });
    if (!result.ok) throw new Error(`attempt not stored: ${result.reason}`);
    return result.attempt.id;
  };
  const review = (attemptId: string, reviewerId: string, role: "SELF" | "TEACHER", verdict: "GOT_IT" | "NOT_YET") =>
    prisma.attemptReview.create({ data: { attemptId, reviewerId, role, verdict } });
  const cookie = await cookieFor(world.teacher.id);
  const path = `/teach/projects/${world.project.id}/insight/checkpoints/${text.id}`;
  const params = { projectId: world.project.id, checkpointId: text.id };
  const groups = async (): Promise<Group[]> => {
    const res = await call(loader, get(path, cookie), params);
    expect(res.status).toBe(200);
    return res.data.insight.detail.groups;
  };
  return { ...world, text, answer, review, groups, path, params, cookie };
}

describe("correct answers on the per-checkpoint insight page", () => {
  it("keeps got-its and the model answer out of the groups, and the figures of both add up", async () => {
    const w = await setup();
    const extra = await createStudent();
    await enroll(w.classroom.id, extra.id);
    // Amy: a wrong idea, then her own "got it". Zed: the model answer's words. Extra: a wrong idea, marked "not yet".
    const amyWrong = await w.answer(w.student.id, "There has to be a force pushing it forward or it would stop.");
    await w.review(amyWrong, w.student.id, "SELF", "NOT_YET");
    const amyRight = await w.answer(w.student.id, "The forces are balanced so the speed stays the same.");
    await w.review(amyRight, w.student.id, "SELF", "GOT_IT");
    const zed = await w.answer(w.otherStudent.id, "because the net force is zero, the velocity stays constant");
    const extraWrong = await w.answer(extra.id, "a force has to push it forward or it stops");
    await w.review(extraWrong, w.teacher.id, "TEACHER", "NOT_YET");

    const groups = await w.groups();
    const correct = groups.filter((g) => g.correct);
    expect(correct).toHaveLength(1);
    expect(correct[0].attemptIds.sort()).toEqual([amyRight, zed].sort());
    expect(correct[0]).toMatchObject({ size: 2, students: 2, studentsGotItWithThis: 1, studentsGotItLater: 0, studentsNotYet: 1 });
    expect(correct[0].correctBy).toEqual({ RULE: 0, TEACHER: 0, MODEL_ANSWER: 1, SELF: 1 });
    const others = groups.filter((g) => !g.correct);
    expect(others.flatMap((g) => g.attemptIds).sort()).toEqual([amyWrong, extraWrong].sort());
    expect(others.every((g) => g.outcomes.gotIt === 0)).toBe(true);
    const push = others.find((g) => g.attemptIds.includes(amyWrong))!;
    // Amy got the checkpoint after her wrong answer; the other student has not yet.
    expect(push).toMatchObject({ studentsGotItWithThis: 0, studentsGotItLater: 1, studentsNotYet: 1 });
    expect(groups.reduce((n, g) => n + g.size, 0)).toBe(4);
  });

  it("moves an answer between the groups and the correct answers as the teacher marks it", async () => {
    const w = await setup();
    const a = await w.answer(w.student.id, "The car has momentum so there are no forces on it.");
    await w.review(a, w.student.id, "SELF", "GOT_IT");
    expect((await w.groups()).find((g) => g.attemptIds.includes(a))!.correct).toBe(true);
    await w.review(a, w.teacher.id, "TEACHER", "NOT_YET");
    expect((await w.groups()).find((g) => g.attemptIds.includes(a))!.correct).toBe(false);
    await w.review(a, w.teacher.id, "TEACHER", "GOT_IT");
    expect((await w.groups()).find((g) => g.attemptIds.includes(a))!.correct).toBe(true);
  });

  it("refuses to name, rename, merge or move answers out of the correct answers (400, nothing stored)", async () => {
    const w = await setup();
    const a = await w.answer(w.student.id, "The forces are balanced so the speed stays the same.");
    await w.review(a, w.student.id, "SELF", "GOT_IT");
    const b = await w.answer(w.otherStudent.id, "There has to be a force pushing it forward or it would stop.");
    const other = (await w.groups()).find((g) => g.attemptIds.includes(b))!;
    const send = (fields: Record<string, string | string[]>) => call(action, post(w.path, fields, w.cookie), w.params);
    const tries: Record<string, string | string[]>[] = [
      { intent: "name-group", groupKey: "correct", misconceptionId: "new", name: "Balanced", description: "", nextStep: "" },
      { intent: "rename-group", groupKey: "correct", label: "Mine" },
      { intent: "merge-groups", groupKeys: ["correct", other.id] },
      { intent: "move-out", groupKey: "correct", attemptId: a },
    ];
    for (const fields of tries) expect((await send(fields)).status, String(fields.intent)).toBe(400);
    expect(await prisma.answerGroup.count({ where: { checkpointId: w.text.id } })).toBe(0);
    expect(await prisma.attemptMisconception.count({ where: { attemptId: a } })).toBe(0);
    expect(await prisma.misconception.count({ where: { projectId: w.project.id, name: "Balanced" } })).toBe(0);
  });
});
