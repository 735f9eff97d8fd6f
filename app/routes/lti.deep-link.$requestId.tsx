// The Deep Linking picker (decision 023): an instructor who asked their LMS to
// add Rebound chooses one of the class's projects; Rebound answers the LMS
// with a signed LtiDeepLinkingResponse that this page posts back to the LMS's
// return address (a form that submits itself, with a button without scripts).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { requireTeacher } from "~/auth/session.server";
import { SubmitButton, buttonClass } from "~/components/form";
import { ActionNotice, Card, EmptyState, PageHeader } from "~/components/ui";
import { answerDeepLink, openDeepLinkRequest } from "~/models/lti/deep-linking.server";
import { keepsFormOnFailure } from "~/utils/action-failure.server";
import { readForm } from "~/utils/form.server";
import { notFound } from "~/utils/http.server";
import { paths } from "~/utils/paths";

export const meta: MetaFunction = () => [{ title: "Choose a project for your course · Rebound" }];

const GONE = "This request to add Rebound has expired or isn't yours. Add Rebound from your LMS course again.";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const teacher = await requireTeacher(request);
  const open = await openDeepLinkRequest(params.requestId ?? "", teacher.id);
  if (!open) notFound(GONE);
  return open;
}

type Answer = { ok: boolean; message: string | null; post?: { returnUrl: string; jwt: string; projectTitle: string } };

export const action = keepsFormOnFailure(async ({ request, params }: ActionFunctionArgs) => {
  const teacher = await requireTeacher(request);
  const form = await readForm(request);
  const projectId = form.get("projectId");
  const launchUrl = new URL(paths.ltiLaunch(), request.url).toString();
  const answer = await answerDeepLink(params.requestId ?? "", teacher.id, typeof projectId === "string" ? projectId : "", launchUrl);
  if (!answer.ok) {
    if (answer.reason === "not-found") notFound(GONE);
    return data<Answer>({ ok: false, message: "Choose one of this class's projects, then press Add to the course." }, { status: 400 });
  }
  return data<Answer>({ ok: true, message: null, post: { returnUrl: answer.returnUrl, jwt: answer.jwt, projectTitle: answer.projectTitle } });
});

function PostBack({ returnUrl, jwt, projectTitle }: { returnUrl: string; jwt: string; projectTitle: string }) {
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => form.current?.submit(), []);
  return (
    <Card title="Sending your choice to the LMS">
      <p className="mb-4">“{projectTitle}” is on its way to your course.</p>
      {/* A plain form: it leaves Rebound for the LMS's return address. */}
      <form ref={form} method="post" action={returnUrl}>
        <input type="hidden" name="JWT" value={jwt} />
        <button type="submit" className={buttonClass()}>
          Continue to the LMS
        </button>
      </form>
    </Card>
  );
}

export default function DeepLinkPicker() {
  const { courseTitle, platformName, classroom, projects } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  if (answer?.ok && answer.post) return <PostBack {...answer.post} />;
  return (
    <>
      <PageHeader title={`Add a project to ${courseTitle}`} subtitle={`From ${platformName}. Students who open the link land on the project in ${classroom.name}.`} />
      <ActionNotice result={answer} />
      <Card>
        {projects.length === 0 ? (
          <EmptyState>
            {classroom.name} has no projects yet. <a href={paths.teacherClass(classroom.id)}>Make one in the class</a>, then add Rebound from the LMS again.
          </EmptyState>
        ) : (
          <Form method="post">
            <fieldset>
              <legend className="mb-3 font-medium">Which project should the link open?</legend>
              <ul className="space-y-2">
                {projects.map((p, i) => (
                  <li key={p.id}>
                    <label className="flex items-center gap-2">
                      <input type="radio" name="projectId" value={p.id} defaultChecked={i === 0} />
                      <span>
                        {p.title}
                        {p.status === "PUBLISHED" ? "" : " (a draft: students see it once you publish it)"}
                      </span>
                    </label>
                  </li>
                ))}
              </ul>
            </fieldset>
            <SubmitButton className="mt-4" pendingText="Adding…">
              Add to the course
            </SubmitButton>
          </Form>
        )}
      </Card>
    </>
  );
}
