import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form, Link } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { ConfidenceScale } from "~/components/confidence-scale";
import { ErrorList, SubmitButton, TextareaField, FormAlert } from "~/components/form";
import { OutcomeBadge } from "~/components/outcome-badge";
import { RichText } from "~/components/rich-text";
import { TeacherCommentView, type CommentVersionView } from "~/components/teacher-comment";
import { formatDateTime } from "~/components/ui";
import type { CheckpointKind } from "~/domain/checkpoint-spec";
import { MAX_TEXT_ANSWER, type Outcome } from "~/domain/grading";
import { confidenceLabel } from "~/domain/journal-entry";
import type { SelfCheckState } from "~/domain/self-check";
import { outcomeWording, type StudentCheckpointView } from "~/domain/student-path";
import { ATTEMPT_INTENT, DISMISS_REFLECTION_INTENT, MAX_NUMERIC_ANSWER, SELF_ASSESS_INTENT } from "~/schemas/attempt";

type ReflectionStatus = "pending" | "written" | "dismissed";

/** One attempt as its student sees it, read against the version it answered. */
export interface AttemptView {
  id: string;
  number: number;
  createdAt: Date | string;
  kind: CheckpointKind;
  answerText: string;
  /** The outcome that counts (teacher mark over self-assessment); null while waiting. */
  outcome: Outcome | null;
  feedback: string[];
  nextSteps: string[];
  version: { number: number; title: string; prompt: string; isLatest: boolean };
  selfVerdict: Outcome | null;
  /** What the student may still say about a short answer with no outcome from a rule (decision 007). */
  selfCheck: SelfCheckState | null;
  teacherMark: { verdict: Outcome; note: string } | null;
  /** "How sure are you?" given with the answer, before its outcome. */
  confidence: number | null;
  /** For a "not yet": whether its reflection is still waiting, written or dismissed. */
  reflection?: ReflectionStatus | null;
  modelAnswer: string | null;
  comments: StudentCommentView[];
  /** Where to set a learning goal from this attempt (a "not yet"), or that one is set already. */
  goal?: GoalLink | null;
}

/** A link to set a learning goal from a comment or a "not yet"; `set` when the student already did. */
export interface GoalLink {
  href: string;
  set: boolean;
}

/** A teacher's comment as its student reads it. */
export interface StudentCommentView {
  id: string;
  authorName: string;
  versions: CommentVersionView[];
  /** Why it came (feedback the teacher wrote for a group), in the student's words. */
  fromGroup?: string | null;
  goal?: GoalLink | null;
}

/** "Set a learning goal from this", or a link to the goal already set. */
export function GoalLinkView({ goal, context }: { goal: GoalLink | null | undefined; context: string }) {
  if (!goal) return null;
  return (
    <p className="mt-2 text-sm">
      <Link to={goal.href}>
        {goal.set ? "See the learning goal you set from this" : "Set a learning goal from this"}
        <span className="sr-only"> ({context})</span>
      </Link>
    </p>
  );
}

/** The comments on one attempt or journal entry, each with its goal link. */
export function StudentComments({ comments, context }: { comments: StudentCommentView[]; context: string }) {
  return (
    <>
      {comments.map((c) => (
        <TeacherCommentView key={c.id} authorName={c.authorName} versions={c.versions} note={c.fromGroup}>
          <GoalLinkView goal={c.goal} context={`from ${c.authorName}'s comment on ${context}`} />
        </TeacherCommentView>
      ))}
    </>
  );
}

function FeedbackLines({ attempt }: { attempt: AttemptView }) {
  if (attempt.outcome !== "NOT_YET" && attempt.feedback.length === 0 && attempt.nextSteps.length === 0) return null;
  return (
    <>
      {attempt.feedback.length ? (
        <ul className="mt-2 list-disc space-y-1 pl-5">
          {attempt.feedback.map((f) => (
            <li key={f}>{f}</li>
          ))}
        </ul>
      ) : null}
      {attempt.nextSteps.map((step) => (
        <p key={step} className="mt-2">
          <span className="font-medium">Here&apos;s something to try:</span> {step}
        </p>
      ))}
    </>
  );
}

/**
 * Feedback on the attempt just made: announced (role="status") and focused
 * when it appears, so keyboard and screen-reader users land on it.
 */
export function AttemptFeedback({
  attempt,
  attemptsLeftText,
  next,
  canAssess,
}: {
  attempt: AttemptView;
  attemptsLeftText: string | null;
  next: { href: string; title: string } | null;
  canAssess: boolean;
}) {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [attempt.id]);
  const wording = outcomeWording(attempt.outcome);
  const tone =
    attempt.outcome === "GOT_IT"
      ? "border-emerald-300 bg-emerald-50"
      : attempt.outcome === "NOT_YET"
        ? "border-amber-300 bg-amber-50"
        : "border-slate-300 bg-white";
  const isText = attempt.kind === "SHORT_TEXT";
  return (
    <section
      id="feedback"
      ref={ref}
      tabIndex={-1}
      aria-labelledby="feedback-title"
      className={`rounded-lg border p-5 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600 ${tone}`}
    >
      <h2 id="feedback-title" className="text-lg font-semibold">
        Feedback on attempt {attempt.number}
      </h2>
      <div role="status" aria-live="polite" className="mt-2 text-slate-900">
        <p className="flex flex-wrap items-center gap-2">
          <OutcomeBadge outcome={attempt.outcome} />
          <span className="font-medium">
            {isText && attempt.outcome !== null
              ? attempt.teacherMark
                ? `Your teacher's check: ${outcomeWording(attempt.outcome).label}.`
                : attempt.outcome === "GOT_IT"
                  ? "You think you've got it."
                  : "Not yet — and that's useful. Revising is how this works."
              : wording.lead}
          </span>
        </p>
        <FeedbackLines attempt={attempt} />
        {attempt.outcome === "NOT_YET" && attempt.feedback.length === 0 && attempt.nextSteps.length === 0 && !isText ? (
          <p className="mt-2">Here&apos;s something to try: read the question again slowly, and check each step of your working.</p>
        ) : null}
        {attempt.teacherMark?.note ? <p className="mt-2">Your teacher says: {attempt.teacherMark.note}</p> : null}
      </div>
      {isText ? (
        <div className="mt-3 space-y-3">
          <div>
            <h3 className="text-sm font-semibold">Your answer</h3>
            <p className="whitespace-pre-wrap">{attempt.answerText}</p>
          </div>
          {attempt.modelAnswer ? (
            <div>
              <h3 className="text-sm font-semibold">Model answer</h3>
              <p className="whitespace-pre-wrap">{attempt.modelAnswer}</p>
            </div>
          ) : null}
          {canAssess ? <SelfAssessForm attempt={attempt} /> : null}
        </div>
      ) : null}
      {attemptsLeftText && attempt.outcome !== "GOT_IT" ? <p className="mt-3 text-sm">{attemptsLeftText}.</p> : null}
      {attempt.outcome === "GOT_IT" ? (
        <p className="mt-3">
          {next ? (
            <Link to={next.href}>
              Next checkpoint: {next.title} <span aria-hidden="true">→</span>
            </Link>
          ) : (
            "That's the last checkpoint in this project — look back over your path in your journal."
          )}
        </p>
      ) : null}
    </section>
  );
}

function SelfAssessForm({ attempt }: { attempt: AttemptView }) {
  const check = attempt.selfCheck;
  if (!check) return null;
  if (check.status === "closed") {
    return check.reason === "said-not-yet" ? (
      <p className="rounded-md border border-slate-300 bg-white p-3 text-sm">
        You said &ldquo;not yet&rdquo; on this attempt. Revise your answer below: your next attempt is how it becomes &ldquo;got it&rdquo;.
      </p>
    ) : null;
  }
  return (
    <Form method="post" className="rounded-md border border-slate-300 bg-white p-3">
      <input type="hidden" name="intent" value={SELF_ASSESS_INTENT} />
      <input type="hidden" name="attemptId" value={attempt.id} />
      <fieldset>
        <legend className="text-sm font-semibold">
          {check.status === "self-got-it" ? "Spotted a gap since? You can still say so." : "How does your answer compare with the model answer?"}
        </legend>
        <p className="text-sm text-slate-700">
          {check.status === "self-got-it"
            ? "You said: I think I've got it. Your teacher sees every check you make."
            : "Waiting for your check: your teacher sees this answer as unchecked until you choose. A “not yet” is settled by revising, not by changing it later."}
        </p>
        <div className="mt-2 flex flex-wrap gap-2">
          {check.allowed.includes("GOT_IT") ? (
            <SubmitButton name="verdict" value="GOT_IT" pendingText="Saving…">
              I think I&apos;ve got it
            </SubmitButton>
          ) : null}
          <SubmitButton name="verdict" value="NOT_YET" variant="secondary" pendingText="Saving…">
            {check.status === "self-got-it" ? "Actually, not yet — I'll revise" : "Not yet — I'll revise"}
          </SubmitButton>
        </div>
      </fieldset>
    </Form>
  );
}

/** What is still waiting on an attempt in the history: the student's own check, or a reflection. */
function WaitingOnAttempt({ attempt }: { attempt: AttemptView }) {
  const checkPending = attempt.selfCheck?.status === "pending";
  const reflectionPending = attempt.reflection === "pending";
  if (!checkPending && !reflectionPending) return null;
  return (
    <div className="mt-3 flex flex-wrap items-center gap-3 rounded-md border border-dashed border-brand-600 bg-brand-50 p-3 text-sm">
      {checkPending ? (
        <Link to={`?attempt=${attempt.id}#feedback`} className="font-medium underline">
          Waiting for your check: compare attempt {attempt.number} with the model answer
        </Link>
      ) : null}
      {reflectionPending ? (
        <>
          <Link to={`?attempt=${attempt.id}#reflect`} className="font-medium underline">
            Reflect on attempt {attempt.number}
          </Link>
          <Form method="post" className="inline">
            <input type="hidden" name="attemptId" value={attempt.id} />
            <SubmitButton intent={DISMISS_REFLECTION_INTENT} variant="secondary" className="px-3 py-1" pendingText="Saving…" aria-label={`Not now: skip the reflection on attempt ${attempt.number}`}>
              Not now
            </SubmitButton>
          </Form>
        </>
      ) : null}
    </div>
  );
}

/** The answer form for a checkpoint, by kind. A hidden key makes a double submit one attempt. */
export function AnswerForm({
  view,
  submissionKey,
  lastResult,
  hasAttempts,
  attemptsLeftText,
}: {
  view: StudentCheckpointView;
  submissionKey: string;
  lastResult?: SubmissionResult<string[]>;
  hasAttempts: boolean;
  attemptsLeftText: string | null;
}) {
  const [form, fields] = useForm({ id: "attempt", lastResult });
  const submitLabel = view.kind === "SHORT_TEXT" ? "Submit my answer" : "Check my answer";
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-4">
      <input type="hidden" name="submissionKey" value={submissionKey} />
      {view.kind === "MULTIPLE_CHOICE" ? <ChoiceInputs view={view} field={fields.optionIds} /> : null}
      {view.kind === "NUMERIC" ? (
        <NumberInput unit={view.unit} name={fields.numericAnswer.name} initial={fields.numericAnswer.initialValue} errors={fields.numericAnswer.errors} />
      ) : null}
      {view.kind === "SHORT_TEXT" ? (
        <TextareaField
          label="Your answer"
          hint="Write it in your own words. After you submit, you'll see a model answer to compare with."
          errors={fields.textAnswer.errors}
          textareaProps={{
            id: "attempt-text",
            name: fields.textAnswer.name,
            defaultValue: typeof fields.textAnswer.initialValue === "string" ? fields.textAnswer.initialValue : "",
            maxLength: MAX_TEXT_ANSWER,
            rows: 6,
          }}
        />
      ) : null}
      <ConfidenceScale
        idPrefix="attempt"
        name={fields.confidence.name}
        legend="How sure are you? (optional, before you check)"
        initial={typeof fields.confidence.initialValue === "string" ? fields.confidence.initialValue : ""}
        errors={fields.confidence.errors}
      />
      <FormAlert message={form.errors} />
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton intent={ATTEMPT_INTENT} pendingText="Checking…">
          {hasAttempts ? `${submitLabel} again` : submitLabel}
        </SubmitButton>
        {attemptsLeftText ? <span className="text-sm text-slate-700">{attemptsLeftText}</span> : null}
      </div>
    </Form>
  );
}

function ChoiceInputs({
  view,
  field,
}: {
  view: Extract<StudentCheckpointView, { kind: "MULTIPLE_CHOICE" }>;
  field: { name: string; initialValue?: unknown; errors?: string[] };
}) {
  const chosen = new Set(Array.isArray(field.initialValue) ? field.initialValue : typeof field.initialValue === "string" ? [field.initialValue] : []);
  const errorId = field.errors?.length ? "attempt-options-error" : undefined;
  return (
    <fieldset aria-describedby={errorId}>
      <legend className="font-medium text-slate-800">{view.multiple ? "Choose every answer that's right" : "Choose one answer"}</legend>
      {view.multiple ? <p className="text-sm text-slate-600">More than one option is right here.</p> : null}
      <ul className="mt-2 space-y-2">
        {view.options.map((option) => (
          <li key={option.id} className="flex items-start gap-2 rounded-md border border-slate-200 bg-white p-3">
            <input
              type={view.multiple ? "checkbox" : "radio"}
              id={`attempt-option-${option.id}`}
              name={field.name}
              value={option.id}
              defaultChecked={chosen.has(option.id)}
              aria-invalid={errorId ? true : undefined}
              className="mt-1 h-4 w-4"
            />
            <label htmlFor={`attempt-option-${option.id}`} className="flex-1">
              <RichText text={option.text} as="span" />
            </label>
          </li>
        ))}
      </ul>
      <ErrorList id={errorId} errors={field.errors} />
    </fieldset>
  );
}

function NumberInput({ unit, name, initial, errors }: { unit: string; name: string; initial: unknown; errors?: string[] }) {
  const errorId = errors?.length ? "attempt-number-error" : undefined;
  return (
    <div>
      <label htmlFor="attempt-number" className="block font-medium text-slate-800">
        Your answer{unit ? ` (in ${unit})` : ""}
      </label>
      <p id="attempt-number-hint" className="text-sm text-slate-600">
        Type a number, like 12.5 or -3.{unit ? ` The unit, ${unit}, is already there.` : ""}
      </p>
      <div className="mt-1 flex items-center gap-2">
        <input
          type="text"
          inputMode="decimal"
          autoComplete="off"
          id="attempt-number"
          maxLength={MAX_NUMERIC_ANSWER}
          name={name}
          defaultValue={typeof initial === "string" ? initial : ""}
          aria-invalid={errorId ? true : undefined}
          aria-describedby={["attempt-number-hint", errorId].filter(Boolean).join(" ")}
          className="block w-48 rounded-md border border-slate-400 bg-white px-3 py-2 text-slate-900 shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600 aria-[invalid=true]:border-red-700"
        />
        {unit ? <span className="text-slate-800">{unit}</span> : null}
      </div>
      <ErrorList id={errorId} errors={errors} />
    </div>
  );
}

/** Every attempt, newest first, each read against the version it answered. */
export function AttemptHistory({ attempts, headingLevel = 2 }: { attempts: AttemptView[]; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const Sub = headingLevel === 2 ? "h3" : "h4";
  return (
    <section aria-labelledby="history-title">
      <Heading id="history-title" className="mb-3 text-lg font-semibold">
        Your attempts
      </Heading>
      {attempts.length === 0 ? (
        <p className="text-slate-700">No attempts yet. Your first try is where the learning starts.</p>
      ) : (
        <ol className="space-y-3">
          {attempts.map((a) => (
            <li key={a.id} className="rounded-md border border-slate-200 bg-white p-4">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <Sub className="font-semibold">Attempt {a.number}</Sub>
                <span className="flex items-center gap-2 text-sm text-slate-700">
                  <time dateTime={new Date(a.createdAt).toISOString()}>{formatDateTime(a.createdAt)}</time>
                  <OutcomeBadge outcome={a.outcome} />
                </span>
              </div>
              {!a.version.isLatest ? (
                <div className="mt-2 rounded border border-slate-200 bg-slate-50 p-2 text-sm">
                  <p className="text-slate-700">
                    You answered an earlier version of this checkpoint (version {a.version.number}): {a.version.title}
                  </p>
                  <p className="whitespace-pre-wrap text-slate-800">{a.version.prompt}</p>
                </div>
              ) : null}
              <p className="mt-2">
                <span className="font-medium">Your answer:</span> <span className="whitespace-pre-wrap">{a.answerText}</span>
              </p>
              {a.confidence ? <p className="text-sm text-slate-700">How sure you were before checking: {confidenceLabel(a.confidence)}</p> : null}
              <div className="text-sm text-slate-800">
                <FeedbackLines attempt={a} />
                {a.selfVerdict ? (
                  <p className="mt-1">You said: {a.selfVerdict === "GOT_IT" ? "I think I've got it." : "Not yet — I'll revise."}</p>
                ) : null}
                {a.reflection === "written" ? <p className="mt-1">You reflected on this attempt in your journal.</p> : null}
                {a.teacherMark ? (
                  <p className="mt-1">
                    Your teacher&apos;s check: {outcomeWording(a.teacherMark.verdict).label}
                    {a.teacherMark.note ? ` — ${a.teacherMark.note}` : ""}
                  </p>
                ) : null}
              </div>
              <WaitingOnAttempt attempt={a} />
              {a.outcome === "NOT_YET" ? <GoalLinkView goal={a.goal} context={`“not yet” on attempt ${a.number}`} /> : null}
              {a.comments.length ? (
                <div className="mt-3 space-y-2">
                  <p className="text-sm font-medium">From your teacher</p>
                  <StudentComments comments={a.comments} context={`attempt ${a.number}`} />
                </div>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
