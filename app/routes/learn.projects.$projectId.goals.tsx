// The student's learning goals in the project's class (decision 018): setting
// one in their own words from a teacher's comment or a "not yet" (the address
// names it: ?comment=… or ?attempt=…), and adding notes and status changes over
// time. Goals belong to the class, so the same list shows under every project
// of it. Plain forms: everything works without JavaScript.
import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorList, Field, SelectField, SubmitButton, TextareaField, resultFor } from "~/components/form";
import { validateWith } from "~/components/form-validation";
import { Badge, Card, EmptyState, Notice, PageHeader, formatDateTime } from "~/components/ui";
import { GOAL_STATUSES, GOAL_STATUS_WORDS, describeNote, formatTargetDate, isPastTarget, parseTargetDate, type GoalStatus } from "~/domain/learning-goals";
import { NOT_FOUND } from "~/domain/labels";
import { addStudentGoalNote, findGoalSource, listOwnGoals, setLearningGoal, type GoalSourceRef } from "~/models/learning-goal.server";
import { requireStudentProject } from "~/models/project.server";
import type { StudentProjectHandle } from "~/routes/learn.projects.$projectId";
import { GOAL_INTENTS, goalNoteSchema, setGoalSchema } from "~/schemas/learning-goal";
import { readForm } from "~/utils/form.server";
import { paths } from "~/utils/paths";
import { parseSubmission } from "~/utils/submission";
import { keepsFormOnFailure } from "~/utils/action-failure.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `My learning goals · ${data?.project.title ?? "Project"} · Rebound` }];

export const handle: StudentProjectHandle = {
  breadcrumb: (project) => [{ label: project.title, to: paths.studentProject(project.id) }],
};

const NO_SOURCE = "We couldn't find that comment or “not yet” among yours in this class. Go back to it and choose “Set a learning goal from this” again.";

/** The comment or "not yet" a goal is set from, as the address (or the form) names it. */
function sourceRef(get: (name: string) => unknown): GoalSourceRef | null {
  const comment = get("comment");
  const attempt = get("attempt");
  if (typeof comment === "string" && comment.trim() && comment.length <= 100) return { kind: "comment", id: comment.trim() };
  if (typeof attempt === "string" && attempt.trim() && attempt.length <= 100) return { kind: "attempt", id: attempt.trim() };
  return null;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { student, project } = await requireStudentProject(request, params);
  const url = new URL(request.url);
  const ref = sourceRef((name) => url.searchParams.get(name));
  const [source, goals] = await Promise.all([ref ? findGoalSource(student.id, project, ref) : Promise.resolve(null), listOwnGoals(student.id, project)]);
  const now = new Date();
  return {
    project: { id: project.id, title: project.title, classroomName: project.classroom.name },
    source,
    sourceMissing: Boolean(ref && !source),
    goals: goals.map((g) => ({
      ...g,
      pastTarget: isPastTarget(g, now),
      notes: g.notes.map((n) => ({ ...n, line: describeNote(n, n.authorName ?? "Your teacher") })),
      otherProject: g.project && g.project.id !== project.id ? g.project.title : null,
    })),
    justSet: url.searchParams.get("set"),
  };
}

type NoteAnswer = { formId: string; ok: boolean; message?: string; reply?: SubmissionResult<string[]> };

export const action = keepsFormOnFailure(async ({ request, params }: ActionFunctionArgs) => {
  const { student, project } = await requireStudentProject(request, params);
  const formData = await readForm(request);
  const intent = formData.get("intent");

  if (intent === GOAL_INTENTS.set) {
    const submission = parseSubmission(formData, { schema: setGoalSchema });
    if (submission.status !== "success") return data({ formId: "set-goal", ok: false, reply: submission.reply() } as NoteAnswer, { status: 400 });
    const { source, sourceId, text, targetDate } = submission.value;
    const date = parseTargetDate(targetDate, new Date());
    const result = await setLearningGoal(student.id, project, { source: { kind: source, id: sourceId }, text, targetDate: date.ok ? date.date : null });
    if (!result.ok) return data({ formId: "set-goal", ok: false, reply: submission.reply({ formErrors: [NO_SOURCE] }) } as NoteAnswer, { status: 400 });
    return redirect(`${paths.goals(project.id)}?set=${encodeURIComponent(result.goalId)}#goal-${result.goalId}`);
  }

  if (intent === GOAL_INTENTS.note) {
    const formId = `note-${String(formData.get("goalId") ?? "")}`;
    const submission = parseSubmission(formData, { schema: goalNoteSchema });
    if (submission.status !== "success") return data({ formId, ok: false, reply: submission.reply() } as NoteAnswer, { status: 400 });
    const { goalId, body, status } = submission.value;
    const result = await addStudentGoalNote(student.id, project, { goalId, body: body ?? "", status: (status ?? null) as GoalStatus | null });
    if (!result.ok) {
      const message = result.reason === "goal-not-found" ? NOT_FOUND.goal : "That's already the goal's status. Write a note, or choose another status.";
      return data({ formId, ok: false, reply: submission.reply({ formErrors: [message] }) } as NoteAnswer, { status: 400 });
    }
    const message = result.statusChanged
      ? result.statusChanged === "REACHED"
        ? "Marked as reached. Well done — that took work."
        : result.statusChanged === "LET_GO"
          ? "Let go. Choosing what to work on is part of learning; you can set a new goal any time."
          : "Back to working on it."
      : "Note added.";
    return data({ formId, ok: true, message, reply: submission.reply({ resetForm: true }) } as NoteAnswer);
  }

  return data({ formId: "unknown", ok: false, message: "We didn't understand that request. Reload the page and try again." } as NoteAnswer, { status: 400 });
}, (form) => (form.get("intent") === GOAL_INTENTS.set ? "set-goal" : form.get("intent") === GOAL_INTENTS.note ? `note-${String(form.get("goalId") ?? "")}` : null));

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

export default function GoalsPage() {
  const { project, source, sourceMissing, goals, justSet } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title="My learning goals"
        subtitle={<>Your goals in {project.classroomName}: the same list shows in every project of the class.</>}
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          {justSet ? <Notice tone="good">Goal set. Come back and add a note as it goes.</Notice> : null}
          {sourceMissing ? <Notice tone="info">{NO_SOURCE}</Notice> : null}
          {source ? <SetGoalForm source={source} /> : null}
          <section aria-labelledby="goals-title">
            <h2 id="goals-title" className="mb-3 text-lg font-semibold">
              Goals
            </h2>
            {goals.length === 0 ? (
              <EmptyState>No goals yet. Set one from any comment from your teacher, or from a “not yet”: look for “Set a learning goal from this”.</EmptyState>
            ) : (
              <ol className="space-y-4">
                {goals.map((g) => (
                  <li key={g.id}>
                    <GoalCard goal={g} />
                  </li>
                ))}
              </ol>
            )}
          </section>
        </div>
        <div className="space-y-6">
          <Card title="How goals work">
            <ul className="list-disc space-y-1 pl-5 text-sm text-slate-800">
              <li>Write the goal in your own words: one thing you will be able to do.</li>
              <li>A target date is optional, and you can say how it is going at any time.</li>
              <li>Reached, or let go: both are fine. Notes are kept as you wrote them.</li>
              <li>Your teacher sees your goals and may comment on them. Classmates never see them.</li>
            </ul>
            <p className="mt-3 text-sm">
              <Link to={paths.studentProject(project.id)}>Back to {project.title}</Link>
            </p>
          </Card>
        </div>
      </div>
    </>
  );
}

function SetGoalForm({ source }: { source: NonNullable<LoaderData["source"]> }) {
  const actionData = useActionData<typeof action>();
  const result = resultFor(actionData, "set-goal");
  const [form, fields] = useForm({
    id: "set-goal-form",
    lastResult: result?.reply,
    defaultValue: { source: source.kind, sourceId: source.id },
    ...validateWith(setGoalSchema),
  });
  return (
    <Card title="Set a learning goal" id="set-goal">
      <figure className="mb-4 rounded-md border border-slate-200 bg-slate-50 p-3 text-sm">
        <figcaption className="font-medium text-slate-800">{source.about}</figcaption>
        <blockquote className="mt-1 whitespace-pre-wrap text-slate-900">{source.text}</blockquote>
      </figure>
      <Form method="post" className="space-y-4" {...getFormProps(form)}>
        <input type="hidden" name="source" value={source.kind} />
        <input type="hidden" name="sourceId" value={source.id} />
        <TextareaField
          label="Your goal, in your own words"
          hint="What will you be able to do? For example: “Draw the forces before I pick an answer.”"
          errors={fields.text.errors}
          textareaProps={{ ...getTextareaProps(fields.text), rows: 3 }}
        />
        <Field
          label="Target date (optional)"
          hint="A day to aim for. You can reach it sooner, or later."
          errors={fields.targetDate.errors}
          inputProps={{ ...getInputProps(fields.targetDate, { type: "date" }), className: "sm:w-56" }}
        />
        <ErrorList id={form.errorId} errors={form.errors} />
        <SubmitButton intent={GOAL_INTENTS.set} pendingText="Setting…">
          Set this goal
        </SubmitButton>
      </Form>
    </Card>
  );
}

function GoalCard({ goal }: { goal: LoaderData["goals"][number] }) {
  const headingId = `goal-${goal.id}-heading`;
  return (
    <article id={`goal-${goal.id}`} aria-labelledby={headingId} className="scroll-mt-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h3 id={headingId} className="font-semibold text-slate-900">
          {goal.text}
        </h3>
        <Badge tone={goal.status === "REACHED" ? "good" : goal.status === "WORKING" ? "growing" : "neutral"}>{GOAL_STATUS_WORDS[goal.status]}</Badge>
      </div>
      <p className="mt-1 text-sm text-slate-700">
        Set {formatDateTime(goal.createdAt)}
        {goal.otherProject ? ` in ${goal.otherProject}` : ""}
        {goal.targetDate ? ` · target ${formatTargetDate(goal.targetDate)}` : ""}
      </p>
      {goal.pastTarget ? <p className="mt-1 text-sm text-amber-900">The target day has passed. Keep going, mark it reached, or let it go — all fine.</p> : null}
      {goal.from ? (
        <p className="mt-2 text-sm text-slate-800">
          <span className="font-medium">From:</span> {goal.from.kind === "comment" ? `your teacher's comment, “${goal.from.text}”` : `your “not yet”, ${goal.from.text}`}
        </p>
      ) : null}
      {goal.notes.length ? (
        <ol className="mt-3 space-y-2 border-l-2 border-slate-200 pl-3 text-sm">
          {goal.notes.map((n) => (
            <li key={n.id} className={n.role === "TEACHER" ? "rounded-md bg-brand-50 p-2" : ""}>
              <p className="text-slate-700">
                {n.line} · <time dateTime={new Date(n.createdAt).toISOString()}>{formatDateTime(n.createdAt)}</time>
              </p>
              {n.body ? <p className="whitespace-pre-wrap text-slate-900">{n.body}</p> : null}
            </li>
          ))}
        </ol>
      ) : null}
      <NoteForm goalId={goal.id} status={goal.status} goalText={goal.text} />
    </article>
  );
}

function NoteForm({ goalId, status, goalText }: { goalId: string; status: GoalStatus; goalText: string }) {
  const actionData = useActionData<typeof action>();
  const formId = `note-${goalId}`;
  const result = resultFor(actionData, formId);
  const [form, fields] = useForm({ id: formId, lastResult: result?.reply, ...validateWith(goalNoteSchema) });
  const open = Boolean(form.errors?.length || fields.body.errors?.length || fields.status.errors?.length);
  return (
    <>
      {result?.ok && result.message ? (
        <p role="status" className="mt-2 text-sm text-emerald-900">
          {result.message}
        </p>
      ) : null}
      <details className="mt-3" open={open || undefined}>
        <summary className="cursor-pointer text-sm font-medium text-brand-700">
          Add a note or change the status<span className="sr-only"> of “{goalText}”</span>
        </summary>
        <Form method="post" className="mt-2 space-y-3" {...getFormProps(form)}>
          <input type="hidden" name="formId" value={formId} />
          <input type="hidden" name="goalId" value={goalId} />
          <SelectField label="Status" hint={`Now: ${GOAL_STATUS_WORDS[status]}.`} errors={fields.status.errors} selectProps={getSelectProps(fields.status)}>
            <option value="">Keep it as it is</option>
            {GOAL_STATUSES.filter((s) => s !== status).map((s) => (
              <option key={s} value={s}>
                {GOAL_STATUS_WORDS[s]}
              </option>
            ))}
          </SelectField>
          <TextareaField label="Note (optional)" hint="How is it going? What helped, what's next?" errors={fields.body.errors} textareaProps={{ ...getTextareaProps(fields.body), rows: 2 }} />
          <ErrorList id={form.errorId} errors={form.errors} />
          <SubmitButton formId={formId} name="intent" value={GOAL_INTENTS.note} variant="secondary" pendingText="Saving…">
            Add to this goal
          </SubmitButton>
        </Form>
      </details>
    </>
  );
}
