// Questions from a file into a new draft project of the class (issue 11): the
// upload form, then the preview of the pending import (?pending=<id>), then
// Import, which makes the project.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireTeacher } from "~/auth/session.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { ImportFormats, ImportPreview, UploadForm } from "~/components/question-import";
import { Card, PageHeader } from "~/components/ui";
import { NOT_FOUND } from "~/domain/labels";
import { findTeacherClassroom } from "~/models/classroom.server";
import { defaultProjectTitle, findPendingImport } from "~/models/question-import.server";
import { importAction } from "~/models/question-import-page.server";
import { notFound } from "~/utils/http.server";
import { paths } from "~/utils/paths";
import { keepsFormOnFailure } from "~/utils/action-failure.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Import questions · ${data?.classroom.name ?? "Class"} · Rebound` }];

async function requireClass(request: Request, classId: string | undefined) {
  const teacher = await requireTeacher(request);
  const classroom = await findTeacherClassroom(classId ?? "", teacher.id);
  if (!classroom) notFound(NOT_FOUND.classroom);
  return { teacher, classroom };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { teacher, classroom } = await requireClass(request, params.classId);
  const pendingId = new URL(request.url).searchParams.get("pending");
  const pending = pendingId ? await findPendingImport({ teacherId: teacher.id, classroomId: classroom.id, projectId: null }, pendingId) : null;
  return {
    classroom: { id: classroom.id, name: classroom.name },
    pending: pending ? { ...pending, projectTitle: defaultProjectTitle(pending.plan, pending.fileName) } : null,
    pendingGone: Boolean(pendingId) && !pending,
  };
}

export const action = keepsFormOnFailure(async ({ request, params }: ActionFunctionArgs) => {
  const { teacher, classroom } = await requireClass(request, params.classId);
  return importAction(request, { teacherId: teacher.id, classroomId: classroom.id, projectId: null }, (pending) => paths.classImport(classroom.id, pending));
});

export default function ClassImportPage() {
  const { classroom, pending, pendingGone } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <Breadcrumbs crumbs={[{ label: "My classes", to: paths.teacherHome() }, { label: classroom.name, to: paths.teacherClass(classroom.id) }]} />
      <PageHeader title="Import questions" subtitle="Into a new draft project of this class: each question becomes a checkpoint. Students see nothing until you publish it." />
      {pending && !actionData ? (
        <ImportPreview pendingId={pending.id} fileName={pending.fileName} formatName={pending.formatName} plan={pending.plan} newProjectTitle={pending.projectTitle} />
      ) : (
        <div className="space-y-6">
          {pendingGone && !actionData ? <p role="status">That preview has ended (it lasts a day, and goes once imported or discarded). Send the file again to see it afresh.</p> : null}
          <UploadForm error={actionData ?? null} />
          <Card title="What Rebound reads">
            <ImportFormats />
          </Card>
          <p>
            <Link to={paths.teacherClass(classroom.id)}>Back to the class</Link>
          </p>
        </div>
      )}
    </>
  );
}
