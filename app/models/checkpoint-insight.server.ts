// One checkpoint's insight page, built from that checkpoint's rows only: the
// same analysis as the project report, its short-answer groups (cached,
// answer-group-cache.server.ts) and each attempt with its student and tags.
// Both readers take the guard's proven project (requireTeacherProject), so an
// unscoped read does not typecheck; the checkpoint is looked up inside it.
import { prisma } from "~/db.server";
import { isCheckpointKind, readVersions } from "~/domain/checkpoint-spec";
import { parseGroupKey, REJECTED_SUGGESTION } from "~/domain/insight/answer-groups";
import { checkpointInsights, classifyNumericError, type CheckpointInsight } from "~/domain/insight/checkpoints";
import { attemptCorrectBy, prepare } from "~/domain/insight/prepare";
import type { ProjectData } from "~/domain/insight/types";
import { cachedEntries } from "~/models/answer-group-cache.server";
import type { OwnedProject } from "~/models/project.server";

/** A checkpoint of the teacher's project, with its kind; null when not there. */
export function findProjectCheckpointKind(project: OwnedProject, checkpointId: string) {
  const projectId = project.id;
  return prisma.checkpoint.findFirst({ where: { id: checkpointId, projectId }, select: { id: true, kind: true } });
}

/**
 * Everything the per-checkpoint insight page shows: the checkpoint's
 * distribution and summary (the same analysis as the project report, fed with
 * this checkpoint's rows only), its short-answer groups, and each attempt with
 * its student and tags. Null when the checkpoint is not in the project.
 */
export async function loadCheckpointInsight(project: OwnedProject, checkpointId: string) {
  const projectId = project.id;
  const checkpoint = await prisma.checkpoint.findFirst({
    where: { id: checkpointId, projectId },
    select: {
      id: true,
      position: true,
      kind: true,
      archivedAt: true,
      versions: { select: { id: true, version: true, title: true, prompt: true, spec: true }, orderBy: { version: "desc" } },
      project: {
        select: {
          classroom: { select: { enrollments: { select: { removedAt: true, student: { select: { id: true, name: true, email: true } } } } } },
          misconceptions: { select: { id: true, name: true, nextStep: true }, orderBy: [{ createdAt: "asc" }, { name: "asc" }] },
        },
      },
    },
  });
  if (!checkpoint || !isCheckpointKind(checkpoint.kind) || checkpoint.versions.length === 0) return null;
  const onCheckpoint = { checkpointId: checkpoint.id };
  const [attempts, reviews, tags, entry] = await Promise.all([
    prisma.attempt.findMany({
      where: onCheckpoint,
      select: { id: true, studentId: true, checkpointId: true, checkpointVersionId: true, number: true, createdAt: true, answer: true, outcome: true },
    }),
    prisma.attemptReview.findMany({ where: { attempt: onCheckpoint }, select: { attemptId: true, role: true, verdict: true, createdAt: true } }),
    prisma.attemptMisconception.findMany({
      where: { attempt: onCheckpoint },
      select: { attemptId: true, misconceptionId: true, source: true, active: true, createdAt: true },
    }),
    checkpoint.kind === "SHORT_TEXT" ? cachedEntries([checkpoint.id]).then((r) => r.get(checkpoint.id)) : Promise.resolve(undefined),
  ]);
  const groups = entry?.groups;

  // A version whose spec cannot be read is left out with its attempts, as in the project report.
  const versions = readVersions(checkpoint.versions);
  const students = checkpoint.project.classroom.enrollments.map((e) => ({ ...e.student, active: e.removedAt === null }));
  const data: ProjectData = {
    projectId,
    students,
    misconceptions: checkpoint.project.misconceptions.map(({ id, name }) => ({ id, name })),
    checkpoints: [{ id: checkpoint.id, position: checkpoint.position, kind: checkpoint.kind, archived: checkpoint.archivedAt !== null, versions }],
    attempts,
    reviews,
    tags,
    journalEntries: [],
  };
  const prepared = prepare(data);
  const [insight] = checkpointInsights(prepared, {
    classifyNumeric: classifyNumericError,
    textGroups: groups ? { [checkpoint.id]: groups } : undefined,
  });

  const nameOf = new Map(students.map((s) => [s.id, s.name]));
  const rowsByAttempt = new Map<string, { misconceptionId: string; source: string; active: boolean }[]>();
  for (const t of tags) {
    const list = rowsByAttempt.get(t.attemptId) ?? [];
    list.push(t);
    rowsByAttempt.set(t.attemptId, list);
  }
  const answers = (prepared.attemptsByCheckpoint.get(checkpoint.id) ?? []).map((a) => ({
    id: a.id,
    studentId: a.studentId,
    studentName: nameOf.get(a.studentId) ?? "A student",
    number: a.number,
    text: a.answer,
    outcome: a.outcome,
    /** Why the answer counts as correct, or null (see correctBy). */
    correctBy: attemptCorrectBy(prepared, a),
    createdAt: new Date(a.at).toISOString(),
    /** Misconceptions the attempt shows now, with where each came from. */
    tags: a.misconceptionIds.map((id) => ({
      misconceptionId: id,
      source: rowsByAttempt.get(a.id)?.find((r) => r.misconceptionId === id)?.source ?? "RULE",
    })),
    /** Misconceptions the teacher removed from this attempt themselves. */
    removedByTeacher: (rowsByAttempt.get(a.id) ?? []).filter((r) => r.source === "TEACHER" && !r.active).map((r) => r.misconceptionId),
  }));

  // Confirmed groups: which answers the machine added, and how many the teacher moved out.
  const confirmedIds = (groups ?? []).flatMap((g) => (g.confirmed ? [parseGroupKey(g.id)] : [])).flatMap((k) => (k?.kind === "confirmed" ? [k.answerGroupId] : []));
  const memberRows = confirmedIds.length
    ? await prisma.answerGroupMember.findMany({
        where: { groupId: { in: confirmedIds }, group: { checkpointId: checkpoint.id } },
        select: { groupId: true, attemptId: true, source: true, excluded: true },
      })
    : [];
  const membership: Record<string, { machineAdded: string[]; movedOut: number; rejected: number }> = {};
  for (const m of memberRows) {
    const key = `g:${m.groupId}`;
    const entry = (membership[key] ??= { machineAdded: [], movedOut: 0, rejected: 0 });
    if (m.excluded && m.source === REJECTED_SUGGESTION) entry.rejected++;
    else if (m.excluded) entry.movedOut++;
    else if (m.source === "MACHINE") entry.machineAdded.push(m.attemptId);
  }

  const latest = checkpoint.versions[0];
  return {
    checkpoint: {
      id: checkpoint.id,
      kind: checkpoint.kind,
      position: checkpoint.position,
      archived: checkpoint.archivedAt !== null,
      title: latest.title,
      prompt: latest.prompt,
    },
    insight: insight as CheckpointInsight,
    /** Groups in the order the teacher reads them: confirmed first, then the machine's. */
    groupOrder: (groups ?? []).map((g) => g.id),
    membership,
    /** Confirmed group key → ungrouped answers likely to belong to it, closest first, with their evidence. */
    suggestions: entry?.suggestions ?? {},
    answers,
    misconceptions: checkpoint.project.misconceptions,
  };
}
