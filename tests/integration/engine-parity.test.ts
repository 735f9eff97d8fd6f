// What SQLite and PostgreSQL could do differently, pinned down so the app
// behaves the same on both (decision 011): the order of names (SQLite compares
// bytes, a PostgreSQL server sorts by its locale), dates read back through the
// client and through the insight's raw SELECTs in a server time zone that is
// not UTC, text in any script, and emails whatever their case.
// Run on either engine: `npx vitest run` (SQLite) or `npm run test:postgres`.
process.env.TZ = "America/New_York";

import { describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { loadProjectData } from "~/models/insight.server";
import { findTeacherProject } from "~/models/project.server";
import { loader as buildLoader } from "~/routes/teach.projects.$projectId._index";
import { loader as newCheckpointLoader } from "~/routes/teach.projects.$projectId.checkpoints.new";
import { loader as misconceptionsLoader } from "~/routes/teach.projects.$projectId.misconceptions._index";
import { loader as classLoader } from "~/routes/teach.classes.$classId";
import { action as loginAction } from "~/routes/login";
import { TEST_PASSWORD, createClassWithProject, createStudent, enroll } from "../support/factories";
import { call, cookieFor, get, post } from "../support/routes";

/** Alphabetical as a reader expects it: case and accents do not put a name first or last. */
const MIXED = ["zoë Adams", "Ben Carter", "amara Okafor", "Élodie Martin", "dev Patel", "Chloé Martin"];
const ALPHABETICAL = ["amara Okafor", "Ben Carter", "Chloé Martin", "dev Patel", "Élodie Martin", "zoë Adams"];

describe("names sort the same on both engines", () => {
  it("lists a class's students alphabetically, whatever their case or accents", async () => {
    const { classroom, teacher } = await createClassWithProject();
    for (const name of MIXED) await enroll(classroom.id, (await createStudent(name)).id);
    const page = await call(classLoader, get(`/teach/classes/${classroom.id}`, await cookieFor(teacher.id)), { classId: classroom.id });
    const names: string[] = page.data.classroom.enrollments.map((e: { student: { name: string } }) => e.student.name);
    expect(names.filter((n) => MIXED.includes(n))).toEqual(ALPHABETICAL);
  });

  it("lists a project's misconceptions alphabetically on every page that lists them", async () => {
    const { project, teacher } = await createClassWithProject();
    await prisma.misconception.deleteMany({ where: { projectId: project.id } });
    for (const name of MIXED) await prisma.misconception.create({ data: { projectId: project.id, name } });
    const cookie = await cookieFor(teacher.id);
    const params = { projectId: project.id };
    const base = `/teach/projects/${project.id}`;
    const listed = (await call(misconceptionsLoader, get(`${base}/misconceptions`, cookie), params)).data.misconceptions;
    const build = (await call(buildLoader, get(base, cookie), params)).data.misconceptions;
    const editor = (await call(newCheckpointLoader, get(`${base}/checkpoints/new?kind=MULTIPLE_CHOICE`, cookie), params)).data.misconceptions;
    for (const list of [listed, build, editor]) expect(list.map((m: { name: string }) => m.name)).toEqual(ALPHABETICAL);
  });
});

describe("values read back as written on both engines", () => {
  it("keeps instants to the millisecond, through the client and through the insight's raw reads, in a server time zone that is not UTC", async () => {
    expect(new Date("2026-03-08T07:30:00.000Z").getTimezoneOffset()).not.toBe(0);
    const { project, teacher, student, checkpoints } = await createClassWithProject();
    // Around the night the clocks change in New York, with milliseconds.
    const instants = ["2026-03-08T06:59:59.999Z", "2026-03-08T07:00:00.001Z", "2026-11-01T05:30:00.123Z", "2026-12-31T23:59:59.500Z"].map((s) => new Date(s));
    for (const [i, createdAt] of instants.entries()) {
      await prisma.attempt.create({
        data: { studentId: student.id, checkpointId: checkpoints[0].id, checkpointVersionId: checkpoints[0].versions[0].id, number: i + 1, answer: '["b"]', outcome: "NOT_YET", createdAt },
      });
    }
    const viaClient = await prisma.attempt.findMany({ where: { studentId: student.id }, orderBy: { number: "asc" }, select: { createdAt: true } });
    expect(viaClient.map((a) => a.createdAt.toISOString())).toEqual(instants.map((d) => d.toISOString()));
    const since = await prisma.attempt.count({ where: { studentId: student.id, createdAt: { gte: instants[1] } } });
    expect(since).toBe(3);

    const owned = await findTeacherProject(project.id, teacher.id);
    const data = await loadProjectData(owned!);
    const raw = data!.attempts.filter((a) => a.studentId === student.id).sort((a, b) => a.number - b.number);
    expect(raw.map((a) => a.createdAt.toISOString())).toEqual(instants.map((d) => d.toISOString()));
    expect(raw.map((a) => typeof a.number)).toEqual(Array(4).fill("number"));
  });

  it("keeps text in any script and JSON text exactly", async () => {
    const { student, checkpoints } = await createClassWithProject();
    const answer = "Die Kraft ist 0 N — 力は釣り合っている 🚀 «quoted» \\ 'single' \"double\"\nnew line";
    const stored = await prisma.attempt.create({
      data: { studentId: student.id, checkpointId: checkpoints[2].id, checkpointVersionId: checkpoints[2].versions[0].id, number: 1, answer },
    });
    expect((await prisma.attempt.findUniqueOrThrow({ where: { id: stored.id } })).answer).toBe(answer);
    const spec = (await prisma.checkpointVersion.findUniqueOrThrow({ where: { id: checkpoints[2].versions[0].id } })).spec;
    expect(JSON.parse(spec)).toMatchObject({ kind: "SHORT_TEXT" });
  });

  it("finds an account by email whatever case it is typed in", async () => {
    const student = await createStudent();
    const res = await call(loginAction, post("/login", { email: `  ${student.email.toUpperCase()} `, password: TEST_PASSWORD }));
    expect(res.status).toBe(302);
  });
});
