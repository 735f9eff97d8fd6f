// The frame of every student page under a project: the breadcrumbs (the
// layout's own, then what each page adds through its `handle`;
// app/components/project-frame.tsx). Pages render only their content. This
// loader runs the student's guard, and so does every child's loader and
// action: none relies on this one for authorisation (a page's loaders share
// one lookup through the load context; decision 016).
import type { LoaderFunctionArgs } from "@remix-run/node";
import type { ProjectHandle } from "~/components/breadcrumbs";
import { projectArea, type FrameProject } from "~/components/project-frame";
import { requireStudentProject } from "~/models/project.server";
import { paths } from "~/utils/paths";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { project } = await requireStudentProject(request, params, context);
  return { project: { id: project.id, title: project.title, classroom: project.classroom } };
}

/** What a page under this layout may export as `handle`. */
export type StudentProjectHandle = ProjectHandle<FrameProject<typeof loader>>;

const area = projectArea<typeof loader>({
  layoutId: "routes/learn.projects.$projectId",
  trail: () => [{ label: "My classes", to: paths.studentHome() }],
  projectPath: paths.studentProject,
  home: { to: paths.studentHome(), label: "Go to my classes" },
});

export default area.Layout;
export const ErrorBoundary = area.ErrorBoundary;
