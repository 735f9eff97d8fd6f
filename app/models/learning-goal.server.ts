// Learning goals (decision 018): a student sets one in their own words from a
// teacher's comment or a "not yet"; it belongs to the student in the class, so
// it shows on every project of that class. Its text stays as written; notes
// and status changes are added, never overwritten. The teacher of the class
// sees the class's goals and comments on them.
//
// Student functions take the project the student's guard proved
// (EnrolledProject) and keep the student's id in every `where`; teacher
// functions keep the teacher's id in the class's `where`.
import { prisma } from "~/db.server";
import { describeAnswer } from "~/domain/answer-display";
import { parseSpec } from "~/domain/checkpoint-spec";
import { isGoalStatus, orderGoals, type GoalStatus } from "~/domain/learning-goals";
import { teacherName } from "~/domain/labels";
import { effectiveOutcome } from "~/domain/progress";
import type { EnrolledProject } from "~/models/project.server";
import { lockRow } from "~/utils/row-locks.server";
import { taughtBy } from "~/models/class-teachers.server";

export type GoalSourceRef = { kind: "comment" | "attempt"; id: string };

/** What a goal grows from, as the student sees it beside the form. */
export interface GoalSource {
  kind: "comment" | "attempt";
  id: string;
  projectId: string;
  /** The comment's latest text, or the "not yet" answer. */
  text: string;
  /** "Your teacher's comment on attempt 2 of Forces in balance", "Your “not yet” on …". */
  about: string;
}

function answerText(spec: string, answer: string) {
  try {
    return describeAnswer(parseSpec(spec), answer);
  } catch {
    return answer;
  }
}

/**
 * The student's own comment or "not yet" attempt in a project of the class the
 * student is in (through `project`), or null: someone else's, another class's,
 * or an attempt that is not (or no longer) a "not yet".
 */
export async function findGoalSource(studentId: string, project: EnrolledProject, ref: GoalSourceRef): Promise<GoalSource | null> {
  const inClass = { classroomId: project.classroomId, status: "PUBLISHED" };
  if (ref.kind === "comment") {
    const comment = await prisma.teacherComment.findFirst({
      where: { id: ref.id, studentId, project: inClass },
      select: {
        id: true,
        projectId: true,
        attempt: { select: { number: true, checkpointVersion: { select: { title: true } } } },
        journalEntryId: true,
        versions: { orderBy: { version: "desc" }, take: 1, select: { body: true } },
      },
    });
    if (!comment) return null;
    const about = comment.attempt
      ? `Your teacher's comment on attempt ${comment.attempt.number} of “${comment.attempt.checkpointVersion.title}”`
      : comment.journalEntryId
        ? "Your teacher's comment on your journal entry"
        : "Your teacher's comment on your work in the project";
    return { kind: "comment", id: comment.id, projectId: comment.projectId, text: comment.versions[0]?.body ?? "", about };
  }
  const attempt = await prisma.attempt.findFirst({
    where: { id: ref.id, studentId, checkpoint: { project: inClass } },
    select: {
      id: true,
      number: true,
      answer: true,
      outcome: true,
      createdAt: true,
      reviews: { orderBy: { createdAt: "asc" }, select: { role: true, verdict: true, createdAt: true } },
      checkpoint: { select: { projectId: true } },
      checkpointVersion: { select: { title: true, spec: true } },
    },
  });
  if (!attempt || effectiveOutcome(attempt) !== "NOT_YET") return null;
  return {
    kind: "attempt",
    id: attempt.id,
    projectId: attempt.checkpoint.projectId,
    text: answerText(attempt.checkpointVersion.spec, attempt.answer),
    about: `Your “not yet” on attempt ${attempt.number} of “${attempt.checkpointVersion.title}”`,
  };
}

export type SetGoalResult = { ok: true; goalId: string } | { ok: false; reason: "source-not-found" };

/** Sets a goal from the student's own comment or "not yet"; it belongs to the class of the project. */
export async function setLearningGoal(studentId: string, project: EnrolledProject, input: { source: GoalSourceRef; text: string; targetDate: Date | null }): Promise<SetGoalResult> {
  const source = await findGoalSource(studentId, project, input.source);
  if (!source) return { ok: false, reason: "source-not-found" };
  const goal = await prisma.learningGoal.create({
    data: {
      studentId,
      classroomId: project.classroomId,
      projectId: source.projectId,
      commentId: source.kind === "comment" ? source.id : null,
      attemptId: source.kind === "attempt" ? source.id : null,
      text: input.text,
      targetDate: input.targetDate,
    },
    select: { id: true },
  });
  return { ok: true, goalId: goal.id };
}

export type GoalNoteResult = { ok: true; statusChanged: GoalStatus | null } | { ok: false; reason: "goal-not-found" | "nothing-new" };

/**
 * Adds the student's note to their own goal in the class, and a new status
 * when it differs from the current one (the note records the change). Choosing
 * the status it already has, with no text, adds nothing.
 */
export async function addStudentGoalNote(
  studentId: string,
  project: EnrolledProject,
  input: { goalId: string; body: string; status: GoalStatus | null },
): Promise<GoalNoteResult> {
  const goal = await prisma.learningGoal.findFirst({ where: { id: input.goalId, studentId, classroomId: project.classroomId }, select: { id: true } });
  if (!goal) return { ok: false, reason: "goal-not-found" };
  return prisma.$transaction(async (tx): Promise<GoalNoteResult> => {
    await lockRow(tx, "LearningGoal", goal.id);
    const current = await tx.learningGoal.findUniqueOrThrow({ where: { id: goal.id }, select: { status: true } });
    const statusChanged = input.status && input.status !== current.status ? input.status : null;
    if (!statusChanged && !input.body) return { ok: false, reason: "nothing-new" };
    await tx.learningGoalNote.create({ data: { goalId: goal.id, authorId: studentId, role: "STUDENT", body: input.body, status: statusChanged } });
    await tx.learningGoal.update({ where: { id: goal.id }, data: statusChanged ? { status: statusChanged } : { updatedAt: new Date() } });
    return { ok: true, statusChanged };
  });
}

const goalSelect = {
  id: true,
  text: true,
  targetDate: true,
  status: true,
  createdAt: true,
  updatedAt: true,
  project: { select: { id: true, title: true } },
  comment: { select: { id: true, versions: { orderBy: { version: "desc" }, take: 1, select: { body: true } } } },
  attempt: { select: { id: true, number: true, checkpointId: true, checkpointVersion: { select: { title: true } } } },
  notes: {
    orderBy: { createdAt: "asc" },
    select: { id: true, role: true, body: true, status: true, createdAt: true, author: { select: { name: true } } },
  },
} as const;

type GoalRow = Awaited<ReturnType<typeof readGoals>>[number];

function readGoals(where: NonNullable<Parameters<typeof prisma.learningGoal.findMany>[0]>["where"]) {
  return prisma.learningGoal.findMany({ where, select: { ...goalSelect, student: { select: { id: true, name: true } } } });
}

/** A stored status as the pages read it (one they do not know reads as still working on it). */
const goalStatusOf = (status: string): GoalStatus => (isGoalStatus(status) ? status : "WORKING");

function goalView(g: GoalRow) {
  return {
    id: g.id,
    text: g.text,
    targetDate: g.targetDate,
    status: goalStatusOf(g.status),
    createdAt: g.createdAt,
    updatedAt: g.updatedAt,
    student: g.student,
    project: g.project,
    from: g.comment
      ? { kind: "comment" as const, text: g.comment.versions[0]?.body ?? "" }
      : g.attempt
        ? { kind: "attempt" as const, text: `Attempt ${g.attempt.number} of “${g.attempt.checkpointVersion.title}”`, checkpointId: g.attempt.checkpointId, attemptId: g.attempt.id }
        : null,
    notes: g.notes.map((n) => ({ id: n.id, role: n.role, body: n.body, status: n.status, createdAt: n.createdAt, authorName: n.role === "TEACHER" ? teacherName(n.author) : null })),
  };
}

export type GoalView = ReturnType<typeof goalView>;

/** The student's goals in the class of the project (every project of that class), working ones first. */
export async function listOwnGoals(studentId: string, project: EnrolledProject): Promise<GoalView[]> {
  return orderGoals((await readGoals({ studentId, classroomId: project.classroomId })).map(goalView));
}

/**
 * The student's goals in the class as a project page lists them (text, date, status), in the same order: one query,
 * where `listOwnGoals` reads each goal's source and notes too (decision 016: fewer statements per student page).
 */
export async function listOwnGoalSummaries(studentId: string, project: EnrolledProject) {
  // A plain statement (decision 016: every student's project page shows the goals).
  const rows = await prisma.$queryRaw<{ id: string; text: string; targetDate: Date | null; status: string; createdAt: Date }[]>`
    SELECT "id", "text", "targetDate", "status", "createdAt" FROM "LearningGoal"
    WHERE "studentId" = ${studentId} AND "classroomId" = ${project.classroomId}`;
  return orderGoals(rows.map((g) => ({ ...g, status: goalStatusOf(g.status) })));
}

/** The class's goals for its teacher, by student; null when the class is not the teacher's. */
export async function listClassGoals(teacherId: string, classroomId: string) {
  const classroom = await prisma.classroom.findFirst({ where: { id: classroomId, ...taughtBy(teacherId) }, select: { id: true, name: true } });
  if (!classroom) return null;
  const goals = orderGoals((await readGoals({ classroomId: classroom.id, classroom: taughtBy(teacherId) })).map(goalView));
  return { classroom, goals };
}

/** The teacher's comment on a goal of their class (a note, kept as written). False when it is not a goal of their class. */
export async function commentOnGoal(teacherId: string, classroomId: string, goalId: string, body: string): Promise<boolean> {
  const goal = await prisma.learningGoal.findFirst({ where: { id: goalId, classroomId, classroom: taughtBy(teacherId) }, select: { id: true } });
  if (!goal) return false;
  await prisma.$transaction([
    prisma.learningGoalNote.create({ data: { goalId: goal.id, authorId: teacherId, role: "TEACHER", body } }),
    prisma.learningGoal.update({ where: { id: goal.id }, data: { updatedAt: new Date() } }),
  ]);
  return true;
}

/** Where goals were set from, for marking the comments and "not yet"s that already have one. */
export async function goalSourcesInProject(studentId: string, projectId: string) {
  const rows = await prisma.learningGoal.findMany({ where: { studentId, projectId }, select: { commentId: true, attemptId: true } });
  return { comments: new Set(rows.flatMap((r) => (r.commentId ? [r.commentId] : []))), attempts: new Set(rows.flatMap((r) => (r.attemptId ? [r.attemptId] : []))) };
}
