// The class failure session, the teacher's side (decision 019): open a session
// with a prompt and a time box, release students' posts and notes to the board
// in batches (or decline them), project the board without names, and close it
// with what the class agreed to do differently; mark the actions carried in
// from the project before. Works without JavaScript; with it, the page updates
// by itself (app/components/live-updates.tsx).
import { getFormProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { AgreedActions, PostText, PresentedBoard, PromptQuestions, ReactionSummary, groupTitle, sessionStateLine } from "~/components/failure-board";
import { moderationMessage } from "~/components/action-words";
import { ErrorList, FormAlert, SubmitButton, TextareaField, resultFor } from "~/components/form";
import { validateWith } from "~/components/form-validation";
import { LiveStatus } from "~/components/live-updates";
import { PrintHeader } from "~/components/print";
import { ActionNotice, Badge, Card, EmptyState, Notice, PageHeader, formatDateTime } from "~/components/ui";
import { ACTION_STATUSES, DEFAULT_SESSION_MINUTES, SESSION_MINUTES, SMALL_BATCH, type ActionStatus } from "~/domain/failure-session";
import { ACTION_STATUS_WORDS } from "~/domain/labels";
import { findTemplate } from "~/domain/reflection-templates";
import { plural } from "~/domain/words";
import { closeSession, extendSession, loadTeacherSession, markAction, moderate, openSession } from "~/models/failure-session.server";
import { requireTeacherProject } from "~/models/project.server";
import type { TeacherProjectHandle } from "~/routes/teach.projects.$projectId";
import { closeSessionSchema, markActionSchema, moderationSchema, openSessionSchema } from "~/schemas/failure-session";
import { keepsFormOnFailure } from "~/utils/action-failure.server";
import { readForm } from "~/utils/form.server";
import { paths } from "~/utils/paths";
import { parseSubmission } from "~/utils/submission";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Class failure session · ${data?.project.title ?? "Project"} · Rebound` }];

/** In presentation mode the page takes the whole screen: no breadcrumbs or project tabs. */
export const handle: TeacherProjectHandle = { frame: (data) => !(data as { present?: boolean } | undefined)?.present };

const TEMPLATE = findTemplate("blameless-debrief")!;
/** Minutes added by "Add 5 minutes". */
const EXTRA_MINUTES = 5;

const OPEN_FORM = "open-session";
const CLOSE_FORM = "close-session";
const QUEUE_FORM = "queue";
const actionFormId = (id: string) => `agreed-${id}`;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { project } = await requireTeacherProject(request, params);
  const present = new URL(request.url).searchParams.get("present") === "1";
  const page = await loadTeacherSession(project, { present });
  return {
    project: { id: project.id, title: project.title, published: project.status === "PUBLISHED", classroom: project.classroom.name },
    present,
    template: { title: TEMPLATE.title, questions: TEMPLATE.questions },
    ...page,
  };
}

type ActionResult = { formId?: string; ok: boolean; reply?: SubmissionResult<string[]>; message: string | null };
const reply = (result: ActionResult, status = 200) => data(result, { status });

export const action = keepsFormOnFailure(
  async ({ request, params }: ActionFunctionArgs) => {
    const { project } = await requireTeacherProject(request, params);
    const formData = await readForm(request);
    const intent = String(formData.get("intent") ?? "");

    if (intent === "open") {
      const submission = parseSubmission(formData, { schema: openSessionSchema });
      if (submission.status !== "success") return reply({ formId: OPEN_FORM, ok: false, reply: submission.reply(), message: null }, 400);
      if (project.status !== "PUBLISHED") {
        return reply({ formId: OPEN_FORM, ok: false, reply: submission.reply({ formErrors: ["Publish the project first: students can only post in a published project."] }), message: null }, 400);
      }
      const own = submission.value.promptSource === "own";
      const result = await openSession(project, {
        prompt: own ? (submission.value.prompt ?? "") : TEMPLATE.questions.join("\n"),
        templateKey: own ? null : TEMPLATE.key,
        minutes: submission.value.minutes,
      });
      if (!result.ok) return reply({ formId: OPEN_FORM, ok: false, reply: submission.reply({ formErrors: ["A session is already open in this project. Close it before opening another."] }), message: null }, 400);
      return reply({ formId: OPEN_FORM, ok: true, reply: submission.reply({ resetForm: true }), message: `Session open for ${plural(submission.value.minutes, "minute")}. Students see it on the project's page.` });
    }
    if (intent === "extend") {
      const result = await extendSession(project, EXTRA_MINUTES);
      if (!result.ok) return reply({ ok: false, message: "There's no open session to give more time to." }, 400);
      return reply({ ok: true, message: `Added ${EXTRA_MINUTES} minutes: new posts are taken until ${formatDateTime(result.endsAt)}.` });
    }
    if (intent === "release" || intent === "decline") {
      const formId = String(formData.get("formId") ?? "") || QUEUE_FORM;
      const submission = parseSubmission(formData, { schema: moderationSchema });
      if (submission.status !== "success") return reply({ formId, ok: false, reply: submission.reply(), message: "We couldn't read which posts and notes you chose. Reload the page and try again." }, 400);
      const result = await moderate(project, { decision: intent, postIds: submission.value.postIds, noteIds: submission.value.noteIds });
      return reply({ formId, ok: result.ok, reply: submission.reply({ resetForm: result.ok }), message: moderationMessage(result) }, result.ok ? 200 : 400);
    }
    if (intent === "close") {
      const submission = parseSubmission(formData, { schema: closeSessionSchema });
      if (submission.status !== "success") return reply({ formId: CLOSE_FORM, ok: false, reply: submission.reply(), message: null }, 400);
      const result = await closeSession(project, submission.value.actions);
      if (!result.ok) return reply({ formId: CLOSE_FORM, ok: false, reply: submission.reply({ formErrors: ["There's no open session to close: it may have been closed in another tab."] }), message: null }, 400);
      return reply({ formId: CLOSE_FORM, ok: true, reply: submission.reply({ resetForm: true }), message: `Session closed with ${plural(result.actions, "agreed action")}. Students see ${result.actions === 1 ? "it" : "them"} at the start of the next project.` });
    }
    if (intent === "mark-action") {
      const formId = actionFormId(String(formData.get("actionId") ?? ""));
      const submission = parseSubmission(formData, { schema: markActionSchema });
      if (submission.status !== "success") return reply({ formId, ok: false, reply: submission.reply(), message: "Choose done or not yet done." }, 400);
      const result = await markAction(project, submission.value);
      if (!result.ok) return reply({ formId, ok: false, message: "We couldn't find that agreed action in this project or the one before it." }, 400);
      return reply({ formId, ok: true, message: `“${result.text}”: ${ACTION_STATUS_WORDS[result.status].toLowerCase()}.` });
    }
    return reply({ ok: false, message: "We didn't understand that request." }, 400);
  },
  (form) => {
    const intent = form.get("intent");
    if (intent === "open") return OPEN_FORM;
    if (intent === "close") return CLOSE_FORM;
    if (intent === "mark-action") return actionFormId(String(form.get("actionId") ?? ""));
    return null;
  },
);

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

function OpenSessionForm({ template, lastResult }: { template: LoaderData["template"]; lastResult?: SubmissionResult<string[]> }) {
  const [form, fields] = useForm({
    id: OPEN_FORM,
    lastResult,
    defaultValue: { promptSource: "template", prompt: "", minutes: String(DEFAULT_SESSION_MINUTES) },
    ...validateWith(openSessionSchema, "onSubmit"),
  });
  return (
    <Card title="Open a failure session">
      <p className="mb-4 max-w-prose text-slate-700">
        Students post a setback and what they learned. Posts are anonymous to classmates and named to you; nothing reaches the board until you
        release it. Release several at once: the board shows each batch together, in a random order, so nobody can tell who wrote what from when it appeared.
      </p>
      <Form method="post" className="space-y-4" {...getFormProps(form)}>
        <FormAlert message={form.errors} />
        <fieldset aria-describedby={fields.promptSource.errors?.length ? fields.promptSource.errorId : undefined}>
          <legend className="text-sm font-medium text-slate-800">The questions for the class</legend>
          <label className="mt-2 flex items-start gap-2">
            <input type="radio" name={fields.promptSource.name} value="template" defaultChecked={fields.promptSource.initialValue !== "own"} className="mt-1 h-4 w-4" />
            <span>
              The {template.title} questions
              <PromptQuestions questions={template.questions} className="mt-1 text-sm text-slate-700" />
            </span>
          </label>
          <label className="mt-3 flex items-center gap-2">
            <input type="radio" name={fields.promptSource.name} value="own" defaultChecked={fields.promptSource.initialValue === "own"} className="h-4 w-4" />
            My own questions
          </label>
          <ErrorList id={fields.promptSource.errorId} errors={fields.promptSource.errors} />
        </fieldset>
        <TextareaField
          label="My own questions"
          hint="One question per line. Used when “My own questions” is chosen."
          errors={fields.prompt.errors}
          textareaProps={{ ...getTextareaProps(fields.prompt), rows: 4 }}
        />
        <div>
          <label htmlFor="session-minutes" className="block text-sm font-medium text-slate-800">
            Time box
          </label>
          <select
            id="session-minutes"
            name={fields.minutes.name}
            defaultValue={String(fields.minutes.initialValue ?? DEFAULT_SESSION_MINUTES)}
            className="mt-1 block rounded-md border border-slate-400 bg-white px-3 py-2"
            aria-invalid={fields.minutes.errors?.length ? true : undefined}
            aria-describedby={fields.minutes.errors?.length ? fields.minutes.errorId : undefined}
          >
            {SESSION_MINUTES.map((m) => (
              <option key={m} value={String(m)}>
                {m} minutes
              </option>
            ))}
          </select>
          <ErrorList id={fields.minutes.errorId} errors={fields.minutes.errors} />
        </div>
        <SubmitButton intent="open" pendingText="Opening…">
          Open the session
        </SubmitButton>
      </Form>
    </Card>
  );
}

function CloseSessionForm({ lastResult }: { lastResult?: SubmissionResult<string[]> }) {
  const [form, fields] = useForm({ id: CLOSE_FORM, lastResult, defaultValue: { actions: "" }, ...validateWith(closeSessionSchema) });
  return (
    <Card title="Close with what we will do differently">
      <p className="mb-3 max-w-prose text-sm text-slate-700">
        Agree with the class on a few concrete actions. They are kept with this project, shown to students at the start of the class&apos;s next project, and you
        mark each done or not yet done there.
      </p>
      <Form method="post" className="space-y-3" {...getFormProps(form)}>
        <FormAlert message={form.errors} />
        <TextareaField
          label="What we will do differently"
          hint="One action per line, up to 10."
          errors={fields.actions.errors}
          textareaProps={{ ...getTextareaProps(fields.actions), rows: 5 }}
        />
        <SubmitButton intent="close" pendingText="Closing…">
          Close the session
        </SubmitButton>
      </Form>
    </Card>
  );
}

function MarkButtons({ actionId, status, message }: { actionId: string; status: ActionStatus | null; message?: string | null }) {
  return (
    <Form method="post" className="mt-1 flex flex-wrap items-center gap-2" aria-label="Mark this action">
      {/* The buttons send the mark as their value, so the intent travels in its own field. */}
      <input type="hidden" name="intent" value="mark-action" />
      <input type="hidden" name="actionId" value={actionId} />
      <input type="hidden" name="formId" value={actionFormId(actionId)} />
      {ACTION_STATUSES.map((s) => (
        <SubmitButton
          key={s}
          formId={actionFormId(actionId)}
          name="status"
          value={s}
          variant="secondary"
          className="px-3 py-1"
          aria-pressed={status === s}
          pendingText="Saving…"
        >
          {ACTION_STATUS_WORDS[s]}
        </SubmitButton>
      ))}
      {message ? (
        <span role="status" className="text-sm text-slate-700">
          {message}
        </span>
      ) : null}
    </Form>
  );
}

export default function FailureSessionPage() {
  const { project, present, session, version, queue, board, presented, agreed, carried, counts, template } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const live = { url: paths.failureSessionVersion(project.id), version, active: session !== null && session.state !== "closed" };

  if (present) {
    return (
      <div>
        <PrintHeader classroom={project.classroom} project={project.title} page="Class failure session" />
        <div className="mb-4 flex flex-wrap items-center justify-between gap-4 print:hidden">
          <LiveStatus {...live} reloadTo={paths.failureSession(project.id, true)} announce="" />
          <Link to={paths.failureSession(project.id)} className="rounded-md border border-slate-400 bg-white px-4 py-2 text-base font-medium text-slate-900 no-underline hover:bg-slate-100">
            Leave presentation mode
          </Link>
        </div>
        {session ? (
          <PresentedBoard projectTitle={project.title} questions={session.questions} stateLine={sessionStateLine(session)} groups={presented ?? []} agreed={session.state === "closed" ? agreed : []} />
        ) : (
          <EmptyState>No failure session yet in this project.</EmptyState>
        )}
      </div>
    );
  }

  const actionResult = (id: string) => resultFor(actionData, id);
  const pageMessage = actionData && !actionData.formId ? actionData : undefined;
  const queueResult = actionResult(QUEUE_FORM);
  const canOpen = project.published && (!session || session.state === "closed");
  const smallBatch = queue.length > 0 && queue.length < SMALL_BATCH;

  return (
    <>
      <PageHeader
        title="Class failure session"
        subtitle="A live, blameless look at the project's setbacks: what didn't go as planned, what it taught us, and what we will do differently."
        actions={
          session ? (
            <Link to={paths.failureSession(project.id, true)} className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white no-underline hover:bg-brand-800">
              Present to the class
            </Link>
          ) : null
        }
      />
      <ActionNotice result={pageMessage} />
      {actionResult(OPEN_FORM)?.ok ? <ActionNotice result={actionResult(OPEN_FORM)} /> : null}
      {actionResult(CLOSE_FORM)?.ok ? <ActionNotice result={actionResult(CLOSE_FORM)} /> : null}

      {carried ? (
        <Card title={`Agreed at the end of ${carried.project.title}`} className="mb-6">
          <p className="mb-3 text-sm text-slate-700">Students see these at the start of this project. Mark each one as the project goes.</p>
          <AgreedActions
            actions={carried.actions}
            showStatus
            itemExtra={(id) => <MarkButtons actionId={id} status={carried.actions.find((a) => a.id === id)?.status ?? null} message={actionResult(actionFormId(id))?.message} />}
          />
        </Card>
      ) : null}

      {!project.published ? <Notice tone="growing">Publish the project first: a failure session is for a class working on a published project.</Notice> : null}

      {session ? (
        <div className="space-y-6">
          <Card title={session.state === "closed" ? "The last session" : "The session"}>
            <PromptQuestions questions={session.questions} className="text-lg" />
            <p className="mt-3 flex flex-wrap items-center gap-2 text-slate-800">
              <Badge tone={session.state === "open" ? "good" : session.state === "time-up" ? "growing" : "neutral"}>
                {session.state === "open" ? "Open" : session.state === "time-up" ? "Time's up" : "Closed"}
              </Badge>
              <span>{sessionStateLine(session)}</span>
            </p>
            {counts ? (
              <p className="mt-2 text-sm text-slate-700">
                {plural(counts.onBoard, "post")} on the board · {counts.waiting} waiting for you
                {counts.declined ? ` · ${counts.declined} kept off` : ""}
                {counts.withdrawn ? ` · ${plural(counts.withdrawn, "post")} withdrawn by ${counts.withdrawn === 1 ? "its author" : "their authors"}` : ""}
              </p>
            ) : null}
            <div className="mt-3 flex flex-wrap items-center gap-3">
              <LiveStatus {...live} reloadTo={paths.failureSession(project.id)} announce={counts ? `${plural(counts.onBoard, "post")} on the board, ${counts.waiting} waiting for you.` : ""} />
              {session.state !== "closed" ? (
                <Form method="post">
                  <SubmitButton intent="extend" variant="secondary" className="px-3 py-1" pendingText="Adding…">
                    Add {EXTRA_MINUTES} minutes
                  </SubmitButton>
                </Form>
              ) : null}
            </div>
          </Card>

          <Card title={`Waiting for you (${queue.length})`}>
            {queue.length === 0 ? (
              <EmptyState>Nothing waiting. New posts and notes appear here, named; only you see them until you release them.</EmptyState>
            ) : (
              <Form method="post" className="space-y-4">
                <input type="hidden" name="formId" value={QUEUE_FORM} />
                {smallBatch ? (
                  <Notice tone="growing">
                    Only {plural(queue.length, "item")} waiting. Released alone, classmates might guess who wrote it from when it appears — you could wait for a few more.
                  </Notice>
                ) : null}
                <ul className="divide-y divide-slate-200">
                  {queue.map((item) => {
                    const boxId = `queue-${item.kind}-${item.id}`;
                    return (
                      <li key={item.id} className="flex gap-3 py-3">
                        <input id={boxId} type="checkbox" name={item.kind === "post" ? "postIds" : "noteIds"} value={item.id} className="mt-1 h-4 w-4" aria-describedby={`${boxId}-text`} />
                        <div className="min-w-0 flex-1">
                          <label htmlFor={boxId} className="font-medium">
                            {item.kind === "post" ? "Post" : "What helped me"} by {item.author}
                          </label>
                          <div id={`${boxId}-text`} className="mt-1 text-slate-900">
                            {item.kind === "post" ? (
                              <PostText setback={item.setback} learned={item.learned} size="text-sm" />
                            ) : (
                              <>
                                <p className="whitespace-pre-wrap">{item.text}</p>
                                <p className="mt-1 text-sm text-slate-700">On: “{item.onSetback}”</p>
                              </>
                            )}
                          </div>
                        </div>
                      </li>
                    );
                  })}
                </ul>
                {queueResult ? <p role={queueResult.ok ? "status" : "alert"} className={queueResult.ok ? "text-emerald-900" : "text-red-800"}>{queueResult.message}</p> : null}
                <div className="flex flex-wrap gap-2">
                  <SubmitButton intent="release" pendingText="Releasing…">
                    Release the ticked to the board
                  </SubmitButton>
                  <SubmitButton intent="decline" variant="danger" pendingText="Saving…">
                    Keep the ticked off the board
                  </SubmitButton>
                </div>
              </Form>
            )}
            {queue.length === 0 && queueResult ? <p role={queueResult.ok ? "status" : "alert"} className="mt-3">{queueResult.message}</p> : null}
          </Card>

          <Card title="The board (names shown only to you)">
            {board && board.length ? (
              <div className="space-y-6">
                {board.map((g) => (
                  <section key={g.id} aria-labelledby={`group-${g.id}`}>
                    <h3 id={`group-${g.id}`} className="text-lg font-semibold">
                      {groupTitle(g, board.length)} ({g.posts.length})
                    </h3>
                    <ul className="mt-2 grid gap-4 md:grid-cols-2">
                      {g.posts.map((p) => (
                        <li key={p.id} className="rounded-md border border-slate-200 bg-slate-50 p-4">
                          <p className="mb-2 text-sm font-medium text-slate-700">By {p.author}</p>
                          <PostText setback={p.setback} learned={p.learned} size="text-sm" />
                          <ReactionSummary reactions={p.reactions} className="mt-2 text-sm" />
                          {p.notes.length ? (
                            <ul className="mt-2 space-y-1 text-sm">
                              {p.notes.map((n) => (
                                <li key={n.id} className="rounded bg-white px-3 py-2">
                                  {n.text} <span className="text-slate-700">— {n.author}</span>
                                </li>
                              ))}
                            </ul>
                          ) : null}
                          <Form method="post" className="mt-3">
                            <input type="hidden" name="formId" value={QUEUE_FORM} />
                            <input type="hidden" name="postIds" value={p.id} />
                            <SubmitButton intent="decline" formId={QUEUE_FORM} variant="secondary" className="px-3 py-1 text-xs" aria-label={`Take the post by ${p.author} off the board`}>
                              Take off the board
                            </SubmitButton>
                          </Form>
                        </li>
                      ))}
                    </ul>
                  </section>
                ))}
              </div>
            ) : (
              <EmptyState>Nothing on the board yet. Release posts from the queue above.</EmptyState>
            )}
          </Card>

          {session.state !== "closed" && agreed.length ? (
            <Card title="Agreed in earlier sessions of this project">
              <AgreedActions
                actions={agreed}
                showStatus
                itemExtra={(id) => <MarkButtons actionId={id} status={agreed.find((a) => a.id === id)?.status ?? null} message={actionResult(actionFormId(id))?.message} />}
              />
            </Card>
          ) : null}

          {session.state === "closed" ? (
            <Card title="What we agreed to do differently">
              {agreed.length ? (
                <AgreedActions
                  actions={agreed}
                  showStatus
                  itemExtra={(id) => <MarkButtons actionId={id} status={agreed.find((a) => a.id === id)?.status ?? null} message={actionResult(actionFormId(id))?.message} />}
                />
              ) : (
                <EmptyState>No actions recorded.</EmptyState>
              )}
            </Card>
          ) : (
            <CloseSessionForm lastResult={actionResult(CLOSE_FORM)?.reply} />
          )}
        </div>
      ) : (
        <EmptyState>No failure session in this project yet.</EmptyState>
      )}

      {canOpen ? (
        <div className="mt-6">
          <OpenSessionForm template={template} lastResult={actionResult(OPEN_FORM)?.reply} />
        </div>
      ) : null}
    </>
  );
}
