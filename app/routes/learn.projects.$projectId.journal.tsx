import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { SubmitButton, FormAlert } from "~/components/form";
import { JournalEntryForm, skipDraftRevalidation } from "~/components/journal-entry-form";
import { StudentComments } from "~/components/student-checkpoint";
import { Badge, Card, EmptyState, PageHeader, formatDateTime } from "~/components/ui";
import { NOT_FOUND } from "~/domain/labels";
import { confidenceLabel, describeEntryLink, journalFormKey, journalFormView, parseResponses, type JournalContext } from "~/domain/journal-entry";
import { parseQuestions } from "~/domain/reflection-templates";
import {
  addedLocation,
  checkpointTitles,
  findOwnDrafts,
  findOwnEntry,
  handleJournalForm,
  listLivePrompts,
  listOwnEntries,
  listProjectComments,
} from "~/models/journal.server";
import { dismissReflection, listPendingReflections } from "~/models/pending-reflection.server";
import { requireStudentProject } from "~/models/project.server";
import { markCommentsRead } from "~/models/comment.server";
import { goalSourcesInProject } from "~/models/learning-goal.server";
import { DISMISS_REFLECTION_INTENT } from "~/schemas/attempt";
import { ADD_ENTRY_INTENT, SAVE_DRAFT_INTENT } from "~/schemas/journal";
import type { StudentProjectHandle } from "~/routes/learn.projects.$projectId";
import { paths } from "~/utils/paths";
import { teacherName } from "~/domain/labels";
import { readForm } from "~/utils/form.server";
import { keepsFormOnFailure } from "~/utils/action-failure.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `My journal · ${data.project.title} · Rebound` : "My journal · Rebound" }];

export const handle: StudentProjectHandle = {
  breadcrumb: (project) => [{ label: project.title, to: paths.studentProject(project.id) }],
};

export const shouldRevalidate = skipDraftRevalidation;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { student, project } = await requireStudentProject(request, params, context);
  const [entries, prompts, drafts, projectComments, waiting, goalsFrom] = await Promise.all([
    listOwnEntries(student.id, project.id),
    listLivePrompts(project.id, { trigger: "PROJECT" }),
    findOwnDrafts(student.id, project.id),
    listProjectComments(student.id, project.id),
    listPendingReflections(student.id, project.id),
    goalSourcesInProject(student.id, project.id),
  ]);
  // The comments on this page are shown now: the first time is recorded (decision 018).
  await markCommentsRead(student.id, [...projectComments, ...entries.flatMap((e) => e.comments)]);
  const goal = (commentId: string) =>
    goalsFrom.comments.has(commentId) ? { href: paths.goals(project.id), set: true } : { href: paths.goals(project.id, { comment: commentId }), set: false };
  const url = new URL(request.url);
  const addedId = url.searchParams.get("added");
  const added = addedId ? await findOwnEntry(student.id, project.id, addedId) : null;

  const form = (context: JournalContext, title: string, questions: (string | null)[]) => journalFormView(context, title, questions, drafts);
  const free = form({ promptId: null, checkpointId: null, attemptId: null }, "A free entry", [null]);
  const promptForms = prompts.map((p) => form({ promptId: p.id, checkpointId: null, attemptId: null }, p.title, parseQuestions(p.questions)));
  const onThisPage = new Set([free.formKey, ...promptForms.map((f) => f.formKey)]);

  // Drafts begun beside a checkpoint or after an attempt live on that checkpoint's page.
  const pendingDrafts = Object.values(drafts).filter((d) => !onThisPage.has(d.formKey) && d.context.checkpointId);
  const titles = await checkpointTitles(project.id, [...new Set(pendingDrafts.map((d) => d.context.checkpointId ?? ""))]);
  const elsewhere = pendingDrafts.map((d) => ({
    id: d.id,
    updatedAt: d.updatedAt,
    label: `${d.context.attemptId ? "Reflection" : "Draft"} on ${titles[d.context.checkpointId ?? ""] ?? "a checkpoint"}`,
    href: `${paths.studentCheckpoint(project.id, d.context.checkpointId ?? "", d.context.attemptId)}#journal-form-${d.formKey}`,
  }));

  return {
    project: { id: project.id, title: project.title },
    entries: entries.map((e) => ({
      id: e.id,
      submittedAt: e.submittedAt ?? e.createdAt,
      promptTitle: e.prompt?.title ?? null,
      link: describeEntryLink({ checkpointTitle: e.checkpoint?.versions[0]?.title, attemptNumber: e.attempt?.number }),
      checkpointHref: e.checkpoint
        ? paths.studentCheckpoint(project.id, e.checkpoint.id, e.attempt?.id)
        : null,
      responses: parseResponses(e.responses),
      supportNeeded: e.supportNeeded,
      supportResolved: Boolean(e.supportResolvedAt),
      confidence: confidenceLabel(e.confidence),
      comments: e.comments.map((c) => ({ id: c.id, authorName: teacherName(c.author), versions: c.versions, goal: goal(c.id) })),
    })),
    forms: [free, ...promptForms],
    projectComments: projectComments.map((c) => ({ ...c, goal: goal(c.id) })),
    waiting: waiting.map((w) => ({ ...w, href: `${paths.studentCheckpoint(project.id, w.checkpointId, w.attemptId)}#reflect` })),
    elsewhere,
    justAdded: added ? { formKey: journalFormKey(added), entryId: added.id } : null,
  };
}

export const action = keepsFormOnFailure(async ({ request, params }: ActionFunctionArgs) => {
  const { student, project } = await requireStudentProject(request, params);
  const formData = await readForm(request);
  const intent = formData.get("intent");
  if (intent === DISMISS_REFLECTION_INTENT) {
    const dismissed = await dismissReflection(student.id, project.id, String(formData.get("attemptId") ?? ""));
    if (!dismissed) return data({ formId: null, message: NOT_FOUND.ownAttempt }, { status: 400 });
    return redirect(`${paths.journal(project.id)}#waiting-title`);
  }
  if (intent !== SAVE_DRAFT_INTENT && intent !== ADD_ENTRY_INTENT) {
    return data({ formId: null, message: "We didn't understand that request. Reload the page and try again." }, { status: 400 });
  }
  const result = await handleJournalForm(formData, student.id, project.id);
  if (result.kind === "added") return redirect(addedLocation(request, result));
  return data(result, { status: result.kind === "invalid" ? 400 : 200 });
});

export default function JournalPage() {
  const { project, entries, forms, elsewhere, justAdded, projectComments, waiting } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <PageHeader
        title="My journal"
        subtitle={`What you tried, noticed and learned in ${project.title}. Only you and your teacher can read it.`}
        actions={
          <Link to={paths.recoveries(project.id)} className="rounded-md border border-slate-400 bg-white px-4 py-2 text-sm font-medium no-underline hover:bg-slate-100">
            My recoveries
          </Link>
        }
      />
      <div className="grid gap-6 lg:grid-cols-5">
        <div className="space-y-6 lg:col-span-3">
          {/* A message about the page (a form's own answers show in that form). */}
          <FormAlert message={actionData && "message" in actionData && !actionData.formId ? actionData.message : null} />
          {waiting.length ? (
            <section aria-labelledby="waiting-title" className="rounded-lg border border-dashed border-brand-600 bg-brand-50 p-5">
              <h2 id="waiting-title" className="text-lg font-semibold">
                Reflections waiting for you
              </h2>
              <p className="mt-1 text-sm text-slate-700">
                Each &ldquo;not yet&rdquo; is worth a few lines: what happened, and what you&apos;d try next. They wait here until you write them or say &ldquo;not now&rdquo;.
              </p>
              <ul className="mt-3 space-y-2">
                {waiting.map((w) => (
                  <li key={w.attemptId} className="flex flex-wrap items-center gap-3">
                    <Link to={w.href} className="font-medium underline">
                      Reflect on {w.checkpointTitle}, attempt {w.number}
                    </Link>
                    <span className="text-sm text-slate-700">{formatDateTime(w.createdAt)}</span>
                    <Form method="post">
                      <input type="hidden" name="attemptId" value={w.attemptId} />
                      <SubmitButton
                        intent={DISMISS_REFLECTION_INTENT}
                        variant="secondary"
                        className="px-3 py-1"
                        pendingText="Saving…"
                        aria-label={`Not now: skip the reflection on ${w.checkpointTitle}, attempt ${w.number}`}
                      >
                        Not now
                      </SubmitButton>
                    </Form>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {projectComments.length ? (
            <section aria-labelledby="project-comments-title" className="space-y-2">
              <h2 id="project-comments-title" className="text-lg font-semibold">
                From your teacher, on your work in this project
              </h2>
              <StudentComments comments={projectComments} context="your work in this project" />
            </section>
          ) : null}
          <section aria-labelledby="entries-title">
            <h2 id="entries-title" className="mb-3 text-lg font-semibold">
              Entries
            </h2>
            {entries.length === 0 ? (
              <EmptyState>Nothing here yet. Write a first entry — a couple of sentences about what you tried is plenty.</EmptyState>
            ) : (
              <ol className="space-y-4">
                {entries.map((e) => (
                  <li key={e.id}>
                    <article aria-labelledby={`entry-${e.id}-title`} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
                      <header className="flex flex-wrap items-start justify-between gap-2">
                        <div>
                          <h3 id={`entry-${e.id}-title`} className="font-semibold">
                            {e.promptTitle ?? (e.responses.some((r) => r.question) ? "Reflection" : "Free entry")}
                          </h3>
                          <p className="text-sm text-slate-700">
                            {e.checkpointHref ? (
                              <Link to={e.checkpointHref} className="underline">
                                {e.link}
                              </Link>
                            ) : (
                              e.link
                            )} ·{" "}
                            <time dateTime={new Date(e.submittedAt).toISOString()}>{formatDateTime(e.submittedAt)}</time>
                          </p>
                        </div>
                        <div className="flex flex-wrap gap-1">
                          {e.supportNeeded ? <Badge tone="alert">{e.supportResolved ? "Support given" : "Asked for support"}</Badge> : null}
                          {e.confidence ? <Badge tone="info">How sure after feedback: {e.confidence}</Badge> : null}
                        </div>
                      </header>
                      <dl className="mt-3 space-y-2">
                        {e.responses.map((r, i) =>
                          r.question ? (
                            <div key={i}>
                              <dt className="text-sm font-medium text-slate-700">{r.question}</dt>
                              <dd className="whitespace-pre-wrap text-slate-900">{r.answer || <span className="text-slate-600">(left blank)</span>}</dd>
                            </div>
                          ) : (
                            <div key={i}>
                              <dt className="sr-only">Entry</dt>
                              <dd className="whitespace-pre-wrap text-slate-900">{r.answer}</dd>
                            </div>
                          ),
                        )}
                      </dl>
                      {e.comments.length ? (
                        <div className="mt-3 space-y-2">
                          <p className="text-sm font-medium">From your teacher</p>
                          <StudentComments comments={e.comments} context={`your journal entry of ${formatDateTime(e.submittedAt)}`} />
                        </div>
                      ) : null}
                    </article>
                  </li>
                ))}
              </ol>
            )}
          </section>
        </div>

        <div className="space-y-6 lg:col-span-2">
          {elsewhere.length ? (
            <Card title="Unfinished reflections">
              <ul className="space-y-1 text-sm">
                {elsewhere.map((d) => (
                  <li key={d.id}>
                    <Link to={d.href} className="underline">
                      {d.label}
                    </Link>{" "}
                    <span className="text-slate-600">· saved {formatDateTime(d.updatedAt)}</span>
                  </li>
                ))}
              </ul>
            </Card>
          ) : null}
          <Card title="Write in your journal">
            <p className="-mt-1 mb-4 text-sm text-slate-700">Drafts save as you type, so you can close the tab and come back.</p>
            <div className="space-y-8">
              {forms.map((f) => (
                <JournalEntryForm
                  key={`${f.formKey}-${justAdded?.formKey === f.formKey ? justAdded.entryId : ""}`}
                  view={f}
                  actionData={actionData}
                  justAdded={justAdded?.formKey === f.formKey}
                  freeLabel="What's on your mind about this project?"
                />
              ))}
            </div>
          </Card>
        </div>
      </div>
    </>
  );
}
