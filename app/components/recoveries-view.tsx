// A student's recoveries: each "not yet" turned into "got it", the attempts on
// the way, the ideas worked through, and the student's reflections beside them.
import { Link } from "@remix-run/react";
import { OutcomeBadge } from "~/components/outcome-badge";
import { Badge, EmptyState, formatDateTime } from "~/components/ui";
import { confidenceLabel } from "~/domain/journal-entry";
import type { IdeaRecovery, Recovery, RecoveryAttemptView, ReflectionView, StillWorkingOn } from "~/domain/recoveries";
import { plural } from "~/domain/words";
import { paths } from "~/utils/paths";

function AttemptStep({ attempt }: { attempt: RecoveryAttemptView }) {
  return (
    <li className="relative pb-5 pl-6 last:pb-0">
      <span
        aria-hidden="true"
        className={`absolute -left-[9px] top-1 h-4 w-4 rounded-full border-2 ${attempt.outcome === "GOT_IT" ? "border-emerald-700 bg-emerald-600" : "border-amber-700 bg-white"}`}
      />
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-medium">Attempt {attempt.number}</span>
        <OutcomeBadge outcome={attempt.outcome} />
        <time dateTime={attempt.at} className="text-sm text-slate-700">
          {formatDateTime(attempt.at)}
        </time>
      </div>
      <p className="mt-1 text-slate-900">
        <span className="text-sm text-slate-700">Your answer: </span>
        <span className="whitespace-pre-wrap">{attempt.answerText}</span>
      </p>
      {!attempt.isLatestVersion ? (
        <p className="text-sm text-slate-700">
          (answered version {attempt.versionNumber}: “{attempt.versionTitle}”)
        </p>
      ) : null}
      {attempt.misconceptions.length ? (
        <p className="mt-1 text-sm text-slate-800">
          Idea it showed: {attempt.misconceptions.map((m) => m.name).join(", ")}
        </p>
      ) : null}
    </li>
  );
}

function Reflection({ entry }: { entry: ReflectionView }) {
  const confidence = confidenceLabel(entry.confidence);
  return (
    <article aria-label={`${entry.title}, ${formatDateTime(entry.at)}`} className="rounded-md border border-slate-200 bg-slate-50 p-4">
      <header className="flex flex-wrap items-center justify-between gap-2">
        <p className="font-medium">
          {entry.title}
          {entry.attemptNumber ? <span className="font-normal text-slate-700"> · after attempt {entry.attemptNumber}</span> : null}
        </p>
        <time dateTime={entry.at} className="text-sm text-slate-700">
          {formatDateTime(entry.at)}
        </time>
      </header>
      <dl className="mt-2 space-y-2">
        {entry.responses.map((r, i) => (
          <div key={i}>
            {r.question ? <dt className="text-sm font-medium text-slate-700">{r.question}</dt> : <dt className="sr-only">Entry</dt>}
            <dd className="whitespace-pre-wrap text-slate-900">{r.answer}</dd>
          </div>
        ))}
      </dl>
      {confidence ? (
        <p className="mt-2">
          <Badge tone="info">Confidence: {confidence}</Badge>
        </p>
      ) : null}
    </article>
  );
}

export function RecoveryCard({ recovery, projectId }: { recovery: Recovery; projectId: string }) {
  const headingId = `recovery-${recovery.checkpointId}`;
  const href = paths.studentCheckpoint(projectId, recovery.checkpointId);
  return (
    <article aria-labelledby={headingId} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h3 id={headingId} className="text-lg font-semibold">
            <Link to={href}>{recovery.title}</Link>
          </h3>
          <p className="text-slate-800">
            Got it on attempt {recovery.attemptsToGotIt}, {recovery.timeToRecover} after your first “not yet”.
            {recovery.archived ? " Your teacher has since retired this checkpoint." : ""}
          </p>
        </div>
        <Badge tone="good">
          <span aria-hidden="true" className="mr-1">
            ↻✓
          </span>
          Recovered
        </Badge>
      </header>
      <div className="mt-4 grid gap-6 lg:grid-cols-2">
        <div>
          <h4 className="font-semibold">Your path</h4>
          <ol className="ml-2 mt-3 border-l-2 border-slate-300" aria-label={`Your attempts on ${recovery.title}`}>
            {[...recovery.before, recovery.gotIt].map((a) => (
              <AttemptStep key={a.id} attempt={a} />
            ))}
          </ol>
          {recovery.misconceptions.length ? (
            <div className="mt-4 rounded-md border border-emerald-300 bg-emerald-50 p-4 text-emerald-950">
              <h4 className="font-semibold">What you worked through</h4>
              <ul className="mt-2 space-y-2">
                {recovery.misconceptions.map((m) => (
                  <li key={m.id}>
                    <span className="font-medium">{m.name}</span>
                    {m.description ? <span> — {m.description}</span> : null}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </div>
        <div>
          <h4 className="font-semibold">Your reflections</h4>
          {recovery.reflections.length ? (
            <div className="mt-3 space-y-3">
              {recovery.reflections.map((r) => (
                <Reflection key={r.id} entry={r} />
              ))}
            </div>
          ) : (
            <p className="mt-3 rounded-md border border-dashed border-slate-300 p-4 text-slate-800">
              You didn&apos;t write about this one. Looking back is worth it even now:{" "}
              <Link to={paths.studentCheckpoint(projectId, recovery.checkpointId, recovery.gotIt.id)} className="underline">
                write a few lines about how you got there
              </Link>
              .
            </p>
          )}
        </div>
      </div>
    </article>
  );
}

export function StillWorkingOnList({ items, projectId }: { items: StillWorkingOn[]; projectId: string }) {
  if (items.length === 0) return <EmptyState>Nothing in progress right now — every checkpoint you started, you got.</EmptyState>;
  return (
    <ul className="space-y-3">
      {items.map((s) => (
        <li key={s.checkpointId} className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-950">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <p className="font-semibold">
              <Link to={paths.studentCheckpoint(projectId, s.checkpointId)} className="text-amber-950 underline">
                {s.title}
              </Link>
            </p>
            <OutcomeBadge outcome={s.waiting ? null : "NOT_YET"} />
          </div>
          <p className="mt-1">
            {plural(s.attempts, "attempt", "attempts")} so far, the latest on {formatDateTime(s.lastAt)}.{" "}
            {s.waiting ? "Your latest answer is waiting for a check." : "Each one showed you something — you're closer than the first time."}
            {s.reflections ? ` You've written ${plural(s.reflections, "reflection", "reflections")} about it.` : ""}
          </p>
          {s.misconceptions.length ? (
            <ul className="mt-2 space-y-1 text-sm">
              {s.misconceptions.map((m) => (
                <li key={m.id}>
                  <span className="font-medium">An idea to look at: {m.name}.</span>
                  {m.nextStep ? <span> Try this: {m.nextStep}</span> : null}
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** Student-facing words for where a recovery from one idea stands (app/domain/recovery.ts). */
function ideaStateWords(idea: IdeaRecovery): { badge: string; tone: "good" | "growing" | "neutral"; line: string } {
  const on = (titles: string[]) => titles.join(", ");
  if (idea.state === "recovered") return { badge: "Recovered", tone: "good", line: `You got it after this idea showed, on ${on(idea.recoveredOn)}.` };
  if (idea.state === "relapsed") {
    const r = idea.relapses[0];
    const back = `It came back on ${r.checkpointTitle} (attempt ${r.attemptNumber}) after you had got past it on ${r.afterCheckpointTitle}. That's normal: ideas take more than one go.`;
    return idea.recoveredAgain
      ? { badge: "Came back, recovered again", tone: "good", line: `${back} You got past it again since.` }
      : { badge: "Came back", tone: "growing", line: `${back} Still working on it on ${on(idea.stillOn)}.` };
  }
  return { badge: "Still working on it", tone: "growing", line: `Not yet got past it on ${on(idea.stillOn)}${idea.recoveredOn.length ? `; you did on ${on(idea.recoveredOn)}` : ""}.` };
}

/** Every idea (misconception) the student's answers showed, and whether they recovered, it came back, or they are still working on it. */
export function IdeaList({ ideas }: { ideas: IdeaRecovery[] }) {
  if (ideas.length === 0) return <EmptyState>None of your answers has shown a known mix-up so far.</EmptyState>;
  return (
    <ul className="space-y-3">
      {ideas.map((idea) => {
        const words = ideaStateWords(idea);
        return (
          <li key={idea.misconception.id} className="rounded-lg border border-slate-200 bg-white p-4">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <h3 className="font-semibold">{idea.misconception.name}</h3>
              <Badge tone={words.tone}>{words.badge}</Badge>
            </div>
            <p className="mt-1 text-slate-900">{words.line}</p>
            {idea.state !== "recovered" && idea.misconception.nextStep ? <p className="mt-1 text-sm text-slate-800">Try this: {idea.misconception.nextStep}</p> : null}
          </li>
        );
      })}
    </ul>
  );
}
