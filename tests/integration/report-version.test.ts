// The per-project version of the insight report's data (decision 015): every
// kind of write to a row the report reads moves it, inside the writing
// transaction, on both engines (database triggers); writes the report does not
// read leave it; a delete moves `deletions` too. And the migrated database has
// every trigger, so a later migration that drops one (SQLite drops a table's
// triggers when it redefines the table) fails here.
import fs from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { selfAssess, submitAttempt } from "~/models/attempt.server";
import { setAttemptMisconception } from "~/models/attempt-tags.server";
import { archiveCheckpoint, deleteCheckpoint, moveCheckpoint, restoreCheckpoint } from "~/models/checkpoint.server";
import { enrollStudent, removeStudent, setRejoinBlock } from "~/models/classroom.server";
import { addComment } from "~/models/comment.server";
import { createMisconception, deleteMisconception, updateMisconception } from "~/models/misconception.server";
import { deleteAccount, eraseStudentFromClass } from "~/models/privacy.server";
import { markAttempt, resolveSupport } from "~/models/progress.server";
import { serializeSpec } from "~/domain/checkpoint-spec";
import { TRACKED_TABLES, UNTRACKED_TABLES, triggerName } from "../../scripts/lib/report-version-triggers";
import { createClassWithProject, createProject, createStudent, enroll, sampleSpecs } from "../support/factories";
import { testEngine } from "../setup/test-database";

type World = Awaited<ReturnType<typeof createClassWithProject>>;

async function versionOf(projectId: string) {
  const row = await prisma.projectDataVersion.findUnique({ where: { projectId }, select: { version: true, deletions: true } });
  if (!row) throw new Error(`no version row for project ${projectId}`);
  return row;
}

/** Runs the write and says how the project's version and deletions moved. */
async function moves(projectId: string, write: () => Promise<unknown>) {
  const before = await versionOf(projectId);
  await write();
  const after = await versionOf(projectId);
  return { version: after.version - before.version, deletions: after.deletions - before.deletions };
}

async function attempt(w: World, studentId: string, index: number, raw: { optionIds?: string[]; value?: string; text?: string }) {
  const checkpoint = { ...w.checkpoints[index], versions: [w.checkpoints[index].versions[0]] };
  const result = await submitAttempt(studentId, checkpoint, raw);
  if (!result.ok) throw new Error(`attempt not stored: ${result.reason}`);
  return result.attempt.id;
}

let w: World;
let other: Awaited<ReturnType<typeof createProject>>;
beforeEach(async () => {
  w = await createClassWithProject();
  // A second project of another class: none of the writes below may move it.
  const otherWorld = await createClassWithProject();
  other = { project: otherWorld.project, misconception: otherWorld.misconception, checkpoints: otherWorld.checkpoints };
});

describe("the report version moves with every write the report reads", () => {
  it("a new project gets its own row with the project, moved by what is then written into it", async () => {
    const project = await prisma.project.create({ data: { classroomId: w.classroom.id, title: "Fresh", goal: "g" } });
    expect(await versionOf(project.id)).toEqual({ version: 0, deletions: 0 });
    expect(await moves(project.id, () => prisma.misconception.create({ data: { projectId: project.id, name: "First idea" } }))).toEqual({ version: 1, deletions: 0 });
  });

  it("attempts (with their rule tags), self-assessments and teacher marks", async () => {
    const otherBefore = await versionOf(other.project.id);
    // A wrong option tagged with a misconception: the attempt and its rule tag.
    expect(await moves(w.project.id, () => attempt(w, w.student.id, 0, { optionIds: ["b"] }))).toEqual({ version: 2, deletions: 0 });
    expect(await moves(w.project.id, () => attempt(w, w.student.id, 0, { optionIds: ["a"] }))).toEqual({ version: 1, deletions: 0 });
    const text = await attempt(w, w.student.id, 2, { text: "the forces cancel out" });
    expect(await moves(w.project.id, () => selfAssess(w.student.id, w.checkpoints[2].id, text, "GOT_IT"))).toEqual({ version: 1, deletions: 0 });
    expect(
      await moves(w.project.id, () => markAttempt({ teacherId: w.teacher.id, studentId: w.student.id, projectId: w.project.id, attemptId: text, verdict: "NOT_YET" })),
    ).toEqual({ version: 1, deletions: 0 });
    expect(await versionOf(other.project.id)).toEqual(otherBefore);
  });

  it("a teacher's tag, toggled off and on again, and a tag row deleted", async () => {
    const id = await attempt(w, w.student.id, 0, { optionIds: ["c"] });
    const set = (active: boolean) =>
      setAttemptMisconception({ teacherId: w.teacher.id, projectId: w.project.id, attemptId: id, misconceptionId: w.misconception.id, active });
    expect(await moves(w.project.id, () => set(true))).toEqual({ version: 1, deletions: 0 });
    expect(await moves(w.project.id, () => set(false))).toEqual({ version: 1, deletions: 0 });
    expect(await moves(w.project.id, () => set(true))).toEqual({ version: 1, deletions: 0 });
    // Nothing in the app deletes a single tag today; the trigger covers it all the same.
    expect(await moves(w.project.id, () => prisma.attemptMisconception.deleteMany({ where: { attemptId: id } }))).toEqual({ version: 1, deletions: 1 });
  });

  it("journal entries: submitted ones and their support requests, not drafts", async () => {
    const draft = await prisma.journalEntry.create({
      data: { studentId: w.student.id, projectId: w.project.id, responses: JSON.stringify([{ question: null, answer: "thinking" }]), status: "DRAFT", supportNeeded: true },
    });
    // A draft being written is not in the report.
    expect(await moves(w.project.id, () => prisma.journalEntry.update({ where: { id: draft.id }, data: { responses: JSON.stringify([{ question: null, answer: "still thinking" }]) } }))).toEqual({
      version: 0,
      deletions: 0,
    });
    expect(
      await moves(w.project.id, () => prisma.journalEntry.update({ where: { id: draft.id }, data: { status: "SUBMITTED", submittedAt: new Date() } })),
    ).toEqual({ version: 1, deletions: 0 });
    expect(
      await moves(w.project.id, () => resolveSupport({ teacherId: w.teacher.id, studentId: w.student.id, projectId: w.project.id, journalEntryId: draft.id })),
    ).toEqual({ version: 1, deletions: 0 });
  });

  it("checkpoints: a new one, a new version, moved, archived, restored, deleted", async () => {
    let checkpointId = "";
    expect(
      (
        await moves(w.project.id, async () => {
          const c = await prisma.checkpoint.create({
            data: { projectId: w.project.id, position: 4, kind: "MULTIPLE_CHOICE", versions: { create: { version: 1, title: "New", prompt: "?", spec: serializeSpec(sampleSpecs.choice()) } } },
          });
          checkpointId = c.id;
        })
      ).version,
    ).toBeGreaterThanOrEqual(2);
    expect(
      await moves(w.project.id, () =>
        prisma.checkpointVersion.create({ data: { checkpointId, version: 2, title: "New, reworded", prompt: "?", spec: serializeSpec(sampleSpecs.choice()) } }),
      ),
    ).toEqual({ version: 1, deletions: 0 });
    expect((await moves(w.project.id, () => moveCheckpoint(w.project.id, checkpointId, "up"))).version).toBeGreaterThanOrEqual(1);
    expect((await moves(w.project.id, () => archiveCheckpoint(w.project.id, checkpointId))).version).toBeGreaterThanOrEqual(1);
    expect((await moves(w.project.id, () => restoreCheckpoint(w.project.id, checkpointId))).version).toBeGreaterThanOrEqual(1);
    const deleted = await moves(w.project.id, () => deleteCheckpoint(w.project.id, checkpointId));
    expect(deleted.deletions).toBe(3); // two versions and the checkpoint
  });

  it("misconceptions: created, renamed, deleted", async () => {
    let id = "";
    expect(
      await moves(w.project.id, async () => {
        const r = await createMisconception(w.project.id, { name: "Heavier falls faster", description: "", nextStep: "" });
        if (!r.ok) throw new Error(r.reason);
        id = r.id;
      }),
    ).toEqual({ version: 1, deletions: 0 });
    expect(await moves(w.project.id, () => updateMisconception(w.project.id, id, { name: "Heavy things fall faster", description: "", nextStep: "" }))).toEqual({
      version: 1,
      deletions: 0,
    });
    expect(await moves(w.project.id, () => deleteMisconception(w.project.id, id))).toEqual({ version: 1, deletions: 1 });
  });

  it("answer groups and their members: named, an answer moved out, dissolved", async () => {
    const a = await attempt(w, w.student.id, 2, { text: "a force keeps pushing it" });
    const b = await attempt(w, w.otherStudent.id, 2, { text: "the push stays in it" });
    let groupId = "";
    expect(
      (
        await moves(w.project.id, async () => {
          const g = await prisma.answerGroup.create({
            data: { checkpointId: w.checkpoints[2].id, label: "Push stays", createdById: w.teacher.id, members: { create: [{ attemptId: a, source: "TEACHER" }, { attemptId: b, source: "TEACHER" }] } },
          });
          groupId = g.id;
        })
      ).version,
    ).toBe(3);
    expect(await moves(w.project.id, () => prisma.answerGroupMember.updateMany({ where: { groupId, attemptId: b }, data: { excluded: true } }))).toEqual({ version: 1, deletions: 0 });
    expect(await moves(w.project.id, () => prisma.answerGroup.update({ where: { id: groupId }, data: { misconceptionId: w.misconception.id } }))).toEqual({ version: 1, deletions: 0 });
    expect(
      await moves(w.project.id, async () => {
        await prisma.answerGroupMember.deleteMany({ where: { groupId } });
        await prisma.answerGroup.delete({ where: { id: groupId } });
      }),
    ).toEqual({ version: 3, deletions: 3 });
  });

  it("plans: a follow-up recorded on a journal entry's plan, and a checkpoint marked as a re-check", async () => {
    const entry = await prisma.journalEntry.create({
      data: { studentId: w.student.id, projectId: w.project.id, checkpointId: w.checkpoints[0].id, responses: "[]", status: "SUBMITTED", submittedAt: new Date() },
    });
    const attemptId = await attempt(w, w.student.id, 0, { optionIds: ["a"] });
    expect(await moves(w.project.id, () => prisma.planFollowUp.create({ data: { journalEntryId: entry.id, attemptId, result: "HELPED" } }))).toEqual({ version: 1, deletions: 0 });
    expect(
      await moves(w.project.id, () => prisma.checkpointRecheck.create({ data: { checkpointId: w.checkpoints[1].id, misconceptionId: w.misconception.id } })),
    ).toEqual({ version: 1, deletions: 0 });
  });

  it("enrolments move every project of the class: a join, a removal, a block, a rejoin", async () => {
    const second = await createProject(w.classroom.id, { title: "Second project" });
    const otherBefore = await versionOf(other.project.id);
    const newcomer = await createStudent();
    const both = async (write: () => Promise<unknown>) => {
      const [one, two] = [await versionOf(w.project.id), await versionOf(second.project.id)];
      await write();
      return [(await versionOf(w.project.id)).version - one.version, (await versionOf(second.project.id)).version - two.version];
    };
    expect(await both(() => enrollStudent(w.classroom.id, newcomer.id))).toEqual([1, 1]);
    const enrolment = await prisma.enrollment.findFirstOrThrow({ where: { classroomId: w.classroom.id, studentId: newcomer.id } });
    expect(await both(() => removeStudent({ classroomId: w.classroom.id, teacherId: w.teacher.id, enrollmentId: enrolment.id, block: false }))).toEqual([1, 1]);
    expect(await both(() => setRejoinBlock({ classroomId: w.classroom.id, teacherId: w.teacher.id, enrollmentId: enrolment.id, blocked: true }))).toEqual([1, 1]);
    expect(await both(() => setRejoinBlock({ classroomId: w.classroom.id, teacherId: w.teacher.id, enrollmentId: enrolment.id, blocked: false }))).toEqual([1, 1]);
    expect(await both(() => enrollStudent(w.classroom.id, newcomer.id))).toEqual([1, 1]);
    expect(await versionOf(other.project.id)).toEqual(otherBefore);
  });

  it("a student's new name moves the projects of their classes, and only those", async () => {
    const before = await versionOf(other.project.id);
    expect(await moves(w.project.id, () => prisma.user.update({ where: { id: w.student.id }, data: { name: "Amara Renamed" } }))).toEqual({ version: 1, deletions: 0 });
    expect(await versionOf(other.project.id)).toEqual(before);
  });

  it("erasing a student from the class moves version and deletions", async () => {
    await attempt(w, w.student.id, 0, { optionIds: ["b"] });
    await prisma.journalEntry.create({
      data: { studentId: w.student.id, projectId: w.project.id, responses: JSON.stringify([{ question: null, answer: "hm" }]), status: "SUBMITTED", submittedAt: new Date() },
    });
    const moved = await moves(w.project.id, () => eraseStudentFromClass({ teacherId: w.teacher.id, classroomId: w.classroom.id, studentId: w.student.id, keepBlock: false }));
    // The attempt, its rule tag, the journal entry and the enrolment.
    expect(moved.deletions).toBe(4);
    expect(moved.version).toBe(4);
  });

  it("deleting a student's account moves every project they had work or a place in", async () => {
    await attempt(w, w.student.id, 0, { optionIds: ["a"] });
    const elsewhere = await createClassWithProject();
    await enroll(elsewhere.classroom.id, w.student.id);
    const here = await versionOf(w.project.id);
    const there = await versionOf(elsewhere.project.id);
    await deleteAccount(w.student.id, []);
    expect((await versionOf(w.project.id)).deletions - here.deletions).toBe(2); // the attempt and the enrolment
    expect((await versionOf(elsewhere.project.id)).deletions - there.deletions).toBe(1); // the enrolment
  });

  it("leaves the version alone for what the report does not read: comments, sessions", async () => {
    const id = await attempt(w, w.student.id, 0, { optionIds: ["a"] });
    expect(
      await moves(w.project.id, () =>
        addComment({ authorId: w.teacher.id, studentId: w.student.id, projectId: w.project.id, target: { kind: "attempt", id }, body: "Nice revision." }),
      ),
    ).toEqual({ version: 0, deletions: 0 });
    expect(
      await moves(w.project.id, () => prisma.session.create({ data: { id: `s-${Date.now()}`, userId: w.teacher.id, expiresAt: new Date(Date.now() + 3_600_000) } })),
    ).toEqual({ version: 0, deletions: 0 });
  });

  it("a write that rolls back leaves the version where it was", async () => {
    const before = await versionOf(w.project.id);
    await expect(
      prisma.$transaction(async (tx) => {
        await tx.misconception.create({ data: { projectId: w.project.id, name: "Rolled back" } });
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    expect(await versionOf(w.project.id)).toEqual(before);
  });
});

describe("the triggers are in the migrated database", () => {
  const schema = fs.readFileSync(path.resolve(import.meta.dirname, "../../prisma/schema.prisma"), "utf8");
  const models = [...schema.matchAll(/^model (\w+) \{/gm)].map((m) => m[1]);

  it("every table is either read by the report (and tracked) or listed with the reason it is not", () => {
    const placed = [...TRACKED_TABLES.map((t) => t.table), ...Object.keys(UNTRACKED_TABLES)].sort();
    expect(placed).toEqual([...models].sort());
  });

  it(`every tracked table has its triggers (${testEngine()})`, async () => {
    const expected = TRACKED_TABLES.flatMap((t) =>
      testEngine() === "postgres" ? [triggerName(t.table)] : (t.updatesOnly ? ["update" as const] : (["insert", "update", "delete"] as const)).map((op) => triggerName(t.table, op)),
    );
    expected.push(testEngine() === "postgres" ? "Project_report_version" : "Project_report_version_insert");
    const found =
      testEngine() === "postgres"
        ? (await prisma.$queryRaw<{ name: string }[]>`SELECT DISTINCT tgname AS name FROM pg_trigger WHERE NOT tgisinternal`).map((r) => r.name)
        : (await prisma.$queryRaw<{ name: string }[]>`SELECT name FROM sqlite_master WHERE type = 'trigger'`).map((r) => r.name);
    expect(found.sort()).toEqual(expected.sort());
  });
});
