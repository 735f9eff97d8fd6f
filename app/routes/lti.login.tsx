// LTI 1.3 third-party login initiation (decision 023): the LMS sends the
// browser here (GET or a cross-site POST; the server exempts this path from
// the Origin check, the platform's signature is checked at the launch) and
// Rebound sends it on to the LMS's authorization address with a state and a
// nonce of its own. Each initiation writes a login state row, so they are
// limited per address (RATE_LIMIT_LTI_LOGIN, decision 010) before anything is
// written.
import { LtiErrorBoundary, LtiPage } from "~/components/lti-page";
import type { ActionFunctionArgs, AppLoadContext, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { checkLimits, clientAddress, countTry, tooManyTries } from "~/auth/rate-limit.server";
import { LTI_REFUSAL_WORDS } from "~/domain/labels";
import { startLogin } from "~/models/lti/launch.server";
import { keepsFormOnFailure } from "~/utils/action-failure.server";
import { readForm } from "~/utils/form.server";
import { paths } from "~/utils/paths";

export const meta: MetaFunction = () => [{ title: "Opening Rebound from your LMS · Rebound" }];

async function login(request: Request, context: AppLoadContext, read: (name: string) => string | null) {
  const address = clientAddress(context);
  const check = await checkLimits([["LTI_LOGIN", address]]);
  if (!check.ok) {
    const { message, headers } = tooManyTries(check.retryAfterSeconds, "sign-ins from your LMS");
    throw refusal(message, headers, 429);
  }
  await countTry([["LTI_LOGIN", address]]);
  const launchUrl = new URL(paths.ltiLaunch(), request.url).toString();
  const result = await startLogin(
    {
      iss: read("iss"),
      loginHint: read("login_hint"),
      targetLinkUri: read("target_link_uri"),
      ltiMessageHint: read("lti_message_hint"),
      clientId: read("client_id"),
      deploymentId: read("lti_deployment_id"),
    },
    launchUrl,
  );
  if (!result.ok) throw refusal(LTI_REFUSAL_WORDS[result.reason]);
  return redirect(result.redirectTo, { headers: { "Set-Cookie": result.cookie, "Cache-Control": "no-store" } });
}

/** A refusal (400, or 429 over the rate limit) with its message: the page's error boundary shows it. */
const refusal = (message: string, headers?: Record<string, string>, status = 400) => new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", ...headers } });

const text = (value: FormDataEntryValue | string | null) => (typeof value === "string" && value.trim() ? value.trim().slice(0, 2000) : null);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const query = new URL(request.url).searchParams;
  return login(request, context, (name) => text(query.get(name)));
}

export const action = keepsFormOnFailure(async ({ request, context }: ActionFunctionArgs) => {
  const form = await readForm(request);
  return login(request, context, (name) => text(form.get(name)));
});

export default LtiPage;
export const ErrorBoundary = LtiErrorBoundary;
