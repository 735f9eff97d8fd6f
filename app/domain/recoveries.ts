// A student's own recoveries in a project: the checkpoints where a "not yet"
// later became a "got it", with the attempts on the way, the misconceptions
// worked through and the student's reflections beside them; the checkpoints
// still being worked on; and each misconception's recovery (recovered,
// relapsed, still working), all by the app's one definition of recovery
// (app/domain/recovery.ts). Plain data in, JSON-safe data out. Pure.
import type { CheckpointSpec } from "~/domain/checkpoint-spec";
import { describeAnswer } from "~/domain/answer-display";
import type { Outcome } from "~/domain/grading";
import { effectiveMisconceptions, impliedMisconceptions } from "~/domain/insight/prepare";
import { effectiveOutcome } from "~/domain/progress";
import { studentRecoveries, turnaround, type RecoveryAttempt, type RecoveryState } from "~/domain/recovery";

export interface RecoveryCheckpointInput {
  id: string;
  position: number;
  /** Title of the latest version. */
  title: string;
  latestVersion: number;
  archived: boolean;
}

export interface RecoveryAttemptInput {
  id: string;
  checkpointId: string;
  number: number;
  createdAt: Date;
  answer: string;
  outcome: string | null;
  reviews: { role: string; verdict: string; createdAt: Date }[];
  version: { version: number; title: string; spec: CheckpointSpec };
  /** AttemptMisconception rows of the attempt. */
  tags: { misconceptionId: string; source: string; active: boolean; createdAt?: Date }[];
}

export interface RecoveryMisconceptionInput {
  id: string;
  name: string;
  description: string;
  nextStep: string;
}

export interface RecoveryEntryInput {
  id: string;
  checkpointId: string | null;
  attemptId: string | null;
  promptTitle: string | null;
  responses: { question: string | null; answer: string }[];
  confidence: number | null;
  submittedAt: Date;
}

export interface RecoveryAttemptView {
  id: string;
  number: number;
  at: string;
  outcome: Outcome | null;
  /** The answer read against the version it answered. */
  answerText: string;
  versionNumber: number;
  versionTitle: string;
  isLatestVersion: boolean;
  misconceptions: { id: string; name: string }[];
}

export interface ReflectionView {
  id: string;
  title: string;
  /** The attempt it was written after, if linked to one. */
  attemptNumber: number | null;
  at: string;
  responses: { question: string | null; answer: string }[];
  confidence: number | null;
}

export interface Recovery {
  checkpointId: string;
  position: number;
  title: string;
  archived: boolean;
  /** Attempts before the got-it, in order (at least one "not yet"). */
  before: RecoveryAttemptView[];
  gotIt: RecoveryAttemptView;
  /** Attempts up to and including the got-it. */
  attemptsToGotIt: number;
  /** From the first "not yet" to the got-it. */
  msToRecover: number;
  timeToRecover: string;
  /** Misconceptions shown on the way, worked through by the got-it. */
  misconceptions: RecoveryMisconceptionInput[];
  reflections: ReflectionView[];
}

export interface StillWorkingOn {
  checkpointId: string;
  position: number;
  title: string;
  archived: boolean;
  attempts: number;
  lastAt: string;
  /** The last attempt waits for a check (short text without a verdict). */
  waiting: boolean;
  misconceptions: RecoveryMisconceptionInput[];
  reflections: number;
}

/** One idea (misconception) the student showed, and how their recovery from it stands (app/domain/recovery.ts). */
export interface IdeaRecovery {
  misconception: RecoveryMisconceptionInput;
  state: RecoveryState;
  /** Relapsed, and got it again since everywhere it showed. */
  recoveredAgain: boolean;
  /** Titles of the checkpoints where they got it after it showed. */
  recoveredOn: string[];
  /** Titles of the checkpoints where it showed and no "got it" has followed yet. */
  stillOn: string[];
  relapses: { checkpointTitle: string; attemptNumber: number; at: string; afterCheckpointTitle: string }[];
}

export interface Recoveries {
  recoveries: Recovery[];
  stillWorkingOn: StillWorkingOn[];
  /** Checkpoints got on the very first attempt. */
  gotFirstTry: number;
  /** Every misconception the student showed, in the project's order. */
  ideas: IdeaRecovery[];
}

/** "12 minutes", "about 3 hours", "2 days": how long a recovery took, in plain words. */
export function describeDuration(ms: number): string {
  const minute = 60_000;
  const hour = 60 * minute;
  const day = 24 * hour;
  if (ms < minute) return "less than a minute";
  if (ms < hour) {
    const n = Math.round(ms / minute);
    return n === 1 ? "1 minute" : `${n} minutes`;
  }
  if (ms < day) {
    const n = Math.round(ms / hour);
    return n === 1 ? "about an hour" : `about ${n} hours`;
  }
  const n = Math.round(ms / day);
  return n === 1 ? "about a day" : `about ${n} days`;
}

const entryTitle = (e: RecoveryEntryInput) => e.promptTitle ?? (e.responses.some((r) => r.question) ? "Reflection" : "Journal entry");

export function buildRecoveries(input: {
  checkpoints: RecoveryCheckpointInput[];
  attempts: RecoveryAttemptInput[];
  misconceptions: RecoveryMisconceptionInput[];
  entries: RecoveryEntryInput[];
}): Recoveries {
  const misconceptionById = new Map(input.misconceptions.map((m) => [m.id, m]));
  const rank = new Map(input.misconceptions.map((m, i) => [m.id, i]));
  const checkpointById = new Map(input.checkpoints.map((c) => [c.id, c]));
  const byCheckpoint = new Map<string, RecoveryAttemptInput[]>();
  for (const a of input.attempts) {
    if (!checkpointById.has(a.checkpointId)) continue;
    const list = byCheckpoint.get(a.checkpointId);
    if (list) list.push(a);
    else byCheckpoint.set(a.checkpointId, [a]);
  }
  const attemptNumber = new Map(input.attempts.map((a) => [a.id, { number: a.number, checkpointId: a.checkpointId }]));
  const entriesByCheckpoint = new Map<string, RecoveryEntryInput[]>();
  for (const e of input.entries) {
    const checkpointId = e.checkpointId ?? (e.attemptId ? attemptNumber.get(e.attemptId)?.checkpointId : undefined);
    if (!checkpointId) continue;
    const list = entriesByCheckpoint.get(checkpointId);
    if (list) list.push(e);
    else entriesByCheckpoint.set(checkpointId, [e]);
  }

  const view = (a: RecoveryAttemptInput, latestVersion: number): RecoveryAttemptView => {
    const outcome = effectiveOutcome(a);
    const ids = outcome === "GOT_IT" ? [] : effectiveMisconceptions(a.tags.map((t) => ({ ...t, attemptId: a.id })), impliedMisconceptions(a.version.spec, a.answer));
    return {
      id: a.id,
      number: a.number,
      at: a.createdAt.toISOString(),
      outcome,
      answerText: describeAnswer(a.version.spec, a.answer),
      versionNumber: a.version.version,
      versionTitle: a.version.title,
      isLatestVersion: a.version.version === latestVersion,
      misconceptions: ids
        .filter((id) => misconceptionById.has(id))
        .sort((x, y) => rank.get(x)! - rank.get(y)!)
        .map((id) => ({ id, name: misconceptionById.get(id)!.name })),
    };
  };
  const misconceptionsOf = (views: RecoveryAttemptView[]) => {
    const ids = [...new Set(views.flatMap((v) => v.misconceptions.map((m) => m.id)))];
    return ids.sort((x, y) => rank.get(x)! - rank.get(y)!).map((id) => misconceptionById.get(id)!);
  };
  const reflectionsOf = (checkpointId: string): ReflectionView[] =>
    [...(entriesByCheckpoint.get(checkpointId) ?? [])]
      .sort((x, y) => x.submittedAt.getTime() - y.submittedAt.getTime() || x.id.localeCompare(y.id))
      .map((e) => ({
        id: e.id,
        title: entryTitle(e),
        attemptNumber: e.attemptId ? (attemptNumber.get(e.attemptId)?.number ?? null) : null,
        at: e.submittedAt.toISOString(),
        responses: e.responses.filter((r) => r.answer.trim()),
        confidence: e.confidence,
      }));

  const recoveries: Recovery[] = [];
  const stillWorkingOn: StillWorkingOn[] = [];
  let gotFirstTry = 0;
  const everyAttempt: (RecoveryAttempt & { view: RecoveryAttemptView })[] = [];
  const ordered = [...input.checkpoints].sort((a, b) => a.position - b.position || a.id.localeCompare(b.id));
  for (const c of ordered) {
    const attempts = [...(byCheckpoint.get(c.id) ?? [])].sort((a, b) => a.number - b.number);
    if (attempts.length === 0) continue;
    const views = attempts.map((a) => view(a, c.latestVersion));
    // Read by the app's one definition of recovery (app/domain/recovery.ts).
    const path = views.map((v) => ({
      id: v.id,
      checkpointId: c.id,
      number: v.number,
      at: new Date(v.at).getTime(),
      outcome: v.outcome,
      misconceptionIds: v.misconceptions.map((m) => m.id),
      view: v,
    }));
    everyAttempt.push(...path);
    const turned = turnaround(path);
    if (turned) {
      const before = turned.before.map((a) => a.view);
      const gotIt = turned.gotIt.view;
      const ms = Math.max(0, turned.gotIt.at - turned.firstNotYet.at);
      recoveries.push({
        checkpointId: c.id,
        position: c.position,
        title: c.title,
        archived: c.archived,
        before,
        gotIt,
        attemptsToGotIt: gotIt.number,
        msToRecover: ms,
        timeToRecover: describeDuration(ms),
        misconceptions: misconceptionsOf(before),
        reflections: reflectionsOf(c.id),
      });
      continue;
    }
    if (views[0].outcome === "GOT_IT" || views.some((v) => v.outcome === "GOT_IT")) {
      // Got on the first try, or got after answers that were only waiting: nothing was turned around.
      if (views[0].outcome === "GOT_IT") gotFirstTry++;
      continue;
    }
    const last = views[views.length - 1];
    stillWorkingOn.push({
      checkpointId: c.id,
      position: c.position,
      title: c.title,
      archived: c.archived,
      attempts: views.length,
      lastAt: last.at,
      waiting: last.outcome === null,
      misconceptions: misconceptionsOf(views),
      reflections: (entriesByCheckpoint.get(c.id) ?? []).length,
    });
  }
  const titleOf = new Map(input.checkpoints.map((c) => [c.id, c.title]));
  const ideas: IdeaRecovery[] = studentRecoveries(everyAttempt)
    .filter((r) => misconceptionById.has(r.misconceptionId))
    .sort((x, y) => rank.get(x.misconceptionId)! - rank.get(y.misconceptionId)!)
    .map((r) => ({
      misconception: misconceptionById.get(r.misconceptionId)!,
      state: r.state,
      recoveredAgain: r.recoveredAgain,
      recoveredOn: r.episodes.filter((e) => e.gotIt).map((e) => titleOf.get(e.checkpointId) ?? "a checkpoint"),
      stillOn: r.episodes.filter((e) => !e.gotIt).map((e) => titleOf.get(e.checkpointId) ?? "a checkpoint"),
      relapses: r.relapses.map((x) => ({
        checkpointTitle: titleOf.get(x.attempt.checkpointId) ?? "a checkpoint",
        attemptNumber: x.attempt.number,
        at: new Date(x.attempt.at).toISOString(),
        afterCheckpointTitle: titleOf.get(x.after.checkpointId) ?? "a checkpoint",
      })),
    }));
  return { recoveries, stillWorkingOn, gotFirstTry, ideas };
}
