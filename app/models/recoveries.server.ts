// A student's own recoveries in a project. Takes the signed-in student's id and
// the `EnrolledProject` that requireStudentProject (app/models/project.server.ts)
// proves; every query about work is scoped to that student, so another
// student's attempts or entries never load.
import { prisma } from "~/db.server";
import { parseSpec, type CheckpointSpec } from "~/domain/checkpoint-spec";
import { buildRecoveries, type RecoveryAttemptInput } from "~/domain/recoveries";
import { listAddedEntries } from "~/models/journal.server";
import type { EnrolledProject } from "~/models/project.server";

export async function loadOwnRecoveries(studentId: string, project: EnrolledProject) {
  const projectId = project.id;
  const [checkpoints, attempts, misconceptions, entries] = await Promise.all([
    // Live checkpoints, and retired ones the student worked on (their history stays readable).
    prisma.checkpoint.findMany({
      where: { projectId, OR: [{ archivedAt: null }, { attempts: { some: { studentId } } }] },
      orderBy: { position: "asc" },
      select: { id: true, position: true, archivedAt: true, versions: { orderBy: { version: "desc" }, take: 1, select: { version: true, title: true } } },
    }),
    prisma.attempt.findMany({
      where: { studentId, checkpoint: { projectId } },
      orderBy: [{ checkpointId: "asc" }, { number: "asc" }],
      select: {
        id: true,
        checkpointId: true,
        number: true,
        createdAt: true,
        answer: true,
        outcome: true,
        checkpointVersion: { select: { version: true, title: true, spec: true } },
        reviews: { orderBy: { createdAt: "asc" }, select: { role: true, verdict: true, createdAt: true } },
        misconceptions: { select: { misconceptionId: true, source: true, active: true, createdAt: true } },
      },
    }),
    prisma.misconception.findMany({
      where: { projectId },
      orderBy: [{ createdAt: "asc" }, { name: "asc" }],
      select: { id: true, name: true, description: true, nextStep: true },
    }),
    listAddedEntries(studentId, project),
  ]);

  const readable: RecoveryAttemptInput[] = [];
  for (const a of attempts) {
    let spec: CheckpointSpec;
    try {
      spec = parseSpec(a.checkpointVersion.spec);
    } catch {
      continue; // a version that cannot be read is left out rather than failing the page
    }
    readable.push({
      id: a.id,
      checkpointId: a.checkpointId,
      number: a.number,
      createdAt: a.createdAt,
      answer: a.answer,
      outcome: a.outcome,
      reviews: a.reviews,
      version: { version: a.checkpointVersion.version, title: a.checkpointVersion.title, spec },
      tags: a.misconceptions,
    });
  }

  return buildRecoveries({
    checkpoints: checkpoints.map((c) => ({
      id: c.id,
      position: c.position,
      title: c.versions[0]?.title ?? "Untitled checkpoint",
      latestVersion: c.versions[0]?.version ?? 0,
      archived: c.archivedAt !== null,
    })),
    attempts: readable,
    misconceptions,
    entries,
  });
}
