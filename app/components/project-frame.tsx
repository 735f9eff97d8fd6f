// The frame of a project area: the teacher's pages under a project, or the
// student's. Each area's layout route describes its frame (the crumbs before
// the pages' own, the navigation under them, where "back" leads) and exports
// the layout and the error boundary made here, so both sides frame their
// pages, and keep the frame around an error, the same way.
import type { SerializeFrom } from "@remix-run/node";
import { Outlet, useRouteError, useRouteLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { Breadcrumbs, useProjectHandles, type Crumb } from "~/components/breadcrumbs";
import { ErrorPage } from "~/components/error-page";

/** A layout route's loader: it runs the area's guard and returns the project the frame shows. */
type FrameLoader = (...args: never[]) => Promise<{ project: { id: string } }>;

/** The project as the layout's loader data gives it to the frame and to the pages' `handle`s. */
export type FrameProject<Loader extends FrameLoader> = SerializeFrom<Loader>["project"];

export function projectArea<Loader extends FrameLoader>(area: {
  /** The layout route's id, e.g. "routes/teach.projects.$projectId". */
  layoutId: string;
  /** The crumbs before the ones the pages add. */
  trail: (project: FrameProject<Loader>) => Crumb[];
  /** What stands under the breadcrumbs (the teacher's project tabs). */
  nav?: (project: FrameProject<Loader>) => ReactNode;
  /** The project's own page, where the error page leads back to. */
  projectPath: (projectId: string) => string;
  /** Where the error page leads when the project itself was not found. */
  home: { to: string; label: string };
}) {
  const useProject = () => useRouteLoaderData<Loader>(area.layoutId)?.project as FrameProject<Loader> | undefined;

  /** Breadcrumbs and navigation (unless the page's handle turns them off), then the page. */
  function Frame({ project, children }: { project: FrameProject<Loader> | undefined; children: ReactNode }) {
    const { crumbs, frame } = useProjectHandles(project);
    if (!project || !frame) return <>{children}</>;
    return (
      <>
        <div className="print:hidden">
          <Breadcrumbs crumbs={[...area.trail(project), ...crumbs]} />
          {area.nav?.(project)}
        </div>
        {children}
      </>
    );
  }

  function ProjectLayout() {
    return (
      <Frame project={useProject()}>
        <Outlet />
      </Frame>
    );
  }

  /** A page under the project that failed keeps the frame (when the project itself was found) and says why. */
  function ProjectErrorBoundary() {
    const error = useRouteError();
    const project = useProject();
    return (
      <Frame project={project}>
        <ErrorPage error={error} back={project ? { to: area.projectPath(project.id), label: "Back to the project" } : area.home} />
      </Frame>
    );
  }

  return { Layout: ProjectLayout, ErrorBoundary: ProjectErrorBoundary };
}
