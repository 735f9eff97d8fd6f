// Continuing an LMS launch in a new tab (decision 023): the launch came inside
// the LMS's frame from a browser that keeps cookies away from framed sites, so
// it left a one-time code (app/models/lti/handoff.server.ts). Here, first-party,
// the person sees whose account it is and continues with one click.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { LtiErrorBoundary } from "~/components/lti-page";
import { startSession } from "~/auth/session.server";
import { SubmitButton } from "~/components/form";
import { Card, PageHeader } from "~/components/ui";
import { findHandoff, useHandoff } from "~/models/lti/handoff.server";
import { keepsFormOnFailure } from "~/utils/action-failure.server";
import { readForm } from "~/utils/form.server";

export const meta: MetaFunction = () => [{ title: "Continue from your LMS · Rebound" }];

const GONE = "This link has been used or has run out (it lasts two minutes). Open Rebound from your course in the LMS again.";
/** The page's error boundary says it. */
const gone = () => new Response(GONE, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

export async function loader({ request }: LoaderFunctionArgs) {
  const code = new URL(request.url).searchParams.get("code") ?? "";
  const handoff = await findHandoff(code);
  if (!handoff) throw gone();
  return { code, name: handoff.user.name };
}

export const action = keepsFormOnFailure(async ({ request }: ActionFunctionArgs) => {
  const form = await readForm(request);
  const used = await useHandoff(String(form.get("code") ?? ""));
  if (!used) throw gone();
  return startSession(request, used.userId, used.redirectTo);
});

export default function ContinueFromLms() {
  const { code, name } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title="Continue from your LMS" />
      <Card>
        <Form method="post" className="space-y-4">
          <input type="hidden" name="code" value={code} />
          <p>
            Your LMS opened Rebound for <strong>{name}</strong>. If that is you, continue; if not, close this tab.
          </p>
          <SubmitButton pendingText="Signing in…">Continue as {name}</SubmitButton>
        </Form>
      </Card>
    </>
  );
}

export const ErrorBoundary = LtiErrorBoundary;
