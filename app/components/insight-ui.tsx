// Pieces shared by the teacher's insight pages: the sub-navigation, headline
// figures, and the "worked through it / still working on it" mark (an icon and
// words, never colour alone). Presentational only.
import { Link, NavLink, useLocation } from "@remix-run/react";
import { PrintHeader } from "~/components/print";
import { PageHeader } from "~/components/ui";
import type { ReactNode } from "react";
import { LEAVE_OUT_EMAIL, paths } from "~/utils/paths";

/** Overview · Heatmap · Attempts, under the project tabs. */
export function InsightNav({ projectId }: { projectId: string }) {
  const links = [
    { to: paths.insight(projectId), label: "Overview", end: true },
    { to: paths.insight(projectId, "heatmap"), label: "Students × misconceptions", end: false },
    { to: paths.insight(projectId, "attempts"), label: "Attempts and tags", end: false },
    { to: paths.groupFeedbackList(projectId), label: "Group feedback", end: false },
  ];
  return (
    <nav aria-label="Insight" className="mb-6">
      <ul className="flex flex-wrap gap-2 text-sm">
        {links.map((l) => (
          <li key={l.to}>
            <NavLink
              to={l.to}
              end={l.end}
              className={({ isActive }) =>
                `inline-block rounded-full border px-3 py-1 font-medium no-underline ${isActive ? "border-brand-700 bg-brand-700 text-white" : "border-slate-300 bg-white text-slate-800 hover:border-slate-500"}`
              }
            >
              {l.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * The two CSV downloads (a resource route answers with the file). The students
 * CSV names every student with their email, and says so; a box leaves the
 * emails out. A plain GET form, so it works without JavaScript.
 */
export function CsvLinks({ projectId }: { projectId: string }) {
  const cls = "inline-flex items-center gap-1.5 rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm font-medium text-slate-900 no-underline hover:bg-slate-100";
  return (
    <div className="flex max-w-md flex-col items-end gap-2">
      <form method="get" action={paths.insight(projectId, "export")} className="flex flex-wrap items-center justify-end gap-x-3 gap-y-1">
        <input type="hidden" name="kind" value="students" />
        <button type="submit" className={cls} aria-describedby={`csv-emails-${projectId}`}>
          <DownloadIcon /> CSV: students × misconceptions
        </button>
        <label className="flex items-center gap-1.5 text-sm text-slate-800">
          <input type="checkbox" name="email" value={LEAVE_OUT_EMAIL} className="h-4 w-4" />
          Leave out emails
        </label>
        <p id={`csv-emails-${projectId}`} className="w-full text-right text-xs text-slate-600">
          Holds students&apos; names and emails: keep it private.
        </p>
      </form>
      <a href={`${paths.insight(projectId, "export")}?kind=checkpoints`} className={cls} download>
        <DownloadIcon /> CSV: checkpoint answers
      </a>
    </div>
  );
}

function DownloadIcon() {
  return (
    <svg className="h-4 w-4 shrink-0" viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <path d="M10 3v10M6 9l4 4 4-4M4 16h12" />
    </svg>
  );
}

export function Stat({ label, value, detail }: { label: ReactNode; value: ReactNode; detail?: ReactNode }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <dt className="text-sm font-medium text-slate-700">{label}</dt>
      <dd className="mt-1">
        <span className="block text-3xl font-semibold tracking-tight text-slate-900">{value}</span>
        {detail ? <span className="mt-1 block text-sm text-slate-700">{detail}</span> : null}
      </dd>
    </div>
  );
}

export function ResolvedIcon({ resolved, className = "h-4 w-4" }: { resolved: boolean; className?: string }) {
  const common = {
    className: `${className} shrink-0`,
    viewBox: "0 0 20 20",
    fill: "none",
    stroke: "currentColor",
    strokeWidth: 2,
    strokeLinecap: "round" as const,
    strokeLinejoin: "round" as const,
    "aria-hidden": true,
    focusable: false,
  };
  return resolved ? (
    <svg {...common}>
      <circle cx="10" cy="10" r="8" />
      <path d="M6 10.5l2.5 2.5L14 7.5" />
    </svg>
  ) : (
    <svg {...common}>
      <path d="M4.5 10a5.5 5.5 0 1 0 1.8-4.1" />
      <path d="M5 2.8v3.6h3.6" />
    </svg>
  );
}

export const RESOLVED_WORDS = { true: "worked through it", false: "still working on it" } as const;

/** An anonymised quote from a journal entry. */
export function QuoteBlock({ text }: { text: string }) {
  return (
    <blockquote className="border-l-4 border-slate-300 pl-3 text-sm italic text-slate-800">
      <p>“{text}”</p>
    </blockquote>
  );
}

/** The header every project-wide insight page starts with, under the project layout's frame: title, CSV links and the insight navigation. */
export function InsightHeader({
  project,
  subtitle,
  printName = "Insight",
  freshness,
}: {
  project: { id: string; title: string; status: string; classroom: { id: string; name: string } };
  subtitle: string;
  /** What the page is called on paper, under the class and project. */
  printName?: string;
  /** How current the report is (reportAge in view-format.ts); says so when it is being refreshed. */
  freshness?: { stale: false } | { stale: true; words: string };
}) {
  return (
    <>
      <PrintHeader classroom={project.classroom.name} project={project.title} page={printName} />
      <PageHeader
        title={project.title}
        subtitle={subtitle}
        actions={<CsvLinks projectId={project.id} />}
      />
      <InsightNav projectId={project.id} />
      {freshness?.stale ? <ReportAge words={freshness.words} /> : null}
    </>
  );
}

/** "Updated 12 seconds ago — refreshing", and a link that shows the page again (a plain link: it works without JavaScript). */
function ReportAge({ words }: { words: string }) {
  const location = useLocation();
  return (
    <p role="status" className="mb-6 rounded-md border border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-950">
      <span className="font-medium">{words}.</span> The newest work is being added to these figures.{" "}
      <Link to={`${location.pathname}${location.search}`} preventScrollReset className="font-medium text-amber-950 underline print:hidden">
        Show the latest
      </Link>
    </p>
  );
}
