import { getFormProps, useForm } from "@conform-to/react";
import { MisconceptionFields } from "~/components/misconception-fields";
import { validateWith } from "~/components/form-validation";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormAlert, SubmitButton } from "~/components/form";
import { Card, Notice, PageHeader } from "~/components/ui";
import { describeUsage, isInUse } from "~/domain/misconception-usage";
import { NOT_FOUND } from "~/domain/labels";
import { findProjectMisconception, updateMisconception } from "~/models/misconception.server";
import { requireTeacherProject } from "~/models/project.server";
import { misconceptionSchema } from "~/schemas/misconception";
import { notFound } from "~/utils/http.server";
import { parseSubmission } from "~/utils/submission";
import type { TeacherProjectHandle } from "~/routes/teach.projects.$projectId";
import { paths } from "~/utils/paths";
import { readForm } from "~/utils/form.server";
import { keepsFormOnFailure } from "~/utils/action-failure.server";
import { replyOf } from "~/utils/save-failed";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Edit ${data?.misconception.name ?? "misconception"} · Rebound` }];

export const handle: TeacherProjectHandle = {
  breadcrumb: (project) => [
    { label: project.title, to: paths.teacherProject(project.id) },
    { label: "Misconceptions", to: paths.misconceptions(project.id) },
  ],
};

/** The guard, then the misconception in the teacher's project (else 404). */
async function requireProjectMisconception(request: Request, params: { projectId?: string; misconceptionId?: string }) {
  const { project } = await requireTeacherProject(request, params);
  const misconception = await findProjectMisconception(project.id, params.misconceptionId ?? "");
  if (!misconception) notFound(NOT_FOUND.misconception);
  return { project, misconception };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { project, misconception } = await requireProjectMisconception(request, params);
  return { project: { id: project.id, title: project.title, classroom: project.classroom }, misconception };
}

export const action = keepsFormOnFailure(async ({ request, params }: ActionFunctionArgs) => {
  const { project, misconception } = await requireProjectMisconception(request, params);
  const submission = parseSubmission(await readForm(request), { schema: misconceptionSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = await updateMisconception(project.id, misconception.id, submission.value);
  if (!result.ok && result.reason === "name-taken") {
    return data(
      submission.reply({ fieldErrors: { name: ["This project already has a misconception with that name. Choose another name."] } }),
      { status: 400 },
    );
  }
  if (!result.ok) notFound(NOT_FOUND.misconception);
  return redirect(paths.misconceptions(project.id));
});

export default function EditMisconceptionPage() {
  const { project, misconception } = useLoaderData<typeof loader>();
  const lastResult = replyOf(useActionData<typeof action>());
  const [form, fields] = useForm({
    id: "edit-misconception",
    lastResult,
    defaultValue: { name: misconception.name, description: misconception.description, nextStep: misconception.nextStep },
    ...validateWith(misconceptionSchema),
  });
  return (
    <>
      <PageHeader
        title={`Edit misconception: ${misconception.name}`}
      />
      <div className="max-w-2xl space-y-4">
        {isInUse(misconception.usage) ? (
          <Notice tone="info">
            It {describeUsage(misconception.usage)}. Changes show wherever it appears, including feedback students already got.
          </Notice>
        ) : null}
        <Card>
          <Form method="post" className="space-y-3" {...getFormProps(form)}>
            <MisconceptionFields fields={fields} />
            <FormAlert message={form.errors} />
            <div className="flex flex-wrap items-center gap-3">
              <SubmitButton pendingText="Saving…">Save misconception</SubmitButton>
              <Link to={paths.misconceptions(project.id)}>Cancel</Link>
            </div>
          </Form>
        </Card>
      </div>
    </>
  );
}
