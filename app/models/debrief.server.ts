// The class debrief of a project: the rows the insight analysis reads, the
// teacher's descriptions and next steps of the misconceptions, and the
// short-answer groups; handed to the pure, anonymising buildDebrief.
//
// Scoped by the project: loadDebrief takes the `OwnedProject` that
// requireTeacherProject (app/models/project.server.ts) proves.
import { prisma } from "~/db.server";
import { buildDebrief, type Debrief, type MisconceptionDetails } from "~/domain/insight/debrief";
import { prepare } from "~/domain/insight/prepare";
import { textGroupsForProject } from "~/models/answer-group-cache.server";
import { loadProjectData } from "~/models/insight.server";
import type { OwnedProject } from "~/models/project.server";

/** The project's debrief, or null when the project does not exist. Holds no student name, email or id. */
export async function loadDebrief(project: OwnedProject): Promise<Debrief | null> {
  const [data, misconceptions, textGroups] = await Promise.all([
    loadProjectData(project),
    prisma.misconception.findMany({ where: { projectId: project.id }, select: { id: true, description: true, nextStep: true } }),
    textGroupsForProject(project),
  ]);
  if (!data) return null;
  const details: Record<string, MisconceptionDetails> = {};
  for (const m of misconceptions) details[m.id] = { description: m.description, nextStep: m.nextStep };
  return buildDebrief(prepare(data), { details, textGroups });
}
