// The class failure session (decision 019): the board of setbacks a class
// shares, grouped with the app's short-text grouping, and the three views of
// it — a student's (anonymous: no author anywhere, only "mine" for their own),
// the teacher's (named) and the projector's (no names). Pure: no Remix, no
// Prisma; app/models/failure-session.server.ts reads the rows and hands them here.
//
// Order is part of the anonymity: the board is ordered by release batch (the
// teacher approves posts in batches), then by the post's random id, never by
// when a post was written, so neither the order nor the moment a post appears
// points at its author.
import { clusterAnswers, type ClusteringOptions } from "~/domain/insight/text-clustering";

export const REACTION_KINDS = ["ME_TOO", "THANKS", "HELPS"] as const;
export type ReactionKind = (typeof REACTION_KINDS)[number];
export const isReactionKind = (value: unknown): value is ReactionKind => REACTION_KINDS.includes(value as ReactionKind);

/** Where a post or note stands with the teacher. */
export const MODERATION_STATUSES = ["PENDING", "RELEASED", "DECLINED"] as const;
export type ModerationStatus = (typeof MODERATION_STATUSES)[number];
/** Where a student's own post or note stands, as only they see it. */
export type OwnItemStatus = ModerationStatus | "WITHDRAWN";

/** The teacher's mark on an agreed action at the next project. */
export const ACTION_STATUSES = ["DONE", "NOT_DONE"] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** The time boxes a teacher can choose, in minutes. */
export const SESSION_MINUTES = [5, 10, 15, 20, 30, 45, 60] as const;
export const DEFAULT_SESSION_MINUTES = 20;

/** Limits (decision 008). */
export const LIMITS = {
  prompt: 2000,
  setback: 1000,
  learned: 1000,
  note: 1000,
  /** The agreed actions as typed (one per line), and each action. */
  actions: 3000,
  action: 300,
  actionCount: 10,
  /** Posts and notes moderated in one go. */
  batch: 200,
} as const;

/**
 * Below this many items in a release, the teacher is told that classmates
 * might guess an author from when a post appears.
 */
export const SMALL_BATCH = 3;

export type SessionState = "open" | "time-up" | "closed";

/** Open (taking posts), time up (the box ran out, the teacher has not closed it yet), or closed. */
export function sessionState(session: { endsAt: Date; closedAt: Date | null }, now: Date): SessionState {
  if (session.closedAt) return "closed";
  return now.getTime() < session.endsAt.getTime() ? "open" : "time-up";
}

/** Whole minutes left in the time box, rounded up (0 when it has run out). */
export function minutesLeft(endsAt: Date, now: Date): number {
  return Math.max(0, Math.ceil((endsAt.getTime() - now.getTime()) / 60_000));
}

/** The prompt's questions, one per line, blank lines left out. */
export function promptQuestions(prompt: string): string[] {
  return prompt
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

/** The agreed actions as typed, one per line: list markers ("- ", "1. ", "• ") and blank lines left out. */
export function parseAgreedActions(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/^\s*(?:[-*•]|\d+[.)])\s+/, "").trim())
    .filter(Boolean);
}

/** Board order: release batch first, then the random id. Never the time of writing. */
export function byBatchThenId(a: { batch: number; id: string }, b: { batch: number; id: string }): number {
  return a.batch - b.batch || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The project a session's agreed actions are carried into: the next one created in the class (ties by id). */
export function nextProjectId(projects: readonly { id: string; createdAt: Date }[], projectId: string): string | null {
  const ordered = [...projects].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const at = ordered.findIndex((p) => p.id === projectId);
  return at >= 0 && at + 1 < ordered.length ? ordered[at + 1].id : null;
}

/** The project whose agreed actions are shown at the start of this one: the one created just before it in the class. */
export function previousProjectId(projects: readonly { id: string; createdAt: Date }[], projectId: string): string | null {
  const ordered = [...projects].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const at = ordered.findIndex((p) => p.id === projectId);
  return at > 0 ? ordered[at - 1].id : null;
}

// ---------------------------------------------------------------------------
// The board

/** A released post as read from the database (with its author: only the teacher's view keeps it). */
export interface BoardPostRow {
  id: string;
  setback: string;
  learned: string;
  batch: number;
  authorId: string;
  authorName: string;
}

/** A released note on a released post. */
export interface BoardNoteRow {
  id: string;
  postId: string;
  text: string;
  batch: number;
  authorId: string;
  authorName: string;
}

export interface ReactionRow {
  postId: string;
  studentId: string;
  kind: string;
}

export type ReactionCounts = Record<ReactionKind, number>;

interface Board {
  groups: { id: string; keyTerms: string[]; posts: BoardPostRow[] }[];
  notes: Map<string, BoardNoteRow[]>;
  counts: Map<string, ReactionCounts>;
}

/** A group of similar posts on the board; `keyTerms` empty for the posts that are like no other. */
export interface BoardGroup<P> {
  id: string;
  keyTerms: string[];
  posts: P[];
}

const noCounts = (): ReactionCounts => ({ ME_TOO: 0, THANKS: 0, HELPS: 0 });

/** The id of the group that holds the posts like no other. */
export const OTHER_GROUP_ID = "other";

/**
 * How alike two setbacks must be to share a group on the board (the grouping's
 * average cosine similarity). Lower than the insight's 0.55 (decision 003),
 * which was chosen for short answers to one question: setbacks are longer and
 * about different things, and at 0.55 even "I forgot to convert the units on
 * the cyclist question" and "I forgot to convert the units, so my answer was
 * 3.6 times too big" stay apart. A missed or a loose group only changes how the
 * board is laid out; there are no labelled setbacks to measure it on (decision 019).
 */
export const BOARD_GROUP_THRESHOLD = 0.4;

/**
 * Groups the released posts by their setbacks with the app's short-text
 * grouping (at BOARD_GROUP_THRESHOLD); posts like no other share one last group. Groups
 * come in the order their first post was released; posts within a group by
 * batch, then id. Notes keep to released posts; reactions become counts per post.
 */
export function buildBoard(
  input: { posts: readonly BoardPostRow[]; notes: readonly BoardNoteRow[]; reactions: readonly ReactionRow[] },
  clustering: ClusteringOptions = {},
): Board {
  const posts = [...input.posts].sort(byBatchThenId);
  const byId = new Map(posts.map((p) => [p.id, p]));
  const clusters = clusterAnswers(
    posts.map((p) => ({ id: p.id, text: p.setback })),
    { threshold: BOARD_GROUP_THRESHOLD, ...clustering, maxRepresentatives: 0 },
  );
  const similar: Board["groups"] = [];
  const alone: BoardPostRow[] = [];
  for (const c of clusters) {
    const members = c.answerIds.map((id) => byId.get(id)!).sort(byBatchThenId);
    if (members.length > 1) similar.push({ id: c.id, keyTerms: c.keyTerms, posts: members });
    else alone.push(...members);
  }
  similar.sort((a, b) => byBatchThenId(a.posts[0], b.posts[0]));
  const groups = alone.length ? [...similar, { id: OTHER_GROUP_ID, keyTerms: [], posts: alone.sort(byBatchThenId) }] : similar;

  const notes = new Map<string, BoardNoteRow[]>();
  for (const n of [...input.notes].sort(byBatchThenId)) {
    if (!byId.has(n.postId)) continue;
    notes.set(n.postId, [...(notes.get(n.postId) ?? []), n]);
  }
  const counts = new Map<string, ReactionCounts>();
  for (const r of input.reactions) {
    if (!byId.has(r.postId) || !isReactionKind(r.kind)) continue;
    const c = counts.get(r.postId) ?? noCounts();
    c[r.kind]++;
    counts.set(r.postId, c);
  }
  return { groups, notes, counts };
}

/** A post as a classmate sees it: no author, no time; `mine` only for the student's own. */
export interface StudentBoardPost {
  id: string;
  setback: string;
  learned: string;
  mine: boolean;
  reactions: ReactionCounts;
  /** The kinds this student chose on this post (to show the button as pressed). */
  myReactions: ReactionKind[];
  notes: { id: string; text: string; mine: boolean }[];
}

/** The board for one student: every author left out (the student's own posts and notes say "mine"). */
export function studentBoard(board: Board, input: { studentId: string; reactions: readonly ReactionRow[] }): BoardGroup<StudentBoardPost>[] {
  return board.groups.map((g) => ({
    id: g.id,
    keyTerms: g.keyTerms,
    posts: g.posts.map((p) => ({
      id: p.id,
      setback: p.setback,
      learned: p.learned,
      mine: p.authorId === input.studentId,
      reactions: board.counts.get(p.id) ?? noCounts(),
      myReactions: REACTION_KINDS.filter((kind) => input.reactions.some((r) => r.postId === p.id && r.studentId === input.studentId && r.kind === kind)),
      notes: (board.notes.get(p.id) ?? []).map((n) => ({ id: n.id, text: n.text, mine: n.authorId === input.studentId })),
    })),
  }));
}

/** A post as the teacher sees it on their own screen: named. */
export interface TeacherBoardPost {
  id: string;
  setback: string;
  learned: string;
  author: string;
  reactions: ReactionCounts;
  notes: { id: string; text: string; author: string }[];
}

export function teacherBoard(board: Board): BoardGroup<TeacherBoardPost>[] {
  return board.groups.map((g) => ({
    id: g.id,
    keyTerms: g.keyTerms,
    posts: g.posts.map((p) => ({
      id: p.id,
      setback: p.setback,
      learned: p.learned,
      author: p.authorName,
      reactions: board.counts.get(p.id) ?? noCounts(),
      notes: (board.notes.get(p.id) ?? []).map((n) => ({ id: n.id, text: n.text, author: n.authorName })),
    })),
  }));
}

/** A post as projected: no names, nobody's own. */
export interface PresentedBoardPost {
  id: string;
  setback: string;
  learned: string;
  reactions: ReactionCounts;
  notes: { id: string; text: string }[];
}

export function presentedBoard(board: Board): BoardGroup<PresentedBoardPost>[] {
  return board.groups.map((g) => ({
    id: g.id,
    keyTerms: g.keyTerms,
    posts: g.posts.map((p) => ({
      id: p.id,
      setback: p.setback,
      learned: p.learned,
      reactions: board.counts.get(p.id) ?? noCounts(),
      notes: (board.notes.get(p.id) ?? []).map((n) => ({ id: n.id, text: n.text })),
    })),
  }));
}

/** How many posts a board holds. */
export const postCount = (groups: readonly BoardGroup<unknown>[]) => groups.reduce((n, g) => n + g.posts.length, 0);
