// The frame of every teacher page under a project: breadcrumbs (the layout's
// own, then what each page adds through its `handle`) and the project tabs
// (app/components/project-frame.tsx). Pages render only their content. This
// loader runs the guard, and so does every child's loader and action: none
// relies on this one for authorisation.
import type { LoaderFunctionArgs } from "@remix-run/node";
import type { ProjectHandle } from "~/components/breadcrumbs";
import { projectArea, type FrameProject } from "~/components/project-frame";
import { ProjectNav } from "~/components/project-nav";
import { requireTeacherProject } from "~/models/project.server";
import { paths } from "~/utils/paths";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { project } = await requireTeacherProject(request, params);
  return { project: { id: project.id, title: project.title, status: project.status, classroom: project.classroom } };
}

/** What a page under this layout may export as `handle`. */
export type TeacherProjectHandle = ProjectHandle<FrameProject<typeof loader>>;

const area = projectArea<typeof loader>({
  layoutId: "routes/teach.projects.$projectId",
  trail: (project) => [
    { label: "My classes", to: paths.teacherHome() },
    { label: project.classroom.name, to: paths.teacherClass(project.classroom.id) },
  ],
  nav: (project) => <ProjectNav projectId={project.id} published={project.status === "PUBLISHED"} />,
  projectPath: paths.teacherProject,
  home: { to: paths.teacherHome(), label: "Go to my classes" },
});

export default area.Layout;
export const ErrorBoundary = area.ErrorBoundary;
