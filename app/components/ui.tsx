import type { ReactNode } from "react";

/** A page's title, with a line under it and its actions on the right. Breadcrumbs come from app/components/breadcrumbs.tsx. */
export function PageHeader({ title, subtitle, actions }: { title: ReactNode; subtitle?: ReactNode; actions?: ReactNode }) {
  return (
    <div className="mb-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
          {subtitle ? <p className="mt-1 text-slate-700">{subtitle}</p> : null}
        </div>
        {actions ? <div className="flex flex-wrap gap-2 print:hidden">{actions}</div> : null}
      </div>
    </div>
  );
}

export function Card({
  children,
  className = "",
  title,
  headingLevel = 2,
  id,
}: {
  children: ReactNode;
  className?: string;
  title?: ReactNode;
  headingLevel?: 2 | 3;
  /** An anchor for links to this card (`#id`). */
  id?: string;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section id={id} className={`rounded-lg border border-slate-200 bg-white p-5 shadow-sm ${className}`}>
      {title ? <Heading className="mb-3 text-lg font-semibold">{title}</Heading> : null}
      {children}
    </section>
  );
}

const badgeTones = {
  neutral: "bg-slate-100 text-slate-800 border-slate-300",
  good: "bg-emerald-50 text-emerald-900 border-emerald-300",
  growing: "bg-amber-50 text-amber-900 border-amber-300",
  info: "bg-brand-50 text-brand-800 border-brand-100",
  alert: "bg-rose-50 text-rose-900 border-rose-300",
} as const;

export function Badge({ children, tone = "neutral" }: { children: ReactNode; tone?: keyof typeof badgeTones }) {
  return <span className={`inline-flex items-center rounded-full border px-2 py-0.5 text-xs font-medium ${badgeTones[tone]}`}>{children}</span>;
}

export function Notice({ children, tone = "info", title }: { children: ReactNode; tone?: "info" | "good" | "growing"; title?: ReactNode }) {
  const tones = {
    info: "border-brand-100 bg-brand-50 text-brand-800",
    good: "border-emerald-300 bg-emerald-50 text-emerald-900",
    growing: "border-amber-300 bg-amber-50 text-amber-900",
  };
  return (
    <div className={`rounded-md border p-4 ${tones[tone]}`} role="status">
      {title ? <p className="font-semibold">{title}</p> : null}
      <div className={title ? "mt-1" : ""}>{children}</div>
    </div>
  );
}

/** What an action answered about the page as a whole: done (good), or why not (a gentle note); nothing without a message. */
export function ActionNotice({ result }: { result: { ok: boolean; message?: string | null } | null | undefined }) {
  if (!result?.message) return null;
  return (
    <div className="mb-6">
      <Notice tone={result.ok ? "good" : "growing"}>{result.message}</Notice>
    </div>
  );
}

/** A page's two columns on wide screens: the main one (two thirds) and the side one; stacked on phones. */
export function MainAndSide({ main, side }: { main: ReactNode; side: ReactNode }) {
  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <div className="space-y-6 lg:col-span-2">{main}</div>
      <div className="space-y-6">{side}</div>
    </div>
  );
}

export function EmptyState({ children }: { children: ReactNode }) {
  return <p className="rounded-md border border-dashed border-slate-300 p-6 text-center text-slate-700">{children}</p>;
}

// Made once: toLocaleString with options builds a new formatter on every call,
// which the profile of the student pages showed as a few per cent of each request.
const DATE_TIME = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZone: "UTC" });
const TIME = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: "UTC" });

export function formatDateTime(value: string | Date): string {
  return `${DATE_TIME.format(typeof value === "string" ? new Date(value) : value)} UTC`;
}

/** The time of day, in UTC: "14:05 UTC". */
export function formatTime(value: string | Date): string {
  return `${TIME.format(typeof value === "string" ? new Date(value) : value)} UTC`;
}
