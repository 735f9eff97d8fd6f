import { getFormProps, getTextareaProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { validateWith } from "~/components/form-validation";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { Field, SubmitButton, TextareaField, buttonClass, resultFor } from "~/components/form";
import { PromptPlacementFields } from "~/components/prompt-fields";
import { ActionNotice, Badge, Card, EmptyState, MainAndSide, PageHeader } from "~/components/ui";
import { REFLECTION_TEMPLATES, TRIGGER_LABELS, findTemplate, type PromptTrigger, type ReflectionTemplate } from "~/domain/reflection-templates";
import { plural } from "~/domain/words";
import { requireTeacherProject } from "~/models/project.server";
import {
  archivePrompt,
  checkpointChoices,
  createPrompt,
  createPromptFromTemplate,
  listProjectPrompts,
  restorePrompt,
  type PromptWriteResult,
} from "~/models/reflection-prompt.server";
import { promptFromTemplateSchema, promptSchema } from "~/schemas/prompt";
import { parseSubmission } from "~/utils/submission";
import type { TeacherProjectHandle } from "~/routes/teach.projects.$projectId";
import { paths } from "~/utils/paths";
import { readForm } from "~/utils/form.server";
import { keepsFormOnFailure } from "~/utils/action-failure.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Reflection prompts · ${data?.project.title ?? "Project"} · Rebound` }];

export const handle: TeacherProjectHandle = {
  breadcrumb: (project) => [{ label: project.title, to: paths.teacherProject(project.id) }],
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { project } = await requireTeacherProject(request, params);
  const [prompts, checkpoints] = await Promise.all([listProjectPrompts(project.id), checkpointChoices(project.id)]);
  return { project: { id: project.id, title: project.title, classroom: project.classroom }, prompts, checkpoints };
}

const SCRATCH_FORM_ID = "new-prompt";
const templateFormId = (templateKey: string) => `template-${templateKey}`;

/** Adding answers with the form's reply (its formId, see resultFor); archiving and restoring with a message about the page. */
type ActionResult = { formId?: string; ok: boolean; reply?: SubmissionResult<string[]>; message: string | null };

function writtenMessage(result: Extract<PromptWriteResult, { ok: true }>, title: string): string {
  const replaced = result.replaced.length ? ` It replaces “${result.replaced.join("”, “")}” after a “not yet” on that checkpoint (archived below, and can be restored).` : "";
  return `Prompt “${title}” added.${replaced}`;
}

export const action = keepsFormOnFailure(async ({ request, params }: ActionFunctionArgs) => {
  const { project } = await requireTeacherProject(request, params);
  const formData = await readForm(request);
  const intent = String(formData.get("intent") ?? "");
  const reply = (result: ActionResult, status = 200) => data(result, { status });
  const liveCheckpointIds = (await checkpointChoices(project.id)).filter((c) => !c.archived).map((c) => c.id);

  if (intent === "from-template") {
    const formId = templateFormId(String(formData.get("templateKey") ?? ""));
    const submission = parseSubmission(formData, { schema: promptFromTemplateSchema({ checkpointIds: liveCheckpointIds }) });
    if (submission.status !== "success") return reply({ formId, ok: false, reply: submission.reply(), message: null }, 400);
    const result = await createPromptFromTemplate(project.id, submission.value);
    if (!result.ok) {
      return reply({ formId, ok: false, reply: submission.reply({ fieldErrors: { checkpointId: ["Choose a checkpoint from this project's list."] } }), message: null }, 400);
    }
    return reply({ formId, ok: true, reply: submission.reply({ resetForm: true }), message: writtenMessage(result, findTemplate(submission.value.templateKey)?.title ?? "") });
  }
  if (intent === "from-scratch") {
    const formId = SCRATCH_FORM_ID;
    const submission = parseSubmission(formData, { schema: promptSchema({ checkpointIds: liveCheckpointIds }) });
    if (submission.status !== "success") return reply({ formId, ok: false, reply: submission.reply(), message: null }, 400);
    const result = await createPrompt(project.id, { ...submission.value, templateKey: null });
    if (!result.ok) {
      return reply({ formId, ok: false, reply: submission.reply({ fieldErrors: { checkpointId: ["Choose a checkpoint from this project's list."] } }), message: null }, 400);
    }
    return reply({ formId, ok: true, reply: submission.reply({ resetForm: true }), message: writtenMessage(result, submission.value.title) });
  }
  if (intent === "archive") {
    const archived = await archivePrompt(project.id, String(formData.get("promptId") ?? ""));
    if (!archived) return reply({ ok: false, message: "That prompt is already archived or no longer here." }, 400);
    return reply({ ok: true, message: "Prompt archived. Students no longer see it; their journal entries answering it are kept." });
  }
  if (intent === "restore") {
    const result = await restorePrompt(project.id, String(formData.get("promptId") ?? ""));
    if (!result.ok) {
      const message =
        result.reason === "checkpoint-not-found"
          ? "Its checkpoint is archived, so the prompt can't come back on its own. Restore the checkpoint first."
          : "That prompt isn't archived.";
      return reply({ ok: false, message }, 400);
    }
    const replaced = result.replaced.length ? ` It replaces “${result.replaced.join("”, “")}”, now archived.` : "";
    return reply({ ok: true, message: `Prompt restored.${replaced}` });
  }
  return reply({ ok: false, message: "We didn't understand that request." }, 400);
}, (form) => (form.get("intent") === "from-scratch" ? SCRATCH_FORM_ID : form.get("intent") === "from-template" ? templateFormId(String(form.get("templateKey") ?? "")) : null));

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;
type PromptView = LoaderData["prompts"][number];
type CheckpointOption = LoaderData["checkpoints"][number];

function TemplateCard({ template, checkpoints, lastResult }: { template: ReflectionTemplate; checkpoints: CheckpointOption[]; lastResult?: SubmissionResult<string[]> }) {
  const checkpointIds = useMemo(() => checkpoints.map((c) => c.id), [checkpoints]);
  const schema = useMemo(() => promptFromTemplateSchema({ checkpointIds }), [checkpointIds]);
  const [form, fields] = useForm({
    id: templateFormId(template.key),
    lastResult,
    defaultValue: { templateKey: template.key, trigger: template.suggestedTrigger, checkpointId: "" },
    ...validateWith(schema, "onSubmit"),
  });
  const headingId = `template-${template.key}-heading`;
  return (
    <section aria-labelledby={headingId} className="rounded-md border border-slate-200 p-4">
      <h3 id={headingId} className="font-semibold">
        {template.title}
      </h3>
      <p className="text-sm text-slate-700">{template.description}</p>
      <ol className="mt-2 list-decimal space-y-0.5 pl-5 text-sm">
        {template.questions.map((q) => (
          <li key={q}>{q}</li>
        ))}
      </ol>
      <Form method="post" className="mt-3 space-y-3" {...getFormProps(form)}>
        <input {...getInputProps(fields.templateKey, { type: "hidden" })} />
        <PromptPlacementFields fields={fields} checkpoints={checkpoints} />
        <SubmitButton intent="from-template" variant="secondary" pendingText="Adding…" aria-label={`Add the ${template.title} prompt`}>
          Add this prompt
        </SubmitButton>
      </Form>
    </section>
  );
}

function PromptItem({ prompt, projectId, checkpointTitle, level = 4 }: { prompt: PromptView; projectId: string; checkpointTitle?: string; level?: 3 | 4 }) {
  const Heading = level === 3 ? "h3" : "h4";
  const template = prompt.templateKey ? findTemplate(prompt.templateKey) : undefined;
  return (
    <li className="py-4">
      <div>
        <div className="max-w-prose">
          <Heading className="font-semibold">{prompt.title}</Heading>
          <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-700">
            <Badge tone={prompt.trigger === "AFTER_NOT_YET" ? "growing" : "info"}>{TRIGGER_LABELS[prompt.trigger as PromptTrigger] ?? prompt.trigger}</Badge>
            {checkpointTitle ? <span>{checkpointTitle}</span> : null}
            {template ? <span>from the {template.title} template</span> : null}
            <span>answered in {plural(prompt.entryCount, "journal entry", "journal entries")}</span>
          </p>
          <ol className="mt-2 list-decimal space-y-0.5 pl-5 text-sm">
            {prompt.questions.map((q, i) => (
              <li key={i}>{q}</li>
            ))}
          </ol>
        </div>
        <div className="mt-3 flex flex-wrap items-center gap-2">
          <Link to={paths.reflectionPrompt(projectId, prompt.id)} className={`${buttonClass("secondary")} px-3 py-1`} aria-label={`Edit ${prompt.title}`}>
            Edit
          </Link>
          <Form method="post">
            <input type="hidden" name="promptId" value={prompt.id} />
            {prompt.archivedAt ? (
              <SubmitButton intent="restore" variant="secondary" className="px-3 py-1" aria-label={`Restore ${prompt.title}`} pendingText="Restoring…">
                Restore
              </SubmitButton>
            ) : (
              <SubmitButton intent="archive" variant="danger" className="px-3 py-1" aria-label={`Archive ${prompt.title}`} pendingText="Archiving…">
                Archive
              </SubmitButton>
            )}
          </Form>
        </div>
      </div>
    </li>
  );
}

export default function PromptsPage() {
  const { project, prompts, checkpoints } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const liveCheckpoints = useMemo(() => checkpoints.filter((c) => !c.archived), [checkpoints]);
  const scratchSchema = useMemo(() => promptSchema({ checkpointIds: liveCheckpoints.map((c) => c.id) }), [liveCheckpoints]);
  const [form, fields] = useForm({
    id: SCRATCH_FORM_ID,
    lastResult: resultFor(actionData, SCRATCH_FORM_ID)?.reply,
    defaultValue: { title: "", questions: "", trigger: "PROJECT", checkpointId: "" },
    ...validateWith(scratchSchema),
  });
  const live = prompts.filter((p) => !p.archivedAt);
  const archived = prompts.filter((p) => p.archivedAt);
  const titleOf = new Map(
    checkpoints.map((c) => [c.id, c.archived ? `${c.title} (archived checkpoint)` : `Checkpoint ${liveCheckpoints.indexOf(c) + 1}: ${c.title}`]),
  );
  const projectLevel = live.filter((p) => p.trigger === "PROJECT");
  const onArchivedCheckpoints = live.filter((p) => p.checkpointId && checkpoints.find((c) => c.id === p.checkpointId)?.archived);

  return (
    <>
      <PageHeader
        title="Reflection prompts"
        subtitle="Questions that turn an attempt into learning: for the whole project, beside a checkpoint, or right after a “not yet”."
      />
      <ActionNotice result={actionData} />
      <MainAndSide
        main={
          <>
            <Card title="This project's prompts">
              {live.length === 0 ? <EmptyState>No prompts yet. Start from a template below, or write your own.</EmptyState> : null}
              {projectLevel.length ? (
                <section aria-labelledby="project-prompts-heading">
                  <h3 id="project-prompts-heading" className="mt-2 font-semibold text-slate-800">
                    For the whole project
                  </h3>
                  <ul className="divide-y divide-slate-200">
                    {projectLevel.map((p) => (
                      <PromptItem key={p.id} prompt={p} projectId={project.id} />
                    ))}
                  </ul>
                </section>
              ) : null}
              {liveCheckpoints.map((c, i) => {
                const own = live.filter((p) => p.checkpointId === c.id);
                if (own.length === 0) return null;
                return (
                  <section key={c.id} aria-labelledby={`checkpoint-prompts-${c.id}`} className="mt-4">
                    <h3 id={`checkpoint-prompts-${c.id}`} className="font-semibold text-slate-800">
                      Checkpoint {i + 1}: {c.title}
                    </h3>
                    <ul className="divide-y divide-slate-200">
                      {own.map((p) => (
                        <PromptItem key={p.id} prompt={p} projectId={project.id} />
                      ))}
                    </ul>
                  </section>
                );
              })}
              {onArchivedCheckpoints.length ? (
                <section aria-labelledby="archived-checkpoint-prompts" className="mt-4">
                  <h3 id="archived-checkpoint-prompts" className="font-semibold text-slate-800">
                    On archived checkpoints (students don&rsquo;t see these)
                  </h3>
                  <ul className="divide-y divide-slate-200">
                    {onArchivedCheckpoints.map((p) => (
                      <PromptItem key={p.id} prompt={p} projectId={project.id} checkpointTitle={titleOf.get(p.checkpointId ?? "")} />
                    ))}
                  </ul>
                </section>
              ) : null}
              {archived.length ? (
                <details className="mt-6">
                  <summary className="cursor-pointer font-medium">Archived prompts ({archived.length})</summary>
                  <ul className="divide-y divide-slate-200">
                    {archived.map((p) => (
                      <PromptItem key={p.id} prompt={p} projectId={project.id} checkpointTitle={p.checkpointId ? titleOf.get(p.checkpointId) : undefined} level={3} />
                    ))}
                  </ul>
                </details>
              ) : null}
            </Card>

            <Card title="Start from the template library">
              <p className="mb-3 text-sm text-slate-700">
                Pick a template, choose when students see it, and add it. You can edit the questions afterwards. A checkpoint has one prompt
                after a &ldquo;not yet&rdquo;: adding another replaces it (the old one is archived, not lost).
              </p>
              <div className="grid gap-4 md:grid-cols-2">
                {REFLECTION_TEMPLATES.map((t) => (
                  <TemplateCard
                    key={t.key}
                    template={t}
                    checkpoints={liveCheckpoints}
                    lastResult={resultFor(actionData, templateFormId(t.key))?.reply}
                  />
                ))}
              </div>
            </Card>
          </>
        }
        side={
          <Card title="Write your own">
            <Form method="post" className="space-y-3" {...getFormProps(form)}>
              <Field label="Title" errors={fields.title.errors} inputProps={getInputProps(fields.title, { type: "text" })} />
              <TextareaField
                label="Questions"
                hint="One question per line."
                errors={fields.questions.errors}
                textareaProps={{ ...getTextareaProps(fields.questions), rows: 5 }}
              />
              <PromptPlacementFields fields={fields} checkpoints={liveCheckpoints} />
              <SubmitButton intent="from-scratch" pendingText="Adding…">
                Add prompt
              </SubmitButton>
            </Form>
          </Card>
        }
      />
    </>
  );
}
