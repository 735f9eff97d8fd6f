// The progress grid is kept per server and reused only while the project's
// data version is unchanged (decision 016): every kind of write the grid
// shows is seen on the next view, a write through another connection (another
// app server) included, and views at once share one build.
import { beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { submitAttempt } from "~/models/attempt.server";
import { removeStudent } from "~/models/classroom.server";
import { findTeacherProject, type OwnedProject } from "~/models/project.server";
import { loadProgressGrid } from "~/models/progress.server";
import { createClassWithProject } from "../support/factories";
import { writeFromAnotherConnection } from "../support/other-connection";
import { testEngine } from "../setup/test-database";

type World = Awaited<ReturnType<typeof createClassWithProject>>;
let w: World;
let owned: OwnedProject;

const cellOf = async (studentId: string, index = 0) => {
  const grid = await loadProgressGrid(owned);
  const row = [...grid.activeRows, ...grid.removedRows].find((r) => r.student.id === studentId)!;
  return { grid, row, cell: row.cells[index].state };
};

async function attempt(studentId: string, index: number, raw: { optionIds?: string[]; value?: string; text?: string }) {
  const checkpoint = { ...w.checkpoints[index], versions: [w.checkpoints[index].versions[0]] };
  const result = await submitAttempt(studentId, checkpoint, raw);
  if (!result.ok) throw new Error(`attempt not stored: ${result.reason}`);
  return result.attempt.id;
}

beforeEach(async () => {
  w = await createClassWithProject();
  owned = (await findTeacherProject(w.project.id, w.teacher.id))!;
});

describe("the progress grid's cache", () => {
  it("gives the same grid while nothing changed, and a new one after each kind of write it shows", async () => {
    const first = await loadProgressGrid(owned);
    expect(await loadProgressGrid(owned)).toBe(first);

    await attempt(w.student.id, 0, { optionIds: ["b"] });
    expect((await cellOf(w.student.id)).cell).toMatchObject({ status: "NOT_YET", attempts: 1 });

    // A teacher's mark on a short answer.
    const textIndex = w.checkpoints.findIndex((c) => c.kind === "SHORT_TEXT");
    const text = await attempt(w.student.id, textIndex, { text: "The forces balance." });
    expect((await cellOf(w.student.id, textIndex)).cell.status).toBe("SUBMITTED");
    await prisma.attemptReview.create({ data: { attemptId: text, reviewerId: w.teacher.id, role: "TEACHER", verdict: "GOT_IT" } });
    expect((await cellOf(w.student.id, textIndex)).cell.status).toBe("GOT_IT");

    // A support request, then resolved.
    const entry = await prisma.journalEntry.create({
      data: { studentId: w.student.id, projectId: w.project.id, responses: "[]", status: "SUBMITTED", submittedAt: new Date(), supportNeeded: true },
    });
    expect((await cellOf(w.student.id)).row.support.open).toBe(1);
    await prisma.journalEntry.update({ where: { id: entry.id }, data: { supportResolvedAt: new Date() } });
    expect((await cellOf(w.student.id)).row.support.open).toBe(0);

    // A new name, a new checkpoint title, a student with work removed (shown among the removed).
    await prisma.user.update({ where: { id: w.student.id }, data: { name: "Amara Renamed" } });
    expect((await cellOf(w.student.id)).row.student.name).toBe("Amara Renamed");
    await prisma.checkpointVersion.update({ where: { id: w.checkpoints[0].versions[0].id }, data: { title: "Retitled" } });
    expect((await loadProgressGrid(owned)).checkpoints[0].title).toBe("Retitled");
    await attempt(w.otherStudent.id, 0, { optionIds: ["a"] });
    const enrolment = await prisma.enrollment.findFirstOrThrow({ where: { studentId: w.otherStudent.id } });
    await removeStudent({ classroomId: w.classroom.id, teacherId: w.teacher.id, enrollmentId: enrolment.id, block: false });
    expect((await loadProgressGrid(owned)).removedRows.map((r) => r.student.id)).toEqual([w.otherStudent.id]);
  });

  it("shows a write made through another connection (another app server) at once", async () => {
    expect((await cellOf(w.otherStudent.id)).cell.status).toBe("NOT_STARTED");
    await writeFromAnotherConnection(
      `INSERT INTO "Attempt" ("id", "studentId", "checkpointId", "checkpointVersionId", "number", "answer", "outcome", "createdAt") VALUES ($1, $2, $3, $4, 1, '["a"]', 'GOT_IT', $5)`,
      ["grid-other-server", w.otherStudent.id, w.checkpoints[0].id, w.checkpoints[0].versions[0].id, testEngine() === "postgres" ? new Date() : Date.now()],
    );
    expect((await cellOf(w.otherStudent.id)).cell).toMatchObject({ status: "GOT_IT", gotItAfter: 1 });
  });

  it("builds once for views at the same time, and they all get that grid", async () => {
    await attempt(w.student.id, 0, { optionIds: ["b"] });
    const grids = await Promise.all(Array.from({ length: 5 }, () => loadProgressGrid(owned)));
    for (const grid of grids) expect(grid).toBe(grids[0]);
  });
});
