import { getFormProps, getInputProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { validateWith } from "~/components/form-validation";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { KindRadios } from "~/components/checkpoint-editor";
import { ConfirmForm, Field, FormAlert, SubmitButton, TextareaField, buttonClass, resultFor } from "~/components/form";
import { ActionNotice, Badge, Card, EmptyState, MainAndSide, Notice, PageHeader } from "~/components/ui";
import { prisma } from "~/db.server";
import { KIND_LABELS } from "~/domain/checkpoint-spec";
import {
  archiveCheckpoint,
  countLiveCheckpoints,
  deleteCheckpoint,
  listProjectCheckpoints,
  moveCheckpoint,
  restoreCheckpoint,
} from "~/models/checkpoint.server";
import { misconceptionChoices } from "~/models/misconception.server";
import { requireTeacherProject } from "~/models/project.server";
import { projectBasicsSchema } from "~/schemas/project";
import { parseSubmission } from "~/utils/submission";
import { paths } from "~/utils/paths";
import { plural } from "~/domain/words";
import { PROJECT_EXPORTS, PROJECT_EXPORT_FORMATS } from "~/domain/project-export/formats";
import { readForm } from "~/utils/form.server";
import { keepsFormOnFailure } from "~/utils/action-failure.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.project.title ?? "Project"} · Build · Rebound` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { project } = await requireTeacherProject(request, params);
  const [checkpoints, misconceptions, prompts] = await Promise.all([
    listProjectCheckpoints(project.id),
    misconceptionChoices(project.id),
    prisma.reflectionPrompt.findMany({
      where: { projectId: project.id, archivedAt: null },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      select: { id: true, title: true, trigger: true },
    }),
  ]);
  const added = new URL(request.url).searchParams.get("added");
  const addedCheckpoint = checkpoints.find((c) => c.id === added) ?? null;
  return {
    project: {
      id: project.id,
      title: project.title,
      goal: project.goal,
      instructions: project.instructions,
      status: project.status,
      classroom: project.classroom,
    },
    checkpoints,
    misconceptions,
    projectPrompts: prompts.filter((p) => p.trigger === "PROJECT"),
    checkpointPromptCount: prompts.filter((p) => p.trigger !== "PROJECT").length,
    added: addedCheckpoint ? { id: addedCheckpoint.id, title: addedCheckpoint.title } : null,
  };
}

const DETAILS_FORM_ID = "project-details";

/**
 * The details form's invalid submission comes back with its reply (its formId,
 * see resultFor); everything else with a message about the page, and a move
 * with the checkpoint that moved (focus stays on it).
 */
type ActionResult = {
  formId?: typeof DETAILS_FORM_ID;
  ok: boolean;
  reply?: SubmissionResult<string[]>;
  message: string | null;
  checkpointId?: string;
  direction?: "up" | "down";
};

export const action = keepsFormOnFailure(async ({ request, params }: ActionFunctionArgs) => {
  const { project } = await requireTeacherProject(request, params);
  const formData = await readForm(request);
  const intent = String(formData.get("intent") ?? "");
  const checkpointId = String(formData.get("checkpointId") ?? "");
  const reply = (result: ActionResult, status = 200) => data(result, { status });

  switch (intent) {
    case "update-project": {
      const submission = parseSubmission(formData, { schema: projectBasicsSchema });
      if (submission.status !== "success") return reply({ formId: DETAILS_FORM_ID, ok: false, reply: submission.reply(), message: null }, 400);
      await prisma.project.update({ where: { id: project.id }, data: submission.value });
      return reply({ ok: true, message: "Project details saved." });
    }
    case "publish": {
      if ((await countLiveCheckpoints(project.id)) === 0) {
        return reply({ ok: false, message: "Add at least one checkpoint before publishing: students need something to work on." }, 400);
      }
      await prisma.project.update({
        where: { id: project.id },
        data: { status: "PUBLISHED", publishedAt: project.publishedAt ?? new Date() },
      });
      return reply({ ok: true, message: "Published. Students in the class can now open the project." });
    }
    case "unpublish": {
      await prisma.project.update({ where: { id: project.id }, data: { status: "DRAFT" } });
      return reply({ ok: true, message: "Back to draft. Students can't open the project until you publish it again; their work is kept." });
    }
    case "move-up":
    case "move-down": {
      const direction = intent === "move-up" ? "up" : "down";
      const moved = await moveCheckpoint(project.id, checkpointId, direction);
      if (!moved) return reply({ ok: false, message: `That checkpoint can't move ${direction} any further.` }, 400);
      return reply({ ok: true, message: `Checkpoint moved ${direction}.`, checkpointId, direction });
    }
    case "archive": {
      const archived = await archiveCheckpoint(project.id, checkpointId);
      if (!archived) return reply({ ok: false, message: "That checkpoint is already archived or no longer here." }, 400);
      return reply({ ok: true, message: "Checkpoint archived. Students no longer see it; every attempt on it is kept." });
    }
    case "restore": {
      const restored = await restoreCheckpoint(project.id, checkpointId);
      if (!restored) return reply({ ok: false, message: "That checkpoint isn't archived." }, 400);
      return reply({ ok: true, message: "Checkpoint restored, at the end of the list." });
    }
    case "delete": {
      const result = await deleteCheckpoint(project.id, checkpointId);
      if (result === "has-student-work") {
        return reply({ ok: false, message: "Students have worked on this checkpoint, so it can't be deleted. Archive it instead: their work is kept." }, 400);
      }
      if (result === "not-found") return reply({ ok: false, message: "That checkpoint is no longer here." }, 400);
      return reply({ ok: true, message: "Checkpoint deleted. No student had worked on it." });
    }
    default:
      return reply({ ok: false, message: "We didn't understand that request." }, 400);
  }
}, (form) => (form.get("intent") === "update-project" ? DETAILS_FORM_ID : null));

export default function ProjectBuilderPage() {
  const { project, checkpoints, misconceptions, projectPrompts, checkpointPromptCount, added } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: DETAILS_FORM_ID,
    lastResult: resultFor(actionData, DETAILS_FORM_ID)?.reply,
    defaultValue: { title: project.title, goal: project.goal, instructions: project.instructions },
    ...validateWith(projectBasicsSchema),
  });
  const live = checkpoints.filter((c) => !c.archivedAt);
  const archived = checkpoints.filter((c) => c.archivedAt);
  const published = project.status === "PUBLISHED";
  const message = actionData?.message ?? null;

  // Keep keyboard focus on the moved checkpoint's button after it moves.
  const moved = actionData && "direction" in actionData ? actionData : undefined;
  const movedId = moved?.checkpointId;
  const movedDirection = moved?.direction;
  // Waits for the page to settle: the action's answer arrives before the reloaded list.
  const navigation = useNavigation();
  const focusedFor = useRef<unknown>(null);
  useEffect(() => {
    if (navigation.state !== "idle" || !movedId || !movedDirection || focusedFor.current === actionData) return;
    focusedFor.current = actionData;
    const preferred = document.getElementById(`move-${movedDirection}-${movedId}`) as HTMLButtonElement | null;
    const other = document.getElementById(`move-${movedDirection === "up" ? "down" : "up"}-${movedId}`) as HTMLButtonElement | null;
    (preferred && !preferred.disabled ? preferred : other)?.focus();
  }, [navigation.state, actionData, movedId, movedDirection]);

  return (
    <>
      <PageHeader
        title={project.title}
        subtitle={
          <>
            <Badge tone={published ? "good" : "neutral"}>{published ? "Published" : "Draft"}</Badge>
            <span className="ml-2">{published ? "Students in the class can open it." : "Only you can see it until you publish."}</span>
          </>
        }
        actions={
          <Form method="post">
            {published ? (
              <SubmitButton intent="unpublish" variant="secondary" pendingText="Saving…">
                Return to draft
              </SubmitButton>
            ) : (
              <SubmitButton intent="publish" pendingText="Publishing…">
                Publish project
              </SubmitButton>
            )}
          </Form>
        }
      />
      {/* The details form shows its own answers; the checkpoint buttons answer here. */}
      <ActionNotice result={actionData?.formId === DETAILS_FORM_ID ? undefined : actionData} />

      <MainAndSide
        main={
          <section id="checkpoints" aria-labelledby="checkpoints-heading" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
            <h2 id="checkpoints-heading" className="mb-3 text-lg font-semibold">
              Checkpoints
            </h2>
            {added && !message ? (
              <div className="mb-3">
                <Notice tone="good">Checkpoint &ldquo;{added.title}&rdquo; added at the end of the list.</Notice>
              </div>
            ) : null}
            {live.length === 0 ? (
              <EmptyState>No checkpoints yet. Add the first one below: a small, low-stakes step towards the goal.</EmptyState>
            ) : (
              <ol className="divide-y divide-slate-200">
                {live.map((c, index) => (
                  <li key={c.id} className="py-4">
                    <div className="flex flex-wrap items-start justify-between gap-3">
                      <div>
                        <h3 className="font-semibold">
                          <span className="text-slate-600">{index + 1}.</span> {c.title}
                        </h3>
                        <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-700">
                          <Badge tone="info">{KIND_LABELS[c.kind]}</Badge>
                          <span>{c.maxAttempts === null ? "Unlimited attempts" : `Up to ${plural(c.maxAttempts, "attempt")}`}</span>
                          <span aria-hidden="true">·</span>
                          <span>version {c.version}</span>
                          <span aria-hidden="true">·</span>
                          <span>{c.attemptCount ? `has ${plural(c.attemptCount, "attempt")}` : "no attempts yet"}</span>
                        </p>
                        <p className="mt-1 text-sm text-slate-700">
                          After a &ldquo;not yet&rdquo;: {c.afterNotYetPrompt ? c.afterNotYetPrompt.title : "no reflection prompt"}
                        </p>
                      </div>
                      <div className="flex flex-wrap items-center gap-2">
                        <Link to={paths.editCheckpoint(project.id, c.id)} className={`${buttonClass("secondary")} px-3 py-1`} aria-label={`Edit ${c.title}`}>
                          Edit
                        </Link>
                        <Form method="post" className="contents">
                          <input type="hidden" name="checkpointId" value={c.id} />
                          <SubmitButton
                            intent="move-up"
                            id={`move-up-${c.id}`}
                            variant="secondary"
                            className="px-3 py-1"
                            disabled={index === 0}
                            aria-label={`Move ${c.title} up`}
                            pendingText="Moving…"
                          >
                            Move up
                          </SubmitButton>
                          <SubmitButton
                            intent="move-down"
                            id={`move-down-${c.id}`}
                            variant="secondary"
                            className="px-3 py-1"
                            disabled={index === live.length - 1}
                            aria-label={`Move ${c.title} down`}
                            pendingText="Moving…"
                          >
                            Move down
                          </SubmitButton>
                        </Form>
                        <ConfirmForm
                          className="contents"
                          question={
                            c.hasStudentWork
                              ? `Archive "${c.title}"? Students will no longer see it; their work on it is kept.`
                              : `Delete "${c.title}"? No student has worked on it yet.`
                          }
                        >
                          <input type="hidden" name="checkpointId" value={c.id} />
                          {c.hasStudentWork ? (
                            <SubmitButton intent="archive" variant="danger" className="px-3 py-1" aria-label={`Archive ${c.title}`} pendingText="Archiving…">
                              Archive
                            </SubmitButton>
                          ) : (
                            <SubmitButton intent="delete" variant="danger" className="px-3 py-1" aria-label={`Delete ${c.title}`} pendingText="Deleting…">
                              Delete
                            </SubmitButton>
                          )}
                        </ConfirmForm>
                      </div>
                    </div>
                  </li>
                ))}
              </ol>
            )}
            {live.some((c) => c.hasStudentWork) ? (
              <p className="mt-2 text-sm text-slate-700">Checkpoints students have worked on can be archived, never deleted: their work is kept.</p>
            ) : null}

            <Form method="get" action={paths.newCheckpoint(project.id)} className="mt-6 rounded-md border border-dashed border-slate-300 p-4">
              <fieldset>
                <legend className="font-medium">Add a checkpoint</legend>
                <KindRadios idPrefix="add-kind" />
              </fieldset>
              <button type="submit" className={`${buttonClass("primary")} mt-3`}>
                Add checkpoint
              </button>
            </Form>

            {archived.length ? (
              <details className="mt-6">
                <summary className="cursor-pointer font-medium">Archived checkpoints ({archived.length})</summary>
                <ul className="mt-2 divide-y divide-slate-200">
                  {archived.map((c) => (
                    <li key={c.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                      <span>
                        {c.title} <span className="text-sm text-slate-700">· {KIND_LABELS[c.kind]} · answered {plural(c.attemptCount, "time")}</span>
                      </span>
                      <span className="flex gap-2">
                        <Link to={paths.editCheckpoint(project.id, c.id)} className="text-sm" aria-label={`View ${c.title}`}>
                          View
                        </Link>
                        <Form method="post">
                          <input type="hidden" name="checkpointId" value={c.id} />
                          <SubmitButton intent="restore" variant="secondary" className="px-3 py-1" aria-label={`Restore ${c.title}`} pendingText="Restoring…">
                            Restore
                          </SubmitButton>
                        </Form>
                      </span>
                    </li>
                  ))}
                </ul>
              </details>
            ) : null}
          </section>
        }
        side={
          <>
            <Card title="Project details">
              <Form method="post" className="space-y-3" {...getFormProps(form)}>
                <Field label="Title" errors={fields.title.errors} inputProps={getInputProps(fields.title, { type: "text" })} />
                <TextareaField label="Goal" hint="What students are working towards." errors={fields.goal.errors} textareaProps={getTextareaProps(fields.goal)} />
                <TextareaField
                  label="Instructions (optional)"
                  hint="How to work through the project. Students see this at the top."
                  errors={fields.instructions.errors}
                  textareaProps={{ ...getTextareaProps(fields.instructions), rows: 5 }}
                />
                <FormAlert message={form.errors} />
                <SubmitButton intent="update-project" pendingText="Saving…">
                  Save details
                </SubmitButton>
              </Form>
            </Card>
            <Card title="Misconceptions">
              {misconceptions.length ? (
                <ul className="mb-3 list-disc space-y-1 pl-5 text-sm">
                  {misconceptions.map((m) => (
                    <li key={m.id}>{m.name}</li>
                  ))}
                </ul>
              ) : (
                <p className="mb-3 text-sm text-slate-700">Name the ideas students often hold, then tag wrong answers with them.</p>
              )}
              <Link to={paths.misconceptions(project.id)}>Manage misconceptions</Link>
            </Card>
            <Card title="Questions from a file">
              <p className="text-sm text-slate-700">Moodle GIFT or XML, QTI, diagnostic-question CSV, or a Rebound project file: see every question before anything is saved.</p>
              <p className="mt-3">
                <Link to={paths.projectImport(project.id)}>Import questions</Link>
              </p>
            </Card>
            <Card title="Share or export">
              <p className="text-sm text-slate-700">Download this project as a file. Nothing students wrote is in it.</p>
              <ul className="mt-3 space-y-3 text-sm">
                {PROJECT_EXPORT_FORMATS.map((format) => {
                  const about = PROJECT_EXPORTS[format];
                  return (
                    <li key={format}>
                      <a href={paths.projectExport(project.id, format)} download className="font-medium">
                        {about.label}
                      </a>
                      <p className="mt-0.5 text-slate-700">Carries {about.carries}</p>
                      {about.leavesOut ? <p className="mt-0.5 text-slate-700">Leaves out {about.leavesOut}.</p> : null}
                    </li>
                  );
                })}
              </ul>
            </Card>
            <Card title="Reflection prompts">
              <p className="text-sm text-slate-700">
                {projectPrompts.length
                  ? `Project prompts: ${projectPrompts.map((p) => p.title).join(", ")}.`
                  : "No project-level prompt yet."}{" "}
                {checkpointPromptCount ? `${checkpointPromptCount} beside or after checkpoints.` : ""}
              </p>
              <p className="mt-3">
                <Link to={paths.reflectionPrompts(project.id)}>Manage reflection prompts</Link>
              </p>
            </Card>
          </>
        }
      />
    </>
  );
}
