import { describe, expect, it } from "vitest";
import { zipSync } from "fflate";
import { oneRosterFiles, oneRosterZip, rosterBytes, withRows } from "../../../tests/support/roster-fixtures";
import { ROSTER_LIMITS } from "./limits";
import { chosenPeople, planRoster, TEACHER_EMAIL, type KnownPerson } from "./plan";
import { readRosterFile } from "./read";
import { RosterFileError, type RosterIssue } from "./types";

const text = (s: string) => new TextEncoder().encode(s);

function issuesOf(read: () => unknown): RosterIssue[] {
  try {
    read();
  } catch (error) {
    if (error instanceof RosterFileError) return error.issues;
    throw error;
  }
  throw new Error("expected the file to be refused");
}

describe("a CSV roster", () => {
  it("matches loose header names and keeps every row, with the reason a row can't be used", () => {
    const roster = readRosterFile("class-list.csv", rosterBytes("class-list.csv"));
    expect(roster.format).toBe("csv");
    expect(roster.bulk).toBe(false);
    expect(roster.people.map((p) => [p.where, p.name, p.email, p.studentNumber ?? null, p.problem ?? null])).toEqual([
      ["row 2", "Ada Lovelace", "ada.lovelace@school.example", "1001", null],
      ["row 3", "Alan Turing", "alan.turing@school.example", "1002", null],
      ["row 4", "Grace Hopper", "grace.hopper@school.example", null, null],
      ["row 5", "Nameless", "nameless@school.example", "1004", null],
      ["row 6", "Katherine Johnson", "not-an-email", "1005", "“not-an-email” is not an email address Rebound can use."],
      ["row 7", "Ada Again", "ada.lovelace@school.example", "1006", "The same email as row 2."],
      ["row 8", "Hedy, Jr. Lamarr", "hedy.lamarr@school.example", "1007", null],
    ]);
  });

  it("says a name is missing, or too long, and reads a single Name column", () => {
    const roster = readRosterFile("r.csv", text(`Student name,Email\n,a@school.example\n${"x".repeat(81)},b@school.example\nBo Li,\n`));
    expect(roster.people.map((p) => p.problem)).toEqual(["The name is missing.", "The name is longer than 80 characters.", "The email is missing: every Rebound account needs one."]);
  });

  it("refuses a file that is not CSV, has no email column, or nothing under its header", () => {
    expect(issuesOf(() => readRosterFile("broken.csv", rosterBytes("broken.csv")))[0]).toMatchObject({ where: expect.stringMatching(/^broken\.csv/), why: expect.stringMatching(/cannot be read as CSV/) });
    expect(issuesOf(() => readRosterFile("no-email.csv", rosterBytes("no-email-column.csv")))).toEqual([{ where: "no-email.csv, line 1", why: expect.stringMatching(/no an Email column|no an Email|Email column/) }]);
    expect(issuesOf(() => readRosterFile("r.csv", text("Name,Email\n")))[0].why).toMatch(/no students/);
    expect(issuesOf(() => readRosterFile("r.csv", new Uint8Array()))[0].why).toBe("The file is empty.");
  });

  it("refuses more rows than the limit", () => {
    const big = `Name,Email\n${Array.from({ length: ROSTER_LIMITS.rows + 1 }, (_, i) => `P${i},p${i}@s.example`).join("\n")}`;
    expect(issuesOf(() => readRosterFile("big.csv", text(big)))[0].why).toMatch(/at most 100,000/);
  });
});

describe("a OneRoster 1.2 zip", () => {
  it("reads its classes with their courses and members, leaving guardians out with a note", () => {
    const roster = readRosterFile("export.zip", oneRosterZip("oneroster-1.2"));
    expect(roster).toMatchObject({ format: "oneroster", version: "1.2", bulk: true });
    expect(roster.classes.map((c) => [c.sourcedId, c.title, c.classCode, c.course, c.members.length])).toEqual([
      ["class-9b", "Physics 9B", "PHYS9-B", "Physics", 4],
      ["class-9c", "Chemistry 9C", "CHEM9-C", "Chemistry", 1],
    ]);
    expect(roster.classes[0].members.map((m) => [m.sourcedId, m.role, m.name, m.email, m.studentNumber])).toEqual([
      ["u-t1", "teacher", "Marie Curie", "marie.curie@school.example", "T-01"],
      ["u-s1", "student", "Alan Turing", "alan.turing@school.example", "S-1001"],
      ["u-s2", "student", "Grace Hopper", "grace.hopper@school.example", "S-1002"],
      ["u-s3", "student", "Katherine Johnson", "katherine.johnson@school.example", "S-1003"],
    ]);
    expect(roster.notes).toEqual([expect.stringMatching(/^1 enrolment of other roles/)]);
  });

  it("reads a delta file's tobedeleted enrolments and users as removals", () => {
    const files = oneRosterFiles("oneroster-1.2");
    const roster = readRosterFile(
      "delta.zip",
      oneRosterZip("oneroster-1.2", {
        "manifest.csv": files["manifest.csv"].replace("file.enrollments,bulk", "file.enrollments,delta").replace("file.users,bulk", "file.users,delta"),
        "enrollments.csv": "sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role\ne-2,tobedeleted,2026-10-01,class-9b,org-1,u-s1,student\ne-9,tobedeleted,2026-10-01,class-9b,org-1,u-gone,student\n",
      }),
    );
    expect(roster.bulk).toBe(false);
    expect(roster.classes[0].members.map((m) => [m.sourcedId, m.remove])).toEqual([["u-s1", true], ["u-gone", true]]);
  });

  it("reports every problem of every file, per file and row, and takes nothing", () => {
    const files = oneRosterFiles("oneroster-1.2");
    const issues = issuesOf(() =>
      readRosterFile(
        "bad.zip",
        oneRosterZip("oneroster-1.2", {
          "users.csv": withRows(files["users.csv"], "u-s1,,2026-09-01T08:00:00Z,true,dup,,Dup,Licate,,,dup@school.example,,,,,,,,,,,org-1,"),
          "enrollments.csv": withRows(files["enrollments.csv"], "e-7,maybe,2026-09-01T08:00:00Z,class-9z,org-1,u-s2,student,,,", "e-8,,2026-09-01T08:00:00Z,class-9b,org-1,u-nobody,student,,,", "e-9,,2026-09-01T08:00:00Z,class-9b,org-1,u-s2,janitor,,,"),
          "courses.csv": null,
        }),
      ),
    );
    expect(issues).toEqual([
      { where: "courses.csv", why: "The manifest says courses.csv is in the zip (bulk), but it is not." },
      { where: "users.csv, line 8", why: "The sourcedId u-s1 appears twice." },
      { where: "enrollments.csv, line 8", why: "The status is “maybe”; it should be active, tobedeleted or empty." },
      { where: "enrollments.csv, line 8", why: "The class class-9z is not in classes.csv." },
      { where: "enrollments.csv, line 9", why: "The user u-nobody is not in users.csv." },
      { where: "enrollments.csv, line 10", why: "The role is “janitor”; Rebound reads student and teacher enrolments." },
    ]);
  });

  it("refuses a zip without a manifest or without users, and one that is not OneRoster", () => {
    expect(issuesOf(() => readRosterFile("x.zip", oneRosterZip("oneroster-1.2", { "manifest.csv": null })))).toContainEqual({ where: "manifest.csv", why: expect.stringMatching(/no manifest\.csv/) });
    expect(issuesOf(() => readRosterFile("x.zip", oneRosterZip("oneroster-1.2", { "users.csv": null })))).toContainEqual({ where: "users.csv", why: expect.stringMatching(/says users\.csv is in the zip/) });
    expect(issuesOf(() => readRosterFile("x.zip", zipSync({ "notes.txt": text("hello") })))).toEqual([{ where: "the zip", why: expect.stringMatching(/not a OneRoster export/) }]);
    expect(issuesOf(() => readRosterFile("x.zip", oneRosterZip("oneroster-1.2").slice(0, 200)))).toEqual([{ where: "the zip", why: expect.stringMatching(/cannot be opened/) }]);
  });

  it("refuses zips with too many files or too much unpacked", () => {
    const many: Record<string, Uint8Array> = { "manifest.csv": text("propertyName,value\n") };
    for (let i = 0; i < ROSTER_LIMITS.zipEntries; i++) many[`extra-${i}.csv`] = text("a");
    expect(issuesOf(() => readRosterFile("x.zip", zipSync(many)))[0].why).toMatch(/more than 50 files/);
    const bomb = zipSync({ "manifest.csv": text("propertyName,value\n"), "users.csv": new Uint8Array(ROSTER_LIMITS.zipExpandedBytes + 1) }, { level: 9 });
    expect(bomb.byteLength).toBeLessThan(ROSTER_LIMITS.uploadBytes);
    expect(issuesOf(() => readRosterFile("x.zip", bomb))[0].why).toMatch(/unpacked/);
  });
});

describe("a OneRoster 1.1 zip", () => {
  it("reads users.csv with its role and orgSourcedIds; a student without an email cannot be imported", () => {
    const roster = readRosterFile("export11.zip", oneRosterZip("oneroster-1.1"));
    expect(roster.version).toBe("1.1");
    expect(roster.classes[0].members.map((m) => [m.sourcedId, m.role, m.problem ?? null])).toEqual([
      ["u-t1", "teacher", null],
      ["u-s1", "student", null],
      ["u-s2", "student", "The email is missing: every Rebound account needs one."],
    ]);
  });

  it("needs users.csv's orgSourcedIds and role in 1.1", () => {
    const files = oneRosterFiles("oneroster-1.1");
    const users = files["users.csv"].replace("orgSourcedIds,role,", "orgs,kind,");
    expect(issuesOf(() => readRosterFile("x.zip", oneRosterZip("oneroster-1.1", { "users.csv": users })))).toContainEqual({ where: "users.csv, line 1", why: "Missing columns: role, orgSourcedIds." });
  });
});

describe("the plan of an import", () => {
  const roster = () => readRosterFile("export.zip", oneRosterZip("oneroster-1.2"));
  const facts = (known: Record<string, KnownPerson>, sourceMembers: { userId: string; source: string; sourcedId: string; name: string; email: string }[] = []) => ({
    find: (p: { sourcedId?: string; email: string }) => known[p.sourcedId ?? ""] ?? known[p.email],
    sourceMembers,
  });

  it("words a new person and someone with an account alike: both will be enrolled", () => {
    const people = chosenPeople(roster(), ["class-9b"]);
    const plan = planRoster(people, facts({ "alan.turing@school.example": { userId: "a", role: "STUDENT", enrolment: null } }), { bulk: true });
    expect(plan.enrol.map((r) => r.name)).toEqual(["Alan Turing", "Grace Hopper", "Katherine Johnson"]);
    expect(plan.teachers.map((r) => r.name)).toEqual(["Marie Curie"]);
  });

  it("sorts already in the class, blocked, a teacher's email, and those missing from a bulk file", () => {
    const people = chosenPeople(roster(), ["class-9b"]);
    const plan = planRoster(
      people,
      facts({
        "u-s1": { userId: "a", role: "STUDENT", enrolment: { removed: false, blocked: false } },
        "grace.hopper@school.example": { userId: "g", role: "STUDENT", enrolment: { removed: true, blocked: true } },
        "katherine.johnson@school.example": { userId: "k", role: "TEACHER", enrolment: null },
        "u-t1": { userId: "t", role: "TEACHER", enrolment: null, teachesClass: true },
      }, [
        { userId: "r", source: "oneroster:org-1", sourcedId: "u-s4", name: "Rosalind Franklin", email: "rosalind.franklin@school.example" },
        { userId: "a", source: "oneroster:org-1", sourcedId: "u-s1", name: "Alan Turing", email: "alan.turing@school.example" },
        // Another school system's u-s2 is someone else: missing from this file, though this file has a u-s2 (decision 024).
        { userId: "o", source: "oneroster:org-elsewhere", sourcedId: "u-s2", name: "Other Person", email: "other@elsewhere.example" },
      ]),
      { bulk: true },
    );
    expect(plan.already.map((r) => r.name)).toEqual(["Alan Turing"]);
    expect(plan.blocked.map((r) => r.name)).toEqual(["Grace Hopper"]);
    expect(plan.invalid).toEqual([expect.objectContaining({ name: "Katherine Johnson", why: TEACHER_EMAIL })]);
    expect(plan.teachers).toEqual([]);
    expect(plan.enrol).toEqual([]);
    expect(plan.missing).toEqual([
      { userId: "r", name: "Rosalind Franklin", email: "rosalind.franklin@school.example" },
      { userId: "o", name: "Other Person", email: "other@elsewhere.example" },
    ]);
    // A delta file says nothing about who else is in the class.
    expect(planRoster(people, facts({}, [{ userId: "r", source: "oneroster:org-1", sourcedId: "u-s4", name: "R", email: "r@x.example" }]), { bulk: false }).missing).toEqual([]);
  });

  it("brings each person in once across chosen classes, and a second person with the same email is invalid", () => {
    const files = oneRosterFiles("oneroster-1.2");
    const r = readRosterFile(
      "x.zip",
      oneRosterZip("oneroster-1.2", {
        "users.csv": withRows(files["users.csv"], "u-s5,,2026-09-01T08:00:00Z,true,twin,,Alan,Twin,,S-1005,alan.turing@school.example,,,,09,,,,,,,org-1,"),
        "enrollments.csv": withRows(files["enrollments.csv"], "e-10,,2026-09-01T08:00:00Z,class-9c,org-1,u-s1,student,,,", "e-11,,2026-09-01T08:00:00Z,class-9c,org-1,u-s5,student,,,"),
      }),
    );
    const people = chosenPeople(r, ["class-9b", "class-9c"]);
    expect(people.filter((p) => p.sourcedId === "u-s1")).toHaveLength(1);
    expect(people.find((p) => p.sourcedId === "u-s5")?.problem).toMatch(/same email as users\.csv, line 3/);
  });
});
