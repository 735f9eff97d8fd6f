import { getFormProps, getSelectProps, useForm, type SubmissionResult } from "@conform-to/react";
import { validateWith } from "~/components/form-validation";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { actionMessage } from "~/components/action-words";
import { ErrorList, SelectField, SubmitButton, buttonClass, useResultFor } from "~/components/form";
import { InsightNav } from "~/components/insight-ui";
import { OutcomeBadge } from "~/components/outcome-badge";
import { FormStatus } from "~/components/teacher-timeline";
import { Badge, EmptyState, Notice, PageHeader, formatDateTime } from "~/components/ui";
import { drillDown, type DrillAttempt } from "~/domain/insight/view-attempts";
import { plural } from "~/domain/words";
import { NOT_FOUND } from "~/domain/labels";
import { setAttemptMisconception } from "~/models/attempt-tags.server";
import { deliverLaterMembers } from "~/models/group-feedback.server";
import { loadPrepared } from "~/models/insight-pages.server";
import { requireTeacherProject } from "~/models/project.server";
import { attemptTagSchema } from "~/schemas/attempt-tag";
import { notFound } from "~/utils/http.server";
import { parseSubmission } from "~/utils/submission";
import type { TeacherProjectHandle } from "~/routes/teach.projects.$projectId";
import { paths } from "~/utils/paths";
import { readForm } from "~/utils/form.server";
import { keepsFormOnFailure } from "~/utils/action-failure.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Attempts and tags · ${data?.project.title ?? "Project"} · Rebound` }];

export const handle: TeacherProjectHandle = {
  breadcrumb: (project) => [{ label: `${project.title}: students × misconceptions`, to: paths.insight(project.id, "heatmap") }],
};

/** At most this many attempts on one page; the filters narrow it down. */
const LIMIT = 100;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { project } = await requireTeacherProject(request, params);
  const loaded = await loadPrepared(project);
  if (!loaded) notFound(NOT_FOUND.teacherProject);
  const { prepared, data: rows } = loaded;
  const search = new URL(request.url).searchParams;
  const filter = {
    studentId: search.get("student") || null,
    misconceptionId: search.get("misconception") || null,
    checkpointId: search.get("checkpoint") || null,
  };
  // Every filter is checked against this project: an id from elsewhere finds nothing.
  if (filter.studentId && !prepared.students.has(filter.studentId)) notFound(NOT_FOUND.student);
  if (filter.misconceptionId && !prepared.misconceptions.has(filter.misconceptionId)) notFound(NOT_FOUND.misconception);
  if (filter.checkpointId && !prepared.checkpoints.has(filter.checkpointId)) notFound(NOT_FOUND.checkpoint);
  const result = drillDown(prepared, rows.tags, filter, LIMIT);
  return {
    project: { id: project.id, title: project.title, status: project.status, classroom: project.classroom },
    filter,
    options: {
      students: prepared.studentOrder
        .filter((s) => s.active || prepared.pathsByStudent.has(s.id))
        .map((s) => ({ id: s.id, name: s.active ? s.name : `${s.name} (removed from the class)` })),
      misconceptions: [...prepared.misconceptions.values()].map((m) => ({ id: m.id, name: m.name })),
      checkpoints: prepared.checkpointOrder.map((c) => ({ id: c.id, name: `${c.position}. ${prepared.latestVersion.get(c.id)?.title ?? ""}` })),
    },
    result,
  };
}

type ActionAnswer = { formId: string; ok: boolean; reply?: SubmissionResult<string[]>; message?: string };

export const action = keepsFormOnFailure(async ({ request, params }: ActionFunctionArgs) => {
  const { teacher, project } = await requireTeacherProject(request, params);
  const formData = await readForm(request);
  const formId = String(formData.get("formId") ?? "");
  const answer = (body: ActionAnswer, status = 200) => data(body, { status });
  const submission = parseSubmission(formData, { schema: attemptTagSchema });
  if (submission.status !== "success") return answer({ formId, ok: false, reply: submission.reply() }, 400);
  const { intent, attemptId, misconceptionId } = submission.value;
  const result = await setAttemptMisconception({ teacherId: teacher.id, projectId: project.id, attemptId, misconceptionId, active: intent === "add-tag" });
  if (!result.ok) {
    const errors = result.field === "misconceptionId" ? { fieldErrors: { misconceptionId: [actionMessage(result)] } } : { formErrors: [actionMessage(result)] };
    return answer({ formId, ok: false, reply: submission.reply(errors) }, 400);
  }
  // A tag may put the student in a misconception the teacher wrote feedback for (decision 018).
  await deliverLaterMembers(project.id);
  const message = actionMessage(result);
  return answer({ formId, ok: true, reply: submission.reply({ resetForm: true }), message });
});

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

const addFormId = (attemptId: string) => `add-${attemptId}`;
const changeFormId = (attemptId: string, misconceptionId: string) => `tag-${attemptId}-${misconceptionId}`;

export default function InsightAttempts() {
  const { project, filter, options, result } = useLoaderData<typeof loader>();
  const name = (list: { id: string; name: string }[], id: string | null) => (id ? (list.find((x) => x.id === id)?.name ?? "") : null);
  const studentName = name(options.students, filter.studentId);
  const misconceptionName = name(options.misconceptions, filter.misconceptionId);
  const checkpointName = name(options.checkpoints, filter.checkpointId);
  const filtered = Boolean(filter.studentId || filter.misconceptionId || filter.checkpointId);
  const groups = groupAttempts(result.attempts);

  return (
    <>
      <PageHeader
        title={project.title}
        subtitle="Attempts and their misconception tags: check what the automatic tagging found, and correct it"
      />
      <InsightNav projectId={project.id} />

      <Form method="get" className="mb-6 grid items-end gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm md:grid-cols-[1fr_1fr_1fr_auto]">
        <SelectField label="Student" selectProps={{ name: "student", defaultValue: filter.studentId ?? "" }}>
          <option value="">All students</option>
          {options.students.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </SelectField>
        <SelectField label="Misconception" selectProps={{ name: "misconception", defaultValue: filter.misconceptionId ?? "" }}>
          <option value="">Any, or none</option>
          {options.misconceptions.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </SelectField>
        <SelectField label="Checkpoint" selectProps={{ name: "checkpoint", defaultValue: filter.checkpointId ?? "" }}>
          <option value="">All checkpoints</option>
          {options.checkpoints.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </SelectField>
        <div className="flex items-center gap-3">
          <button type="submit" className={buttonClass("primary")}>
            Show attempts
          </button>
          {filtered ? (
            <Link to={paths.insight(project.id, "attempts")} className="text-sm">
              Clear filters
            </Link>
          ) : null}
        </div>
      </Form>

      <section aria-labelledby="results-heading">
        <h2 id="results-heading" className="text-xl font-semibold">
          {plural(result.total, "attempt")}
          {studentName ? ` by ${studentName}` : ""}
          {checkpointName ? ` on ${checkpointName}` : ""}
          {misconceptionName ? ` showing “${misconceptionName}”` : ""}
        </h2>
        {misconceptionName && result.total > result.showing ? (
          <p className="mt-1 text-sm text-slate-700">
            {result.showing} show it now; {plural(result.total - result.showing, "attempt")} had the tag taken off by you, listed so you can put it back.
          </p>
        ) : null}
        {result.total > result.attempts.length ? (
          <div className="mt-3">
            <Notice tone="info">
              Showing the first {result.attempts.length} of {result.total}, by checkpoint and student. Choose a student, misconception or checkpoint above to narrow the list.
            </Notice>
          </div>
        ) : null}
        {result.total === 0 ? (
          <div className="mt-4">
            <EmptyState>No attempts match these filters.</EmptyState>
          </div>
        ) : (
          <div className="mt-4 space-y-6">
            {groups.map((g) => (
              <section key={g.key} aria-labelledby={`group-${g.key}`} className="rounded-lg border border-slate-200 bg-white shadow-sm">
                <div className="flex flex-wrap items-baseline justify-between gap-2 border-b border-slate-200 px-4 py-3">
                  <h3 id={`group-${g.key}`} className="text-base font-semibold">
                    {g.studentName}
                    {!g.studentActive ? <span className="font-normal text-slate-700"> (removed from the class)</span> : null}
                    <span className="font-normal text-slate-700"> · </span>
                    {g.position}. {g.latestTitle}
                  </h3>
                  <span className="flex flex-wrap gap-3 text-sm">
                    {filter.misconceptionId || !filter.checkpointId || !filter.studentId ? (
                      <Link to={paths.attempts(project.id, { student: g.studentId, checkpoint: g.checkpointId })}>
                        Every attempt<span className="sr-only"> of {g.studentName} on {g.latestTitle}</span>
                      </Link>
                    ) : null}
                    <Link to={paths.timeline(project.id, g.studentId, g.checkpointId)}>
                      Timeline<span className="sr-only"> of {g.studentName} on {g.latestTitle}</span>
                    </Link>
                    <Link to={paths.checkpointInsight(project.id, g.checkpointId)}>
                      Class answers<span className="sr-only"> on {g.latestTitle}</span>
                    </Link>
                  </span>
                </div>
                <ol className="divide-y divide-slate-200">
                  {g.attempts.map((a) => (
                    <li key={a.id}>
                      <AttemptItem attempt={a} misconceptions={options.misconceptions} />
                    </li>
                  ))}
                </ol>
              </section>
            ))}
          </div>
        )}
      </section>
    </>
  );
}

type Attempt = LoaderData["result"]["attempts"][number];

function groupAttempts(attempts: Attempt[]) {
  const groups: (Pick<DrillAttempt, "studentId" | "studentName" | "studentActive" | "checkpointId" | "position" | "latestTitle"> & { key: string; attempts: Attempt[] })[] = [];
  for (const a of attempts) {
    const key = `${a.checkpointId}-${a.studentId}`;
    const last = groups[groups.length - 1];
    if (last?.key === key) last.attempts.push(a);
    else groups.push({ key, studentId: a.studentId, studentName: a.studentName, studentActive: a.studentActive, checkpointId: a.checkpointId, position: a.position, latestTitle: a.latestTitle, attempts: [a] });
  }
  return groups;
}

function AttemptItem({ attempt: a, misconceptions }: { attempt: Attempt; misconceptions: { id: string; name: string }[] }) {
  const context = `attempt ${a.number} of ${a.studentName} on ${a.latestTitle}`;
  // Tags taken off have their own "Put back" button, so the list offers the others.
  const shown = new Set([...a.tags, ...a.removed].map((t) => t.misconceptionId));
  const addable = misconceptions.filter((m) => !shown.has(m.id));
  return (
    <article aria-labelledby={`attempt-${a.id}`} className="px-4 py-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h4 id={`attempt-${a.id}`} className="flex flex-wrap items-center gap-2 font-semibold">
          Attempt {a.number}
          <span className="sr-only">
            {" "}
            of {a.studentName} on {a.latestTitle}
          </span>
          <OutcomeBadge outcome={a.outcome} />
        </h4>
        <span className="text-sm text-slate-700">
          <time dateTime={a.at}>{formatDateTime(a.at)}</time>
        </span>
      </div>
      <p className="mt-2 whitespace-pre-wrap rounded-md bg-slate-50 p-2 text-slate-900">
        <span className="sr-only">Answer: </span>
        {a.answerText}
      </p>
      {a.version < a.latestVersion ? (
        <p className="mt-1 text-xs text-slate-700">
          Answered version {a.version} (“{a.title}”); the checkpoint is now at version {a.latestVersion}.
        </p>
      ) : null}
      <div className="mt-3 flex flex-wrap items-start gap-x-6 gap-y-3">
        <div className="min-w-0 flex-1">
          <p className="text-sm font-medium text-slate-800">Misconceptions</p>
          {a.tags.length === 0 && a.removed.length === 0 ? <p className="text-sm text-slate-700">None tagged.</p> : null}
          <ul className="mt-1 flex flex-wrap gap-2">
            {a.tags.map((t) => (
              <li key={t.misconceptionId}>
                <TagChip attemptId={a.id} misconceptionId={t.misconceptionId} context={context}>
                  <Badge tone="growing">
                    {t.name}
                    <span className="ml-1 font-normal">({t.sourceLabel})</span>
                  </Badge>
                </TagChip>
              </li>
            ))}
            {a.removed.map((t) => (
              <li key={t.misconceptionId}>
                <TagChip attemptId={a.id} misconceptionId={t.misconceptionId} context={context} removed>
                  <Badge>
                    <s>{t.name}</s>
                    <span className="ml-1 font-normal">(taken off by you)</span>
                  </Badge>
                </TagChip>
              </li>
            ))}
          </ul>
        </div>
        {addable.length > 0 ? <AddTagForm attemptId={a.id} context={context} options={addable} /> : null}
      </div>
    </article>
  );
}

function TagChip({ attemptId, misconceptionId, context, removed = false, children }: { attemptId: string; misconceptionId: string; context: string; removed?: boolean; children: ReactNode }) {
  const formId = changeFormId(attemptId, misconceptionId);
  const result = useResultFor<typeof action>(formId);
  const formErrors = result && !result.ok ? [...(result.reply?.error?.[""] ?? []), ...(result.reply?.error?.misconceptionId ?? [])] : null;
  return (
    <Form method="post" preventScrollReset className="inline-flex flex-wrap items-center gap-1.5">
      <input type="hidden" name="formId" value={formId} />
      <input type="hidden" name="attemptId" value={attemptId} />
      <input type="hidden" name="misconceptionId" value={misconceptionId} />
      {children}
      <SubmitButton
        formId={formId}
        name="intent"
        value={removed ? "add-tag" : "remove-tag"}
        variant="secondary"
        pendingText={removed ? "Putting back…" : "Taking off…"}
        className="!px-2 !py-0.5 text-xs"
      >
        {removed ? "Put back" : "Take off"}
        <span className="sr-only"> this misconception from {context}</span>
      </SubmitButton>
      <FormStatus message={result?.ok ? result.message : null} />
      <ErrorList errors={formErrors} />
    </Form>
  );
}

function AddTagForm({ attemptId, context, options }: { attemptId: string; context: string; options: { id: string; name: string }[] }) {
  const formId = addFormId(attemptId);
  const result = useResultFor<typeof action>(formId);
  const [form, fields] = useForm({
    id: formId,
    lastResult: result?.reply,
    ...validateWith(attemptTagSchema, "onSubmit"),
  });
  return (
    <Form method="post" preventScrollReset className="flex flex-wrap items-end gap-2" {...getFormProps(form)}>
      <input type="hidden" name="formId" value={formId} />
      <input type="hidden" name="intent" value="add-tag" />
      <input type="hidden" name="attemptId" value={attemptId} />
      <SelectField
        label={
          <>
            Add a misconception<span className="sr-only"> to {context}</span>
          </>
        }
        errors={fields.misconceptionId.errors}
        selectProps={{ ...getSelectProps(fields.misconceptionId), className: undefined }}
        className="min-w-52"
      >
        <option value="">Choose…</option>
        {options.map((m) => (
          <option key={m.id} value={m.id}>
            {m.name}
          </option>
        ))}
      </SelectField>
      <SubmitButton formId={formId} variant="secondary" pendingText="Tagging…">
        Tag<span className="sr-only"> {context}</span>
      </SubmitButton>
      <div className="basis-full">
        <ErrorList errors={form.errors} />
        <FormStatus message={result?.ok ? result.message : null} />
      </div>
    </Form>
  );
}
