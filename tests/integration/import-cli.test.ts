// `npm run import -- questions FILE --class JOIN_CODE …` (issue 11), run as a
// child process against this test file's own database: the report, the last
// JSON line, the exit codes, and no change at all for a broken file.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { createClassroom, createTeacher } from "../support/factories";
import { QUESTION_FIXTURES, fixtureZip } from "../support/question-fixtures";

const root = path.resolve(import.meta.dirname, "../..");
const tsx = path.join(root, "node_modules", "tsx", "dist", "cli.mjs");

function run(...args: string[]) {
  const result = spawnSync(process.execPath, [tsx, "scripts/import.ts", ...args], { cwd: root, encoding: "utf8", env: { ...process.env }, timeout: 60_000 });
  const last = result.stdout.trim().split("\n").at(-1) ?? "";
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, last: last ? JSON.parse(last) : null };
}

async function classWithCode() {
  const teacher = await createTeacher();
  return createClassroom(teacher.id, "Physics 10C");
}

describe("npm run import -- questions", () => {
  it("makes a draft project in the class from a GIFT file, prints the report and then one JSON line", async () => {
    const classroom = await classWithCode();
    const out = run("questions", path.join(QUESTION_FIXTURES, "forces.gift"), "--class", classroom.joinCode.toLowerCase(), "--project-title", "Forces from GIFT");
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).toContain("Moodle GIFT: forces.gift → class Physics 10C");
    expect(out.stdout).toContain("question 5 (Explain): An essay question");
    expect(out.last).toEqual({ imported: 4, skipped: 2, errors: [{ where: "question 5 (Explain)", why: expect.any(String) }, { where: "question 6 (Pairs)", why: expect.any(String) }] });
    const project = await prisma.project.findFirstOrThrow({ where: { classroomId: classroom.id, title: "Forces from GIFT" } });
    expect(project.status).toBe("DRAFT");
    expect(await prisma.checkpoint.count({ where: { projectId: project.id } })).toBe(4);
  }, 90_000);

  it("adds to an existing project with --project, from a diagnostic zip", async () => {
    const classroom = await classWithCode();
    const project = await prisma.project.create({ data: { classroomId: classroom.id, title: "Fractions", goal: "Add them" } });
    const dir = mkdtempSync(path.join(tmpdir(), "rebound-import-"));
    const file = path.join(dir, "fractions.zip");
    writeFileSync(file, fixtureZip("fractions-diagnostic"));
    const out = run("questions", file, "--class", classroom.joinCode, "--project", project.id);
    expect(out.code, out.stderr).toBe(0);
    expect(out.last).toMatchObject({ imported: 5, skipped: 1 });
    expect(await prisma.misconception.count({ where: { projectId: project.id } })).toBe(8);
  }, 90_000);

  it("exits 1 and changes nothing for a broken file, an unknown class, or a project of another class", async () => {
    const classroom = await classWithCode();
    const before = await prisma.project.count();
    const broken = run("questions", path.join(QUESTION_FIXTURES, "broken-moodle.xml"), "--class", classroom.joinCode);
    expect(broken.code).toBe(1);
    expect(broken.last).toEqual({ imported: 0, skipped: 0, errors: [{ where: "The file, line 7", why: expect.stringMatching(/not well-formed XML/) }] });
    expect(run("questions", path.join(QUESTION_FIXTURES, "forces.gift"), "--class", "ZZZZZZ").code).toBe(1);
    const other = await classWithCode();
    const elsewhere = await prisma.project.create({ data: { classroomId: other.id, title: "Theirs", goal: "x" } });
    const wrongProject = run("questions", path.join(QUESTION_FIXTURES, "forces.gift"), "--class", classroom.joinCode, "--project", elsewhere.id);
    expect(wrongProject.code).toBe(1);
    expect(await prisma.project.count()).toBe(before + 1);
    expect(await prisma.checkpoint.count({ where: { projectId: elsewhere.id } })).toBe(0);
    const usage = run("questions");
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("Usage: npm run import -- questions FILE --class JOIN_CODE");
  }, 120_000);
});
