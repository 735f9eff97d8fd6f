// What the teacher's insight page shows first, read off a ProjectReport: the
// headline numbers, one summary row per checkpoint with its most common wrong
// idea, and the top misconceptions with the quotes that discuss them. Pure.
import type { CheckpointInsight } from "./checkpoints";
import type { MisconceptionInsight } from "./misconceptions";
import type { ProjectReport } from "./report";
import type { Quote } from "./reflections";
import { share } from "./stats";

export interface Headline {
  /** Students in the class now. */
  students: number;
  /** Of those, students who made at least one attempt. */
  studentsWithAttempts: number;
  attempts: number;
  notYet: number;
  notYetLaterResolved: number;
  /** notYetLaterResolved / notYet, null without any "not yet". */
  shareNotYetResolved: number | null;
  /** Misconceptions shown by at least one student. */
  misconceptionsShown: number;
  journalEntries: number;
}

export function headline(report: ProjectReport): Headline {
  let notYet = 0;
  let resolved = 0;
  for (const b of report.velocity.day) {
    notYet += b.notYet;
    resolved += b.notYetLaterResolved;
  }
  return {
    students: report.totals.activeStudents,
    studentsWithAttempts: report.totals.activeStudentsWithAttempts,
    attempts: report.totals.attempts,
    notYet,
    notYetLaterResolved: resolved,
    shareNotYetResolved: share(resolved, notYet),
    misconceptionsShown: report.heatmap.columns.length,
    journalEntries: report.totals.journalEntries,
  };
}

/** The most common wrong idea on a checkpoint, in a line. */
export interface WrongIdea {
  /** The misconception's name, the error shape, or the answer itself in quotes. */
  label: string;
  misconceptionId: string | null;
  /** An answer that shows it (option text, value), when the label is not the answer itself. */
  example: string | null;
  /** Attempts that showed it (all attempts, not only first ones). */
  attempts: number;
  students: number;
}

const quoted = (text: string, max = 60) => {
  const clean = text.replace(/\s+/g, " ").trim();
  return `“${clean.length > max ? `${clean.slice(0, max - 1).trimEnd()}…` : clean}”`;
};

export function commonWrongIdea(checkpoint: CheckpointInsight): WrongIdea | null {
  const detail = checkpoint.detail;
  let best: WrongIdea | null = null;
  const consider = (idea: WrongIdea) => {
    if (idea.attempts > 0 && (!best || idea.attempts > best.attempts)) best = idea;
  };
  if (detail.kind === "MULTIPLE_CHOICE") {
    for (const g of detail.groups) {
      const top = g.options[0];
      if (!top) continue;
      consider(
        g.misconceptionId
          ? { label: g.misconceptionName ?? "", misconceptionId: g.misconceptionId, example: quoted(top.text), attempts: g.all, students: g.students }
          : { label: quoted(top.text), misconceptionId: null, example: null, attempts: top.all, students: top.students },
      );
    }
  } else if (detail.kind === "NUMERIC") {
    for (const g of detail.groups) {
      const top = g.values[0];
      if (!top) continue;
      if (g.kind === "MISCONCEPTION" || g.kind === "SHAPE") {
        consider({ label: g.label, misconceptionId: g.misconceptionId, example: top.label, attempts: g.all, students: g.students });
      } else {
        consider({ label: top.label, misconceptionId: null, example: null, attempts: top.all, students: top.students });
      }
    }
  } else if (detail.groups) {
    for (const g of detail.groups) {
      // The correct answers are no wrong idea; of the others, only groups that are mostly "not yet" (or named as a misconception) are.
      if (g.correct || (!g.misconceptionId && g.outcomes.notYet <= g.outcomes.gotIt)) continue;
      const example = g.representatives[0] ?? null;
      consider({
        label: g.misconceptionName ?? g.label ?? (example ? quoted(example) : "A group of similar answers"),
        misconceptionId: g.misconceptionId,
        example: g.misconceptionName || g.label ? (example ? quoted(example) : null) : null,
        attempts: g.size,
        students: g.students,
      });
    }
  }
  return best;
}

export interface CheckpointRowView {
  checkpointId: string;
  position: number;
  title: string;
  kind: CheckpointInsight["kind"];
  archived: boolean;
  attempts: number;
  studentsAttempted: number;
  gotIt: number;
  gotItFirstTry: number;
  stillWorking: number;
  waiting: number;
  medianAttemptsToGotIt: number | null;
  wrongIdea: WrongIdea | null;
}

export function checkpointRows(report: ProjectReport): CheckpointRowView[] {
  return report.checkpoints.map((c) => ({
    checkpointId: c.checkpointId,
    position: c.position,
    title: c.title,
    kind: c.kind,
    archived: c.archived,
    attempts: c.summary.attempts,
    studentsAttempted: c.summary.studentsAttempted,
    gotIt: c.summary.studentsGotIt,
    gotItFirstTry: c.summary.gotItFirstTry,
    stillWorking: c.summary.studentsStillNotYet,
    waiting: c.summary.studentsWaiting,
    medianAttemptsToGotIt: c.summary.medianAttemptsToGotIt,
    wrongIdea: commonWrongIdea(c),
  }));
}

export interface TopMisconception extends MisconceptionInsight {
  /** Anonymised quotes of journal entries that reflect on it. */
  quotes: Quote[];
  /** Journal entries that reflect on it. */
  reflections: number;
}

/** The misconceptions shown by at least one student, most widespread first, at most `limit`. */
export function topMisconceptions(report: ProjectReport, limit = 5, quotesEach = 2): TopMisconception[] {
  const byMisconception = new Map(report.reflections.byMisconception.map((r) => [r.misconceptionId, r]));
  return report.misconceptions
    .filter((m) => m.studentsAffected > 0)
    .slice(0, limit)
    .map((m) => {
      const r = byMisconception.get(m.misconceptionId);
      return { ...m, quotes: r?.quotes.slice(0, quotesEach) ?? [], reflections: r?.entries ?? 0 };
    });
}
