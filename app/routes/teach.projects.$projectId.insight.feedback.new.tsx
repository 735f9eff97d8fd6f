// Writing feedback once for a group (decision 018): an answer group, a
// misconception, or a multiple-choice option, named by the page's address.
// Everyone in the group now receives it as their own comment; students who
// join later too, unless the teacher unticks that.
import {
  getFormProps,
  getInputProps,
  getTextareaProps,
  useForm,
} from "@conform-to/react";
import type {
  ActionFunctionArgs,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorList, SubmitButton, TextareaField } from "~/components/form";
import { validateWith } from "~/components/form-validation";
import { InsightNav } from "~/components/insight-ui";
import { Card, PageHeader, formatDateTime } from "~/components/ui";
import {
  describeTarget,
  readTargetRef,
  targetQuery,
} from "~/domain/group-feedback";
import { NOT_FOUND } from "~/domain/labels";
import { plural } from "~/domain/words";
import {
  resolveTarget,
  sendGroupFeedback,
  targetOverview,
} from "~/models/group-feedback.server";
import { requireTeacherProject } from "~/models/project.server";
import type { TeacherProjectHandle } from "~/routes/teach.projects.$projectId";
import { sendGroupFeedbackSchema } from "~/schemas/group-feedback";
import { readForm } from "~/utils/form.server";
import { notFound } from "~/utils/http.server";
import { paths } from "~/utils/paths";
import { parseSubmission } from "~/utils/submission";
import { keepsFormOnFailure } from "~/utils/action-failure.server";
import { replyOf } from "~/utils/save-failed";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: `Feedback for a group · ${
      data?.project.title ?? "Project"
    } · Rebound`,
  },
];

export const handle: TeacherProjectHandle = {
  breadcrumb: (project) => [
    { label: `Insight: ${project.title}`, to: paths.insight(project.id) },
    { label: "Group feedback", to: paths.groupFeedbackList(project.id) },
  ],
};

/**
 * The guard, then the group named in the teacher's project (else 404): by the
 * address for the page, by the form's hidden fields (else the address) for the
 * action. The ids are only looked up in the teacher's own project.
 */
async function requireTarget(
  request: Request,
  params: LoaderFunctionArgs["params"],
  form?: FormData
) {
  const { teacher, project } = await requireTeacherProject(request, params);
  const url = new URL(request.url);
  const fromForm = form
    ? readTargetRef((name) => {
        const v = form.get(name);
        return typeof v === "string" ? v : null;
      })
    : null;
  const ref = fromForm ?? readTargetRef((name) => url.searchParams.get(name));
  const target = ref ? await resolveTarget(project, ref) : null;
  if (!ref || !target) notFound(NOT_FOUND.feedbackTarget);
  return { teacher, project, ref, target };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { project, target, ref } = await requireTarget(request, params);
  const overview = await targetOverview(project, target);
  return {
    project: { id: project.id, title: project.title },
    target: {
      kind: target.kind,
      description: describeTarget(
        target.kind,
        target.label,
        target.checkpointTitle
      ),
      query: targetQuery(ref),
    },
    students: overview.students,
    existing: overview.existing,
  };
}

export const action = keepsFormOnFailure(async ({ request, params }: ActionFunctionArgs) => {
  const formData = await readForm(request);
  const { teacher, project, ref } = await requireTarget(
    request,
    params,
    formData
  );
  const submission = parseSubmission(formData, {
    schema: sendGroupFeedbackSchema,
  });
  if (submission.status !== "success")
    return data(submission.reply(), { status: 400 });
  const reachLater = submission.value.reachLater === "on";
  const result = await sendGroupFeedback(project, teacher.id, {
    target: ref,
    body: submission.value.body,
    reachLater,
  });
  if (!result.ok) {
    const message =
      result.reason === "no-one"
        ? "Nobody is in this group yet, and it would not reach students who join later, so nobody would receive it. Tick “Also send it to students who join later”, or write it when students are in the group."
        : NOT_FOUND.feedbackTarget;
    return data(submission.reply({ formErrors: [message] }), { status: 400 });
  }
  return redirect(
    `${paths.groupFeedback(project.id, result.id)}?sent=${result.delivered}`
  );
});

export default function NewGroupFeedbackPage() {
  const { project, target, students, existing } =
    useLoaderData<typeof loader>();
  const lastResult = replyOf(useActionData<typeof action>());
  const [form, fields] = useForm({
    id: "group-feedback",
    lastResult,
    defaultValue: { reachLater: "on" },
    ...validateWith(sendGroupFeedbackSchema),
  });
  return (
    <>
      <PageHeader
        title="Feedback for a group"
        subtitle={<>For {target.description}</>}
      />
      <InsightNav projectId={project.id} />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card title="Write it once">
            <p className="mb-3 text-sm text-slate-700">
              Each student receives it as their own comment on their latest
              attempt in the group, and reads it beside their work. Nobody sees
              who else received it. An edit later reaches each of them as a new
              version; the versions they read stay readable.
            </p>
            <Form method="post" className="space-y-4" {...getFormProps(form)}>
              {Object.entries(target.query).map(([name, value]) => (
                <input key={name} type="hidden" name={name} value={value} />
              ))}
              <TextareaField
                label="Your feedback"
                hint="Say what to look at again and one next step. It reads as written to each student."
                errors={fields.body.errors}
                textareaProps={{ ...getTextareaProps(fields.body), rows: 6 }}
              />
              <div>
                <div className="flex items-start gap-2">
                  <input
                    {...getInputProps(fields.reachLater, {
                      type: "checkbox",
                      value: "on",
                    })}
                    className="mt-1 h-4 w-4"
                    aria-describedby={`${fields.reachLater.id}-hint`}
                  />
                  <label
                    htmlFor={fields.reachLater.id}
                    className="text-sm font-medium text-slate-800"
                  >
                    Also send it to students who join this group later
                  </label>
                </div>
                <p
                  id={`${fields.reachLater.id}-hint`}
                  className="ml-6 text-sm text-slate-600"
                >
                  A student whose new answer lands in the group gets it then.
                  You can turn this off later.
                </p>
                <ErrorList errors={fields.reachLater.errors} />
              </div>
              <ErrorList id={form.errorId} errors={form.errors} />
              <SubmitButton pendingText="Sending…">
                {students.length
                  ? `Send to ${plural(students.length, "student")}`
                  : "Save for students who join later"}
              </SubmitButton>
            </Form>
          </Card>
        </div>
        <div className="space-y-6">
          <Card title={`In the group now (${students.length})`}>
            {students.length === 0 ? (
              <p className="text-sm text-slate-700">Nobody yet.</p>
            ) : (
              <ul className="space-y-1 text-sm">
                {students.map((s) => (
                  <li key={s.id}>{s.name}</li>
                ))}
              </ul>
            )}
          </Card>
          {existing.length ? (
            <Card title="Already written for this group">
              <ul className="space-y-2 text-sm">
                {existing.map((e) => (
                  <li key={e.id}>
                    <Link to={paths.groupFeedback(project.id, e.id)}>
                      {formatDateTime(e.createdAt)}: “
                      {e.body.length > 60 ? `${e.body.slice(0, 59)}…` : e.body}”
                    </Link>{" "}
                    <span className="text-slate-700">
                      ({plural(e.received, "student")})
                    </span>
                  </li>
                ))}
              </ul>
            </Card>
          ) : null}
        </div>
      </div>
    </>
  );
}
