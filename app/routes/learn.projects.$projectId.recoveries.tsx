import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PlanList } from "~/components/plans";
import { IdeaList, RecoveryCard, StillWorkingOnList } from "~/components/recoveries-view";
import { EmptyState, PageHeader } from "~/components/ui";
import { requireStudentProject } from "~/models/project.server";
import { listOwnPlans } from "~/models/plans.server";
import { loadOwnRecoveries } from "~/models/recoveries.server";
import type { StudentProjectHandle } from "~/routes/learn.projects.$projectId";
import { paths } from "~/utils/paths";
import { plural } from "~/domain/words";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `My recoveries · ${data.project.title} · Rebound` : "My recoveries · Rebound" }];

export const handle: StudentProjectHandle = {
  breadcrumb: (project) => [{ label: project.title, to: paths.studentProject(project.id) }],
};

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { student, project } = await requireStudentProject(request, params, context);
  const [{ recoveries, stillWorkingOn, gotFirstTry, ideas }, plans] = await Promise.all([loadOwnRecoveries(student.id, project), listOwnPlans(student.id, project)]);
  return { project: { id: project.id, title: project.title }, recoveries, stillWorkingOn, gotFirstTry, ideas, plans };
}

export default function MyRecoveries() {
  const { project, recoveries, stillWorkingOn, gotFirstTry, ideas, plans } = useLoaderData<typeof loader>();
  const summary = [
    recoveries.length ? `You turned ${recoveries.length} “not yet”${recoveries.length === 1 ? "" : "s"} into “got it”.` : null,
    gotFirstTry ? `${plural(gotFirstTry, "checkpoint")} you got on the first try.` : null,
    stillWorkingOn.length ? `${stillWorkingOn.length} still in progress.` : null,
  ].filter(Boolean);
  return (
    <>
      <PageHeader
        title="My recoveries"
        subtitle="Every “not yet” you turned into “got it”, how you got there, and what you wrote along the way."
        actions={
          <Link to={paths.journal(project.id)} className="rounded-md border border-slate-400 bg-white px-4 py-2 text-sm font-medium no-underline hover:bg-slate-100">
            My journal
          </Link>
        }
      />
      {summary.length ? <p className="mb-6 rounded-lg border border-brand-100 bg-brand-50 p-4 text-lg text-brand-800">{summary.join(" ")}</p> : null}

      <section aria-labelledby="recovered-title" className="space-y-4">
        <h2 id="recovered-title" className="text-xl font-semibold">
          Turned around
        </h2>
        {recoveries.length === 0 ? (
          <EmptyState>
            Nothing here yet. When a “not yet” turns into “got it”, it shows up here with the steps you took — a “not yet” is where that starts.
          </EmptyState>
        ) : (
          recoveries.map((r) => <RecoveryCard key={r.checkpointId} recovery={r} projectId={project.id} />)
        )}
      </section>

      <section aria-labelledby="working-title" className="mt-10 space-y-4">
        <h2 id="working-title" className="text-xl font-semibold">
          Still working on
        </h2>
        <StillWorkingOnList items={stillWorkingOn} projectId={project.id} />
      </section>

      <section aria-labelledby="plans-title" className="mt-10 space-y-4">
        <h2 id="plans-title" className="text-xl font-semibold">
          My plans, and how they went
        </h2>
        <PlanList plans={plans} projectId={project.id} />
      </section>

      <section aria-labelledby="ideas-title" className="mt-10 space-y-4">
        <h2 id="ideas-title" className="text-xl font-semibold">
          Ideas I worked on
        </h2>
        <IdeaList ideas={ideas} />
      </section>
    </>
  );
}
