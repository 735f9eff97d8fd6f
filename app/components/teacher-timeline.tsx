// Pieces of a student's timeline as the teacher reads it. Presentational only.
import { useEffect, useState, type SyntheticEvent } from "react";
import { Badge } from "~/components/ui";
import type { Outcome } from "~/domain/grading";
import { tagSourceLabel } from "~/domain/labels";


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
