// Progress states as teachers see them: an icon, a border pattern and words —
// never colour alone.
import type { ReactNode } from "react";
import type { CellState } from "~/domain/progress";
import { cellParts } from "~/domain/progress-grid";

type Status = CellState["status"];

export const STATUS_STYLES: Record<Status, string> = {
  GOT_IT: "border-solid border-emerald-600 bg-emerald-50 text-emerald-950",
  NOT_YET: "border-dashed border-amber-600 bg-amber-50 text-amber-950",
  SUBMITTED: "border-dotted border-brand-600 bg-brand-50 text-brand-800",
  NOT_STARTED: "border-solid border-slate-200 bg-white text-slate-700",
};

export function StatusIcon({ status, className = "h-4 w-4" }: { status: Status; className?: string }) {
  const common = { className: `${className} shrink-0`, viewBox: "0 0 20 20", fill: "none", stroke: "currentColor", strokeWidth: 2, strokeLinecap: "round" as const, strokeLinejoin: "round" as const, "aria-hidden": true, focusable: false };
  switch (status) {
    case "GOT_IT":
      return (
        <svg {...common}>
          <circle cx="10" cy="10" r="8" />
          <path d="M6 10.5l2.5 2.5L14 7.5" />
        </svg>
      );
    case "NOT_YET":
      return (
        <svg {...common}>
          <path d="M4.5 10a5.5 5.5 0 1 0 1.8-4.1" />
          <path d="M5 2.8v3.6h3.6" />
        </svg>
      );
    case "SUBMITTED":
      return (
        <svg {...common}>
          <circle cx="10" cy="10" r="8" />
          <path d="M10 5.5V10l3 2" />
        </svg>
      );
    case "NOT_STARTED":
      return (
        <svg {...common}>
          <circle cx="10" cy="10" r="7" strokeDasharray="2.5 2.5" />
        </svg>
      );
  }
}

const ICON_PATHS: Record<Status, ReactNode> = {
  GOT_IT: (
    <>
      <circle cx="10" cy="10" r="8" />
      <path d="M6 10.5l2.5 2.5L14 7.5" />
    </>
  ),
  NOT_YET: (
    <>
      <path d="M4.5 10a5.5 5.5 0 1 0 1.8-4.1" />
      <path d="M5 2.8v3.6h3.6" />
    </>
  ),
  SUBMITTED: (
    <>
      <circle cx="10" cy="10" r="8" />
      <path d="M10 5.5V10l3 2" />
    </>
  ),
  NOT_STARTED: <circle cx="10" cy="10" r="7" strokeDasharray="2.5 2.5" />,
};

/**
 * The status icons once per page, for large grids: cells draw them with
 * <svg><use href="#status-GOT_IT" /></svg> instead of repeating the paths.
 */
export function StatusIconSprite() {
  return (
    <svg aria-hidden="true" focusable="false" width="0" height="0" className="absolute">
      {(Object.keys(ICON_PATHS) as Status[]).map((status) => (
        <symbol key={status} id={`status-${status}`} viewBox="0 0 20 20">
          <g fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round">
            {ICON_PATHS[status]}
          </g>
        </symbol>
      ))}
    </svg>
  );
}

/**
 * A status as an icon, a border pattern and words, read once: the icon is
 * hidden from assistive technology, so the words say the status a single time.
 * Give the whole wording ("Got it after 2 attempts"), not a badge plus a sentence.
 */
export function StatusLabel({ status, children }: { status: Status; children: ReactNode }) {
  return (
    <span className={`inline-flex items-center gap-1.5 rounded-md border-2 px-2 py-0.5 text-sm ${STATUS_STYLES[status]}`}>
      <StatusIcon status={status} />
      <span>{children}</span>
    </span>
  );
}

/** A small labelled status for lists (legend, a student's standing). */
export function StatusPill({ state, children }: { state: CellState; children?: ReactNode }) {
  const { headline, detail } = cellParts(state);
  return <StatusLabel status={state.status}>{children ?? `${headline}${detail ? ` · ${detail}` : ""}`}</StatusLabel>;
}
