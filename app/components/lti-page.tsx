// The page of the LTI login and launch routes (decision 023): nothing to show
// on a plain visit, a refused launch or login said under the same title, and
// the way on in a new tab when the LMS's frame cannot hold a sign-in (the
// same login, started again top-level).
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
  const answer = useActionData<{ openInTab?: string }>();
  if (answer?.openInTab) {
    return (
      <>
        <PageHeader title="Rebound opens in a new tab" />
        <Card>
          <p>Your browser keeps sites shown inside the LMS page from signing you in, so Rebound opens in a tab of its own.</p>
          <p className="mt-4">
            {/* The same login again, top-level: the LMS says who is there, and the cookie is first-party. */}
            <a href={answer.openInTab} target="_blank" rel="noopener noreferrer" className={buttonClass()}>
              Open Rebound in a new tab
            </a>
          </p>
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
