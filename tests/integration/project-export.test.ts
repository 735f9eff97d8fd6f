// Exporting a project (issue 11, decision 022) through the download route:
// the project file carries the checkpoints' current versions and leaves out
// archived checkpoints, archived prompts and all student work; it imports
// into another teacher's class through the class import page; and exporting
// that new project gives the same file again (ids and the export time aside).
// GIFT and QTI downloads import back as the same checkpoints. Only the
// project's teachers can download it.
import { describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { parseSpec, serializeSpec } from "~/domain/checkpoint-spec";
import { importFile } from "~/models/question-import.server";
import { archiveCheckpoint, createCheckpoint } from "~/models/checkpoint.server";
import { action as classImport } from "~/routes/teach.classes.$classId_.import";
import { loader as exportLoader } from "~/routes/teach.projects.$projectId.export";
import { action as projectImport } from "~/routes/teach.projects.$projectId.import";
import { createClassroom, createStudent, createTeacher, enroll } from "../support/factories";
import { fixtureBytes } from "../support/question-fixtures";
import { BASE, call, cookieFor, get, post } from "../support/routes";

/** A project built from the fixture file, then worked on: a student's attempt, a new version, an archived checkpoint and prompt. */
async function builtProject() {
  const teacher = await createTeacher("Ms Source");
  const classroom = await createClassroom(teacher.id, "Physics 10A");
  const target = { teacherId: teacher.id, classroomId: classroom.id, projectId: null };
  const { outcome } = await importFile(target, "energy-project.json", fixtureBytes("energy-project.json"));
  if (!outcome?.ok) throw new Error("the fixture should import");
  const projectId = outcome.projectId;
  const student = await createStudent("Sam Student");
  await enroll(classroom.id, student.id);
  const kettle = await prisma.checkpoint.findFirstOrThrow({ where: { projectId, position: 1 }, include: { versions: true } });
  const v1 = kettle.versions[0];
  await prisma.attempt.create({ data: { studentId: student.id, checkpointId: kettle.id, checkpointVersionId: v1.id, number: 1, answer: JSON.stringify(["x"]), outcome: "NOT_YET" } });
  // Answered, so an edit is a new version: the export must carry version 2.
  const spec = parseSpec(v1.spec);
  if (spec.kind !== "MULTIPLE_CHOICE") throw new Error("the kettle is a choice");
  spec.options[1].feedback = "Not yet: energy is never used up, it spreads out.";
  await prisma.checkpointVersion.create({ data: { checkpointId: kettle.id, version: 2, title: "A kettle, again", prompt: v1.prompt, spec: serializeSpec(spec) } });
  const spare = await createCheckpoint(projectId, { title: "An old question", prompt: "Gone?", maxAttempts: null, content: { kind: "SHORT_TEXT", modelAnswer: "Yes" } });
  await archiveCheckpoint(projectId, spare.id);
  await prisma.reflectionPrompt.create({ data: { projectId, trigger: "PROJECT", title: "An archived prompt", questions: JSON.stringify(["Old?"]), archivedAt: new Date() } });
  return { teacher, classroom, projectId, student, cookie: await cookieFor(teacher.id) };
}

const download = (projectId: string, format: string, cookie: string) => call(exportLoader, get(`/teach/projects/${projectId}/export?format=${format}`, cookie), { projectId });

/** Raw bytes of a download (the helper reads bodies as text). */
async function downloadBytes(projectId: string, format: string, cookie: string): Promise<Uint8Array> {
  const res = (await exportLoader({ request: get(`/teach/projects/${projectId}/export?format=${format}`, cookie), params: { projectId }, context: {} } as never)) as Response;
  return new Uint8Array(await res.arrayBuffer());
}

function upload(path: string, cookie: string, name: string, bytes: Uint8Array): Request {
  const form = new FormData();
  form.append("intent", "read");
  form.append("file", new File([new Uint8Array(bytes)], name));
  return new Request(BASE + path, { method: "POST", body: form, headers: { Cookie: cookie } });
}
const pendingOf = (location: string | null) => new URL(location ?? "", BASE).searchParams.get("pending") ?? "";

describe("the project file", () => {
  it("is a download with the current versions, nothing archived and no student work", async () => {
    const { projectId, cookie } = await builtProject();
    const res = await download(projectId, "json", cookie);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Disposition")).toBe('attachment; filename="where-energy-goes.json"');
    expect(res.headers.get("Cache-Control")).toContain("no-store");
    expect(res.headers.get("Content-Type")).toContain("application/json");
    const file = res.data;
    expect(file).toMatchObject({ format: "rebound-project", version: 1, project: { title: "Where energy goes" } });
    expect(file.checkpoints.map((c: { title: string }) => c.title)).toEqual(["A kettle, again", "Efficiency"]);
    expect(file.checkpoints[0].content.options[1]).toEqual({ text: "It is used up", correct: false, feedback: "Not yet: energy is never used up, it spreads out.", misconception: "Energy is used up" });
    expect(file.prompts.map((p: { title: string }) => p.title)).toEqual(["Looking back", "After a not yet"]);
    expect(file.images).toHaveLength(1);
    expect(JSON.stringify(file)).not.toMatch(/Sam Student|An old question|An archived prompt|Ms Source/);
  });

  it("imports into another teacher's class, and exports again as the same file", async () => {
    const { projectId, cookie } = await builtProject();
    const first = await download(projectId, "json", cookie);
    const bytes = new TextEncoder().encode(JSON.stringify(first.data));

    const other = await createTeacher("Mr Elsewhere");
    const otherClass = await createClassroom(other.id, "Science 8C");
    const otherCookie = await cookieFor(other.id);
    const path = `/teach/classes/${otherClass.id}/import`;
    const read = await call(classImport, upload(path, otherCookie, "where-energy-goes.json", bytes), { classId: otherClass.id });
    expect(read.status).toBe(302);
    const done = await call(classImport, post(path, { intent: "import", pendingId: pendingOf(read.location) }, otherCookie), { classId: otherClass.id });
    const copy = await prisma.project.findFirstOrThrow({ where: { classroomId: otherClass.id } });
    expect(done.location).toBe(`/teach/projects/${copy.id}?imported=2`);
    expect(copy).toMatchObject({ title: "Where energy goes", goal: "Explain energy transfers in everyday machines.", status: "DRAFT" });

    const second = await download(copy.id, "json", otherCookie);
    const withoutTime = ({ exportedAt: _time, ...rest }: Record<string, unknown>) => rest;
    expect(withoutTime(second.data)).toEqual(withoutTime(first.data));
    // Nothing in the copy points back at the first project.
    const ids = await prisma.misconception.findMany({ where: { projectId }, select: { id: true } });
    const copied = await prisma.checkpointVersion.findMany({ where: { checkpoint: { projectId: copy.id } }, select: { spec: true, prompt: true } });
    expect(JSON.stringify(copied)).not.toMatch(new RegExp(ids.map((m) => m.id).join("|")));
  });

  it("GIFT and QTI downloads import back into a project as the same checkpoints", async () => {
    const { projectId, classroom, cookie } = await builtProject();
    const gift = await download(projectId, "gift", cookie);
    expect(gift.headers.get("Content-Disposition")).toBe('attachment; filename="where-energy-goes.gift"');
    expect(gift.data).toMatch(/^\/\/ Where energy goes/);
    const qti = await downloadBytes(projectId, "qti", cookie);
    for (const [name, bytes] of [["energy.gift", new TextEncoder().encode(gift.data)], ["energy.qti.zip", qti]] as const) {
      const target = await prisma.project.create({ data: { classroomId: classroom.id, title: `From ${name}`, goal: "Again" } });
      const path = `/teach/projects/${target.id}/import`;
      const read = await call(projectImport, upload(path, cookie, name, bytes), { projectId: target.id });
      expect(read.status).toBe(302);
      await call(projectImport, post(path, { intent: "import", pendingId: pendingOf(read.location) }, cookie), { projectId: target.id });
      const versions = await prisma.checkpointVersion.findMany({ where: { checkpoint: { projectId: target.id } }, orderBy: { checkpoint: { position: "asc" } } });
      expect(versions.map((v) => v.title)).toEqual(["A kettle, again", "Efficiency"]);
      const efficiency = parseSpec(versions[1].spec);
      // GIFT has no units; QTI writes the unit after the box. Neither carries misconceptions.
      expect(efficiency).toMatchObject({ kind: "NUMERIC", answer: 75, tolerance: 0.5, unit: name.endsWith(".gift") ? "" : "%", wrongValues: [{ value: 133, feedback: "Useful out over total in.", misconceptionId: null }] });
      expect(await prisma.misconception.count({ where: { projectId: target.id } })).toBe(0);
    }
  });

  it("is only for the project's teachers, and asks for a format", async () => {
    const { projectId, student, cookie } = await builtProject();
    const other = await cookieFor((await createTeacher()).id);
    expect((await download(projectId, "json", other)).status).toBe(404);
    expect((await download(projectId, "json", await cookieFor(student.id))).status).toBe(403);
    expect((await download(projectId, "json", "")).status).toBe(302);
    const none = await download(projectId, "pdf", cookie);
    expect(none.status).toBe(400);
    expect(none.data).toMatch(/Choose a format/);
  });
});
