// Reads everything the class-insight analysis needs for one project, in a fixed
// handful of queries (no N+1: one per table, whatever the class size), selecting
// only the fields the analysis reads, and hands it to the pure analysis in
// app/domain/insight/.
//
// NO OWNERSHIP CHECK HERE: these functions read any project by id. Callers
// (routes) must first check that the project is the teacher's own, with
// findTeacherProject(projectId, teacherId) from app/models/project.server.ts,
// and only then call loadProjectData / buildProjectReport.
import { prisma } from "~/db.server";
import { isCheckpointKind, parseSpec } from "~/domain/checkpoint-spec";
import { buildReport, type ProjectReport, type ReportOptions } from "~/domain/insight/report";
import type { CheckpointRow, JournalResponse, ProjectData } from "~/domain/insight/types";

/** Reads a journal entry's stored responses: an array of {question, answer}, or one {question: null, answer}. */
export function parseResponses(json: string): JournalResponse[] {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return json.trim() ? [{ question: null, answer: json }] : [];
  }
  const list = Array.isArray(value) ? value : [value];
  const responses: JournalResponse[] = [];
  for (const item of list) {
    if (!item || typeof item !== "object") continue;
    const { question, answer } = item as { question?: unknown; answer?: unknown };
    if (typeof answer !== "string") continue;
    responses.push({ question: typeof question === "string" ? question : null, answer });
  }
  return responses;
}

/**
 * Every row of a project the analysis reads: the class's students (removed ones
 * marked inactive), misconceptions, checkpoints with all their versions, every
 * attempt with its reviews and misconception tags, and submitted journal
 * entries. Null when the project does not exist. Does not check ownership.
 */
export async function loadProjectData(projectId: string): Promise<ProjectData | null> {
  const project = await prisma.project.findUnique({
    where: { id: projectId },
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

  const onProject = { checkpoint: { projectId } };
  const [attempts, reviews, tags, journals] = await Promise.all([
    prisma.attempt.findMany({
      where: onProject,
      select: { id: true, studentId: true, checkpointId: true, checkpointVersionId: true, number: true, createdAt: true, answer: true, outcome: true },
    }),
    prisma.attemptReview.findMany({
      where: { attempt: onProject },
      select: { attemptId: true, role: true, verdict: true, createdAt: true },
    }),
    prisma.attemptMisconception.findMany({
      where: { attempt: onProject },
      select: { attemptId: true, misconceptionId: true, source: true, active: true, createdAt: true },
    }),
    prisma.journalEntry.findMany({
      where: { projectId, status: "SUBMITTED" },
      select: {
        id: true,
        studentId: true,
        checkpointId: true,
        attemptId: true,
        responses: true,
        confidence: true,
        supportNeeded: true,
        supportResolvedAt: true,
        submittedAt: true,
        createdAt: true,
      },
    }),
  ]);

  const checkpoints: CheckpointRow[] = [];
  for (const c of project.checkpoints) {
    if (!isCheckpointKind(c.kind)) continue;
    const versions = [];
    for (const v of c.versions) {
      try {
        versions.push({ id: v.id, version: v.version, title: v.title, spec: parseSpec(v.spec) });
      } catch {
        // A version whose spec cannot be read is left out (with its attempts) rather than failing the report.
      }
    }
    checkpoints.push({ id: c.id, position: c.position, kind: c.kind, archived: c.archivedAt !== null, versions });
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
  };
}

/** Loads a project's rows and analyses them. Null when the project does not exist. Does not check ownership. */
export async function buildProjectReport(projectId: string, options: ReportOptions = {}): Promise<ProjectReport | null> {
  const data = await loadProjectData(projectId);
  return data ? buildReport(data, { now: Date.now(), ...options }) : null;
}
