// The frame of every student page under a project: the breadcrumbs (the
// layout's own, then what each page adds through its `handle`). Pages render
// only their content. This loader runs the student's guard, and so does every
// child's loader and action: none relies on this one for authorisation.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, useRouteError, useRouteLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { Breadcrumbs, useProjectHandles, type ProjectHandle } from "~/components/breadcrumbs";
import { ErrorPage } from "~/components/error-page";
import { requireStudentProject } from "~/models/project.server";
import { paths } from "~/utils/paths";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { project } = await requireStudentProject(request, params);
  return { project: { id: project.id, title: project.title, classroom: project.classroom } };
}

type StudentProjectFrame = Awaited<ReturnType<typeof loader>>["project"];
/** What a page under this layout may export as `handle`. */
export type StudentProjectHandle = ProjectHandle<StudentProjectFrame>;

const LAYOUT_ID = "routes/learn.projects.$projectId";

function Frame({ project, children }: { project: StudentProjectFrame | undefined; children: ReactNode }) {
  const { crumbs } = useProjectHandles(project);
  return (
    <>
      {project ? <Breadcrumbs crumbs={[{ label: "My classes", to: paths.studentHome() }, ...crumbs]} /> : null}
      {children}
    </>
  );
}

export default function StudentProjectLayout() {
  const data = useRouteLoaderData<typeof loader>(LAYOUT_ID);
  return (
    <Frame project={data?.project}>
      <Outlet />
    </Frame>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const data = useRouteLoaderData<typeof loader>(LAYOUT_ID);
  return (
    <Frame project={data?.project}>
      <ErrorPage error={error} back={data ? { to: paths.studentProject(data.project.id), label: "Back to the project" } : { to: paths.studentHome(), label: "Go to my classes" }} />
    </Frame>
  );
}
