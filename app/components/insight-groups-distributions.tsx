// A checkpoint's wrong answers on its insight page: wrong options grouped under
// the misconceptions tagged to them (multiple choice), wrong values grouped by
// misconception and error shape (numeric). Charts are server-rendered SVG with
// a data table; the dark bar counts first attempts, the light bar all attempts.
import { Link } from "@remix-run/react";
import { HorizontalBarChart } from "~/components/charts";
import { EmptyState } from "~/components/ui";
import type { ChoiceDistribution, CheckpointSummary, NumericDistribution } from "~/domain/insight/checkpoints";
import { plural } from "~/domain/words";

export function SummaryList({ summary }: { summary: CheckpointSummary }) {
  const items: [string, string][] = [
    ["Attempts", String(summary.attempts)],
    ["Students who tried", String(summary.studentsAttempted)],
    ["Got it", `${summary.studentsGotIt} (${summary.gotItFirstTry} on the first try)`],
    ["Still at “not yet”", String(summary.studentsStillNotYet)],
    ["Waiting for a check", String(summary.studentsWaiting)],
    ["Attempts to “got it” (median)", summary.medianAttemptsToGotIt === null ? "—" : String(summary.medianAttemptsToGotIt)],
  ];
  return (
    <dl className="grid grid-cols-2 gap-x-6 gap-y-3 sm:grid-cols-3">
      {items.map(([term, value]) => (
        <div key={term}>
          <dt className="text-sm text-slate-700">{term}</dt>
          <dd className="text-xl font-semibold text-slate-900">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Where to write feedback for everyone who shows a misconception or chose an option (decision 018). */
export interface FeedbackLinks {
  misconception: (misconceptionId: string) => string;
  option: (optionId: string) => string;
}

export function ChoiceDistributionView({ detail, feedbackLinks }: { detail: ChoiceDistribution; feedbackLinks?: FeedbackLinks }) {
  if (detail.groups.length === 0) {
    return <EmptyState>No wrong option has been chosen yet.</EmptyState>;
  }
  return (
    <div className="space-y-6">
      <p className="text-sm text-slate-700">
        {plural(detail.wrong.first, "first attempt")} and {plural(detail.wrong.all, "attempt")} in all chose at least one wrong option
        {detail.missedOnly.all > 0 ? `; ${plural(detail.missedOnly.all, "other attempt")} left out a right option` : ""}.
      </p>
      {detail.groups.map((g) => {
        const title = g.misconceptionName ?? "Wrong options not tagged with a misconception";
        return (
          <section key={g.misconceptionId ?? "untagged"} aria-label={title}>
            <h3 className="font-semibold text-slate-900">{g.misconceptionName ? `Misconception: ${g.misconceptionName}` : title}</h3>
            <p className="mb-2 text-sm text-slate-700">
              Chosen on {plural(g.first, "first attempt")} and {plural(g.all, "attempt")} in all, by {plural(g.students, "student")}.
            </p>
            <HorizontalBarChart
              title={`Wrong options: ${title}`}
              description={g.options.map((o) => `“${o.text}”: ${o.first} first attempts, ${o.all} in all`).join("; ")}
              data={g.options.map((o) => ({ label: o.text, value: o.first, secondary: o.all }))}
              valueLabel="first attempts"
              secondaryLabel="all attempts"
            />
            {feedbackLinks ? (
              <ul className="mt-2 space-y-1 text-sm">
                {g.misconceptionId ? (
                  <li>
                    <Link to={feedbackLinks.misconception(g.misconceptionId)}>Write feedback to everyone whose answer shows “{g.misconceptionName}”</Link>
                  </li>
                ) : null}
                {g.options.map((o) => (
                  <li key={o.optionId}>
                    <Link to={feedbackLinks.option(o.optionId)}>
                      Write feedback to the {plural(o.students, "student")} who chose “{o.text}”
                    </Link>
                  </li>
                ))}
              </ul>
            ) : null}
          </section>
        );
      })}
    </div>
  );
}

export function NumericDistributionView({ detail }: { detail: NumericDistribution }) {
  if (detail.groups.length === 0) {
    return <EmptyState>No wrong value has been given yet.</EmptyState>;
  }
  return (
    <div className="space-y-6">
      <p className="text-sm text-slate-700">
        {plural(detail.wrong.first, "first attempt")} and {plural(detail.wrong.all, "attempt")} in all gave a wrong value
        {detail.unreadable.all > 0 ? `; ${plural(detail.unreadable.all, "answer")} no longer read as a number` : ""}.
      </p>
      {detail.groups.map((g) => {
        const heading =
          g.kind === "MISCONCEPTION" ? `Misconception: ${g.label}` : g.kind === "SHAPE" ? `Error shape: ${g.label}` : g.label;
        return (
          <section key={g.key} aria-label={heading}>
            <h3 className="font-semibold text-slate-900">{heading}</h3>
            <p className="mb-2 text-sm text-slate-700">
              Given on {plural(g.first, "first attempt")} and {plural(g.all, "attempt")} in all, by {plural(g.students, "student")}.
            </p>
            <HorizontalBarChart
              title={`Wrong values: ${heading}`}
              description={g.values.map((v) => `${v.label}: ${v.first} first attempts, ${v.all} in all`).join("; ")}
              data={g.values.map((v) => ({ label: v.label, value: v.first, secondary: v.all }))}
              valueLabel="first attempts"
              secondaryLabel="all attempts"
            />
            <ul className="mt-2 space-y-1 text-sm text-slate-800">
              {g.values.map((v) => (
                <li key={v.label}>
                  <span className="font-medium">{v.label}</span>
                  {v.shapes.length ? ` — ${v.shapes.map((s) => s.label).join("; ")}` : ""}
                  {v.listed ? " — a wrong value you listed" : ""}
                  {v.feedback ? `. Your feedback: “${v.feedback}”` : ""}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
