import { getFormProps, getInputProps, getTextareaProps, useForm } from "@conform-to/react";
import { validateWith } from "~/components/form-validation";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { Field, FormAlert, SubmitButton, TextareaField } from "~/components/form";
import { PromptPlacementFields } from "~/components/prompt-fields";
import { Card, Notice, PageHeader } from "~/components/ui";
import { findTemplate } from "~/domain/reflection-templates";
import { plural } from "~/domain/words";
import { NOT_FOUND } from "~/domain/labels";
import { requireTeacherProject } from "~/models/project.server";
import { checkpointChoices, findProjectPrompt, updatePrompt } from "~/models/reflection-prompt.server";
import { promptSchema } from "~/schemas/prompt";
import { notFound } from "~/utils/http.server";
import { parseSubmission } from "~/utils/submission";
import type { TeacherProjectHandle } from "~/routes/teach.projects.$projectId";
import { paths } from "~/utils/paths";
import { readForm } from "~/utils/form.server";
import { keepsFormOnFailure } from "~/utils/action-failure.server";
import { replyOf } from "~/utils/save-failed";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Edit ${data?.prompt.title ?? "reflection prompt"} · Rebound` }];

export const handle: TeacherProjectHandle = {
  breadcrumb: (project) => [
    { label: project.title, to: paths.teacherProject(project.id) },
    { label: "Reflection prompts", to: paths.reflectionPrompts(project.id) },
  ],
};

/** The guard, then the prompt in the teacher's project (else 404). */
async function requireProjectPrompt(request: Request, params: { projectId?: string; promptId?: string }) {
  const { project } = await requireTeacherProject(request, params);
  const prompt = await findProjectPrompt(project.id, params.promptId ?? "");
  if (!prompt) notFound(NOT_FOUND.reflectionPrompt);
  return { project, prompt };
}

async function liveCheckpoints(projectId: string) {
  return (await checkpointChoices(projectId)).filter((c) => !c.archived);
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { project, prompt } = await requireProjectPrompt(request, params);
  return {
    project: { id: project.id, title: project.title, classroom: project.classroom },
    prompt,
    checkpoints: await liveCheckpoints(project.id),
  };
}

export const action = keepsFormOnFailure(async ({ request, params }: ActionFunctionArgs) => {
  const { project, prompt } = await requireProjectPrompt(request, params);
  const checkpoints = await liveCheckpoints(project.id);
  const submission = parseSubmission(await readForm(request), { schema: promptSchema({ checkpointIds: checkpoints.map((c) => c.id) }) });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = await updatePrompt(project.id, prompt.id, submission.value);
  if (!result.ok && result.reason === "checkpoint-not-found") {
    return data(submission.reply({ fieldErrors: { checkpointId: ["Choose a checkpoint from this project's list."] } }), { status: 400 });
  }
  if (!result.ok) notFound(NOT_FOUND.reflectionPrompt);
  return redirect(paths.reflectionPrompts(project.id));
});

export default function EditPromptPage() {
  const { project, prompt, checkpoints } = useLoaderData<typeof loader>();
  const lastResult = replyOf(useActionData<typeof action>());
  const schema = useMemo(() => promptSchema({ checkpointIds: checkpoints.map((c) => c.id) }), [checkpoints]);
  const [form, fields] = useForm({
    id: "edit-prompt",
    lastResult,
    defaultValue: {
      title: prompt.title,
      questions: prompt.questions.join("\n"),
      trigger: prompt.trigger,
      checkpointId: prompt.checkpointId ?? "",
    },
    ...validateWith(schema),
  });
  const template = prompt.templateKey ? findTemplate(prompt.templateKey) : undefined;
  return (
    <>
      <PageHeader
        title={`Edit reflection prompt: ${prompt.title}`}
        subtitle={template ? `Started from the ${template.title} template.` : undefined}
      />
      <div className="max-w-2xl space-y-4">
        {prompt.entryCount > 0 ? (
          <Notice tone="info">
            Students have answered this prompt in {plural(prompt.entryCount, "journal entry", "journal entries")}. Those entries keep the
            questions as they were when the student answered.
          </Notice>
        ) : null}
        {prompt.archivedAt ? <Notice tone="growing">This prompt is archived: students don&rsquo;t see it. Restore it from the prompts page.</Notice> : null}
        <Card>
          <Form method="post" className="space-y-3" {...getFormProps(form)}>
            <Field label="Title" errors={fields.title.errors} inputProps={getInputProps(fields.title, { type: "text" })} />
            <TextareaField label="Questions" hint="One question per line." errors={fields.questions.errors} textareaProps={{ ...getTextareaProps(fields.questions), rows: 6 }} />
            <PromptPlacementFields fields={fields} checkpoints={checkpoints} />
            <FormAlert message={form.errors} />
            <div className="flex flex-wrap items-center gap-3">
              <SubmitButton pendingText="Saving…">Save prompt</SubmitButton>
              <Link to={paths.reflectionPrompts(project.id)}>Cancel</Link>
            </div>
          </Form>
        </Card>
      </div>
    </>
  );
}
