// A student's attempts: stored append-only, graded against the version they answered.
import { prisma } from "~/db.server";
import type { Prisma } from "~/generated/prisma/client";
import { commentForStudentSelect } from "~/models/comment.server";
import { parseSpec, type CheckpointSpec } from "~/domain/checkpoint-spec";
import { describeAnswer } from "~/domain/answer-display";
import { grade, parseAnswer, type Outcome } from "~/domain/grading";
import { attemptsLeft, effectiveOutcome } from "~/domain/progress";
import { selfCheckRefusal, selfCheckState, type SelfCheckRefusal } from "~/domain/self-check";
import { feedbackForStoredAnswer } from "~/domain/student-path";
import { tagNewShortTextAttempt } from "~/models/answer-group-tagging.server";
import { isUniqueViolation } from "~/utils/prisma-errors.server";
import { teacherName } from "~/domain/labels";
import { describeForStudent } from "~/domain/group-feedback";
import { lockRow } from "~/utils/row-locks.server";

/** A checkpoint of a project the caller has already found for the student, with its latest version; null when it is not the project's or has no version yet. */
export async function findProjectCheckpoint(projectId: string, checkpointId: string) {
  // One statement for the checkpoint and its latest version (decision 016): the checkpoint page and every attempt read it.
  const rows = await prisma.$queryRaw<CheckpointWithLatestRow[]>`
    SELECT c."id", c."projectId", c."position", c."kind", c."maxAttempts", c."archivedAt", c."createdAt",
      v."id" AS "versionId", v."version", v."title", v."prompt", v."spec", v."createdAt" AS "versionCreatedAt"
    FROM "Checkpoint" c JOIN "CheckpointVersion" v ON v."checkpointId" = c."id"
    WHERE c."id" = ${checkpointId} AND c."projectId" = ${projectId}
    ORDER BY v."version" DESC
    LIMIT 1`;
  const row = rows[0];
  if (!row) return null;
  const { versionId, version, title, prompt, spec, versionCreatedAt, ...checkpoint } = row;
  return { ...checkpoint, versions: [{ id: versionId, checkpointId: checkpoint.id, version, title, prompt, spec, createdAt: versionCreatedAt }] };
}

type CheckpointWithLatestRow = {
  id: string;
  projectId: string;
  position: number;
  kind: string;
  maxAttempts: number | null;
  archivedAt: Date | null;
  createdAt: Date;
  versionCreatedAt: Date;
} & VersionColumns;

/** A checkpoint version's columns as the plain statements of this module select them. */
type VersionColumns = { versionId: string; version: number; title: string; prompt: string; spec: string };

export interface CheckpointToAttempt {
  id: string;
  projectId: string;
  maxAttempts: number | null;
  archivedAt: Date | null;
  versions: { id: string; spec: string }[];
}

export interface RawAnswer {
  optionIds?: string[];
  value?: string;
  text?: string;
  submissionKey?: string | null;
  /** "How sure are you?" 1–5, given with the answer; optional. */
  confidence?: number | null;
}

/** The stored attempt, or why none was stored (the page says it in words; an unreadable answer comes with the checker's message for the field). */
export type SubmitAttemptResult =
  | { ok: true; attempt: { id: string; number: number; outcome: string | null }; duplicate: boolean }
  | { ok: false; reason: "archived" | "not-ready" | "used-up" }
  | { ok: false; reason: "invalid"; message: string };

/**
 * Stores a new attempt (never updates one). Inside one transaction that holds
 * the student's row lock (decision 011): a repeated submission key returns the
 * stored attempt, the attempts left are counted (one read of the student's
 * attempts on the checkpoint answers both, decision 016), and the number is the
 * student's count on this checkpoint plus one. So concurrent submissions are
 * numbered without gaps or clashes and never pass the cap, on either engine; a
 * clash on a unique value that still happens (a key another attempt holds) is
 * retried.
 */
export async function submitAttempt(studentId: string, checkpoint: CheckpointToAttempt, raw: RawAnswer): Promise<SubmitAttemptResult> {
  if (checkpoint.archivedAt) return { ok: false, reason: "archived" };
  const version = checkpoint.versions[0];
  if (!version) return { ok: false, reason: "not-ready" };
  const spec: CheckpointSpec = parseSpec(version.spec);
  const answer = parseAnswer(spec, { optionIds: raw.optionIds, value: raw.value, text: raw.text });
  if (!answer.ok) return { ok: false, reason: "invalid", message: answer.error };
  const graded = grade(spec, answer);
  let submissionKey = raw.submissionKey?.trim() || null;

  for (let tries = 0; tries < 8; tries++) {
    try {
      const result = await prisma.$transaction(async (tx): Promise<SubmitAttemptResult> => {
        await lockRow(tx, "User", studentId);
        // One read for both: this key already stored, and how many attempts there are (a plain statement: the
        // hottest write of the app, decision 016).
        const earlier = await tx.$queryRaw<{ id: string; number: number; outcome: string | null; submissionKey: string | null }[]>`
          SELECT "id", "number", "outcome", "submissionKey" FROM "Attempt" WHERE "studentId" = ${studentId} AND "checkpointId" = ${checkpoint.id}`;
        const existing = submissionKey ? earlier.find((a) => a.submissionKey === submissionKey) : undefined;
        if (existing) return { ok: true, attempt: { id: existing.id, number: existing.number, outcome: existing.outcome }, duplicate: true };
        const made = earlier.length;
        const left = attemptsLeft(checkpoint.maxAttempts, made);
        if (left === 0) return { ok: false as const, reason: "used-up" as const };
        const attempt = await tx.attempt.create({
          data: {
            studentId,
            checkpointId: checkpoint.id,
            checkpointVersionId: version.id,
            number: made + 1,
            answer: answer.stored,
            outcome: graded.outcome,
            submissionKey,
            confidence: raw.confidence ?? null,
          },
          select: { id: true, number: true, outcome: true },
        });
        // Only misconceptions the project still keeps are tagged.
        const known = graded.misconceptionIds.length
          ? await tx.misconception.findMany({
              where: { id: { in: graded.misconceptionIds }, projectId: checkpoint.projectId },
              select: { id: true },
            })
          : [];
        if (known.length) {
          await tx.attemptMisconception.createMany({
            data: known.map((m) => ({ attemptId: attempt.id, misconceptionId: m.id, source: "RULE" })),
          });
        }
        return { ok: true as const, attempt, duplicate: false };
      });
      // Short text: a new answer close to a group the teacher named gets that misconception. Never throws.
      if (result.ok && !result.duplicate && spec.kind === "SHORT_TEXT") {
        await tagNewShortTextAttempt({ id: result.attempt.id, checkpointId: checkpoint.id, answer: answer.stored });
      }
      return result;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // Another submission got this number (or this key) first: look again.
      if (submissionKey) {
        const holder = await prisma.attempt.findUnique({ where: { submissionKey }, select: { studentId: true, checkpointId: true } });
        // A key someone else's attempt already carries is not this submission's: store without it.
        if (holder && (holder.studentId !== studentId || holder.checkpointId !== checkpoint.id)) submissionKey = null;
      }
      await new Promise((resolve) => setTimeout(resolve, 5 * (tries + 1)));
    }
  }
  throw new Error("Could not store the attempt after several tries.");
}

/** An attempt's own fields wherever an attempt is shown: on the student's checkpoint page and in the teacher's timeline. */
export const shownAttemptFields = { id: true, number: true, answer: true, outcome: true, confidence: true, createdAt: true } as const satisfies Prisma.AttemptSelect;

/**
 * Every attempt the student made on a checkpoint, newest first, with what is needed to show it and its reflection status.
 *
 * Plain statements, side by side (decision 016): the attempts with their version and reflection facts, their reviews,
 * their active misconception tags, and the comments on them only when there are any. Prisma's nested read took one
 * statement per relation, empty ones too, about eleven for this page, most of its JavaScript.
 */
export async function listOwnAttempts(studentId: string, checkpointId: string) {
  const [rows, reviews, tags] = await Promise.all([
    prisma.$queryRaw<OwnAttemptRow[]>`
      SELECT a."id", a."number", a."answer", a."outcome", a."confidence", a."createdAt",
        v."id" AS "versionId", v."version", v."title", v."prompt", v."spec",
        (SELECT j."id" FROM "JournalEntry" j WHERE j."attemptId" = a."id" AND j."studentId" = ${studentId} AND j."status" = 'SUBMITTED' LIMIT 1) AS "reflectionId",
        (SELECT d."id" FROM "ReflectionDismissal" d WHERE d."attemptId" = a."id") AS "dismissalId",
        CASE WHEN EXISTS (SELECT 1 FROM "TeacherComment" t WHERE t."attemptId" = a."id" AND t."studentId" = ${studentId}) THEN 1 ELSE 0 END AS "commented"
      FROM "Attempt" a JOIN "CheckpointVersion" v ON v."id" = a."checkpointVersionId"
      WHERE a."studentId" = ${studentId} AND a."checkpointId" = ${checkpointId}
      ORDER BY a."number" DESC`,
    prisma.$queryRaw<{ attemptId: string; role: string; verdict: string; note: string; createdAt: Date }[]>`
      SELECT r."attemptId", r."role", r."verdict", r."note", r."createdAt"
      FROM "AttemptReview" r JOIN "Attempt" a ON a."id" = r."attemptId"
      WHERE a."studentId" = ${studentId} AND a."checkpointId" = ${checkpointId}
      ORDER BY r."createdAt", r."id"`,
    prisma.$queryRaw<{ attemptId: string; id: string; name: string; nextStep: string }[]>`
      SELECT t."attemptId", m."id", m."name", m."nextStep"
      FROM "AttemptMisconception" t JOIN "Attempt" a ON a."id" = t."attemptId" JOIN "Misconception" m ON m."id" = t."misconceptionId"
      WHERE a."studentId" = ${studentId} AND a."checkpointId" = ${checkpointId} AND t."active" = ${true}
      ORDER BY t."createdAt", t."id"`,
  ]);
  const commented = rows.filter((r) => Number(r.commented) > 0).map((r) => r.id);
  const comments = commented.length
    ? await prisma.teacherComment.findMany({
        where: { studentId, attemptId: { in: commented } },
        orderBy: { createdAt: "asc" },
        select: { ...commentForStudentSelect, attemptId: true },
      })
    : [];
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    answer: r.answer,
    outcome: r.outcome,
    confidence: r.confidence,
    createdAt: r.createdAt,
    checkpointVersion: { id: r.versionId, version: r.version, title: r.title, prompt: r.prompt, spec: r.spec },
    reviews: reviews.filter((v) => v.attemptId === r.id).map(({ role, verdict, note, createdAt }) => ({ role, verdict, note, createdAt })),
    misconceptions: tags.filter((t) => t.attemptId === r.id).map(({ id, name, nextStep }) => ({ misconception: { id, name, nextStep } })),
    comments: comments.filter((c) => c.attemptId === r.id).map(({ attemptId: _, ...c }) => c),
    journalEntries: r.reflectionId ? [{ id: r.reflectionId }] : [],
    reflectionDismissal: r.dismissalId ? { id: r.dismissalId } : null,
  }));
}

type OwnAttemptRow = {
  id: string;
  number: number;
  answer: string;
  outcome: string | null;
  confidence: number | null;
  createdAt: Date;
  reflectionId: string | null;
  dismissalId: string | null;
  /** 1 or 0 (a number on both engines; `Number()` also takes a bigint). */
  commented: number | bigint;
} & VersionColumns;

export type OwnAttempt = Awaited<ReturnType<typeof listOwnAttempts>>[number];

function asOutcome(value: string | null | undefined): Outcome | null {
  return value === "GOT_IT" || value === "NOT_YET" ? value : null;
}

/**
 * How the student sees one of their attempts: the answer and the teacher's
 * feedback read against the version it answered, the outcome that counts,
 * the next steps of the misconceptions tagged to it, and teacher comments.
 */
export function attemptView(attempt: OwnAttempt, latestVersion: number) {
  const spec = parseSpec(attempt.checkpointVersion.spec);
  const lastOf = (role: string) => [...attempt.reviews].reverse().find((r) => r.role === role);
  const teacher = lastOf("TEACHER");
  const self = lastOf("SELF");
  const teacherVerdict = asOutcome(teacher?.verdict);
  return {
    id: attempt.id,
    number: attempt.number,
    createdAt: attempt.createdAt,
    kind: spec.kind,
    answerText: describeAnswer(spec, attempt.answer),
    confidence: attempt.confidence,
    outcome: effectiveOutcome(attempt),
    feedback: attempt.outcome ? feedbackForStoredAnswer(spec, attempt.answer) : [],
    nextSteps: [...new Set(attempt.misconceptions.map((m) => m.misconception.nextStep.trim()).filter(Boolean))],
    version: {
      number: attempt.checkpointVersion.version,
      title: attempt.checkpointVersion.title,
      prompt: attempt.checkpointVersion.prompt,
      isLatest: attempt.checkpointVersion.version === latestVersion,
    },
    selfVerdict: asOutcome(self?.verdict),
    /** What the student may still say about this answer (short text only). */
    selfCheck: spec.kind === "SHORT_TEXT" && !attempt.outcome ? selfCheckState(attempt.reviews) : null,
    teacherMark: teacher && teacherVerdict ? { verdict: teacherVerdict, note: teacher.note } : null,
    modelAnswer: spec.kind === "SHORT_TEXT" ? spec.modelAnswer || null : null,
    comments: attempt.comments.map((c) => ({
      id: c.id,
      authorName: teacherName(c.author),
      versions: c.versions,
      firstReadAt: c.firstReadAt,
      fromGroup: c.groupFeedback ? describeForStudent(c.groupFeedback.targetKind) : null,
    })),
  };
}

/** Every attempt of the student in a project (for progress), with the verdicts on them. */
export async function listOwnProjectAttempts(studentId: string, projectId: string) {
  // One statement for the attempts and their reviews (decision 016): the project page of every student reads it.
  const rows = await prisma.$queryRaw<ProjectAttemptRow[]>`
    SELECT a."id", a."checkpointId", a."number", a."outcome", a."createdAt",
      r."role" AS "reviewRole", r."verdict" AS "reviewVerdict", r."createdAt" AS "reviewedAt"
    FROM "Attempt" a
    JOIN "Checkpoint" c ON c."id" = a."checkpointId"
    LEFT JOIN "AttemptReview" r ON r."attemptId" = a."id"
    WHERE a."studentId" = ${studentId} AND c."projectId" = ${projectId}
    ORDER BY a."number", a."id", r."createdAt"`;
  const attempts: { checkpointId: string; number: number; outcome: string | null; createdAt: Date; reviews: { role: string; verdict: string; createdAt: Date }[] }[] = [];
  let last: (typeof attempts)[number] | undefined;
  let lastId: string | undefined;
  for (const row of rows) {
    if (row.id !== lastId) {
      last = { checkpointId: row.checkpointId, number: row.number, outcome: row.outcome, createdAt: row.createdAt, reviews: [] };
      lastId = row.id;
      attempts.push(last);
    }
    if (row.reviewRole !== null && row.reviewVerdict !== null && row.reviewedAt !== null) last!.reviews.push({ role: row.reviewRole, verdict: row.reviewVerdict, createdAt: row.reviewedAt });
  }
  return attempts;
}

type ProjectAttemptRow = {
  id: string;
  checkpointId: string;
  number: number;
  outcome: string | null;
  createdAt: Date;
  reviewRole: string | null;
  reviewVerdict: string | null;
  reviewedAt: Date | null;
};

/** Stored, or why not: the attempt is not the student's short-text attempt on this checkpoint, or the rules of decision 007 refuse it. */
export type SelfAssessResult = { ok: true } | { ok: false; reason: "attempt-not-found" | SelfCheckRefusal };

/**
 * The student's own verdict on a short-text attempt, appended. The rules of
 * decision 007 decide what they may still say (a "not yet" is revised by a new
 * attempt; a teacher's mark closes the student's check). Every review is kept.
 */
export async function selfAssess(studentId: string, checkpointId: string, attemptId: string, verdict: "GOT_IT" | "NOT_YET"): Promise<SelfAssessResult> {
  const attempt = await prisma.attempt.findFirst({
    where: { id: attemptId, studentId, checkpointId, outcome: null, checkpoint: { kind: "SHORT_TEXT" } },
    select: { id: true, reviews: { select: { role: true, verdict: true } } },
  });
  if (!attempt) return { ok: false, reason: "attempt-not-found" };
  const refusal = selfCheckRefusal(attempt.reviews, verdict);
  if (refusal) return { ok: false, reason: refusal };
  await prisma.attemptReview.create({ data: { attemptId: attempt.id, reviewerId: studentId, role: "SELF", verdict } });
  return { ok: true };
}
