// Sending the project's progress to the LMS gradebook (decision 023), when the
// teacher chooses to: per LMS link that opens the project, each student's
// checkpoints got out of the project's, with a comment, as the progress grid
// counts them. Nothing is sent on its own.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { lmsServiceFailure } from "~/components/action-words";
import { SubmitButton } from "~/components/form";
import { ActionNotice, Card, EmptyState, PageHeader, formatDateTime } from "~/components/ui";
import { plural } from "~/domain/words";
import { lmsLinksOfProject, postProgressToLms, type GradeReport } from "~/models/lti/grades.server";
import { requireTeacherProject } from "~/models/project.server";
import type { TeacherProjectHandle } from "~/routes/teach.projects.$projectId";
import { keepsFormOnFailure } from "~/utils/action-failure.server";
import { readForm } from "~/utils/form.server";
import { paths } from "~/utils/paths";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `LMS gradebook · ${data?.project.title ?? "Project"} · Rebound` }];

export const handle: TeacherProjectHandle = {
  breadcrumb: (project) => [{ label: project.title, to: paths.teacherProject(project.id) }],
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { project } = await requireTeacherProject(request, params);
  return { project: { id: project.id, title: project.title }, links: await lmsLinksOfProject(project) };
}

const GRADE_REFUSAL = {
  "no-checkpoints": "This project has no checkpoints yet, so there is no progress to send.",
  "no-gradebook": "The LMS did not give Rebound access to a gradebook column for this link. Your LMS administrator can allow it in the tool's settings.",
  "not-found": "That LMS link no longer opens this project. The list below is up to date.",
} as const;

type Answer = { ok: boolean; message: string | null; report?: GradeReport };

export const action = keepsFormOnFailure(async ({ request, params }: ActionFunctionArgs) => {
  const { project } = await requireTeacherProject(request, params);
  const form = await readForm(request);
  const answer = (a: Answer, status = 200) => data(a, { status });
  if (form.get("intent") !== "post-scores") return answer({ ok: false, message: "We didn't understand that request. Reload the page and try again." }, 400);
  const result = await postProgressToLms(project, String(form.get("linkId") ?? ""));
  if (result.ok && result.report.columnGone) {
    return answer({ ok: false, message: "The LMS no longer has the gradebook column this link used (it may have been deleted there). Nothing was sent; press Send again and Rebound makes a new column." }, 502);
  }
  if (result.ok) {
    const { report } = result;
    const sent = `Progress sent to the gradebook in ${report.course} for ${plural(report.posted, "student")}.`;
    return answer({ ok: report.failed.length === 0, message: report.failed.length === 0 ? sent : `${sent} The LMS did not take ${plural(report.failed.length, "student")}'s; see below.`, report });
  }
  if (result.reason === "service") return answer({ ok: false, message: lmsServiceFailure("gradebook", result.failure) }, 502);
  return answer({ ok: false, message: GRADE_REFUSAL[result.reason] }, 400);
});

export default function ProjectGradebookPage() {
  const { project, links } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const report = answer && "report" in answer ? answer.report : undefined;
  return (
    <>
      <PageHeader
        title="LMS gradebook"
        subtitle={`Send each student's progress on “${project.title}” to the gradebook of the LMS course it is linked from: checkpoints got out of the project's, with a comment.`}
      />
      <ActionNotice result={answer} />
      {report ? <GradeReportCard report={report} /> : null}
      {links.length === 0 ? (
        <EmptyState>
          No LMS course links to this project yet. Place it in your course from the LMS (its &ldquo;add external tool&rdquo; or &ldquo;Rebound&rdquo; button), then come back
          here to send progress.
        </EmptyState>
      ) : (
        <div className="space-y-6">
          {links.map((link) => (
            <Card key={link.id} title={link.title || "Link in the LMS"}>
              <p className="text-slate-700">
                In {link.course}, on {link.platformName}.{" "}
                {link.scoresPostedAt
                  ? `Last sent ${formatDateTime(link.scoresPostedAt)}, for ${plural(link.scoresPostedCount ?? 0, "student")}.`
                  : "Nothing sent yet."}
              </p>
              {link.canPost ? (
                <Form method="post" className="mt-4">
                  <input type="hidden" name="linkId" value={link.id} />
                  <p className="mb-3 text-sm text-slate-700">
                    Students who have not started get no score, so the gradebook shows nothing rather than a zero. Sending again replaces the last figures.
                  </p>
                  <SubmitButton name="intent" value="post-scores" intent="post-scores" pendingText="Sending…">
                    Send progress to the gradebook
                  </SubmitButton>
                </Form>
              ) : (
                <p className="mt-3 text-sm text-slate-700">The LMS did not give Rebound access to a gradebook column for this link.</p>
              )}
            </Card>
          ))}
        </div>
      )}
      <p className="mt-6">
        <Link to={paths.progress(project.id)}>Back to class progress</Link>
      </p>
    </>
  );
}

function GradeReportCard({ report }: { report: GradeReport }) {
  return (
    <Card title={`Sent to ${report.course}`}>
      <div className="space-y-3">
        <p>
          {plural(report.posted, "student")} sent, out of {plural(report.total, "checkpoint")} each
          {report.notStarted === 1 ? "; 1 of them has not started and was sent without a score" : report.notStarted > 1 ? `; ${report.notStarted} of them have not started and were sent without a score` : ""}.
        </p>
        {report.failed.length > 0 ? (
          <section aria-label="Not taken by the LMS">
            <h3 className="font-medium">Not taken by the LMS</h3>
            <ul className="ml-5 list-disc">
              {report.failed.map((f) => (
                <li key={f.name}>
                  {f.name}: {f.detail}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        {report.notFromLms.length > 0 ? (
          <section aria-label="Not in the LMS">
            <h3 className="font-medium">Not sent: no account from this LMS</h3>
            <p className="text-sm text-slate-700">They joined the class in Rebound, not from the course, so the LMS does not know them.</p>
            <ul className="ml-5 list-disc">
              {report.notFromLms.map((p) => (
                <li key={p.id}>{p.name}</li>
              ))}
            </ul>
          </section>
        ) : null}
      </div>
    </Card>
  );
}
