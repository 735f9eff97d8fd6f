// A short-text checkpoint's group figures in words a teacher reads at a glance,
// and its correct answers, shown apart from the groups offered for naming as a
// misconception (decision 004). Presentational only.
import { Link } from "@remix-run/react";
import { OutcomeBadge } from "~/components/outcome-badge";
import { Badge } from "~/components/ui";
import type { Outcome } from "~/domain/grading";
import type { TextGroupInsight } from "~/domain/insight/checkpoints";
import type { CorrectBy } from "~/domain/insight/prepare";
import { paths } from "~/utils/paths";
import { plural } from "~/domain/words";

type Figures = Pick<TextGroupInsight, "size" | "students" | "studentsGotItWithThis" | "studentsGotItLater" | "studentsNotYet" | "outcomes">;

/** A group's typical answers as students wrote them, quoted. */
export function TypicalAnswers({ answers, accent }: { answers: string[]; accent: "correct" | "group" }) {
  if (answers.length === 0) return null;
  return (
    <div className="mt-3">
      <p className="text-sm font-medium text-slate-800">Typical answers</p>
      <ul className="mt-1 space-y-1">
        {answers.map((r) => (
          <li key={r} className={`border-l-4 ${accent === "correct" ? "border-emerald-100" : "border-brand-100"} pl-3 text-slate-900`}>
            “{r}”
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * "5 answers from 4 students. Of these students, 0 got it with an answer in this group,
 * 3 got it on a later attempt, 1 has not got it yet. Answers: …". The three
 * parts of the students add up to the students, the outcomes to the answers.
 */
export function GroupFigures({ group, after }: { group: Figures; after?: string }) {
  return (
    <p className="mt-3 text-sm text-slate-800">
      {plural(group.size, "answer")} from {plural(group.students, "student")}. Of these students, {group.studentsGotItWithThis} got it with an answer in this group,{" "}
      {group.studentsGotItLater} got it on a later attempt, {group.studentsNotYet} {group.studentsNotYet === 1 ? "has" : "have"} not got it yet. Answers:{" "}
      {group.outcomes.gotIt} got it, {group.outcomes.notYet} not yet, {group.outcomes.waiting} waiting for a check.
      {after ?? ""}
    </p>
  );
}

export const CORRECT_BY_WORDS: Record<CorrectBy, string> = {
  RULE: "got it by the checkpoint's rule",
  TEACHER: "you marked it “got it”",
  MODEL_ANSWER: "says what the model answer says",
  SELF: "the student's own “got it”, not checked by you",
};

export interface CorrectAnswerItem {
  id: string;
  studentId: string;
  studentName: string;
  number: number;
  text: string;
  outcome: Outcome | null;
  correctBy: CorrectBy | null;
}

export function CorrectAnswersCard({
  group,
  answers,
  projectId,
  checkpointId,
}: {
  group: TextGroupInsight;
  answers: Map<string, CorrectAnswerItem>;
  projectId: string;
  checkpointId: string;
}) {
  const members = group.attemptIds.map((id) => answers.get(id)).filter((a): a is CorrectAnswerItem => Boolean(a));
  const why = (Object.keys(CORRECT_BY_WORDS) as CorrectBy[])
    .filter((k) => (group.correctBy?.[k] ?? 0) > 0)
    .map((k) => `${group.correctBy![k]} ${CORRECT_BY_WORDS[k]}`);
  return (
    <section id="correct-answers" aria-labelledby="correct-answers-heading" className="scroll-mt-4 rounded-lg border border-emerald-200 bg-white p-5 shadow-sm">
      <h3 id="correct-answers-heading" className="text-lg font-semibold text-slate-900">
        Correct answers
      </h3>
      <p className="mt-1 flex flex-wrap gap-2">
        <Badge tone="good">Not a misconception</Badge>
      </p>
      <p className="mt-2 text-sm text-slate-700">
        Answers that got it (by your mark, or the student&apos;s own assessment) or say what the model answer says. They are kept out of the groups you
        name as misconceptions. If one is not right, mark it “not yet” on the student&apos;s page: it then joins the groups above.
      </p>
      <GroupFigures group={group} />
      {why.length ? <p className="mt-1 text-sm text-slate-800">Why they count as correct: {why.join("; ")}.</p> : null}
      <TypicalAnswers answers={group.representatives} accent="correct" />
      <details className="mt-4 rounded-md border border-slate-200 bg-slate-50 px-3 py-2">
        <summary className="cursor-pointer text-sm font-medium text-brand-800">All {plural(members.length, "correct answer")}</summary>
        <ul className="mt-1 divide-y divide-slate-200">
          {members.map((a) => (
            <li key={a.id} className="space-y-2 py-3">
              <blockquote className="whitespace-pre-wrap border-l-4 border-slate-300 pl-3 text-slate-900">{a.text}</blockquote>
              <p className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
                <Link to={paths.timeline(projectId, a.studentId, checkpointId)}>
                  {a.studentName}, attempt {a.number}
                </Link>
                <OutcomeBadge outcome={a.outcome} />
                {a.correctBy ? <span>{CORRECT_BY_WORDS[a.correctBy]}</span> : null}
              </p>
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}
