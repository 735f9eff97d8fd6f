// The insight's "Plans and lasting recovery" section (decision 017): the plans
// students wrote per misconception (grouped, anonymised), how many were
// followed through, recovery with a plan against without (counts first, and
// "too few to compare" in words), and per misconception who recovered, showed
// it again later, or is still working on it, with re-check results.
import { QuoteBlock } from "~/components/insight-ui";
import { WideTable } from "~/components/wide-table";
import { RECHECK_RESULT_LABELS, RECOVERY_STATE_LABELS } from "~/domain/labels";
import type { FollowThrough, PlanTextGroup } from "~/domain/insight/plans";
import type { LastingRecovery } from "~/domain/insight/lasting";
import { formatShare } from "~/domain/insight/view-format";
import { RECHECK_RESULTS, RECOVERY_STATES } from "~/domain/recovery";
import { plural } from "~/domain/words";

interface ComparisonView {
  words: string;
  tooFew: boolean;
}

export interface PlansView {
  plans: number;
  students: number;
  followThrough: FollowThrough;
  comparison: ComparisonView;
  byMisconception: { misconceptionId: string; name: string; plans: number; students: number; groups: PlanTextGroup[]; followThrough: FollowThrough; comparison: ComparisonView }[];
}

type LastingView = Omit<LastingRecovery, "rechecks"> & { rechecks: (LastingRecovery["rechecks"][number] & { title: string })[] };

function followThroughLine(f: FollowThrough): string {
  const told = f.helped + f.didntHelp + f.didntTry;
  const parts = [
    told > 0 ? `${f.helped + f.didntHelp} of ${told} tried their plan (${formatShare(f.shareFollowedThrough)}); ${f.helped} said it helped, ${f.didntHelp} that it didn't, ${f.didntTry} didn't try it.` : "Nobody has said yet how their plan went.",
    f.unanswered ? `${plural(f.unanswered, "plan")} had a next attempt but no answer yet.` : "",
    f.waiting ? `${plural(f.waiting, "plan")} still ${f.waiting === 1 ? "waits" : "wait"} for the next attempt.` : "",
  ];
  return parts.filter(Boolean).join(" ");
}

export function PlansAndLasting({ plans, lasting }: { plans: PlansView; lasting: LastingView[] }) {
  return (
    <section aria-labelledby="plans-heading" className="mt-6 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id="plans-heading" className="mb-1 text-lg font-semibold">
        Plans and lasting recovery
      </h2>
      <p className="text-sm text-slate-700">
        A plan is a student&apos;s answer to “What would I do differently?” (or the plan step of a reflection). After their next attempt they say whether they tried it.
      </p>

      <div className="mt-4 grid gap-6 lg:grid-cols-2">
        <div className="min-w-0">
          <h3 className="font-semibold text-slate-800">Plans</h3>
          {plans.plans === 0 ? (
            <p className="mt-1 text-sm text-slate-700">No plans written yet.</p>
          ) : (
            <>
              <p className="mt-1 text-sm text-slate-800">
                {plural(plans.plans, "plan")} by {plural(plans.students, "student")}. {followThroughLine(plans.followThrough)}
              </p>
              <p className={`mt-2 rounded-md p-2 text-sm ${plans.comparison.tooFew ? "border border-amber-300 bg-amber-50 text-amber-950" : "bg-slate-50 text-slate-800"}`}>
                <span className="font-medium">Recovery with a plan and without, over every misconception: </span>
                {plans.comparison.words}
              </p>
            </>
          )}
          <ul className="mt-4 space-y-5">
            {plans.byMisconception.map((m) => (
              <li key={m.misconceptionId}>
                <h4 className="font-semibold">{m.name}</h4>
                <p className="text-sm text-slate-800">
                  {plural(m.plans, "plan")} by {plural(m.students, "student")}. {followThroughLine(m.followThrough)}
                </p>
                {m.groups.length ? (
                  <ul className="mt-2 space-y-2" aria-label={`What students planned about ${m.name}`}>
                    {m.groups.map((g) => (
                      <li key={g.text}>
                        <QuoteBlock text={g.text} />
                        <p className="pl-4 text-xs text-slate-700">
                          {plural(g.plans, "plan")} like this by {plural(g.students, "student")}
                          {g.tried ? ` · ${g.tried} tried, ${g.helped} said it helped` : ""}
                          {g.alsoWritten.length ? ` · also written: ${g.alsoWritten.map((t) => `“${t}”`).join(", ")}` : ""}
                        </p>
                      </li>
                    ))}
                  </ul>
                ) : null}
                <p className={`mt-2 rounded-md p-2 text-sm ${m.comparison.tooFew ? "border border-amber-300 bg-amber-50 text-amber-950" : "bg-slate-50 text-slate-800"}`}>{m.comparison.words}</p>
              </li>
            ))}
          </ul>
          {plans.plans > 0 ? <p className="mt-2 text-xs text-slate-600">Plans are shortened, and names and emails are replaced. Similar plans are grouped.</p> : null}
        </div>

        <div className="min-w-0">
          <h3 className="font-semibold text-slate-800">Does recovery last?</h3>
          <p className="mt-1 text-sm text-slate-700">
            Recovered: got it where the misconception showed. Showed it again later: it came back on another checkpoint after a recovery. Mark a checkpoint as a re-check in its editor to test this on purpose.
          </p>
          {lasting.length === 0 ? (
            <p className="mt-2 text-sm text-slate-700">No attempt shows a misconception yet.</p>
          ) : (
            <WideTable className="mt-3" tableClassName="w-full text-left text-sm" caption="Students per misconception: recovered, showed it again later, still working on it" captionHidden>
              <thead>
                <tr className="border-b border-slate-300">
                  <th scope="col" className="py-1 pr-3">Misconception</th>
                  {RECOVERY_STATES.map((s) => (
                    <th key={s} scope="col" className="py-1 pr-3 first-letter:uppercase">
                      {RECOVERY_STATE_LABELS[s]}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {lasting.map((l) => (
                  <tr key={l.misconceptionId} className="border-b border-slate-100 align-top">
                    <th scope="row" className="py-1 pr-3 font-normal">
                      <span className="font-medium">{l.name}</span>
                      <span className="block text-xs text-slate-700">{plural(l.students, "student")} showed it</span>
                      {l.rechecks.map((r) => (
                        <span key={r.checkpointId} className="mt-1 block text-xs text-slate-800">
                          Re-check {r.title}:{" "}
                          {r.students === 0
                            ? "no one who had recovered has answered it yet"
                            : RECHECK_RESULTS.filter((k) => r.results[k] > 0)
                                .map((k) => `${r.results[k]} ${RECHECK_RESULT_LABELS[k]}`)
                                .join("; ")}
                          {r.students > 0 && r.students < 5 ? ` (only ${plural(r.students, "student")}: too few to read much into)` : ""}
                        </span>
                      ))}
                    </th>
                    <td className="py-1 pr-3">{l.states.recovered}</td>
                    <td className="py-1 pr-3">
                      {l.states.relapsed}
                      {l.recoveredAgain ? <span className="block text-xs text-slate-700">{l.recoveredAgain} recovered again</span> : null}
                    </td>
                    <td className="py-1 pr-3">{l.states["still-working"]}</td>
                  </tr>
                ))}
              </tbody>
            </WideTable>
          )}
        </div>
      </div>
    </section>
  );
}
