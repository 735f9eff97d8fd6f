// Who needs help now: students going round in circles on a checkpoint without a
// reflection since, and open support requests, oldest first. Pure.
import type { Prepared, PreparedJournal } from "./prepare";
import type { IsoDate } from "./types";

export interface StuckStudent {
  studentId: string;
  name: string;
  checkpointId: string;
  checkpointTitle: string;
  position: number;
  /** "Not yet" attempts in a row at the end of the student's path on the checkpoint. */
  consecutiveNotYet: number;
  attempts: number;
  runStartedAt: IsoDate;
  lastAttemptAt: IsoDate;
  lastAttemptId: string;
  /** Misconceptions shown during the run, in project order. */
  misconceptionIds: string[];
}

export interface SupportRequest {
  journalEntryId: string;
  studentId: string;
  name: string;
  checkpointId: string | null;
  attemptId: string | null;
  requestedAt: IsoDate;
  /** How long it has been open, when `now` was given. */
  waitingMs: number | null;
}

export interface HelpNow {
  minConsecutiveNotYet: number;
  /** Longest runs first, then the longest-waiting. */
  stuck: StuckStudent[];
  /** Oldest first. */
  supportRequests: SupportRequest[];
}

export interface HelpOptions {
  /** How many "not yet" in a row count as stuck (default 2). */
  minConsecutiveNotYet?: number;
  /** Current time in ms, for how long requests have waited. */
  now?: number;
}

/** A submitted reflection about the checkpoint (or the project as a whole) at or after `since`. */
function reflectedSince(journals: readonly PreparedJournal[] | undefined, checkpointId: string, since: number): boolean {
  if (!journals) return false;
  for (let i = journals.length - 1; i >= 0; i--) {
    const j = journals[i];
    if (j.at < since) return false;
    if (j.linkedCheckpointId === null || j.linkedCheckpointId === checkpointId) return true;
  }
  return false;
}

export function helpNow(prepared: Prepared, options: HelpOptions = {}): HelpNow {
  const min = Math.max(1, options.minConsecutiveNotYet ?? 2);
  const journalsByStudent = new Map<string, PreparedJournal[]>();
  for (const j of prepared.journals) {
    const list = journalsByStudent.get(j.studentId);
    if (list) list.push(j);
    else journalsByStudent.set(j.studentId, [j]);
  }
  const stuck: StuckStudent[] = [];
  for (const c of prepared.checkpointOrder) {
    if (c.archived) continue;
    for (const path of prepared.pathsByCheckpoint.get(c.id)!.values()) {
      if (path.firstGotIt >= 0) continue;
      const student = prepared.students.get(path.studentId)!;
      if (!student.active) continue;
      const list = path.attempts;
      let run = 0;
      for (let i = list.length - 1; i >= 0 && list[i].outcome === "NOT_YET"; i--) run++;
      if (run < min) continue;
      const last = list[list.length - 1];
      if (reflectedSince(journalsByStudent.get(path.studentId), c.id, last.at)) continue;
      const runAttempts = list.slice(list.length - run);
      const ids = new Set(runAttempts.flatMap((a) => a.misconceptionIds));
      stuck.push({
        studentId: student.id,
        name: student.name,
        checkpointId: c.id,
        checkpointTitle: prepared.latestVersion.get(c.id)?.title ?? "",
        position: c.position,
        consecutiveNotYet: run,
        attempts: list.length,
        runStartedAt: new Date(runAttempts[0].at).toISOString(),
        lastAttemptAt: new Date(last.at).toISOString(),
        lastAttemptId: last.id,
        misconceptionIds: [...ids].sort((a, b) => prepared.misconceptionRank.get(a)! - prepared.misconceptionRank.get(b)!),
      });
    }
  }
  stuck.sort(
    (a, b) =>
      b.consecutiveNotYet - a.consecutiveNotYet ||
      a.lastAttemptAt.localeCompare(b.lastAttemptAt) ||
      a.name.localeCompare(b.name) ||
      a.position - b.position,
  );
  const supportRequests: SupportRequest[] = [];
  for (const j of prepared.journals) {
    if (!j.supportNeeded || j.supportResolvedAt) continue;
    const student = prepared.students.get(j.studentId)!;
    if (!student.active) continue;
    supportRequests.push({
      journalEntryId: j.id,
      studentId: student.id,
      name: student.name,
      checkpointId: j.linkedCheckpointId,
      attemptId: j.attemptId,
      requestedAt: new Date(j.at).toISOString(),
      waitingMs: options.now === undefined ? null : Math.max(0, options.now - j.at),
    });
  }
  return { minConsecutiveNotYet: min, stuck, supportRequests };
}
