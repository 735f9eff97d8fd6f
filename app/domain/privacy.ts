// What Rebound holds about a person, and what export and deletion do with each
// part of it (decision 012). Pure: the registry, the shape of a person's data
// as exported, and the files of the download. app/models/privacy.server.ts
// reads and erases; tests/integration/privacy-coverage.test.ts checks this
// registry against every relation to User in prisma/schema.prisma, so a new
// model that holds a user id fails the suite until it is listed here and
// handled by both export and deletion.
import { toCsv, type Cell } from "~/domain/insight/view-export";

/**
 * What deleting a person's account does to rows that point at them:
 * - "delete": the person's own data goes with them;
 * - "anonymise": what they wrote about others' work stays, the link to them is
 *   cleared and it reads "A former teacher";
 * - "hand-over-or-archive": a class they teach goes to another teacher or is
 *   archived, as they choose on the delete page.
 */
export type Erasure = "delete" | "anonymise" | "hand-over-or-archive";

export type SectionName =
  | "account"
  | "sessions"
  | "setupCodes"
  | "externalIds"
  | "classes"
  | "attempts"
  | "journalEntries"
  | "commentsReceived"
  | "reflectionsSetAside"
  | "checksGiven"
  | "tagsSet"
  | "classesTaught"
  | "coTeacherInvites"
  | "commentsWritten"
  | "answerGroupsConfirmed"
  | "learningGoals"
  | "groupFeedbackWritten"
  | "goalCommentsWritten"
  | "failurePosts"
  | "failureNotes"
  | "reactionsGiven"
  | "lmsAccounts"
  | "lmsHandoffs";

export interface PersonalDataEntry {
  /** The Prisma model, and its field that points at User (null for the User row itself). */
  model: string;
  relation: string | null;
  /** What it is, in plain words (README and the download's read-me). */
  what: string;
  erasure: Erasure | "delete-account";
  /** The part of the download that holds it (a key of data.json and a CSV file). */
  section: SectionName;
}

/** Every place a person's id is held, with its export section and what deletion does. */
export const PERSONAL_DATA: readonly PersonalDataEntry[] = [
  { model: "User", relation: null, what: "your account: name, email, role, when it was made (the password only as a hash, never exported)", erasure: "delete-account", section: "account" },
  { model: "Session", relation: "user", what: "signed-in sessions: when each began, was last used and ends (the session key is a secret and not exported)", erasure: "delete", section: "sessions" },
  { model: "SetupCode", relation: "user", what: "a set-up code from a teacher for choosing a new password (only when it ends; the code itself is stored only as a hash and not exported)", erasure: "delete", section: "setupCodes" },
  { model: "ExternalIdentity", relation: "user", what: "your id in your school's student information system (OneRoster), kept when a teacher imported a class list, so that a new list finds you again", erasure: "delete", section: "externalIds" },
  { model: "Enrollment", relation: "student", what: "the classes you joined, when, and whether the teacher removed you", erasure: "delete", section: "classes" },
  { model: "Attempt", relation: "student", what: "every attempt: the answer, how sure you were, the outcome, the question as you answered it, and the checks, misconception tags and answer groups on it", erasure: "delete", section: "attempts" },
  { model: "JournalEntry", relation: "student", what: "journal entries, drafts included, with support requests and confidence", erasure: "delete", section: "journalEntries" },
  { model: "TeacherComment", relation: "student", what: "teachers' comments on your work, every version", erasure: "delete", section: "commentsReceived" },
  { model: "ReflectionDismissal", relation: "student", what: "reflections you chose not to write", erasure: "delete", section: "reflectionsSetAside" },
  { model: "AttemptReview", relation: "reviewer", what: "checks you gave: your own check of a short answer, or a teacher's mark", erasure: "anonymise", section: "checksGiven" },
  { model: "AttemptMisconception", relation: "setBy", what: "misconception tags a teacher set on students' attempts", erasure: "anonymise", section: "tagsSet" },
  { model: "ClassTeacher", relation: "teacher", what: "classes you teach, with their projects and how you came to teach each", erasure: "hand-over-or-archive", section: "classesTaught" },
  { model: "ClassTeacherInvite", relation: "createdBy", what: "co-teacher invitations you made (when each ends; the code itself is stored only as a hash and not exported)", erasure: "delete", section: "coTeacherInvites" },
  { model: "TeacherComment", relation: "author", what: "comments you wrote on students' work, every version", erasure: "anonymise", section: "commentsWritten" },
  { model: "AnswerGroup", relation: "createdBy", what: "groups of answers you confirmed", erasure: "anonymise", section: "answerGroupsConfirmed" },
  { model: "LearningGoal", relation: "student", what: "learning goals you set, with their status and every note over time (yours and your teacher's)", erasure: "delete", section: "learningGoals" },
  { model: "GroupFeedback", relation: "author", what: "feedback you wrote once for a group of students (each student's copy is a comment written)", erasure: "anonymise", section: "groupFeedbackWritten" },
  { model: "LearningGoalNote", relation: "author", what: "notes on learning goals: a student's own notes (in their goals) and a teacher's comments on students' goals", erasure: "anonymise", section: "goalCommentsWritten" },
  { model: "FailurePost", relation: "student", what: "your posts in class failure sessions: the setback, what you learned, and where each stands (waiting, on the board, kept off, withdrawn)", erasure: "delete", section: "failurePosts" },
  { model: "FailureNote", relation: "student", what: "your \"what helped me\" notes on classmates' posts in class failure sessions, and where each stands", erasure: "delete", section: "failureNotes" },
  { model: "FailureReaction", relation: "student", what: "the reactions you gave to classmates' posts in class failure sessions (nobody else sees who gave them)", erasure: "delete", section: "reactionsGiven" },
  { model: "LtiIdentity", relation: "user", what: "the LMS accounts (an LMS and your id in it) that open Rebound without a password (decision 023)", erasure: "delete", section: "lmsAccounts" },
  { model: "LtiHandoff", relation: "user", what: "an LMS launch waiting to continue in a new tab, for two minutes (when it ends; the code itself is stored only as a hash and not exported)", erasure: "delete", section: "lmsHandoffs" },
];

/** A row of a section: flat values only, so it is also a CSV row. */
export type Row = Record<string, string | number | boolean | null>;

/** A person's data as downloaded: each section a list of flat rows (nested details joined into text). */
export type PersonalRecord = { [K in SectionName]: Row[] };

export interface ArchiveMeta {
  /** Whose data, in words: "your Rebound account" or "Ada Lovelace's work in Physics 9B". */
  subject: string;
  exportedAt: Date;
  /** True when the teacher chose to leave the student's email out. */
  emailLeftOut?: boolean;
}

const SECTION_TITLES: Record<SectionName, string> = {
  account: "Account",
  sessions: "Signed-in sessions",
  setupCodes: "Set-up code",
  externalIds: "School system ids",
  classes: "Classes",
  attempts: "Attempts",
  journalEntries: "Journal entries",
  commentsReceived: "Comments received",
  reflectionsSetAside: "Reflections set aside",
  checksGiven: "Checks and marks given",
  tagsSet: "Misconception tags set",
  classesTaught: "Classes taught",
  coTeacherInvites: "Co-teacher invitations",
  commentsWritten: "Comments written",
  answerGroupsConfirmed: "Answer groups confirmed",
  learningGoals: "Learning goals",
  groupFeedbackWritten: "Group feedback written",
  goalCommentsWritten: "Comments on students' learning goals",
  failurePosts: "Failure session posts",
  failureNotes: "Failure session notes",
  reactionsGiven: "Failure session reactions",
  lmsAccounts: "LMS accounts",
  lmsHandoffs: "LMS launches continuing in a new tab",
};

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** The CSV file of a section: "journal-entries.csv". */
export const csvFileName = (section: SectionName) => `${kebab(section)}.csv`;

function sectionCsv(rows: Row[]): string {
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const cells: Cell[][] = rows.map((r) => columns.map((c) => {
    const v = r[c];
    return v === null || v === undefined ? "" : typeof v === "boolean" ? (v ? "yes" : "no") : v;
  }));
  return toCsv({ columns, rows: cells });
}

export interface SectionSummary {
  section: SectionName;
  title: string;
  what: string;
  count: number;
  file: string;
}

/** Each section of a person's data with how many rows it has, in the download's order. */
export function sectionSummaries(record: PersonalRecord): SectionSummary[] {
  return (Object.keys(SECTION_TITLES) as SectionName[]).map((section) => ({
    section,
    title: SECTION_TITLES[section],
    what: PERSONAL_DATA.find((e) => e.section === section)?.what ?? "",
    count: record[section].length,
    file: csvFileName(section),
  }));
}

/**
 * The files of the download: README.txt, data.json (every section) and one
 * CSV per section that has rows. Sections without rows are in data.json as
 * empty lists, so nothing is silently left out.
 */
export function archiveFiles(record: PersonalRecord, meta: ArchiveMeta): Record<string, string> {
  const summaries = sectionSummaries(record);
  const files: Record<string, string> = {};
  const lines = [
    `Rebound: everything it holds about ${meta.subject}.`,
    `Exported ${meta.exportedAt.toISOString()} (times are UTC).`,
    meta.emailLeftOut ? "The email address was left out of this download." : null,
    "",
    "data.json holds every section below; each section with something in it is also a CSV file",
    "that opens in a spreadsheet.",
    "",
    ...summaries.map(({ title, what, count, file }) => `- ${title} (${count === 0 ? "nothing" : `${count} ${count === 1 ? "row" : "rows"}, ${file}`}): ${what}`),
    "",
    "Where a teacher has deleted their account, their comments and marks read \"A former teacher\".",
  ].filter((l): l is string => l !== null);
  files["README.txt"] = `${lines.join("\r\n")}\r\n`;
  files["data.json"] = `${JSON.stringify({ exportedAt: meta.exportedAt.toISOString(), subject: meta.subject, ...record }, null, 2)}\n`;
  for (const { section, count, file } of summaries) if (count > 0) files[file] = sectionCsv(record[section]);
  return files;
}

/** "rebound-data-2026-12-02.zip", or "rebound-ada-lovelace-physics-9b-2026-12-02.zip" for a teacher's export. */
export function archiveFilename(parts: string[], now: Date): string {
  const slug = parts
    .map((p) =>
      p
        .normalize("NFD")
        .replace(/[\u0300-\u036f]/g, "")
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-+|-+$/g, "")
        .slice(0, 40),
    )
    .filter(Boolean)
    .join("-");
  return `rebound-${slug || "data"}-${now.toISOString().slice(0, 10)}.zip`;
}

/** The words a typed confirmation must match: the student's name, ignoring case and spaces around it. */
export function confirmsName(typed: string, name: string): boolean {
  const norm = (s: string) => s.normalize("NFC").trim().replace(/\s+/g, " ").toLowerCase();
  return norm(typed) !== "" && norm(typed) === norm(name);
}
