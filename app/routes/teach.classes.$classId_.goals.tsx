// The learning goals of a teacher's class (decision 018): every student's
// goals in the class, across its projects, with their status, notes over time,
// and the teacher's comments (kept as written).
import { getFormProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireTeacher } from "~/auth/session.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { ErrorList, SubmitButton, TextareaField, resultFor } from "~/components/form";
import { validateWith } from "~/components/form-validation";
import { Badge, EmptyState, PageHeader, formatDateTime } from "~/components/ui";
import { GOAL_STATUSES, GOAL_STATUS_WORDS, formatTargetDate, goalCounts, goalStatusWords, isPastTarget } from "~/domain/learning-goals";
import { NOT_FOUND } from "~/domain/labels";
import { commentOnGoal, listClassGoals } from "~/models/learning-goal.server";
import { GOAL_INTENTS, goalCommentSchema } from "~/schemas/learning-goal";
import { readForm } from "~/utils/form.server";
import { notFound } from "~/utils/http.server";
import { paths } from "~/utils/paths";
import { parseSubmission } from "~/utils/submission";
import { keepsFormOnFailure } from "~/utils/action-failure.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Learning goals · ${data?.classroom.name ?? "Class"} · Rebound` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const teacher = await requireTeacher(request);
  const found = await listClassGoals(teacher.id, params.classId ?? "");
  if (!found) notFound(NOT_FOUND.classroom);
  const status = new URL(request.url).searchParams.get("status");
  const now = new Date();
  const goals = found.goals.map((g) => ({
    ...g,
    pastTarget: isPastTarget(g, now),
    notes: g.notes.map((n) => ({
      ...n,
      who: n.role === "TEACHER" ? (n.authorName ?? "A teacher") : g.student.name,
    })),
  }));
  return {
    classroom: found.classroom,
    counts: goalCounts(goals),
    filter: GOAL_STATUSES.find((s) => s === status) ?? null,
    goals: status ? goals.filter((g) => g.status === status) : goals,
  };
}

type Answer = { formId: string; ok: boolean; message?: string; reply?: SubmissionResult<string[]> };

export const action = keepsFormOnFailure(async ({ request, params }: ActionFunctionArgs) => {
  const teacher = await requireTeacher(request);
  const found = await listClassGoals(teacher.id, params.classId ?? "");
  if (!found) notFound(NOT_FOUND.classroom);
  const formData = await readForm(request);
  if (formData.get("intent") !== GOAL_INTENTS.comment) {
    return data({ formId: "unknown", ok: false, message: "We didn't understand that request. Reload the page and try again." } as Answer, { status: 400 });
  }
  const formId = `comment-${String(formData.get("goalId") ?? "")}`;
  const submission = parseSubmission(formData, { schema: goalCommentSchema });
  if (submission.status !== "success") return data({ formId, ok: false, reply: submission.reply() } as Answer, { status: 400 });
  const done = await commentOnGoal(teacher.id, found.classroom.id, submission.value.goalId, submission.value.body);
  if (!done) return data({ formId, ok: false, reply: submission.reply({ formErrors: [NOT_FOUND.goal] }) } as Answer, { status: 400 });
  return data({ formId, ok: true, message: "Comment added. The student sees it with the goal.", reply: submission.reply({ resetForm: true }) } as Answer);
}, (form) => `comment-${String(form.get("goalId") ?? "")}`);

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

export default function ClassGoalsPage() {
  const { classroom, counts, filter, goals } = useLoaderData<typeof loader>();
  const base = paths.classGoals(classroom.id);
  const total = counts.WORKING + counts.REACHED + counts.LET_GO;
  return (
    <>
      <Breadcrumbs
        crumbs={[
          { label: "My classes", to: paths.teacherHome() },
          { label: classroom.name, to: paths.teacherClass(classroom.id) },
        ]}
      />
      <PageHeader title="Learning goals" subtitle={`Goals your students in ${classroom.name} set from your comments and their “not yet”s, across the class's projects.`} />
      <nav aria-label="Show goals by status" className="mb-6">
        <ul className="flex flex-wrap gap-2 text-sm">
          <li>
            <Link to={base} aria-current={filter === null ? "page" : undefined} className={pill(filter === null)}>
              All ({total})
            </Link>
          </li>
          {GOAL_STATUSES.map((s) => (
            <li key={s}>
              <Link to={`${base}?status=${s}`} aria-current={filter === s ? "page" : undefined} className={pill(filter === s)}>
                {GOAL_STATUS_WORDS[s]} ({counts[s]})
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {goals.length === 0 ? (
        <EmptyState>{total === 0 ? "No goals yet. Students set them from your comments and from a “not yet”." : "No goals with this status."}</EmptyState>
      ) : (
        <ol className="space-y-4">
          {goals.map((g) => (
            <li key={g.id}>
              <GoalCard goal={g} />
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

const pill = (active: boolean) =>
  `inline-block rounded-full border px-3 py-1 font-medium no-underline ${active ? "border-brand-700 bg-brand-700 text-white" : "border-slate-300 bg-white text-slate-800 hover:border-slate-500"}`;

function GoalCard({ goal }: { goal: LoaderData["goals"][number] }) {
  const headingId = `goal-${goal.id}-heading`;
  return (
    <article id={`goal-${goal.id}`} aria-labelledby={headingId} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <p className="text-sm font-medium text-slate-700">{goal.student.name}</p>
          <h2 id={headingId} className="font-semibold text-slate-900">
            {goal.text}
          </h2>
        </div>
        <Badge tone={goal.status === "REACHED" ? "good" : goal.status === "WORKING" ? "growing" : "neutral"}>{goalStatusWords(goal.status)}</Badge>
      </div>
      <p className="mt-1 text-sm text-slate-700">
        Set {formatDateTime(goal.createdAt)}
        {goal.project ? ` in ${goal.project.title}` : ""}
        {goal.targetDate ? ` · target ${formatTargetDate(goal.targetDate)}` : ""}
        {goal.pastTarget ? " · target day passed" : ""}
      </p>
      {goal.from ? (
        <p className="mt-2 text-sm text-slate-800">
          <span className="font-medium">From:</span> {goal.from.kind === "comment" ? `your comment, “${goal.from.text}”` : `a “not yet”, ${goal.from.text}`}
        </p>
      ) : null}
      {goal.notes.length ? (
        <ol className="mt-3 space-y-2 border-l-2 border-slate-200 pl-3 text-sm">
          {goal.notes.map((n) => (
            <li key={n.id}>
              <p className="text-slate-700">
                {n.who}
                {n.status ? ` marked it “${goalStatusWords(n.status)}”` : n.role === "TEACHER" ? " commented" : " added a note"} ·{" "}
                <time dateTime={new Date(n.createdAt).toISOString()}>{formatDateTime(n.createdAt)}</time>
              </p>
              {n.body ? <p className="whitespace-pre-wrap text-slate-900">{n.body}</p> : null}
            </li>
          ))}
        </ol>
      ) : null}
      <CommentForm goalId={goal.id} context={`${goal.student.name}'s goal “${goal.text}”`} />
    </article>
  );
}

function CommentForm({ goalId, context }: { goalId: string; context: string }) {
  const actionData = useActionData<typeof action>();
  const formId = `comment-${goalId}`;
  const result = resultFor(actionData, formId);
  const [form, fields] = useForm({ id: formId, lastResult: result?.reply, ...validateWith(goalCommentSchema) });
  const open = Boolean(form.errors?.length || fields.body.errors?.length);
  return (
    <>
      {result?.ok && result.message ? (
        <p role="status" className="mt-2 text-sm text-emerald-900">
          {result.message}
        </p>
      ) : null}
      <details className="mt-3" open={open || undefined}>
        <summary className="cursor-pointer text-sm font-medium text-brand-700">
          Comment on this goal<span className="sr-only">: {context}</span>
        </summary>
        <Form method="post" className="mt-2 space-y-2" {...getFormProps(form)}>
          <input type="hidden" name="formId" value={formId} />
          <input type="hidden" name="goalId" value={goalId} />
          <TextareaField label={<>Your comment<span className="sr-only"> on {context}</span></>} hint="Kept as written, shown to the student with the goal." errors={fields.body.errors} textareaProps={{ ...getTextareaProps(fields.body), rows: 2 }} />
          <ErrorList id={form.errorId} errors={form.errors} />
          <SubmitButton formId={formId} name="intent" value={GOAL_INTENTS.comment} variant="secondary" pendingText="Sending…">
            Send comment
          </SubmitButton>
        </Form>
      </details>
    </>
  );
}
