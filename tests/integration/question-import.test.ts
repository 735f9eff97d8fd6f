// Importing question banks through the pages (issue 11): a file is read into a
// preview kept on the server (the page shows it without JavaScript), Import
// saves checkpoints and misconceptions through the editor's model functions,
// only the class's teacher can see or use a pending import, and a broken file
// or a refused item changes nothing.
import { describe, expect, it, vi } from "vitest";
import { prisma } from "~/db.server";
import { parseSpec } from "~/domain/checkpoint-spec";
import { action as classAction, loader as classLoader } from "~/routes/teach.classes.$classId_.import";
import { action as projectAction, loader as projectLoader } from "~/routes/teach.projects.$projectId.import";
import { loader as teacherImage } from "~/routes/teach.projects.$projectId.images.$imageId";
import { loader as studentImage } from "~/routes/learn.projects.$projectId.images.$imageId";
import { createClassroom, createStudent, createTeacher, enroll } from "../support/factories";
import { fixtureBytes, fixtureZip } from "../support/question-fixtures";
import { BASE, call, cookieFor, get, post } from "../support/routes";

async function teacherWithClass() {
  const teacher = await createTeacher();
  const classroom = await createClassroom(teacher.id);
  const project = await prisma.project.create({ data: { classroomId: classroom.id, title: "Forces", goal: "Explain motion" } });
  return { teacher, classroom, project, cookie: await cookieFor(teacher.id) };
}

/** A multipart upload, as the page's form sends it. */
function upload(path: string, cookie: string, name: string, bytes: Uint8Array, fields: Record<string, string> = { intent: "read" }): Request {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append("file", new File([new Uint8Array(bytes)], name));
  return new Request(BASE + path, { method: "POST", body: form, headers: { Cookie: cookie } });
}

const pendingOf = (location: string | null) => new URL(location ?? "", BASE).searchParams.get("pending") ?? "";
const counts = async (projectId: string) => ({
  checkpoints: await prisma.checkpoint.count({ where: { projectId } }),
  misconceptions: await prisma.misconception.count({ where: { projectId } }),
});

describe("importing into a project", () => {
  it("reads a file into a preview kept on the server, then imports it: checkpoints, feedback, pictures", async () => {
    const { teacher, project, cookie } = await teacherWithClass();
    const path = `/teach/projects/${project.id}/import`;
    const read = await call(projectAction, upload(path, cookie, "forces-moodle.xml", fixtureBytes("forces-moodle.xml")), { projectId: project.id });
    expect(read.status).toBe(302);
    const pending = pendingOf(read.location);
    expect(await counts(project.id)).toEqual({ checkpoints: 0, misconceptions: 0 });

    // The preview is a page of its own: a plain GET shows it.
    const preview = await call(projectLoader, get(`${path}?pending=${pending}`, cookie), { projectId: project.id });
    expect(preview.data.pending.plan.checkpoints).toHaveLength(3);
    expect(preview.data.pending.plan.skipped).toEqual([{ where: "question 4 (Explain inertia)", why: expect.stringMatching(/essay/) }]);

    // Another teacher finds nothing of it.
    const other = await createTeacher();
    const otherCookie = await cookieFor(other.id);
    expect((await call(projectLoader, get(`${path}?pending=${pending}`, otherCookie), { projectId: project.id })).status).toBe(404);

    const done = await call(projectAction, post(path, { intent: "import", pendingId: pending }, cookie), { projectId: project.id });
    expect(done.status).toBe(302);
    expect(done.location).toBe(`/teach/projects/${project.id}?imported=3`);
    const checkpoints = await prisma.checkpoint.findMany({ where: { projectId: project.id }, orderBy: { position: "asc" }, include: { versions: true } });
    expect(checkpoints.map((c) => [c.position, c.kind, c.versions[0].title, c.versions[0].version])).toEqual([
      [1, "MULTIPLE_CHOICE", "Reading a speed-time graph", 1],
      [2, "NUMERIC", "Weight on Earth", 1],
      [3, "SHORT_TEXT", "Unit of force", 1],
    ]);
    const image = await prisma.questionImage.findFirstOrThrow({ where: { projectId: project.id } });
    expect(checkpoints[0].versions[0].prompt).toContain(`(image:${image.id})`);
    expect(parseSpec(checkpoints[1].versions[0].spec)).toMatchObject({ answer: 49, tolerance: 0.5, unit: "N", wrongValues: [{ value: 5 }] });
    expect(await prisma.pendingImport.count({ where: { id: pending } })).toBe(0);

    // The picture: to the teacher, to a student of the class once published, to nobody else.
    const picture = await call(teacherImage, get(`/teach/projects/${project.id}/images/${image.id}`, cookie), { projectId: project.id, imageId: image.id });
    expect(picture.status).toBe(200);
    expect(picture.headers.get("Content-Type")).toBe("image/png");
    const student = await createStudent();
    await enroll(project.classroomId, student.id);
    await prisma.project.update({ where: { id: project.id }, data: { status: "PUBLISHED" } });
    const studentCookie = await cookieFor(student.id);
    expect((await call(studentImage, get(`/learn/projects/${project.id}/images/${image.id}`, studentCookie), { projectId: project.id, imageId: image.id })).status).toBe(200);
    expect((await call(teacherImage, get(`/teach/projects/${project.id}/images/${image.id}`, otherCookie), { projectId: project.id, imageId: image.id })).status).toBe(404);

    // Importing the same preview twice imports nothing more.
    const again = await call(projectAction, post(path, { intent: "import", pendingId: pending }, cookie), { projectId: project.id });
    expect(again.status).toBe(404);
    expect(await prisma.checkpoint.count({ where: { projectId: project.id } })).toBe(3);
    void teacher;
  });

  it("links wrong options to the project's misconceptions by name, adding the missing ones", async () => {
    const { project, cookie } = await teacherWithClass();
    await prisma.misconception.create({ data: { projectId: project.id, name: "adds the numerators and adds the denominators when adding fractions " } });
    const path = `/teach/projects/${project.id}/import`;
    const read = await call(projectAction, upload(path, cookie, "fractions.zip", fixtureZip("fractions-diagnostic")), { projectId: project.id });
    await call(projectAction, post(path, { intent: "import", pendingId: pendingOf(read.location) }, cookie), { projectId: project.id });
    const misconceptions = await prisma.misconception.findMany({ where: { projectId: project.id } });
    expect(misconceptions).toHaveLength(8);
    const existing = misconceptions.find((m) => m.name.startsWith("adds the numerators and adds"))!;
    const first = await prisma.checkpointVersion.findFirstOrThrow({ where: { checkpoint: { projectId: project.id, position: 1 } } });
    const spec = parseSpec(first.spec);
    if (spec.kind !== "MULTIPLE_CHOICE") throw new Error("expected a choice");
    expect(spec.options[0].misconceptionId).toBe(existing.id);
    expect(spec.options[3].misconceptionId).toBe(existing.id);
    expect(new Set(misconceptions.map((m) => m.id))).toContain(spec.options[1].misconceptionId);
  });

  it("answers a broken file with where and why, keeps nothing, and shows the form again", async () => {
    const { project, cookie } = await teacherWithClass();
    const path = `/teach/projects/${project.id}/import`;
    for (const name of ["broken.gift", "broken-moodle.xml", "broken-diagnostic.csv"]) {
      const res = await call(projectAction, upload(path, cookie, name, fixtureBytes(name)), { projectId: project.id });
      expect(res.status).toBe(400);
      expect(res.data).toMatchObject({ ok: false, message: expect.stringMatching(/\w+ \w+/), where: expect.any(String) });
    }
    expect(await prisma.pendingImport.count({ where: { classroomId: project.classroomId } })).toBe(0);
    expect(await counts(project.id)).toEqual({ checkpoints: 0, misconceptions: 0 });
  });

  it("reads pasted text as well as a file", async () => {
    const { project, cookie } = await teacherWithClass();
    const path = `/teach/projects/${project.id}/import`;
    const res = await call(projectAction, post(path, { intent: "read", pasted: "::One:: 1 + 1? {#2}" }, cookie), { projectId: project.id });
    expect(res.status).toBe(302);
  });

  it("imports nothing when saving fails part way: the transaction takes it all back", async () => {
    const { project, cookie } = await teacherWithClass();
    const path = `/teach/projects/${project.id}/import`;
    const read = await call(projectAction, upload(path, cookie, "fractions.zip", fixtureZip("fractions-diagnostic")), { projectId: project.id });
    const pending = pendingOf(read.location);
    // Spoil the stored plan's last checkpoint so that saving it fails after the others were written.
    const row = await prisma.pendingImport.findUniqueOrThrow({ where: { id: pending } });
    const plan = JSON.parse(row.plan);
    plan.checkpoints.at(-1).input.content = { kind: "MULTIPLE_CHOICE", options: [] };
    await prisma.pendingImport.update({ where: { id: pending }, data: { plan: JSON.stringify(plan) } });
    // The page comes back with a 500 that does not claim a save (keepsFormOnFailure), and nothing is half-imported.
    vi.mocked(console.error).mockImplementation(() => {});
    const failed = await call(projectAction, post(path, { intent: "import", pendingId: pending }, cookie), { projectId: project.id });
    vi.mocked(console.error).mockReset();
    expect(failed.status).toBe(500);
    expect(failed.data).toMatchObject({ saveFailed: "unexpected", message: expect.stringMatching(/may not have been saved/) });
    expect(await counts(project.id)).toEqual({ checkpoints: 0, misconceptions: 0 });
    expect(await prisma.pendingImport.count({ where: { id: pending } })).toBe(1);
  });
});

describe("importing into a new project of a class", () => {
  it("makes a draft project with the title the teacher gives, from a QTI package", async () => {
    const { classroom, cookie } = await teacherWithClass();
    const path = `/teach/classes/${classroom.id}/import`;
    const read = await call(classAction, upload(path, cookie, "forces-qti.zip", fixtureZip("qti3-package")), { classId: classroom.id });
    const pending = pendingOf(read.location);
    const preview = await call(classLoader, get(`${path}?pending=${pending}`, cookie), { classId: classroom.id });
    expect(preview.data.pending.projectTitle).toBe("forces qti");
    const done = await call(classAction, post(path, { intent: "import", pendingId: pending, projectTitle: "Graphs and springs" }, cookie), { classId: classroom.id });
    const project = await prisma.project.findFirstOrThrow({ where: { classroomId: classroom.id, title: "Graphs and springs" } });
    expect(project.status).toBe("DRAFT");
    expect(done.location).toBe(`/teach/projects/${project.id}?imported=2`);
    expect(await prisma.questionImage.count({ where: { projectId: project.id } })).toBe(1);
  });

  it("another teacher can neither read into the class nor import its pending file", async () => {
    const { classroom, cookie } = await teacherWithClass();
    const path = `/teach/classes/${classroom.id}/import`;
    const read = await call(classAction, upload(path, cookie, "forces.gift", fixtureBytes("forces.gift")), { classId: classroom.id });
    const other = await cookieFor((await createTeacher()).id);
    expect((await call(classAction, upload(path, other, "forces.gift", fixtureBytes("forces.gift")), { classId: classroom.id })).status).toBe(404);
    expect((await call(classAction, post(path, { intent: "import", pendingId: pendingOf(read.location) }, other), { classId: classroom.id })).status).toBe(404);
    expect(await prisma.project.count({ where: { classroomId: classroom.id } })).toBe(1);
  });

  it("discarding a preview deletes it", async () => {
    const { classroom, cookie } = await teacherWithClass();
    const path = `/teach/classes/${classroom.id}/import`;
    const read = await call(classAction, upload(path, cookie, "forces.gift", fixtureBytes("forces.gift")), { classId: classroom.id });
    const res = await call(classAction, post(path, { intent: "discard", pendingId: pendingOf(read.location) }, cookie), { classId: classroom.id });
    expect(res.location).toBe(path);
    expect(await prisma.pendingImport.count({ where: { classroomId: classroom.id } })).toBe(0);
  });
});
