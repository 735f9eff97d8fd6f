// One group feedback (decision 018): its text and versions, who has received it
// and who has opened it (each student's first-read time), editing it (a new
// version for every student who has it) and whether students who join the
// group later receive it too.
import { getFormProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorList, SubmitButton, TextareaField, resultFor } from "~/components/form";
import { validateWith } from "~/components/form-validation";
import { InsightNav } from "~/components/insight-ui";
import { Badge, Card, EmptyState, Notice, PageHeader, formatDateTime } from "~/components/ui";
import { WideTable } from "~/components/wide-table";
import { RECEIPT_WORDS, describeTarget, receiptSummary } from "~/domain/group-feedback";
import { NOT_FOUND, teacherName } from "~/domain/labels";
import { plural } from "~/domain/words";
import { deliverLaterMembers, editGroupFeedback, findProjectFeedback, loadGroupFeedback, setReachLater } from "~/models/group-feedback.server";
import { requireTeacherProject } from "~/models/project.server";
import type { TeacherProjectHandle } from "~/routes/teach.projects.$projectId";
import { GROUP_FEEDBACK_INTENTS, editGroupFeedbackSchema, reachLaterSchema } from "~/schemas/group-feedback";
import { readForm } from "~/utils/form.server";
import { notFound } from "~/utils/http.server";
import { paths } from "~/utils/paths";
import { parseSubmission } from "~/utils/submission";
import { keepsFormOnFailure } from "~/utils/action-failure.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Group feedback · ${data?.project.title ?? "Project"} · Rebound` }];

export const handle: TeacherProjectHandle = {
  breadcrumb: (project) => [
    { label: `Insight: ${project.title}`, to: paths.insight(project.id) },
    { label: "Group feedback", to: paths.groupFeedbackList(project.id) },
  ],
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { teacher, project } = await requireTeacherProject(request, params);
  // Students who joined the group since the last catch-up receive it before the list is read.
  await deliverLaterMembers(project.id);
  const feedback = await loadGroupFeedback(project, params.feedbackId ?? "");
  if (!feedback) notFound(NOT_FOUND.groupFeedback);
  const sent = new URL(request.url).searchParams.get("sent");
  return {
    project: { id: project.id, title: project.title },
    feedback: {
      ...feedback,
      authorName: teacherName(feedback.author),
      mine: feedback.authorId === teacher.id,
      description: describeTarget(feedback.targetKind, feedback.targetLabel, feedback.checkpointTitle),
    },
    summary: receiptSummary(feedback.receipts.map((r) => r.state)),
    sent: sent !== null && /^\d+$/.test(sent) ? Number(sent) : null,
  };
}

type ActionAnswer = { formId: string; ok: boolean; message?: string; reply?: SubmissionResult<string[]> };

export const action = keepsFormOnFailure(async ({ request, params }: ActionFunctionArgs) => {
  const { teacher, project } = await requireTeacherProject(request, params);
  const found = await findProjectFeedback(project, params.feedbackId ?? "");
  if (!found) notFound(NOT_FOUND.groupFeedback);
  const feedbackId = found.id;
  const formData = await readForm(request);
  const intent = formData.get("intent");
  const answer = (body: ActionAnswer, status = 200) => data(body, { status });
  const notYours = "Only the teacher who wrote this feedback can change it.";

  if (intent === GROUP_FEEDBACK_INTENTS.edit) {
    const submission = parseSubmission(formData, { schema: editGroupFeedbackSchema });
    if (submission.status !== "success") return answer({ formId: "edit", ok: false, reply: submission.reply() }, 400);
    const edited = await editGroupFeedback(project, teacher.id, feedbackId, submission.value.body);
    if (!edited) return answer({ formId: "edit", ok: false, reply: submission.reply({ formErrors: [notYours] }) }, 400);
    return answer({
      formId: "edit",
      ok: true,
      reply: submission.reply({ resetForm: true }),
      message:
        edited.status === "edited"
          ? `Saved as version ${edited.version}: it reached ${plural(edited.reached, "student")} as a new version. Earlier versions stay readable.`
          : "Nothing changed, so no new version was saved.",
    });
  }

  if (intent === GROUP_FEEDBACK_INTENTS.reachLater) {
    const submission = parseSubmission(formData, { schema: reachLaterSchema });
    if (submission.status !== "success") return answer({ formId: "reach-later", ok: false, message: "We didn't understand that choice. Reload the page and try again." }, 400);
    const on = submission.value.reachLater === "on";
    const done = await setReachLater(project, teacher.id, feedbackId, on);
    if (!done) return answer({ formId: "reach-later", ok: false, message: notYours }, 400);
    return answer({
      formId: "reach-later",
      ok: true,
      message: on
        ? `Students who join the group later will receive it.${done.delivered ? ` ${plural(done.delivered, "student")} in the group now received it.` : ""}`
        : "Students who join the group from now on won't receive it. Those who have it keep it.",
    });
  }

  return answer({ formId: "unknown", ok: false, message: "We didn't understand that request. Reload the page and try again." }, 400);
}, (form) => (form.get("intent") === GROUP_FEEDBACK_INTENTS.edit ? "edit" : form.get("intent") === GROUP_FEEDBACK_INTENTS.reachLater ? "reach-later" : null));

export default function GroupFeedbackPage() {
  const { project, feedback, summary, sent } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const reach = resultFor(actionData, "reach-later");
  return (
    <>
      <PageHeader title="Group feedback" subtitle={<>For {feedback.description}</>} />
      <InsightNav projectId={project.id} />
      {sent !== null ? (
        <div className="mb-6">
          <Notice tone="good">
            Sent to {plural(sent, "student")}.{feedback.reachLater ? " Students who join the group later will receive it too." : ""}
          </Notice>
        </div>
      ) : null}
      {feedback.targetGone ? (
        <div className="mb-6">
          <Notice tone="info">The group this was written for has since been merged, ungrouped or deleted, so it reaches nobody new. Students who have it keep it.</Notice>
        </div>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card title="Who has it">
            <p className="mb-3 text-sm text-slate-800" id="receipt-summary">
              Received by {plural(summary.received, "student")} · opened by {summary.opened} · not opened yet by {summary.notOpened}.
            </p>
            {feedback.notReached > 0 ? (
              <p className="mb-3 text-sm text-slate-800">
                {plural(feedback.notReached, "student")} in the group now {feedback.notReached === 1 ? "hasn't" : "haven't"} received it, because it doesn&apos;t reach
                students who join later.
              </p>
            ) : null}
            {feedback.receipts.length === 0 ? (
              <EmptyState>Nobody has it yet. It reaches students as they join the group.</EmptyState>
            ) : (
              <WideTable caption="Students who received this feedback" captionHidden tableClassName="min-w-full text-left text-sm">
                  <thead>
                    <tr className="border-b border-slate-200">
                      <th scope="col" className="py-2 pr-4 font-semibold">Student</th>
                      <th scope="col" className="py-2 pr-4 font-semibold">On</th>
                      <th scope="col" className="py-2 pr-4 font-semibold">Received</th>
                      <th scope="col" className="py-2 pr-4 font-semibold">First opened</th>
                    </tr>
                  </thead>
                  <tbody>
                    {feedback.receipts.map((r) => (
                      <tr key={r.commentId} className="border-b border-slate-100 align-top">
                        <th scope="row" className="py-2 pr-4 font-medium">
                          <Link to={paths.timeline(project.id, r.student.id, r.attempt?.checkpointId)}>{r.student.name}</Link>
                        </th>
                        <td className="py-2 pr-4">{r.attempt ? `Attempt ${r.attempt.number} of ${r.attempt.title}` : "—"}</td>
                        <td className="py-2 pr-4">{formatDateTime(r.receivedAt)}</td>
                        <td className="py-2 pr-4">
                          {r.firstReadAt ? formatDateTime(r.firstReadAt) : null}{" "}
                          <Badge tone={r.state === "not-opened" ? "neutral" : r.state === "opened" ? "good" : "growing"}>{RECEIPT_WORDS[r.state]}</Badge>
                        </td>
                      </tr>
                    ))}
                  </tbody>
              </WideTable>
            )}
          </Card>
        </div>
        <div className="space-y-6">
          <Card title="The feedback">
            <p className="text-sm text-slate-700">
              {feedback.authorName} · {formatDateTime(feedback.createdAt)}
              {feedback.version > 1 ? ` · version ${feedback.version}, edited ${formatDateTime(feedback.updatedAt)}` : ""}
            </p>
            <p className="mt-2 whitespace-pre-wrap text-slate-900">{feedback.body}</p>
            {feedback.mine ? <EditForm key={feedback.version} body={feedback.body} /> : null}
          </Card>
          <Card title="Students who join later">
            <p className="text-sm text-slate-800">
              {feedback.reachLater ? "A student whose answer joins the group later receives it then." : "Students who join the group from now on don't receive it."}
            </p>
            {feedback.mine ? (
              <Form method="post" className="mt-3">
                <input type="hidden" name="reachLater" value={feedback.reachLater ? "off" : "on"} />
                <SubmitButton intent={GROUP_FEEDBACK_INTENTS.reachLater} variant="secondary" pendingText="Saving…">
                  {feedback.reachLater ? "Stop sending it to students who join later" : "Send it to students who join later"}
                </SubmitButton>
              </Form>
            ) : null}
            {reach?.message ? (
              <p className={`mt-2 text-sm ${reach.ok ? "text-emerald-900" : "text-red-800"}`} role={reach.ok ? "status" : "alert"}>
                {reach.message}
              </p>
            ) : null}
          </Card>
        </div>
      </div>
    </>
  );
}

function EditForm({ body }: { body: string }) {
  const actionData = useActionData<typeof action>();
  const result = resultFor(actionData, "edit");
  const [form, fields] = useForm({ id: "edit-group-feedback", lastResult: result?.reply, defaultValue: { body }, ...validateWith(editGroupFeedbackSchema) });
  return (
    <details className="mt-3" open={Boolean(form.errors?.length || fields.body.errors?.length) || undefined}>
      <summary className="cursor-pointer text-sm font-medium text-brand-700">Edit the feedback</summary>
      <Form method="post" className="mt-2 space-y-2" {...getFormProps(form)}>
        <TextareaField
          label="Edited feedback"
          hint="Each student who has it gets this as a new version; the version they read stays readable."
          errors={fields.body.errors}
          textareaProps={{ ...getTextareaProps(fields.body), rows: 5 }}
        />
        <ErrorList id={form.errorId} errors={form.errors} />
        <SubmitButton intent={GROUP_FEEDBACK_INTENTS.edit} variant="secondary" pendingText="Saving…">
          Save as a new version
        </SubmitButton>
      </Form>
      {result?.ok && result.message ? (
        <p role="status" className="mt-2 text-sm text-emerald-900">
          {result.message}
        </p>
      ) : null}
    </details>
  );
}
