// The student pages' hottest reads are plain SQL statements (decision 016). Each must answer exactly what the Prisma
// read it replaced answered, on both engines: the Prisma reads are kept here as the reference, and compared on a class
// with every kind of row (seedEverything) plus the cases a plain statement could get wrong (an inactive tag, a second
// version, a retired checkpoint, a removed enrolment, an enrolment in another class only, a draft project, sessions
// open and closed, a student without journal entries).
import { describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { serializeSpec } from "~/domain/checkpoint-spec";
import { commentsForStudent } from "~/models/comment.server";
import { findProjectCheckpoint, listOwnAttempts, listOwnProjectAttempts, submitAttempt } from "~/models/attempt.server";
import { sessionNotice } from "~/models/failure-session.server";
import { countOwnJournal, listLivePrompts } from "~/models/journal.server";
import { listOwnGoalSummaries } from "~/models/learning-goal.server";
import { listOwnPlans } from "~/models/plans.server";
import { reflectionFields } from "~/models/pending-reflection.server";
import { findStudentProject, listCheckpointTitles } from "~/models/project.server";
import { createClassroom, createProject, createStudent, enroll, sampleSpecs } from "../support/factories";
import { seedEverything } from "../support/privacy";

const referenceOwnAttempts = (studentId: string, checkpointId: string) =>
  prisma.attempt.findMany({
    where: { studentId, checkpointId },
    orderBy: { number: "desc" },
    select: {
      id: true,
      number: true,
      answer: true,
      outcome: true,
      confidence: true,
      createdAt: true,
      checkpointVersion: { select: { id: true, version: true, title: true, prompt: true, spec: true } },
      reviews: { orderBy: { createdAt: "asc" }, select: { role: true, verdict: true, note: true, createdAt: true } },
      misconceptions: { where: { active: true }, orderBy: { createdAt: "asc" }, select: { misconception: { select: { id: true, name: true, nextStep: true } } } },
      comments: commentsForStudent(studentId),
      ...reflectionFields(studentId),
    },
  });

const referenceProjectAttempts = (studentId: string, projectId: string) =>
  prisma.attempt.findMany({
    where: { studentId, checkpoint: { projectId } },
    orderBy: [{ number: "asc" }, { id: "asc" }],
    select: { checkpointId: true, number: true, outcome: true, createdAt: true, reviews: { orderBy: { createdAt: "asc" }, select: { role: true, verdict: true, createdAt: true } } },
  });

const referenceTitles = (projectId: string) =>
  prisma.checkpoint.findMany({
    where: { projectId },
    orderBy: { position: "asc" },
    select: { id: true, archivedAt: true, versions: { orderBy: { version: "desc" }, take: 1, select: { title: true } } },
  });

const referenceStudentProject = (projectId: string, studentId: string) =>
  prisma.project.findFirst({
    where: { id: projectId, status: "PUBLISHED", classroom: { enrollments: { some: { studentId, removedAt: null } } } },
    include: { classroom: { select: { id: true, name: true } } },
  });

async function world() {
  const seed = await seedEverything();
  const { project, student, otherStudent, checkpoints, misconception, teacher } = seed;
  const [choice, numeric, text] = checkpoints;
  // An inactive tag (a teacher took it off), a second version of a question (the title shown is the latest), a
  // retired checkpoint with an attempt on it.
  const second = await prisma.misconception.create({ data: { projectId: project.id, name: "Reads the axis backwards", nextStep: "Label both ends" } });
  const numericTry = await prisma.attempt.findFirstOrThrow({ where: { studentId: student.id, checkpointId: numeric.id } });
  await prisma.attemptMisconception.create({ data: { attemptId: numericTry.id, misconceptionId: second.id, source: "TEACHER", setById: teacher.id, active: false } });
  await prisma.checkpointVersion.create({ data: { checkpointId: text.id, version: 2, title: "Explain it again, better", prompt: "Why?", spec: serializeSpec(sampleSpecs.text()) } });
  await prisma.checkpoint.update({ where: { id: numeric.id }, data: { archivedAt: new Date() } });
  await prisma.attemptMisconception.updateMany({ where: { misconceptionId: misconception.id, source: "RULE" }, data: { active: true } });
  return { ...seed, choice, numeric, text, students: [student, otherStudent] };
}

describe("the student pages' plain reads answer what Prisma's reads answered", () => {
  it("a student's attempts on a checkpoint: versions, reviews, active tags only, comments with their versions, reflection facts", async () => {
    const w = await world();
    let compared = 0;
    for (const s of w.students) {
      for (const c of w.checkpoints) {
        const [plain, reference] = await Promise.all([listOwnAttempts(s.id, c.id), referenceOwnAttempts(s.id, c.id)]);
        expect(plain).toEqual(reference);
        compared += plain.length;
      }
    }
    expect(compared).toBeGreaterThanOrEqual(6);
    // What the fixture was chosen for is really in it.
    const own = (await listOwnAttempts(w.student.id, w.choice.id)).find((a) => a.number === 1)!;
    expect(own.comments[0].versions).toHaveLength(2);
    expect(own.journalEntries).toHaveLength(1);
    expect(own.misconceptions).toHaveLength(1);
    const numeric = await listOwnAttempts(w.student.id, w.numeric.id);
    expect(numeric[0].reflectionDismissal).not.toBeNull();
    expect(numeric[0].misconceptions.map((m) => m.misconception.name)).toEqual([w.misconception.name]);
    const text = await listOwnAttempts(w.student.id, w.text.id);
    expect(text[0].reviews.map((r) => r.role)).toEqual(["SELF", "TEACHER"]);
  });

  it("a student's attempts in a project with their reviews, and the checkpoints' latest titles, retired ones too", async () => {
    const w = await world();
    for (const s of w.students) {
      expect(await listOwnProjectAttempts(s.id, w.project.id)).toEqual(await referenceProjectAttempts(s.id, w.project.id));
    }
    const titles = await listCheckpointTitles(w.project.id);
    expect(titles).toEqual(await referenceTitles(w.project.id));
    expect(titles.find((t) => t.id === w.text.id)?.versions).toEqual([{ title: "Explain it again, better" }]);
    expect(titles.find((t) => t.id === w.numeric.id)?.archivedAt).toBeInstanceOf(Date);
  });

  it("the project guard: found for an active enrolment in a published project, not for a removed one, another class or a draft", async () => {
    const w = await world();
    const found = await findStudentProject(w.project.id, w.student.id);
    expect(found).toEqual(await referenceStudentProject(w.project.id, w.student.id));
    expect(found?.classroom).toEqual({ id: w.classroom.id, name: w.classroom.name });
    expect(found?.publishedAt).toBeInstanceOf(Date);

    await prisma.enrollment.updateMany({ where: { classroomId: w.classroom.id, studentId: w.otherStudent.id }, data: { removedAt: new Date() } });
    expect(await findStudentProject(w.project.id, w.otherStudent.id)).toBeNull();
    expect(await referenceStudentProject(w.project.id, w.otherStudent.id)).toBeNull();
    expect(await findStudentProject(w.project.id, w.teacher.id)).toBeNull();
    // Enrolled, actively, but in another class only.
    const elsewhere = await createStudent();
    await enroll((await createClassroom(w.teacher.id, "Another class")).id, elsewhere.id);
    expect(await findStudentProject(w.project.id, elsewhere.id)).toBeNull();
    expect(await referenceStudentProject(w.project.id, elsewhere.id)).toBeNull();
    expect(await findStudentProject("no-such-project", w.student.id)).toBeNull();
    await prisma.project.update({ where: { id: w.project.id }, data: { status: "DRAFT" } });
    expect(await findStudentProject(w.project.id, w.student.id)).toBeNull();
  });

  it("a student's plans: read from their submitted entries, with the attempt each was tried on and how it went", async () => {
    const w = await world();
    const project = (await findStudentProject(w.project.id, w.student.id))!;
    // The plan was written after the seed's attempts: the next attempt is the one it is tried on.
    const entry = await prisma.journalEntry.findFirstOrThrow({ where: { studentId: w.student.id, projectId: w.project.id, status: "SUBMITTED", attemptId: { not: null } } });
    const later = new Date((entry.submittedAt ?? entry.createdAt).getTime() + 60_000);
    const next = await prisma.attempt.create({
      data: { studentId: w.student.id, checkpointId: w.choice.id, checkpointVersionId: w.choice.versions[0].id, number: 3, answer: '["a"]', outcome: "GOT_IT", createdAt: later },
    });
    await prisma.planFollowUp.create({ data: { journalEntryId: entry.id, attemptId: next.id, result: "HELPED" } });
    const plans = await listOwnPlans(w.student.id, project);
    expect(plans).toContainEqual(
      expect.objectContaining({ text: "Write the ratio down before choosing", checkpointId: w.choice.id, result: "HELPED", triedOn: expect.objectContaining({ id: next.id, number: 3 }) }),
    );
    // A student without submitted entries has no plans (and nothing more is read for them).
    const newcomer = await createStudent();
    await enroll(w.classroom.id, newcomer.id);
    const theirs = (await findStudentProject(w.project.id, newcomer.id))!;
    expect(await listOwnPlans(newcomer.id, theirs)).toEqual([]);
  });

  it("the project page's small reads: journal counts, live prompts, goals", async () => {
    const w = await world();
    const prompt = (data: { trigger: string; checkpointId?: string; position?: number; archivedAt?: Date }) =>
      prisma.reflectionPrompt.create({ data: { projectId: w.project.id, title: `Prompt ${data.trigger}`, questions: JSON.stringify(["Why?"]), ...data } });
    await prompt({ trigger: "PROJECT", position: 2 });
    await prompt({ trigger: "PROJECT", position: 1 });
    await prompt({ trigger: "PROJECT", archivedAt: new Date() });
    await prompt({ trigger: "CHECKPOINT", checkpointId: w.choice.id });
    await prompt({ trigger: "AFTER_NOT_YET", checkpointId: w.choice.id });
    await prompt({ trigger: "AFTER_NOT_YET", checkpointId: w.text.id });
    await prompt({ trigger: "AFTER_NOT_YET" });
    const referencePrompts = (where: { trigger: string | { in: string[] }; checkpointId?: string | null }) =>
      prisma.reflectionPrompt.findMany({
        where: { projectId: w.project.id, archivedAt: null, ...where },
        orderBy: [{ position: "asc" }, { createdAt: "asc" }, { id: "asc" }],
        select: { id: true, title: true, questions: true, trigger: true, checkpointId: true },
      });
    for (const where of [{ trigger: "PROJECT" }, { trigger: { in: ["CHECKPOINT", "AFTER_NOT_YET"] }, checkpointId: w.choice.id }, { trigger: "AFTER_NOT_YET", checkpointId: null }]) {
      expect(await listLivePrompts(w.project.id, where)).toEqual(await referencePrompts(where));
    }
    expect((await listLivePrompts(w.project.id, { trigger: "PROJECT" })).map((p) => p.title)).toHaveLength(2);
    expect(await listLivePrompts(w.project.id, { trigger: "AFTER_NOT_YET", checkpointId: null })).toHaveLength(1);
    expect(await listLivePrompts(w.project.id, { trigger: { in: [] } })).toEqual([]);

    for (const s of w.students) {
      const byStatus = await prisma.journalEntry.groupBy({ by: ["status"], where: { studentId: s.id, projectId: w.project.id }, _count: { _all: true } });
      const count = (status: string) => byStatus.find((r) => r.status === status)?._count._all ?? 0;
      expect(await countOwnJournal(s.id, w.project.id)).toEqual({ entries: count("SUBMITTED"), drafts: count("DRAFT") });
    }
    expect((await countOwnJournal(w.student.id, w.project.id)).entries).toBeGreaterThan(0);

    const project = (await findStudentProject(w.project.id, w.student.id))!;
    const goals = await listOwnGoalSummaries(w.student.id, project);
    const reference = await prisma.learningGoal.findMany({ where: { studentId: w.student.id, classroomId: w.classroom.id }, select: { id: true, text: true, targetDate: true, status: true, createdAt: true } });
    expect(goals).toHaveLength(reference.length);
    expect(goals).toEqual(expect.arrayContaining(reference.map((g) => expect.objectContaining({ id: g.id, text: g.text, targetDate: g.targetDate, createdAt: g.createdAt }))));
    expect(goals.length).toBeGreaterThan(0);
  });

  it("a checkpoint with its latest version, only in its own project", async () => {
    const w = await world();
    const found = await findProjectCheckpoint(w.project.id, w.text.id);
    const reference = await prisma.checkpoint.findFirst({ where: { id: w.text.id, projectId: w.project.id }, include: { versions: { orderBy: { version: "desc" }, take: 1 } } });
    expect(found).toEqual(reference);
    expect(found?.versions[0].version).toBe(2);
    expect(await findProjectCheckpoint("another-project", w.text.id)).toBeNull();
  });

  it("the failure-session notice: none, then an open one beside a closed one, then only closed ones", async () => {
    const w = await world();
    const { project: fresh } = await createProject(w.classroom.id);
    const none = (await findStudentProject(fresh.id, w.student.id))!;
    expect(await sessionNotice(none)).toMatchObject({ hasSession: false, openSession: null });

    await prisma.failureSession.create({ data: { projectId: fresh.id, prompt: "Earlier", endsAt: new Date(Date.now() - 600_000), closedAt: new Date(), batches: 1 } });
    await prisma.failureSession.create({ data: { projectId: fresh.id, prompt: "What went wrong?", endsAt: new Date(Date.now() + 600_000), batches: 1 } });
    const withOpen = await sessionNotice(none);
    expect(withOpen.hasSession).toBe(true);
    expect(withOpen.openSession?.minutesLeft).toBeGreaterThan(0);

    await prisma.failureSession.updateMany({ where: { projectId: fresh.id, closedAt: null }, data: { closedAt: new Date() } });
    expect(await sessionNotice(none)).toMatchObject({ hasSession: true, openSession: null });
  });

  it("a submission whose key another student's attempt carries is stored without it; the same key again is the same attempt", async () => {
    const w = await world();
    const key = "shared-key-" + w.student.id;
    const first = await submitAttempt(w.student.id, (await findProjectCheckpoint(w.project.id, w.choice.id))!, { optionIds: ["a"], submissionKey: key });
    const second = await submitAttempt(w.otherStudent.id, (await findProjectCheckpoint(w.project.id, w.choice.id))!, { optionIds: ["b"], submissionKey: key });
    expect(first).toMatchObject({ ok: true, duplicate: false });
    expect(second).toMatchObject({ ok: true, duplicate: false });
    if (!first.ok || !second.ok) throw new Error("not stored");
    const stored = await prisma.attempt.findMany({ where: { id: { in: [first.attempt.id, second.attempt.id] } }, select: { id: true, studentId: true, submissionKey: true, createdAt: true } });
    expect(stored.find((a) => a.id === first.attempt.id)).toMatchObject({ studentId: w.student.id, submissionKey: key });
    expect(stored.find((a) => a.id === second.attempt.id)).toMatchObject({ studentId: w.otherStudent.id, submissionKey: null });
    // The same key again from the first student is the same attempt.
    const again = await submitAttempt(w.student.id, (await findProjectCheckpoint(w.project.id, w.choice.id))!, { optionIds: ["a"], submissionKey: key });
    expect(again).toMatchObject({ ok: true, duplicate: true, attempt: { id: first.attempt.id } });
  });
});
