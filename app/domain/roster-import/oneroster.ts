// OneRoster CSV (1.1 and 1.2), the zip a student information system exports:
// manifest.csv, users.csv, enrollments.csv and classes.csv are read, and
// orgs.csv, academicSessions.csv, courses.csv and roles.csv checked when the
// manifest says they are there. 1.1's users.csv carries each person's `role`
// and `orgSourcedIds`; 1.2 moves roles to roles.csv. A class's members come
// from enrollments.csv (its `role` says student or teacher). Every problem of
// every file is collected, per file and row, and a file with any is refused
// whole: nothing is half-imported.
import { cell, columnOf, personProblem, readTable, tidyName, type Table } from "./table";
import { ROSTER_LIMITS } from "./limits";
import { RosterFileError, type Roster, type RosterClass, type RosterIssue, type RosterPerson } from "./types";

const FILES = ["manifest.csv", "orgs.csv", "academicSessions.csv", "courses.csv", "classes.csv", "users.csv", "enrollments.csv", "roles.csv"] as const;
const REQUIRED = ["users.csv", "enrollments.csv", "classes.csv"] as const;
const STATUSES = new Set(["", "active", "tobedeleted"]);
/** Enrolment roles Rebound has no place for (guardians, aides…) are noted and left out. */
const USED_ROLES = new Set(["student", "teacher"]);
const KNOWN_ROLES = new Set(["student", "teacher", "administrator", "proctor", "aide", "guardian", "parent", "relative", "districtadministrator", "siteadministrator", "systemadministrator", "principal", "counselor"]);

/** Whether these files look like a OneRoster export (a manifest, or users and enrollments). */
export function looksLikeOneRoster(names: string[]): boolean {
  const base = new Set(names.map((n) => baseName(n).toLowerCase()));
  return base.has("manifest.csv") || (base.has("users.csv") && base.has("enrollments.csv"));
}

const baseName = (path: string) => path.split("/").pop() ?? path;

class Issues {
  private list: (RosterIssue & { file: string; line: number })[] = [];
  private perFile = new Map<string, number>();
  add(file: string, line: number | null, why: string) {
    const n = (this.perFile.get(file) ?? 0) + 1;
    this.perFile.set(file, n);
    if (n <= ROSTER_LIMITS.issuesPerFile) this.list.push({ file, line: line ?? 0, where: line ? `${file}, line ${line}` : file, why });
  }
  all(): RosterIssue[] {
    const more = [...this.perFile.entries()].filter(([, n]) => n > ROSTER_LIMITS.issuesPerFile).map(([file, n]) => ({ where: file, why: `… and ${n - ROSTER_LIMITS.issuesPerFile} more problems in this file.` }));
    // File by file in the export's order, each top to bottom (a stable sort keeps one row's problems in the order found).
    const order = (file: string) => (FILES as readonly string[]).indexOf(file);
    const sorted = [...this.list].sort((a, b) => order(a.file) - order(b.file) || a.line - b.line).map(({ where, why }) => ({ where, why }));
    return [...sorted, ...more];
  }
}

/** Reads a OneRoster export's files (name → text); throws RosterFileError listing every problem found. */
export function readOneRoster(files: Map<string, string>): Roster {
  const issues = new Issues();
  const byName = new Map<string, { path: string; text: string }>();
  for (const [path, text] of files) {
    const known = FILES.find((f) => f.toLowerCase() === baseName(path).toLowerCase());
    if (known) byName.set(known, { path, text });
  }
  const tables = new Map<string, Table>();
  for (const [name, { text }] of byName) {
    try {
      tables.set(name, readTable(text, name));
    } catch (error) {
      if (!(error instanceof RosterFileError)) throw error;
      for (const i of error.issues) issues.add(name, null, `${i.where === name ? "" : `${i.where}: `}${i.why}`);
    }
  }
  const notes: string[] = [];

  // The manifest: the version, and which files are there in full (bulk) or as changes (delta).
  const modes = new Map<string, string>();
  let version = "";
  const manifest = tables.get("manifest.csv");
  if (!byName.has("manifest.csv")) issues.add("manifest.csv", null, "The zip has no manifest.csv: OneRoster exports start with one (propertyName,value).");
  if (manifest) {
    const prop = columnOf(manifest.header, "propertyName");
    const value = columnOf(manifest.header, "value");
    if (prop < 0 || value < 0) issues.add("manifest.csv", 1, "The columns should be propertyName and value.");
    else
      for (const { cells } of manifest.rows) {
        const key = cell(cells, prop);
        const v = cell(cells, value).toLowerCase();
        if (key === "oneroster.version") version = v;
        if (key.startsWith("file.")) modes.set(`${key.slice(5)}.csv`.toLowerCase(), v);
      }
    if (version && version !== "1.1" && version !== "1.2") issues.add("manifest.csv", null, `oneroster.version is ${version}; Rebound reads OneRoster 1.1 and 1.2.`);
  }
  const modeOf = (file: string) => modes.get(file.toLowerCase());
  for (const file of FILES.slice(1)) {
    const mode = modeOf(file);
    if ((mode === "bulk" || mode === "delta") && !byName.has(file)) issues.add(file, null, `The manifest says ${file} is in the zip (${mode}), but it is not.`);
    if (mode && mode !== "bulk" && mode !== "delta" && mode !== "absent") issues.add("manifest.csv", null, `file.${file.replace(/\.csv$/, "")} is “${mode}”; it should be bulk, delta or absent.`);
  }
  for (const file of REQUIRED) if (!byName.has(file) && modeOf(file) !== "bulk" && modeOf(file) !== "delta") issues.add(file, null, `Rebound needs ${file} to know who is in which class; the zip has none.`);

  const users = tables.get("users.csv");
  const enrollments = tables.get("enrollments.csv");
  const classes = tables.get("classes.csv");
  if (!version) version = tables.has("roles.csv") || (users && columnOf(users.header, "role") < 0) ? "1.2" : "1.1";

  // Columns every table needs.
  const need = (table: Table | undefined, ...columns: string[]) => {
    if (!table) return false;
    const missing = columns.filter((c) => columnOf(table.header, c) < 0);
    if (missing.length) issues.add(table.file, 1, `Missing column${missing.length > 1 ? "s" : ""}: ${missing.join(", ")}.`);
    return missing.length === 0;
  };
  const usersOk = need(users, "sourcedId", "givenName", "familyName", "email", ...(version === "1.1" ? ["role", "orgSourcedIds"] : []));
  const enrollmentsOk = need(enrollments, "sourcedId", "classSourcedId", "userSourcedId", "role");
  // The class's school: people's sourcedIds are kept per school system (decision 024).
  const classesOk = need(classes, "sourcedId", "title", "schoolSourcedId");
  for (const file of ["orgs.csv", "academicSessions.csv", "courses.csv"] as const) need(tables.get(file), "sourcedId");
  need(tables.get("roles.csv"), "sourcedId", "userSourcedId", "role");

  // Every table: a sourcedId on each row, once, and a status OneRoster knows.
  const ids = new Map<string, Set<string>>();
  for (const [name, table] of tables) {
    if (name === "manifest.csv") continue;
    const id = columnOf(table.header, "sourcedId");
    const status = columnOf(table.header, "status");
    const seen = new Set<string>();
    ids.set(name, seen);
    if (id < 0) continue;
    for (const { line, cells } of table.rows) {
      const value = cell(cells, id);
      if (!value) issues.add(name, line, "The sourcedId is empty.");
      else if (seen.has(value)) issues.add(name, line, `The sourcedId ${value} appears twice.`);
      seen.add(value);
      const s = cell(cells, status).toLowerCase();
      if (!STATUSES.has(s)) issues.add(name, line, `The status is “${cell(cells, status)}”; it should be active, tobedeleted or empty.`);
    }
  }

  // People.
  const people = new Map<string, RosterPerson & { line: number }>();
  if (users && usersOk) {
    const c = (n: string) => columnOf(users.header, n);
    const [id, given, family, email, identifier, status, role, preferredGiven, preferredFamily] = [c("sourcedId"), c("givenName"), c("familyName"), c("email"), c("identifier"), c("status"), c("role"), c("preferredGivenName"), c("preferredFamilyName")];
    for (const { line, cells } of users.rows) {
      const sourcedId = cell(cells, id);
      if (!sourcedId) continue;
      const name = tidyName(`${cell(cells, preferredGiven) || cell(cells, given)} ${cell(cells, preferredFamily) || cell(cells, family)}`);
      const r = cell(cells, role).toLowerCase();
      if (version === "1.1" && r && !KNOWN_ROLES.has(r)) issues.add("users.csv", line, `The role is “${cell(cells, role)}”, which OneRoster does not define.`);
      const person: RosterPerson & { line: number } = { where: `users.csv, line ${line}`, line, name, email: cell(cells, email).toLowerCase(), sourcedId, role: r === "teacher" ? "teacher" : "student" };
      const identifierValue = cell(cells, identifier);
      if (identifierValue) person.studentNumber = identifierValue.slice(0, 40);
      if (cell(cells, status).toLowerCase() === "tobedeleted") person.remove = true;
      people.set(sourcedId, person);
    }
  }
  const roles = tables.get("roles.csv");
  if (roles) {
    const user = columnOf(roles.header, "userSourcedId");
    for (const { line, cells } of roles.rows) {
      const u = cell(cells, user);
      if (u && users && modeOf("users.csv") !== "delta" && !people.has(u)) issues.add("roles.csv", line, `The user ${u} is not in users.csv.`);
    }
  }

  // Classes, with their courses' titles.
  const courseTitles = new Map<string, string>();
  const courses = tables.get("courses.csv");
  if (courses) {
    const [id, title] = [columnOf(courses.header, "sourcedId"), columnOf(courses.header, "title")];
    for (const { cells } of courses.rows) courseTitles.set(cell(cells, id), cell(cells, title));
  }
  const rosterClasses = new Map<string, RosterClass & { removed: boolean; school: string }>();
  if (classes && classesOk) {
    const c = (n: string) => columnOf(classes.header, n);
    const [id, title, code, course, status, school] = [c("sourcedId"), c("title"), c("classCode"), c("courseSourcedId"), c("status"), c("schoolSourcedId")];
    for (const { line, cells } of classes.rows) {
      const sourcedId = cell(cells, id);
      if (!sourcedId) continue;
      if (!cell(cells, title)) issues.add("classes.csv", line, "The title is empty.");
      const schoolId = cell(cells, school);
      if (!schoolId) issues.add("classes.csv", line, "The schoolSourcedId is empty: Rebound keeps people's ids per school, so it needs the class's school.");
      else if (schoolId.length > 200) issues.add("classes.csv", line, "The schoolSourcedId is longer than 200 characters.");
      const courseId = cell(cells, course);
      if (courseId && courses && modeOf("courses.csv") !== "delta" && !courseTitles.has(courseId)) issues.add("classes.csv", line, `The course ${courseId} is not in courses.csv.`);
      rosterClasses.set(sourcedId, { sourcedId, title: cell(cells, title).slice(0, 200), classCode: cell(cells, code).slice(0, 60), course: (courseTitles.get(courseId) ?? "").slice(0, 200), members: [], school: schoolId, removed: cell(cells, status).toLowerCase() === "tobedeleted" });
    }
  }

  // Enrolments: who is in which class, as what.
  let leftOut = 0;
  if (enrollments && enrollmentsOk) {
    const c = (n: string) => columnOf(enrollments.header, n);
    const [klass, user, role, status] = [c("classSourcedId"), c("userSourcedId"), c("role"), c("status")];
    const usersDelta = modeOf("users.csv") === "delta";
    const classesDelta = modeOf("classes.csv") === "delta";
    for (const { line, cells } of enrollments.rows) {
      const classId = cell(cells, klass);
      const userId = cell(cells, user);
      const r = cell(cells, role).toLowerCase();
      const removing = cell(cells, status).toLowerCase() === "tobedeleted";
      if (!classId) issues.add("enrollments.csv", line, "The classSourcedId is empty.");
      if (!userId) issues.add("enrollments.csv", line, "The userSourcedId is empty.");
      if (!KNOWN_ROLES.has(r)) issues.add("enrollments.csv", line, `The role is “${cell(cells, role)}”; Rebound reads student and teacher enrolments.`);
      if (!classId || !userId || !KNOWN_ROLES.has(r)) continue;
      const target = rosterClasses.get(classId);
      if (!target) {
        if (!classesDelta) issues.add("enrollments.csv", line, `The class ${classId} is not in classes.csv.`);
        continue;
      }
      if (!USED_ROLES.has(r)) {
        leftOut++;
        continue;
      }
      const person = people.get(userId);
      if (!person) {
        // A delta file may remove someone it does not describe again; anyone else must be in users.csv.
        if (removing && usersDelta) target.members.push({ where: `enrollments.csv, line ${line}`, name: "", email: "", sourcedId: userId, system: target.school, role: r as "student" | "teacher", remove: true });
        else issues.add("enrollments.csv", line, `The user ${userId} is not in users.csv.`);
        continue;
      }
      const member: RosterPerson = { where: person.where, name: person.name, email: person.email, sourcedId: userId, system: target.school, role: r as "student" | "teacher" };
      if (person.studentNumber) member.studentNumber = person.studentNumber;
      if (removing || person.remove || target.removed) member.remove = true;
      else {
        const problem = personProblem(person.name, person.email);
        if (problem) member.problem = problem;
      }
      target.members.push(member);
    }
  }
  if (leftOut) notes.push(`${leftOut} enrolment${leftOut === 1 ? "" : "s"} of other roles (aides, guardians, administrators…) left out: Rebound classes have students and teachers.`);

  const found = issues.all();
  if (found.length) throw new RosterFileError(found);
  const list = [...rosterClasses.values()].map(({ removed: _removed, school: _school, ...c }) => c);
  if (list.length === 0) throw new RosterFileError([{ where: "classes.csv", why: "The file lists no classes." }]);
  return { format: "oneroster", version, bulk: modeOf("enrollments.csv") !== "delta", people: [], classes: list, notes };
}
