// Feedback a teacher writes once for a group (decision 018): an answer group,
// a misconception, or a multiple-choice option. Each student in the group
// receives it as their own TeacherComment on their latest attempt in the group,
// linked to the GroupFeedback row; an edit adds a version to every one of those
// comments. Students who join the group later receive it when deliveries are
// caught up (after an attempt, after the teacher's tag and group commands, and
// when the teacher opens the feedback), unless the teacher turned that off.
//
// Every teacher function takes the project its guard proved (OwnedProject) and
// keeps it in the `where`; students are only ever reached through their own
// attempts in that project's class.
import { prisma } from "~/db.server";
import { parseSpec } from "~/domain/checkpoint-spec";
import { choseOption, planDeliveries, receiptState, type MemberAttempt, type TargetRef } from "~/domain/group-feedback";
import type { Prisma } from "~/generated/prisma/client";
import type { OwnedProject } from "~/models/project.server";
import { isUniqueViolation } from "~/utils/prisma-errors.server";
import { lockRow } from "~/utils/row-locks.server";

type Tx = Prisma.TransactionClient;

/** A target found in the teacher's project, with what to call it. */
export interface ResolvedTarget {
  kind: TargetRef["kind"];
  answerGroupId: string | null;
  misconceptionId: string | null;
  checkpointId: string | null;
  optionId: string | null;
  label: string;
  checkpointTitle: string | null;
}

const latestTitle = { versions: { orderBy: { version: "desc" }, take: 1, select: { title: true, spec: true } } } as const;

/** The target in the project, or null when it is not there (or not the teacher's). */
export async function resolveTarget(project: OwnedProject, target: TargetRef): Promise<ResolvedTarget | null> {
  switch (target.kind) {
    case "ANSWER_GROUP": {
      const group = await prisma.answerGroup.findFirst({
        where: { id: target.answerGroupId, checkpoint: { projectId: project.id } },
        select: { id: true, label: true, checkpointId: true, checkpoint: { select: latestTitle } },
      });
      if (!group) return null;
      return { kind: "ANSWER_GROUP", answerGroupId: group.id, misconceptionId: null, checkpointId: group.checkpointId, optionId: null, label: group.label, checkpointTitle: group.checkpoint.versions[0]?.title ?? null };
    }
    case "MISCONCEPTION": {
      const m = await prisma.misconception.findFirst({ where: { id: target.misconceptionId, projectId: project.id }, select: { id: true, name: true } });
      if (!m) return null;
      return { kind: "MISCONCEPTION", answerGroupId: null, misconceptionId: m.id, checkpointId: null, optionId: null, label: m.name, checkpointTitle: null };
    }
    case "OPTION": {
      const checkpoint = await prisma.checkpoint.findFirst({
        where: { id: target.checkpointId, projectId: project.id, kind: "MULTIPLE_CHOICE" },
        select: { id: true, versions: { orderBy: { version: "desc" }, select: { title: true, spec: true } } },
      });
      if (!checkpoint) return null;
      // The option's text in the latest version that has it (ids stay across versions).
      for (const version of checkpoint.versions) {
        const spec = safeSpec(version.spec);
        const option = spec?.kind === "MULTIPLE_CHOICE" ? spec.options.find((o) => o.id === target.optionId) : undefined;
        if (option) {
          return { kind: "OPTION", answerGroupId: null, misconceptionId: null, checkpointId: checkpoint.id, optionId: option.id, label: option.text, checkpointTitle: checkpoint.versions[0]?.title ?? null };
        }
      }
      return null;
    }
  }
}

function safeSpec(json: string) {
  try {
    return parseSpec(json);
  } catch {
    return null;
  }
}

type TargetColumns = Pick<ResolvedTarget, "answerGroupId" | "misconceptionId" | "checkpointId" | "optionId"> & { kind: string };

/**
 * The attempts that put a student of the class in the group now: students
 * actively in the class (a removed student's work is kept but receives
 * nothing new). A target whose group, misconception or checkpoint has gone has
 * no members.
 */
export async function groupMembers(projectId: string, classroomId: string, target: TargetColumns, studentId?: string): Promise<MemberAttempt[]> {
  const base: Prisma.AttemptWhereInput = {
    checkpoint: { projectId },
    student: { role: "STUDENT", enrollments: { some: { classroomId, removedAt: null } } },
    ...(studentId ? { studentId } : {}),
  };
  let where: Prisma.AttemptWhereInput;
  if (target.kind === "ANSWER_GROUP" && target.answerGroupId) {
    where = { ...base, groupMemberships: { some: { groupId: target.answerGroupId, excluded: false } } };
  } else if (target.kind === "MISCONCEPTION" && target.misconceptionId) {
    where = { ...base, misconceptions: { some: { misconceptionId: target.misconceptionId, active: true } } };
  } else if (target.kind === "OPTION" && target.checkpointId && target.optionId) {
    where = { ...base, checkpointId: target.checkpointId };
  } else {
    return [];
  }
  const rows = await prisma.attempt.findMany({ where, select: { id: true, studentId: true, createdAt: true, number: true, answer: true } });
  const optionId = target.kind === "OPTION" ? target.optionId : null;
  return rows
    .filter((r) => (optionId ? choseOption(r.answer, optionId) : true))
    .map((r) => ({ attemptId: r.id, studentId: r.studentId, createdAt: r.createdAt, number: r.number }));
}

interface FeedbackRow extends TargetColumns {
  id: string;
  projectId: string;
  authorId: string | null;
  body: string;
  reachLater: boolean;
  project: { classroomId: string };
}

const feedbackRowSelect = {
  id: true,
  projectId: true,
  authorId: true,
  targetKind: true,
  answerGroupId: true,
  misconceptionId: true,
  checkpointId: true,
  optionId: true,
  body: true,
  reachLater: true,
  project: { select: { classroomId: true } },
} as const;

async function loadRow(where: Prisma.GroupFeedbackWhereInput): Promise<FeedbackRow | null> {
  const row = await prisma.groupFeedback.findFirst({ where, select: feedbackRowSelect });
  return row ? { ...row, kind: row.targetKind } : null;
}

/**
 * Gives the feedback to each member who has not got it yet: a comment on their
 * latest attempt in the group, whose first version is the feedback's current
 * text. Runs under the feedback's row lock, and the unique (feedback, student)
 * pair keeps two deliveries at once from giving anyone a second copy.
 */
async function deliver(row: FeedbackRow, options: { first: boolean; studentId?: string }): Promise<number> {
  if (!options.first && !row.reachLater) return 0;
  const members = await groupMembers(row.projectId, row.project.classroomId, row, options.studentId);
  if (members.length === 0) return 0;
  try {
    return await prisma.$transaction(async (tx: Tx) => {
      await lockRow(tx, "GroupFeedback", row.id);
      const current = await tx.groupFeedback.findUnique({ where: { id: row.id }, select: { body: true, reachLater: true } });
      if (!current || (!options.first && !current.reachLater)) return 0;
      const received = await tx.teacherComment.findMany({
        where: { groupFeedbackId: row.id, studentId: { in: [...new Set(members.map((m) => m.studentId))] } },
        select: { studentId: true },
      });
      const plan = planDeliveries(members, new Set(received.map((r) => r.studentId)), { first: options.first, reachLater: current.reachLater });
      for (const d of plan) {
        await tx.teacherComment.create({
          data: {
            authorId: row.authorId,
            studentId: d.studentId,
            projectId: row.projectId,
            attemptId: d.attemptId,
            groupFeedbackId: row.id,
            versions: { create: { version: 1, body: current.body } },
          },
        });
      }
      return plan.length;
    });
  } catch (error) {
    // Another request delivered to the same student at the same moment: theirs stands.
    if (isUniqueViolation(error)) return 0;
    throw error;
  }
}

export type SendResult = { ok: true; id: string; delivered: number } | { ok: false; reason: "target-not-found" | "no-one" };

/** Writes feedback for a group of the teacher's project and gives it to everyone in the group now. */
export async function sendGroupFeedback(
  project: OwnedProject,
  teacherId: string,
  input: { target: TargetRef; body: string; reachLater: boolean },
): Promise<SendResult> {
  const target = await resolveTarget(project, input.target);
  if (!target) return { ok: false, reason: "target-not-found" };
  if (!input.reachLater) {
    const members = await groupMembers(project.id, project.classroomId, target);
    if (members.length === 0) return { ok: false, reason: "no-one" };
  }
  const created = await prisma.groupFeedback.create({
    data: {
      projectId: project.id,
      authorId: teacherId,
      targetKind: target.kind,
      answerGroupId: target.answerGroupId,
      misconceptionId: target.misconceptionId,
      checkpointId: target.checkpointId,
      optionId: target.optionId,
      targetLabel: target.label,
      body: input.body,
      reachLater: input.reachLater,
    },
    select: { id: true },
  });
  const row = await loadRow({ id: created.id });
  const delivered = row ? await deliver(row, { first: true }) : 0;
  return { ok: true, id: created.id, delivered };
}

export type EditResult = { status: "edited"; version: number; reached: number } | { status: "unchanged"; version: number };

/**
 * A new version of the feedback: every student who has it gets the new text
 * as a new version of their comment (earlier versions stay readable). The
 * same text again adds nothing. Null when it is not the teacher's feedback in
 * this project.
 */
export async function editGroupFeedback(project: OwnedProject, teacherId: string, feedbackId: string, body: string): Promise<EditResult | null> {
  const found = await prisma.groupFeedback.findFirst({ where: { id: feedbackId, projectId: project.id, authorId: teacherId }, select: { id: true } });
  if (!found) return null;
  return prisma.$transaction(async (tx: Tx): Promise<EditResult> => {
    await lockRow(tx, "GroupFeedback", found.id);
    const current = await tx.groupFeedback.findUniqueOrThrow({ where: { id: found.id }, select: { body: true, version: true } });
    if (current.body === body) return { status: "unchanged", version: current.version };
    const version = current.version + 1;
    await tx.groupFeedback.update({ where: { id: found.id }, data: { body, version } });
    const comments = await tx.teacherComment.findMany({ where: { groupFeedbackId: found.id }, select: { id: true } });
    for (const c of comments) {
      await lockRow(tx, "TeacherComment", c.id);
      const latest = await tx.teacherCommentVersion.findFirst({ where: { commentId: c.id }, orderBy: { version: "desc" }, select: { version: true, body: true } });
      if (latest?.body === body) continue;
      await tx.teacherCommentVersion.create({ data: { commentId: c.id, version: (latest?.version ?? 0) + 1, body } });
    }
    return { status: "edited", version, reached: comments.length };
  });
}

/** Turns on or off reaching students who join the group later; turning it on catches up at once. Null when not the teacher's. */
export async function setReachLater(project: OwnedProject, teacherId: string, feedbackId: string, reachLater: boolean): Promise<{ delivered: number } | null> {
  const updated = await prisma.groupFeedback.updateMany({ where: { id: feedbackId, projectId: project.id, authorId: teacherId }, data: { reachLater } });
  if (updated.count === 0) return null;
  if (!reachLater) return { delivered: 0 };
  const row = await loadRow({ id: feedbackId, projectId: project.id });
  return { delivered: row ? await deliver(row, { first: false }) : 0 };
}

/**
 * Catches up every group feedback of the project that reaches students who
 * join later: after a student's attempt (only that student), after the
 * teacher's tag and group commands, when the teacher opens the feedback.
 * Never throws: a failure is logged, and the next catch-up delivers.
 */
export async function deliverLaterMembers(projectId: string, studentId?: string): Promise<number> {
  try {
    // Asked after every attempt, and almost always answered "none": a plain statement (decision 016).
    const rows = await prisma.$queryRaw<{ id: string }[]>`SELECT "id" FROM "GroupFeedback" WHERE "projectId" = ${projectId} AND "reachLater" = ${true}`;
    let delivered = 0;
    for (const { id } of rows) {
      const row = await loadRow({ id });
      if (row) delivered += await deliver(row, { first: false, studentId });
    }
    return delivered;
  } catch (error) {
    console.warn(`Could not deliver group feedback in project ${projectId}; the next catch-up will.`, error);
    return 0;
  }
}

/** A group feedback of the teacher's project (any author), or null. */
export function findProjectFeedback(project: OwnedProject, feedbackId: string) {
  return prisma.groupFeedback.findFirst({ where: { id: feedbackId, projectId: project.id }, select: { id: true, authorId: true } });
}

/** The project's group feedback, newest first, with how many have it and have opened it. */
export async function listGroupFeedback(project: OwnedProject) {
  const rows = await prisma.groupFeedback.findMany({
    where: { projectId: project.id },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      targetKind: true,
      targetLabel: true,
      body: true,
      version: true,
      reachLater: true,
      createdAt: true,
      author: { select: { name: true } },
      checkpoint: { select: latestTitle },
      _count: { select: { comments: true } },
      comments: { where: { firstReadAt: { not: null } }, select: { id: true } },
    },
  });
  return rows.map(({ comments, _count, checkpoint, ...r }) => ({
    ...r,
    checkpointTitle: checkpoint?.versions[0]?.title ?? null,
    received: _count.comments,
    opened: comments.length,
  }));
}

/** One feedback of the project with each student's copy: when it arrived, on which attempt, and when they first opened it. */
export async function loadGroupFeedback(project: OwnedProject, feedbackId: string) {
  const feedback = await prisma.groupFeedback.findFirst({
    where: { id: feedbackId, projectId: project.id },
    select: {
      id: true,
      authorId: true,
      targetKind: true,
      targetLabel: true,
      answerGroupId: true,
      misconceptionId: true,
      checkpointId: true,
      optionId: true,
      body: true,
      version: true,
      reachLater: true,
      createdAt: true,
      updatedAt: true,
      author: { select: { name: true } },
      checkpoint: { select: latestTitle },
      comments: {
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          createdAt: true,
          firstReadAt: true,
          student: { select: { id: true, name: true } },
          attempt: { select: { id: true, number: true, checkpointId: true, checkpointVersion: { select: { title: true } } } },
          versions: { orderBy: { version: "desc" }, take: 1, select: { version: true, createdAt: true } },
        },
      },
    },
  });
  if (!feedback) return null;
  const { comments, checkpoint, ...rest } = feedback;
  const members = await groupMembers(project.id, project.classroomId, { ...rest, kind: rest.targetKind });
  const receivedBy = new Set(comments.map((c) => c.student.id));
  const waiting = new Set(members.filter((m) => !receivedBy.has(m.studentId)).map((m) => m.studentId));
  const targetGone =
    (rest.targetKind === "ANSWER_GROUP" && !rest.answerGroupId) ||
    (rest.targetKind === "MISCONCEPTION" && !rest.misconceptionId) ||
    (rest.targetKind === "OPTION" && !rest.checkpointId);
  return {
    ...rest,
    checkpointTitle: checkpoint?.versions[0]?.title ?? null,
    targetGone,
    /** Students in the group now who do not have it (only while reaching later students is off). */
    notReached: waiting.size,
    receipts: comments.map((c) => {
      const latestVersionAt = c.versions[0]?.createdAt ?? c.createdAt;
      return {
        commentId: c.id,
        student: c.student,
        attempt: c.attempt ? { id: c.attempt.id, number: c.attempt.number, checkpointId: c.attempt.checkpointId, title: c.attempt.checkpointVersion.title } : null,
        receivedAt: c.createdAt,
        firstReadAt: c.firstReadAt,
        state: receiptState({ firstReadAt: c.firstReadAt, latestVersionAt }),
      };
    }),
  };
}

/** How many students a target reaches now, and the feedback already written for it (for the page that writes one). */
export async function targetOverview(project: OwnedProject, target: ResolvedTarget) {
  const members = await groupMembers(project.id, project.classroomId, target);
  const students = await prisma.user.findMany({
    where: { id: { in: [...new Set(members.map((m) => m.studentId))] } },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
  const existing = await prisma.groupFeedback.findMany({
    where: {
      projectId: project.id,
      targetKind: target.kind,
      answerGroupId: target.answerGroupId,
      misconceptionId: target.misconceptionId,
      checkpointId: target.checkpointId,
      optionId: target.optionId,
    },
    orderBy: { createdAt: "desc" },
    select: { id: true, body: true, createdAt: true, _count: { select: { comments: true } } },
  });
  return { students, existing: existing.map(({ _count, ...e }) => ({ ...e, received: _count.comments })) };
}
