import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { BarLineChart, HorizontalBarChart } from "~/components/charts";
import { InsightHeader, QuoteBlock, Stat } from "~/components/insight-ui";
import { Card, EmptyState, Notice } from "~/components/ui";
import { WideTable } from "~/components/wide-table";
import { KIND_LABELS } from "~/domain/checkpoint-spec";
import { SURE_FROM, UNSURE_UP_TO } from "~/domain/insight/calibration";
import { confidenceWords, formatDuration, formatNumber, formatShare, parseGranularity, periodLabel, reportAge } from "~/domain/insight/view-format";
import { share } from "~/domain/insight/stats";
import type { SupportRequest } from "~/domain/insight/help";
import { checkpointRows, headline, topMisconceptions } from "~/domain/insight/view-summary";
import { describePlanComparison } from "~/domain/insight/plans";
import { PlansAndLasting } from "~/components/insight-plans";
import { CONFIDENCE_LABELS } from "~/domain/journal-entry";
import { noun, plural } from "~/domain/words";
import { NOT_FOUND } from "~/domain/labels";
import { loadCachedReport } from "~/models/insight-cache.server";
import { requireTeacherProject } from "~/models/project.server";
import { notFound } from "~/utils/http.server";
import { paths } from "~/utils/paths";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Insight · ${data?.project.title ?? "Project"} · Rebound` }];

/** Misconceptions shown in full (chart and list); the rest are named in one line. */
const TOP_MISCONCEPTIONS = 5;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { project } = await requireTeacherProject(request, params);
  const granularity = parseGranularity(new URL(request.url).searchParams.get("period"));
  const cached = await loadCachedReport(project, { textGroups: true });
  if (!cached) notFound(NOT_FOUND.teacherProject);
  const { report, freshness } = cached;
  const now = Date.now();
  const names = new Map(report.misconceptions.map((m) => [m.misconceptionId, m.name]));
  const titles = new Map(report.checkpoints.map((c) => [c.checkpointId, `${c.position}. ${c.title}`]));
  const titleOf = (checkpointId: string | null) => (checkpointId ? (titles.get(checkpointId) ?? null) : null);
  const signal = (s: (typeof report.reflections.confidence.confidentWrong)[number]) => ({
    journalEntryId: s.journalEntryId,
    studentId: s.studentId,
    name: s.name,
    checkpointId: s.checkpointId,
    checkpoint: titleOf(s.checkpointId),
    confidence: s.confidence,
  });
  const buckets = report.velocity[granularity];
  const comparisonOf = (c: (typeof report.plans)["comparison"]) => ({ words: describePlanComparison(c, formatDuration), tooFew: c.tooFew, withPlan: c.withPlan, withoutPlan: c.withoutPlan });
  return {
    project: { id: project.id, title: project.title, status: project.status, classroom: project.classroom },
    freshness: reportAge(freshness, now),
    headline: headline(report),
    misconceptions: topMisconceptions(report, TOP_MISCONCEPTIONS, 2).map((m) => ({
      id: m.misconceptionId,
      name: m.name,
      studentsAffected: m.studentsAffected,
      studentsResolved: m.studentsResolved,
      studentsStillHolding: m.studentsStillHolding,
      attempts: m.attempts,
      checkpoints: m.checkpointIds.map(titleOf).filter((t): t is string => Boolean(t)),
      medianAttemptsToRecover: m.medianAttemptsToRecover,
      timeToRecover: m.medianTimeToRecoverMs === null ? null : formatDuration(m.medianTimeToRecoverMs),
      occursWith: m.occursWith.slice(0, 3).map((o) => ({ id: o.misconceptionId, name: o.name, students: o.students })),
      quotes: m.quotes.map((q) => ({ id: q.journalEntryId, text: q.text })),
      reflections: m.reflections,
    })),
    misconceptionsNotShown: report.misconceptions.filter((m) => m.studentsAffected === 0).map((m) => m.name),
    // Seen, but beyond the five shown in full: named here so none goes missing from the overview.
    misconceptionsAlsoSeen: report.misconceptions
      .filter((m) => m.studentsAffected > 0)
      .slice(TOP_MISCONCEPTIONS)
      .map((m) => ({ id: m.misconceptionId, name: m.name, students: m.studentsAffected })),
    stuck: report.help.stuck.map((s) => ({
      key: `${s.studentId}-${s.checkpointId}`,
      studentId: s.studentId,
      name: s.name,
      checkpointId: s.checkpointId,
      checkpoint: `${s.position}. ${s.checkpointTitle}`,
      notYets: s.consecutiveNotYet,
      since: formatDuration(now - new Date(s.lastAttemptAt).getTime()),
      misconceptions: s.misconceptionIds.map((id) => names.get(id) ?? "").filter(Boolean),
    })),
    minNotYets: report.help.minConsecutiveNotYet,
    support: supportByStudent(report.help.supportRequests, titleOf, now),
    checkpoints: checkpointRows(report),
    confidence: {
      rated: report.reflections.confidence.rated,
      table: report.reflections.confidence.table,
      confidentWrong: report.reflections.confidence.confidentWrong.map(signal),
      unsureRight: report.reflections.confidence.unsureRight.map(signal),
    },
    /** "How sure are you?" with the answer, before the outcome (calibration.ts). */
    calibration: report.calibration,
    reflections: {
      entries: report.reflections.entries,
      students: report.reflections.students,
      byMisconception: report.reflections.byMisconception.slice(0, 5).map((r) => ({
        id: r.misconceptionId,
        name: r.name,
        entries: r.entries,
        students: r.students,
        quote: r.quotes[0]?.text ?? null,
      })),
    },
    plans: {
      plans: report.plans.plans,
      students: report.plans.students,
      followThrough: report.plans.followThrough,
      comparison: comparisonOf(report.plans.comparison),
      byMisconception: report.plans.byMisconception.map((m) => ({ ...m, comparison: comparisonOf(m.comparison) })),
    },
    lasting: report.lasting.map((l) => ({ ...l, rechecks: l.rechecks.map((r) => ({ ...r, title: titleOf(r.checkpointId) ?? "a checkpoint" })) })),
    velocity: {
      granularity,
      buckets: buckets.map((b) => ({
        key: b.key,
        label: periodLabel(b, granularity),
        attempts: b.attempts,
        students: b.students,
        notYet: b.notYet,
        notYetLaterResolved: b.notYetLaterResolved,
        share: b.shareNotYetResolved,
        gotIts: b.gotIts,
        medianAttemptsToGotIt: b.medianAttemptsToGotIt,
      })),
    },
  };
}

/** Open support requests, one line per student (their oldest first), students in the order of their oldest request. */
function supportByStudent(requests: SupportRequest[], titleOf: (checkpointId: string | null) => string | null, now: number) {
  const byStudent = new Map<string, { id: string; studentId: string; name: string; count: number; waiting: string; about: string[] }>();
  for (const r of requests) {
    const about = titleOf(r.checkpointId);
    const seen = byStudent.get(r.studentId);
    if (seen) {
      seen.count++;
      if (about && !seen.about.includes(about)) seen.about.push(about);
      continue;
    }
    byStudent.set(r.studentId, {
      id: r.journalEntryId,
      studentId: r.studentId,
      name: r.name,
      count: 1,
      waiting: formatDuration(r.waitingMs ?? now - new Date(r.requestedAt).getTime()),
      about: about ? [about] : [],
    });
  }
  return [...byStudent.values()];
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;

export default function InsightOverview() {
  const d = useLoaderData<typeof loader>();
  const { project } = d;
  return (
    <>
      <InsightHeader project={project} printName="Insight overview" subtitle="Insight: what every attempt and reflection of the class shows" freshness={d.freshness} />

      {project.status !== "PUBLISHED" ? (
        <div className="mb-6">
          <Notice tone="growing" title="This project is still a draft">
            Students can&apos;t see it yet, so there is nothing to analyse. Publish it from the Build tab.
          </Notice>
        </div>
      ) : null}

      <Headline d={d} />

      {d.headline.attempts === 0 ? (
        <EmptyState>No attempts yet. Insight fills in as soon as students start working on the checkpoints.</EmptyState>
      ) : (
        <>
          <div className="mb-6 grid gap-6 lg:grid-cols-5">
            <div className="min-w-0 lg:col-span-3">
              <TopMisconceptions d={d} />
            </div>
            <div className="min-w-0 lg:col-span-2 print:break-before-page">
              <HelpNow d={d} />
            </div>
          </div>
          <Checkpoints d={d} />
          <PlansAndLasting plans={d.plans} lasting={d.lasting} />
          <Calibration d={d} />
          <div className="mt-6 grid gap-6 lg:grid-cols-2 print:mt-0 print:break-before-page">
            <div className="min-w-0">
              <Reflections d={d} />
            </div>
            <div className="min-w-0">
              <Velocity d={d} />
            </div>
          </div>
        </>
      )}
    </>
  );
}

function Headline({ d }: { d: Data }) {
  const h = d.headline;
  return (
    <section aria-labelledby="headline-heading" className="mb-6">
      <h2 id="headline-heading" className="sr-only">
        The class at a glance
      </h2>
      <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Stat label="Students who started" value={h.studentsWithAttempts} detail={`of ${plural(h.students, "student")} in the class`} />
        <Stat label="Attempts" value={h.attempts} detail={`${plural(h.notYet, "“not yet”", "“not yets”")} among them`} />
        <Stat
          label="“Not yets” later worked through"
          value={formatShare(h.shareNotYetResolved)}
          detail={h.notYet === 0 ? "No “not yet” so far" : `${h.notYetLaterResolved} of ${h.notYet} were followed by a “got it”`}
        />
        <Stat label="Misconceptions seen" value={h.misconceptionsShown} detail={`${plural(h.journalEntries, "journal entry", "journal entries")} to read alongside`} />
      </dl>
    </section>
  );
}

function TopMisconceptions({ d }: { d: Data }) {
  const base = d.project.id;
  return (
    <Card title="Top misconceptions">
      {d.misconceptions.length === 0 ? (
        <p className="text-sm text-slate-700">
          No attempt shows a misconception yet. Tag wrong options and values with misconceptions on the Build tab, or tag attempts on the{" "}
          <Link to={paths.insight(base, "attempts")} className="underline">
            attempts page
          </Link>
          .
        </p>
      ) : (
        <>
          <HorizontalBarChart
            title="Students per misconception"
            description={d.misconceptions
              .map((m) => `${m.name}: ${plural(m.studentsAffected, "student")} showed it, ${m.studentsResolved} worked through it, ${m.studentsStillHolding} still working on it`)
              .join("; ")}
            data={d.misconceptions.map((m) => ({ label: m.name, value: m.studentsResolved, secondary: m.studentsAffected }))}
            valueLabel="students who worked through it"
            secondaryLabel="students who showed it"
            width={600}
          />
          <ol className="mt-4 divide-y divide-slate-200">
            {d.misconceptions.map((m) => (
              <li key={m.id} className="py-4 first:pt-0 last:pb-0">
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <h3 className="text-base font-semibold">{m.name}</h3>
                  <span className="flex gap-3 text-sm">
                    <Link to={paths.attempts(base, { misconception: m.id })}>
                      Attempts<span className="sr-only"> showing {m.name}</span>
                    </Link>
                    <Link to={`${paths.insight(base, "heatmap")}?sort=${encodeURIComponent(m.id)}&dir=desc`}>
                      Who<span className="sr-only"> shows {m.name}</span>
                    </Link>
                  </span>
                </div>
                <p className="mt-1 text-sm text-slate-800">
                  <strong>{plural(m.studentsAffected, "student")}</strong> · {m.studentsResolved} worked through it · {m.studentsStillHolding} still working on it ·{" "}
                  {plural(m.attempts, "attempt")}
                </p>
                <p className="mt-1 text-sm text-slate-700">
                  {m.medianAttemptsToRecover === null
                    ? "No one has worked through it yet."
                    : `Those who worked through it needed a median of ${formatNumber(m.medianAttemptsToRecover)} more ${noun(m.medianAttemptsToRecover, "attempt")}${m.timeToRecover ? ` and ${m.timeToRecover} from their first “not yet”` : ""}.`}
                </p>
                {m.checkpoints.length > 0 ? <p className="mt-1 text-sm text-slate-700">Seen on: {m.checkpoints.join(" · ")}</p> : null}
                {m.occursWith.length > 0 ? (
                  <p className="mt-1 text-sm text-slate-700">
                    Often together with: {m.occursWith.map((o) => `${o.name} (${plural(o.students, "student")})`).join(", ")}
                  </p>
                ) : null}
                {m.quotes.length > 0 ? (
                  <div className="mt-2 space-y-1">
                    <p className="text-xs font-medium uppercase tracking-wide text-slate-600">
                      From {plural(m.reflections, "journal entry", "journal entries")} (anonymised)
                    </p>
                    {m.quotes.map((q) => (
                      <QuoteBlock key={q.id} text={q.text} />
                    ))}
                  </div>
                ) : null}
              </li>
            ))}
          </ol>
          {d.misconceptionsAlsoSeen.length > 0 ? (
            <p className="mt-4 text-sm text-slate-700">
              Also seen:{" "}
              {d.misconceptionsAlsoSeen.map((m, i) => (
                <span key={m.id}>
                  {i > 0 ? ", " : ""}
                  <Link to={paths.attempts(base, { misconception: m.id })} className="underline">
                    {m.name}
                  </Link>{" "}
                  ({plural(m.students, "student")})
                </span>
              ))}
              .
            </p>
          ) : null}
          {d.misconceptionsNotShown.length > 0 ? (
            <p className="mt-4 text-sm text-slate-700">Not seen in any attempt yet: {d.misconceptionsNotShown.join(", ")}.</p>
          ) : null}
        </>
      )}
    </Card>
  );
}

function HelpNow({ d }: { d: Data }) {
  const base = d.project.id;
  return (
    <Card title="Who needs help now">
      <h3 className="text-sm font-semibold text-slate-800">Repeated “not yet”, nothing since</h3>
      <p className="text-sm text-slate-700">
        {d.minNotYets} or more “not yet” in a row on a checkpoint, with no “got it” or reflection since.
      </p>
      {d.stuck.length === 0 ? (
        <p className="mt-2 text-sm text-slate-700">No one right now.</p>
      ) : (
        <ul className="mt-2 space-y-2 text-sm">
          {d.stuck.map((s) => (
            <li key={s.key} className="rounded-md border border-slate-200 p-2">
              <Link to={paths.timeline(base, s.studentId, s.checkpointId)} className="font-medium">
                {s.name}
              </Link>{" "}
              <span className="text-slate-800">
                · {s.notYets} “not yet” in a row on {s.checkpoint}
              </span>
              <span className="block text-slate-700">
                Last attempt {s.since} ago{s.misconceptions.length ? ` · shows ${s.misconceptions.join(", ")}` : ""}
              </span>
            </li>
          ))}
        </ul>
      )}
      <h3 className="mt-5 text-sm font-semibold text-slate-800">Open support requests, oldest first</h3>
      {d.support.length === 0 ? (
        <p className="mt-1 text-sm text-slate-700">No one is waiting for support.</p>
      ) : (
        <ol className="mt-2 space-y-2 text-sm">
          {d.support.map((r) => (
            <li key={r.id} className="rounded-md border border-rose-200 bg-rose-50 p-2">
              <Link to={`${paths.timeline(base, r.studentId)}#journal-${r.id}`} className="font-medium text-rose-950">
                {r.name}
              </Link>{" "}
              <span className="text-slate-900">
                · {r.count > 1 ? `${plural(r.count, "request")}, oldest waiting` : "waiting"} {r.waiting}
              </span>
              {r.about.length > 0 ? <span className="block text-slate-800">About {r.about.join(", ")}</span> : null}
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}

function Checkpoints({ d }: { d: Data }) {
  const base = d.project.id;
  return (
    <section aria-labelledby="checkpoints-heading" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm print:break-before-page">
      <h2 id="checkpoints-heading" className="mb-3 text-lg font-semibold">
        Checkpoint by checkpoint
      </h2>
      {d.checkpoints.length === 0 ? (
        <p className="text-sm text-slate-700">This project has no checkpoints yet.</p>
      ) : (
        <WideTable
          captionHidden
          tableClassName="w-full text-left text-sm"
          caption="Each checkpoint: students who got it, students still working on it, attempts, and the most common wrong idea"
        >
            <thead>
              <tr className="border-b-2 border-slate-300">
                <th scope="col" className="px-3 py-2 sm:min-w-48">Checkpoint</th>
                <th scope="col" className="min-w-24 py-2 pr-4">Got it</th>
                <th scope="col" className="min-w-24 py-2 pr-4">Still working on it</th>
                <th scope="col" className="min-w-28 py-2 pr-4">Attempts</th>
                <th scope="col" className="min-w-48 py-2 pr-3">Most common wrong idea</th>
              </tr>
            </thead>
            <tbody>
              {d.checkpoints.map((c) => (
                <tr key={c.checkpointId} className="border-b border-slate-200 align-top">
                  <th scope="row" className="px-3 py-2 font-normal">
                    <Link to={paths.checkpointInsight(base, c.checkpointId)} className="font-medium">
                      {c.position}. {c.title}
                    </Link>
                    <span className="block text-xs text-slate-700">
                      {KIND_LABELS[c.kind]}
                      {c.archived ? " · archived" : ""}
                    </span>
                  </th>
                  <td className="py-2 pr-4">
                    {c.gotIt} of {c.studentsAttempted}
                    <span className="block text-xs text-slate-700">{c.gotItFirstTry} on the first try</span>
                  </td>
                  <td className="py-2 pr-4">
                    {c.stillWorking}
                    {c.waiting > 0 ? <span className="block text-xs text-slate-700">+ {c.waiting} waiting for a check</span> : null}
                  </td>
                  <td className="py-2 pr-4">
                    {c.attempts}
                    <span className="block text-xs text-slate-700">
                      {c.medianAttemptsToGotIt === null ? "no “got it” yet" : `median ${formatNumber(c.medianAttemptsToGotIt)} to “got it”`}
                    </span>
                  </td>
                  <td className="py-2 pr-3">
                    {c.wrongIdea ? (
                      <>
                        <span className="font-medium">{c.wrongIdea.label}</span>
                        {c.wrongIdea.example ? <span className="text-slate-700"> — e.g. {c.wrongIdea.example}</span> : null}
                        <span className="block text-xs text-slate-700">
                          {plural(c.wrongIdea.attempts, "attempt")} by {plural(c.wrongIdea.students, "student")}
                        </span>
                      </>
                    ) : (
                      <span className="text-slate-700">None so far</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
        </WideTable>
      )}
    </section>
  );
}

function Calibration({ d }: { d: Data }) {
  const base = d.project.id;
  const c = d.calibration;
  const sure = `${SURE_FROM} or ${SURE_FROM + 1}`;
  const unsure = `${UNSURE_UP_TO - 1} or ${UNSURE_UP_TO}`;
  return (
    <section aria-labelledby="calibration-heading" className="mt-6 rounded-lg border border-slate-200 bg-white p-5 shadow-sm print:break-before-page">
      <h2 id="calibration-heading" className="mb-1 text-lg font-semibold">
        Confidence before the outcome
      </h2>
      <p className="text-sm text-slate-700">
        With each answer, students may say how sure they are, from 1 (not sure at all) to 5 (very sure), before they see whether it is right.
        {c.rated > 0
          ? ` ${c.rated} of ${plural(c.withOutcome, "attempt")} with an outcome were rated, by ${plural(c.students, "student")}; every attempt counts, not only the last.`
          : ""}
        {c.ratedWaiting > 0 ? ` ${plural(c.ratedWaiting, "rated short answer")} still ${c.ratedWaiting === 1 ? "waits" : "wait"} for a check and ${c.ratedWaiting === 1 ? "is" : "are"} not counted yet.` : ""}
      </p>
      {c.rated === 0 ? (
        <p className="mt-3 text-sm text-slate-700">
          No one has said how sure they are with an answer yet. This fills in as students answer “How sure are you?” on a checkpoint.
        </p>
      ) : (
        <>
          <div className="mt-4 grid gap-6 lg:grid-cols-2">
            <div className="min-w-0">
              <OutcomeByConfidence
                caption="How sure students were before the outcome, against the outcome (attempts)"
                heading="How sure"
                rows={c.table.map((row) => ({ ...row, label: CONFIDENCE_LABELS[row.confidence as 1 | 2 | 3 | 4 | 5] }))}
                withShare
              />
              <dl className="mt-4 space-y-3 text-sm">
                <div>
                  <dt className="font-semibold text-slate-800">Sure, and not yet there: {plural(c.sureAndNotYet, "attempt")}</dt>
                  <dd className="text-slate-700">Rated {sure}, and the outcome was “not yet”: a wrong idea held firmly, worth a conversation.</dd>
                </div>
                <div>
                  <dt className="font-semibold text-slate-800">Unsure, and got it: {plural(c.unsureAndGotIt, "attempt")}</dt>
                  <dd className="text-slate-700">Rated {unsure}, and the outcome was “got it”: right, but not sure why yet, worth consolidating.</dd>
                </div>
              </dl>
            </div>
            <div className="min-w-0">
              <h3 className="text-sm font-semibold text-slate-800">Misconceptions held firmly</h3>
              <p className="text-sm text-slate-700">A student holds one firmly when an answer showing it was rated {sure}.</p>
              <ul className="mt-2 space-y-3 text-sm">
                {c.byMisconception.map((m) => (
                  <li key={m.misconceptionId}>
                    <span className="font-semibold">{m.name}</span>
                    {m.heldFirmly.length > 0 ? (
                      <>
                        <span className="text-slate-800">: held firmly by {plural(m.heldFirmly.length, "student")}: </span>
                        {m.heldFirmly.map((h, i) => (
                          <span key={h.studentId}>
                            {i > 0 ? ", " : ""}
                            <Link to={paths.timeline(base, h.studentId, h.checkpointId)} className="underline">
                              {h.name}
                            </Link>
                            {h.workedThrough ? <span className="text-slate-700"> (got it since)</span> : null}
                            {h.active ? null : <span className="text-slate-700"> (removed from the class)</span>}
                          </span>
                        ))}
                      </>
                    ) : (
                      <span className="text-slate-800">: not held firmly by anyone</span>
                    )}
                    <span className="block text-slate-700">
                      {m.sureAndNotYet} of {plural(m.ratedAttempts, "rated attempt")} showing it {m.ratedAttempts === 1 ? "was" : "were"} rated {sure} and “not yet” ·{" "}
                      {plural(m.students, "student")} showed it on a rated attempt
                    </span>
                  </li>
                ))}
              </ul>
              {c.byMisconception.length === 0 ? <p className="mt-2 text-sm text-slate-700">No rated attempt shows a misconception yet.</p> : null}
            </div>
          </div>
          <WideTable
            className="mt-6"
            tall
            tableClassName="w-full text-left text-sm"
            caption="Each student: rated attempts, sure and not yet there, unsure and got it, and how often their sureness matched the outcome"
          >
            <thead>
              <tr className="border-b-2 border-slate-300">
                <th scope="col" className="px-3 py-2 sm:min-w-48">Student</th>
                <th scope="col" className="min-w-20 py-2 pr-4">Rated attempts</th>
                <th scope="col" className="min-w-24 py-2 pr-4">Sure, and not yet there</th>
                <th scope="col" className="min-w-24 py-2 pr-4">Unsure, and got it</th>
                <th scope="col" className="min-w-32 py-2 pr-3">Sureness matched the outcome</th>
              </tr>
            </thead>
            <tbody>
              {c.byStudent.map((s) => (
                <tr key={s.studentId} className="border-b border-slate-200">
                  <th scope="row" className="px-3 py-2 font-normal">
                    <Link to={paths.timeline(base, s.studentId)} className="font-medium">
                      {s.name}
                    </Link>
                    {s.active ? null : <span className="block text-xs text-slate-700">Removed from the class</span>}
                  </th>
                  <td className="py-2 pr-4">{s.rated}</td>
                  <td className="py-2 pr-4">{s.sureAndNotYet}</td>
                  <td className="py-2 pr-4">{s.unsureAndGotIt}</td>
                  <td className="py-2 pr-3">
                    {s.decided === 0 ? (
                      <span className="text-slate-700">— (every rating was 3)</span>
                    ) : (
                      <>
                        {s.matched} of {s.decided} <span className="text-slate-700">({formatShare(s.matchedShare)})</span>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </WideTable>
          <p className="mt-2 text-xs text-slate-700">
            Sureness matched the outcome: rated {sure} and “got it”, or rated {unsure} and “not yet”. Ratings of 3 are in between and count on neither side. With
            only a few rated attempts, read the counts rather than the share.
          </p>
        </>
      )}
    </section>
  );
}

/** How many “got it” and “not yet” at each level of sureness (before the outcome, or after feedback). */
function OutcomeByConfidence({
  caption,
  heading,
  rows,
  withShare = false,
  className,
}: {
  caption: string;
  heading: string;
  rows: { confidence: number; label: string; gotIt: number; notYet: number }[];
  withShare?: boolean;
  className?: string;
}) {
  return (
    <WideTable className={className} tableClassName="w-full text-left text-sm" caption={caption}>
      <thead>
        <tr className="border-b border-slate-300">
          <th scope="col" className="px-3 py-1">{heading}</th>
          <th scope="col" className="py-1 pr-3">Got it</th>
          <th scope="col" className={withShare ? "py-1 pr-3" : "py-1"}>Not yet</th>
          {withShare ? <th scope="col" className="py-1">Share “got it”</th> : null}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.confidence} className="border-b border-slate-100">
            <th scope="row" className="px-3 py-1 font-normal">
              {row.label}
            </th>
            <td className="py-1 pr-3">{row.gotIt}</td>
            <td className={withShare ? "py-1 pr-3" : "py-1"}>{row.notYet}</td>
            {withShare ? <td className="py-1">{formatShare(share(row.gotIt, row.gotIt + row.notYet))}</td> : null}
          </tr>
        ))}
      </tbody>
    </WideTable>
  );
}

function Reflections({ d }: { d: Data }) {
  const base = d.project.id;
  const c = d.confidence;
  const item = (s: (typeof c.confidentWrong)[number]) => (
    <li key={s.journalEntryId}>
      <Link to={`${paths.timeline(base, s.studentId)}#journal-${s.journalEntryId}`} className="underline">{s.name}</Link>
      <span className="text-slate-700">
        {" "}
        · {s.checkpoint ?? "a checkpoint"} · felt {confidenceWords(s.confidence)}
      </span>
    </li>
  );
  const people = (list: typeof c.confidentWrong) =>
    list.length === 0 ? null : (
      <>
        <ul className="mt-1 space-y-0.5">{list.slice(0, 5).map(item)}</ul>
        {list.length > 5 ? (
          <details className="mt-1">
            <summary className="cursor-pointer text-brand-700">{list.length - 5} more</summary>
            <ul className="mt-1 space-y-0.5">{list.slice(5).map(item)}</ul>
          </details>
        ) : null}
      </>
    );
  return (
    <Card title="Reflection signals">
      <p className="text-sm text-slate-700">
        {plural(d.reflections.entries, "journal entry", "journal entries")} from {plural(d.reflections.students, "student")}.{" "}
        {c.rated > 0
          ? `${c.rated} rated their confidence after feedback on an attempt with an outcome.`
          : "None rated their confidence after feedback on an attempt with an outcome yet."}
      </p>
      {c.rated > 0 ? (
        <>
          <OutcomeByConfidence
            className="mt-3"
            caption="Confidence after feedback (from reflections), against the outcome of the attempt reflected on"
            heading="Confidence"
            rows={c.table.map((row) => ({ ...row, label: `${row.confidence} · ${confidenceWords(row.confidence)}` }))}
          />
          <div className="mt-4 space-y-4 text-sm">
            <div>
              <h3 className="font-semibold text-slate-800">Confident, and “not yet”: {c.confidentWrong.length}</h3>
              <p className="text-slate-700">A wrong idea held firmly is worth a conversation.</p>
              {people(c.confidentWrong)}
            </div>
            <div>
              <h3 className="font-semibold text-slate-800">Unsure, and “got it”: {c.unsureRight.length}</h3>
              <p className="text-slate-700">Right, but not yet sure why.</p>
              {people(c.unsureRight)}
            </div>
          </div>
        </>
      ) : null}
      {d.reflections.byMisconception.length > 0 ? (
        <>
          <h3 className="mt-4 text-sm font-semibold text-slate-800">What they write about each misconception</h3>
          <ul className="mt-2 space-y-3 text-sm">
            {d.reflections.byMisconception.map((r) => (
              <li key={r.id}>
                <span className="font-medium">{r.name}</span>
                <span className="text-slate-700">
                  {" "}
                  · {plural(r.entries, "entry", "entries")} by {plural(r.students, "student")}
                </span>
                {r.quote ? (
                  <div className="mt-1">
                    <QuoteBlock text={r.quote} />
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
          <p className="mt-2 text-xs text-slate-600">Quotes are shortened, and names and emails are replaced.</p>
        </>
      ) : null}
    </Card>
  );
}

function Velocity({ d }: { d: Data }) {
  const v = d.velocity;
  const base = paths.insight(d.project.id);
  const unit = v.granularity === "day" ? "day" : "week";
  return (
    <Card title="Learning over time">
      <nav aria-label="Period of the chart" className="mb-3 flex items-center gap-2 text-sm">
        <span className="text-slate-700">Per</span>
        {(["day", "week"] as const).map((g) => (
          <Link
            key={g}
            to={g === "day" ? base : `${base}?period=week`}
            aria-current={v.granularity === g ? "true" : undefined}
            preventScrollReset
            className={`rounded-full border px-3 py-0.5 no-underline ${v.granularity === g ? "border-brand-700 bg-brand-700 text-white" : "border-slate-300 text-slate-800 hover:border-slate-500"}`}
          >
            {g}
          </Link>
        ))}
      </nav>
      {v.buckets.length === 0 ? (
        <p className="text-sm text-slate-700">No attempts yet.</p>
      ) : (
        <>
          <BarLineChart
            title={`Attempts and “not yets” later worked through, per ${unit}`}
            description={v.buckets
              .map((b) => `${b.label}: ${plural(b.attempts, "attempt")}, ${b.share === null ? "no not-yet" : `${formatShare(b.share)} of not-yets later worked through`}`)
              .join("; ")}
            points={v.buckets.map((b) => ({ label: b.label, bar: b.attempts, line: b.share }))}
            barLabel="attempts"
            lineLabel="share of “not yets” later worked through"
            width={520}
          />
          <WideTable className="mt-3" tableClassName="w-full text-left text-sm" caption={`Attempts needed to reach “got it”, per ${unit}`}>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="px-3 py-1">{v.granularity === "day" ? "Day" : "Week"}</th>
                <th scope="col" className="py-1 pr-3">First “got it”s reached</th>
                <th scope="col" className="py-1">Median attempts needed</th>
              </tr>
            </thead>
            <tbody>
              {v.buckets.map((b) => (
                <tr key={b.key} className="border-b border-slate-100">
                  <th scope="row" className="px-3 py-1 font-normal">{b.label}</th>
                  <td className="py-1 pr-3">{b.gotIts}</td>
                  <td className="py-1">{formatNumber(b.medianAttemptsToGotIt)}</td>
                </tr>
              ))}
            </tbody>
          </WideTable>
        </>
      )}
    </Card>
  );
}
