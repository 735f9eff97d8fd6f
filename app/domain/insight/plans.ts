// Plans in the class insight (decision 017): the plans students wrote about
// each misconception, grouped with the app's short-text grouping
// (text-clustering.ts); how many were followed through; and recovery with a
// plan against recovery without one (median attempts and time to "got it"),
// with the counts, so a small difference on a few students reads as what it
// is. Quotes are anonymised. Pure.
import { buildPlans, tried, type Plan, type PlanEntryInput } from "~/domain/plans";
import { createAnonymiser, quoteOf } from "./anonymise";
import { timeToRecover, type EpisodeIndex } from "./episodes";
import type { Prepared, PreparedAttempt } from "./prepare";
import { reflectedMisconceptions } from "./reflections";
import { median, share } from "./stats";
import { clusterAnswers, type ClusteringOptions } from "./text-clustering";

/** Below this many recoveries on either side, the comparison is called too small to mean anything. */
export const MIN_RECOVERIES_TO_COMPARE = 5;

export interface FollowThrough {
  /** Plans whose next attempt has not come yet. */
  waiting: number;
  /** The attempt came; the student has not said how the plan went. */
  unanswered: number;
  helped: number;
  didntHelp: number;
  didntTry: number;
  /** Tried (helped or not) out of those who said whether they tried it; null when nobody said. */
  shareFollowedThrough: number | null;
}

export interface RecoverySide {
  /** Student-checkpoint occurrences of the misconception. */
  episodes: number;
  /** Of those, followed by a "got it". */
  recovered: number;
  /** Median attempts from the first attempt showing it to the "got it" (1 = the very next). */
  medianAttempts: number | null;
  /** Median milliseconds from the first "not yet" on the checkpoint to the "got it". */
  medianTimeMs: number | null;
}

export interface PlanComparison {
  withPlan: RecoverySide;
  withoutPlan: RecoverySide;
  /** Fewer than MIN_RECOVERIES_TO_COMPARE recoveries on one side: any difference may be chance. */
  tooFew: boolean;
}

export interface PlanTextGroup {
  /** An anonymised plan that stands for the group. */
  text: string;
  /** Other wordings in the group (anonymised), at most two. */
  alsoWritten: string[];
  plans: number;
  students: number;
  /** Of this group's plans, tried (helped or not) and said so. */
  tried: number;
  helped: number;
}

export interface MisconceptionPlans {
  misconceptionId: string;
  name: string;
  plans: number;
  students: number;
  groups: PlanTextGroup[];
  followThrough: FollowThrough;
  comparison: PlanComparison;
}

export interface PlanInsight {
  /** Every plan in the class, on a checkpoint or about the project. */
  plans: number;
  students: number;
  followThrough: FollowThrough;
  /** Over every misconception: occurrences recovered with a plan against without. */
  comparison: PlanComparison;
  /** Misconceptions with a plan written about them, most plans first. */
  byMisconception: MisconceptionPlans[];
}

export interface PlanInsightOptions {
  clustering?: ClusteringOptions;
  /** Plan groups per misconception (default 4). */
  groupsPerMisconception?: number;
  quoteLength?: number;
}

function followThrough(plans: readonly Plan[]): FollowThrough {
  const f = { waiting: 0, unanswered: 0, helped: 0, didntHelp: 0, didntTry: 0 };
  for (const p of plans) {
    if (p.status === "waiting") f.waiting++;
    else if (p.status === "to-follow-up") f.unanswered++;
    else if (p.status === "HELPED") f.helped++;
    else if (p.status === "DIDNT_HELP") f.didntHelp++;
    else f.didntTry++;
  }
  return { ...f, shareFollowedThrough: share(f.helped + f.didntHelp, f.helped + f.didntHelp + f.didntTry) };
}

function side(list: { recovered: boolean; attempts: number | null; timeMs: number | null }[]): RecoverySide {
  const recovered = list.filter((x) => x.recovered);
  return {
    episodes: list.length,
    recovered: recovered.length,
    medianAttempts: median(recovered.flatMap((x) => (x.attempts === null ? [] : [x.attempts]))),
    medianTimeMs: median(recovered.flatMap((x) => (x.timeMs === null ? [] : [x.timeMs]))),
  };
}

function compare(withPlan: RecoverySide, withoutPlan: RecoverySide): PlanComparison {
  return { withPlan, withoutPlan, tooFew: withPlan.recovered < MIN_RECOVERIES_TO_COMPARE || withoutPlan.recovered < MIN_RECOVERIES_TO_COMPARE };
}

export function planInsights(prepared: Prepared, episodes: EpisodeIndex, options: PlanInsightOptions = {}): PlanInsight {
  const anonymise = createAnonymiser([...prepared.students.values()]);
  const quoteLength = options.quoteLength ?? 140;

  // Every student's plans, with the attempt each was for and how it went.
  const journalsByStudent = new Map<string, PlanEntryInput[]>();
  for (const j of prepared.journals) {
    const list = journalsByStudent.get(j.studentId) ?? [];
    list.push({ id: j.id, checkpointId: j.linkedCheckpointId, attemptId: j.attemptId, responses: j.responses, at: j.at });
    journalsByStudent.set(j.studentId, list);
  }
  const followUpsByEntry = new Map<string, typeof prepared.planFollowUps>();
  for (const f of prepared.planFollowUps) followUpsByEntry.set(f.journalEntryId, [...(followUpsByEntry.get(f.journalEntryId) ?? []), f]);
  const plans: (Plan<PreparedAttempt> & { studentId: string })[] = [];
  for (const [studentId, entries] of journalsByStudent) {
    const attempts = (prepared.pathsByStudent.get(studentId) ?? []).flatMap((p) => p.attempts);
    const followUps = entries.flatMap((e) => followUpsByEntry.get(e.id) ?? []);
    for (const p of buildPlans(entries, attempts, followUps)) plans.push({ ...p, studentId });
  }
  const journalById = new Map(prepared.journals.map((j) => [j.id, j]));

  // Plans per misconception: those written about an attempt that showed it.
  const byMisconception = new Map<string, typeof plans>();
  for (const p of plans) {
    const j = journalById.get(p.id);
    if (!j) continue;
    for (const m of reflectedMisconceptions(prepared, j)) byMisconception.set(m, [...(byMisconception.get(m) ?? []), p]);
  }

  // Recovery with a plan and without, per occurrence (student × checkpoint × misconception):
  // with a plan when the student wrote one on that checkpoint after it first showed and before the "got it".
  const plansOn = new Map<string, number[]>();
  for (const p of plans) {
    if (!p.checkpointId) continue;
    const key = `${p.studentId}\u0000${p.checkpointId}`;
    plansOn.set(key, [...(plansOn.get(key) ?? []), p.at]);
  }
  type Row = { recovered: boolean; attempts: number | null; timeMs: number | null };
  const allWith: Row[] = [];
  const allWithout: Row[] = [];
  const comparisons = new Map<string, PlanComparison>();
  for (const [misconceptionId, list] of episodes.byMisconception) {
    const withPlan: Row[] = [];
    const withoutPlan: Row[] = [];
    for (const e of list) {
      const from = e.attempts[0].at;
      const until = e.gotIt?.at ?? Infinity;
      const planned = (plansOn.get(`${e.studentId}\u0000${e.checkpointId}`) ?? []).some((at) => at >= from && at < until);
      const row: Row = { recovered: e.gotIt !== null, attempts: e.gotIt ? e.gotIt.number - e.attempts[0].number : null, timeMs: timeToRecover(e) };
      (planned ? withPlan : withoutPlan).push(row);
    }
    allWith.push(...withPlan);
    allWithout.push(...withoutPlan);
    comparisons.set(misconceptionId, compare(side(withPlan), side(withoutPlan)));
  }

  const perMisconception: MisconceptionPlans[] = [];
  for (const [misconceptionId, list] of byMisconception) {
    const m = prepared.misconceptions.get(misconceptionId);
    if (!m) continue;
    const byId = new Map(list.map((p) => [p.id, p]));
    const groups = clusterAnswers(
      list.map((p) => ({ id: p.id, text: p.text })),
      options.clustering,
    )
      .slice(0, options.groupsPerMisconception ?? 4)
      .map((g): PlanTextGroup => {
        const members = g.answerIds.map((id) => byId.get(id)!).filter(Boolean);
        const texts = [...new Set(g.representatives.map((r) => quoteOf(r.text, anonymise, quoteLength)).filter(Boolean))];
        return {
          text: texts[0] ?? "",
          alsoWritten: texts.slice(1, 3),
          plans: members.length,
          students: new Set(members.map((p) => p.studentId)).size,
          tried: members.filter((p) => tried(p.result)).length,
          helped: members.filter((p) => p.result === "HELPED").length,
        };
      })
      .filter((g) => g.text);
    perMisconception.push({
      misconceptionId,
      name: m.name,
      plans: list.length,
      students: new Set(list.map((p) => p.studentId)).size,
      groups,
      followThrough: followThrough(list),
      comparison: comparisons.get(misconceptionId) ?? compare(side([]), side([])),
    });
  }
  perMisconception.sort(
    (a, b) => b.plans - a.plans || prepared.misconceptionRank.get(a.misconceptionId)! - prepared.misconceptionRank.get(b.misconceptionId)!,
  );

  return {
    plans: plans.length,
    students: new Set(plans.map((p) => p.studentId)).size,
    followThrough: followThrough(plans),
    comparison: compare(side(allWith), side(allWithout)),
    byMisconception: perMisconception,
  };
}

/** The comparison in words for the teacher, counts first; says so when the numbers are too small to mean anything. */
export function describePlanComparison(c: PlanComparison, formatDuration: (ms: number) => string): string {
  const part = (s: RecoverySide, label: string) => {
    if (s.episodes === 0) return `${label}: none.`;
    const base = `${label}: ${s.recovered} of ${s.episodes} recovered`;
    if (s.recovered === 0 || s.medianAttempts === null) return `${base}.`;
    const attempts = `${s.medianAttempts} more attempt${s.medianAttempts === 1 ? "" : "s"}`;
    return `${base}, a median of ${attempts}${s.medianTimeMs !== null ? ` and ${formatDuration(s.medianTimeMs)}` : ""} to “got it”.`;
  };
  const lines = [part(c.withPlan, "With a plan"), part(c.withoutPlan, "Without a plan")];
  if (c.tooFew) {
    lines.push(
      `Too few to compare: fewer than ${MIN_RECOVERIES_TO_COMPARE} recoveries on ${c.withPlan.recovered < MIN_RECOVERIES_TO_COMPARE && c.withoutPlan.recovered < MIN_RECOVERIES_TO_COMPARE ? "either side" : "one side"}, so a difference here may be chance.`,
    );
  }
  return lines.join(" ");
}
