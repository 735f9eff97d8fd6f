// Reflection signals: journal entries linked to the checkpoints and
// misconceptions they discuss, confidence against correctness, and short
// anonymised quotes to show beside the numbers. Pure.
import type { Outcome } from "~/domain/grading";
import { createAnonymiser, quoteOf, QUOTE_LENGTH } from "./anonymise";
import type { Prepared, PreparedAttempt, PreparedJournal } from "./prepare";
import type { JournalResponse } from "~/domain/journal-entry";
import type { IsoDate } from "./types";

/** An anonymised quote: no student name, email or id. */
export interface Quote {
  journalEntryId: string;
  text: string;
  checkpointId: string | null;
  confidence: number | null;
  at: IsoDate;
}

export interface ReflectionGroup {
  entries: number;
  students: number;
  /** Newest first. */
  quotes: Quote[];
}

export interface ConfidenceSignal {
  journalEntryId: string;
  studentId: string;
  name: string;
  checkpointId: string;
  attemptId: string;
  confidence: number;
  outcome: Outcome;
}

export interface ConfidenceSignals {
  /** Entries with a confidence rating that could be set against an outcome. */
  rated: number;
  /** For each rating 1..5: outcomes of the attempts reflected on. */
  table: { confidence: number; gotIt: number; notYet: number }[];
  /** Confidence 4–5 and "not yet", oldest entry first. */
  confidentWrong: ConfidenceSignal[];
  /** Confidence 1–2 and "got it", oldest entry first. */
  unsureRight: ConfidenceSignal[];
}

export interface ReflectionSignals {
  entries: number;
  students: number;
  /** Checkpoints in project order that have linked entries. */
  byCheckpoint: ({ checkpointId: string } & ReflectionGroup)[];
  /**
   * Misconceptions (most discussed first) that linked entries reflect on
   * (reflectedMisconceptions). An entry counts under each of them, but its quote
   * is shown under one only, and the same words once (assignQuotes).
   */
  byMisconception: ({ misconceptionId: string; name: string } & ReflectionGroup)[];
  confidence: ConfidenceSignals;
}

export interface ReflectionOptions {
  /** Quotes per checkpoint / misconception (default 3). */
  quotesPerGroup?: number;
  quoteLength?: number;
}

/** The text a quote is taken from: the longest answer of the entry. */
export function entryText(responses: readonly JournalResponse[]): string {
  let best = "";
  for (const r of responses) {
    const answer = typeof r.answer === "string" ? r.answer.trim() : "";
    if (answer.length > best.length) best = answer;
  }
  return best;
}

/**
 * The attempt an entry reflects on: its linked attempt, else the student's latest
 * attempt on the linked checkpoint made before the entry was submitted.
 */
export function reflectedAttempt(prepared: Prepared, entry: PreparedJournal): PreparedAttempt | null {
  if (entry.attempt) return entry.attempt;
  if (!entry.linkedCheckpointId) return null;
  const path = prepared.pathsByCheckpoint.get(entry.linkedCheckpointId)?.get(entry.studentId);
  if (!path) return null;
  for (let i = path.attempts.length - 1; i >= 0; i--) if (path.attempts[i].at <= entry.at) return path.attempts[i];
  return null;
}

/**
 * Misconceptions an entry reflects on: those its attempt shows (reflectedAttempt:
 * the linked attempt, else the student's latest attempt on the linked
 * checkpoint before the entry), after teacher corrections. An entry on a got-it
 * reflects on getting there: the misconceptions of the "not yet"s that led to
 * it (the student's attempts on the checkpoint since their previous got-it).
 * Never every misconception the student showed on the checkpoint at some time:
 * an entry written about one wrong idea is not quoted under another.
 */
export function reflectedMisconceptions(prepared: Prepared, entry: PreparedJournal): readonly string[] {
  const attempt = reflectedAttempt(prepared, entry);
  if (!attempt) return [];
  if (attempt.outcome !== "GOT_IT" || attempt.misconceptionIds.length > 0) return attempt.misconceptionIds;
  const path = prepared.pathsByCheckpoint.get(attempt.checkpointId)?.get(attempt.studentId);
  if (!path) return [];
  const ids: string[] = [];
  for (let i = attempt.index - 1; i >= 0 && path.attempts[i].outcome !== "GOT_IT"; i--) {
    for (const m of path.attempts[i].misconceptionIds) if (!ids.includes(m)) ids.push(m);
  }
  return ids.sort((a, b) => prepared.misconceptionRank.get(a)! - prepared.misconceptionRank.get(b)!);
}

/** Two quotes with these keys say the same thing (case and spacing aside). */
export const quoteKey = (text: string) => text.toLowerCase().replace(/\s+/g, " ").trim();

/**
 * Quotes for one section of a page, where each list belongs to one
 * misconception (or checkpoint) and holds its candidate entries, best first.
 * The lists take turns in the order given, each taking its next candidate not
 * yet quoted in the section, so every list gets a quote before any gets a
 * second; an entry, and a text, is quoted at most once in the section. So an
 * entry whose attempt shows two misconceptions is quoted under one of them:
 * the first in the section's order that reaches it. `read` gives an entry's
 * quote (or null to pass it over).
 */
export function assignQuotes<T, Q extends { text: string }>(
  lists: readonly (readonly T[])[],
  read: (item: T) => Q | null,
  options: { perList: number; max?: number; id: (item: T) => string },
): Q[][] {
  const picked: Q[][] = lists.map(() => []);
  const usedEntries = new Set<string>();
  const usedTexts = new Set<string>();
  const next = lists.map(() => 0);
  const max = options.max ?? Infinity;
  let total = 0;
  let progressed = true;
  while (progressed && total < max) {
    progressed = false;
    for (let k = 0; k < lists.length && total < max; k++) {
      if (picked[k].length >= options.perList) continue;
      const list = lists[k];
      while (next[k] < list.length) {
        const item = list[next[k]++];
        const id = options.id(item);
        if (usedEntries.has(id)) continue;
        const q = read(item);
        const key = q ? quoteKey(q.text) : "";
        if (!q || !key || usedTexts.has(key)) continue;
        usedEntries.add(id);
        usedTexts.add(key);
        picked[k].push(q);
        total++;
        progressed = true;
        break;
      }
    }
  }
  return picked;
}

interface GroupAcc {
  entries: PreparedJournal[];
  students: Set<string>;
}

export function reflectionSignals(prepared: Prepared, options: ReflectionOptions = {}): ReflectionSignals {
  const perGroup = options.quotesPerGroup ?? 3;
  const maxLength = options.quoteLength ?? QUOTE_LENGTH;
  let anonymise: ((text: string) => string) | undefined;
  const quotes = new Map<string, Quote | null>();
  const quote = (entry: PreparedJournal): Quote | null => {
    if (quotes.has(entry.id)) return quotes.get(entry.id)!;
    const text = entryText(entry.responses);
    anonymise ??= createAnonymiser([...prepared.students.values()]);
    const q = text
      ? {
          journalEntryId: entry.id,
          text: quoteOf(text, anonymise, maxLength),
          checkpointId: entry.linkedCheckpointId,
          confidence: entry.confidence,
          at: new Date(entry.at).toISOString(),
        }
      : null;
    quotes.set(entry.id, q);
    return q;
  };
  /** The groups of one section with their quotes: newest entries first, each entry and text quoted once in the section. */
  const finish = <K>(groups: readonly [K, GroupAcc][]): (ReflectionGroup & { key: K })[] => {
    const newestFirst = groups.map(([, acc]) => [...acc.entries].reverse());
    const picked = assignQuotes(newestFirst, quote, { perList: perGroup, id: (e) => e.id });
    return groups.map(([key, acc], k) => ({ key, entries: acc.entries.length, students: acc.students.size, quotes: picked[k] }));
  };
  const add = (map: Map<string, GroupAcc>, key: string, entry: PreparedJournal) => {
    let acc = map.get(key);
    if (!acc) {
      acc = { entries: [], students: new Set() };
      map.set(key, acc);
    }
    acc.entries.push(entry);
    acc.students.add(entry.studentId);
  };

  const byCheckpoint = new Map<string, GroupAcc>();
  const byMisconception = new Map<string, GroupAcc>();
  const students = new Set<string>();
  const table = [1, 2, 3, 4, 5].map((confidence) => ({ confidence, gotIt: 0, notYet: 0 }));
  const confidentWrong: ConfidenceSignal[] = [];
  const unsureRight: ConfidenceSignal[] = [];
  let rated = 0;
  for (const entry of prepared.journals) {
    students.add(entry.studentId);
    if (entry.linkedCheckpointId) add(byCheckpoint, entry.linkedCheckpointId, entry);
    for (const m of reflectedMisconceptions(prepared, entry)) add(byMisconception, m, entry);
    const c = entry.confidence;
    if (c === null || !Number.isInteger(c) || c < 1 || c > 5) continue;
    const attempt = reflectedAttempt(prepared, entry);
    if (!attempt?.outcome) continue;
    rated++;
    const row = table[c - 1];
    if (attempt.outcome === "GOT_IT") row.gotIt++;
    else row.notYet++;
    const signal = (): ConfidenceSignal => ({
      journalEntryId: entry.id,
      studentId: entry.studentId,
      name: prepared.students.get(entry.studentId)!.name,
      checkpointId: attempt.checkpointId,
      attemptId: attempt.id,
      confidence: c,
      outcome: attempt.outcome!,
    });
    if (c >= 4 && attempt.outcome === "NOT_YET") confidentWrong.push(signal());
    else if (c <= 2 && attempt.outcome === "GOT_IT") unsureRight.push(signal());
  }
  const checkpointRank = new Map(prepared.checkpointOrder.map((c, i) => [c.id, i]));
  return {
    entries: prepared.journals.length,
    students: students.size,
    // Each checkpoint's quotes are a section of their own (an entry reflects on one checkpoint).
    byCheckpoint: [...byCheckpoint.entries()]
      .sort((a, b) => checkpointRank.get(a[0])! - checkpointRank.get(b[0])!)
      .map((group) => finish([group])[0])
      .map(({ key, ...g }) => ({ checkpointId: key, ...g })),
    // The misconceptions' quotes are one section: an entry is quoted under one misconception only.
    byMisconception: finish(
      [...byMisconception.entries()].sort(
        (a, b) =>
          b[1].entries.length - a[1].entries.length || prepared.misconceptionRank.get(a[0])! - prepared.misconceptionRank.get(b[0])!,
      ),
    ).map(({ key, ...g }) => ({ misconceptionId: key, name: prepared.misconceptions.get(key)!.name, ...g })),
    confidence: { rated, table, confidentWrong, unsureRight },
  };
}
