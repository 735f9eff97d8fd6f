import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { STATUS_STYLES, StatusIconSprite, StatusPill } from "~/components/teacher-progress";
import { PrintHeader } from "~/components/print";
import { Card, EmptyState, Notice, PageHeader } from "~/components/ui";
import { WideTable } from "~/components/wide-table";
import { cellParts, describeAge, formatMedian, type GridRow } from "~/domain/progress-grid";
import { KIND_LABELS, isCheckpointKind } from "~/domain/checkpoint-spec";
import { noun, plural } from "~/domain/words";
import { requireTeacherProject } from "~/models/project.server";
import { loadProgressGrid } from "~/models/progress.server";
import { paths } from "~/utils/paths";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Class progress · ${data?.project.title ?? "Project"} · Rebound` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { project } = await requireTeacherProject(request, params);
  const grid = await loadProgressGrid(project);
  const now = new Date();
  // Ages are worded on the server so the page reads the same before and after hydration.
  const withAge = (row: GridRow) => ({
    ...row,
    supportAge: row.support.oldestAskedAt ? describeAge(row.support.oldestAskedAt, now) : null,
  });
  return {
    project: { id: project.id, title: project.title, status: project.status, classroom: project.classroom },
    grid: { ...grid, activeRows: grid.activeRows.map(withAge), removedRows: grid.removedRows.map(withAge) },
  };
}

/** Styles of the checkpoint cells (td.c), set once on the table instead of on each of up to a thousand cells. */
const CELL_STYLES = [
  "[&_td.c]:border-b [&_td.c]:border-r [&_td.c]:border-slate-200 [&_td.c]:p-1 [&_td.c]:align-top",
  "[&_td.c>a]:flex [&_td.c>a]:min-h-12 [&_td.c>a]:items-start [&_td.c>a]:gap-1.5 [&_td.c>a]:rounded-md [&_td.c>a]:border-2 [&_td.c>a]:px-2 [&_td.c>a]:py-1.5 [&_td.c>a]:leading-tight [&_td.c>a]:no-underline [&_td.c>a:hover]:underline",
  "[&_td.c_svg]:mt-0.5 [&_td.c_svg]:h-4 [&_td.c_svg]:w-4 [&_td.c_svg]:shrink-0",
  "[&_td.c_b]:block [&_td.c_b]:font-medium [&_td.c_small]:block [&_td.c_small]:whitespace-nowrap [&_td.c_small]:text-xs",
].join(" ");

type Row = ReturnType<typeof useLoaderData<typeof loader>>["grid"]["activeRows"][number];

const LEGEND = [
  { state: { status: "NOT_STARTED", attempts: 0 }, text: "Not started" },
  { state: { status: "NOT_YET", attempts: 2, lastAttemptAt: new Date(0) }, text: "Not yet, with the number of attempts so far" },
  { state: { status: "SUBMITTED", attempts: 1, lastAttemptAt: new Date(0) }, text: "Waiting for a check (short text without a verdict yet)" },
  { state: { status: "GOT_IT", attempts: 1, gotItAfter: 1, gotItAt: new Date(0) }, text: "Got it, after how many attempts" },
] as const;

export default function ProjectProgress() {
  const { project, grid } = useLoaderData<typeof loader>();
  const totalStudents = grid.activeRows.length;
  const timeline = (studentId: string, checkpointId?: string) =>
    paths.timeline(project.id, studentId, checkpointId);
  const waitingSupport = [...grid.activeRows, ...grid.removedRows]
    .filter((r) => r.support.open > 0)
    .sort((a, b) => new Date(a.support.oldestAskedAt ?? 0).getTime() - new Date(b.support.oldestAskedAt ?? 0).getTime());

  const renderRow = (row: Row) => (
    <tr key={row.student.id} className="group">
      <th scope="row" className="sticky left-0 z-10 border-b border-r border-slate-200 bg-white px-3 py-2 text-left font-medium group-hover:bg-slate-50 sm:min-w-44">
        <Link to={timeline(row.student.id)}>{row.student.name}</Link>
        {row.student.removed ? <span className="block text-xs font-normal text-slate-600">Removed from class</span> : null}
      </th>
      <td className="border-b border-r border-slate-200 px-2 py-2 align-top group-hover:bg-slate-50 sm:px-3">
        {row.support.open > 0 ? (
          <Link to={`${timeline(row.student.id)}#support`} className="flex items-start gap-1.5 font-medium text-rose-900">
            <SupportIcon />
            <span className="leading-tight">
              <span className="sr-only">{row.student.name}: </span>
              {row.support.open} open
              <span className="block text-xs font-normal">oldest {row.supportAge === "just now" ? "just now" : `${row.supportAge} ago`}</span>
            </span>
          </Link>
        ) : (
          <span className="text-slate-600">None</span>
        )}
      </td>
      {row.cells.map((cell, i) => {
        // Kept small on purpose: a grid can hold a thousand cells. Styles come from the table (CELL_STYLES).
        const { headline, detail } = cellParts(cell.state);
        return (
          <td key={cell.checkpointId} className="c">
            <Link to={timeline(row.student.id, cell.checkpointId)} className={STATUS_STYLES[cell.state.status]}>
              <span className="sr-only">{`${row.student.name}, ${grid.checkpoints[i].title}: ${cell.text}`}</span>
              <svg aria-hidden="true">
                <use href={`#status-${cell.state.status}`} />
              </svg>
              <span aria-hidden="true">
                <b>{headline}</b>
                {detail ? <small>{detail}</small> : null}
              </span>
            </Link>
          </td>
        );
      })}
    </tr>
  );

  return (
    <>
      <PrintHeader classroom={project.classroom.name} project={project.title} page="Class progress" />
      <PageHeader
        title={project.title}
        subtitle={`Class progress · ${plural(totalStudents, "student")} · ${plural(grid.checkpoints.length, "checkpoint")}`}
      />

      {project.status !== "PUBLISHED" ? (
        <div className="mb-4">
          <Notice tone="growing" title="This project is still a draft">
            Students can't see it yet, so there is no work to follow. Publish it from the Build tab.
          </Notice>
        </div>
      ) : null}

      <div className="mb-6 grid gap-4 lg:grid-cols-3">
        <Card title="How to read the grid" className="lg:col-span-2">
          <ul className="flex flex-wrap gap-x-4 gap-y-2 text-sm">
            {LEGEND.map((l) => (
              <li key={l.state.status} className="flex items-center gap-2">
                <StatusPill state={l.state}>{l.text}</StatusPill>
              </li>
            ))}
          </ul>
          <p className="mt-3 text-sm text-slate-700">
            Every cell and every name opens that student&apos;s timeline: each attempt, journal entry and your comments.
          </p>
        </Card>
        <Card title="Open support requests">
          {waitingSupport.length === 0 ? (
            <p className="text-sm text-slate-700">No one is waiting for support right now.</p>
          ) : (
            <ul className="space-y-1 text-sm">
              {waitingSupport.map((r) => (
                <li key={r.student.id}>
                  <Link to={`${timeline(r.student.id)}#support`}>{r.student.name}</Link>{" "}
                  <span className="text-slate-700">
                    · {r.support.open} open · waiting {r.supportAge === "just now" ? "since just now" : r.supportAge}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>

      {grid.checkpoints.length === 0 ? (
        <EmptyState>This project has no checkpoints yet. Add some on the Build tab.</EmptyState>
      ) : grid.activeRows.length === 0 && grid.removedRows.length === 0 ? (
        <EmptyState>No students in {project.classroom.name} yet. Share the class join code so they can start.</EmptyState>
      ) : (
        <>
          <StatusIconSprite />
          <WideTable
            landscape
            tall
            tableClassName={`border-separate border-spacing-0 text-sm ${CELL_STYLES}`}
            caption={<>Progress of each student on each checkpoint of {project.title}. <span className="print:hidden">Scroll sideways to see more checkpoints.</span></>}
          >
            <thead>
              <tr>
                <th scope="col" className="sticky left-0 top-0 z-30 border-b-2 border-r border-slate-300 bg-slate-100 px-3 py-2 text-left">
                  Student
                </th>
                <th scope="col" className="sticky top-0 z-20 min-w-20 border-b-2 border-r border-slate-300 bg-slate-100 px-2 py-2 text-left font-semibold sm:min-w-28 sm:px-3">
                  Open support requests
                </th>
                {grid.checkpoints.map((c, i) => (
                  <th
                    key={c.id}
                    scope="col"
                    className="sticky top-0 z-20 min-w-28 max-w-48 border-b-2 sm:min-w-36 border-r border-slate-300 bg-slate-100 px-2 py-2 text-left align-bottom font-semibold"
                  >
                    <span className="block text-xs font-normal text-slate-700">
                      {i + 1}. {isCheckpointKind(c.kind) ? KIND_LABELS[c.kind] : c.kind}
                    </span>
                    {c.title}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>{grid.activeRows.map(renderRow)}</tbody>
            {grid.removedRows.length > 0 ? (
              <tbody>
                <tr>
                  <th scope="rowgroup" colSpan={grid.checkpoints.length + 2} className="border-b border-slate-300 bg-slate-100 px-3 py-2 text-left font-semibold">
                    <span className="sticky left-3">Removed from the class — their work is kept ({grid.removedRows.length})</span>
                  </th>
                </tr>
                {grid.removedRows.map(renderRow)}
              </tbody>
            ) : null}
            <tfoot>
              <tr className="align-top">
                <th scope="row" className="sticky left-0 z-10 border-r border-t-2 border-slate-300 bg-slate-100 px-3 py-2 text-left">
                  Summary
                  <span className="block text-xs font-normal text-slate-700">students in the class now</span>
                </th>
                <td className="border-r border-t-2 border-slate-300 bg-slate-100 px-3 py-2">
                  {grid.openSupportTotal} open
                </td>
                {grid.summaries.map((s, i) => (
                  <td key={s.checkpointId} className="border-r border-t-2 border-slate-300 bg-slate-100 px-2 py-2 text-xs leading-snug">
                    <span className="sr-only">{grid.checkpoints[i].title}: </span>
                    <span className="block">{s.gotIt} got it</span>
                    <span className="block">{s.notYet} not yet</span>
                    {s.waiting > 0 ? <span className="block">{s.waiting} waiting for a check</span> : null}
                    <span className="block">{s.notStarted} not started</span>
                    <span className="mt-1 block text-slate-700">
                      {s.medianAttemptsToGotIt === null ? "No one has got it yet" : `Median ${formatMedian(s.medianAttemptsToGotIt)} ${noun(s.medianAttemptsToGotIt, "attempt")} to got it`}
                    </span>
                  </td>
                ))}
              </tr>
            </tfoot>
          </WideTable>
        </>
      )}
    </>
  );
}

function SupportIcon() {
  return (
    <svg className="mt-0.5 h-4 w-4 shrink-0" viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <path d="M10 2.5a7.5 7.5 0 1 0 0 15 7.5 7.5 0 0 0 0-15z" />
      <path d="M10 6v5" />
      <circle cx="10" cy="14" r="0.6" fill="currentColor" />
    </svg>
  );
}
