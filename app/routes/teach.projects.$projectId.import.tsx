// Questions from a file into this project (issue 11): the upload form, then
// the preview of the pending import (?pending=<id>), then Import.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ImportFormats, ImportPreview, UploadForm } from "~/components/question-import";
import { Card, PageHeader } from "~/components/ui";
import { findPendingImport } from "~/models/question-import.server";
import { importAction } from "~/models/question-import-page.server";
import { requireTeacherProject } from "~/models/project.server";
import type { TeacherProjectHandle } from "~/routes/teach.projects.$projectId";
import { paths } from "~/utils/paths";
import { keepsFormOnFailure } from "~/utils/action-failure.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Import questions · ${data?.project.title ?? "Project"} · Rebound` }];

export const handle: TeacherProjectHandle = {
  breadcrumb: (project) => [{ label: project.title, to: paths.teacherProject(project.id) }],
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { teacher, project } = await requireTeacherProject(request, params);
  const pendingId = new URL(request.url).searchParams.get("pending");
  const pending = pendingId ? await findPendingImport({ teacherId: teacher.id, classroomId: project.classroom.id, projectId: project.id }, pendingId) : null;
  return { project: { id: project.id, title: project.title }, pending, pendingGone: Boolean(pendingId) && !pending };
}

export const action = keepsFormOnFailure(async ({ request, params }: ActionFunctionArgs) => {
  const { teacher, project } = await requireTeacherProject(request, params);
  return importAction(request, { teacherId: teacher.id, classroomId: project.classroom.id, projectId: project.id }, (pending) => paths.projectImport(project.id, pending));
});

export default function ProjectImportPage() {
  const { project, pending, pendingGone } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <PageHeader title="Import questions" subtitle={`Into “${project.title}”: each question becomes a checkpoint at the end of the project.`} />
      {pending && !actionData ? (
        <ImportPreview pendingId={pending.id} fileName={pending.fileName} formatName={pending.formatName} plan={pending.plan} newProjectTitle={null} />
      ) : (
        <div className="space-y-6">
          {pendingGone && !actionData ? <p role="status">That preview has ended (it lasts a day, and goes once imported or discarded). Send the file again to see it afresh.</p> : null}
          <UploadForm error={actionData ?? null} />
          <Card title="What Rebound reads">
            <ImportFormats />
          </Card>
          <p>
            <Link to={paths.teacherProject(project.id)}>Back to the project</Link>
          </p>
        </div>
      )}
    </>
  );
}
