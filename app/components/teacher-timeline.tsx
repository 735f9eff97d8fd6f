// Pieces of a student's timeline as the teacher reads it. Presentational only.
import { useEffect, useState, type ReactNode, type SyntheticEvent } from "react";
import { StatusIcon } from "~/components/teacher-progress";
import { Badge } from "~/components/ui";
import type { Outcome } from "~/domain/grading";
import { tagSourceLabel } from "~/domain/labels";

export function formatTime(value: string | Date): string {
  const d = typeof value === "string" ? new Date(value) : value;
  return d.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: "UTC" }) + " UTC";
}

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

export function verdictLabel(verdict: Outcome): string {
  return verdict === "GOT_IT" ? "Got it" : "Not yet";
}

export function MisconceptionBadges({ items, kind }: { items: { name: string; source: string }[]; kind: string }) {
  if (items.length === 0) return null;
  return (
    <div className="mt-2 flex flex-wrap items-center gap-2 text-sm">
      <span className="font-medium text-slate-800">{items.length === 1 ? "Misconception" : "Misconceptions"}:</span>
      {items.map((m) => (
        <Badge key={m.name} tone="growing">
          {m.name}
          <span className="ml-1 font-normal">({tagSourceLabel(m.source, kind)})</span>
        </Badge>
      ))}
    </div>
  );
}

export function FormStatus({ message }: { message?: string | null }) {
  if (!message) return null;
  return (
    <p role="status" className="text-sm font-medium text-emerald-900">
      {message}
    </p>
  );
}

/**
 * Open state for a <details> that holds a form: it opens when the form has
 * errors (also without JavaScript, via the server-rendered attribute), stays
 * open while the teacher fixes them, and closes after a successful send.
 */
export function useFormDisclosure(hasErrors: boolean, result: { ok: boolean } | undefined) {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (hasErrors) setOpen(true);
  }, [hasErrors]);
  useEffect(() => {
    if (result?.ok) setOpen(false);
  }, [result]);
  return {
    open: open || hasErrors,
    onToggle: (event: SyntheticEvent<HTMLDetailsElement>) => setOpen(event.currentTarget.open),
  };
}
