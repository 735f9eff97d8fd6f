// One registered LMS (decision 023): its addresses, client id and deployment ids.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireSiteAdmin } from "~/auth/session.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { LtiPlatformForm } from "~/components/lti-platform-form";
import { ActionNotice, Card, PageHeader, formatDateTime } from "~/components/ui";
import { findPlatform, updatePlatform } from "~/models/lti/platforms.server";
import { ltiPlatformSchema } from "~/schemas/lti";
import { keepsFormOnFailure } from "~/utils/action-failure.server";
import { readForm } from "~/utils/form.server";
import { notFound } from "~/utils/http.server";
import { paths } from "~/utils/paths";
import { parseSubmission } from "~/utils/submission";

const NOT_REGISTERED = "That LMS is not registered here (it may have been removed).";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.platform.name ?? "LMS"} · LMS connections · Rebound` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireSiteAdmin(request);
  const platform = await findPlatform(params.platformId ?? "");
  if (!platform) notFound(NOT_REGISTERED);
  return { platform };
}

export const action = keepsFormOnFailure(async ({ request, params }: ActionFunctionArgs) => {
  await requireSiteAdmin(request);
  const platform = await findPlatform(params.platformId ?? "");
  if (!platform) notFound(NOT_REGISTERED);
  const form = await readForm(request);
  const submission = parseSubmission(form, { schema: ltiPlatformSchema });
  if (submission.status !== "success") return data({ ok: false, message: null, reply: submission.reply() }, { status: 400 });
  const saved = await updatePlatform(platform.id, submission.value);
  if (!saved.ok) {
    const why = saved.reason === "taken" ? "Another registration has this issuer and client id already." : NOT_REGISTERED;
    return data({ ok: false, message: null, reply: submission.reply({ fieldErrors: { clientId: [why] } }) }, { status: 400 });
  }
  return data({ ok: true, message: "Saved. Launches from this LMS are checked against these settings from now on.", reply: submission.reply() });
});

export default function AdminLtiPlatformPage() {
  const { platform } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  return (
    <>
      <Breadcrumbs crumbs={[{ label: "LMS connections", to: paths.adminLti() }]} />
      <PageHeader title={platform.name} subtitle={`Registered ${formatDateTime(platform.createdAt)}.`} />
      <ActionNotice result={answer && "ok" in answer && answer.ok ? answer : undefined} />
      <Card title="Registration">
        <LtiPlatformForm
          id="platform"
          lastResult={answer && "reply" in answer ? answer.reply : undefined}
          defaultValue={{ ...platform, deploymentIds: platform.deployments.map((d) => d.deploymentId).join("\n") }}
          submitLabel="Save"
        />
      </Card>
    </>
  );
}
