// Calibration: how sure students said they were with an answer ("How sure are
// you?", 1–5, asked on the attempt form before the outcome is known) set
// against the outcome that counts. Every rated attempt counts, not only the
// last; a short-text attempt counts once it has an outcome (teacher mark or
// self-assessment). The confidence a student gives in a reflection, after
// feedback, is a different signal (reflections.ts). Pure.
//
// - "Sure, and not yet there": rated 4 or 5, outcome "not yet" (a wrong idea held firmly).
// - "Unsure, and got it": rated 1 or 2, outcome "got it" (right, needs consolidating).
// - Sureness matched the outcome: rated 4–5 and "got it", or 1–2 and "not yet".
//   Attempts rated 3 are in between and count on neither side of that share.
import type { Outcome } from "~/domain/grading";
import { recoveredOnPath } from "~/domain/recovery";
import type { Prepared, PreparedAttempt } from "./prepare";
import { share } from "./stats";

/** Ratings from this up are "sure". */
export const SURE_FROM = 4;
/** Ratings up to this are "unsure". */
export const UNSURE_UP_TO = 2;

export type Sureness = "sure" | "in between" | "unsure";

/** A before-outcome rating as a side: sure (4–5), unsure (1–2) or in between (3). */
export function sureness(confidence: number): Sureness {
  return confidence >= SURE_FROM ? "sure" : confidence <= UNSURE_UP_TO ? "unsure" : "in between";
}

/** A rating the analysis reads: a whole number 1..5, else null. */
export function readConfidence(value: unknown): number | null {
  const n = typeof value === "number" ? value : typeof value === "bigint" || typeof value === "string" ? Number(value) : NaN;
  return Number.isInteger(n) && n >= 1 && n <= 5 ? n : null;
}

export interface CalibrationRow {
  /** 1..5 */
  confidence: number;
  gotIt: number;
  notYet: number;
}

export interface StudentCalibration {
  studentId: string;
  name: string;
  /** false once removed from the class (their work still counts). */
  active: boolean;
  /** Rated attempts with an outcome. */
  rated: number;
  /** Rated 4–5, "not yet". */
  sureAndNotYet: number;
  /** Rated 1–2, "got it". */
  unsureAndGotIt: number;
  /** Rated attempts that were not in between (rated 1, 2, 4 or 5). */
  decided: number;
  /** Of those, where sureness matched the outcome: 4–5 and "got it", or 1–2 and "not yet". */
  matched: number;
  /** matched / decided; null when every rating was in between (or none). */
  matchedShare: number | null;
}

export interface FirmHolder {
  studentId: string;
  name: string;
  active: boolean;
  /** Attempts rated 4–5 and "not yet" that showed the misconception. */
  attempts: number;
  /** The checkpoint of the first of them (for a link to the student's timeline). */
  checkpointId: string;
  /** A "got it" followed the last attempt showing it, on every checkpoint where it was held firmly. */
  workedThrough: boolean;
}

export interface MisconceptionCalibration {
  misconceptionId: string;
  name: string;
  /** Rated attempts (with an outcome) that showed it. */
  ratedAttempts: number;
  /** Students with at least one such attempt. */
  students: number;
  /** Of those attempts, rated 4–5 and "not yet". */
  sureAndNotYet: number;
  /** Students with at least one attempt showing it rated 4–5 and "not yet", in name order. */
  heldFirmly: FirmHolder[];
}

export interface Calibration {
  /** Attempts with a before-outcome rating and an outcome. */
  rated: number;
  /** Attempts with an outcome (rated or not), to say how many were rated. */
  withOutcome: number;
  /** Rated attempts still waiting for an outcome (short text not yet assessed): not counted. */
  ratedWaiting: number;
  /** Students with at least one rated attempt. */
  students: number;
  /** For each rating 1..5: the outcomes of the attempts given it. */
  table: CalibrationRow[];
  sureAndNotYet: number;
  unsureAndGotIt: number;
  /** Students with a rated attempt, in name order. */
  byStudent: StudentCalibration[];
  /** Misconceptions shown by a rated attempt: most students holding it firmly first, then project order. */
  byMisconception: MisconceptionCalibration[];
}

interface StudentAcc {
  rated: number;
  sureAndNotYet: number;
  unsureAndGotIt: number;
  decided: number;
  matched: number;
}

interface MisconceptionAcc {
  ratedAttempts: number;
  students: Set<string>;
  sureAndNotYet: number;
  /** studentId → their attempts rated 4–5 and "not yet" showing it, oldest first. */
  firm: Map<string, PreparedAttempt[]>;
}

/** Whether the student recovered from the misconception on that checkpoint (app/domain/recovery.ts). */
function workedThrough(prepared: Prepared, studentId: string, checkpointId: string, misconceptionId: string): boolean {
  const path = prepared.pathsByCheckpoint.get(checkpointId)?.get(studentId);
  return path ? recoveredOnPath(path.attempts, misconceptionId) : false;
}

export function calibration(prepared: Prepared): Calibration {
  const table: CalibrationRow[] = [1, 2, 3, 4, 5].map((confidence) => ({ confidence, gotIt: 0, notYet: 0 }));
  const byStudent = new Map<string, StudentAcc>();
  const byMisconception = new Map<string, MisconceptionAcc>();
  let rated = 0;
  let withOutcome = 0;
  let ratedWaiting = 0;
  let sureAndNotYet = 0;
  let unsureAndGotIt = 0;

  // prepared.attempts is oldest first, so lists built here are too.
  for (const a of prepared.attempts) {
    const outcome: Outcome | null = a.outcome;
    const c = a.confidence;
    if (outcome) withOutcome++;
    if (c === null) continue;
    if (!outcome) {
      ratedWaiting++;
      continue;
    }
    rated++;
    const got = outcome === "GOT_IT";
    if (got) table[c - 1].gotIt++;
    else table[c - 1].notYet++;
    const side = sureness(c);
    const firm = side === "sure" && !got;
    let student = byStudent.get(a.studentId);
    if (!student) {
      student = { rated: 0, sureAndNotYet: 0, unsureAndGotIt: 0, decided: 0, matched: 0 };
      byStudent.set(a.studentId, student);
    }
    student.rated++;
    if (side !== "in between") {
      student.decided++;
      if ((side === "sure") === got) student.matched++;
    }
    if (firm) {
      sureAndNotYet++;
      student.sureAndNotYet++;
    } else if (side === "unsure" && got) {
      unsureAndGotIt++;
      student.unsureAndGotIt++;
    }
    for (const m of a.misconceptionIds) {
      let acc = byMisconception.get(m);
      if (!acc) {
        acc = { ratedAttempts: 0, students: new Set(), sureAndNotYet: 0, firm: new Map() };
        byMisconception.set(m, acc);
      }
      acc.ratedAttempts++;
      acc.students.add(a.studentId);
      if (firm) {
        acc.sureAndNotYet++;
        const list = acc.firm.get(a.studentId);
        if (list) list.push(a);
        else acc.firm.set(a.studentId, [a]);
      }
    }
  }

  const nameRank = new Map(prepared.studentOrder.map((s, i) => [s.id, i]));
  const students: StudentCalibration[] = [];
  for (const s of prepared.studentOrder) {
    const acc = byStudent.get(s.id);
    if (!acc) continue;
    students.push({ studentId: s.id, name: s.name, active: s.active, ...acc, matchedShare: share(acc.matched, acc.decided) });
  }

  const misconceptions: MisconceptionCalibration[] = [];
  for (const [misconceptionId, acc] of byMisconception) {
    const heldFirmly: FirmHolder[] = [...acc.firm.entries()]
      .sort((x, y) => nameRank.get(x[0])! - nameRank.get(y[0])!)
      .map(([studentId, attempts]) => {
        const s = prepared.students.get(studentId)!;
        const checkpoints = new Set(attempts.map((a) => a.checkpointId));
        return {
          studentId,
          name: s.name,
          active: s.active,
          attempts: attempts.length,
          checkpointId: attempts[0].checkpointId,
          workedThrough: [...checkpoints].every((c) => workedThrough(prepared, studentId, c, misconceptionId)),
        };
      });
    misconceptions.push({
      misconceptionId,
      name: prepared.misconceptions.get(misconceptionId)!.name,
      ratedAttempts: acc.ratedAttempts,
      students: acc.students.size,
      sureAndNotYet: acc.sureAndNotYet,
      heldFirmly,
    });
  }
  misconceptions.sort(
    (x, y) =>
      y.heldFirmly.length - x.heldFirmly.length ||
      y.sureAndNotYet - x.sureAndNotYet ||
      prepared.misconceptionRank.get(x.misconceptionId)! - prepared.misconceptionRank.get(y.misconceptionId)!,
  );

  return {
    rated,
    withOutcome,
    ratedWaiting,
    students: students.length,
    table,
    sureAndNotYet,
    unsureAndGotIt,
    byStudent: students,
    byMisconception: misconceptions,
  };
}
