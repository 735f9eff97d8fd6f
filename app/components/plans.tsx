// A student's plans on their pages (decision 017): "Your plan: …" beside the
// question before the next attempt, one tap after it to say how it went, and
// the list on the recoveries page. The follow-up is a plain form post without
// JavaScript; with it, a fetcher posts it and the page updates in place.
import { Link, useFetcher } from "@remix-run/react";
import { useEffect, useState } from "react";
import { FormAlert, buttonClass } from "~/components/form";
import { formatDateTime } from "~/components/ui";
import { FOLLOW_UP_RESULTS } from "~/domain/plans";
import { FOLLOW_UP_WORDS, planStatusWords } from "~/domain/labels";
import type { OwnPlanView } from "~/models/plans.server";
import { PLAN_FOLLOW_UP_INTENT } from "~/schemas/plan";
import { paths } from "~/utils/paths";

export const planFormId = (planId: string) => `plan-${planId}`;

/** Plans waiting for the next attempt, shown beside the question. */
export function PlansBeside({ plans }: { plans: OwnPlanView[] }) {
  if (plans.length === 0) return null;
  return (
    <section aria-labelledby="your-plan-title" className="rounded-lg border border-brand-100 bg-brand-50 p-4">
      <h2 id="your-plan-title" className="text-base font-semibold text-brand-800">
        {plans.length === 1 ? "Your plan" : "Your plans"}
      </h2>
      <ul className="mt-2 space-y-2">
        {plans.map((p) => (
          <li key={p.id}>
            <p className="whitespace-pre-wrap text-slate-900">
              <span className="font-medium">Your plan: </span>
              {p.text}
            </p>
            <p className="text-sm text-slate-700">
              {p.checkpointTitle ? "Written for this checkpoint" : "Written about the whole project"} on {formatDateTime(p.writtenAt)}. After your next attempt you can say how it went.
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}

type FollowUpData = { formId: string | null; ok: boolean; message?: string | null };

/** One plan tried on an attempt: how it went, or three buttons to say so. */
function FollowUpForm({ plan, attemptId, actionData }: { plan: OwnPlanView; attemptId: string; actionData?: FollowUpData | null }) {
  const fetcher = useFetcher<FollowUpData>();
  // "fetcher" only once JavaScript runs: the action then answers with data instead of a redirect.
  const [via, setVia] = useState("form");
  useEffect(() => setVia("fetcher"), []);
  const formId = planFormId(plan.id);
  const sending = fetcher.state !== "idle" ? fetcher.formData?.get("result") : null;
  const result = typeof sending === "string" && sending in FOLLOW_UP_WORDS ? (sending as keyof typeof FOLLOW_UP_WORDS) : plan.result;
  const error = [fetcher.data, actionData].find((d) => d?.formId === formId && !d.ok)?.message ?? null;
  return (
    <li id={formId} className="rounded-md border border-slate-200 bg-white p-3">
      <p className="whitespace-pre-wrap">
        <span className="font-medium">Your plan: </span>
        {plan.text}
      </p>
      <div role="status" aria-live="polite" className="mt-1 text-sm text-slate-800">
        {result ? FOLLOW_UP_WORDS[result].said : null}
      </div>
      <fetcher.Form method="post" className="mt-2" preventScrollReset>
        <input type="hidden" name="intent" value={PLAN_FOLLOW_UP_INTENT} />
        <input type="hidden" name="planId" value={plan.id} />
        <input type="hidden" name="attemptId" value={attemptId} />
        <input type="hidden" name="via" value={via} />
        <fieldset>
          <legend className="text-sm font-semibold">{result ? "Changed your mind? Say it again." : "Did you try it on this attempt?"}</legend>
          <div className="mt-2 flex flex-wrap gap-2">
            {FOLLOW_UP_RESULTS.map((r) => (
              <button
                key={r}
                type="submit"
                name="result"
                value={r}
                aria-pressed={result === r}
                disabled={fetcher.state !== "idle"}
                className={`${buttonClass(result === r ? "primary" : "secondary")} px-3 py-1 text-sm`}
              >
                {FOLLOW_UP_WORDS[r].button}
              </button>
            ))}
          </div>
        </fieldset>
      </fetcher.Form>
      <FormAlert message={error} />
    </li>
  );
}

/** After an attempt: the plans it was for, each with its follow-up. */
export function PlanFollowUps({ plans, attemptNumber, attemptId, actionData }: { plans: OwnPlanView[]; attemptNumber: number; attemptId: string; actionData?: FollowUpData | null }) {
  if (plans.length === 0) return null;
  return (
    <section aria-labelledby={`plan-follow-up-${attemptId}`} className="rounded-lg border border-slate-200 bg-slate-50 p-4">
      <h2 id={`plan-follow-up-${attemptId}`} className="text-base font-semibold">
        How did your plan go on attempt {attemptNumber}?
      </h2>
      <p className="text-sm text-slate-700">One tap. Your teacher sees it, and it shows on your recoveries page.</p>
      <ul className="mt-3 space-y-3">
        {plans.map((p) => (
          <FollowUpForm key={p.id} plan={p} attemptId={attemptId} actionData={actionData} />
        ))}
      </ul>
    </section>
  );
}

/** Every plan the student wrote in the project, and how it went (the recoveries page). */
export function PlanList({ plans, projectId }: { plans: OwnPlanView[]; projectId: string }) {
  if (plans.length === 0) {
    return (
      <p className="text-slate-700">
        No plans yet. When you answer “What would I do differently?” in a reflection, your answer becomes a plan, and it shows beside the question at your next attempt.
      </p>
    );
  }
  return (
    <ul className="space-y-3">
      {plans.map((p) => (
        <li key={p.id} className="rounded-md border border-slate-200 bg-white p-4">
          <p className="whitespace-pre-wrap">
            <span className="font-medium">Your plan: </span>
            {p.text}
          </p>
          <p className="mt-1 text-sm text-slate-700">
            {p.checkpointTitle ? `For ${p.checkpointTitle}` : "About the whole project"} · written {formatDateTime(p.writtenAt)}
          </p>
          <p className="mt-1 text-sm text-slate-900">
            {p.triedOn ? `Next attempt: ${p.triedOn.checkpointTitle}, attempt ${p.triedOn.number}. ` : ""}
            {planStatusWords(p.status, p.checkpointTitle)}
          </p>
          {p.status === "to-follow-up" && p.triedOn ? (
            <Link to={`${paths.studentCheckpoint(projectId, p.triedOn.checkpointId, p.triedOn.id)}#plan-follow-up-${p.triedOn.id}`} className="text-sm">
              Say how it went<span className="sr-only"> (plan written {formatDateTime(p.writtenAt)})</span>
            </Link>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
