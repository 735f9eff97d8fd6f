// The class failure session (decision 019): opening and closing it, posts and
// "what helped me" notes, their moderation in release batches, reactions,
// withdrawal, and the agreed actions carried to the class's next project.
//
// Every function takes the project that requireTeacherProject or
// requireStudentProject proved (`OwnedProject`, `EnrolledProject`), and every
// query has that project in its `where`: a post, note or action of another
// class is "not found". What a student's page gets is built by
// app/domain/failure-session.ts `studentBoard`, which holds no author.
import { prisma } from "~/db.server";
import {
  DEFAULT_SESSION_MINUTES,
  buildBoard,
  isReactionKind,
  minutesLeft,
  presentedBoard,
  previousProjectId,
  promptQuestions,
  sessionState,
  studentBoard,
  teacherBoard,
  type ActionStatus,
  type ModerationStatus,
  type OwnItemStatus,
  type ReactionKind,
  type SessionState,
} from "~/domain/failure-session";
import { DEFAULT_SENSES_PER_WORD, type ClusteringOptions } from "~/domain/insight/text-clustering";
import type { Prisma } from "~/generated/prisma/client";
import type { EnrolledProject, OwnedProject } from "~/models/project.server";
import { lockRow } from "~/utils/row-locks.server";
import { loadWordNet } from "~/utils/wordnet.server";

type Tx = Prisma.TransactionClient;
type AnyProject = OwnedProject | EnrolledProject;

/** The grouping the insight uses for short answers, with WordNet's synonyms. */
function clustering(): ClusteringOptions {
  return { lexicon: loadWordNet().lexicon, sensesPerWord: DEFAULT_SENSES_PER_WORD };
}

const sessionSelect = { id: true, prompt: true, templateKey: true, endsAt: true, openedAt: true, closedAt: true, version: true, boardVersion: true } as const;

/** The session a page is about: the one not closed yet, else the last one closed; null when there has been none. */
async function currentSession(projectId: string) {
  const open = await prisma.failureSession.findFirst({ where: { projectId, closedAt: null }, orderBy: { openedAt: "desc" }, select: sessionSelect });
  if (open) return open;
  return prisma.failureSession.findFirst({ where: { projectId, closedAt: { not: null } }, orderBy: [{ closedAt: "desc" }, { id: "asc" }], select: sessionSelect });
}

type SessionRow = NonNullable<Awaited<ReturnType<typeof currentSession>>>;

/** What every page shows about a session itself. */
export interface SessionSummary {
  id: string;
  questions: string[];
  fromTemplate: boolean;
  state: SessionState;
  minutesLeft: number;
  endsAt: string;
  closedAt: string | null;
}

function summary(s: SessionRow, now: Date): SessionSummary {
  return {
    id: s.id,
    questions: promptQuestions(s.prompt),
    fromTemplate: s.templateKey !== null,
    state: sessionState(s, now),
    minutesLeft: minutesLeft(s.endsAt, now),
    endsAt: s.endsAt.toISOString(),
    closedAt: s.closedAt ? s.closedAt.toISOString() : null,
  };
}

/** The released posts and notes of a session that are on the board, with the reactions to them. */
async function boardRows(sessionId: string) {
  const [posts, notes, reactions] = await Promise.all([
    prisma.failurePost.findMany({
      where: { sessionId, status: "RELEASED", withdrawnAt: null },
      select: { id: true, setback: true, learned: true, batch: true, studentId: true, student: { select: { name: true } } },
    }),
    prisma.failureNote.findMany({
      where: { sessionId, status: "RELEASED", withdrawnAt: null, post: { status: "RELEASED", withdrawnAt: null } },
      select: { id: true, postId: true, text: true, batch: true, studentId: true, student: { select: { name: true } } },
    }),
    prisma.failureReaction.findMany({ where: { post: { sessionId, status: "RELEASED", withdrawnAt: null } }, select: { postId: true, studentId: true, kind: true } }),
  ]);
  const board = buildBoard(
    {
      posts: posts.map((p) => ({ id: p.id, setback: p.setback, learned: p.learned, batch: p.batch ?? 0, authorId: p.studentId, authorName: p.student.name })),
      notes: notes.flatMap((n) => (n.postId ? [{ id: n.id, postId: n.postId, text: n.text, batch: n.batch ?? 0, authorId: n.studentId, authorName: n.student.name }] : [])),
      reactions,
    },
    clustering(),
  );
  return { board, reactions };
}

// ---------------------------------------------------------------------------
// Agreed actions

export interface AgreedActionView {
  id: string;
  text: string;
  status: ActionStatus | null;
}

const actionView = (a: { id: string; text: string; status: string | null }): AgreedActionView => ({
  id: a.id,
  text: a.text,
  status: a.status === "DONE" || a.status === "NOT_DONE" ? a.status : null,
});

/** The closed sessions of a project with what the class agreed, first closed first. */
async function agreedActionsOf(projectId: string) {
  const sessions = await prisma.failureSession.findMany({
    where: { projectId, closedAt: { not: null } },
    orderBy: [{ closedAt: "asc" }, { id: "asc" }],
    select: { id: true, closedAt: true, actions: { orderBy: { position: "asc" }, select: { id: true, text: true, status: true } } },
  });
  return sessions.flatMap((s) => s.actions.map(actionView));
}

/** What the class agreed at the end of the project before this one (in the class's order of projects), or null when nothing was agreed. */
export async function carriedActions(project: AnyProject): Promise<{ project: { id: string; title: string }; actions: AgreedActionView[] } | null> {
  // A plain statement (decision 016: every student's project page asks).
  const projects = await prisma.$queryRaw<{ id: string; title: string; createdAt: Date }[]>`
    SELECT "id", "title", "createdAt" FROM "Project" WHERE "classroomId" = ${project.classroomId}`;
  const previousId = previousProjectId(projects, project.id);
  if (!previousId) return null;
  const actions = await agreedActionsOf(previousId);
  if (actions.length === 0) return null;
  const previous = projects.find((p) => p.id === previousId)!;
  return { project: { id: previous.id, title: previous.title }, actions };
}

// ---------------------------------------------------------------------------
// The teacher

export interface QueueItem {
  kind: "post" | "note";
  id: string;
  author: string;
  /** A post's setback and lesson; a note's text with the setback it answers. */
  setback: string;
  learned: string;
  text: string;
  onSetback: string;
  at: string;
}

/**
 * The teacher's page: the current session (open, time up, or the last one
 * closed) with its queue and board, the project's agreed actions so far, and
 * those carried in from the project before. `present` leaves every name out:
 * the projector's board, and no queue.
 */
export async function loadTeacherSession(project: OwnedProject, options: { present: boolean; now?: Date }) {
  const now = options.now ?? new Date();
  const [session, carried, agreed] = await Promise.all([currentSession(project.id), carriedActions(project), agreedActionsOf(project.id)]);
  if (!session) return { session: null, version: teacherVersionOf(null), queue: [], board: null, presented: null, agreed, carried, counts: null };
  const { board } = await boardRows(session.id);
  const base = { session: summary(session, now), version: teacherVersionOf(session), agreed, carried };
  if (options.present) return { ...base, queue: [], board: null, presented: presentedBoard(board), counts: null };
  const [posts, notes, withdrawn, declined] = await Promise.all([
    prisma.failurePost.findMany({
      where: { sessionId: session.id, status: "PENDING", withdrawnAt: null },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, setback: true, learned: true, createdAt: true, student: { select: { name: true } } },
    }),
    prisma.failureNote.findMany({
      where: { sessionId: session.id, status: "PENDING", withdrawnAt: null, post: { withdrawnAt: null, status: "RELEASED" } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, text: true, createdAt: true, student: { select: { name: true } }, post: { select: { setback: true } } },
    }),
    prisma.failurePost.count({ where: { sessionId: session.id, withdrawnAt: { not: null } } }),
    prisma.failurePost.count({ where: { sessionId: session.id, status: "DECLINED", withdrawnAt: null } }),
  ]);
  const queue: QueueItem[] = [
    ...posts.map((p): QueueItem => ({ kind: "post", id: p.id, author: p.student.name, setback: p.setback, learned: p.learned, text: "", onSetback: "", at: p.createdAt.toISOString() })),
    ...notes.map((n): QueueItem => ({ kind: "note", id: n.id, author: n.student.name, setback: "", learned: "", text: n.text, onSetback: n.post?.setback ?? "", at: n.createdAt.toISOString() })),
  ];
  const shown = teacherBoard(board);
  return {
    ...base,
    queue,
    board: shown,
    presented: null,
    counts: { onBoard: shown.reduce((n, g) => n + g.posts.length, 0), waiting: queue.length, declined, withdrawn },
  };
}

const teacherVersionOf = (s: { id: string; version: number } | null) => (s ? `${s.id}.${s.version}` : "none");

/** What the teacher's page polls: changes with anything in the project's current session. */
export async function teacherVersion(project: OwnedProject): Promise<string> {
  const session = await currentSession(project.id);
  return teacherVersionOf(session);
}

export type OpenResult = { ok: true; sessionId: string } | { ok: false; reason: "already-open" };

/** Opens a session on the project, unless one is open already (one at a time; under the project's lock). */
export async function openSession(project: OwnedProject, input: { prompt: string; templateKey: string | null; minutes?: number }, now = new Date()): Promise<OpenResult> {
  return prisma.$transaction(async (tx) => {
    await lockRow(tx, "Project", project.id);
    const open = await tx.failureSession.findFirst({ where: { projectId: project.id, closedAt: null }, select: { id: true } });
    if (open) return { ok: false as const, reason: "already-open" as const };
    const created = await tx.failureSession.create({
      data: {
        projectId: project.id,
        prompt: input.prompt,
        templateKey: input.templateKey,
        openedAt: now,
        endsAt: new Date(now.getTime() + (input.minutes ?? DEFAULT_SESSION_MINUTES) * 60_000),
      },
      select: { id: true },
    });
    return { ok: true as const, sessionId: created.id };
  });
}

export type CloseResult = { ok: true; actions: number } | { ok: false; reason: "no-open-session" };

/** Closes the project's open session with what the class agreed to do differently. */
export async function closeSession(project: OwnedProject, actions: string[], now = new Date()): Promise<CloseResult> {
  return prisma.$transaction(async (tx) => {
    await lockRow(tx, "Project", project.id);
    const open = await tx.failureSession.findFirst({ where: { projectId: project.id, closedAt: null }, select: { id: true } });
    if (!open) return { ok: false as const, reason: "no-open-session" as const };
    await tx.failureSession.update({ where: { id: open.id }, data: { closedAt: now, version: { increment: 1 }, boardVersion: { increment: 1 } } });
    await tx.agreedAction.createMany({ data: actions.map((text, position) => ({ sessionId: open.id, position, text, createdAt: now })) });
    return { ok: true as const, actions: actions.length };
  });
}

/** Gives the session more time: the time box ends `minutes` from now (or from its end, if that is later). */
export async function extendSession(project: OwnedProject, minutes: number, now = new Date()): Promise<{ ok: true; endsAt: Date } | { ok: false; reason: "no-open-session" }> {
  return prisma.$transaction(async (tx) => {
    const open = await tx.failureSession.findFirst({ where: { projectId: project.id, closedAt: null }, select: { id: true, endsAt: true } });
    if (!open) return { ok: false as const, reason: "no-open-session" as const };
    const from = Math.max(now.getTime(), open.endsAt.getTime());
    const endsAt = new Date(from + minutes * 60_000);
    await tx.failureSession.update({ where: { id: open.id }, data: { endsAt, version: { increment: 1 }, boardVersion: { increment: 1 } } });
    return { ok: true as const, endsAt };
  });
}

export type ModerationResult =
  | { ok: true; decision: "release" | "decline"; posts: number; notes: number }
  | { ok: false; reason: "nothing-chosen" | "nothing-to-moderate" };

/**
 * Releases the chosen posts and notes to the board as one batch per session,
 * or declines them (a released one is taken off the board). Only this
 * project's, not withdrawn; posts and notes already in the chosen state are
 * left as they are.
 */
export async function moderate(
  project: OwnedProject,
  input: { decision: "release" | "decline"; postIds: string[]; noteIds: string[] },
  now = new Date(),
): Promise<ModerationResult> {
  if (input.postIds.length === 0 && input.noteIds.length === 0) return { ok: false, reason: "nothing-chosen" };
  const target: ModerationStatus = input.decision === "release" ? "RELEASED" : "DECLINED";
  return prisma.$transaction(async (tx) => {
    const scope = { session: { projectId: project.id }, withdrawnAt: null, status: { not: target } };
    const [posts, notes] = await Promise.all([
      tx.failurePost.findMany({ where: { id: { in: input.postIds }, ...scope }, select: { id: true, sessionId: true, status: true } }),
      tx.failureNote.findMany({ where: { id: { in: input.noteIds }, ...scope }, select: { id: true, sessionId: true, status: true } }),
    ]);
    if (posts.length === 0 && notes.length === 0) return { ok: false as const, reason: "nothing-to-moderate" as const };
    const sessions = [...new Set([...posts, ...notes].map((i) => i.sessionId))];
    for (const sessionId of sessions) {
      const mine = (items: { id: string; sessionId: string }[]) => items.filter((i) => i.sessionId === sessionId).map((i) => i.id);
      const boardChanges = input.decision === "release" || [...posts, ...notes].some((i) => i.sessionId === sessionId && i.status === "RELEASED");
      // The update takes the session's row for the rest of the transaction: two releases get two batches.
      const session = await tx.failureSession.update({
        where: { id: sessionId },
        data: { version: { increment: 1 }, ...(boardChanges ? { boardVersion: { increment: 1 } } : {}), ...(input.decision === "release" ? { batches: { increment: 1 } } : {}) },
        select: { batches: true },
      });
      const data = input.decision === "release" ? { status: target, batch: session.batches, moderatedAt: now } : { status: target, moderatedAt: now };
      await tx.failurePost.updateMany({ where: { id: { in: mine(posts) } }, data });
      await tx.failureNote.updateMany({ where: { id: { in: mine(notes) } }, data });
    }
    return { ok: true as const, decision: input.decision, posts: posts.length, notes: notes.length };
  });
}

export type MarkResult = { ok: true; text: string; status: ActionStatus } | { ok: false; reason: "not-found" };

/** Marks an agreed action done or not done: one of this project's, or one carried into it from the project before. */
export async function markAction(project: OwnedProject, input: { actionId: string; status: ActionStatus }, now = new Date()): Promise<MarkResult> {
  const carried = await carriedActions(project);
  const projectIds = [project.id, ...(carried ? [carried.project.id] : [])];
  const action = await prisma.agreedAction.findFirst({
    where: { id: input.actionId, session: { projectId: { in: projectIds }, project: { classroomId: project.classroomId } } },
    select: { id: true, text: true, sessionId: true },
  });
  if (!action) return { ok: false, reason: "not-found" };
  await prisma.$transaction([
    prisma.agreedAction.update({ where: { id: action.id }, data: { status: input.status, markedAt: now } }),
    prisma.failureSession.update({ where: { id: action.sessionId }, data: { version: { increment: 1 }, boardVersion: { increment: 1 } } }),
  ]);
  return { ok: true, text: action.text, status: input.status };
}

// ---------------------------------------------------------------------------
// The student

export interface OwnPost {
  id: string;
  setback: string;
  learned: string;
  status: OwnItemStatus;
  /** Whether it belongs to the session the page shows (older sessions' posts are history). */
  current: boolean;
}

export interface OwnNote {
  id: string;
  text: string;
  status: OwnItemStatus;
  /** The setback it answers, or null when that post is no longer there. */
  onSetback: string | null;
  current: boolean;
}

const ownStatus = (i: { status: string; withdrawnAt: Date | null }): OwnItemStatus =>
  i.withdrawnAt ? "WITHDRAWN" : i.status === "RELEASED" || i.status === "DECLINED" ? i.status : "PENDING";

/**
 * A student's page: the current session with the board as a classmate sees
 * it (no author anywhere; their own marked "mine"), their own posts and notes
 * in this project (withdrawn ones too: only they see them), and the agreed
 * actions once the session is closed.
 */
export async function loadStudentSession(project: EnrolledProject, studentId: string, now = new Date()) {
  const session = await currentSession(project.id);
  const [ownPosts, ownNotes] = await Promise.all([
    prisma.failurePost.findMany({
      where: { studentId, session: { projectId: project.id } },
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      select: { id: true, sessionId: true, setback: true, learned: true, status: true, withdrawnAt: true },
    }),
    prisma.failureNote.findMany({
      where: { studentId, session: { projectId: project.id } },
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      select: { id: true, sessionId: true, text: true, status: true, withdrawnAt: true, post: { select: { setback: true, withdrawnAt: true, status: true } } },
    }),
  ]);
  const mine = {
    posts: ownPosts.map((p): OwnPost => ({ id: p.id, setback: p.setback, learned: p.learned, status: ownStatus(p), current: p.sessionId === session?.id })),
    notes: ownNotes.map(
      (n): OwnNote => ({
        id: n.id,
        text: n.text,
        status: ownStatus(n),
        // The setback a note answers is shown only while that post is on the board (or it is the student's own).
        onSetback: n.post && !n.post.withdrawnAt && n.post.status === "RELEASED" ? n.post.setback : null,
        current: n.sessionId === session?.id,
      }),
    ),
  };
  const version = await studentVersion(project, studentId, now);
  if (!session) return { session: null, board: [], mine, agreed: [], version };
  const { board, reactions } = await boardRows(session.id);
  const agreed = session.closedAt
    ? (await prisma.agreedAction.findMany({ where: { sessionId: session.id }, orderBy: { position: "asc" }, select: { id: true, text: true, status: true } })).map(actionView)
    : [];
  return { session: summary(session, now), board: studentBoard(board, { studentId, reactions }), mine, agreed, version };
}

/**
 * What a student's page polls: changes when the board changes (a release, a
 * reaction, a post taken off, closing), when the student's own posts or notes
 * change (the teacher's decision on them), and each minute of an open
 * session's time box. Posts or notes of classmates waiting for the teacher do
 * not change it.
 */
export async function studentVersion(project: EnrolledProject, studentId: string, now = new Date()): Promise<string> {
  const session = await currentSession(project.id);
  if (!session) return "none";
  const [post, note] = await Promise.all([
    prisma.failurePost.aggregate({ where: { sessionId: session.id, studentId }, _max: { updatedAt: true }, _count: true }),
    prisma.failureNote.aggregate({ where: { sessionId: session.id, studentId }, _max: { updatedAt: true }, _count: true }),
  ]);
  const own = [post._count, post._max.updatedAt?.getTime() ?? 0, note._count, note._max.updatedAt?.getTime() ?? 0].join("-");
  const state = sessionState(session, now);
  return `${session.id}.${session.boardVersion}.${own}.${state === "open" ? minutesLeft(session.endsAt, now) : state}`;
}

/** The project's session that takes posts now, or why not. */
async function openSessionFor(tx: Tx, projectId: string, now: Date) {
  const session = await tx.failureSession.findFirst({ where: { projectId, closedAt: null }, select: { id: true, endsAt: true, closedAt: true } });
  if (!session) return { ok: false as const, reason: "no-session" as const };
  if (sessionState(session, now) !== "open") return { ok: false as const, reason: "time-up" as const };
  return { ok: true as const, sessionId: session.id };
}

export type StudentWriteResult = { ok: true; id: string } | { ok: false; reason: "no-session" | "time-up" | "closed" | "post-not-found" | "own-post" };

/** A student's post: waits for the teacher. */
export async function addPost(project: EnrolledProject, studentId: string, input: { setback: string; learned: string }, now = new Date()): Promise<StudentWriteResult> {
  return prisma.$transaction(async (tx) => {
    const open = await openSessionFor(tx, project.id, now);
    if (!open.ok) return open;
    const post = await tx.failurePost.create({ data: { sessionId: open.sessionId, studentId, setback: input.setback, learned: input.learned, createdAt: now }, select: { id: true } });
    await tx.failureSession.update({ where: { id: open.sessionId }, data: { version: { increment: 1 } } });
    return { ok: true as const, id: post.id };
  });
}

/** A classmate's post on the board of the project's open session (not the student's own). */
async function postOnBoard(tx: Tx, project: AnyProject, postId: string) {
  return tx.failurePost.findFirst({
    where: { id: postId, status: "RELEASED", withdrawnAt: null, session: { projectId: project.id } },
    select: { id: true, studentId: true, sessionId: true, session: { select: { closedAt: true, endsAt: true } } },
  });
}

/** A "what helped me" note on a classmate's post on the board: waits for the teacher. */
export async function addNote(project: EnrolledProject, studentId: string, input: { postId: string; text: string }, now = new Date()): Promise<StudentWriteResult> {
  return prisma.$transaction(async (tx) => {
    const post = await postOnBoard(tx, project, input.postId);
    if (!post) return { ok: false as const, reason: "post-not-found" as const };
    if (post.studentId === studentId) return { ok: false as const, reason: "own-post" as const };
    const state = sessionState(post.session, now);
    if (state !== "open") return { ok: false as const, reason: state === "closed" ? ("closed" as const) : ("time-up" as const) };
    const note = await tx.failureNote.create({ data: { sessionId: post.sessionId, postId: post.id, studentId, text: input.text, createdAt: now }, select: { id: true } });
    await tx.failureSession.update({ where: { id: post.sessionId }, data: { version: { increment: 1 } } });
    return { ok: true as const, id: note.id };
  });
}

export type ReactResult = { ok: true; kind: ReactionKind; on: boolean } | { ok: false; reason: "post-not-found" | "own-post" | "closed" };

/** A reaction to a classmate's post on the board, or taking it back (a second tap). */
export async function toggleReaction(project: EnrolledProject, studentId: string, input: { postId: string; kind: string }): Promise<ReactResult> {
  if (!isReactionKind(input.kind)) return { ok: false, reason: "post-not-found" };
  const kind = input.kind;
  return prisma.$transaction(async (tx) => {
    const post = await postOnBoard(tx, project, input.postId);
    if (!post) return { ok: false as const, reason: "post-not-found" as const };
    if (post.studentId === studentId) return { ok: false as const, reason: "own-post" as const };
    if (post.session.closedAt) return { ok: false as const, reason: "closed" as const };
    const existing = await tx.failureReaction.findUnique({ where: { postId_studentId_kind: { postId: post.id, studentId, kind } }, select: { id: true } });
    if (existing) await tx.failureReaction.delete({ where: { id: existing.id } });
    else await tx.failureReaction.create({ data: { postId: post.id, studentId, kind } });
    await tx.failureSession.update({ where: { id: post.sessionId }, data: { version: { increment: 1 }, boardVersion: { increment: 1 } } });
    return { ok: true as const, kind, on: !existing };
  });
}

export type WithdrawResult = { ok: true; wasOnBoard: boolean } | { ok: false; reason: "not-found" };

/**
 * A student withdraws their own post or note: it leaves the board and the
 * teacher's queue at once; the text stays, for the student's own history only.
 */
export async function withdraw(project: EnrolledProject, studentId: string, input: { kind: "post" | "note"; id: string }, now = new Date()): Promise<WithdrawResult> {
  return prisma.$transaction(async (tx) => {
    const where = { id: input.id, studentId, withdrawnAt: null, session: { projectId: project.id } };
    const item =
      input.kind === "post"
        ? await tx.failurePost.findFirst({ where, select: { id: true, sessionId: true, status: true } })
        : await tx.failureNote.findFirst({ where, select: { id: true, sessionId: true, status: true } });
    if (!item) return { ok: false as const, reason: "not-found" as const };
    if (input.kind === "post") await tx.failurePost.update({ where: { id: item.id }, data: { withdrawnAt: now } });
    else await tx.failureNote.update({ where: { id: item.id }, data: { withdrawnAt: now } });
    const wasOnBoard = item.status === "RELEASED";
    await tx.failureSession.update({ where: { id: item.sessionId }, data: { version: { increment: 1 }, ...(wasOnBoard ? { boardVersion: { increment: 1 } } : {}) } });
    return { ok: true as const, wasOnBoard };
  });
}

/** For the student's project page: whether a session is open now, and what was agreed at the end of the project before. */
export async function sessionNotice(project: EnrolledProject, now = new Date()) {
  const [sessions, carried] = await Promise.all([
    // One statement for both questions (decision 016: every student's project page asks them): the open session if
    // there is one, else any session at all.
    prisma.$queryRaw<{ endsAt: Date; closedAt: Date | null }[]>`
      SELECT "endsAt", "closedAt" FROM "FailureSession" WHERE "projectId" = ${project.id}
      ORDER BY CASE WHEN "closedAt" IS NULL THEN 0 ELSE 1 END
      LIMIT 1`,
    carriedActions(project),
  ]);
  const open = sessions[0]?.closedAt === null ? sessions[0] : null;
  return { openSession: open ? { state: sessionState(open, now), minutesLeft: minutesLeft(open.endsAt, now) } : null, hasSession: sessions.length > 0, carried };
}
