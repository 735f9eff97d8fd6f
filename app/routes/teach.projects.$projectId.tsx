// The frame of every teacher page under a project: breadcrumbs (the layout's
// own, then what each page adds through its `handle`) and the project tabs.
// Pages render only their content. This loader runs the guard, and so does
// every child's loader and action: none relies on this one for authorisation.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, useRouteError, useRouteLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { Breadcrumbs, useProjectHandles, type Crumb, type ProjectHandle } from "~/components/breadcrumbs";
import { ErrorPage } from "~/components/error-page";
import { ProjectNav } from "~/components/project-nav";
import { requireTeacherProject } from "~/models/project.server";
import { paths } from "~/utils/paths";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { project } = await requireTeacherProject(request, params);
  return { project: { id: project.id, title: project.title, status: project.status, classroom: project.classroom } };
}

type TeacherProjectFrame = Awaited<ReturnType<typeof loader>>["project"];
/** What a page under this layout may export as `handle`. */
export type TeacherProjectHandle = ProjectHandle<TeacherProjectFrame>;

const LAYOUT_ID = "routes/teach.projects.$projectId";

function Frame({ project, children }: { project: TeacherProjectFrame | undefined; children: ReactNode }) {
  const { crumbs, frame } = useProjectHandles(project);
  if (!project) return <>{children}</>;
  const trail: Crumb[] = [{ label: "My classes", to: paths.teacherHome() }, { label: project.classroom.name, to: paths.teacherClass(project.classroom.id) }, ...crumbs];
  return (
    <>
      {frame ? (
        <div className="print:hidden">
          <Breadcrumbs crumbs={trail} />
          <ProjectNav projectId={project.id} published={project.status === "PUBLISHED"} />
        </div>
      ) : null}
      {children}
    </>
  );
}

export default function TeacherProjectLayout() {
  const data = useRouteLoaderData<typeof loader>(LAYOUT_ID);
  return (
    <Frame project={data?.project}>
      <Outlet />
    </Frame>
  );
}

/** A page under the project that failed keeps the frame (when the project itself was found) and says why. */
export function ErrorBoundary() {
  const error = useRouteError();
  const data = useRouteLoaderData<typeof loader>(LAYOUT_ID);
  return (
    <Frame project={data?.project}>
      <ErrorPage error={error} back={data ? { to: paths.teacherProject(data.project.id), label: "Back to the project" } : { to: paths.teacherHome(), label: "Go to my classes" }} />
    </Frame>
  );
}
