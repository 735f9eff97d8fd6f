import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { CheckpointEditor } from "~/components/checkpoint-editor";
import { Badge, Card, Notice, PageHeader, formatDateTime } from "~/components/ui";
import { prisma } from "~/db.server";
import { blankFormDefaults, specToFormDefaults, versioningNote } from "~/domain/checkpoint-form";
import { plural } from "~/domain/words";
import { KIND_LABELS } from "~/domain/checkpoint-spec";
import { NOT_FOUND } from "~/domain/labels";
import { findProjectCheckpoint, listRechecks, saveCheckpointContent, setRechecks, type SaveResult } from "~/models/checkpoint.server";
import { readEditorSubmission } from "~/models/checkpoint-editor.server";
import { misconceptionChoices } from "~/models/misconception.server";
import { requireTeacherProject } from "~/models/project.server";
import { applyAfterNotYetChoice, findAfterNotYetPrompt } from "~/models/reflection-prompt.server";
import { notFound } from "~/utils/http.server";
import type { TeacherProjectHandle } from "~/routes/teach.projects.$projectId";
import { paths } from "~/utils/paths";
import { readForm } from "~/utils/form.server";
import { keepsFormOnFailure } from "~/utils/action-failure.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Edit ${data?.checkpoint.latest.title ?? "checkpoint"} · Rebound` }];

export const handle: TeacherProjectHandle = {
  breadcrumb: (project) => [{ label: project.title, to: paths.teacherProject(project.id) }],
};

/** The guard, then the checkpoint in the teacher's project (else 404). */
async function requireProjectCheckpoint(request: Request, params: { projectId?: string; checkpointId?: string }) {
  const { project } = await requireTeacherProject(request, params);
  const checkpoint = await findProjectCheckpoint(project.id, params.checkpointId ?? "");
  if (!checkpoint) notFound(NOT_FOUND.checkpoint);
  return { project, checkpoint };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { project, checkpoint } = await requireProjectCheckpoint(request, params);
  const [misconceptions, afterNotYet, versions, recheckOf] = await Promise.all([
    misconceptionChoices(project.id),
    findAfterNotYetPrompt(project.id, checkpoint.id),
    prisma.checkpointVersion.findMany({
      where: { checkpointId: checkpoint.id, checkpoint: { projectId: project.id } },
      orderBy: { version: "desc" },
      select: { id: true, version: true, createdAt: true, _count: { select: { attempts: true } } },
    }),
    listRechecks(project.id, checkpoint.id),
  ]);
  const { latest } = checkpoint;
  return {
    project: { id: project.id, title: project.title, classroom: project.classroom },
    checkpoint: { ...checkpoint, latest: { ...latest, specJson: undefined } },
    afterNotYet: afterNotYet ? { title: afterNotYet.title } : null,
    misconceptions,
    versions: versions.map((v) => ({ version: v.version, createdAt: v.createdAt, attempts: v._count.attempts })),
    defaultValue: {
      title: latest.title,
      prompt: latest.prompt,
      maxAttempts: checkpoint.maxAttempts === null ? "" : String(checkpoint.maxAttempts),
      afterNotYet: afterNotYet ? "current" : "none",
      recheckOf,
      ...(latest.spec ? specToFormDefaults(latest.spec) : blankFormDefaults(checkpoint.kind)),
    },
    // Changes whenever the saved content does, so the form starts again from it after a save.
    revision: `${latest.id}:${latest.version}:${checkpoint.maxAttempts}:${afterNotYet?.title ?? ""}:${recheckOf.join(",")}:${hash(latest.specJson + latest.title + latest.prompt)}`,
  };
}

function hash(text: string): string {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (Math.imul(31, h) + text.charCodeAt(i)) | 0;
  return (h >>> 0).toString(36);
}

function savedMessage(result: Exclude<SaveResult, { outcome: "not-found" }>, attemptsInAll: number): string {
  switch (result.outcome) {
    case "updated":
      return `Saved. Version ${result.version} was updated: no one had answered it yet.`;
    case "new-version":
      return `Saved as version ${result.version}. Students answered this checkpoint ${plural(attemptsInAll, "time")} before; those answers stay readable against the version they answered.`;
    case "unchanged":
      return `Saved. The question and answers didn't change, so students keep answering version ${result.version}.`;
  }
}

export const action = keepsFormOnFailure(async ({ request, params }: ActionFunctionArgs) => {
  const { project, checkpoint } = await requireProjectCheckpoint(request, params);
  const submission = await readEditorSubmission(project.id, checkpoint.kind, await readForm(request));
  if (submission.status !== "valid") {
    // A list button without JavaScript, or a misconception named in the editor, is not an error: the form comes back changed.
    return data({ ok: false as const, reply: submission.reply, message: null, notice: submission.notice, createdMisconceptionId: submission.status === "kept" ? (submission.createdMisconceptionId ?? null) : null }, { status: submission.httpStatus });
  }
  const { input } = submission;
  const result = await saveCheckpointContent(project.id, checkpoint.id, input);
  if (result.outcome === "not-found") notFound(NOT_FOUND.checkpoint);
  await applyAfterNotYetChoice(project.id, checkpoint.id, input.afterNotYet);
  await setRechecks(project.id, checkpoint.id, input.recheckOf);
  return data({ ok: true as const, reply: null, message: [submission.notice, savedMessage(result, checkpoint.attemptsInAll)].filter(Boolean).join(" "), notice: null });
});

export default function EditCheckpointPage() {
  const { project, checkpoint, afterNotYet, misconceptions, versions, defaultValue, revision } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const note = versioningNote(checkpoint.latest.version, checkpoint.latest.attempts, checkpoint.attemptsInAll);
  return (
    <>
      <PageHeader
        title={`Edit checkpoint: ${checkpoint.latest.title}`}
        subtitle={
          <>
            {KIND_LABELS[checkpoint.kind]} · version {checkpoint.latest.version}
            {checkpoint.archivedAt ? (
              <span className="ml-2">
                <Badge>Archived</Badge>
              </span>
            ) : null}
          </>
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-4 lg:col-span-2">
          {actionData?.ok ? (
            <Notice tone="good" title="Checkpoint saved">
              {actionData.message} <Link to={`${paths.teacherProject(project.id)}#checkpoints`}>Back to the project</Link>
            </Notice>
          ) : null}
          {note ? (
            <Notice tone="info" title="Earlier answers are kept">
              {note}
            </Notice>
          ) : null}
          {checkpoint.archivedAt ? <Notice tone="growing">This checkpoint is archived: students don't see it. Restore it from the project page.</Notice> : null}
          <CheckpointEditor
            key={revision}
            formId={`edit-checkpoint-${checkpoint.id}`}
            kind={checkpoint.kind}
            defaultValue={defaultValue}
            lastResult={actionData && !actionData.ok ? actionData.reply : undefined}
            notice={actionData && "notice" in actionData ? actionData.notice : null}
        createdMisconceptionId={actionData && "createdMisconceptionId" in actionData ? actionData.createdMisconceptionId : null}
            misconceptions={misconceptions}
            currentAfterNotYet={afterNotYet}
            submitLabel="Save checkpoint"
            misconceptionsHref={paths.misconceptions(project.id)}
            beforeSubmit={
              checkpoint.latest.attempts > 0 ? (
                <p className="text-sm text-slate-700">
                  Saving a change to the question or answers creates version {checkpoint.latest.version + 1}; earlier answers stay with version{" "}
                  {checkpoint.latest.version}.
                </p>
              ) : null
            }
          />
        </div>
        <div>
          <Card title="Versions">
            <p className="mb-2 text-sm text-slate-700">Every answer stays linked to the version the student saw.</p>
            <ol className="space-y-1 text-sm">
              {versions.map((v) => (
                <li key={v.version}>
                  Version {v.version}
                  {v.version === checkpoint.latest.version ? " (current)" : ""} · {formatDateTime(v.createdAt)} · answered {plural(v.attempts, "time")}
                </li>
              ))}
            </ol>
          </Card>
        </div>
      </div>
    </>
  );
}
