import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { CheckpointEditor, KindRadios } from "~/components/checkpoint-editor";
import { SubmitButton } from "~/components/form";
import { Card, PageHeader } from "~/components/ui";
import { KIND_DESCRIPTIONS, blankFormDefaults } from "~/domain/checkpoint-form";
import { KIND_LABELS, isCheckpointKind } from "~/domain/checkpoint-spec";
import { createCheckpoint, setRechecks } from "~/models/checkpoint.server";
import { readEditorSubmission } from "~/models/checkpoint-editor.server";
import { misconceptionChoices } from "~/models/misconception.server";
import { requireTeacherProject } from "~/models/project.server";
import { applyAfterNotYetChoice } from "~/models/reflection-prompt.server";
import type { TeacherProjectHandle } from "~/routes/teach.projects.$projectId";
import { paths } from "~/utils/paths";
import { readForm } from "~/utils/form.server";
import { keepsFormOnFailure } from "~/utils/action-failure.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Add a checkpoint · ${data?.project.title ?? "Project"} · Rebound` }];

export const handle: TeacherProjectHandle = {
  breadcrumb: (project) => [{ label: project.title, to: paths.teacherProject(project.id) }],
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { project } = await requireTeacherProject(request, params);
  const kindParam = new URL(request.url).searchParams.get("kind");
  const kind = isCheckpointKind(kindParam) ? kindParam : null;
  const misconceptions = await misconceptionChoices(project.id);
  return {
    project: { id: project.id, title: project.title, classroom: project.classroom },
    kind,
    misconceptions,
  };
}

export const action = keepsFormOnFailure(async ({ request, params }: ActionFunctionArgs) => {
  const { project } = await requireTeacherProject(request, params);
  const formData = await readForm(request);
  const kindValue = formData.get("kind") ?? new URL(request.url).searchParams.get("kind");
  if (!isCheckpointKind(kindValue)) {
    return data({ reply: null, message: "Choose what kind of checkpoint to add.", notice: null }, { status: 400 });
  }
  const submission = await readEditorSubmission(project.id, kindValue, formData);
  if (submission.status !== "valid") {
    // A list button without JavaScript, or a misconception named in the editor, is not an error: the form comes back changed.
    return data({ reply: submission.reply, message: null, notice: submission.notice, createdMisconceptionId: submission.status === "kept" ? (submission.createdMisconceptionId ?? null) : null }, { status: submission.httpStatus });
  }
  const { input } = submission;
  const checkpoint = await createCheckpoint(project.id, input);
  await applyAfterNotYetChoice(project.id, checkpoint.id, input.afterNotYet);
  await setRechecks(project.id, checkpoint.id, input.recheckOf);
  return redirect(`${paths.teacherProject(project.id)}?added=${checkpoint.id}#checkpoints`);
});

export default function NewCheckpointPage() {
  const { project, kind, misconceptions } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  if (!kind) {
    return (
      <>
        <PageHeader title="Add a checkpoint" subtitle="Choose what kind of answer students give." />
        <Card>
          <Form method="get" className="space-y-4">
            <fieldset>
              <legend className="mb-2 font-medium">Kind of checkpoint</legend>
              {actionData?.message ? <p className="mb-2 text-sm text-red-800">{actionData.message}</p> : null}
              <KindRadios idPrefix="kind" />
            </fieldset>
            <SubmitButton>Continue</SubmitButton>
          </Form>
        </Card>
      </>
    );
  }
  return (
    <>
      <PageHeader title={`Add a ${KIND_LABELS[kind].toLowerCase()} checkpoint`} subtitle={KIND_DESCRIPTIONS[kind]} />
      <CheckpointEditor
        formId={`new-checkpoint-${kind}`}
        kind={kind}
        defaultValue={{ title: "", prompt: "", maxAttempts: "", afterNotYet: "four-part-journal", ...blankFormDefaults(kind) }}
        lastResult={actionData?.reply ?? undefined}
        notice={actionData && "notice" in actionData ? actionData.notice : null}
        createdMisconceptionId={actionData && "createdMisconceptionId" in actionData ? actionData.createdMisconceptionId : null}
        misconceptions={misconceptions}
        currentAfterNotYet={null}
        submitLabel="Add checkpoint"
        misconceptionsHref={paths.misconceptions(project.id)}
        beforeSubmit={<input type="hidden" name="kind" value={kind} />}
      />
    </>
  );
}
