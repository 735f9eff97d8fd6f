// The project's group feedback (decision 018): what was written for which
// group, and how many students have received and opened it.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { InsightNav } from "~/components/insight-ui";
import { Card, EmptyState, PageHeader, formatDateTime } from "~/components/ui";
import { WideTable } from "~/components/wide-table";
import { describeTarget } from "~/domain/group-feedback";
import { teacherName } from "~/domain/labels";
import { listGroupFeedback } from "~/models/group-feedback.server";
import { requireTeacherProject } from "~/models/project.server";
import type { TeacherProjectHandle } from "~/routes/teach.projects.$projectId";
import { paths } from "~/utils/paths";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Group feedback · ${data?.project.title ?? "Project"} · Rebound` }];

export const handle: TeacherProjectHandle = {
  breadcrumb: (project) => [{ label: `Insight: ${project.title}`, to: paths.insight(project.id) }],
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { project } = await requireTeacherProject(request, params);
  const rows = await listGroupFeedback(project);
  return {
    project: { id: project.id, title: project.title },
    feedback: rows.map((r) => ({
      id: r.id,
      for: describeTarget(r.targetKind, r.targetLabel, r.checkpointTitle),
      body: r.body,
      version: r.version,
      reachLater: r.reachLater,
      createdAt: r.createdAt,
      authorName: teacherName(r.author),
      received: r.received,
      opened: r.opened,
    })),
  };
}

export default function GroupFeedbackListPage() {
  const { project, feedback } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title="Group feedback" subtitle="Feedback written once for a group of students, and who has opened it." />
      <InsightNav projectId={project.id} />
      <Card>
        <p className="mb-4 text-sm text-slate-700">
          To write one, open a checkpoint in the insight: each kept group of answers, each misconception and each option chosen has a “Write feedback to
          everyone …” link. So has each misconception on the <Link to={paths.misconceptions(project.id)}>misconceptions page</Link>.
        </p>
        {feedback.length === 0 ? (
          <EmptyState>No group feedback yet.</EmptyState>
        ) : (
          <WideTable caption="Group feedback in this project" captionHidden tableClassName="min-w-full text-left text-sm">
            <thead>
              <tr className="border-b border-slate-200">
                <th scope="col" className="py-2 pr-4 font-semibold">For</th>
                <th scope="col" className="py-2 pr-4 font-semibold">Feedback</th>
                <th scope="col" className="py-2 pr-4 font-semibold">Received</th>
                <th scope="col" className="py-2 pr-4 font-semibold">Opened</th>
                <th scope="col" className="py-2 pr-4 font-semibold">Written</th>
              </tr>
            </thead>
            <tbody>
              {feedback.map((f) => (
                <tr key={f.id} className="border-b border-slate-100 align-top">
                  <th scope="row" className="py-2 pr-4 font-medium">
                    <Link to={paths.groupFeedback(project.id, f.id)}>{f.for}</Link>
                  </th>
                  <td className="max-w-md py-2 pr-4">{f.body.length > 120 ? `${f.body.slice(0, 119)}…` : f.body}</td>
                  <td className="py-2 pr-4">{f.received}</td>
                  <td className="py-2 pr-4">{f.opened}</td>
                  <td className="py-2 pr-4">
                    {f.authorName}, {formatDateTime(f.createdAt)}
                    {f.version > 1 ? ` (version ${f.version})` : ""}
                  </td>
                </tr>
              ))}
            </tbody>
          </WideTable>
        )}
      </Card>
    </>
  );
}
