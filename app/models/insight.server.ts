// Reads everything the class-insight analysis needs for one project, in a fixed
// handful of queries (no N+1: one per table, whatever the class size), selecting
// only the fields the analysis reads, and hands it to the pure analysis in
// app/domain/insight/.
//
// Scoped by the project: these functions take an `OwnedProject`, which only the
// teacher's project lookup in app/models/project.server.ts gives, so they cannot
// be called with a bare id.
import { prisma } from "~/db.server";
import { isCheckpointKind, readVersions } from "~/domain/checkpoint-spec";
import { buildReport, type ProjectReport, type ReportOptions } from "~/domain/insight/report";
import type { AttemptRow, CheckpointRow, ProjectData, ReviewRow, TagRow } from "~/domain/insight/types";
import { parseResponses } from "~/domain/journal-entry";
import type { OwnedProject } from "~/models/project.server";

export interface LoadOptions {
  /**
   * How the four large tables (attempts, reviews, tags, journal entries) are
   * read: by default one hand-written SELECT each (readLean). `npm run bench`
   * passes a findMany reader (scripts/lib/find-many-reader.ts) to compare both
   * (see docs/decisions/004-insight-analysis.md).
   */
  readTables?: (projectId: string) => Promise<LargeTables>;
}

/** The rows as read: the analysis input's rows, with every column present. */
export type AttemptRead = AttemptRow & { confidence: number | null };
export type ReviewRead = ReviewRow;
export type TagRead = TagRow & { createdAt: Date };
export interface JournalRead {
  id: string;
  studentId: string;
  checkpointId: string | null;
  attemptId: string | null;
  responses: string;
  confidence: number | null;
  supportNeeded: boolean;
  supportResolvedAt: Date | null;
  submittedAt: Date | null;
  createdAt: Date;
}
export type LargeTables = [AttemptRead[], ReviewRead[], TagRead[], JournalRead[]];

const asDate = (value: Date | string | number): Date => (value instanceof Date ? value : new Date(value));
const asOptionalDate = (value: Date | string | number | null): Date | null => (value === null ? null : asDate(value));

/**
 * The same rows through plain SELECTs (portable SQL: quoted identifiers, bound
 * parameters), skipping the client's per-row shaping, which dominates the load of
 * a large class. Values are normalised (dates, booleans, numbers) in case a driver
 * returns them raw.
 */
async function readLean(projectId: string): Promise<LargeTables> {
  const [attempts, reviews, tags, journals] = await Promise.all([
    prisma.$queryRaw<AttemptRead[]>`
      SELECT a."id", a."studentId", a."checkpointId", a."checkpointVersionId", a."number", a."createdAt", a."answer", a."outcome", a."confidence"
      FROM "Attempt" a JOIN "Checkpoint" c ON c."id" = a."checkpointId"
      WHERE c."projectId" = ${projectId}`,
    prisma.$queryRaw<ReviewRead[]>`
      SELECT r."attemptId", r."role", r."verdict", r."createdAt"
      FROM "AttemptReview" r JOIN "Attempt" a ON a."id" = r."attemptId" JOIN "Checkpoint" c ON c."id" = a."checkpointId"
      WHERE c."projectId" = ${projectId}`,
    prisma.$queryRaw<TagRead[]>`
      SELECT t."attemptId", t."misconceptionId", t."source", t."active", t."createdAt"
      FROM "AttemptMisconception" t JOIN "Attempt" a ON a."id" = t."attemptId" JOIN "Checkpoint" c ON c."id" = a."checkpointId"
      WHERE c."projectId" = ${projectId}`,
    prisma.$queryRaw<JournalRead[]>`
      SELECT "id", "studentId", "checkpointId", "attemptId", "responses", "confidence", "supportNeeded", "supportResolvedAt", "submittedAt", "createdAt"
      FROM "JournalEntry"
      WHERE "projectId" = ${projectId} AND "status" = 'SUBMITTED'`,
  ]);
  for (const a of attempts) {
    a.createdAt = asDate(a.createdAt);
    a.number = Number(a.number);
    if (a.confidence !== null) a.confidence = Number(a.confidence);
  }
  for (const r of reviews) r.createdAt = asDate(r.createdAt);
  for (const t of tags) {
    t.active = Boolean(t.active);
    t.createdAt = asDate(t.createdAt);
  }
  for (const j of journals) {
    j.supportNeeded = Boolean(j.supportNeeded);
    j.confidence = j.confidence === null ? null : Number(j.confidence);
    j.supportResolvedAt = asOptionalDate(j.supportResolvedAt);
    j.submittedAt = asOptionalDate(j.submittedAt);
    j.createdAt = asDate(j.createdAt);
  }
  return [attempts, reviews, tags, journals];
}

/**
 * Every row of a project the analysis reads: the class's students (removed ones
 * marked inactive), misconceptions, checkpoints with all their versions, every
 * attempt with its reviews and misconception tags, and submitted journal
 * entries. Null when the project has gone since it was found.
 */
export async function loadProjectData(owned: OwnedProject, options: LoadOptions = {}): Promise<ProjectData | null> {
  const projectId = owned.id;
  const project = await prisma.project.findFirst({
    where: { id: projectId, classroomId: owned.classroomId },
    select: {
      id: true,
      classroom: {
        select: { enrollments: { select: { removedAt: true, student: { select: { id: true, name: true, email: true } } } } },
      },
      misconceptions: { select: { id: true, name: true }, orderBy: [{ createdAt: "asc" }, { name: "asc" }] },
      checkpoints: {
        select: {
          id: true,
          position: true,
          kind: true,
          archivedAt: true,
          versions: { select: { id: true, version: true, title: true, spec: true } },
        },
        orderBy: { position: "asc" },
      },
    },
  });
  if (!project) return null;

  const [[attempts, reviews, tags, journals], planFollowUps, rechecks] = await Promise.all([
    (options.readTables ?? readLean)(projectId),
    // Follow-ups of plans in submitted entries of this project (decision 017), and the re-check checkpoints.
    prisma.planFollowUp.findMany({
      where: { journalEntry: { projectId, status: "SUBMITTED" }, attempt: { checkpoint: { projectId } } },
      select: { journalEntryId: true, attemptId: true, result: true, createdAt: true },
    }),
    prisma.checkpointRecheck.findMany({ where: { checkpoint: { projectId }, misconception: { projectId } }, select: { checkpointId: true, misconceptionId: true } }),
  ]);

  const checkpoints: CheckpointRow[] = [];
  for (const c of project.checkpoints) {
    if (!isCheckpointKind(c.kind)) continue;
    checkpoints.push({ id: c.id, position: c.position, kind: c.kind, archived: c.archivedAt !== null, versions: readVersions(c.versions) });
  }

  return {
    projectId: project.id,
    students: project.classroom.enrollments.map((e) => ({ ...e.student, active: e.removedAt === null })),
    misconceptions: project.misconceptions,
    checkpoints,
    attempts,
    reviews,
    tags,
    journalEntries: journals.map(({ responses, submittedAt, createdAt, ...j }) => ({
      ...j,
      responses: parseResponses(responses),
      submittedAt: submittedAt ?? createdAt,
    })),
    planFollowUps,
    rechecks,
  };
}

/** Loads a project's rows and analyses them. Null when the project has gone since it was found. */
export async function buildProjectReport(project: OwnedProject, options: ReportOptions & LoadOptions = {}): Promise<ProjectReport | null> {
  const data = await loadProjectData(project, options);
  return data ? buildReport(data, { now: Date.now(), ...options }) : null;
}
