// loadProjectData reads a project's rows into the analysis input; buildProjectReport analyses them.
import { describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { submitAttempt } from "~/models/attempt.server";
import { buildProjectReport, loadProjectData } from "~/models/insight.server";
import { findTeacherProject } from "~/models/project.server";
import { readWithFindMany } from "../../scripts/lib/find-many-reader";
import { createClassWithProject, createClassroom, createProject, createStudent, createTeacher, enroll } from "../support/factories";

type World = Awaited<ReturnType<typeof createClassWithProject>>;

async function attempt(world: World, studentId: string, index: number, raw: { optionIds?: string[]; value?: string; text?: string }) {
  const checkpoint = { ...world.checkpoints[index], versions: [world.checkpoints[index].versions[0]] };
  const result = await submitAttempt(studentId, checkpoint, raw);
  if (!result.ok) throw new Error(`attempt not stored: ${result.reason}`);
  return result.attempt.id;
}

async function smallClass() {
  const world = await createClassWithProject();
  const { student, otherStudent, teacher, project, checkpoints } = world;
  // The student: wrong option b ("Sign convention"), then right; -12.5 (listed, "Sign convention") then 1.25; a text self-assessed as got it.
  const choiceWrong = await attempt(world, student.id, 0, { optionIds: ["b"] });
  await attempt(world, student.id, 0, { optionIds: ["a"] });
  const numericSign = await attempt(world, student.id, 1, { value: "-12.5" });
  const numericLast = await attempt(world, student.id, 1, { value: "1.25" });
  const text = await attempt(world, student.id, 2, { text: "The forces cancel, so the speed stays the same" });
  await prisma.attemptReview.create({ data: { attemptId: text, reviewerId: student.id, role: "SELF", verdict: "GOT_IT" } });
  // The teacher takes the machine's tag off the -12.5 attempt (the row is kept, inactive).
  await prisma.attemptMisconception.update({
    where: { attemptId_misconceptionId: { attemptId: numericSign, misconceptionId: world.misconception.id } },
    data: { source: "TEACHER", active: false, setById: teacher.id },
  });
  // The other student: option c twice (untagged), then the numeric right first time.
  await attempt(world, otherStudent.id, 0, { optionIds: ["c"] });
  await attempt(world, otherStudent.id, 0, { optionIds: ["c"] });
  await attempt(world, otherStudent.id, 1, { value: "12.5" });

  const submitted = { status: "SUBMITTED", submittedAt: new Date() };
  await prisma.journalEntry.create({
    data: {
      studentId: student.id,
      projectId: project.id,
      checkpointId: checkpoints[1].id,
      attemptId: numericLast,
      confidence: 5,
      supportNeeded: true,
      responses: JSON.stringify([{ question: "What happened?", answer: `I was sure, ${otherStudent.name} agreed with me` }]),
      ...submitted,
    },
  });
  // A draft is not part of the analysis.
  await prisma.journalEntry.create({
    data: { studentId: otherStudent.id, projectId: project.id, responses: JSON.stringify([{ question: "Q", answer: "draft" }]), status: "DRAFT" },
  });
  // Another class's project with its own attempts stays out.
  const elsewhere = await createClassroom(teacher.id, "Other class");
  const stranger = await createStudent();
  await enroll(elsewhere.id, stranger.id);
  const other = await createProject(elsewhere.id);
  const otherCheckpoint = { ...other.checkpoints[0], versions: [other.checkpoints[0].versions[0]] };
  await submitAttempt(stranger.id, otherCheckpoint, { optionIds: ["b"] });

  return { ...world, choiceWrong, numericSign, numericLast, text };
}

/** The project as the teacher's guard proves it: the only way to get what the readers take. */
async function owned(w: { project: { id: string }; teacher: { id: string } }) {
  const project = await findTeacherProject(w.project.id, w.teacher.id);
  if (!project) throw new Error("the teacher's own project was not found");
  return project;
}

describe("loadProjectData", () => {
  it("reads the class, checkpoints with parsed specs, every attempt with reviews and tags, and submitted journal entries", async () => {
    const w = await smallClass();
    const data = (await loadProjectData(await owned(w)))!;
    expect(data.projectId).toBe(w.project.id);
    expect(data.students.map((s) => s.id).sort()).toEqual([w.student.id, w.otherStudent.id].sort());
    expect(data.students.every((s) => s.active && s.email.includes("@"))).toBe(true);
    expect(data.misconceptions).toEqual([{ id: w.misconception.id, name: "Sign convention" }]);
    expect(data.checkpoints.map((c) => [c.position, c.kind, c.versions.length])).toEqual([
      [1, "MULTIPLE_CHOICE", 1],
      [2, "NUMERIC", 1],
      [3, "SHORT_TEXT", 1],
    ]);
    expect(data.checkpoints[1].versions[0].spec).toMatchObject({ kind: "NUMERIC", answer: 12.5 });
    expect(data.attempts).toHaveLength(8);
    expect(data.attempts.every((a) => a.createdAt instanceof Date)).toBe(true);
    expect(data.reviews).toEqual([expect.objectContaining({ attemptId: w.text, role: "SELF", verdict: "GOT_IT" })]);
    expect(data.tags.map((t) => [t.attemptId, t.source, t.active]).sort()).toEqual(
      [
        [w.choiceWrong, "RULE", true],
        [w.numericSign, "TEACHER", false],
      ].sort(),
    );
    expect(data.journalEntries).toHaveLength(1);
    expect(data.journalEntries[0]).toMatchObject({ checkpointId: w.checkpoints[1].id, confidence: 5, supportNeeded: true, supportResolvedAt: null });
    expect(data.journalEntries[0].responses[0].question).toBe("What happened?");
  });

  it("marks students removed from the class as inactive and keeps their work", async () => {
    const w = await smallClass();
    await prisma.enrollment.update({
      where: { classroomId_studentId: { classroomId: w.classroom.id, studentId: w.otherStudent.id } },
      data: { removedAt: new Date() },
    });
    const data = (await loadProjectData(await owned(w)))!;
    expect(data.students.find((s) => s.id === w.otherStudent.id)?.active).toBe(false);
    expect(data.attempts.filter((a) => a.studentId === w.otherStudent.id)).toHaveLength(3);
  });

  it("reads the same data through the lean SELECTs as through findMany", async () => {
    const w = await smallClass();
    await prisma.journalEntry.updateMany({ where: { projectId: w.project.id, status: "SUBMITTED" }, data: { supportResolvedAt: new Date() } });
    await prisma.attempt.updateMany({ where: { studentId: w.student.id }, data: { confidence: 4 } });
    const byId = <T extends { id?: string; attemptId?: string; createdAt?: Date }>(rows: T[]) =>
      [...rows].sort((a, b) => `${a.id ?? a.attemptId}${a.createdAt?.toISOString()}`.localeCompare(`${b.id ?? b.attemptId}${b.createdAt?.toISOString()}`));
    const lean = (await loadProjectData(await owned(w)))!;
    const viaFindMany = (await loadProjectData(await owned(w), { readTables: readWithFindMany }))!;
    expect(byId(lean.attempts)).toEqual(byId(viaFindMany.attempts));
    expect(byId(lean.reviews)).toEqual(byId(viaFindMany.reviews));
    expect(byId(lean.tags)).toEqual(byId(viaFindMany.tags));
    expect(lean.journalEntries).toEqual(viaFindMany.journalEntries);
    expect(lean.journalEntries[0].supportResolvedAt).toBeInstanceOf(Date);
    expect(typeof lean.tags[0].active).toBe("boolean");
    expect(lean.attempts.filter((a) => a.confidence === 4).length).toBeGreaterThan(0);
    expect(lean.attempts.filter((a) => a.confidence === null).length).toBeGreaterThan(0);
    expect(typeof lean.journalEntries[0].supportNeeded).toBe("boolean");
  });

  it("takes only a project the teacher's lookup found: a bare id does not typecheck, another teacher finds nothing", async () => {
    const w = await smallClass();
    const stranger = await createTeacher();
    expect(await findTeacherProject(w.project.id, stranger.id)).toBeNull();
    expect(await findTeacherProject("no-such-project", w.teacher.id)).toBeNull();
    // Never run: `npm run typecheck` fails if these calls ever typecheck.
    const unscoped = () => {
      // @ts-expect-error a project id is not an OwnedProject
      void loadProjectData(w.project.id);
      // @ts-expect-error a project row read without the teacher is not an OwnedProject either
      void buildProjectReport({ ...w.project, classroom: { id: w.classroom.id, name: "x" } });
    };
    expect(unscoped).toBeTypeOf("function");
  });
});

describe("buildProjectReport", () => {
  it("analyses the small class as worked out by hand", async () => {
    const w = await smallClass();
    const report = (await buildProjectReport(await owned(w)))!;
    const m = w.misconception.id;
    expect(report.totals).toMatchObject({ students: 2, attempts: 8, attemptsWithMisconception: 1, journalEntries: 1 });

    // Multiple choice: b ("Sign convention") once on a first attempt; c (untagged) on a first attempt and again.
    const choice = report.checkpoints[0].detail;
    if (choice.kind !== "MULTIPLE_CHOICE") throw new Error("expected multiple choice");
    expect(choice.groups.map((g) => [g.misconceptionId, g.first, g.all])).toEqual([
      [m, 1, 1],
      [null, 1, 2],
    ]);
    // Numeric: -12.5 listed under the misconception, 1.25 recognised as a shifted decimal point.
    const numeric = report.checkpoints[1].detail;
    if (numeric.kind !== "NUMERIC") throw new Error("expected numeric");
    expect(numeric.groups.map((g) => [g.label, g.all])).toEqual([
      ["Sign convention", 1],
      ["Decimal point shifted", 1],
    ]);
    expect(report.checkpoints[2].summary).toMatchObject({ studentsGotIt: 1, gotItFirstTry: 1 });

    // Heatmap: the teacher's removal counts, so only the choice attempt shows the misconception, and it was resolved.
    const row = report.heatmap.rows.find((r) => r.studentId === w.student.id)!;
    expect(row.cells[m]).toEqual({ misconceptionId: m, count: 1, resolved: true, attemptIds: [w.choiceWrong], checkpointIds: [w.checkpoints[0].id] });
    expect(report.misconceptions[0]).toMatchObject({ studentsAffected: 1, studentsResolved: 1, medianAttemptsToGotIt: 2 });

    // Help: the other student is going round on checkpoint 1; the student asked for support.
    expect(report.help.stuck.map((s) => [s.studentId, s.checkpointId, s.consecutiveNotYet])).toEqual([[w.otherStudent.id, w.checkpoints[0].id, 2]]);
    expect(report.help.supportRequests.map((r) => r.studentId)).toEqual([w.student.id]);
    // Waiting time: from the entry's submission to the moment the report is read.
    const hourLater = Date.parse(report.help.supportRequests[0].requestedAt) + 3_600_000;
    const later = (await buildProjectReport(await owned(w), { now: hourLater }))!;
    expect(later.help.supportRequests.map((r) => r.waitingMs)).toEqual([3_600_000]);

    // Reflection: confident and not yet, quoted without the classmate's name.
    expect(report.reflections.confidence.confidentWrong.map((s) => s.attemptId)).toEqual([w.numericLast]);
    const quote = report.reflections.byCheckpoint[0].quotes[0].text;
    expect(quote).toBe("I was sure, [classmate] agreed with me");
    expect(JSON.stringify(report.reflections.byCheckpoint)).not.toContain(w.otherStudent.name);
  });
});
