// Reflection signals: journal entries linked to the checkpoints and
// misconceptions they discuss, confidence against correctness, and short
// anonymised quotes to show beside the numbers. Pure.
import type { Outcome } from "~/domain/grading";
import { createAnonymiser, quoteOf, QUOTE_LENGTH } from "./anonymise";
import type { Prepared, PreparedAttempt, PreparedJournal } from "./prepare";
import type { IsoDate, JournalResponse } from "./types";

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
  /** Misconceptions (most discussed first) that linked entries reflect on. */
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

/** Misconceptions an entry discusses: those of its linked attempt, else those the student showed on the checkpoint so far. */
function discussedMisconceptions(prepared: Prepared, entry: PreparedJournal): string[] {
  if (entry.attempt) return entry.attempt.misconceptionIds;
  if (!entry.linkedCheckpointId) return [];
  const path = prepared.pathsByCheckpoint.get(entry.linkedCheckpointId)?.get(entry.studentId);
  if (!path) return [];
  const ids = new Set<string>();
  for (const a of path.attempts) if (a.at <= entry.at) for (const m of a.misconceptionIds) ids.add(m);
  return [...ids];
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
  const finish = (acc: GroupAcc): ReflectionGroup => {
    const picked: Quote[] = [];
    for (let i = acc.entries.length - 1; i >= 0 && picked.length < perGroup; i--) {
      const q = quote(acc.entries[i]);
      if (q) picked.push(q);
    }
    return { entries: acc.entries.length, students: acc.students.size, quotes: picked };
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
    for (const m of discussedMisconceptions(prepared, entry)) add(byMisconception, m, entry);
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
    byCheckpoint: [...byCheckpoint.entries()]
      .sort((a, b) => checkpointRank.get(a[0])! - checkpointRank.get(b[0])!)
      .map(([checkpointId, acc]) => ({ checkpointId, ...finish(acc) })),
    byMisconception: [...byMisconception.entries()]
      .map(([misconceptionId, acc]) => ({ misconceptionId, name: prepared.misconceptions.get(misconceptionId)!.name, ...finish(acc) }))
      .sort(
        (a, b) =>
          b.entries - a.entries ||
          prepared.misconceptionRank.get(a.misconceptionId)! - prepared.misconceptionRank.get(b.misconceptionId)!,
      ),
    confidence: { rated, table, confidentWrong, unsureRight },
  };
}
