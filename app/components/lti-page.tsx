// The page of the LTI login and launch routes (decision 023): nothing to show
// on a plain visit, a refused launch or login said under the same title, and
// the way on in a new tab when the LMS's frame cannot hold a sign-in.
import { isRouteErrorResponse, useActionData, useRouteError } from "@remix-run/react";
import { buttonClass } from "~/components/form";
import { Card, PageHeader } from "~/components/ui";
import { LTI_REFUSAL_WORDS } from "~/domain/labels";

function LtiMessage({ message, alert }: { message: string; alert?: boolean }) {
  return (
    <>
      <PageHeader title="Opening Rebound from your LMS" />
      <Card>{alert ? <p role="alert">{message}</p> : <p>{message}</p>}</Card>
    </>
  );
}

export function LtiPage() {
  const answer = useActionData<{ continueAt?: string }>();
  if (answer?.continueAt) {
    return (
      <>
        <PageHeader title="Rebound opens in a new tab" />
        <Card>
          <p>Your browser keeps sites shown inside the LMS page from signing you in, so Rebound continues in a tab of its own.</p>
          <p className="mt-4">
            {/* A plain link in a new tab: first-party there, so the sign-in holds. */}
            <a href={answer.continueAt} target="_blank" rel="noopener noreferrer" className={buttonClass()}>
              Open Rebound in a new tab
            </a>
          </p>
          <p className="mt-3 text-sm text-slate-700">The link works once, for two minutes. If it has run out, open Rebound from your course again.</p>
        </Card>
      </>
    );
  }
  return <LtiMessage message={LTI_REFUSAL_WORDS.missing} />;
}

/** A refused launch or login: what happened and what to do. */
export function LtiErrorBoundary() {
  const error = useRouteError();
  const message = isRouteErrorResponse(error) && typeof error.data === "string" && error.data ? error.data : LTI_REFUSAL_WORDS.missing;
  return <LtiMessage message={message} alert />;
}
