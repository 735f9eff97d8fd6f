import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { FormAlert, resultFor } from "~/components/form";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { randomUUID } from "node:crypto";
import { JournalEntryForm, skipDraftRevalidation } from "~/components/journal-entry-form";
import { AnswerForm, AttemptFeedback, AttemptHistory } from "~/components/student-checkpoint";
import { Card, Notice, PageHeader } from "~/components/ui";
import { parseSpec } from "~/domain/checkpoint-spec";
import { journalFormKey, journalFormView, type JournalContext, type JournalFormView } from "~/domain/journal-entry";
import { attemptsLeft, cellState, describeCell } from "~/domain/progress";
import { parseQuestions } from "~/domain/reflection-templates";
import { checkpointPositionLabel, describeAttemptsLeft, studentView, usedUpMessage } from "~/domain/student-path";
import { NOT_FOUND } from "~/domain/labels";
import { attemptView, findProjectCheckpoint, listOwnAttempts, selfAssess, submitAttempt, type SelfAssessResult, type SubmitAttemptResult } from "~/models/attempt.server";
import {
  addedLocation,
  fallbackReflectionQuestions,
  findOwnDrafts,
  findOwnEntry,
  handleJournalForm,
  listLivePrompts,
  listOwnEntriesOnAttempt,
} from "~/models/journal.server";
import { dismissReflection, reflectionStatusOf } from "~/models/pending-reflection.server";
import { plansForCheckpoint, recordPlanFollowUp, type FollowUpResultOf } from "~/models/plans.server";
import { PLAN_FOLLOW_UP_INTENT, planFollowUpSchema } from "~/schemas/plan";
import { PlanFollowUps, PlansBeside, planFormId } from "~/components/plans";
import { listCheckpointTitles, requireStudentProject } from "~/models/project.server";
import { markCommentsRead } from "~/models/comment.server";
import { deliverLaterMembers } from "~/models/group-feedback.server";
import { goalSourcesInProject } from "~/models/learning-goal.server";
import { ATTEMPT_INTENT, DISMISS_REFLECTION_INTENT, SELF_ASSESS_INTENT, attemptSchema, selfAssessmentSchema } from "~/schemas/attempt";
import { ADD_ENTRY_INTENT, SAVE_DRAFT_INTENT } from "~/schemas/journal";
import { notFound } from "~/utils/http.server";
import { parseSubmission } from "~/utils/submission";
import type { StudentProjectHandle } from "~/routes/learn.projects.$projectId";
import { paths } from "~/utils/paths";
import { RichText, type ImageSource } from "~/components/rich-text";
import { readForm } from "~/utils/form.server";
import { keepsFormOnFailure } from "~/utils/action-failure.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.checkpoint.title} · ${data.project.title} · Rebound` : "Checkpoint · Rebound" },
];

export const handle: StudentProjectHandle = {
  breadcrumb: (project) => [{ label: project.title, to: paths.studentProject(project.id) }],
};

export const shouldRevalidate = skipDraftRevalidation;

/** What the student reads when their own check is not stored (the rules are decision 007's). */
const SELF_CHECK_REFUSED: Record<Extract<SelfAssessResult, { ok: false }>["reason"], string> = {
  "attempt-not-found": "We couldn't find that answer among yours on this checkpoint.",
  "teacher-marked": "Your teacher has already checked this answer, so their check is the one that counts.",
  "said-not-yet": "You said “not yet” on this attempt. Revise your answer and try again: a new attempt is how it becomes “got it”.",
  "already-got-it": "You already said you've got it.",
};

/** What the student reads when how a plan went is not stored. */
const FOLLOW_UP_REFUSED: Record<Extract<FollowUpResultOf, { ok: false }>["reason"], string> = {
  "plan-not-found": "We couldn't find that plan among yours. Reload the page and try again.",
  "not-tried-yet": "Make your next attempt first, then say how the plan went.",
  "other-attempt": "That plan was for another attempt. Reload the page to see which one.",
  "invalid-result": "Choose how the plan went.",
};

/** What the student reads when an attempt is not stored. */
function attemptRefused(result: Extract<SubmitAttemptResult, { ok: false }>, maxAttempts: number): string {
  switch (result.reason) {
    case "archived":
      return "This checkpoint has been retired by your teacher.";
    case "not-ready":
      return "This checkpoint isn't ready yet.";
    case "used-up":
      return usedUpMessage(maxAttempts);
    case "invalid":
      return result.message;
  }
}

async function findCheckpointForStudent(request: Request, params: LoaderFunctionArgs["params"], context?: LoaderFunctionArgs["context"]) {
  const { student, project } = await requireStudentProject(request, params, context);
  const checkpoint = await findProjectCheckpoint(project.id, params.checkpointId ?? "");
  if (!checkpoint || !checkpoint.versions[0]) notFound(NOT_FOUND.checkpoint);
  return { student, project, checkpoint, latest: checkpoint.versions[0] };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { student, project, checkpoint, latest } = await findCheckpointForStudent(request, params, context);
  const own = await listOwnAttempts(student.id, checkpoint.id);
  const archived = Boolean(checkpoint.archivedAt);
  // A retired checkpoint takes no new attempts, but the student's own history of it stays readable.
  if (archived && own.length === 0) notFound("This checkpoint has been retired by your teacher.");

  const url = new URL(request.url);
  const goalsFrom = await goalSourcesInProject(student.id, project.id);
  // The comments on this page are shown now: the first time is recorded (decision 018).
  await markCommentsRead(student.id, own.flatMap((a) => a.comments));
  const goalLink = (from: { comment: string } | { attempt: string }, set: boolean) => ({ href: set ? paths.goals(project.id) : paths.goals(project.id, from), set });
  const history = own.map((a) => {
    const view = attemptView(a, latest.version);
    return {
      ...view,
      reflection: archived ? null : reflectionStatusOf(a),
      goal: view.outcome === "NOT_YET" ? goalLink({ attempt: a.id }, goalsFrom.attempts.has(a.id)) : null,
      comments: view.comments.map((c) => ({ ...c, goal: goalLink({ comment: c.id }, goalsFrom.comments.has(c.id)) })),
    };
  });
  const selected = history.find((a) => a.id === url.searchParams.get("attempt")) ?? null;
  const state = cellState(own);
  const left = attemptsLeft(checkpoint.maxAttempts, own.length);

  const [all, prompts, drafts] = await Promise.all([
    listCheckpointTitles(project.id),
    listLivePrompts(project.id, { trigger: { in: ["CHECKPOINT", "AFTER_NOT_YET"] }, checkpointId: checkpoint.id }),
    findOwnDrafts(student.id, project.id),
  ]);
  const live = all.filter((c) => !c.archivedAt);
  const index = live.findIndex((c) => c.id === checkpoint.id);
  const linkTo = (c: (typeof live)[number] | undefined) =>
    c ? { href: paths.studentCheckpoint(project.id, c.id), title: c.versions[0]?.title ?? "Untitled checkpoint" } : null;
  const beside = archived ? [] : prompts.filter((p) => p.trigger === "CHECKPOINT");
  const afterNotYet = prompts.filter((p) => p.trigger === "AFTER_NOT_YET");

  const journalForm = (context: JournalContext, title: string, questions: (string | null)[]) => journalFormView(context, title, questions, drafts);

  // After a "not yet": the teacher's reflection prompts for it, or the four-part journal.
  let reflections: (JournalFormView & { added: boolean })[] = [];
  if (selected?.outcome === "NOT_YET" && !archived) {
    const done = await listOwnEntriesOnAttempt(student.id, project.id, selected.id);
    const forms = afterNotYet.length
      ? afterNotYet.map((p) => journalForm({ promptId: p.id, checkpointId: checkpoint.id, attemptId: selected.id }, p.title, parseQuestions(p.questions)))
      : [journalForm({ promptId: null, checkpointId: checkpoint.id, attemptId: selected.id }, "Reflect on this attempt", fallbackReflectionQuestions())];
    reflections = forms.map((f) => ({ ...f, added: done.some((d) => d.promptId === f.context.promptId) }));
  }
  const besideForms = beside.map((p) => journalForm({ promptId: p.id, checkpointId: checkpoint.id, attemptId: null }, p.title, parseQuestions(p.questions)));

  // Plans (decision 017): those waiting for the next attempt here, and those tried on each attempt here.
  const plans = await plansForCheckpoint(student.id, project, checkpoint.id, all);
  const selectedPlans = selected ? (plans.triedOn[selected.id] ?? []) : [];
  // Plans tried on an attempt that is not the one shown, still waiting to be followed up.
  const otherFollowUps = history
    .filter((a) => a.id !== selected?.id)
    .flatMap((a) => {
      const due = (plans.triedOn[a.id] ?? []).filter((p) => p.status === "to-follow-up");
      return due.length ? [{ attemptId: a.id, attemptNumber: a.number, plans: due }] : [];
    });

  const addedId = url.searchParams.get("added");
  const added = addedId ? await findOwnEntry(student.id, project.id, addedId) : null;

  return {
    project: { id: project.id, title: project.title, classroomName: project.classroom.name },
    checkpoint: {
      id: checkpoint.id,
      title: latest.title,
      prompt: latest.prompt,
      archived,
      position: index >= 0 ? checkpointPositionLabel(index, live.length) : null,
      maxAttempts: checkpoint.maxAttempts,
    },
    view: archived ? null : studentView(parseSpec(latest.spec)),
    submissionKey: randomUUID(),
    state: describeCell(state),
    gotIt: state.status === "GOT_IT",
    attemptsLeft: left,
    attemptsLeftText: describeAttemptsLeft(left),
    history,
    selected,
    previous: index > 0 ? linkTo(live[index - 1]) : null,
    next: index >= 0 ? linkTo(live[index + 1]) : null,
    reflections,
    besideForms,
    justAdded: added ? { formKey: journalFormKey(added), entryId: added.id } : null,
    plansBeside: archived ? [] : plans.beside,
    selectedPlans,
    otherFollowUps,
  };
}

export const action = keepsFormOnFailure(async ({ request, params }: ActionFunctionArgs) => {
  const { student, project, checkpoint, latest } = await findCheckpointForStudent(request, params);
  const formData = await readForm(request);
  const intent = formData.get("intent");

  if (intent === SAVE_DRAFT_INTENT || intent === ADD_ENTRY_INTENT) {
    const result = await handleJournalForm(formData, student.id, project.id);
    if (result.kind === "added") {
      // Back to the feedback the reflection was written beside.
      const attemptId = formData.get("attemptId");
      return redirect(addedLocation(request, result, { attempt: typeof attemptId === "string" ? attemptId : null }));
    }
    return data(result, { status: result.kind === "invalid" ? 400 : 200 });
  }

  if (intent === DISMISS_REFLECTION_INTENT) {
    const attemptId = String(formData.get("attemptId") ?? "");
    const dismissed = await dismissReflection(student.id, project.id, attemptId);
    if (!dismissed) return data({ formId: "dismiss", message: NOT_FOUND.ownAttempt }, { status: 400 });
    return redirect(`${paths.studentCheckpoint(project.id, checkpoint.id)}#history-title`);
  }

  if (intent === PLAN_FOLLOW_UP_INTENT) {
    const submission = parseSubmission(formData, { schema: planFollowUpSchema });
    const planId = String(formData.get("planId") ?? "");
    const formId = planFormId(planId);
    if (submission.status !== "success") return data({ formId, ok: false, message: "Choose how the plan went." }, { status: 400 });
    const saved = await recordPlanFollowUp(student.id, project, submission.value);
    if (!saved.ok) return data({ formId, ok: false, message: FOLLOW_UP_REFUSED[saved.reason] }, { status: 400 });
    // With JavaScript (a fetcher) the page updates in place; without, back to the attempt.
    if (formData.get("via") === "fetcher") return data({ formId, ok: true, message: null });
    return redirect(`${paths.studentCheckpoint(project.id, saved.checkpointId, saved.attemptId)}#${formId}`);
  }

  if (checkpoint.archivedAt) notFound("This checkpoint has been retired by your teacher, so it takes no new attempts. Your earlier attempts are kept.");
  if (intent === SELF_ASSESS_INTENT) {
    const submission = parseSubmission(formData, { schema: selfAssessmentSchema });
    if (submission.status !== "success") return data({ formId: "self-assess", reply: submission.reply() }, { status: 400 });
    const saved = await selfAssess(student.id, checkpoint.id, submission.value.attemptId, submission.value.verdict);
    if (!saved.ok) return data({ formId: "self-assess", reply: submission.reply({ formErrors: [SELF_CHECK_REFUSED[saved.reason]] }) }, { status: 400 });
    return redirect(`${paths.studentCheckpoint(project.id, checkpoint.id, submission.value.attemptId)}#feedback`);
  }

  if (intent === ATTEMPT_INTENT) {
    const spec = parseSpec(latest.spec);
    const submission = parseSubmission(formData, { schema: attemptSchema(spec) });
    if (submission.status !== "success") return data({ formId: "attempt", reply: submission.reply() }, { status: 400 });
    const v = submission.value;
    // A database that takes no changes is answered by keepsFormOnFailure: the form comes back with the answer in it, saying nothing was saved.
    const result = await submitAttempt(student.id, checkpoint, {
      optionIds: v.optionIds,
      value: v.numericAnswer,
      text: v.textAnswer,
      submissionKey: v.submissionKey,
      confidence: v.confidence,
    });
    if (!result.ok) return data({ formId: "attempt", reply: submission.reply({ formErrors: [attemptRefused(result, checkpoint.maxAttempts ?? 0)] }) }, { status: 400 });
    // The new attempt may put the student in a group the teacher wrote feedback for (decision 018).
    if (!result.duplicate) await deliverLaterMembers(project.id, student.id);
    return redirect(`${paths.studentCheckpoint(project.id, checkpoint.id, result.attempt.id)}#feedback`);
  }

  return data({ formId: null, message: "We didn't understand that request. Reload the page and try again." }, { status: 400 });
}, (form) =>
  form.get("intent") === PLAN_FOLLOW_UP_INTENT ? planFormId(String(form.get("planId") ?? "")) : (FORM_OF_INTENT[String(form.get("intent"))] ?? null),
);

/** The form each intent's answers belong to (journal forms post their own formId). */
const FORM_OF_INTENT: Record<string, string> = { [ATTEMPT_INTENT]: "attempt", [SELF_ASSESS_INTENT]: "self-assess", [DISMISS_REFLECTION_INTENT]: "dismiss" };

export default function CheckpointPage() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const attempt = resultFor(actionData, "attempt");
  const attemptReply = attempt && "reply" in attempt ? attempt.reply : undefined;
  const selfAssessed = resultFor(actionData, "self-assess");
  const selfAssessError = selfAssessed && "reply" in selfAssessed ? (selfAssessed.reply.error?.[""] ?? selfAssessed.reply.error?.verdict ?? null) : null;
  const dismissed = resultFor(actionData, "dismiss");
  const dismissError = dismissed && "message" in dismissed ? dismissed.message : null;
  const usedUp = d.attemptsLeft === 0;
  const planResult = actionData && "ok" in actionData ? actionData : null;
  const projectHref = paths.studentProject(d.project.id);

  return (
    <>
      <PageHeader
        title={d.checkpoint.title}
        subtitle={
          <>
            {d.checkpoint.position ? `${d.checkpoint.position} · ` : ""}
            Where you are: {d.state}
          </>
        }
        actions={
          <Link to={paths.journal(d.project.id)} className="text-sm">
            My journal for this project
          </Link>
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card title="The question">
            <RichText text={d.checkpoint.prompt} imageSrc={studentImages(d.project.id)} className="whitespace-pre-wrap text-slate-900" />
          </Card>
          <PlansBeside plans={d.plansBeside} />

          {d.checkpoint.archived ? (
            <Notice tone="info" title="Your teacher has retired this checkpoint">
              It takes no new attempts, and everything you did on it is kept below.
            </Notice>
          ) : null}

          {d.selected ? (
            <AttemptFeedback
              attempt={d.selected}
              attemptsLeftText={d.attemptsLeftText}
              next={d.next}
              canAssess={!d.checkpoint.archived}
            />
          ) : null}
          <FormAlert message={selfAssessError} />
          {d.selected ? <PlanFollowUps plans={d.selectedPlans} attemptId={d.selected.id} attemptNumber={d.selected.number} actionData={planResult} /> : null}
          {d.otherFollowUps.map((f) => (
            <PlanFollowUps key={f.attemptId} plans={f.plans} attemptId={f.attemptId} attemptNumber={f.attemptNumber} actionData={planResult} />
          ))}

          <FormAlert message={dismissError} />
          {d.reflections.length ? (
            <Card title="Reflect on this attempt" id="reflect">
              <p className="-mt-1 mb-4 text-sm text-slate-700">
                A few honest lines now make the next attempt easier. This goes into your journal, linked to attempt {d.selected?.number}.
              </p>
              <div className="space-y-6">
                {d.reflections.map((r) =>
                  r.added ? (
                    <Notice key={r.formKey} tone="good" title={r.title}>
                      Added to your journal.{" "}
                      <Link to={paths.journal(d.project.id)} className="underline">
                        Read it in your journal
                      </Link>
                      .
                    </Notice>
                  ) : (
                    <JournalEntryForm key={r.formKey} view={r} actionData={actionData} />
                  ),
                )}
              </div>
            </Card>
          ) : null}

          {d.view ? (
            <Card title={d.history.length === 0 ? "Have a go" : d.gotIt ? "Try it again if you like" : "Try again"}>
              {usedUp ? (
                <p className="text-slate-800">{usedUpMessage(d.checkpoint.maxAttempts ?? 0)}</p>
              ) : (
                <AnswerForm
                  key={d.submissionKey}
                  view={d.view}
                  submissionKey={d.submissionKey}
                  lastResult={attemptReply}
                  hasAttempts={d.history.length > 0}
                  attemptsLeftText={d.attemptsLeftText}
                />
              )}
            </Card>
          ) : null}

          <AttemptHistory attempts={d.history} />
        </div>

        <div className="space-y-6">
          {d.besideForms.length ? (
            <Card title="Think it through">
              <div className="space-y-6">
                {d.besideForms.map((f) => (
                  <JournalEntryForm
                    key={`${f.formKey}-${d.justAdded?.formKey === f.formKey ? d.justAdded.entryId : ""}`}
                    view={f}
                    actionData={actionData}
                    justAdded={d.justAdded?.formKey === f.formKey}
                  />
                ))}
              </div>
            </Card>
          ) : null}
          <nav aria-label="Checkpoints" className="rounded-lg border border-slate-200 bg-white p-5 text-sm shadow-sm">
            <ul className="space-y-2">
              {d.previous ? (
                <li>
                  <Link to={d.previous.href}>
                    <span aria-hidden="true">←</span> Previous: {d.previous.title}
                  </Link>
                </li>
              ) : null}
              {d.next ? (
                <li>
                  <Link to={d.next.href}>
                    Next: {d.next.title} <span aria-hidden="true">→</span>
                  </Link>
                </li>
              ) : null}
              <li>
                <Link to={projectHref}>All checkpoints in {d.project.title}</Link>
              </li>
            </ul>
          </nav>
        </div>
      </div>
    </>
  );
}

/** Stored pictures of this project, through the student's own image route. */
const studentImages =
  (projectId: string): ImageSource =>
  (ref) =>
    ref.startsWith("image:") ? paths.questionImage("learn", projectId, ref.slice("image:".length)) : null;
