// The page of the LTI login and launch routes (decision 023): nothing to show
// on a plain visit, and a refused launch or login said under the same title.
import { isRouteErrorResponse, useRouteError } from "@remix-run/react";
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
  return <LtiMessage message={LTI_REFUSAL_WORDS.missing} />;
}

/** A refused launch or login: what happened and what to do. */
export function LtiErrorBoundary() {
  const error = useRouteError();
  const message = isRouteErrorResponse(error) && typeof error.data === "string" && error.data ? error.data : LTI_REFUSAL_WORDS.missing;
  return <LtiMessage message={message} alert />;
}
