import { NavLink } from "@remix-run/react";
import { paths } from "~/utils/paths";

/** Tabs across a teacher's project pages. */
export function ProjectNav({ projectId, published }: { projectId: string; published: boolean }) {
  const tabs = [
    { to: paths.teacherProject(projectId), label: "Build", end: true },
    ...(published
      ? [
          { to: paths.progress(projectId), label: "Class progress", end: false },
          { to: paths.insight(projectId), label: "Insight", end: false },
          { to: paths.debrief(projectId), label: "Class debrief", end: false },
          { to: paths.failureSession(projectId), label: "Failure session", end: false },
        ]
      : []),
  ];
  return (
    <nav aria-label="Project" className="mb-6 border-b border-slate-200">
      <ul className="flex flex-wrap gap-x-1">
        {tabs.map((t) => (
          <li key={t.to}>
            <NavLink
              to={t.to}
              end={t.end}
              className={({ isActive }) =>
                `inline-block rounded-t-md border-b-2 px-4 py-2 text-sm font-medium no-underline ${isActive ? "border-brand-600 text-brand-800" : "border-transparent text-slate-700 hover:text-slate-900"}`
              }
            >
              {t.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
