// A student's plans in a project (decision 017): read from their submitted
// journal entries (app/domain/plans.ts), with the attempt each was for and how
// it went. Every function takes the signed-in student's id and the
// `EnrolledProject` requireStudentProject proved; every query is scoped to
// both, so another student's plan never loads and cannot be followed up.
import { prisma } from "~/db.server";
import { parseResponses } from "~/domain/journal-entry";
import { buildPlans, isFollowUpResult, plansBeside, type FollowUpResult, type Plan, type PlanAttemptInput } from "~/domain/plans";
import { listCheckpointTitles, type EnrolledProject } from "~/models/project.server";

/** One plan as the student's pages show it. */
export interface OwnPlanView {
  id: string;
  text: string;
  question: string;
  checkpointId: string | null;
  /** Latest title of its checkpoint; null for a plan about the project. */
  checkpointTitle: string | null;
  writtenAt: string;
  /** The attempt it was for, once made. */
  triedOn: { id: string; checkpointId: string; checkpointTitle: string; number: number } | null;
  result: FollowUpResult | null;
  status: Plan["status"];
}

/** The project's checkpoints with their latest title, as `listCheckpointTitles` reads them. */
type CheckpointTitles = Awaited<ReturnType<typeof listCheckpointTitles>>;

/** `checkpointTitles`: the project's checkpoint titles when the caller has read them already (the checkpoint page has). */
async function readOwnPlans(studentId: string, projectId: string, checkpointTitles?: CheckpointTitles) {
  // Plain statements (decision 016: the checkpoint page of every student reads this). A plan is a line of a submitted
  // journal entry, so without entries there is nothing more to read.
  const entries = await prisma.$queryRaw<{ id: string; checkpointId: string | null; attemptId: string | null; responses: string; submittedAt: Date | null; createdAt: Date; attemptCheckpointId: string | null }[]>`
    SELECT j."id", j."checkpointId", j."attemptId", j."responses", j."submittedAt", j."createdAt", a."checkpointId" AS "attemptCheckpointId"
    FROM "JournalEntry" j LEFT JOIN "Attempt" a ON a."id" = j."attemptId"
    WHERE j."studentId" = ${studentId} AND j."projectId" = ${projectId} AND j."status" = 'SUBMITTED'`;
  if (entries.length === 0) return { plans: [] as Plan[], titles: new Map<string, string>() };
  const [attempts, followUps, checkpoints] = await Promise.all([
    prisma.$queryRaw<{ id: string; checkpointId: string; number: number; createdAt: Date }[]>`
      SELECT a."id", a."checkpointId", a."number", a."createdAt"
      FROM "Attempt" a JOIN "Checkpoint" c ON c."id" = a."checkpointId"
      WHERE a."studentId" = ${studentId} AND c."projectId" = ${projectId}`,
    prisma.$queryRaw<{ journalEntryId: string; attemptId: string; result: string; createdAt: Date }[]>`
      SELECT f."journalEntryId", f."attemptId", f."result", f."createdAt"
      FROM "PlanFollowUp" f JOIN "JournalEntry" j ON j."id" = f."journalEntryId" JOIN "Attempt" a ON a."id" = f."attemptId"
      WHERE j."studentId" = ${studentId} AND j."projectId" = ${projectId} AND j."status" = 'SUBMITTED' AND a."studentId" = ${studentId}`,
    checkpointTitles ?? listCheckpointTitles(projectId),
  ]);
  const plans = buildPlans(
    entries.map((e) => ({
      id: e.id,
      checkpointId: e.checkpointId ?? e.attemptCheckpointId ?? null,
      attemptId: e.attemptId,
      responses: parseResponses(e.responses),
      at: (e.submittedAt ?? e.createdAt).getTime(),
    })),
    attempts.map((a): PlanAttemptInput => ({ id: a.id, checkpointId: a.checkpointId, number: a.number, at: a.createdAt.getTime() })),
    followUps.flatMap((f) => (isFollowUpResult(f.result) ? [{ journalEntryId: f.journalEntryId, attemptId: f.attemptId, result: f.result, at: f.createdAt.getTime() }] : [])),
  );
  const titles = new Map(checkpoints.map((c) => [c.id, c.versions[0]?.title ?? "Untitled checkpoint"]));
  return { plans, titles };
}

function toView(p: Plan, titles: Map<string, string>): OwnPlanView {
  return {
    id: p.id,
    text: p.text,
    question: p.question,
    checkpointId: p.checkpointId,
    checkpointTitle: p.checkpointId ? (titles.get(p.checkpointId) ?? "a checkpoint") : null,
    writtenAt: new Date(p.at).toISOString(),
    triedOn: p.triedOn
      ? { id: p.triedOn.id, checkpointId: p.triedOn.checkpointId, checkpointTitle: titles.get(p.triedOn.checkpointId) ?? "a checkpoint", number: p.triedOn.number }
      : null,
    result: p.result,
    status: p.status,
  };
}

/** The student's plans in the project, newest first. */
export async function listOwnPlans(studentId: string, project: EnrolledProject): Promise<OwnPlanView[]> {
  const { plans, titles } = await readOwnPlans(studentId, project.id);
  return plans.map((p) => toView(p, titles)).reverse();
}

/**
 * What a checkpoint page shows: the plans waiting for the next attempt here
 * ("Your plan: …", beside the question), and the plans tried on each of the
 * student's attempts here (to say how they went), by attempt id.
 */
export async function plansForCheckpoint(studentId: string, project: EnrolledProject, checkpointId: string, checkpointTitles?: CheckpointTitles) {
  const { plans, titles } = await readOwnPlans(studentId, project.id, checkpointTitles);
  const beside = plansBeside(plans, checkpointId);
  const triedHere = new Map<string, OwnPlanView[]>();
  for (const p of plans) {
    if (p.triedOn?.checkpointId !== checkpointId) continue;
    triedHere.set(p.triedOn.id, [...(triedHere.get(p.triedOn.id) ?? []), toView(p, titles)]);
  }
  return { beside: beside.map((p) => toView(p, titles)), triedOn: Object.fromEntries(triedHere) as Record<string, OwnPlanView[]> };
}

export type FollowUpResultOf =
  | { ok: true; planId: string; attemptId: string; checkpointId: string; result: FollowUpResult }
  /** Not the student's plan in this project, or not a plan. */
  | { ok: false; reason: "plan-not-found" }
  /** The student has not made the attempt the plan was for yet. */
  | { ok: false; reason: "not-tried-yet" }
  /** The attempt named is not the one the plan was for. */
  | { ok: false; reason: "other-attempt" }
  | { ok: false; reason: "invalid-result" };

/**
 * Records how a plan went, after the attempt it was for. Append-only: saying
 * it again adds a row, and the latest counts; nothing is overwritten.
 */
export async function recordPlanFollowUp(
  studentId: string,
  project: EnrolledProject,
  input: { planId: string; attemptId: string; result: string },
): Promise<FollowUpResultOf> {
  if (!isFollowUpResult(input.result)) return { ok: false, reason: "invalid-result" };
  const { plans } = await readOwnPlans(studentId, project.id);
  const plan = plans.find((p) => p.id === input.planId);
  if (!plan) return { ok: false, reason: "plan-not-found" };
  if (!plan.triedOn) return { ok: false, reason: "not-tried-yet" };
  if (plan.triedOn.id !== input.attemptId) return { ok: false, reason: "other-attempt" };
  // The same answer twice in a row (a double click without JavaScript) is one follow-up.
  if (plan.result !== input.result) {
    await prisma.planFollowUp.create({ data: { journalEntryId: plan.id, attemptId: plan.triedOn.id, result: input.result } });
  }
  return { ok: true, planId: plan.id, attemptId: plan.triedOn.id, checkpointId: plan.triedOn.checkpointId, result: input.result };
}
