// An attempt's outcome as a badge, the same for students and teachers: words,
// an icon and a border pattern, so it never depends on colour alone.
import type { ReactNode } from "react";
import { StatusIcon } from "~/components/teacher-progress";
import type { Outcome } from "~/domain/grading";

const OUTCOME_STYLE = {
  GOT_IT: { status: "GOT_IT", label: "Got it", className: "border-solid border-emerald-600 bg-emerald-50 text-emerald-950" },
  NOT_YET: { status: "NOT_YET", label: "Not yet", className: "border-dashed border-amber-600 bg-amber-50 text-amber-950" },
  WAITING: { status: "SUBMITTED", label: "Waiting for a check", className: "border-dotted border-brand-600 bg-brand-50 text-brand-800" },
} as const;

/** An attempt's outcome in words with an icon and a border pattern. */
export function OutcomeBadge({ outcome, suffix }: { outcome: Outcome | null; suffix?: ReactNode }) {
  const style = OUTCOME_STYLE[outcome ?? "WAITING"];
  return (
    <span className={`inline-flex items-center gap-1.5 rounded-md border-2 px-2 py-0.5 text-sm font-medium ${style.className}`}>
      <StatusIcon status={style.status} />
      {style.label}
      {suffix}
    </span>
  );
}
