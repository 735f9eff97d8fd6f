// Rebound's one definition of recovery (decision 017), read by the student's
// recoveries page and by every part of the class insight. Pure.
//
// - A checkpoint is *turned around* when a "not yet" on it is later followed
//   by a "got it" on it.
// - A misconception shown on a checkpoint is *recovered* there when the student
//   reached "got it" on that checkpoint after the last attempt that showed it.
// - It has *relapsed* when, after such a recovery, it shows again in a later
//   attempt on another checkpoint.
// - Per student and misconception, the state is "relapsed" once that has
//   happened (whether or not they have recovered again since), else
//   "recovered" when every checkpoint where it showed was recovered, else
//   "still-working".
// - A re-check checkpoint (the teacher marks it so) asks about a misconception
//   again on purpose: for a student who had recovered from it before, their
//   first attempt there says whether the recovery held.
import type { Outcome } from "~/domain/grading";

/** What the definition reads of an attempt; the insight's and the recoveries page's attempts both have it. */
export interface RecoveryAttempt {
  id: string;
  checkpointId: string;
  /** 1-based, per student and checkpoint. */
  number: number;
  /** When it was made, in milliseconds. */
  at: number;
  /** The outcome that counts; null while it waits for a check. */
  outcome: Outcome | null;
  /** The misconceptions it shows, after teacher corrections. */
  misconceptionIds: readonly string[];
}

/** One misconception shown on one checkpoint by one student. */
export interface MisconceptionEpisode<A extends RecoveryAttempt = RecoveryAttempt> {
  misconceptionId: string;
  checkpointId: string;
  /** The attempts that showed it, in attempt order. */
  attempts: A[];
  /** The first "got it" after the last of them, or null: not recovered there (yet). */
  gotIt: A | null;
}

const byNumber = <A extends RecoveryAttempt>(attempts: readonly A[]): readonly A[] => {
  for (let i = 1; i < attempts.length; i++) if (attempts[i - 1].number > attempts[i].number) return [...attempts].sort((a, b) => a.number - b.number);
  return attempts;
};

/**
 * The episodes of one student's attempts on one checkpoint: one per
 * misconception shown, in the order they first showed.
 */
export function episodesOnPath<A extends RecoveryAttempt>(pathAttempts: readonly A[]): MisconceptionEpisode<A>[] {
  const attempts = byNumber(pathAttempts);
  const found = new Map<string, { episode: MisconceptionEpisode<A>; last: number }>();
  attempts.forEach((a, index) => {
    for (const m of a.misconceptionIds) {
      const seen = found.get(m);
      if (seen) {
        seen.episode.attempts.push(a);
        seen.last = index;
      } else found.set(m, { episode: { misconceptionId: m, checkpointId: a.checkpointId, attempts: [a], gotIt: null }, last: index });
    }
  });
  const episodes: MisconceptionEpisode<A>[] = [];
  for (const { episode, last } of found.values()) {
    episode.gotIt = attempts.slice(last + 1).find((a) => a.outcome === "GOT_IT") ?? null;
    episodes.push(episode);
  }
  return episodes;
}

/** Whether the student reached "got it" on the checkpoint after the last attempt there that showed the misconception (false if it never showed). */
export function recoveredOnPath(pathAttempts: readonly RecoveryAttempt[], misconceptionId: string): boolean {
  const attempts = byNumber(pathAttempts);
  for (let i = attempts.length - 1; i >= 0; i--) {
    if (attempts[i].misconceptionIds.includes(misconceptionId)) return attempts.slice(i + 1).some((a) => a.outcome === "GOT_IT");
  }
  return false;
}

/** A checkpoint turned around: its first "not yet", and the first "got it" after it. */
export interface Turnaround<A extends RecoveryAttempt = RecoveryAttempt> {
  firstNotYet: A;
  gotIt: A;
  /** The attempts before that "got it", in order. */
  before: A[];
}

/** The turnaround on one student's attempts on one checkpoint, or null when no "not yet" there has been followed by a "got it". */
export function turnaround<A extends RecoveryAttempt>(pathAttempts: readonly A[]): Turnaround<A> | null {
  const attempts = byNumber(pathAttempts);
  const first = attempts.findIndex((a) => a.outcome === "NOT_YET");
  if (first < 0) return null;
  const got = attempts.findIndex((a, i) => i > first && a.outcome === "GOT_IT");
  if (got < 0) return null;
  return { firstNotYet: attempts[first], gotIt: attempts[got], before: attempts.slice(0, got) };
}

export type RecoveryState = "recovered" | "relapsed" | "still-working";

export const RECOVERY_STATES: readonly RecoveryState[] = ["recovered", "relapsed", "still-working"];

export interface Relapse<A extends RecoveryAttempt = RecoveryAttempt> {
  /** The first attempt on another checkpoint that showed it again after a recovery. */
  attempt: A;
  /** The recovery it came after (the latest one before it). */
  after: { checkpointId: string; gotIt: A };
}

/** One student's recovery from one misconception, over every checkpoint where it showed. */
export interface MisconceptionRecovery<A extends RecoveryAttempt = RecoveryAttempt> {
  misconceptionId: string;
  state: RecoveryState;
  /** Oldest first (by the first attempt that showed it). */
  episodes: MisconceptionEpisode<A>[];
  /** Relapses, oldest first; at most one per checkpoint. */
  relapses: Relapse<A>[];
  /** Relapsed, and since then recovered on every checkpoint where it showed. */
  recoveredAgain: boolean;
}

/**
 * The state of one student's recovery from one misconception, from its
 * episodes on every checkpoint (episodesOnPath). Null when it never showed.
 */
export function misconceptionRecovery<A extends RecoveryAttempt>(episodes: readonly MisconceptionEpisode<A>[]): MisconceptionRecovery<A> | null {
  if (episodes.length === 0) return null;
  const ordered = [...episodes].sort((a, b) => a.attempts[0].at - b.attempts[0].at || a.checkpointId.localeCompare(b.checkpointId));
  const recoveries = ordered.filter((e) => e.gotIt).map((e) => ({ checkpointId: e.checkpointId, gotIt: e.gotIt! }));
  const relapses: Relapse<A>[] = [];
  for (const e of ordered) {
    for (const a of e.attempts) {
      let after: Relapse<A>["after"] | null = null;
      for (const r of recoveries) {
        if (r.checkpointId !== e.checkpointId && r.gotIt.at < a.at && (!after || r.gotIt.at > after.gotIt.at)) after = r;
      }
      if (after) {
        relapses.push({ attempt: a, after });
        break;
      }
    }
  }
  relapses.sort((x, y) => x.attempt.at - y.attempt.at);
  const allRecovered = ordered.every((e) => e.gotIt !== null);
  const state: RecoveryState = relapses.length > 0 ? "relapsed" : allRecovered ? "recovered" : "still-working";
  return { misconceptionId: episodes[0].misconceptionId, state, episodes: ordered, relapses, recoveredAgain: relapses.length > 0 && allRecovered };
}

/** Every misconception one student showed, with its recovery, from their attempts on every checkpoint (any order). */
export function studentRecoveries<A extends RecoveryAttempt>(attempts: readonly A[]): MisconceptionRecovery<A>[] {
  const byCheckpoint = new Map<string, A[]>();
  for (const a of attempts) {
    const list = byCheckpoint.get(a.checkpointId);
    if (list) list.push(a);
    else byCheckpoint.set(a.checkpointId, [a]);
  }
  const byMisconception = new Map<string, MisconceptionEpisode<A>[]>();
  for (const list of byCheckpoint.values()) {
    for (const e of episodesOnPath(list)) {
      const l = byMisconception.get(e.misconceptionId);
      if (l) l.push(e);
      else byMisconception.set(e.misconceptionId, [e]);
    }
  }
  return [...byMisconception.values()].map((list) => misconceptionRecovery(list)!);
}

/** How a re-check went for a student who had recovered from the misconception before it. */
export type RecheckResult = "held" | "showed-again" | "not-yet" | "waiting";

export const RECHECK_RESULTS: readonly RecheckResult[] = ["held", "showed-again", "not-yet", "waiting"];

/**
 * A re-check checkpoint for a misconception: the result of the student's first
 * attempt on it, when they had recovered from the misconception on another
 * checkpoint before that attempt; null otherwise (they never showed it, had
 * not recovered yet, or have not answered the re-check).
 */
export function recheckResult<A extends RecoveryAttempt>(
  recovery: MisconceptionRecovery<A> | null,
  recheckCheckpointId: string,
  recheckAttempts: readonly A[],
): RecheckResult | null {
  if (!recovery) return null;
  const first = byNumber(recheckAttempts)[0];
  if (!first) return null;
  const recoveredBefore = recovery.episodes.some((e) => e.checkpointId !== recheckCheckpointId && e.gotIt && e.gotIt.at < first.at);
  if (!recoveredBefore) return null;
  if (first.misconceptionIds.includes(recovery.misconceptionId)) return "showed-again";
  if (first.outcome === "GOT_IT") return "held";
  if (first.outcome === "NOT_YET") return "not-yet";
  return "waiting";
}
