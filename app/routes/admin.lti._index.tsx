// Site administration (decision 023): the LMS platforms Rebound trusts for LTI
// 1.3 launches, Rebound's own signing keys, and the addresses the LMS's
// administrator enters when adding Rebound as a tool.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireSiteAdmin } from "~/auth/session.server";
import { SubmitButton, resultFor } from "~/components/form";
import { LtiPlatformForm } from "~/components/lti-platform-form";
import { ActionNotice, Badge, Card, EmptyState, PageHeader, formatDateTime } from "~/components/ui";
import { plural } from "~/domain/words";
import { listToolKeys, rotateToolKey } from "~/models/lti/keys.server";
import { listPlatforms, registerPlatform } from "~/models/lti/platforms.server";
import { ltiPlatformSchema } from "~/schemas/lti";
import { keepsFormOnFailure } from "~/utils/action-failure.server";
import { readForm } from "~/utils/form.server";
import { paths } from "~/utils/paths";
import { parseSubmission } from "~/utils/submission";

export const meta: MetaFunction = () => [{ title: "LMS connections · Site administration · Rebound" }];

/** The tool's addresses for this site, as the LMS must reach them. */
function toolAddresses(request: Request) {
  const origin = new URL(request.url).origin;
  return {
    login: origin + paths.ltiLogin(),
    launch: origin + paths.ltiLaunch(),
    jwks: origin + paths.ltiJwks(),
    deepLinking: origin + paths.ltiLaunch(),
    domain: new URL(origin).host,
  };
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireSiteAdmin(request);
  const [platforms, keys] = await Promise.all([listPlatforms(), listToolKeys()]);
  return { platforms, keys, tool: toolAddresses(request), encrypted: Boolean(process.env.LTI_KEY_SECRET) };
}

const REGISTER_FORM_ID = "register-platform";

export const action = keepsFormOnFailure(
  async ({ request }: ActionFunctionArgs) => {
    await requireSiteAdmin(request);
    const form = await readForm(request);
    const intent = form.get("intent");
    if (intent === "rotate-key") {
      const kid = await rotateToolKey();
      return data({ formId: "keys", ok: true, message: `A new signing key (${kid.slice(0, 8)}…) signs from now on. The old one stays published for a week, so nothing in flight breaks.` });
    }
    if (intent === "register") {
      const submission = parseSubmission(form, { schema: ltiPlatformSchema });
      if (submission.status !== "success") return data({ formId: REGISTER_FORM_ID, ok: false, message: null, reply: submission.reply() }, { status: 400 });
      const saved = await registerPlatform(submission.value);
      if (!saved.ok) {
        return data(
          {
            formId: REGISTER_FORM_ID,
            ok: false,
            message: null,
            reply: submission.reply({ fieldErrors: { clientId: ["This LMS is registered with this client id already: open it in the list to change it."] } }),
          },
          { status: 400 },
        );
      }
      return redirect(paths.adminLtiPlatform(saved.id));
    }
    return data({ formId: null, ok: false, message: "We didn't understand that request. Reload the page and try again." }, { status: 400 });
  },
  (form) => (form.get("intent") === "register" ? REGISTER_FORM_ID : "keys"),
);

export default function AdminLtiPage() {
  const { platforms, keys, tool, encrypted } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const registerResult = resultFor(answer, REGISTER_FORM_ID);
  const keysResult = resultFor(answer, "keys");
  return (
    <>
      <PageHeader title="LMS connections" subtitle="Register your school's LMS so teachers and students open Rebound from it without a separate password (LTI 1.3)." />
      <div className="grid gap-6 lg:grid-cols-2">
        <div className="space-y-6">
          <Card title="Registered LMS platforms">
            {platforms.length === 0 ? (
              <EmptyState>No LMS yet. Add Rebound as a tool in your LMS with the addresses below, then register the LMS here.</EmptyState>
            ) : (
              <ul className="divide-y divide-slate-200">
                {platforms.map((p) => (
                  <li key={p.id} className="py-3">
                    <Link to={paths.adminLtiPlatform(p.id)} className="font-medium">
                      {p.name}
                    </Link>
                    <span className="block text-sm break-all text-slate-700">
                      {p.issuer} · client id {p.clientId}
                    </span>
                    <span className="block text-sm text-slate-600">
                      {plural(p._count.deployments, "deployment")} · {plural(p._count.contexts, "course")} · {plural(p._count.identities, "person", "people")}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <Card title="Register an LMS">
            <LtiPlatformForm id={REGISTER_FORM_ID} intent="register" lastResult={registerResult && "reply" in registerResult ? registerResult.reply : undefined} submitLabel="Register the LMS" />
          </Card>
        </div>
        <div className="space-y-6">
          <Card title="What to enter in the LMS">
            <p className="text-sm text-slate-700">Add Rebound as an LTI 1.3 tool in the LMS with these addresses. Then copy what the LMS shows you into “Register an LMS”.</p>
            <dl className="mt-3 space-y-2 text-sm">
              <AddressRow label="Tool URL / redirect (launch) URL" value={tool.launch} />
              <AddressRow label="Initiate login URL" value={tool.login} />
              <AddressRow label="Public keyset (JWKS) URL" value={tool.jwks} />
              <AddressRow label="Deep linking URL" value={tool.deepLinking} />
              <AddressRow label="Domain" value={tool.domain} />
            </dl>
            <p className="mt-3 text-sm text-slate-700">
              Services to allow: Deep Linking (placing a project in a course), Names and Role Provisioning (the roster) and Assignment and Grade Services (posting
              progress). Teachers post grades only when they choose to.
            </p>
          </Card>
          <Card title="Rebound's signing keys">
            <ActionNotice result={keysResult && "message" in keysResult ? keysResult : undefined} />
            {keys.length === 0 ? <p className="text-sm text-slate-700">No key yet: Rebound makes one the first time an LMS asks for its keys, or when you rotate.</p> : null}
            <ul className="space-y-2 text-sm">
              {keys.map((k) => (
                <li key={k.kid}>
                  <span className="font-mono">{k.kid}</span> {k.retiredAt ? <Badge>Retired</Badge> : <Badge tone="good">Signing</Badge>}
                  <span className="block text-slate-600">
                    Made {formatDateTime(k.createdAt)}
                    {k.publishedUntil ? ` · published until ${formatDateTime(k.publishedUntil)}` : ""}
                  </span>
                </li>
              ))}
            </ul>
            <p className="mt-3 text-sm text-slate-700">
              Private keys are never shown.{" "}
              {encrypted ? "They are stored encrypted with LTI_KEY_SECRET." : "Set LTI_KEY_SECRET on the server to store new ones encrypted."}
            </p>
            <Form method="post" className="mt-3">
              <SubmitButton intent="rotate-key" variant="secondary" pendingText="Making a new key…">
                Rotate the signing key
              </SubmitButton>
            </Form>
          </Card>
        </div>
      </div>
    </>
  );
}

function AddressRow({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt className="font-medium text-slate-800">{label}</dt>
      <dd className="font-mono break-all">{value}</dd>
    </div>
  );
}
