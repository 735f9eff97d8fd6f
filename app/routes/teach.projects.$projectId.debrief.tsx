import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { DebriefView, PresentationToggle } from "~/components/debrief-view";
import { PrintHeader } from "~/components/print";
import { NOT_FOUND } from "~/domain/labels";
import { loadDebrief } from "~/models/debrief.server";
import { requireTeacherProject } from "~/models/project.server";
import { notFound } from "~/utils/http.server";
import type { TeacherProjectHandle } from "~/routes/teach.projects.$projectId";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Class debrief · ${data?.project.title ?? "Project"} · Rebound` }];

/** In presentation mode the page takes the whole screen: no breadcrumbs or project tabs. */
export const handle: TeacherProjectHandle = { frame: (data) => !(data as { present?: boolean } | undefined)?.present };

// Everything this loader returns reaches the page, so it returns only the
// project's title and the anonymised debrief: no student name, email or id.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { project } = await requireTeacherProject(request, params);
  const debrief = await loadDebrief(project);
  if (!debrief) notFound(NOT_FOUND.teacherProject);
  return {
    project: { id: project.id, title: project.title, classroom: project.classroom.name },
    present: new URL(request.url).searchParams.get("present") === "1",
    debrief,
  };
}

/** In presentation mode the app's header gives way and the debrief takes the whole width. */
export default function ClassDebrief() {
  const { project, present, debrief } = useLoaderData<typeof loader>();
  return (
    <div data-debrief-present={present ? "" : undefined}>
      <PrintHeader classroom={project.classroom} project={project.title} page="Class debrief" />
      {present ? (
        <>
          <div className="mb-4 flex justify-end print:hidden">
            <PresentationToggle projectId={project.id} present />
          </div>
        </>
      ) : (
        <>
          <div className="mb-6 flex flex-wrap items-center justify-between gap-4 rounded-lg border border-slate-200 bg-white px-5 py-4 print:hidden">
            <p className="max-w-3xl text-slate-800">
              This page is made for the projector: no student names or emails appear on it, only ideas, anonymous answers and counts.
            </p>
            <PresentationToggle projectId={project.id} present={false} />
          </div>
        </>
      )}
      <DebriefView projectTitle={project.title} debrief={debrief} present={present} />
    </div>
  );
}
