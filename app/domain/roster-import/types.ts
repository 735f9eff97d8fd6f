// What a roster file holds, in Rebound's terms (issue 11, decision 024): the
// people to enrol (students) or to add as co-teachers (teachers), each with
// where in the file they came from, and — for OneRoster — the classes of the
// file with their members, so that the teacher picks which to bring in.
// Pure data: kept as JSON in a PendingRoster between the preview and "Import".

export type RosterRole = "student" | "teacher";

export interface RosterPerson {
  /** Where in the file: "row 4", or "users.csv, line 7". */
  where: string;
  name: string;
  /** Lower-cased; "" when the file gives none. */
  email: string;
  /** A CSV's optional student number, or OneRoster's `identifier` (shown, not stored). */
  studentNumber?: string;
  /** OneRoster's `sourcedId` for the person (stored, so a re-import finds them again). */
  sourcedId?: string;
  /**
   * OneRoster: the school (its org `sourcedId`, the class's `schoolSourcedId`)
   * the person came in through. SourcedIds are unique only within one school
   * system, so the person's is kept and looked up under this school
   * (`externalSource`, decision 024).
   */
  system?: string;
  role: RosterRole;
  /** `status=tobedeleted` in a delta file: remove from the class (their work is kept). */
  remove?: boolean;
  /** Why this row cannot be imported, found by the reader (bad email, missing name, duplicate…). */
  problem?: string;
}

export interface RosterClass {
  sourcedId: string;
  title: string;
  classCode: string;
  /** The course's title, when courses.csv names it. */
  course: string;
  /** Members of the class: enrolments joined with users.csv. */
  members: RosterPerson[];
}

export interface Roster {
  format: "csv" | "oneroster";
  /** "1.1" or "1.2" for OneRoster. */
  version?: string;
  /**
   * Whether the people are the whole class (a CSV, or OneRoster's bulk
   * enrolments): someone in the Rebound class from this source but not in the
   * file is then listed for the teacher to confirm, never removed silently.
   */
  bulk: boolean;
  /** A CSV's rows (empty for OneRoster). */
  people: RosterPerson[];
  /** OneRoster's classes (empty for a CSV). */
  classes: RosterClass[];
  /** Things worth knowing that are not errors (files the manifest calls absent, roles Rebound has no use for). */
  notes: string[];
}

export interface RosterIssue {
  where: string;
  why: string;
}

/** A file that cannot be imported at all: every problem found, per file and row. */
export class RosterFileError extends Error {
  constructor(readonly issues: RosterIssue[]) {
    super(issues.map((i) => `${i.where}: ${i.why}`).join(" "));
    this.name = "RosterFileError";
  }
}
