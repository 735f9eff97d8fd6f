// Helpers for the privacy tests (decision 012): a class where one teacher and
// one student leave a row in every place that can hold a person, the list of
// those places read from prisma/schema.prisma, and a scan of every text
// column of every table for a person's id, name or email.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { prisma } from "~/db.server";
import { issueSetupCode } from "~/models/setup-code.server";
import { createCoTeacherInvite } from "~/models/class-teachers.server";
import { createClassWithProject, createClassroom, createProject, createTeacher, enroll } from "./factories";
import { cookieFor } from "./routes";

/** A relation from a model to User, as the schema declares it (the side holding the foreign key). */
export interface UserRelation {
  model: string;
  relation: string;
  foreignKey: string;
}

/** Every field of every model that points at User, read from prisma/schema.prisma. */
export function userRelationsInSchema(): UserRelation[] {
  const schema = fs.readFileSync(path.resolve(import.meta.dirname, "../../prisma/schema.prisma"), "utf8");
  const found: UserRelation[] = [];
  for (const [, model, body] of schema.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)) {
    for (const raw of body.split("\n")) {
      const line = raw.replace(/\/\/.*$/, "").trim();
      const field = /^(\w+)\s+User\??\s+@relation\((.*)\)/.exec(line);
      if (!field) continue;
      const keys = /fields:\s*\[([^\]]+)\]/.exec(field[2]);
      if (!keys) continue;
      found.push({ model, relation: field[1], foreignKey: keys[1].trim() });
    }
  }
  return found;
}

const delegate = (model: string) => (prisma as unknown as Record<string, { count: (args: unknown) => Promise<number> }>)[model[0].toLowerCase() + model.slice(1)];

/** How many rows of the model point at the user through this relation. */
export function rowsPointingAt(relation: UserRelation, userId: string): Promise<number> {
  return delegate(relation.model).count({ where: { [relation.foreignKey]: userId } });
}

/**
 * Every (table, column) whose text holds one of the needles (case ignored),
 * over every table of the test database, on either engine.
 */
export async function scanDatabase(needles: string[]): Promise<string[]> {
  const postgres = /^postgres(ql)?:/.test(process.env.DATABASE_URL ?? "");
  const columns = postgres
    ? await prisma.$queryRawUnsafe<{ table: string; column: string }[]>(
        `SELECT table_name AS "table", column_name AS "column" FROM information_schema.columns
         WHERE table_schema = current_schema() AND data_type IN ('text', 'character varying')`,
      )
    : (
        await prisma.$queryRawUnsafe<{ table: string; column: string; type: string }[]>(
          `SELECT m.name AS "table", p.name AS "column", p.type AS "type" FROM sqlite_master m, pragma_table_info(m.name) p
           WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'`,
        )
      ).filter((c) => /TEXT|CHAR|CLOB|^$/i.test(c.type));
  const hits: string[] = [];
  for (const { table, column } of columns) {
    for (const needle of needles) {
      const quoted = `"${table.replace(/"/g, '""')}"."${column.replace(/"/g, '""')}"`;
      const sql = postgres
        ? `SELECT COUNT(*) AS n FROM "${table.replace(/"/g, '""')}" WHERE strpos(lower(${quoted}::text), lower($1)) > 0`
        : `SELECT COUNT(*) AS n FROM "${table.replace(/"/g, '""')}" WHERE instr(lower(CAST(${quoted} AS TEXT)), lower(?)) > 0`;
      const [row] = await prisma.$queryRawUnsafe<{ n: number | bigint }[]>(sql, needle);
      if (Number(row.n) > 0) hits.push(`${table}.${column} holds "${needle}" (${row.n} rows)`);
    }
  }
  return hits;
}

/** The files of a zip as text. */
export function unzipText(bytes: ArrayBuffer | Uint8Array): Record<string, string> {
  const files = unzipSync(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes));
  return Object.fromEntries(Object.entries(files).map(([name, data]) => [name, strFromU8(data)]));
}

/** Names found nowhere else, with a tag of letters that makes each seeded class's people distinct in one database. */
function distinctName(base: string) {
  const tag = Array.from({ length: 5 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join("");
  return `${base} ${tag[0].toUpperCase()}${tag.slice(1)}`;
}

/**
 * A class with a published project where the teacher and the student leave a
 * row in every place a person can be held: attempts (with confidence, self
 * checks, teacher marks, rule and teacher tags, an answer group), journal
 * entries (shared and draft, with a support request), comments with versions
 * on an attempt, a journal entry and the project, a reflection set aside, a
 * set-up code and sessions. Another student works too, so the class insight has data without
 * the student. The student is also in a second class of another teacher.
 */
export async function seedEverything() {
  const ctx = await createClassWithProject();
  const teacher = await prisma.user.update({ where: { id: ctx.teacher.id }, data: { name: distinctName("Quintessa Marlowe-Fenn") } });
  const student = await prisma.user.update({ where: { id: ctx.student.id }, data: { name: distinctName("Zephyrine Quillfeather") } });
  const { project, misconception, checkpoints, otherStudent } = ctx;
  const [choice, numeric, text] = checkpoints;
  const attempt = (studentId: string, c: (typeof checkpoints)[number], number: number, answer: string, outcome: string | null, confidence: number | null = null) =>
    prisma.attempt.create({ data: { studentId, checkpointId: c.id, checkpointVersionId: c.versions[0].id, number, answer, outcome, confidence } });

  const wrongChoice = await attempt(student.id, choice, 1, '["b"]', "NOT_YET", 4);
  const rightChoice = await attempt(student.id, choice, 2, '["a"]', "GOT_IT", 3);
  const numericTry = await attempt(student.id, numeric, 1, "-12.5", "NOT_YET", 2);
  const textTry = await attempt(student.id, text, 1, "It keeps going because Zephyrine pushed it", null, 3);
  await attempt(otherStudent.id, choice, 1, '["b"]', "NOT_YET");
  await attempt(otherStudent.id, choice, 2, '["a"]', "GOT_IT");
  const otherText = await attempt(otherStudent.id, text, 1, "The forces balance so the velocity stays the same", null);

  await prisma.attemptMisconception.create({ data: { attemptId: wrongChoice.id, misconceptionId: misconception.id, source: "RULE" } });
  await prisma.attemptMisconception.create({ data: { attemptId: numericTry.id, misconceptionId: misconception.id, source: "TEACHER", setById: teacher.id } });
  await prisma.attemptReview.create({ data: { attemptId: textTry.id, reviewerId: student.id, role: "SELF", verdict: "NOT_YET" } });
  await prisma.attemptReview.create({ data: { attemptId: textTry.id, reviewerId: teacher.id, role: "TEACHER", verdict: "NOT_YET", note: "Think about net force" } });
  await prisma.attemptReview.create({ data: { attemptId: otherText.id, reviewerId: teacher.id, role: "TEACHER", verdict: "GOT_IT" } });
  const group = await prisma.answerGroup.create({ data: { checkpointId: text.id, label: "Pushing keeps it moving", misconceptionId: misconception.id, createdById: teacher.id } });
  await prisma.answerGroupMember.create({ data: { groupId: group.id, attemptId: textTry.id, source: "TEACHER" } });
  await prisma.reflectionDismissal.create({ data: { attemptId: numericTry.id, studentId: student.id } });
  await issueSetupCode(student.id);
  await createCoTeacherInvite(ctx.classroom.id, teacher.id);
  await prisma.externalIdentity.create({ data: { userId: student.id, source: "oneroster", externalId: `sis-${student.id}` } });

  const shared = await prisma.journalEntry.create({
    data: {
      studentId: student.id,
      projectId: project.id,
      checkpointId: choice.id,
      attemptId: wrongChoice.id,
      responses: JSON.stringify([
        { question: "What happened?", answer: "I mixed up the ratio" },
        { question: "What would I do differently?", answer: "Write the ratio down before choosing" },
      ]),
      supportNeeded: true,
      confidence: 2,
      status: "SUBMITTED",
      submittedAt: new Date(),
    },
  });
  // How the plan in that entry went, after the next attempt (decision 017).
  await prisma.planFollowUp.create({ data: { journalEntryId: shared.id, attemptId: rightChoice.id, result: "HELPED" } });
  await prisma.journalEntry.create({
    data: { studentId: student.id, projectId: project.id, responses: JSON.stringify([{ question: null, answer: "A private draft about my week" }]), status: "DRAFT" },
  });
  await prisma.journalEntry.create({
    data: { studentId: otherStudent.id, projectId: project.id, responses: JSON.stringify([{ question: null, answer: "Other student's reflection" }]), status: "SUBMITTED", submittedAt: new Date() },
  });
  const onAttempt = await prisma.teacherComment.create({
    data: { authorId: teacher.id, studentId: student.id, projectId: project.id, attemptId: wrongChoice.id, versions: { create: [{ version: 1, body: "Look at the ratio again" }, { version: 2, body: "Look at the ratio again: which one is on top?" }] } },
  });
  await prisma.teacherComment.create({
    data: { authorId: teacher.id, studentId: student.id, projectId: project.id, journalEntryId: shared.id, versions: { create: { version: 1, body: "Thanks for asking for help" } } },
  });
  await prisma.teacherComment.create({ data: { authorId: teacher.id, studentId: student.id, projectId: project.id, versions: { create: { version: 1, body: "Good persistence overall" } } } });
  const toOther = await prisma.teacherComment.create({
    data: { authorId: teacher.id, studentId: otherStudent.id, projectId: project.id, attemptId: otherText.id, versions: { create: { version: 1, body: "Nicely put" } } },
  });

  // Group feedback on the misconception, received by the student and opened once; a learning goal from it, with notes from both.
  const feedback = await prisma.groupFeedback.create({
    data: { projectId: project.id, authorId: teacher.id, targetKind: "MISCONCEPTION", misconceptionId: misconception.id, targetLabel: misconception.name, body: "Everyone: check the ratio" },
  });
  const received = await prisma.teacherComment.create({
    data: {
      authorId: teacher.id,
      studentId: student.id,
      projectId: project.id,
      attemptId: numericTry.id,
      groupFeedbackId: feedback.id,
      firstReadAt: new Date(),
      versions: { create: { version: 1, body: "Everyone: check the ratio" } },
    },
  });
  const goal = await prisma.learningGoal.create({
    data: { studentId: student.id, classroomId: ctx.classroom.id, projectId: project.id, commentId: received.id, text: "Check which quantity goes on top", targetDate: new Date("2030-01-15"), status: "REACHED" },
  });
  await prisma.learningGoalNote.create({ data: { goalId: goal.id, authorId: student.id, role: "STUDENT", body: "Practised with three questions", status: "REACHED" } });
  await prisma.learningGoalNote.create({ data: { goalId: goal.id, authorId: teacher.id, role: "TEACHER", body: "Well spotted" } });
  await prisma.learningGoal.create({ data: { studentId: student.id, classroomId: ctx.classroom.id, projectId: project.id, attemptId: wrongChoice.id, text: "Read every option first" } });
  // A class failure session (decision 019): the student's posts (one on the board, one withdrawn), their
  // note and reaction on a classmate's post, and the classmate's note and reaction on theirs.
  const session = await prisma.failureSession.create({ data: { projectId: project.id, prompt: "What didn't go as planned?", endsAt: new Date(Date.now() + 600_000), batches: 1 } });
  const ownPost = await prisma.failurePost.create({
    data: { sessionId: session.id, studentId: student.id, setback: "I rushed the ratio question", learned: "Slow down on ratios", status: "RELEASED", batch: 1 },
  });
  await prisma.failurePost.create({ data: { sessionId: session.id, studentId: student.id, setback: "A private worry", learned: "Ask earlier", withdrawnAt: new Date() } });
  const otherPost = await prisma.failurePost.create({
    data: { sessionId: session.id, studentId: otherStudent.id, setback: "I forgot the units", learned: "Units first", status: "RELEASED", batch: 1 },
  });
  await prisma.failureNote.create({ data: { sessionId: session.id, postId: otherPost.id, studentId: student.id, text: "Writing units beside numbers helped me", status: "RELEASED", batch: 1 } });
  const classmateNote = await prisma.failureNote.create({ data: { sessionId: session.id, postId: ownPost.id, studentId: otherStudent.id, text: "Reading it twice helped me", status: "RELEASED", batch: 1 } });
  await prisma.failureReaction.create({ data: { postId: otherPost.id, studentId: student.id, kind: "ME_TOO" } });
  await prisma.failureReaction.create({ data: { postId: ownPost.id, studentId: otherStudent.id, kind: "THANKS" } });
  // Both of them came in from an LMS once (decision 023).
  // A platform of its own per call: a test file seeds this world more than once, and (issuer, client id) is unique.
  const lms = `https://lms-${randomUUID().slice(0, 8)}.school.example`;
  const platform = await prisma.ltiPlatform.create({
    data: { name: "School LMS", issuer: lms, clientId: "rebound", authUrl: `${lms}/auth`, tokenUrl: `${lms}/token`, jwksUrl: `${lms}/jwks` },
  });
  await prisma.ltiIdentity.create({ data: { platformId: platform.id, sub: "lms-student-1", userId: student.id } });
  await prisma.ltiIdentity.create({ data: { platformId: platform.id, sub: "lms-teacher-1", userId: teacher.id } });
  // A launch from a frame waiting to continue in a new tab (decision 023).
  await prisma.ltiHandoff.create({ data: { id: `handoff-${student.id}`, userId: student.id, redirectTo: "/learn", expiresAt: new Date(Date.now() + 120_000) } });

  // The student's second class, with another teacher: untouched when the first teacher deletes their data.
  const elsewhereTeacher = await createTeacher();
  const elsewhere = await createClassroom(elsewhereTeacher.id, "Chemistry 10A");
  await enroll(elsewhere.id, student.id);
  const elsewhereProject = await createProject(elsewhere.id, { title: "Reactions" });
  const elsewhereAttempt = await prisma.attempt.create({
    data: { studentId: student.id, checkpointId: elsewhereProject.checkpoints[0].id, checkpointVersionId: elsewhereProject.checkpoints[0].versions[0].id, number: 1, answer: '["c"]', outcome: "NOT_YET" },
  });

  return {
    ...ctx,
    teacher,
    student,
    ids: {
      goal: goal.id,
      feedback: feedback.id,
      received: received.id,
      wrongChoice: wrongChoice.id,
      rightChoice: rightChoice.id,
      textTry: textTry.id,
      otherText: otherText.id,
      group: group.id,
      shared: shared.id,
      onAttempt: onAttempt.id,
      toOther: toOther.id,
      failurePost: ownPost.id,
      classmateNote: classmateNote.id,
    },
    elsewhere: { teacher: elsewhereTeacher, classroom: elsewhere, project: elsewhereProject.project, attemptId: elsewhereAttempt.id },
    teacherCookie: await cookieFor(teacher.id),
    studentCookie: await cookieFor(student.id),
    otherStudentCookie: await cookieFor(otherStudent.id),
  };
}

