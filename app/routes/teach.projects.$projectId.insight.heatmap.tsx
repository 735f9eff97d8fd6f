import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { InsightHeader, RESOLVED_WORDS, ResolvedIcon } from "~/components/insight-ui";
import { EmptyState } from "~/components/ui";
import { WideTable } from "~/components/wide-table";
import { headerSort, maxCellCount, parseHeatmapSort, shadeLevel, sortRows, type HeaderSort } from "~/domain/insight/view-heatmap";
import { noun, plural } from "~/domain/words";
import { NOT_FOUND } from "~/domain/labels";
import { loadCachedReport } from "~/models/insight-cache.server";
import { reportAge } from "~/domain/insight/view-format";
import { requireTeacherProject } from "~/models/project.server";
import { notFound } from "~/utils/http.server";
import { paths } from "~/utils/paths";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Students × misconceptions · ${data?.project.title ?? "Project"} · Rebound` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { project } = await requireTeacherProject(request, params);
  const cached = await loadCachedReport(project, { textGroups: false });
  if (!cached) notFound(NOT_FOUND.teacherProject);
  const { heatmap } = cached.report;
  const url = new URL(request.url);
  const sort = parseHeatmapSort(url.searchParams.get("sort"), url.searchParams.get("dir"), heatmap);
  const max = maxCellCount(heatmap);
  return {
    project: { id: project.id, title: project.title, status: project.status, classroom: project.classroom },
    freshness: reportAge(cached.freshness, Date.now()),
    sort,
    headers: {
      name: headerSort("name", sort),
      total: headerSort("total", sort),
      columns: heatmap.columns.map((c) => ({ ...c, sort: headerSort(c.misconceptionId, sort) })),
    },
    rows: sortRows(heatmap.rows, sort).map((r) => ({
      studentId: r.studentId,
      name: r.name,
      active: r.active,
      total: r.total,
      misconceptions: r.misconceptions,
      cells: heatmap.columns.map((c) => {
        const cell = r.cells[c.misconceptionId];
        return cell ? { misconceptionId: c.misconceptionId, count: cell.count, resolved: cell.resolved, shade: shadeLevel(cell.count, max) } : null;
      }),
    })),
  };
}

const SHADES = ["", "bg-amber-50", "bg-amber-100", "bg-amber-200", "bg-amber-300"] as const;

function SortLink({ label, sort, className = "" }: { label: string; sort: HeaderSort; className?: string }) {
  const arrow = sort.ariaSort === "ascending" ? "▲" : sort.ariaSort === "descending" ? "▼" : "↕";
  return (
    <Link to={sort.search} preventScrollReset className={`inline-flex items-start gap-1 text-slate-900 ${className}`}>
      <span>
        <span className="sr-only">Sort by </span>
        {label}
        <span className="sr-only">{sort.next === "asc" ? ", ascending" : ", descending"}</span>
      </span>
      <span aria-hidden="true" className={`print:hidden ${sort.ariaSort === "none" ? "text-slate-400" : "text-brand-700"}`}>
        {arrow}
      </span>
    </Link>
  );
}

export default function InsightHeatmap() {
  const { project, headers, rows, freshness } = useLoaderData<typeof loader>();
  const columns = headers.columns;
  const withMisconceptions = rows.filter((r) => r.total > 0).length;
  return (
    <>
      <InsightHeader project={project} printName="Insight: students × misconceptions" subtitle="Students × misconceptions: who showed which idea, and whether they have worked through it"
        freshness={freshness}
      />

      {columns.length === 0 ? (
        <EmptyState>No attempt shows a misconception yet. The heatmap fills in once wrong answers tagged with a misconception come in.</EmptyState>
      ) : (
        <>
          <div className="mb-4 flex flex-wrap items-center gap-x-6 gap-y-2 rounded-lg border border-slate-200 bg-white px-4 py-3 text-sm">
            <span className="font-medium text-slate-800">How to read it:</span>
            <span>Each number is how many attempts showed the idea.</span>
            <span className="inline-flex items-center gap-1 text-emerald-900">
              <ResolvedIcon resolved /> {RESOLVED_WORDS.true} (a later “got it” on every checkpoint where it showed)
            </span>
            <span className="inline-flex items-center gap-1 text-amber-900">
              <ResolvedIcon resolved={false} /> {RESOLVED_WORDS.false}
            </span>
            <span>Darker cells: more attempts. Select a number to see the attempts behind it.</span>
          </div>
          <WideTable
            landscape
            tall
            tableClassName="border-separate border-spacing-0 text-sm"
            caption={
              <>
                Attempts showing each misconception, per student ({withMisconceptions} of {plural(rows.length, "student")} showed at least one).
                Sorted by {sortDescription(headers)}.
              </>
            }
          >
              <thead>
                <tr>
                  <th
                    scope="col"
                    aria-sort={headers.name.ariaSort}
                    className="sticky left-0 top-0 z-30 border-b-2 border-r border-slate-300 bg-slate-100 px-3 py-2 text-left align-bottom"
                  >
                    <SortLink label="Student" sort={headers.name} />
                  </th>
                  <th scope="col" aria-sort={headers.total.ariaSort} className="sticky top-0 z-20 min-w-16 border-b-2 border-r border-slate-300 bg-slate-100 px-3 py-2 text-left align-bottom">
                    <SortLink label="Total" sort={headers.total} />
                    <span className="block text-xs font-normal text-slate-700">attempts</span>
                  </th>
                  {columns.map((c) => (
                    <th
                      key={c.misconceptionId}
                      scope="col"
                      aria-sort={c.sort.ariaSort}
                      className="sticky top-0 z-20 min-w-28 max-w-44 border-b-2 sm:min-w-32 border-r border-slate-300 bg-slate-100 px-3 py-2 text-left align-bottom"
                    >
                      <SortLink label={c.name} sort={c.sort} />
                      <span className="block text-xs font-normal text-slate-700">
                        {plural(c.students, "student")} · {plural(c.attempts, "attempt")}
                      </span>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.studentId} className="group">
                    <th scope="row" className="sticky left-0 z-10 border-b border-r border-slate-200 bg-white px-3 py-2 text-left font-medium group-hover:bg-slate-50 sm:min-w-44">
                      <Link to={paths.timeline(project.id, r.studentId)}>{r.name}</Link>
                      {!r.active ? <span className="block text-xs font-normal text-slate-700">Removed from the class</span> : null}
                    </th>
                    <td className="border-b border-r border-slate-200 px-3 py-2 text-right tabular-nums group-hover:bg-slate-50">
                      {r.total > 0 ? (
                        <Link to={paths.attempts(project.id, { student: r.studentId })} className="font-semibold">
                          <span className="sr-only">{r.name}: </span>
                          {r.total}
                          <span className="sr-only"> attempts showing a misconception</span>
                        </Link>
                      ) : (
                        <span className="text-slate-600">0</span>
                      )}
                    </td>
                    {r.cells.map((cell, i) =>
                      cell ? (
                        <td key={columns[i].misconceptionId} className={`border-b border-r border-slate-200 p-1 ${SHADES[cell.shade]}`}>
                          <Link
                            to={paths.attempts(project.id, { student: r.studentId, misconception: cell.misconceptionId })}
                            className={`flex items-center justify-between gap-2 rounded-md border-2 px-2 py-1 no-underline hover:underline ${cell.resolved ? "border-solid border-emerald-700 text-emerald-950" : "border-dashed border-amber-700 text-amber-950"}`}
                          >
                            <span className="text-base font-semibold tabular-nums">
                              <span className="sr-only">
                                {r.name}, {columns[i].name}:{" "}
                              </span>
                              {cell.count}
                              <span className="sr-only">
                                {" "}
                                {noun(cell.count, "attempt")}, {cell.resolved ? RESOLVED_WORDS.true : RESOLVED_WORDS.false}
                              </span>
                            </span>
                            <span aria-hidden="true" className="inline-flex items-center gap-1 text-xs">
                              <ResolvedIcon resolved={cell.resolved} />
                              {cell.resolved ? "resolved" : "working"}
                            </span>
                          </Link>
                        </td>
                      ) : (
                        <td key={columns[i].misconceptionId} className="border-b border-r border-slate-200 px-3 py-2 text-center text-slate-500">
                          <span aria-hidden="true">·</span>
                          <span className="sr-only">none</span>
                        </td>
                      ),
                    )}
                  </tr>
                ))}
              </tbody>
          </WideTable>
        </>
      )}
    </>
  );
}

function sortDescription(headers: { name: HeaderSort; total: HeaderSort; columns: { name: string; sort: HeaderSort }[] }): string {
  const dir = (s: HeaderSort) => (s.ariaSort === "ascending" ? "ascending" : "descending");
  if (headers.name.ariaSort !== "none") return `student name, ${headers.name.ariaSort === "ascending" ? "A to Z" : "Z to A"}`;
  if (headers.total.ariaSort !== "none") return `total attempts, ${dir(headers.total) === "descending" ? "most first" : "fewest first"}`;
  const column = headers.columns.find((c) => c.sort.ariaSort !== "none");
  return column ? `${column.name}, ${dir(column.sort) === "descending" ? "most first" : "fewest first"}` : "total attempts";
}
