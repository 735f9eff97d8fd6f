// The LTI 1.3 launch (decision 023): the LMS posts its signed id_token here
// (a cross-site form post, exempt from the Origin check because the token is
// the proof). Verified, the person is signed in with a session cookie that
// works inside the LMS's iframe (SameSite=None; Secure; Partitioned) and lands
// on the project, the class or the deep-linking picker. Inside a frame whose
// browser kept even the partitioned state cookie away (Safari), the page
// offers the same login again in a tab of its own.
import { LtiErrorBoundary, LtiPage } from "~/components/lti-page";
import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { startSession } from "~/auth/session.server";
import { LTI_REFUSAL_WORDS } from "~/domain/labels";
import { clearStateCookie, verifyLaunch } from "~/models/lti/launch.server";
import { landLaunch } from "~/models/lti/landing.server";
import { keepsFormOnFailure } from "~/utils/action-failure.server";
import { readForm } from "~/utils/form.server";
import { paths } from "~/utils/paths";

export const meta: MetaFunction = () => [{ title: "Opening Rebound from your LMS · Rebound" }];

const text = (value: FormDataEntryValue | null) => (typeof value === "string" && value ? value : null);

export function loader() {
  return { message: LTI_REFUSAL_WORDS.missing };
}

export const action = keepsFormOnFailure(async ({ request }: ActionFunctionArgs) => {
  const form = await readForm(request);
  const dest = request.headers.get("Sec-Fetch-Dest");
  const framed = dest === "iframe" || dest === "frame";
  const verified = await verifyLaunch({ state: text(form.get("state")), idToken: text(form.get("id_token")) }, request.headers.get("Cookie"), new Date(), framed);
  const clear = verified.state ? [clearStateCookie(verified.state)] : [];
  if (!verified.ok && verified.reason === "open-in-tab") {
    return data({ openInTab: paths.ltiLogin(verified.again) }, { headers: { "Cache-Control": "no-store" } });
  }
  const refuse = (reason: string) =>
    new Response(LTI_REFUSAL_WORDS[reason], { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", ...(clear.length ? { "Set-Cookie": clear[0] } : {}) } });
  if (!verified.ok) throw refuse(verified.reason);
  const landing = await landLaunch(verified.platformId, verified.claims);
  if (!landing.ok) throw refuse(landing.reason);
  return startSession(request, landing.userId, landing.redirectTo, { crossSite: true, headers: clear });
});

export default LtiPage;
export const ErrorBoundary = LtiErrorBoundary;
