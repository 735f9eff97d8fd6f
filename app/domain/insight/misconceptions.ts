// Per misconception: who showed it, who worked through it and how long that
// took, and which misconceptions tend to show up in the same students. Pure.
import { timeToRecover, type EpisodeIndex } from "./episodes";
import type { Prepared } from "./prepare";
import { jaccard, lift, median, round } from "./stats";

export interface CooccurrencePair {
  a: string;
  b: string;
  /** Students who showed both. */
  students: number;
  jaccard: number;
  /** > 1: together more often than chance among the students who made attempts. */
  lift: number;
}

export interface MisconceptionInsight {
  misconceptionId: string;
  name: string;
  studentsAffected: number;
  /** Students who got every checkpoint where it showed right on a later attempt. */
  studentsResolved: number;
  studentsStillHolding: number;
  /** Attempts that showed it. */
  attempts: number;
  /** Checkpoints where it showed, in project order. */
  checkpointIds: string[];
  /** Student-checkpoint occurrences, and how many were followed by a got-it. */
  episodes: number;
  episodesResolved: number;
  /** Median attempt number of the got-it that resolved an occurrence. */
  medianAttemptsToGotIt: number | null;
  /** Median attempts from the first attempt showing it to the got-it (1 = the very next). */
  medianAttemptsToRecover: number | null;
  /** Median milliseconds from the first "not yet" on the checkpoint to that got-it. */
  medianTimeToRecoverMs: number | null;
  /** Other misconceptions seen in the same students, most shared first. */
  occursWith: { misconceptionId: string; name: string; students: number; jaccard: number; lift: number }[];
}

/**
 * Co-occurrence over students: for each pair of misconceptions, how many students
 * showed both, with Jaccard and lift. `population` is the number of students who
 * made at least one attempt.
 */
export function cooccurrence(studentSets: Iterable<readonly string[]>, population: number): CooccurrencePair[] {
  const size = new Map<string, number>();
  const both = new Map<string, number>();
  for (const set of studentSets) {
    const ids = [...set].sort();
    for (let i = 0; i < ids.length; i++) {
      size.set(ids[i], (size.get(ids[i]) ?? 0) + 1);
      for (let j = i + 1; j < ids.length; j++) {
        const key = `${ids[i]}\u0000${ids[j]}`;
        both.set(key, (both.get(key) ?? 0) + 1);
      }
    }
  }
  const pairs: CooccurrencePair[] = [];
  for (const [key, n] of both) {
    const [a, b] = key.split("\u0000");
    const sa = size.get(a)!;
    const sb = size.get(b)!;
    pairs.push({ a, b, students: n, jaccard: round(jaccard(n, sa, sb)), lift: round(lift(n, sa, sb, population)) });
  }
  return pairs.sort((x, y) => y.students - x.students || y.jaccard - x.jaccard || x.a.localeCompare(y.a) || x.b.localeCompare(y.b));
}

export function misconceptionInsights(
  prepared: Prepared,
  episodes: EpisodeIndex,
): { misconceptions: MisconceptionInsight[]; cooccurrence: CooccurrencePair[] } {
  const studentSets: string[][] = [];
  for (const perStudent of episodes.byStudent.values()) studentSets.push([...perStudent.keys()]);
  const population = prepared.pathsByStudent.size;
  const pairs = cooccurrence(studentSets, population);
  const partners = new Map<string, MisconceptionInsight["occursWith"]>();
  const nameOf = (id: string) => prepared.misconceptions.get(id)!.name;
  for (const p of pairs) {
    for (const [self, other] of [
      [p.a, p.b],
      [p.b, p.a],
    ]) {
      const list = partners.get(self) ?? [];
      list.push({ misconceptionId: other, name: nameOf(other), students: p.students, jaccard: p.jaccard, lift: p.lift });
      partners.set(self, list);
    }
  }
  const checkpointRank = new Map(prepared.checkpointOrder.map((c, i) => [c.id, i]));
  const insights: MisconceptionInsight[] = [];
  for (const m of prepared.misconceptions.values()) {
    const list = episodes.byMisconception.get(m.id) ?? [];
    const holding = new Set<string>();
    const students = new Set<string>();
    const checkpoints = new Set<string>();
    let attempts = 0;
    let resolved = 0;
    const gotItNumbers: number[] = [];
    const recoverAttempts: number[] = [];
    const recoverTimes: number[] = [];
    for (const e of list) {
      students.add(e.studentId);
      checkpoints.add(e.checkpointId);
      attempts += e.attempts.length;
      if (!e.gotIt) {
        holding.add(e.studentId);
        continue;
      }
      resolved++;
      gotItNumbers.push(e.gotIt.number);
      recoverAttempts.push(e.gotIt.number - e.attempts[0].number);
      const t = timeToRecover(e);
      if (t !== null) recoverTimes.push(t);
    }
    insights.push({
      misconceptionId: m.id,
      name: m.name,
      studentsAffected: students.size,
      studentsResolved: students.size - holding.size,
      studentsStillHolding: holding.size,
      attempts,
      checkpointIds: [...checkpoints].sort((a, b) => checkpointRank.get(a)! - checkpointRank.get(b)!),
      episodes: list.length,
      episodesResolved: resolved,
      medianAttemptsToGotIt: median(gotItNumbers),
      medianAttemptsToRecover: median(recoverAttempts),
      medianTimeToRecoverMs: median(recoverTimes),
      occursWith: partners.get(m.id) ?? [],
    });
  }
  insights.sort(
    (a, b) =>
      b.studentsAffected - a.studentsAffected ||
      b.attempts - a.attempts ||
      prepared.misconceptionRank.get(a.misconceptionId)! - prepared.misconceptionRank.get(b.misconceptionId)!,
  );
  return { misconceptions: insights, cooccurrence: pairs };
}
