// Teacher comments on a student's path. A comment once sent is kept as
// written: editing adds a version, and every version stays readable.
import { prisma } from "~/db.server";
import type { OwnedProject } from "~/models/project.server";
import { lockRow } from "~/utils/row-locks.server";
import { isStorageUnavailable } from "~/utils/prisma-errors.server";
import { taughtBy } from "~/models/class-teachers.server";

export type CommentTargetRef = { kind: "project" } | { kind: "attempt"; id: string } | { kind: "journal"; id: string };

interface Scope {
  authorId: string;
  studentId: string;
  projectId: string;
}

/**
 * Adds a comment with its first version. Returns null when the project is not
 * in the author's class, the student was never in that class, or the attempt /
 * shared journal entry is not that student's work in that project.
 */
export async function addComment({ authorId, studentId, projectId, target, body }: Scope & { target: CommentTargetRef; body: string }) {
  const project = await prisma.project.findFirst({
    where: { id: projectId, classroom: { ...taughtBy(authorId), enrollments: { some: { studentId } } } },
    select: { id: true },
  });
  if (!project) return null;
  let attemptId: string | null = null;
  let journalEntryId: string | null = null;
  if (target.kind === "attempt") {
    const attempt = await prisma.attempt.findFirst({ where: { id: target.id, studentId, checkpoint: { projectId } }, select: { id: true } });
    if (!attempt) return null;
    attemptId = attempt.id;
  } else if (target.kind === "journal") {
    const entry = await prisma.journalEntry.findFirst({ where: { id: target.id, studentId, projectId, status: "SUBMITTED" }, select: { id: true } });
    if (!entry) return null;
    journalEntryId = entry.id;
  }
  return prisma.teacherComment.create({
    data: { authorId, studentId, projectId, attemptId, journalEntryId, versions: { create: { version: 1, body } } },
    select: { id: true },
  });
}

export type EditResult = { status: "edited"; version: number } | { status: "unchanged"; version: number };

/**
 * Adds a new version to a comment — only the author's own comment on this
 * student in this project. Returns null when there is no such comment.
 * Sending the same text again adds nothing. The latest version is read and the
 * next written under the comment's row lock (decision 011), so edits saved at
 * the same moment (two tabs) get consecutive versions.
 */
export async function editComment({ commentId, authorId, studentId, projectId, body }: Scope & { commentId: string; body: string }): Promise<EditResult | null> {
  const comment = await prisma.teacherComment.findFirst({ where: { id: commentId, authorId, studentId, projectId }, select: { id: true } });
  if (!comment) return null;
  return prisma.$transaction(async (tx): Promise<EditResult> => {
    await lockRow(tx, "TeacherComment", comment.id);
    const latest = await tx.teacherCommentVersion.findFirst({ where: { commentId: comment.id }, orderBy: { version: "desc" }, select: { version: true, body: true } });
    if (latest && latest.body === body) return { status: "unchanged", version: latest.version };
    const version = (latest?.version ?? 0) + 1;
    await tx.teacherCommentVersion.create({ data: { commentId: comment.id, version, body } });
    return { status: "edited", version };
  });
}

/** A comment as the student reads it: its author and every version, oldest first. */
export const commentForStudentSelect = {
  id: true,
  firstReadAt: true,
  author: { select: { name: true } },
  groupFeedback: { select: { targetKind: true } },
  versions: { orderBy: { version: "asc" }, select: { version: true, body: true, createdAt: true } },
} as const;

/** The comments on one attempt or journal entry addressed to this student, oldest first (a relation's arguments). */
export const commentsForStudent = (studentId: string) => ({ where: { studentId }, orderBy: { createdAt: "asc" }, select: commentForStudentSelect }) as const;

/** Every comment on one student's path in the teacher's project (as the guard proved it), with all versions, oldest first. */
export function commentsOnStudent(project: OwnedProject, studentId: string) {
  return prisma.teacherComment.findMany({
    where: { projectId: project.id, studentId },
    orderBy: { createdAt: "asc" },
    select: { ...commentForStudentSelect, authorId: true, attemptId: true, journalEntryId: true, groupFeedbackId: true, createdAt: true },
  });
}

/**
 * Records that the student saw these comments: the first time only (the
 * `firstReadAt: null` in the where), and only the student's own. Callers pass
 * just the comments shown that have no time yet, so a later view writes nothing.
 */
export async function markCommentsRead(studentId: string, comments: { id: string; firstReadAt: Date | string | null }[], now = new Date()): Promise<number> {
  const unread = comments.filter((c) => !c.firstReadAt).map((c) => c.id);
  if (unread.length === 0) return 0;
  try {
    const result = await prisma.teacherComment.updateMany({ where: { id: { in: unread }, studentId, firstReadAt: null }, data: { firstReadAt: now } });
    return result.count;
  } catch (error) {
    // A read receipt is not worth a page: when the database takes no changes the page still shows, and the next view records it.
    if (isStorageUnavailable(error)) return 0;
    throw error;
  }
}
