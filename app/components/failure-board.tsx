// Pieces of the class failure session's pages (decision 019) shared by the
// teacher's page, the projector and the students' board. None of them shows a
// name: the teacher's page adds names itself.
import type { ReactNode } from "react";
import { OTHER_GROUP_ID, REACTION_KINDS, type ActionStatus, type BoardGroup, type ReactionCounts, type SessionState } from "~/domain/failure-session";
import { ACTION_STATUS_WORDS, REACTION_WORDS } from "~/domain/labels";
import { plural } from "~/domain/words";
import { formatDateTime } from "~/components/ui";

/** The heading of a group on the board: what its posts share, or that they are each their own. */
export function groupTitle(group: { id: string; keyTerms: string[] }, groups: number): string {
  if (group.id === OTHER_GROUP_ID) return groups > 1 ? "More setbacks" : "Setbacks";
  return group.keyTerms.length ? `Similar setbacks: ${group.keyTerms.join(", ")}` : "Similar setbacks";
}

/** Where the session stands, in words. */
export function sessionStateLine(session: { state: SessionState; minutesLeft: number; endsAt: string; closedAt: string | null }): string {
  if (session.state === "open") return `Open: ${plural(session.minutesLeft, "minute")} left for new posts (until ${formatDateTime(session.endsAt)}).`;
  if (session.state === "time-up") return "Time's up for new posts. Reactions still count until the session is closed.";
  return `Closed${session.closedAt ? ` on ${formatDateTime(session.closedAt)}` : ""}.`;
}

export function PromptQuestions({ questions, className = "" }: { questions: string[]; className?: string }) {
  if (questions.length === 1) return <p className={className}>{questions[0]}</p>;
  return (
    <ol className={`list-decimal space-y-1 pl-6 ${className}`}>
      {questions.map((q, i) => (
        <li key={i}>{q}</li>
      ))}
    </ol>
  );
}

/** The reactions a post has, as counts for the post (never per person, never ranked). */
export function ReactionSummary({ reactions, className = "" }: { reactions: ReactionCounts; className?: string }) {
  const shown = REACTION_KINDS.filter((k) => reactions[k] > 0);
  if (shown.length === 0) return null;
  return (
    <p className={`text-slate-700 ${className}`}>
      {shown.map((k, i) => (
        <span key={k}>
          {i > 0 ? " · " : ""}
          {REACTION_WORDS[k]}: {reactions[k]}
        </span>
      ))}
    </p>
  );
}

/** One post's text: the setback and what its author learned. */
export function PostText({ setback, learned, size = "text-base" }: { setback: string; learned: string; size?: string }) {
  return (
    <dl className={`space-y-2 ${size}`}>
      <div>
        <dt className="font-semibold text-slate-800">Setback</dt>
        <dd className="whitespace-pre-wrap">{setback}</dd>
      </div>
      <div>
        <dt className="font-semibold text-slate-800">What I learned</dt>
        <dd className="whitespace-pre-wrap">{learned}</dd>
      </div>
    </dl>
  );
}

/** The agreed actions, with their marks once the teacher has made them. */
export function AgreedActions({ actions, showStatus, itemExtra }: { actions: { id: string; text: string; status: ActionStatus | null }[]; showStatus: boolean; itemExtra?: (id: string) => ReactNode }) {
  return (
    <ol className="list-decimal space-y-2 pl-6">
      {actions.map((a) => (
        <li key={a.id}>
          <span>{a.text}</span>
          {showStatus ? <span className="ml-2 text-sm text-slate-700">({ACTION_STATUS_WORDS[a.status ?? "UNMARKED"]})</span> : null}
          {itemExtra ? itemExtra(a.id) : null}
        </li>
      ))}
    </ol>
  );
}

/**
 * The board as the class sees it on the projector: large type, no names,
 * groups of similar setbacks, the notes and reaction counts of each post.
 */
export function PresentedBoard({
  projectTitle,
  questions,
  stateLine,
  groups,
  agreed,
}: {
  projectTitle: string;
  questions: string[];
  stateLine: string;
  groups: BoardGroup<{ id: string; setback: string; learned: string; reactions: ReactionCounts; notes: { id: string; text: string }[] }>[];
  agreed: { id: string; text: string; status: ActionStatus | null }[];
}) {
  return (
    <div className="space-y-10 text-slate-950">
      <header className="rounded-xl bg-slate-900 px-8 py-8 text-white">
        <p className="text-lg font-medium text-slate-200 2xl:text-2xl">Class failure session · {projectTitle}</p>
        <h1 className="mt-1 text-4xl font-semibold tracking-tight 2xl:text-6xl">What our setbacks taught us</h1>
        <PromptQuestions questions={questions} className="mt-4 text-xl text-slate-100 2xl:text-3xl" />
        <p className="mt-4 text-lg text-slate-200 2xl:text-2xl">{stateLine} No names, just what we learned.</p>
      </header>
      {groups.length === 0 ? (
        <p className="rounded-xl border border-slate-300 bg-white p-8 text-2xl">Nothing on the board yet. Posts appear here once they are released.</p>
      ) : null}
      {groups.map((g) => (
        <section key={g.id} aria-labelledby={`present-${g.id}`} className="rounded-xl border border-slate-300 bg-white p-8 shadow-sm">
          <h2 id={`present-${g.id}`} className="text-3xl font-semibold tracking-tight 2xl:text-5xl">
            {groupTitle(g, groups.length)}
          </h2>
          <ul className="mt-6 grid gap-6 lg:grid-cols-2">
            {g.posts.map((p) => (
              <li key={p.id} className="rounded-lg border-l-8 border-brand-600 bg-brand-50 px-6 py-5">
                <PostText setback={p.setback} learned={p.learned} size="text-xl 2xl:text-3xl" />
                <ReactionSummary reactions={p.reactions} className="mt-3 text-lg 2xl:text-2xl" />
                {p.notes.length ? (
                  <div className="mt-4">
                    <h3 className="text-lg font-semibold 2xl:text-2xl">What helped classmates</h3>
                    <ul className="mt-2 space-y-2 text-lg 2xl:text-2xl">
                      {p.notes.map((n) => (
                        <li key={n.id} className="rounded-md bg-white px-4 py-2">
                          {n.text}
                        </li>
                      ))}
                    </ul>
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ))}
      {agreed.length ? (
        <section aria-labelledby="present-agreed" className="rounded-xl border-2 border-emerald-700 bg-emerald-50 p-8">
          <h2 id="present-agreed" className="text-3xl font-semibold tracking-tight 2xl:text-5xl">
            What we will do differently
          </h2>
          <div className="mt-4 text-xl 2xl:text-3xl">
            <AgreedActions actions={agreed} showStatus={false} />
          </div>
        </section>
      ) : null}
    </div>
  );
}
