import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { StatusLabel } from "~/components/teacher-progress";
import { Card, EmptyState, PageHeader } from "~/components/ui";
import { formatTargetDate } from "~/domain/learning-goals";
import { listOwnGoalSummaries } from "~/models/learning-goal.server";
import { cellState, describeCell } from "~/domain/progress";
import { parseQuestions } from "~/domain/reflection-templates";
import { nextUpIndex } from "~/domain/student-path";
import { fullStopAfter, plural } from "~/domain/words";
import { listOwnProjectAttempts } from "~/models/attempt.server";
import { countOwnJournal, listLivePrompts } from "~/models/journal.server";
import { listCheckpointTitles, requireStudentProject } from "~/models/project.server";
import { sessionNotice } from "~/models/failure-session.server";
import { AgreedActions } from "~/components/failure-board";
import type { StudentProjectHandle } from "~/routes/learn.projects.$projectId";
import { paths } from "~/utils/paths";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.project.title} · Rebound` : "Project · Rebound" }];

export const handle: StudentProjectHandle = {
  breadcrumb: (project) => [{ label: project.classroom.name }],
};

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { student, project } = await requireStudentProject(request, params, context);
  // Every checkpoint with its title once (the live ones are listed; the retired ones the student worked on stay readable), and the student's attempts once.
  const [all, attempts, prompts, journal, failureSession] = await Promise.all([
    listCheckpointTitles(project.id),
    listOwnProjectAttempts(student.id, project.id),
    listLivePrompts(project.id, { trigger: "PROJECT" }),
    countOwnJournal(student.id, project.id),
    sessionNotice(project),
  ]);
  // Goals belong to the student in the class: the same ones show on every project of it (decision 018).
  const goals = await listOwnGoalSummaries(student.id, project);
  const attemptsOn = new Map<string, typeof attempts>();
  for (const a of attempts) {
    const list = attemptsOn.get(a.checkpointId);
    if (list) list.push(a);
    else attemptsOn.set(a.checkpointId, [a]);
  }
  const title = (c: (typeof all)[number]) => c.versions[0]?.title ?? "Untitled checkpoint";
  const checkpoints = all.filter((c) => !c.archivedAt);
  const retired = all.filter((c) => c.archivedAt && attemptsOn.has(c.id));
  const states = checkpoints.map((c) => cellState(attemptsOn.get(c.id) ?? []));
  const nextUp = nextUpIndex(states);
  return {
    project: { id: project.id, title: project.title, goal: project.goal, instructions: project.instructions },
    checkpoints: checkpoints.map((c, i) => ({
      id: c.id,
      title: title(c),
      status: states[i].status,
      state: describeCell(states[i]),
      isNextUp: i === nextUp,
    })),
    nextUp: nextUp >= 0 ? { id: checkpoints[nextUp].id, title: checkpoints[nextUp].versions[0]?.title ?? "", number: nextUp + 1, started: states[nextUp].attempts > 0 } : null,
    retired: retired.map((c) => ({ id: c.id, title: title(c), attempts: attemptsOn.get(c.id)?.length ?? 0 })),
    prompts: prompts.map((p) => ({ id: p.id, title: p.title, questions: parseQuestions(p.questions) })),
    journal,
    goals: goals.filter((g) => g.status === "WORKING").map((g) => ({ id: g.id, text: g.text, targetDate: g.targetDate })),
    goalsDone: goals.filter((g) => g.status !== "WORKING").length,
    failureSession,
  };
}

export default function StudentProjectPage() {
  const { project, checkpoints, nextUp, retired, prompts, journal, goals, goalsDone, failureSession } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title={project.title}
        subtitle={project.goal}
        actions={
          <>
            <Link to={paths.recoveries(project.id)} className="rounded-md border border-slate-400 bg-white px-4 py-2 text-sm font-medium no-underline hover:bg-slate-100">
              My recoveries
            </Link>
            {failureSession.hasSession ? (
              <Link to={paths.studentFailureSession(project.id)} className="rounded-md border border-slate-400 bg-white px-4 py-2 text-sm font-medium no-underline hover:bg-slate-100">
                Class failure session
              </Link>
            ) : null}
            <Link to={paths.journal(project.id)} className="rounded-md border border-slate-400 bg-white px-4 py-2 text-sm font-medium no-underline hover:bg-slate-100">
              My journal{journal.entries ? ` (${plural(journal.entries, "entry", "entries")})` : ""}
            </Link>
          </>
        }
      />
      {failureSession.openSession ? (
        <section aria-labelledby="failure-session-open-title" className="mb-6 rounded-lg border-2 border-brand-600 bg-white p-5">
          <h2 id="failure-session-open-title" className="text-lg font-semibold">
            A class failure session is open
          </h2>
          <p className="mt-1">
            {failureSession.openSession.state === "open"
              ? `Share a setback and what it taught you, without your name: ${plural(failureSession.openSession.minutesLeft, "minute")} left. `
              : "Time's up for new posts, but the board is still there. "}
            <Link to={paths.studentFailureSession(project.id)} className="font-medium underline">
              Go to the board
            </Link>
          </p>
        </section>
      ) : null}
      {failureSession.carried ? (
        <section aria-labelledby="agreed-actions-title" className="mb-6 rounded-lg border border-emerald-300 bg-emerald-50 p-5 text-emerald-950">
          <h2 id="agreed-actions-title" className="text-lg font-semibold">
            What we agreed to do differently
          </h2>
          <p className="mt-1 text-sm">At the end of {failureSession.carried.project.title}, the class agreed on these. Let&apos;s try them in this project.</p>
          <div className="mt-3">
            <AgreedActions actions={failureSession.carried.actions} showStatus />
          </div>
        </section>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <section aria-labelledby="next-up-title" className="rounded-lg border border-brand-100 bg-brand-50 p-5">
            <h2 id="next-up-title" className="text-lg font-semibold">
              Next up
            </h2>
            {nextUp ? (
              <p className="mt-1">
                Checkpoint {nextUp.number}: <span className="font-medium">{nextUp.title}</span>
                {fullStopAfter(nextUp.title)}{" "}
                <Link to={paths.studentCheckpoint(project.id, nextUp.id)} className="font-medium underline">
                  {nextUp.started ? "Pick up where you left off" : "Start it"}
                </Link>
              </p>
            ) : checkpoints.length ? (
              <p className="mt-1">
                You&apos;ve got every checkpoint in this project. Look back at how you got there in{" "}
                <Link to={paths.journal(project.id)} className="underline">
                  your journal
                </Link>
                .
              </p>
            ) : (
              <p className="mt-1">Your teacher hasn&apos;t added checkpoints yet.</p>
            )}
          </section>

          {project.instructions ? (
            <Card title="Instructions">
              <p className="whitespace-pre-wrap text-slate-900">{project.instructions}</p>
            </Card>
          ) : null}

          <Card title="Checkpoints">
            {checkpoints.length === 0 ? (
              <EmptyState>No checkpoints yet.</EmptyState>
            ) : (
              <ol className="divide-y divide-slate-200">
                {checkpoints.map((c, i) => (
                  <li key={c.id} className={`flex flex-wrap items-center justify-between gap-2 py-3 ${c.isNextUp ? "rounded-md bg-brand-50 px-2" : ""}`}>
                    <div>
                      <span className="mr-2 text-sm text-slate-600">{i + 1}.</span>
                      <Link to={paths.studentCheckpoint(project.id, c.id)} className="font-medium">
                        {c.title}
                      </Link>
                      {c.isNextUp ? <span className="ml-2 text-sm font-medium text-brand-800">(next up)</span> : null}
                    </div>
                    <StatusLabel status={c.status}>{c.state}</StatusLabel>
                  </li>
                ))}
              </ol>
            )}
          </Card>

          {retired.length ? (
            <Card title="Retired checkpoints you worked on">
              <p className="-mt-1 mb-2 text-sm text-slate-700">Your teacher retired these. Everything you did on them is kept.</p>
              <ul className="space-y-1">
                {retired.map((c) => (
                  <li key={c.id}>
                    <Link to={paths.studentCheckpoint(project.id, c.id)}>{c.title}</Link>{" "}
                    <span className="text-sm text-slate-600">
                      ({plural(c.attempts, "attempt")})
                    </span>
                  </li>
                ))}
              </ul>
            </Card>
          ) : null}
        </div>

        <div className="space-y-6">
          <Card title="Reflection prompts">
            {prompts.length === 0 ? (
              <p className="text-slate-700">
                No prompts for the whole project. You can always write a{" "}
                <Link to={`${paths.journal(project.id)}#journal-form-free.project.any`} className="underline">
                  free journal entry
                </Link>
                .
              </p>
            ) : (
              <ul className="space-y-4">
                {prompts.map((p) => (
                  <li key={p.id}>
                    <h3 className="font-semibold">{p.title}</h3>
                    <ul className="mt-1 list-disc pl-5 text-sm text-slate-800">
                      {p.questions.map((q) => (
                        <li key={q}>{q}</li>
                      ))}
                    </ul>
                    <Link to={`${paths.journal(project.id)}#journal-form-${p.id}.project.any`} className="mt-1 inline-block text-sm">
                      Answer “{p.title}” in your journal
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <Card title="Your journal">
            <p className="text-slate-800">
              {journal.entries
                ? `${plural(journal.entries, "entry", "entries")} so far.`
                : "Nothing in it yet — a few lines after each attempt go a long way."}
              {journal.drafts ? ` ${plural(journal.drafts, "draft")} waiting for you.` : ""}
            </p>
            <Link to={paths.journal(project.id)} className="mt-2 inline-block">
              Open my journal
            </Link>
          </Card>
          <Card title="Your learning goals">
            {goals.length === 0 ? (
              <p className="text-slate-800">
                {goalsDone ? `None you're working on now (${goalsDone} reached or let go).` : "None yet. Set one from any comment from your teacher, or from a “not yet”."}
              </p>
            ) : (
              <ul className="space-y-2 text-slate-800">
                {goals.map((g) => (
                  <li key={g.id}>
                    {g.text}
                    {g.targetDate ? <span className="text-sm text-slate-700"> · by {formatTargetDate(g.targetDate)}</span> : null}
                  </li>
                ))}
              </ul>
            )}
            <Link to={paths.goals(project.id)} className="mt-2 inline-block">
              My learning goals
            </Link>
          </Card>
        </div>
      </div>
    </>
  );
}
