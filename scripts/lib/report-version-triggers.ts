// The database triggers that keep ProjectDataVersion current (decision 015):
// every insert, update or delete of a row the insight report reads adds 1 to
// its project's `version`, inside the writing transaction; a delete adds 1 to
// `deletions` too. Written here once for both engines, so a migration that has
// to write them again (SQLite drops a table's triggers when a migration
// redefines the table) prints them with
//   npx tsx scripts/report-version-triggers.ts --engine sqlite|postgres [Table …]
// and tests/integration/report-version.test.ts checks that the migrated
// database has every one of them.

/** A set of project ids, written for the row `row` ("NEW" or "OLD"). */
type ProjectsOf = (row: "NEW" | "OLD") => string;

export interface TrackedTable {
  table: string;
  /** SQL: the projects a row of this table belongs to, as a subquery or a single value. */
  projects: ProjectsOf;
  /** When only some rows matter (SQL condition on the row); default every row. */
  when?: (row: "NEW" | "OLD") => string;
  /** Only updates matter (the table's inserts and deletes are covered by other tables' triggers). */
  updatesOnly?: true;
  /** A row belongs to several projects (`projects` selects their ids as "id"); otherwise to exactly one. */
  many?: true;
  /** What the report reads from it, for the decision record and the test's messages. */
  reads: string;
}

const viaCheckpoint: ProjectsOf = (row) => `SELECT "projectId" FROM "Checkpoint" WHERE "id" = ${row}."checkpointId"`;
const viaAttempt: ProjectsOf = (row) =>
  `SELECT c."projectId" FROM "Attempt" a JOIN "Checkpoint" c ON c."id" = a."checkpointId" WHERE a."id" = ${row}."attemptId"`;

/** Every table whose rows the report (and its short-answer groups) is built from. */
export const TRACKED_TABLES: TrackedTable[] = [
  { table: "Attempt", projects: viaCheckpoint, reads: "every attempt" },
  { table: "AttemptReview", projects: viaAttempt, reads: "self-assessments and teacher marks" },
  { table: "AttemptMisconception", projects: viaAttempt, reads: "misconception tags (added, toggled, removed)" },
  {
    table: "JournalEntry",
    projects: (row) => `SELECT ${row}."projectId"`,
    when: (row) => `${row}."status" = 'SUBMITTED'`,
    reads: "submitted journal entries (drafts are not in the report)",
  },
  { table: "Checkpoint", projects: (row) => `SELECT ${row}."projectId"`, reads: "checkpoints: position, kind, archived" },
  { table: "CheckpointVersion", projects: viaCheckpoint, reads: "checkpoint versions: title, spec" },
  { table: "Misconception", projects: (row) => `SELECT ${row}."projectId"`, reads: "misconceptions: name (and description, next step for the groups)" },
  { table: "AnswerGroup", projects: viaCheckpoint, reads: "the teacher's answer groups" },
  {
    table: "PlanFollowUp",
    projects: (row) => `SELECT "projectId" FROM "JournalEntry" WHERE "id" = ${row}."journalEntryId"`,
    reads: "how students' plans went (the plans section)",
  },
  { table: "CheckpointRecheck", projects: viaCheckpoint, reads: "checkpoints marked as re-checks of misconceptions (lasting recovery)" },
  {
    table: "AnswerGroupMember",
    projects: (row) => `SELECT c."projectId" FROM "AnswerGroup" g JOIN "Checkpoint" c ON c."id" = g."checkpointId" WHERE g."id" = ${row}."groupId"`,
    reads: "answers placed in or moved out of groups",
  },
  {
    table: "Enrollment",
    projects: (row) => `SELECT "id" FROM "Project" WHERE "classroomId" = ${row}."classroomId"`,
    many: true,
    reads: "the class's students, removed or not (every project of the class)",
  },
  {
    table: "User",
    projects: (row) => `SELECT p."id" FROM "Project" p JOIN "Enrollment" e ON e."classroomId" = p."classroomId" WHERE e."studentId" = ${row}."id"`,
    many: true,
    updatesOnly: true,
    reads: "students' names and emails (every project of every class they are in; a user is deleted only after their enrolments)",
  },
];

/**
 * Tables the report does not read, each with the reason, so a new table has to
 * be placed in one list or the other (the test fails otherwise).
 */
export const UNTRACKED_TABLES: Record<string, string> = {
  Session: "signed-in browsers",
  SetupCode: "password set-up codes",
  Classroom: "the class row itself: its name is read by the pages' guard, not the report",
  ClassTeacher: "who teaches the class: read by the guard (taughtBy), not the report",
  ClassTeacherInvite: "co-teacher invitation codes",
  Project: "the project row: its title and status come from the guard; a trigger only makes its version row",
  ReflectionPrompt: "prompts; entries carry a snapshot of their questions",
  TeacherComment: "comments are not in the report",
  TeacherCommentVersion: "comments are not in the report",
  ReflectionDismissal: "reflections set aside are not in the report",
  GroupFeedback: "group feedback reaches students as comments, which are not in the report",
  LearningGoal: "learning goals have their own class page, not the report",
  LearningGoalNote: "learning goals have their own class page, not the report",
  FailureSession: "the class failure session has its own board, not the report",
  FailurePost: "the class failure session has its own board, not the report",
  FailureNote: "the class failure session has its own board, not the report",
  FailureReaction: "the class failure session has its own board, not the report",
  AgreedAction: "agreed actions are shown with the session and the next project, not in the report",
  RateLimit: "rate-limit counters",
  ProjectDataVersion: "the versions themselves",
  PendingImport: "a question file waiting for the teacher's \"Import\": nothing of it is in the report until imported, and then as checkpoints and misconceptions (tracked)",
  QuestionImage: "pictures in questions: the report reads no picture",
  ExternalIdentity: "a person's id in a school's student information system (roster import, decision 024): the report reads no such id",
  PendingRoster: "a roster file waiting for the teacher's \"Import\": it reaches the report only as enrolments (tracked) once imported",
  LtiPlatform: "an LMS registration (decision 023): site administration, not a class's work",
  LtiDeployment: "an LMS's deployment ids (decision 023)",
  LtiToolKey: "Rebound's LTI signing keys (decision 023)",
  LtiLoginState: "an LTI login in progress (decision 023)",
  LtiNonce: "nonces of LTI launches already used (decision 023)",
  LtiIdentity: "who a person is in an LMS (decision 023): students' names come from User, which is tracked",
  LtiContext: "which LMS course a class is (decision 023)",
  LtiResourceLink: "which project an LMS link opens (decision 023)",
  LtiDeepLinkRequest: "a teacher's open request to place a project in an LMS course (decision 023)",
  LtiHandoff: "an LMS launch continuing in a new tab (decision 023): a sign-in about to begin",
};

const VERSION_TABLE = `"ProjectDataVersion"`;

export function triggerName(table: string, op?: "insert" | "update" | "delete") {
  return op ? `${table}_report_version_${op}` : `${table}_report_version`;
}

const ops = (t: TrackedTable) => (t.updatesOnly ? (["update"] as const) : (["insert", "update", "delete"] as const));

/**
 * SQLite: three triggers per table (AFTER INSERT, UPDATE, DELETE). A row of one
 * project bumps it with `= (subquery)`; SQLite runs `IN (subquery)` inside a
 * trigger far slower (measured: a bulk insert of the bench's class took 5×
 * as long). Rows of several projects (`many`) join the projects with UPDATE … FROM.
 */
export function sqliteTriggers(tables: TrackedTable[] = TRACKED_TABLES): string {
  const out: string[] = [];
  for (const t of tables) {
    for (const op of ops(t)) {
      const bump = op === "delete" ? `"version" = "version" + 1, "deletions" = "deletions" + 1` : `"version" = "version" + 1`;
      let statements: string[];
      if (t.many) {
        const rows = op === "insert" ? t.projects("NEW") : op === "delete" ? t.projects("OLD") : `${t.projects("OLD")} UNION ${t.projects("NEW")}`;
        statements = [`UPDATE ${VERSION_TABLE} SET ${bump} FROM (${rows}) AS "p" WHERE ${VERSION_TABLE}."projectId" = "p"."id";`];
      } else if (op === "update") {
        // Both projects when a row moved from one to another, once when it did not.
        statements = [
          `UPDATE ${VERSION_TABLE} SET ${bump} WHERE "projectId" = (${t.projects("OLD")});`,
          `UPDATE ${VERSION_TABLE} SET ${bump} WHERE "projectId" = (${t.projects("NEW")}) AND "projectId" IS NOT (${t.projects("OLD")});`,
        ];
      } else {
        statements = [`UPDATE ${VERSION_TABLE} SET ${bump} WHERE "projectId" = (${t.projects(op === "insert" ? "NEW" : "OLD")});`];
      }
      const when = t.when ? (op === "insert" ? t.when("NEW") : op === "delete" ? t.when("OLD") : `${t.when("OLD")} OR ${t.when("NEW")}`) : null;
      out.push(
        `CREATE TRIGGER "${triggerName(t.table, op)}" AFTER ${op.toUpperCase()} ON "${t.table}"${when ? ` WHEN ${when}` : ""}\nBEGIN\n` +
          statements.map((x) => `  ${x}\n`).join("") +
          `END;`,
      );
    }
  }
  return out.join("\n\n") + "\n";
}

/** PostgreSQL: one PL/pgSQL function and one row trigger per table. */
export function postgresTriggers(tables: TrackedTable[] = TRACKED_TABLES): string {
  const out: string[] = [];
  for (const t of tables) {
    const name = triggerName(t.table);
    const guard = (row: "NEW" | "OLD", body: string) => (t.when ? `IF ${t.when(row)} THEN ${body} END IF;` : body);
    const update = (row: "NEW" | "OLD", extra = "") => `UPDATE ${VERSION_TABLE} SET "version" = "version" + 1${extra} WHERE "projectId" IN (${t.projects(row)});`;
    const updateBoth = `UPDATE ${VERSION_TABLE} SET "version" = "version" + 1 WHERE "projectId" IN (${t.projects("OLD")} UNION ${t.projects("NEW")});`;
    const branches = t.updatesOnly
      ? `  ${updateBoth}`
      : [
          `  IF TG_OP = 'INSERT' THEN`,
          `    ${guard("NEW", update("NEW"))}`,
          `  ELSIF TG_OP = 'UPDATE' THEN`,
          `    ${t.when ? `IF ${t.when("OLD")} OR ${t.when("NEW")} THEN ${updateBoth} END IF;` : updateBoth}`,
          `  ELSE`,
          `    ${guard("OLD", update("OLD", `, "deletions" = "deletions" + 1`))}`,
          `  END IF;`,
        ].join("\n");
    const events = t.updatesOnly ? "UPDATE" : "INSERT OR UPDATE OR DELETE";
    out.push(
      `CREATE FUNCTION "${name}"() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n${branches}\n  RETURN NULL;\nEND;\n$$;\n` +
        `CREATE TRIGGER "${name}" AFTER ${events} ON "${t.table}" FOR EACH ROW EXECUTE FUNCTION "${name}"();`,
    );
  }
  return out.join("\n\n") + "\n";
}

/** Makes the version row of each new project, and of the projects already there. */
export function projectRowSql(engine: "sqlite" | "postgres"): string {
  const insert = engine === "sqlite" ? `INSERT OR IGNORE INTO ${VERSION_TABLE} ("projectId")` : `INSERT INTO ${VERSION_TABLE} ("projectId")`;
  const ignore = engine === "sqlite" ? "" : ` ON CONFLICT DO NOTHING`;
  const backfill = `${insert} SELECT "id" FROM "Project"${ignore};`;
  const trigger =
    engine === "sqlite"
      ? `CREATE TRIGGER "Project_report_version_insert" AFTER INSERT ON "Project"\nBEGIN\n  ${insert} VALUES (NEW."id");\nEND;`
      : `CREATE FUNCTION "Project_report_version"() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n  ${insert} VALUES (NEW."id")${ignore};\n  RETURN NULL;\nEND;\n$$;\n` +
        `CREATE TRIGGER "Project_report_version" AFTER INSERT ON "Project" FOR EACH ROW EXECUTE FUNCTION "Project_report_version"();`;
  return `${backfill}\n\n${trigger}\n`;
}
