// The plain input of the class-insight analysis: what the database holds for one
// project, already read and with checkpoint specs parsed. No Prisma types here,
// so the analysis can be fed by a test, a loader or a benchmark alike.
import type { JournalResponse } from "~/domain/journal-entry";
import type { CheckpointKind, CheckpointSpec } from "~/domain/checkpoint-spec";

export interface StudentRow {
  id: string;
  name: string;
  email: string;
  /** false once the teacher removed the student from the class (their work is kept). */
  active: boolean;
}

export interface MisconceptionRow {
  id: string;
  name: string;
}

export interface CheckpointVersionRow {
  id: string;
  version: number;
  title: string;
  spec: CheckpointSpec;
}

export interface CheckpointRow {
  id: string;
  position: number;
  kind: CheckpointKind;
  archived: boolean;
  /** Every version, any order. */
  versions: CheckpointVersionRow[];
}

export interface AttemptRow {
  id: string;
  studentId: string;
  checkpointId: string;
  checkpointVersionId: string;
  /** 1-based, per student and checkpoint. */
  number: number;
  createdAt: Date;
  /** The stored answer: JSON array of option ids, the number as typed, or text. */
  answer: string;
  /** "GOT_IT" | "NOT_YET" for auto-checked kinds; null for short text. */
  outcome: string | null;
  /** "How sure are you?" 1 (guessing) .. 5 (certain), given with the answer before the outcome; null or absent when not rated. */
  confidence?: number | null;
}

/** A verdict on a (short-text) attempt: the student's self-assessment or the teacher's mark. */
export interface ReviewRow {
  attemptId: string;
  /** "SELF" | "TEACHER" */
  role: string;
  /** "GOT_IT" | "NOT_YET" */
  verdict: string;
  createdAt: Date;
}

/** One AttemptMisconception row. */
export interface TagRow {
  attemptId: string;
  misconceptionId: string;
  /** "RULE" | "CLUSTER" | "TEACHER" */
  source: string;
  /** A teacher row with active=false removes the misconception from the attempt. */
  active: boolean;
  createdAt?: Date;
}

/** A submitted journal entry (drafts are not part of the analysis). */
export interface JournalRow {
  id: string;
  studentId: string;
  checkpointId: string | null;
  attemptId: string | null;
  responses: JournalResponse[];
  /** 1 (unsure) .. 5 (very confident), or null. */
  confidence: number | null;
  supportNeeded: boolean;
  supportResolvedAt: Date | null;
  submittedAt: Date;
}

/** How a plan went (PlanFollowUp): the student's word after the attempt it was for (decision 017). */
export interface PlanFollowUpRow {
  journalEntryId: string;
  attemptId: string;
  /** "HELPED" | "DIDNT_HELP" | "DIDNT_TRY" */
  result: string;
  createdAt: Date;
}

/** A checkpoint the teacher marked as a re-check of a misconception (CheckpointRecheck). */
export interface RecheckRow {
  checkpointId: string;
  misconceptionId: string;
}

export interface ProjectData {
  projectId: string;
  students: StudentRow[];
  misconceptions: MisconceptionRow[];
  checkpoints: CheckpointRow[];
  /** Every attempt, not only the last; any order. */
  attempts: AttemptRow[];
  reviews: ReviewRow[];
  tags: TagRow[];
  journalEntries: JournalRow[];
  /** Follow-ups of plans; absent reads as none. */
  planFollowUps?: PlanFollowUpRow[];
  /** Re-check checkpoints; absent reads as none. */
  rechecks?: RecheckRow[];
}

/** Timestamps in the report are ISO 8601 strings (UTC), so the report is plain JSON. */
export type IsoDate = string;
