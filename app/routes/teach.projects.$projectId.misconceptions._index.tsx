import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { MisconceptionFields } from "~/components/misconception-fields";
import { validateWith } from "~/components/form-validation";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ConfirmForm, SubmitButton, buttonClass, resultFor } from "~/components/form";
import { ActionNotice, Card, EmptyState, MainAndSide, PageHeader } from "~/components/ui";
import { describeUsage, isInUse } from "~/domain/misconception-usage";
import { createMisconception, deleteMisconception, listProjectMisconceptions } from "~/models/misconception.server";
import { requireTeacherProject } from "~/models/project.server";
import { misconceptionSchema } from "~/schemas/misconception";
import { parseSubmission } from "~/utils/submission";
import type { TeacherProjectHandle } from "~/routes/teach.projects.$projectId";
import { paths } from "~/utils/paths";
import { readForm } from "~/utils/form.server";
import { keepsFormOnFailure } from "~/utils/action-failure.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Misconceptions · ${data?.project.title ?? "Project"} · Rebound` }];

export const handle: TeacherProjectHandle = {
  breadcrumb: (project) => [{ label: project.title, to: paths.teacherProject(project.id) }],
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { project } = await requireTeacherProject(request, params);
  const misconceptions = await listProjectMisconceptions(project.id);
  return { project: { id: project.id, title: project.title, classroom: project.classroom }, misconceptions };
}

const CREATE_FORM_ID = "new-misconception";

/** Adding answers with the form's reply (its formId, see resultFor); deleting answers with a message about the page. */
type ActionResult = { formId?: typeof CREATE_FORM_ID; ok: boolean; reply?: SubmissionResult<string[]>; message: string | null };

export const action = keepsFormOnFailure(async ({ request, params }: ActionFunctionArgs) => {
  const { project } = await requireTeacherProject(request, params);
  const formData = await readForm(request);
  const intent = String(formData.get("intent") ?? "");
  const reply = (result: ActionResult, status = 200) => data(result, { status });
  if (intent === "create") {
    const submission = parseSubmission(formData, { schema: misconceptionSchema });
    if (submission.status !== "success") return reply({ formId: CREATE_FORM_ID, ok: false, reply: submission.reply(), message: null }, 400);
    const result = await createMisconception(project.id, submission.value);
    if (!result.ok) {
      return reply(
        {
          formId: CREATE_FORM_ID,
          ok: false,
          reply: submission.reply({ fieldErrors: { name: ["This project already has a misconception with that name. Choose another name, or edit the existing one."] } }),
          message: null,
        },
        400,
      );
    }
    return reply({ formId: CREATE_FORM_ID, ok: true, reply: submission.reply({ resetForm: true }), message: `Misconception “${submission.value.name}” added.` });
  }
  if (intent === "delete") {
    const result = await deleteMisconception(project.id, String(formData.get("misconceptionId") ?? ""));
    if (result.ok) return reply({ ok: true, message: `Misconception “${result.name}” deleted.` });
    if (result.reason === "in-use") {
      return reply(
        {
          ok: false,
          message: `“${result.name}” ${describeUsage(result.usage)}, so it stays: feedback students got refers to it. You can rename it or rewrite its description and next step instead.`,
        },
        400,
      );
    }
    return reply({ ok: false, message: "That misconception is no longer here." }, 400);
  }
  return reply({ ok: false, message: "We didn't understand that request." }, 400);
}, (form) => (form.get("intent") === "create" ? CREATE_FORM_ID : null));

export default function MisconceptionsPage() {
  const { project, misconceptions } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: CREATE_FORM_ID,
    lastResult: resultFor(actionData, CREATE_FORM_ID)?.reply,
    ...validateWith(misconceptionSchema),
  });
  return (
    <>
      <PageHeader
        title="Misconceptions"
        subtitle="Ideas students often hold on the way. Tag wrong answers with them, and students see your suggested next step."
      />
      <ActionNotice result={actionData} />
      <MainAndSide
        main={
          <Card title="This project's misconceptions">
            {misconceptions.length === 0 ? (
              <EmptyState>None yet. Name the first one on the right.</EmptyState>
            ) : (
              <ul className="divide-y divide-slate-200">
                {misconceptions.map((m) => {
                  const inUse = isInUse(m.usage);
                  return (
                    <li key={m.id} className="py-4">
                      <div className="max-w-prose">
                        <h3 className="font-semibold">{m.name}</h3>
                        {m.description ? <p className="mt-1 text-slate-800">{m.description}</p> : null}
                        <p className="mt-1 text-sm text-slate-700">
                          <span className="font-medium">Suggested next step:</span> {m.nextStep || "none yet"}
                        </p>
                        <p className="mt-1 text-sm text-slate-700">{inUse ? `In use: it ${describeUsage(m.usage)}.` : "Not used yet."}</p>
                        <p className="mt-1 text-sm">
                          <Link to={paths.newGroupFeedback(project.id, { misconception: m.id })}>
                            Write feedback to everyone whose answer shows it<span className="sr-only">: {m.name}</span>
                          </Link>
                        </p>
                      </div>
                      <div className="mt-3 flex flex-wrap items-center gap-2">
                        <Link to={paths.misconception(project.id, m.id)} className={`${buttonClass("secondary")} px-3 py-1`} aria-label={`Edit ${m.name}`}>
                          Edit
                        </Link>
                        {inUse ? null : (
                          <ConfirmForm question={`Delete the misconception "${m.name}"?`}>
                            <input type="hidden" name="misconceptionId" value={m.id} />
                            <SubmitButton intent="delete" variant="danger" className="px-3 py-1" aria-label={`Delete ${m.name}`} pendingText="Deleting…">
                              Delete
                            </SubmitButton>
                          </ConfirmForm>
                        )}
                      </div>
                    </li>
                  );
                })}
              </ul>
            )}
            {misconceptions.some((m) => isInUse(m.usage)) ? (
              <p className="mt-3 text-sm text-slate-700">
                A misconception in use can't be deleted: students' feedback and their teacher's tags refer to it. Rename or rewrite it instead.
              </p>
            ) : null}
          </Card>
        }
        side={
          <Card title="Name a misconception">
            <Form method="post" className="space-y-3" {...getFormProps(form)}>
              <MisconceptionFields fields={fields} />
              <SubmitButton intent="create" pendingText="Adding…">
                Add misconception
              </SubmitButton>
            </Form>
          </Card>
        }
      />
    </>
  );
}
