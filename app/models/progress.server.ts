// Following the class: the data behind the progress grid and one student's
// timeline, and the teacher's marks and support actions. The reads take the
// `OwnedProject` that requireTeacherProject (app/models/project.server.ts)
// proves; the writes check the teacher again in their own `where`.
import { prisma } from "~/db.server";
import { buildProgressGrid, orderStudents, type ProgressGrid } from "~/domain/progress-grid";
import { ByteLru, estimateBytes, type VersionStamp } from "~/domain/report-cache";
import { readReportVersion } from "~/models/insight-cache.server";
import { cellState } from "~/domain/progress";
import { groupByDay, toAttemptView, type AttemptView, type TimedItem } from "~/domain/timeline";
import { shownAttemptFields } from "~/models/attempt.server";
import { addComment } from "~/models/comment.server";
import { listAddedEntries } from "~/models/journal.server";
import { checkpointsWithLatestVersion, type OwnedProject } from "~/models/project.server";
import { taughtBy } from "~/models/class-teachers.server";

function classStudents(classroomId: string) {
  return prisma.enrollment.findMany({
    where: { classroomId },
    select: { removedAt: true, student: { select: { id: true, name: true } } },
  });
}

/**
 * The progress grid, kept per server and checked against the project's data
 * version (ProjectDataVersion, decision 015) before every use: every row the
 * grid reads — attempts, reviews, submitted journal entries, checkpoints and
 * their versions, enrolments, students' names — moves that version in the
 * writing transaction, so a grid is reused only while nothing it shows has
 * changed, on this server or another. Views at once share one build. The
 * grid holds no times relative to now (the page words ages itself).
 */
const gridStore = new ByteLru<{ stamp: VersionStamp; grid: ProgressGrid }>(Number(process.env.PROGRESS_CACHE_MB ?? 64) * 1024 * 1024);
const gridBuilds = new Map<string, { stamp: VersionStamp; done: Promise<ProgressGrid> }>();
const sameStamp = (a: VersionStamp, b: VersionStamp) => a.version === b.version && a.deletions === b.deletions;

export async function loadProgressGrid(project: OwnedProject): Promise<ProgressGrid> {
  // Read before the rows: a grid built afterwards holds at least what this version holds.
  const stamp = await readReportVersion(project.id);
  if (!stamp) return readProgressGrid(project);
  const cached = gridStore.get(project.id);
  if (cached && sameStamp(cached.stamp, stamp)) return cached.grid;
  const running = gridBuilds.get(project.id);
  if (running && sameStamp(running.stamp, stamp)) return running.done;
  const done = readProgressGrid(project).then((grid) => {
    // A slower build of an older version never replaces a newer grid.
    const kept = gridStore.get(project.id);
    if (!kept || kept.stamp.version <= stamp.version) gridStore.set(project.id, { stamp, grid }, estimateBytes(grid));
    return grid;
  });
  const build = { stamp, done };
  gridBuilds.set(project.id, build);
  const clear = () => {
    if (gridBuilds.get(project.id) === build) gridBuilds.delete(project.id);
  };
  done.then(clear, clear);
  return done;
}

/** Drops these projects' grids (a person's data was erased: no copy of it stays in memory either). */
export function forgetCachedGrids(projectIds: string[]) {
  for (const id of projectIds) gridStore.delete(id);
}

/** Students × checkpoints for a project, in five queries whatever the class size. */
async function readProgressGrid(project: OwnedProject): Promise<ProgressGrid> {
  const [checkpoints, enrollments, attempts, reviews, support] = await Promise.all([
    checkpointsWithLatestVersion(project.id),
    classStudents(project.classroomId),
    prisma.attempt.findMany({
      where: { checkpoint: { projectId: project.id } },
      select: { id: true, number: true, createdAt: true, outcome: true, studentId: true, checkpointId: true },
    }),
    // Only attempts without an automatic outcome (short text) carry verdicts that matter here.
    prisma.attemptReview.findMany({
      where: { attempt: { outcome: null, checkpoint: { projectId: project.id } } },
      select: { attemptId: true, role: true, verdict: true, createdAt: true },
    }),
    prisma.journalEntry.findMany({
      where: { projectId: project.id, status: "SUBMITTED", supportNeeded: true, supportResolvedAt: null },
      select: { studentId: true, submittedAt: true, createdAt: true },
    }),
  ]);
  return buildProgressGrid({
    students: enrollments.map((e) => ({ id: e.student.id, name: e.student.name, removed: e.removedAt !== null })),
    checkpoints: checkpoints.map((c) => ({ id: c.id, kind: c.kind, title: c.versions[0]?.title ?? `Checkpoint ${c.position}` })),
    attempts,
    reviews,
    supportRequests: support.map((s) => ({ studentId: s.studentId, askedAt: s.submittedAt ?? s.createdAt })),
  });
}

/** The students in grid order (for previous / next on a timeline). */
export async function studentsInGridOrder(project: OwnedProject) {
  const enrollments = await classStudents(project.classroomId);
  const removedIds = enrollments.filter((e) => e.removedAt !== null).map((e) => e.student.id);
  const withWork = new Set<string>();
  if (removedIds.length > 0) {
    const [attempted, asking] = await Promise.all([
      prisma.attempt.groupBy({ by: ["studentId"], where: { studentId: { in: removedIds }, checkpoint: { projectId: project.id } } }),
      prisma.journalEntry.groupBy({
        by: ["studentId"],
        where: { studentId: { in: removedIds }, projectId: project.id, status: "SUBMITTED", supportNeeded: true, supportResolvedAt: null },
      }),
    ]);
    for (const row of [...attempted, ...asking]) withWork.add(row.studentId);
  }
  return orderStudents(
    enrollments.map((e) => ({ id: e.student.id, name: e.student.name, removed: e.removedAt !== null })),
    (id) => withWork.has(id),
  );
}

export interface JournalView extends TimedItem {
  type: "journal";
  /** The reflection prompt's title; null for a free entry. */
  promptTitle: string | null;
  /** What the entry reflects on, in words, e.g. "Attempt 2 on Speed of a cyclist". */
  about: string | null;
  checkpointId: string | null;
  attemptId: string | null;
  responses: { question: string | null; answer: string }[];
  confidence: number | null;
  supportNeeded: boolean;
  supportResolvedAt: Date | null;
}

export type TimelineItem = AttemptView | JournalView;

/**
 * One student's attempts and shared journal entries in a project, read against
 * the versions they answered. Draft journal entries are the student's private
 * work in progress and are left out.
 */
export async function loadStudentTimeline(project: OwnedProject, studentId: string, options: { checkpointId?: string | null } = {}) {
  const projectId = project.id;
  const [checkpoints, attempts, entries] = await Promise.all([
    prisma.checkpoint.findMany({
      where: { projectId },
      orderBy: { position: "asc" },
      select: { id: true, position: true, kind: true, archivedAt: true, versions: { orderBy: { version: "desc" }, take: 1, select: { version: true, title: true } } },
    }),
    prisma.attempt.findMany({
      where: { studentId, checkpoint: { projectId } },
      orderBy: { createdAt: "asc" },
      select: {
        ...shownAttemptFields,
        checkpointId: true,
        checkpoint: { select: { kind: true, position: true, archivedAt: true } },
        checkpointVersion: { select: { version: true, title: true, prompt: true, spec: true } },
        reviews: { orderBy: { createdAt: "asc" }, select: { role: true, verdict: true, note: true, createdAt: true, reviewer: { select: { name: true } } } },
        misconceptions: { where: { active: true }, select: { source: true, misconception: { select: { name: true, nextStep: true } } } },
      },
    }),
    listAddedEntries(studentId, project),
  ]);

  const checkpointById = new Map(checkpoints.map((c) => [c.id, c]));
  const titleOf = (id: string) => {
    const c = checkpointById.get(id);
    return c?.versions[0]?.title ?? `Checkpoint ${c?.position ?? ""}`.trim();
  };

  const attemptViews = attempts.map((a) => toAttemptView(a, checkpointById.get(a.checkpointId)?.versions[0]?.version ?? a.checkpointVersion.version));
  const journalViews: JournalView[] = entries.map((e) => {
    const checkpointId = e.checkpointId ?? e.attempt?.checkpointId ?? null;
    const about = e.attempt
      ? `Attempt ${e.attempt.number} on ${titleOf(e.attempt.checkpointId)}`
      : checkpointId
        ? titleOf(checkpointId)
        : null;
    return {
      type: "journal",
      id: e.id,
      at: e.submittedAt,
      promptTitle: e.promptTitle,
      about,
      checkpointId,
      attemptId: e.attemptId,
      responses: e.responses,
      confidence: e.confidence,
      supportNeeded: e.supportNeeded,
      supportResolvedAt: e.supportResolvedAt,
    };
  });

  const filter = options.checkpointId && checkpointById.has(options.checkpointId) ? options.checkpointId : null;
  const items: TimelineItem[] = [...attemptViews, ...journalViews].filter((item) => !filter || item.checkpointId === filter);

  // Where the student stands on each live checkpoint.
  const standing = checkpoints
    .filter((c) => c.archivedAt === null)
    .map((c) => {
      const state = cellState(attempts.filter((a) => a.checkpointId === c.id));
      return { checkpointId: c.id, position: c.position, title: titleOf(c.id), state };
    });

  return {
    days: groupByDay(items),
    itemCount: items.length,
    filter: filter ? { checkpointId: filter, title: titleOf(filter) } : null,
    standing,
    openSupport: journalViews.filter((j) => j.supportNeeded && !j.supportResolvedAt).length,
  };
}

/**
 * The teacher's mark on a short-text attempt (append-only: the latest mark
 * counts). Null when the attempt is not that student's short-text attempt in
 * a project of this teacher.
 */
export async function markAttempt({
  teacherId,
  studentId,
  projectId,
  attemptId,
  verdict,
}: {
  teacherId: string;
  studentId: string;
  projectId: string;
  attemptId: string;
  verdict: "GOT_IT" | "NOT_YET";
}) {
  const attempt = await prisma.attempt.findFirst({
    where: { id: attemptId, studentId, outcome: null, checkpoint: { projectId, kind: "SHORT_TEXT", project: { classroom: taughtBy(teacherId) } } },
    select: { id: true, number: true },
  });
  if (!attempt) return null;
  await prisma.attemptReview.create({ data: { attemptId: attempt.id, reviewerId: teacherId, role: "TEACHER", verdict } });
  return attempt;
}

/**
 * Marks an open support request as given, with an optional note that becomes a
 * comment on the journal entry. Null when there is no such open request.
 */
export async function resolveSupport({
  teacherId,
  studentId,
  projectId,
  journalEntryId,
  note,
}: {
  teacherId: string;
  studentId: string;
  projectId: string;
  journalEntryId: string;
  note?: string;
}) {
  const updated = await prisma.journalEntry.updateMany({
    where: {
      id: journalEntryId,
      studentId,
      projectId,
      status: "SUBMITTED",
      supportNeeded: true,
      supportResolvedAt: null,
      project: { classroom: taughtBy(teacherId) },
    },
    data: { supportResolvedAt: new Date() },
  });
  if (updated.count === 0) return null;
  if (note) {
    await addComment({ authorId: teacherId, studentId, projectId, target: { kind: "journal", id: journalEntryId }, body: note });
  }
  return { journalEntryId };
}
