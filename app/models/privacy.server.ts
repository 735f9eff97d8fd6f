// A person's data: the download of everything Rebound holds about them, a
// teacher's download of one student's work in a class, and the two deletions
// (one student's data in a class; a whole account). Which rows hold a person
// is listed once, in app/domain/privacy.ts (PERSONAL_DATA); a test checks that
// list against the schema and that export and deletion cover every entry.
// Decision 012 records the choices.
import { strToU8, zipSync } from "fflate";
import { lucia } from "~/auth/lucia.server";
import { forgetAccountLimits } from "~/auth/rate-limit.server";
import { prisma } from "~/db.server";
import { roleWords } from "~/domain/roles";
import { describeAnswer } from "~/domain/answer-display";
import { parseSpec } from "~/domain/checkpoint-spec";
import { confidenceLabel, describeEntryLink, parseResponses } from "~/domain/journal-entry";
import { CLASS_TEACHER_SOURCE_WORDS, FOLLOW_UP_WORDS, OWN_ITEM_WORDS, REACTION_WORDS, teacherName } from "~/domain/labels";
import { isReactionKind } from "~/domain/failure-session";
import { goalStatusWords } from "~/domain/learning-goals";
import { isFollowUpResult } from "~/domain/plans";
import { isOneRosterSource, schoolOfSource } from "~/domain/roster-import/sources";
import { archiveFiles, archiveFilename, type ArchiveMeta, type PersonalRecord, type Row } from "~/domain/privacy";
import { effectiveOutcome } from "~/domain/progress";
import type { Prisma } from "~/generated/prisma/client";
import { forgetCachedGroups } from "~/models/answer-group-cache.server";
import { forgetCachedReports } from "~/models/insight-cache.server";
import { forgetCachedGrids } from "~/models/progress.server";
import { addClassTeacher, taughtBy } from "~/models/class-teachers.server";

type Tx = Prisma.TransactionClient;

/** A kept school-system id's source, in the export's words: OneRoster, and the school it is kept under (decision 024). */
function oneRosterSystemWords(source: string): string {
  if (!isOneRosterSource(source)) return source;
  const school = schoolOfSource(source);
  return school ? `OneRoster (school ${school})` : "OneRoster";
}

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
const OUTCOME_WORDS: Record<string, string> = { GOT_IT: "Got it", NOT_YET: "Not yet" };
const outcomeWords = (o: string | null | undefined) => (o ? (OUTCOME_WORDS[o] ?? o) : null);
const SOURCE_WORDS: Record<string, string> = { RULE: "from the answer", CLUSTER: "from a group of similar answers", TEACHER: "set by a teacher" };

function answerAsRead(specJson: string, answer: string): string {
  try {
    return describeAnswer(parseSpec(specJson), answer);
  } catch {
    return answer;
  }
}

// ---------------------------------------------------------------------------
// Reading

interface StudentScope {
  /** Only these projects' work (a teacher's export of one class); every project when absent. */
  projectIds?: string[];
  /** Only what the teacher can already see: shared journal entries, no dismissals. */
  teacherView?: boolean;
}

async function attemptsOf(studentId: string, scope: StudentScope): Promise<Row[]> {
  const attempts = await prisma.attempt.findMany({
    where: { studentId, ...(scope.projectIds ? { checkpoint: { projectId: { in: scope.projectIds } } } : {}) },
    orderBy: [{ createdAt: "asc" }, { number: "asc" }],
    select: {
      number: true,
      answer: true,
      outcome: true,
      confidence: true,
      createdAt: true,
      checkpoint: { select: { position: true, project: { select: { title: true, classroom: { select: { name: true } } } } } },
      checkpointVersion: { select: { version: true, title: true, prompt: true, spec: true } },
      reviews: { orderBy: { createdAt: "asc" }, select: { role: true, verdict: true, note: true, createdAt: true, reviewer: { select: { name: true } } } },
      misconceptions: { orderBy: { createdAt: "asc" }, select: { source: true, active: true, createdAt: true, misconception: { select: { name: true } } } },
      groupMemberships: { where: { excluded: false }, select: { group: { select: { label: true } } } },
    },
  });
  return attempts.map((a) => ({
    class: a.checkpoint.project.classroom.name,
    project: a.checkpoint.project.title,
    checkpoint: `${a.checkpoint.position}. ${a.checkpointVersion.title}`,
    questionVersion: a.checkpointVersion.version,
    question: a.checkpointVersion.prompt,
    attempt: a.number,
    answer: answerAsRead(a.checkpointVersion.spec, a.answer),
    answerAsStored: a.answer,
    howSure: confidenceLabel(a.confidence),
    outcome: outcomeWords(effectiveOutcome(a)) ?? "Waiting for a check",
    at: iso(a.createdAt),
    checks: a.reviews
      .map((r) => `${r.role === "SELF" ? "Own check" : `Mark by ${teacherName(r.reviewer)}`}: ${outcomeWords(r.verdict)}${r.note ? ` (${r.note})` : ""}, ${iso(r.createdAt)}`)
      .join("; "),
    misconceptions: a.misconceptions
      .map((m) => `${m.misconception.name} (${SOURCE_WORDS[m.source] ?? m.source}${m.active ? "" : ", taken off by the teacher"})`)
      .join("; "),
    answerGroups: a.groupMemberships.map((g) => g.group.label).join("; "),
  }));
}

async function journalOf(studentId: string, scope: StudentScope): Promise<Row[]> {
  const entries = await prisma.journalEntry.findMany({
    where: { studentId, ...(scope.projectIds ? { projectId: { in: scope.projectIds } } : {}), ...(scope.teacherView ? { status: "SUBMITTED" } : {}) },
    orderBy: { createdAt: "asc" },
    select: {
      responses: true,
      status: true,
      confidence: true,
      supportNeeded: true,
      supportResolvedAt: true,
      createdAt: true,
      submittedAt: true,
      project: { select: { title: true, classroom: { select: { name: true } } } },
      prompt: { select: { title: true } },
      checkpoint: { select: { versions: { orderBy: { version: "desc" }, take: 1, select: { title: true } } } },
      attempt: { select: { number: true } },
      planFollowUps: { orderBy: { createdAt: "asc" }, select: { result: true, createdAt: true, attempt: { select: { number: true } } } },
    },
  });
  return entries.map((e) => ({
    class: e.project.classroom.name,
    project: e.project.title,
    about: describeEntryLink({ checkpointTitle: e.checkpoint?.versions[0]?.title, attemptNumber: e.attempt?.number }),
    prompt: e.prompt?.title ?? null,
    status: e.status === "SUBMITTED" ? "Shared with the teacher" : "Draft (not shared)",
    responses: parseResponses(e.responses)
      .map((r) => `${r.question ?? "Free entry"}: ${r.answer}`)
      .join("\n"),
    howSure: confidenceLabel(e.confidence),
    supportAskedFor: e.supportNeeded,
    supportGivenAt: iso(e.supportResolvedAt),
    createdAt: iso(e.createdAt),
    sharedAt: iso(e.submittedAt),
    planFollowUps: e.planFollowUps.map((f) => `${iso(f.createdAt)} after attempt ${f.attempt.number}: ${isFollowUpResult(f.result) ? FOLLOW_UP_WORDS[f.result].short : f.result}`).join("\n"),
  }));
}

/** Where a comment was left, in words. */
function commentTarget(c: { attempt: { number: number; checkpointVersion: { title: string } } | null; journalEntry: { createdAt: Date } | null }): string {
  if (c.attempt) return `Attempt ${c.attempt.number} on ${c.attempt.checkpointVersion.title}`;
  if (c.journalEntry) return `Journal entry of ${iso(c.journalEntry.createdAt)}`;
  return "The whole project";
}

const commentSelect = {
  createdAt: true,
  author: { select: { name: true } },
  student: { select: { name: true } },
  project: { select: { title: true, classroom: { select: { name: true } } } },
  attempt: { select: { number: true, checkpointVersion: { select: { title: true } } } },
  journalEntry: { select: { createdAt: true } },
  versions: { orderBy: { version: "asc" }, select: { version: true, body: true, createdAt: true } },
  firstReadAt: true,
  groupFeedback: { select: { targetKind: true, targetLabel: true } },
} as const;

const GROUP_WORDS: Record<string, string> = { ANSWER_GROUP: "a group of similar answers", MISCONCEPTION: "a misconception", OPTION: "an option chosen" };

type CommentRead = Prisma.TeacherCommentGetPayload<{ select: typeof commentSelect }>;

/** One row per version of each comment, numbered so the versions of one comment read together. */
function commentRows(comments: CommentRead[], side: "received" | "written"): Row[] {
  return comments.flatMap((c, i) =>
    c.versions.map((v) => ({
      comment: i + 1,
      class: c.project.classroom.name,
      project: c.project.title,
      on: commentTarget(c),
      ...(side === "received" ? { from: teacherName(c.author) } : { student: c.student.name }),
      version: v.version,
      text: v.body,
      at: iso(v.createdAt),
      // Group feedback (decision 018): the comment is this student's copy of it, received when the comment was made.
      sentToAGroup: c.groupFeedback ? `${GROUP_WORDS[c.groupFeedback.targetKind] ?? c.groupFeedback.targetKind}: ${c.groupFeedback.targetLabel}` : null,
      receivedAt: iso(c.createdAt),
      firstReadAt: iso(c.firstReadAt),
    })),
  );
}

/** A student's learning goals (in one class, for a teacher's export), one row per goal with its notes in order. */
async function goalsOf(studentId: string, classroomId?: string): Promise<Row[]> {
  const goals = await prisma.learningGoal.findMany({
    where: { studentId, ...(classroomId ? { classroomId } : {}) },
    orderBy: { createdAt: "asc" },
    select: {
      text: true,
      status: true,
      targetDate: true,
      createdAt: true,
      classroom: { select: { name: true } },
      project: { select: { title: true } },
      comment: { select: { versions: { orderBy: { version: "desc" }, take: 1, select: { body: true } } } },
      attempt: { select: { number: true, checkpointVersion: { select: { title: true } } } },
      notes: { orderBy: { createdAt: "asc" }, select: { role: true, body: true, status: true, createdAt: true, author: { select: { name: true } } } },
    },
  });
  return goals.map((g) => ({
    class: g.classroom.name,
    setIn: g.project?.title ?? null,
    from: g.comment ? `A teacher's comment: ${g.comment.versions[0]?.body ?? ""}` : g.attempt ? `A "not yet" on attempt ${g.attempt.number} of ${g.attempt.checkpointVersion.title}` : null,
    goal: g.text,
    status: goalStatusWords(g.status),
    targetDate: g.targetDate ? g.targetDate.toISOString().slice(0, 10) : null,
    setAt: iso(g.createdAt),
    notes: g.notes
      .map((n) => `${iso(n.createdAt)} ${n.role === "TEACHER" ? teacherName(n.author) : "Own note"}${n.status ? ` (status: ${goalStatusWords(n.status)})` : ""}: ${n.body}`)
      .join("\n"),
  }));
}

async function commentsReceived(studentId: string, scope: StudentScope): Promise<Row[]> {
  const comments = await prisma.teacherComment.findMany({
    where: { studentId, ...(scope.projectIds ? { projectId: { in: scope.projectIds } } : {}) },
    orderBy: { createdAt: "asc" },
    select: commentSelect,
  });
  return commentRows(comments, "received");
}

async function checksGiven(userId: string, scope: StudentScope): Promise<Row[]> {
  const reviews = await prisma.attemptReview.findMany({
    where: { reviewerId: userId, ...(scope.projectIds ? { attempt: { checkpoint: { projectId: { in: scope.projectIds } } } } : {}) },
    orderBy: { createdAt: "asc" },
    select: {
      role: true,
      verdict: true,
      note: true,
      createdAt: true,
      attempt: { select: { number: true, student: { select: { name: true } }, checkpointVersion: { select: { title: true } }, checkpoint: { select: { project: { select: { title: true } } } } } },
    },
  });
  return reviews.map((r) => ({
    project: r.attempt.checkpoint.project.title,
    checkpoint: r.attempt.checkpointVersion.title,
    student: r.attempt.student.name,
    attempt: r.attempt.number,
    kind: r.role === "SELF" ? "Own check" : "Teacher's mark",
    verdict: outcomeWords(r.verdict),
    note: r.note,
    at: iso(r.createdAt),
  }));
}

async function classesOf(studentId: string, classroomId?: string): Promise<Row[]> {
  const enrolments = await prisma.enrollment.findMany({
    where: { studentId, ...(classroomId ? { classroomId } : {}) },
    orderBy: { joinedAt: "asc" },
    select: { joinedAt: true, removedAt: true, blockedAt: true, classroom: { select: { name: true, archivedAt: true, teachers: { orderBy: { addedAt: "asc" }, select: { teacher: { select: { name: true } } } } } } },
  });
  return enrolments.map((e) => ({
    class: e.classroom.name,
    teacher: e.classroom.teachers.length ? e.classroom.teachers.map((t) => t.teacher.name).join(", ") : "A former teacher (the class is archived)",
    joinedAt: iso(e.joinedAt),
    removedAt: iso(e.removedAt),
    rejoinBlocked: e.blockedAt !== null,
  }));
}

/** Where a post or note stands, in the words its author reads (decision 019). */
const itemStatus = (i: { status: string; withdrawnAt: Date | null }) =>
  OWN_ITEM_WORDS[i.withdrawnAt ? "WITHDRAWN" : i.status === "RELEASED" || i.status === "DECLINED" ? i.status : "PENDING"];

/** The setback a note or reaction answers: only while that post is on the board (a withdrawn or declined post is its author's alone). */
const onPost = (post: { setback: string; status: string; withdrawnAt: Date | null } | null) =>
  post && post.status === "RELEASED" && !post.withdrawnAt ? post.setback : "A post no longer on the board";

const sessionProject = { session: { select: { openedAt: true, project: { select: { title: true, classroom: { select: { name: true } } } } } } } as const;

/**
 * A student's posts, notes and reactions in class failure sessions (decision
 * 019). The teacher's view leaves out what the student withdrew and every
 * reaction (nobody sees who reacted).
 */
async function failureSessionOf(studentId: string, scope: StudentScope): Promise<{ posts: Row[]; notes: Row[]; reactions: Row[] }> {
  const inProjects = scope.projectIds ? { session: { projectId: { in: scope.projectIds } } } : {};
  const visible = scope.teacherView ? { withdrawnAt: null } : {};
  const [posts, notes, reactions] = await Promise.all([
    prisma.failurePost.findMany({
      where: { studentId, ...inProjects, ...visible },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { setback: true, learned: true, status: true, withdrawnAt: true, createdAt: true, ...sessionProject },
    }),
    prisma.failureNote.findMany({
      where: { studentId, ...inProjects, ...visible },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { text: true, status: true, withdrawnAt: true, createdAt: true, post: { select: { setback: true, status: true, withdrawnAt: true } }, ...sessionProject },
    }),
    scope.teacherView
      ? Promise.resolve([])
      : prisma.failureReaction.findMany({
          where: { studentId, ...(scope.projectIds ? { post: inProjects } : {}) },
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          select: { kind: true, createdAt: true, post: { select: { setback: true, status: true, withdrawnAt: true, ...sessionProject } } },
        }),
  ]);
  return {
    posts: posts.map((p) => ({
      class: p.session.project.classroom.name,
      project: p.session.project.title,
      sessionOpened: iso(p.session.openedAt),
      setback: p.setback,
      learned: p.learned,
      status: itemStatus(p),
      writtenAt: iso(p.createdAt),
      withdrawnAt: iso(p.withdrawnAt),
    })),
    notes: notes.map((n) => ({
      class: n.session.project.classroom.name,
      project: n.session.project.title,
      sessionOpened: iso(n.session.openedAt),
      on: onPost(n.post),
      whatHelpedMe: n.text,
      status: itemStatus(n),
      writtenAt: iso(n.createdAt),
      withdrawnAt: iso(n.withdrawnAt),
    })),
    reactions: reactions.map((r) => ({
      class: r.post.session.project.classroom.name,
      project: r.post.session.project.title,
      on: onPost(r.post),
      reaction: isReactionKind(r.kind) ? REACTION_WORDS[r.kind] : r.kind,
      at: iso(r.createdAt),
    })),
  };
}

/** Everything Rebound holds about the signed-in person, section by section (PERSONAL_DATA). */
export async function collectAccountData(userId: string): Promise<{ record: PersonalRecord; name: string } | null> {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { id: true, name: true, email: true, role: true, createdAt: true } });
  if (!user) return null;
  const scope: StudentScope = {};
  const [sessions, setupCodes, externalIds, classes, attempts, journalEntries, received, dismissals, checks, tags, taught, invites, written, groups, goals, groupFeedback, goalComments, failureSession] = await Promise.all([
    prisma.session.findMany({ where: { userId }, orderBy: { expiresAt: "asc" }, select: { createdAt: true, lastSeenAt: true, expiresAt: true } }),
    prisma.setupCode.findMany({ where: { userId }, select: { createdAt: true, expiresAt: true } }),
    prisma.externalIdentity.findMany({ where: { userId }, orderBy: { createdAt: "asc" }, select: { source: true, externalId: true, createdAt: true } }),
    classesOf(userId),
    attemptsOf(userId, scope),
    journalOf(userId, scope),
    commentsReceived(userId, scope),
    prisma.reflectionDismissal.findMany({
      where: { studentId: userId },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true, attempt: { select: { number: true, checkpointVersion: { select: { title: true } }, checkpoint: { select: { project: { select: { title: true } } } } } } },
    }),
    checksGiven(userId, scope),
    prisma.attemptMisconception.findMany({
      where: { setById: userId },
      orderBy: { createdAt: "asc" },
      select: {
        source: true,
        active: true,
        createdAt: true,
        misconception: { select: { name: true } },
        attempt: { select: { number: true, student: { select: { name: true } }, checkpointVersion: { select: { title: true } }, checkpoint: { select: { project: { select: { title: true } } } } } },
      },
    }),
    prisma.classroom.findMany({
      where: taughtBy(userId),
      orderBy: { createdAt: "asc" },
      select: {
        name: true,
        joinCode: true,
        createdAt: true,
        teachers: { where: { teacherId: userId }, select: { addedAt: true, source: true } },
        _count: { select: { enrollments: { where: { removedAt: null } } } },
        projects: { orderBy: { createdAt: "asc" }, select: { title: true, status: true } },
      },
    }),
    prisma.classTeacherInvite.findMany({ where: { createdById: userId }, orderBy: { createdAt: "asc" }, select: { createdAt: true, expiresAt: true, classroom: { select: { name: true } } } }),
    prisma.teacherComment.findMany({ where: { authorId: userId }, orderBy: { createdAt: "asc" }, select: commentSelect }),
    prisma.answerGroup.findMany({
      where: { createdById: userId },
      orderBy: { createdAt: "asc" },
      select: {
        label: true,
        createdAt: true,
        misconception: { select: { name: true } },
        checkpoint: { select: { position: true, project: { select: { title: true } }, versions: { orderBy: { version: "desc" }, take: 1, select: { title: true } } } },
        _count: { select: { members: { where: { excluded: false } } } },
      },
    }),
    goalsOf(userId),
    prisma.groupFeedback.findMany({
      where: { authorId: userId },
      orderBy: { createdAt: "asc" },
      select: {
        targetKind: true,
        targetLabel: true,
        body: true,
        version: true,
        reachLater: true,
        createdAt: true,
        updatedAt: true,
        project: { select: { title: true } },
        _count: { select: { comments: true } },
      },
    }),
    // A teacher's comments on students' goals; a student's own notes are in their goals.
    prisma.learningGoalNote.findMany({
      where: { authorId: userId, goal: { studentId: { not: userId } } },
      orderBy: { createdAt: "asc" },
      select: { body: true, createdAt: true, goal: { select: { text: true, student: { select: { name: true } }, classroom: { select: { name: true } } } } },
    }),
    failureSessionOf(userId, scope),
  ]);
  const lmsAccounts = await prisma.ltiIdentity.findMany({
    where: { userId },
    orderBy: { createdAt: "asc" },
    select: { sub: true, createdAt: true, lastLaunchAt: true, platform: { select: { name: true, issuer: true } } },
  });
  const record: PersonalRecord = {
    account: [{ name: user.name, email: user.email, role: roleWords(user.role).label, createdAt: iso(user.createdAt) }],
    sessions: sessions.map((s) => ({ startedAt: iso(s.createdAt), lastSeenAt: iso(s.lastSeenAt), endsAt: iso(s.expiresAt) })),
    setupCodes: setupCodes.map((c) => ({ givenAt: iso(c.createdAt), endsAt: iso(c.expiresAt) })),
    externalIds: externalIds.map((e) => ({ system: oneRosterSystemWords(e.source), id: e.externalId, keptSince: iso(e.createdAt) })),
    classes,
    attempts,
    journalEntries,
    commentsReceived: received,
    reflectionsSetAside: dismissals.map((d) => ({
      project: d.attempt.checkpoint.project.title,
      checkpoint: d.attempt.checkpointVersion.title,
      attempt: d.attempt.number,
      at: iso(d.createdAt),
    })),
    checksGiven: checks,
    tagsSet: tags.map((t) => ({
      project: t.attempt.checkpoint.project.title,
      checkpoint: t.attempt.checkpointVersion.title,
      student: t.attempt.student.name,
      attempt: t.attempt.number,
      misconception: t.misconception.name,
      source: SOURCE_WORDS[t.source] ?? t.source,
      active: t.active,
      at: iso(t.createdAt),
    })),
    classesTaught: taught.map((c) => ({
      class: c.name,
      joinCode: c.joinCode,
      createdAt: iso(c.createdAt),
      students: c._count.enrollments,
      projects: c.projects.map((p) => `${p.title} (${p.status === "PUBLISHED" ? "published" : "draft"})`).join("; "),
      teachingSince: iso(c.teachers[0]?.addedAt ?? null),
      how: c.teachers[0] ? (CLASS_TEACHER_SOURCE_WORDS[c.teachers[0].source as keyof typeof CLASS_TEACHER_SOURCE_WORDS] ?? c.teachers[0].source) : null,
    })),
    coTeacherInvites: invites.map((i) => ({ class: i.classroom.name, madeAt: iso(i.createdAt), endsAt: iso(i.expiresAt) })),
    commentsWritten: commentRows(written, "written"),
    answerGroupsConfirmed: groups.map((g) => ({
      project: g.checkpoint.project.title,
      checkpoint: `${g.checkpoint.position}. ${g.checkpoint.versions[0]?.title ?? ""}`,
      group: g.label,
      misconception: g.misconception?.name ?? null,
      answers: g._count.members,
      at: iso(g.createdAt),
    })),
    learningGoals: goals,
    groupFeedbackWritten: groupFeedback.map((f) => ({
      project: f.project.title,
      for: `${GROUP_WORDS[f.targetKind] ?? f.targetKind}: ${f.targetLabel}`,
      text: f.body,
      version: f.version,
      reachesStudentsWhoJoinLater: f.reachLater,
      students: f._count.comments,
      at: iso(f.createdAt),
      editedAt: f.version > 1 ? iso(f.updatedAt) : null,
    })),
    goalCommentsWritten: goalComments.map((n) => ({
      class: n.goal.classroom.name,
      student: n.goal.student.name,
      goal: n.goal.text,
      comment: n.body,
      at: iso(n.createdAt),
    })),
    failurePosts: failureSession.posts,
    failureNotes: failureSession.notes,
    reactionsGiven: failureSession.reactions,
    lmsAccounts: lmsAccounts.map((i) => ({ lms: i.platform.name, lmsAddress: i.platform.issuer, yourIdThere: i.sub, linkedAt: iso(i.createdAt), lastOpenedAt: iso(i.lastLaunchAt) })),
  };
  return { record, name: user.name };
}

export interface Download {
  filename: string;
  bytes: Uint8Array;
}

function zip(files: Record<string, string>, at: Date): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, [strToU8(text), { mtime: at }]])), { level: 6 });
}

/** The signed-in person's download: a zip of README.txt, data.json and a CSV per section. */
export async function accountDownload(userId: string, now = new Date()): Promise<Download | null> {
  const data = await collectAccountData(userId);
  if (!data) return null;
  const meta: ArchiveMeta = { subject: `the account of ${data.name}`, exportedAt: now };
  return { filename: archiveFilename(["data"], now), bytes: zip(archiveFiles(data.record, meta), now) };
}

/** A student of the teacher's class (active or removed; their work is kept) with the class, or null. */
export function findClassStudent(input: { teacherId: string; classroomId: string; studentId: string }) {
  return prisma.enrollment.findFirst({
    where: { studentId: input.studentId, classroom: { id: input.classroomId, ...taughtBy(input.teacherId) } },
    select: {
      id: true,
      joinedAt: true,
      removedAt: true,
      blockedAt: true,
      student: { select: { id: true, name: true, email: true } },
      classroom: { select: { id: true, name: true, projects: { orderBy: { createdAt: "asc" }, select: { id: true, title: true, status: true } } } },
    },
  });
}

/**
 * One student's work in the teacher's class, as the teacher may see it:
 * attempts, shared journal entries, comments, and the student's own checks, in
 * that class's projects only (drafts and other classes are not the teacher's
 * to read). Null when the student was never in the teacher's class.
 */
export async function classStudentDownload(
  input: { teacherId: string; classroomId: string; studentId: string; withEmail: boolean },
  now = new Date(),
): Promise<Download | null> {
  const enrolment = await findClassStudent(input);
  if (!enrolment) return null;
  const { student, classroom } = enrolment;
  const scope: StudentScope = { projectIds: classroom.projects.map((p) => p.id), teacherView: true };
  const [classes, attempts, journalEntries, received, checks, goals, failureSession] = await Promise.all([
    classesOf(student.id, classroom.id),
    attemptsOf(student.id, scope),
    journalOf(student.id, scope),
    commentsReceived(student.id, scope),
    checksGiven(student.id, scope),
    goalsOf(student.id, classroom.id),
    failureSessionOf(student.id, scope),
  ]);
  const record: PersonalRecord = {
    account: [{ name: student.name, ...(input.withEmail ? { email: student.email } : {}) }],
    sessions: [],
    setupCodes: [],
    externalIds: [],
    classes,
    attempts,
    journalEntries,
    commentsReceived: received,
    reflectionsSetAside: [],
    checksGiven: checks,
    tagsSet: [],
    classesTaught: [],
    coTeacherInvites: [],
    commentsWritten: [],
    answerGroupsConfirmed: [],
    learningGoals: goals,
    groupFeedbackWritten: [],
    goalCommentsWritten: [],
    failurePosts: failureSession.posts,
    failureNotes: failureSession.notes,
    reactionsGiven: [],
    lmsAccounts: [],
  };
  const meta: ArchiveMeta = { subject: `${student.name}'s work in ${classroom.name}`, exportedAt: now, emailLeftOut: !input.withEmail };
  return { filename: archiveFilename([student.name, classroom.name], now), bytes: zip(archiveFiles(record, meta), now) };
}

/** The response that downloads a zip. */
export function zipResponse(download: Download): Response {
  // fflate returns a Uint8Array over a plain ArrayBuffer.
  return new Response(download.bytes as Uint8Array<ArrayBuffer>, {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="${download.filename}"`,
      "Content-Length": String(download.bytes.byteLength),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

// ---------------------------------------------------------------------------
// Deleting

/**
 * Deletes a student's work (in some projects, or everywhere): comments on it
 * with every version, journal entries, reflections set aside, and attempts
 * with their checks, tags and places in answer groups. Children first: every
 * foreign key to a person restricts, so nothing is left pointing at them.
 */
async function eraseStudentWork(tx: Tx, studentId: string, projectIds?: string[]) {
  const inProjects = projectIds ? { projectId: { in: projectIds } } : {};
  const attemptWhere = { studentId, ...(projectIds ? { checkpoint: { projectId: { in: projectIds } } } : {}) };
  const commentWhere = { OR: [{ studentId, ...inProjects }, { attempt: attemptWhere }, { journalEntry: { studentId, ...inProjects } }] };
  // Learning goals belong to the student in a class: those of the projects' classes go first (they point at comments and attempts).
  const goalWhere = { studentId, ...(projectIds ? { classroom: { projects: { some: { id: { in: projectIds } } } } } : {}) };
  await tx.learningGoalNote.deleteMany({ where: { goal: goalWhere } });
  await tx.learningGoal.deleteMany({ where: goalWhere });
  await tx.teacherCommentVersion.deleteMany({ where: { comment: commentWhere } });
  await tx.teacherComment.deleteMany({ where: commentWhere });
  await tx.reflectionDismissal.deleteMany({ where: { OR: [{ attempt: attemptWhere }, ...(projectIds ? [] : [{ studentId }])] } });
  // How their plans went (decision 017): on their entries, or on their attempts.
  await tx.planFollowUp.deleteMany({ where: { OR: [{ journalEntry: { studentId, ...inProjects } }, { attempt: attemptWhere }] } });
  await tx.journalEntry.deleteMany({ where: { studentId, ...inProjects } });
  // Failure sessions (decision 019): their reactions, and every reaction to their posts (a tap on a post that goes);
  // classmates' notes on their posts stay with their authors, on no post; then their own notes and posts.
  const inSessions = projectIds ? { session: { projectId: { in: projectIds } } } : {};
  await tx.failureReaction.deleteMany({ where: { OR: [{ studentId, ...(projectIds ? { post: inSessions } : {}) }, { post: { studentId, ...inSessions } }] } });
  await tx.failureNote.updateMany({ where: { post: { studentId, ...inSessions }, studentId: { not: studentId } }, data: { postId: null } });
  await tx.failureNote.deleteMany({ where: { studentId, ...inSessions } });
  await tx.failurePost.deleteMany({ where: { studentId, ...inSessions } });
  await tx.answerGroupMember.deleteMany({ where: { attempt: attemptWhere } });
  await tx.attemptMisconception.deleteMany({ where: { attempt: attemptWhere } });
  await tx.attemptReview.deleteMany({ where: { attempt: attemptWhere } });
  await tx.attempt.deleteMany({ where: attemptWhere });
}

async function checkpointIdsOf(where: Prisma.CheckpointWhereInput) {
  return (await prisma.checkpoint.findMany({ where, select: { id: true } })).map((c) => c.id);
}

/**
 * A teacher deletes one student's data from their class (the school or the
 * family asked): every attempt, journal entry (drafts too), comment on them and
 * tag in the class's projects, and the enrolment. With `keepBlock`, one bare
 * enrolment row stays (the class, the student's id and dates, nothing they
 * wrote) so the student still cannot rejoin. Null when the student was never in
 * the teacher's class.
 */
export async function eraseStudentFromClass(input: { teacherId: string; classroomId: string; studentId: string; keepBlock: boolean }) {
  const enrolment = await findClassStudent(input);
  if (!enrolment) return null;
  const projectIds = enrolment.classroom.projects.map((p) => p.id);
  const checkpointIds = await checkpointIdsOf({ projectId: { in: projectIds } });
  await prisma.$transaction(async (tx) => {
    await eraseStudentWork(tx, input.studentId, projectIds);
    if (input.keepBlock) {
      const now = new Date();
      await tx.enrollment.update({ where: { id: enrolment.id }, data: { removedAt: enrolment.removedAt ?? now, blockedAt: enrolment.blockedAt ?? now } });
    } else {
      await tx.enrollment.delete({ where: { id: enrolment.id } });
    }
  });
  forgetCachedGroups(checkpointIds);
  forgetCachedReports(projectIds);
  forgetCachedGrids(projectIds);
  return { name: enrolment.student.name, keptBlock: input.keepBlock };
}

/** What happens to a class whose teacher deletes their account. */
export type ClassChoice = { classroomId: string; choice: "archive" } | { classroomId: string; choice: "hand-over"; email: string };

export type ClassPlan = { classroomId: string; newTeacherId: string | null };

/**
 * The classes only this person teaches, for the delete page's choices (a class
 * with co-teachers stays with them, decision 021).
 */
export function classesTaughtBy(teacherId: string) {
  return prisma.classroom.findMany({
    where: { teachers: { some: { teacherId }, every: { teacherId } } },
    orderBy: { createdAt: "asc" },
    select: { id: true, name: true, _count: { select: { enrollments: { where: { removedAt: null } }, projects: true } } },
  });
}

/**
 * Checks the choices against the classes the person teaches: one for each,
 * and each hand-over to another existing teacher. Returns the plan, or a
 * message per class (by its index in `choices`) and for the form.
 */
export async function planClasses(
  teacherId: string,
  choices: ClassChoice[],
): Promise<{ ok: true; plan: ClassPlan[] } | { ok: false; classErrors: Record<number, string>; formError: string | null }> {
  const taught = await classesTaughtBy(teacherId);
  const classErrors: Record<number, string> = {};
  const plan: ClassPlan[] = [];
  for (const classroom of taught) {
    const index = choices.findIndex((c) => c.classroomId === classroom.id);
    const choice = choices[index];
    if (!choice) continue;
    if (choice.choice === "archive") {
      plan.push({ classroomId: classroom.id, newTeacherId: null });
      continue;
    }
    const email = choice.email.trim().toLowerCase();
    const receiver = await prisma.user.findFirst({ where: { email, role: "TEACHER", id: { not: teacherId } }, select: { id: true } });
    if (!receiver) classErrors[index] = "We couldn't find another teacher's account with that email. Check it with them, or archive the class.";
    else plan.push({ classroomId: classroom.id, newTeacherId: receiver.id });
  }
  const missing = taught.filter((c) => !choices.some((ch) => ch.classroomId === c.id));
  if (missing.length > 0 || Object.keys(classErrors).length > 0) {
    return {
      ok: false,
      classErrors,
      formError: missing.length > 0 ? `Choose what happens to ${missing.map((c) => c.name).join(", ")}: the list of your classes has changed.` : null,
    };
  }
  return { ok: true, plan };
}

/**
 * Deletes an account and everything that is the person's own (ending every
 * session first). What they wrote about students' work (comments, marks,
 * answer groups, tags) stays, from "a former teacher"; each class they teach is
 * handed over or archived as planned. Afterwards no row holds their id, name or
 * email (tests/integration/privacy-deletion.test.ts scans every table).
 */
export async function deleteAccount(userId: string, plan: ClassPlan[]): Promise<void> {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { id: true, email: true } });
  if (!user) return;
  await lucia.invalidateUserSessions(userId);
  const checkpointIds = await checkpointIdsOf({ OR: [{ attempts: { some: { studentId: userId } } }, { answerGroups: { some: { createdById: userId } } }] });
  const projectIds = (
    await prisma.project.findMany({
      where: { OR: [{ checkpoints: { some: { id: { in: checkpointIds } } } }, { classroom: { enrollments: { some: { studentId: userId } } } }] },
      select: { id: true },
    })
  ).map((p) => p.id);
  await prisma.$transaction(async (tx) => {
    await eraseStudentWork(tx, userId);
    await tx.enrollment.deleteMany({ where: { studentId: userId } });
    // Kept, no longer linked to them: they read "A former teacher".
    await tx.teacherComment.updateMany({ where: { authorId: userId }, data: { authorId: null } });
    await tx.attemptReview.updateMany({ where: { reviewerId: userId }, data: { reviewerId: null } });
    await tx.attemptMisconception.updateMany({ where: { setById: userId }, data: { setById: null } });
    await tx.answerGroup.updateMany({ where: { createdById: userId }, data: { createdById: null } });
    await tx.groupFeedback.updateMany({ where: { authorId: userId }, data: { authorId: null } });
    await tx.learningGoalNote.updateMany({ where: { authorId: userId }, data: { authorId: null } });
    const now = new Date();
    for (const { classroomId, newTeacherId } of plan) {
      const taught = await tx.classroom.findFirst({ where: { id: classroomId, ...taughtBy(userId) }, select: { id: true } });
      if (!taught) continue;
      if (newTeacherId) await addClassTeacher(tx, taught.id, newTeacherId, "HANDOVER");
      // Archived only while this person is still its only teacher: a colleague who joined after the page was
      // filled in (decision 021) keeps the class open, as an unplanned shared class does.
      else await tx.classroom.updateMany({ where: { id: taught.id, teachers: { every: { teacherId: userId } } }, data: { archivedAt: now } });
    }
    const taughtIds = (await tx.classTeacher.findMany({ where: { teacherId: userId }, select: { classroomId: true } })).map((t) => t.classroomId);
    await tx.classTeacher.deleteMany({ where: { teacherId: userId } });
    await tx.classTeacherInvite.deleteMany({ where: { createdById: userId } });
    // A class left with no teacher (one created after the plan was made) is archived rather than left to no one.
    await tx.classroom.updateMany({ where: { id: { in: taughtIds }, teachers: { none: {} }, archivedAt: null }, data: { archivedAt: now } });
    await tx.session.deleteMany({ where: { userId } });
    await tx.setupCode.deleteMany({ where: { userId } });
    await tx.externalIdentity.deleteMany({ where: { userId } });
    // Their LMS accounts (and any open deep-linking request) go: a later launch makes a new account.
    await tx.ltiIdentity.deleteMany({ where: { userId } });
    await tx.user.delete({ where: { id: userId } });
  });
  await forgetAccountLimits([user.id, user.email]);
  forgetCachedGroups(checkpointIds);
  forgetCachedReports(projectIds);
  forgetCachedGrids(projectIds);
}
