// `npm run import -- roster FILE --class JOIN_CODE [--oneroster-class ID]`
// (issue 11, decision 024), run as a child process against this test file's
// own database: students enrolled from a CSV and from a OneRoster zip, the
// report and the last JSON line, the exit codes, and no change at all for a
// broken file or an unknown class.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { NO_PASSWORD_YET } from "~/auth/password.server";
import { prisma } from "~/db.server";
import { createClassroom, createTeacher } from "../support/factories";
import { oneRosterZip, rosterBytes } from "../support/roster-fixtures";

const root = path.resolve(import.meta.dirname, "../..");
const tsx = path.join(root, "node_modules", "tsx", "dist", "cli.mjs");

function run(...args: string[]) {
  const result = spawnSync(process.execPath, [tsx, "scripts/import.ts", ...args], { cwd: root, encoding: "utf8", env: { ...process.env }, timeout: 60_000 });
  const last = result.stdout.trim().split("\n").at(-1) ?? "";
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, last: last.startsWith("{") ? JSON.parse(last) : null };
}

/** A roster file on disk, its emails on a domain of the test's own (tests in this file share a database). */
function fileOf(name: string, bytes: Uint8Array) {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "rebound-roster-")), name);
  writeFileSync(file, bytes);
  return file;
}

async function classWithCode(name = "Physics 9B") {
  const teacher = await createTeacher();
  return createClassroom(teacher.id, name);
}

const enrolledEmails = async (classroomId: string) =>
  (await prisma.enrollment.findMany({ where: { classroomId, removedAt: null }, select: { student: { select: { email: true } } } })).map((e) => e.student.email).sort();

const everything = async () => ({
  users: await prisma.user.count(),
  enrollments: await prisma.enrollment.count(),
  identities: await prisma.externalIdentity.count(),
  pending: await prisma.pendingRoster.count(),
});

describe("npm run import -- roster", () => {
  it("enrols a CSV's students, prints the page's report and then one JSON line; run again, nobody is enrolled twice", async () => {
    const classroom = await classWithCode("Computing 8R");
    const file = fileOf("class-list.csv", rosterBytes("class-list.csv", "csv.example"));
    const out = run("roster", file, "--class", classroom.joinCode.toLowerCase());
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).toContain("CSV roster: class-list.csv → class Computing 8R");
    expect(out.stdout).toContain("Enrolled 5 students; 0 already in the class.");
    expect(out.stdout).toContain("Not imported: row 6 (Katherine Johnson): “not-an-email” is not an email address Rebound can use.");
    expect(out.stdout).toContain("Not imported: row 7 (Ada Again): The same email as row 2.");
    expect(out.stdout).toContain("5 students of the class have not chosen a password yet: print the sign-in sheet for their set-up codes.");
    expect(out.last).toEqual({
      imported: 5,
      skipped: 2,
      errors: [
        { where: "row 6", why: "“not-an-email” is not an email address Rebound can use." },
        { where: "row 7", why: "The same email as row 2." },
      ],
    });
    expect(await enrolledEmails(classroom.id)).toEqual(["ada.lovelace", "alan.turing", "grace.hopper", "hedy.lamarr", "nameless"].map((n) => `${n}@csv.example`));
    // New accounts have no password until a set-up code; the command prints no codes.
    const ada = await prisma.user.findUniqueOrThrow({ where: { email: "ada.lovelace@csv.example" } });
    expect(ada).toMatchObject({ role: "STUDENT", name: "Ada Lovelace", passwordHash: NO_PASSWORD_YET });
    expect(out.stdout).not.toMatch(/\b[A-Z0-9]{4}-[A-Z0-9]{4}\b/);

    const again = run("roster", file, "--class", classroom.joinCode);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain("Enrolled 0 students; 5 already in the class.");
    expect(again.last).toMatchObject({ imported: 0, skipped: 2 });
    expect(await prisma.user.count({ where: { email: { endsWith: "@csv.example" } } })).toBe(5);
  }, 120_000);

  it("enrols the chosen class of a OneRoster 1.2 zip, lists the teacher to invite, and keeps the school's ids", async () => {
    const classroom = await classWithCode("Physics 9B");
    const file = fileOf("sis-export.zip", oneRosterZip("oneroster-1.2", {}, "or12.example"));
    // Two classes in the file: the command asks which, and changes nothing meanwhile.
    const before = await everything();
    const ask = run("roster", file, "--class", classroom.joinCode);
    expect(ask.code).toBe(1);
    expect(ask.stdout).toContain("class-9b: Physics 9B");
    expect(ask.last).toEqual({ imported: 0, skipped: 0, errors: [{ where: "--oneroster-class", why: expect.stringMatching(/2 classes/) }] });
    expect(await everything()).toEqual(before);

    const out = run("roster", file, "--class", classroom.joinCode, "--oneroster-class", "class-9b");
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).toContain("OneRoster 1.2: sis-export.zip → class Physics 9B");
    expect(out.stdout).toContain("Enrolled 3 students; 0 already in the class.");
    expect(out.stdout).toContain("Teacher in the file: Marie Curie (marie.curie@or12.example). Teachers are not added from a file");
    expect(out.last).toEqual({ imported: 3, skipped: 0, errors: [{ where: expect.any(String), why: expect.stringMatching(/Teachers are not added from a file/) }] });
    expect(await enrolledEmails(classroom.id)).toEqual(["alan.turing@or12.example", "grace.hopper@or12.example", "katherine.johnson@or12.example"]);
    // Rosalind is in the other class, the guardian is nobody's student.
    expect(await prisma.user.count({ where: { email: { in: ["rosalind.franklin@or12.example", "parent@home.example"] } } })).toBe(0);
    const alan = await prisma.user.findUniqueOrThrow({ where: { email: "alan.turing@or12.example" }, select: { externalIdentities: { select: { source: true, externalId: true } } } });
    expect(alan.externalIdentities).toEqual([{ source: "oneroster:org-1", externalId: "u-s1" }]);

    const unknown = run("roster", file, "--class", classroom.joinCode, "--oneroster-class", "class-nope");
    expect(unknown.code).toBe(1);
    expect(unknown.last.errors[0]).toEqual({ where: "--oneroster-class", why: expect.stringMatching(/no class class-nope/) });
  }, 120_000);

  it("exits 1 and changes nothing for a broken CSV, a broken zip, or an unknown class code; 2 for a wrong command line", async () => {
    const classroom = await classWithCode();
    const before = await everything();
    const broken = run("roster", fileOf("broken.csv", rosterBytes("broken.csv")), "--class", classroom.joinCode);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain("Nothing was imported from");
    expect(broken.last).toEqual({ imported: 0, skipped: 0, errors: [{ where: expect.stringMatching(/^broken\.csv/), why: expect.stringMatching(/cannot be read as CSV/) }] });

    // A OneRoster zip whose manifest promises a users file that is not there.
    const noUsers = run("roster", fileOf("no-users.zip", oneRosterZip("oneroster-1.2", { "users.csv": null }, "broken.example")), "--class", classroom.joinCode, "--oneroster-class", "class-9b");
    expect(noUsers.code).toBe(1);
    expect(noUsers.last.imported).toBe(0);
    expect(noUsers.last.errors.length).toBeGreaterThanOrEqual(1);
    expect(JSON.stringify(noUsers.last.errors)).toMatch(/users\.csv/);

    const nowhere = run("roster", fileOf("class-list.csv", rosterBytes("class-list.csv", "nowhere.example")), "--class", "ZZZZZZ");
    expect(nowhere.code).toBe(1);
    expect(nowhere.last).toEqual({ imported: 0, skipped: 0, errors: [{ where: "--class", why: "No class with join code ZZZZZZ (or it is archived)." }] });

    const csvWithClass = run("roster", fileOf("class-list.csv", rosterBytes("class-list.csv", "nowhere.example")), "--class", classroom.joinCode, "--oneroster-class", "class-9b");
    expect(csvWithClass.code).toBe(1);

    expect(await everything()).toEqual(before);
    expect(await enrolledEmails(classroom.id)).toEqual([]);

    const usage = run("roster", "--class", classroom.joinCode);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("npm run import -- roster FILE --class JOIN_CODE");
  }, 120_000);
});
