// A plain CSV roster: a name (or first and last names), an email and an
// optional student number per row. Header names are matched loosely ("Email
// address", "E-mail", "Student ID" …). Every row is kept: a row that cannot be
// used carries its reason (missing name, bad email, a duplicate of an earlier
// row), so the preview lists it.
import { cell, columnOf, personProblem, readTable, tidyName } from "./table";
import { RosterFileError, type Roster, type RosterPerson } from "./types";

const NAME = ["name", "full name", "student name", "student", "display name", "learner"];
const FIRST = ["first name", "given name", "firstname", "forename", "first"];
const LAST = ["last name", "family name", "surname", "lastname", "last"];
const EMAIL = ["email", "email address", "e-mail", "mail", "student email", "school email"];
const NUMBER = ["student number", "student id", "student no", "number", "id", "identifier", "pupil number", "upn"];

export function readCsvRoster(text: string, file = "the file"): Roster {
  const table = readTable(text, file);
  const name = columnOf(table.header, ...NAME);
  const first = columnOf(table.header, ...FIRST);
  const last = columnOf(table.header, ...LAST);
  const email = columnOf(table.header, ...EMAIL);
  const number = columnOf(table.header, ...NUMBER);
  const missing: string[] = [];
  if (name < 0 && first < 0 && last < 0) missing.push("a name column (Name, or First name and Last name)");
  if (email < 0) missing.push("an Email column");
  if (missing.length) {
    throw new RosterFileError([{ where: `${file}, line 1`, why: `The first row should name the columns; Rebound found no ${missing.join(" and no ")}. Columns found: ${table.header.slice(0, 8).join(", ") || "none"}.` }]);
  }
  const seen = new Map<string, string>();
  const people: RosterPerson[] = table.rows.map(({ line, cells }) => {
    const fullName = tidyName(name >= 0 && cell(cells, name) ? cell(cells, name) : `${cell(cells, first)} ${cell(cells, last)}`);
    const address = cell(cells, email).toLowerCase();
    const person: RosterPerson = { where: `row ${line}`, name: fullName, email: address, role: "student" };
    const studentNumber = cell(cells, number);
    if (studentNumber) person.studentNumber = studentNumber.slice(0, 40);
    const problem = personProblem(fullName, address);
    if (problem) person.problem = problem;
    else if (seen.has(address)) person.problem = `The same email as ${seen.get(address)}.`;
    else seen.set(address, person.where);
    return person;
  });
  if (people.length === 0) throw new RosterFileError([{ where: file, why: "The file has its column names but no students under them." }]);
  // A CSV adds people; it does not say who else is in the class (only a OneRoster bulk file does).
  return { format: "csv", bulk: false, people, classes: [], notes: [] };
}
