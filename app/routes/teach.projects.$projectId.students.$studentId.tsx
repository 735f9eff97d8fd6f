import { getFormProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { validateWith } from "~/components/form-validation";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { ErrorList, SubmitButton, TextareaField, useResultFor } from "~/components/form";
import { PrintHeader } from "~/components/print";
import { TeacherCommentView } from "~/components/teacher-comment";
import { StatusPill } from "~/components/teacher-progress";
import { OutcomeBadge } from "~/components/outcome-badge";
import { FormStatus, MisconceptionBadges, useFormDisclosure, verdictLabel } from "~/components/teacher-timeline";
import { Badge, Card, EmptyState, PageHeader, formatDateTime, formatTime } from "~/components/ui";
import { prisma } from "~/db.server";
import { confidenceLabel } from "~/domain/journal-entry";
import { neighbours } from "~/domain/timeline";
import { plural } from "~/domain/words";
import { NOT_FOUND } from "~/domain/labels";
import { addComment, commentsOnStudent, editComment, type CommentTargetRef } from "~/models/comment.server";
import { findTeacherStudent, requireTeacherProject } from "~/models/project.server";
import { loadStudentTimeline, markAttempt, resolveSupport, studentsInGridOrder } from "~/models/progress.server";
import { addCommentSchema, editCommentSchema, markAttemptSchema, resolveSupportSchema } from "~/schemas/comment";
import { notFound } from "~/utils/http.server";
import { parseSubmission } from "~/utils/submission";
import type { TeacherProjectHandle } from "~/routes/teach.projects.$projectId";
import { paths } from "~/utils/paths";
import { teacherName } from "~/domain/labels";
import { readForm } from "~/utils/form.server";
import { keepsFormOnFailure } from "~/utils/action-failure.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.student.name ?? "Student"} · ${data?.project.title ?? "Project"} · Rebound` },
];

export const handle: TeacherProjectHandle = {
  breadcrumb: (project) => [{ label: `${project.title}: class progress`, to: paths.progress(project.id) }],
};

/** The guard, then the student in the project's class (else 404). */
async function requireClassStudent(request: Request, params: LoaderFunctionArgs["params"]) {
  const { teacher, project } = await requireTeacherProject(request, params);
  const student = await findTeacherStudent(params.studentId ?? "", project.classroomId, teacher.id);
  if (!student) notFound(NOT_FOUND.student);
  return { teacher, project, student };
}

// Form ids tie an action's answer to the one form on the page that sent it.
const addFormId = (target: string, targetId: string) => `comment-${target}-${targetId || "project"}`;
const editFormId = (commentId: string) => `edit-${commentId}`;
const markFormId = (attemptId: string) => `mark-${attemptId}`;
const supportFormId = (entryId: string) => `support-${entryId}`;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { teacher, project, student } = await requireClassStudent(request, params);
  const checkpointId = new URL(request.url).searchParams.get("checkpoint");
  const [timeline, comments, order, enrollment] = await Promise.all([
    loadStudentTimeline(project, student.id, { checkpointId }),
    commentsOnStudent(project, student.id),
    studentsInGridOrder(project),
    prisma.enrollment.findFirst({ where: { classroomId: project.classroomId, studentId: student.id }, select: { removedAt: true } }),
  ]);
  const commentViews = comments.map((c) => ({
    id: c.id,
    attemptId: c.attemptId,
    journalEntryId: c.journalEntryId,
    authorName: teacherName(c.author),
    mine: c.authorId === teacher.id,
    versions: c.versions,
    firstReadAt: c.firstReadAt,
    groupFeedbackId: c.groupFeedbackId,
  }));
  const { previous, next, position } = neighbours(order, student.id);
  return {
    project: { id: project.id, title: project.title, status: project.status, classroom: project.classroom },
    student: { ...student, removed: Boolean(enrollment?.removedAt) },
    timeline,
    comments: commentViews,
    navigation: { previous, next, position, total: order.length },
  };
}

type ActionAnswer = { formId: string; ok: boolean; reply?: SubmissionResult<string[]>; message?: string };

function answer(body: ActionAnswer, status = 200) {
  return data(body, { status });
}

export const action = keepsFormOnFailure(async ({ request, params }: ActionFunctionArgs) => {
  const { teacher, project, student } = await requireClassStudent(request, params);
  const formData = await readForm(request);
  const intent = formData.get("intent");
  const scope = { authorId: teacher.id, studentId: student.id, projectId: project.id };

  if (intent === "add-comment") {
    const formId = addFormId(String(formData.get("target") ?? ""), String(formData.get("targetId") ?? ""));
    const submission = parseSubmission(formData, { schema: addCommentSchema });
    if (submission.status !== "success") return answer({ formId, ok: false, reply: submission.reply() }, 400);
    const { target, targetId, body } = submission.value;
    const ref: CommentTargetRef = target === "project" ? { kind: "project" } : { kind: target, id: targetId ?? "" };
    const created = await addComment({ ...scope, target: ref, body });
    if (!created) {
      const what = target === "attempt" ? "attempt" : "journal entry";
      return answer({ formId, ok: false, reply: submission.reply({ formErrors: [`We couldn't find that ${what} in ${student.name}'s work on this project.`] }) }, 400);
    }
    return answer({ formId, ok: true, reply: submission.reply({ resetForm: true }), message: `Comment sent. ${student.name} can read it now.` });
  }

  if (intent === "edit-comment") {
    const formId = editFormId(String(formData.get("commentId") ?? ""));
    const submission = parseSubmission(formData, { schema: editCommentSchema });
    if (submission.status !== "success") return answer({ formId, ok: false, reply: submission.reply() }, 400);
    const edited = await editComment({ ...scope, commentId: submission.value.commentId, body: submission.value.body });
    if (!edited) {
      return answer({ formId, ok: false, reply: submission.reply({ formErrors: ["You can only edit your own comments on this student's work."] }) }, 400);
    }
    return answer({
      formId,
      ok: true,
      reply: submission.reply({ resetForm: true }),
      message: edited.status === "edited" ? `Saved as version ${edited.version}. Earlier versions stay readable.` : "Nothing changed, so no new version was saved.",
    });
  }

  if (intent === "mark-attempt") {
    const formId = markFormId(String(formData.get("attemptId") ?? ""));
    const submission = parseSubmission(formData, { schema: markAttemptSchema });
    if (submission.status !== "success") return answer({ formId, ok: false, reply: submission.reply() }, 400);
    const marked = await markAttempt({ teacherId: teacher.id, studentId: student.id, projectId: project.id, ...submission.value });
    if (!marked) {
      return answer({ formId, ok: false, reply: submission.reply({ formErrors: [`We couldn't find that short-text attempt in ${student.name}'s work.`] }) }, 400);
    }
    return answer({ formId, ok: true, reply: submission.reply(), message: `Marked "${submission.value.verdict === "GOT_IT" ? "Got it" : "Not yet"}".` });
  }

  if (intent === "resolve-support") {
    const formId = supportFormId(String(formData.get("journalEntryId") ?? ""));
    const submission = parseSubmission(formData, { schema: resolveSupportSchema });
    if (submission.status !== "success") return answer({ formId, ok: false, reply: submission.reply() }, 400);
    const resolved = await resolveSupport({ teacherId: teacher.id, studentId: student.id, projectId: project.id, ...submission.value });
    if (!resolved) {
      return answer({ formId, ok: false, reply: submission.reply({ formErrors: ["This support request is already marked as given, or isn't part of this student's work."] }) }, 400);
    }
    return answer({ formId, ok: true, reply: submission.reply({ resetForm: true }), message: "Marked as support given." });
  }

  return answer({ formId: "unknown", ok: false, message: "We didn't understand that request." }, 400);
}, formOfAnswer);

/** The form an answer belongs to, from what it posted (the same names its forms use). */
function formOfAnswer(form: FormData): string | null {
  const field = (name: string) => String(form.get(name) ?? "");
  switch (form.get("intent")) {
    case "add-comment":
      return addFormId(field("target"), field("targetId"));
    case "edit-comment":
      return editFormId(field("commentId"));
    case "mark-attempt":
      return markFormId(field("attemptId"));
    case "resolve-support":
      return supportFormId(field("journalEntryId"));
    default:
      return null;
  }
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;
type Day = LoaderData["timeline"]["days"][number];
type Item = Day["items"][number];
type CommentItem = LoaderData["comments"][number];

export default function StudentTimeline() {
  const { project, student, timeline, comments, navigation } = useLoaderData<typeof loader>();
  const filterQuery = timeline.filter ? `?checkpoint=${timeline.filter.checkpointId}` : "";
  const projectComments = comments.filter((c) => !c.attemptId && !c.journalEntryId);
  const openSupport = timeline.days.flatMap((d) => d.items).filter((i) => i.type === "journal" && i.supportNeeded && !i.supportResolvedAt);

  return (
    <>
      <PrintHeader classroom={project.classroom.name} project={project.title} page={`Timeline of ${student.name}`} />
      <PageHeader
        title={student.name}
        actions={
          <Link to={paths.classStudent(project.classroom.id, student.id)} className="text-sm">
            Place in the class, download or delete their data
          </Link>
        }
        subtitle={
          <>
            Timeline for {project.title}
            {student.removed ? (
              <span className="ml-2">
                <Badge>Removed from the class — work kept</Badge>
              </span>
            ) : null}
          </>
        }
      />

      <nav aria-label="Other students" className="mb-6 flex flex-wrap items-center justify-between gap-3 rounded-lg border border-slate-200 bg-white px-4 py-3 text-sm">
        <Link to={paths.progress(project.id)}>← Back to the class progress grid</Link>
        <span className="flex flex-wrap items-center gap-4">
          {navigation.previous ? (
            <Link to={`${paths.timeline(project.id, navigation.previous.id)}${filterQuery}`}>
              ‹ Previous student<span className="sr-only">:</span> <span className="font-medium">{navigation.previous.name}</span>
            </Link>
          ) : (
            <span className="text-slate-600">First student</span>
          )}
          {navigation.position ? (
            <span className="text-slate-700">
              {navigation.position} of {navigation.total}
            </span>
          ) : null}
          {navigation.next ? (
            <Link to={`${paths.timeline(project.id, navigation.next.id)}${filterQuery}`}>
              Next student<span className="sr-only">:</span> <span className="font-medium">{navigation.next.name}</span> ›
            </Link>
          ) : (
            <span className="text-slate-600">Last student</span>
          )}
        </span>
      </nav>

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="min-w-0 lg:col-span-2 print:break-before-page">
          <h2 className="mb-3 text-xl font-semibold">Timeline</h2>
          {timeline.filter ? (
            <p className="mb-4 rounded-md border border-brand-100 bg-brand-50 p-3 text-sm text-brand-800">
              Showing only work on <strong>{timeline.filter.title}</strong>.{" "}
              <Link to={paths.timeline(project.id, student.id)}>Show the whole timeline</Link>
            </p>
          ) : null}
          {timeline.days.length === 0 ? (
            <EmptyState>
              {timeline.filter ? `${student.name} hasn't worked on this checkpoint yet.` : `${student.name} hasn't started this project yet.`}
            </EmptyState>
          ) : (
            <div className="space-y-8">
              {timeline.days.map((day) => (
                <section key={day.key} aria-labelledby={`day-${day.key}`}>
                  <h3 id={`day-${day.key}`} className="sticky top-0 z-10 mb-3 print:static border-b border-slate-200 bg-slate-50/95 py-1 text-base font-semibold text-slate-800">
                    {day.label}
                  </h3>
                  <ol className="space-y-4">
                    {day.items.map((item) => (
                      <li key={item.id}>
                        {item.type === "attempt" ? (
                          <AttemptCard item={item} studentName={student.name} comments={comments.filter((c) => c.attemptId === item.id)} />
                        ) : (
                          <JournalCard item={item} studentName={student.name} comments={comments.filter((c) => c.journalEntryId === item.id)} />
                        )}
                      </li>
                    ))}
                  </ol>
                </section>
              ))}
            </div>
          )}
        </div>

        <div className="space-y-6 print:order-first">
          <Card title={`Where ${student.name} is`}>
            {timeline.standing.length === 0 ? (
              <p className="text-sm text-slate-700">No checkpoints yet.</p>
            ) : (
              <ol className="space-y-2 text-sm">
                {timeline.standing.map((s) => (
                  <li key={s.checkpointId}>
                    <Link to={paths.timeline(project.id, student.id, s.checkpointId)} className="font-medium">
                      {s.position}. {s.title}
                    </Link>
                    <div className="mt-1">
                      <StatusPill state={s.state} />
                    </div>
                  </li>
                ))}
              </ol>
            )}
          </Card>

          <section id="support" aria-labelledby="support-heading" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
            <h2 id="support-heading" className="mb-3 text-lg font-semibold">
              Open support requests
            </h2>
            {timeline.openSupport === 0 ? (
              <p className="text-sm text-slate-700">{student.name} isn&apos;t waiting for support.</p>
            ) : (
              <>
                <p className="text-sm text-slate-800">
                  {student.name} asked for support in {plural(timeline.openSupport, "journal entry", "journal entries")}.
                </p>
                <ul className="mt-2 space-y-1 text-sm">
                  {openSupport.map((entry) => (
                    <li key={entry.id}>
                      <a href={`#journal-${entry.id}`}>
                        Journal entry{entry.type === "journal" && entry.about ? ` · ${entry.about}` : ""} · {formatDateTime(entry.at)}
                      </a>
                    </li>
                  ))}
                </ul>
                {timeline.filter && openSupport.length < timeline.openSupport ? (
                  <p className="mt-2 text-sm">
                    <Link to={`${paths.timeline(project.id, student.id)}#support`}>Show all requests on the whole timeline</Link>
                  </p>
                ) : null}
              </>
            )}
          </section>

          <Card title="Comments on the whole project">
            {projectComments.length === 0 ? <p className="mb-3 text-sm text-slate-700">No project comments yet.</p> : null}
            <CommentList comments={projectComments} />
            <AddCommentForm target="project" targetId="" context={`${student.name}'s work on the whole project`} startOpen />
          </Card>
        </div>
      </div>
    </>
  );
}

function CommentList({ comments }: { comments: CommentItem[] }) {
  const { project } = useLoaderData<typeof loader>();
  if (comments.length === 0) return null;
  return (
    <ul className="mt-3 space-y-3">
      {comments.map((c) => {
        const latest = c.versions[c.versions.length - 1];
        return (
          <li key={c.id}>
            <TeacherCommentView
              authorName={c.authorName}
              versions={c.versions}
              note={
                <>
                  {c.groupFeedbackId ? (
                    <>
                      <Link to={paths.groupFeedback(project.id, c.groupFeedbackId)} className="underline">Group feedback</Link> ·{" "}
                    </>
                  ) : null}
                  {c.firstReadAt ? `Opened ${formatDateTime(c.firstReadAt)}` : "Not opened yet"}
                </>
              }
            />
            {c.mine && latest ? <EditCommentForm key={`${c.id}-${latest.version}`} commentId={c.id} body={latest.body} /> : null}
          </li>
        );
      })}
    </ul>
  );
}

function AddCommentForm({ target, targetId, context, startOpen = false }: { target: "project" | "attempt" | "journal"; targetId: string; context: string; startOpen?: boolean }) {
  const formId = addFormId(target, targetId);
  const result = useResultFor<typeof action>(formId);
  const [form, fields] = useForm({
    id: formId,
    lastResult: result?.reply,
    ...validateWith(addCommentSchema),
  });
  const hasErrors = Boolean(form.errors?.length || fields.body.errors?.length);
  const disclosure = useFormDisclosure(hasErrors, result);
  const body = (
    <Form method="post" preventScrollReset className="mt-2 space-y-2" {...getFormProps(form)}>
      <input type="hidden" name="formId" value={formId} />
      <input type="hidden" name="target" value={target} />
      {targetId ? <input type="hidden" name="targetId" value={targetId} /> : null}
      <TextareaField
        label={
          <>
            Your comment<span className="sr-only"> on {context}</span>
          </>
        }
        hint="Once sent, it is kept as written; an edit adds a new version the student can see."
        errors={fields.body.errors}
        textareaProps={getTextareaProps(fields.body)}
      />
      <ErrorList id={`${formId}-form-error`} errors={form.errors} />
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton formId={formId} name="intent" value="add-comment" pendingText="Sending…">
          Send comment
        </SubmitButton>
        {startOpen ? <FormStatus message={result?.ok ? result.message : null} /> : null}
      </div>
    </Form>
  );
  if (startOpen) return body;
  return (
    <>
      <details className="mt-3" open={disclosure.open} onToggle={disclosure.onToggle}>
        <summary className="cursor-pointer text-sm font-medium text-brand-700">
          Add a comment<span className="sr-only"> on {context}</span>
        </summary>
        {body}
      </details>
      <FormStatus message={result?.ok ? result.message : null} />
    </>
  );
}

function EditCommentForm({ commentId, body }: { commentId: string; body: string }) {
  const formId = editFormId(commentId);
  const result = useResultFor<typeof action>(formId);
  const [form, fields] = useForm({
    id: formId,
    lastResult: result?.reply,
    defaultValue: { commentId, body },
    ...validateWith(editCommentSchema),
  });
  const hasErrors = Boolean(form.errors?.length || fields.body.errors?.length);
  const disclosure = useFormDisclosure(hasErrors, result);
  return (
    <>
      <FormStatus message={result?.ok ? result.message : null} />
      <details className="mt-1" open={disclosure.open} onToggle={disclosure.onToggle}>
        <summary className="cursor-pointer text-sm text-brand-700">Edit this comment</summary>
        <Form method="post" preventScrollReset className="mt-2 space-y-2" {...getFormProps(form)}>
          <input type="hidden" name="formId" value={formId} />
          <input type="hidden" name="commentId" value={commentId} />
          <TextareaField label="Edited comment" hint="The version you sent stays in the history." errors={fields.body.errors} textareaProps={getTextareaProps(fields.body)} />
          <ErrorList id={`${formId}-form-error`} errors={form.errors} />
          <SubmitButton formId={formId} name="intent" value="edit-comment" variant="secondary" pendingText="Saving…">
            Save as a new version
          </SubmitButton>
        </Form>
      </details>
    </>
  );
}

type AttemptItem = Extract<Item, { type: "attempt" }>;
type JournalItem = Extract<Item, { type: "journal" }>;

function ItemFrame({ id, heading, time, children, tone }: { id: string; heading: ReactNode; time: string | Date; children: ReactNode; tone: "attempt" | "journal" }) {
  return (
    <article
      id={id}
      aria-labelledby={`${id}-heading`}
      className={`scroll-mt-4 rounded-lg border bg-white p-4 shadow-sm print:break-inside-avoid print:shadow-none ${tone === "journal" ? "border-l-4 border-slate-200 border-l-brand-600" : "border-slate-200"}`}
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h4 id={`${id}-heading`} className="font-semibold">
          {heading}
        </h4>
        <span className="text-sm text-slate-700">
          <time dateTime={new Date(time).toISOString()}>{formatTime(time)}</time>
        </span>
      </div>
      {children}
    </article>
  );
}

function AttemptCard({ item, studentName, comments }: { item: AttemptItem; studentName: string; comments: CommentItem[] }) {
  const context = `attempt ${item.number} on ${item.checkpointTitle}`;
  return (
    <ItemFrame
      id={`attempt-${item.id}`}
      time={item.at}
      tone="attempt"
      heading={
        <>
          Attempt {item.number} · {item.checkpointPosition}. {item.checkpointTitle}
        </>
      }
    >
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <OutcomeBadge outcome={item.outcome} suffix={!item.autoChecked && item.outcome ? <span className="font-normal">({item.teacherMark ? "teacher's mark" : "self-assessed"})</span> : null} />
        {item.version < item.latestVersion ? (
          <Badge tone="info">
            Answered version {item.version}; the checkpoint is now at version {item.latestVersion}
          </Badge>
        ) : null}
        {item.archived ? <Badge>Checkpoint archived</Badge> : null}
      </div>
      <div className="mt-3">
        <p className="text-sm font-medium text-slate-800">{studentName}&apos;s answer</p>
        <p className="mt-1 whitespace-pre-wrap rounded-md bg-slate-50 p-2 text-slate-900">{item.answerText}</p>
        {item.confidence ? <p className="mt-1 text-sm text-slate-700">How sure before the outcome: {confidenceLabel(item.confidence)}</p> : null}
      </div>
      {item.feedback.length > 0 ? (
        <div className="mt-3 text-sm">
          <p className="font-medium text-slate-800">Feedback shown</p>
          <ul className="mt-1 list-disc space-y-1 pl-5 text-slate-800">
            {item.feedback.map((f) => (
              <li key={f}>{f}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <MisconceptionBadges items={item.misconceptions} kind={item.kind} />
      <details className="mt-3 text-sm">
        <summary className="cursor-pointer text-brand-700">Question as answered (version {item.version})</summary>
        <p className="mt-2 whitespace-pre-wrap text-slate-800">{item.prompt}</p>
        {item.modelAnswer ? (
          <p className="mt-2 text-slate-800">
            <span className="font-medium">Model answer:</span> {item.modelAnswer}
          </p>
        ) : null}
      </details>
      {item.kind === "SHORT_TEXT" && !item.autoChecked ? <ShortTextReview item={item} studentName={studentName} /> : null}
      <CommentList comments={comments} />
      <AddCommentForm target="attempt" targetId={item.id} context={context} />
    </ItemFrame>
  );
}

function ShortTextReview({ item, studentName }: { item: AttemptItem; studentName: string }) {
  const formId = markFormId(item.id);
  const result = useResultFor<typeof action>(formId);
  const formErrors = result && !result.ok ? (result.reply?.error?.[""] ?? (result.message ? [result.message] : null)) : null;
  return (
    <div className="mt-3 rounded-md border border-slate-200 p-3 text-sm">
      <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
        <dt className="font-medium text-slate-800">{studentName}&apos;s self-assessment</dt>
        <dd>{item.selfAssessment ? `${verdictLabel(item.selfAssessment.verdict)} · ${formatDateTime(item.selfAssessment.at)}` : "Waiting for the student's check"}</dd>
        <dt className="font-medium text-slate-800">Teacher&apos;s mark</dt>
        <dd>
          {item.teacherMark ? `${verdictLabel(item.teacherMark.verdict)} · ${item.teacherMark.by} · ${formatDateTime(item.teacherMark.at)}` : "Not marked yet"}
          {item.teacherMarkCount > 1 ? <span className="text-slate-700"> (changed {item.teacherMarkCount - 1}×; the latest mark counts)</span> : null}
        </dd>
      </dl>
      {item.checks.length > 1 ? (
        <div className="mt-2">
          <p className="font-medium text-slate-800">Every check, in order</p>
          <ol className="mt-1 list-decimal space-y-0.5 pl-5 text-slate-800">
            {item.checks.map((c) => (
              <li key={`${c.role}-${new Date(c.at).toISOString()}`}>
                {c.role === "SELF" ? `${studentName} said` : `${c.by} marked`}: {verdictLabel(c.verdict)} ·{" "}
                <time dateTime={new Date(c.at).toISOString()}>{formatDateTime(c.at)}</time>
              </li>
            ))}
          </ol>
        </div>
      ) : null}
      <Form method="post" preventScrollReset className="mt-3" aria-labelledby={`${formId}-legend`}>
        <input type="hidden" name="formId" value={formId} />
        <input type="hidden" name="intent" value="mark-attempt" />
        <input type="hidden" name="attemptId" value={item.id} />
        <p id={`${formId}-legend`} className="mb-2 font-medium text-slate-800">
          {item.teacherMark ? "Change your mark" : "Mark this answer"}
          <span className="sr-only"> for attempt {item.number} on {item.checkpointTitle}</span>
          <span className="font-normal text-slate-700"> — your mark counts over the self-assessment.</span>
        </p>
        <div className="flex flex-wrap items-center gap-2">
          <SubmitButton formId={formId} name="verdict" value="GOT_IT" variant="secondary" pendingText="Marking…">
            Got it
          </SubmitButton>
          <SubmitButton formId={formId} name="verdict" value="NOT_YET" variant="secondary" pendingText="Marking…">
            Not yet
          </SubmitButton>
          <FormStatus message={result?.ok ? result.message : null} />
        </div>
        <ErrorList errors={formErrors} />
      </Form>
    </div>
  );
}

function JournalCard({ item, studentName, comments }: { item: JournalItem; studentName: string; comments: CommentItem[] }) {
  return (
    <ItemFrame
      id={`journal-${item.id}`}
      time={item.at}
      tone="journal"
      heading={
        <>
          Journal entry{item.promptTitle ? ` · ${item.promptTitle}` : ""}
          {item.about ? <span className="font-normal text-slate-700"> — {item.about}</span> : null}
        </>
      }
    >
      <dl className="mt-2 space-y-2 text-sm">
        {item.responses.map((r, i) => (
          <div key={i}>
            <dt className="font-semibold text-slate-800">{r.question ?? "Free entry"}</dt>
            <dd className="whitespace-pre-wrap text-slate-900">{r.answer.trim() ? r.answer : <span className="italic text-slate-600">(left blank)</span>}</dd>
          </div>
        ))}
      </dl>
      <div className="mt-3 flex flex-wrap gap-2 text-sm">
        {item.confidence ? <Badge tone="neutral">How sure after feedback: {confidenceLabel(item.confidence) ?? `${item.confidence} of 5`}</Badge> : null}
        {item.supportNeeded ? (
          item.supportResolvedAt ? (
            <Badge tone="good">Support asked for · given {formatDateTime(item.supportResolvedAt)}</Badge>
          ) : (
            <Badge tone="alert">Support asked for · open</Badge>
          )
        ) : null}
      </div>
      {item.supportNeeded && !item.supportResolvedAt ? <ResolveSupportForm entryId={item.id} studentName={studentName} /> : null}
      <CommentList comments={comments} />
      <AddCommentForm target="journal" targetId={item.id} context={`the journal entry of ${formatDateTime(item.at)}`} />
    </ItemFrame>
  );
}

function ResolveSupportForm({ entryId, studentName }: { entryId: string; studentName: string }) {
  const formId = supportFormId(entryId);
  const result = useResultFor<typeof action>(formId);
  const [form, fields] = useForm({
    id: formId,
    lastResult: result?.reply,
    ...validateWith(resolveSupportSchema),
  });
  return (
    <Form method="post" preventScrollReset className="mt-3 space-y-2 rounded-md border border-rose-200 bg-rose-50 p-3" {...getFormProps(form)}>
      <input type="hidden" name="formId" value={formId} />
      <input type="hidden" name="journalEntryId" value={entryId} />
      <TextareaField
        label={`Note for ${studentName} (optional)`}
        hint="Sent as a comment on this entry."
        errors={fields.note.errors}
        textareaProps={{ ...getTextareaProps(fields.note), rows: 2 }}
      />
      <ErrorList id={`${formId}-form-error`} errors={form.errors} />
      <SubmitButton formId={formId} name="intent" value="resolve-support" pendingText="Saving…">
        Mark support given
      </SubmitButton>
    </Form>
  );
}
