import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useRef } from "react";
import { useDelegatedLinks } from "~/components/delegated-links";
import { STATUS_STYLES, StatusIconSprite, StatusPill } from "~/components/teacher-progress";
import { PrintHeader } from "~/components/print";
import { Card, EmptyState, Notice, PageHeader } from "~/components/ui";
import { WideTable } from "~/components/wide-table";
import { cellParts, describeAge, formatMedian, gridPage, type GridPageInfo, type GridRow } from "~/domain/progress-grid";
import { KIND_LABELS, isCheckpointKind } from "~/domain/checkpoint-spec";
import { noun, plural } from "~/domain/words";
import { cellCounts, describeCell } from "~/domain/progress";
import { requireTeacherProject } from "~/models/project.server";
import { loadProgressGrid } from "~/models/progress.server";
import { paths } from "~/utils/paths";
import { projectIsInLms } from "~/models/lti/grades.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Class progress · ${data?.project.title ?? "Project"} · Rebound` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { project } = await requireTeacherProject(request, params);
  const [grid, lmsLinks] = await Promise.all([loadProgressGrid(project), projectIsInLms(project)]);
  const now = new Date();
  // Ages are worded on the server so the page reads the same before and after hydration.
  // A cell goes as its status and counts only, in the checkpoints' order: a grid can
  // hold 12,000 of them, and the page's data is serialized whole (decision 016).
  const withAge = (row: GridRow) => ({
    student: row.student,
    support: row.support,
    cells: row.cells.map((c) => cellCounts(c.state)),
    supportAge: row.support.oldestAskedAt ? describeAge(row.support.oldestAskedAt, now) : null,
  });
  // A year group is paged; the summaries and the support list cover every student.
  const shown = gridPage(grid.activeRows, grid.removedRows, new URL(request.url).searchParams.get("page"));
  const waitingSupport = [...grid.activeRows, ...grid.removedRows]
    .filter((r) => r.support.open > 0)
    .sort((a, b) => (a.support.oldestAskedAt?.getTime() ?? 0) - (b.support.oldestAskedAt?.getTime() ?? 0))
    .map((r) => ({ student: r.student, open: r.support.open, age: describeAge(r.support.oldestAskedAt ?? now, now) }));
  return {
    project: { id: project.id, title: project.title, status: project.status, classroom: project.classroom },
    grid: {
      checkpoints: grid.checkpoints,
      summaries: grid.summaries,
      openSupportTotal: grid.openSupportTotal,
      activeStudents: grid.activeRows.length,
      removedStudents: grid.removedRows.length,
      activeRows: shown.active.map(withAge),
      removedRows: shown.removed.map(withAge),
      page: shown.info,
    },
    waitingSupport,
    /** Opened from an LMS course: its gradebook can take this progress (decision 023). */
    inLms: lmsLinks,
  };
}

/** Styles of the checkpoint cells (td.c), set once on the table instead of on each of up to 12,000 cells. */
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
  const { project, grid, waitingSupport, inLms } = useLoaderData<typeof loader>();
  const gridFrame = useRef<HTMLDivElement>(null);
  useDelegatedLinks(gridFrame);
  const totalStudents = grid.activeStudents;
  const timeline = (studentId: string, checkpointId?: string) =>
    paths.timeline(project.id, studentId, checkpointId);

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
        // Kept small on purpose: a grid can hold 12,000 cells. Styles come from the table (CELL_STYLES);
        // a plain link, named by its label, whose clicks the grid's one listener turns into client-side navigation.
        const { headline, detail } = cellParts(cell);
        const checkpoint = grid.checkpoints[i];
        return (
          <td key={checkpoint.id} className="c">
            <a href={timeline(row.student.id, checkpoint.id)} className={STATUS_STYLES[cell.status]} aria-label={`${row.student.name}, ${checkpoint.title}: ${describeCell(cell)}`}>
              <svg aria-hidden="true">
                <use href={`#status-${cell.status}`} />
              </svg>
              <span>
                <b>{headline}</b>
                {detail ? <small>{detail}</small> : null}
              </span>
            </a>
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
      {inLms ? (
        <p className="-mt-2 mb-4 print:hidden">
          <Link to={paths.teacherProjectLms(project.id)}>Send this progress to the LMS gradebook</Link>
        </p>
      ) : null}

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
                    · {r.open} open · waiting {r.age === "just now" ? "since just now" : r.age}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>

      {grid.checkpoints.length === 0 ? (
        <EmptyState>This project has no checkpoints yet. Add some on the Build tab.</EmptyState>
      ) : grid.page.total === 0 ? (
        <EmptyState>No students in {project.classroom.name} yet. Share the class join code so they can start.</EmptyState>
      ) : (
        <>
          <StatusIconSprite />
          <GridPager projectId={project.id} info={grid.page} />
          <div ref={gridFrame}>
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
                    <span className="sticky left-3">Removed from the class — their work is kept ({grid.removedStudents})</span>
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
          </div>
          <GridPager projectId={project.id} info={grid.page} />
        </>
      )}
    </>
  );
}

/** Pages of a year group's grid: where this page is, the others, and every student at once (for printing). */
function GridPager({ projectId, info }: { projectId: string; info: GridPageInfo }) {
  if (info.pages === 1) return null;
  return (
    <nav aria-label="Pages of the grid" className="my-3 flex flex-wrap items-center gap-x-3 gap-y-2 text-sm print:hidden">
      <span className="text-slate-700">
        {info.page === 0 ? `All ${info.total} students` : `Students ${info.first}–${info.last} of ${info.total}`}
      </span>
      <ul className="flex flex-wrap gap-1">
        {Array.from({ length: info.pages }, (_, i) => i + 1).map((p) => (
          <li key={p}>
            {p === info.page ? (
              <span aria-current="page" className="inline-block rounded-md border-2 border-brand-600 bg-brand-50 px-2.5 py-1 font-semibold">
                {p}
              </span>
            ) : (
              <Link to={paths.progress(projectId, p)} className="inline-block rounded-md border border-slate-300 bg-white px-2.5 py-1 no-underline" aria-label={`Page ${p}`}>
                {p}
              </Link>
            )}
          </li>
        ))}
      </ul>
      {info.page === 0 ? (
        <Link to={paths.progress(projectId, 1)}>Show in pages</Link>
      ) : (
        <Link to={paths.progress(projectId, "all")}>Show all {info.total} students (to print)</Link>
      )}
    </nav>
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
