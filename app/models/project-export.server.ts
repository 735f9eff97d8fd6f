// What a project export reads (decision 022): the teacher's own project (the
// branded project from requireTeacherProject, so an unscoped read does not
// typecheck), its misconceptions, its live checkpoints in order with their
// current version and re-checks, its live reflection prompts in order, and the
// pictures of the project. No student work is read. The writers in
// app/domain/project-export turn it into a file.
import { prisma } from "~/db.server";
import { readVersions } from "~/domain/checkpoint-spec";
import { parseQuestions, type PromptTrigger } from "~/domain/reflection-templates";
import type { ProjectSnapshot, SnapshotCheckpoint } from "~/domain/project-export/snapshot";
import type { ImageMime } from "~/domain/question-import/types";
import type { OwnedProject } from "~/models/project.server";

export async function loadProjectSnapshot(project: OwnedProject): Promise<ProjectSnapshot> {
  const projectId = project.id;
  const [misconceptions, checkpoints, prompts, images] = await Promise.all([
    prisma.misconception.findMany({ where: { projectId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, name: true, description: true, nextStep: true } }),
    prisma.checkpoint.findMany({
      where: { projectId, archivedAt: null },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      select: {
        id: true,
        maxAttempts: true,
        versions: { orderBy: { version: "desc" }, take: 1, select: { id: true, version: true, title: true, prompt: true, spec: true } },
        rechecks: { select: { misconceptionId: true } },
      },
    }),
    prisma.reflectionPrompt.findMany({
      where: { projectId, archivedAt: null },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      select: { trigger: true, checkpointId: true, title: true, questions: true, templateKey: true },
    }),
    prisma.questionImage.findMany({ where: { projectId }, select: { id: true, mime: true, data: true } }),
  ]);
  const live: (SnapshotCheckpoint & { id: string })[] = checkpoints.flatMap((c) => {
    const latest = c.versions[0];
    const [read] = latest ? readVersions([latest]) : [];
    if (!latest || !read) return [];
    return [{ id: c.id, title: latest.title, prompt: latest.prompt, maxAttempts: c.maxAttempts, spec: read.spec, recheckOf: c.rechecks.map((r) => r.misconceptionId) }];
  });
  const indexOf = new Map(live.map((c, i) => [c.id, i]));
  return {
    title: project.title,
    goal: project.goal,
    instructions: project.instructions,
    misconceptions,
    checkpoints: live.map(({ id: _id, ...c }) => c),
    // A prompt beside or after a checkpoint that is archived has nowhere to go: it stays out.
    prompts: prompts.flatMap((p) => {
      const trigger = p.trigger as PromptTrigger;
      const checkpointIndex = p.checkpointId ? indexOf.get(p.checkpointId) : undefined;
      if (trigger !== "PROJECT" && checkpointIndex === undefined) return [];
      return [{ trigger, title: p.title, questions: parseQuestions(p.questions), templateKey: p.templateKey, checkpointIndex: trigger === "PROJECT" ? null : (checkpointIndex ?? null) }];
    }),
    images: new Map(images.map((i) => [i.id, { mime: i.mime as ImageMime, data: new Uint8Array(i.data) }])),
  };
}
