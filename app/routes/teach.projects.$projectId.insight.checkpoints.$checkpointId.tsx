
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { GroupCard, MergeGroupsForm, groupAnchor, groupFormId, type AnswerItem, type GroupActionData } from "~/components/insight-groups";
import { CorrectAnswersCard } from "~/components/insight-correct-answers";
import { actionMessage } from "~/components/action-words";
import { ChoiceDistributionView, NumericDistributionView, SummaryList } from "~/components/insight-groups-distributions";
import { InsightNav } from "~/components/insight-ui";
import { Badge, Card, EmptyState, Notice, PageHeader } from "~/components/ui";
import { KIND_LABELS } from "~/domain/checkpoint-spec";
import { parseGroupKey } from "~/domain/insight/answer-groups";
import {
  confirmSuggestions,
  dissolveGroup,
  mergeGroups,
  moveAnswerOut,
  nameGroup,
  rejectSuggestion,
  renameGroup,
  unlinkGroup,
  type GroupActionResult,
} from "~/models/answer-groups.server";
import { NOT_FOUND } from "~/domain/labels";
import { setAttemptTag, type TagCorrectionResult } from "~/models/attempt-tags.server";
import { deliverLaterMembers } from "~/models/group-feedback.server";
import { findProjectCheckpointKind, loadCheckpointInsight } from "~/models/checkpoint-insight.server";
import { requireTeacherProject } from "~/models/project.server";
import {
  GROUP_INTENTS,
  confirmSuggestionsSchema,
  groupOnlySchema,
  isGroupIntent,
  mergeGroupsSchema,
  moveOutSchema,
  nameGroupSchema,
  rejectSuggestionSchema,
  renameGroupSchema,
  tagSchema,
} from "~/schemas/answer-groups";
import { notFound } from "~/utils/http.server";
import { parseSubmission } from "~/utils/submission";
import type { TeacherProjectHandle } from "~/routes/teach.projects.$projectId";
import { paths } from "~/utils/paths";
import { readForm } from "~/utils/form.server";
import { keepsFormOnFailure } from "~/utils/action-failure.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.checkpoint.title} · Insight · ${data.project.title} · Rebound` : "Checkpoint insight · Rebound" },
];

export const handle: TeacherProjectHandle = {
  breadcrumb: (project) => [{ label: `Insight: ${project.title}`, to: paths.insight(project.id) }],
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { project } = await requireTeacherProject(request, params);
  const view = await loadCheckpointInsight(project, params.checkpointId ?? "");
  if (!view) notFound(NOT_FOUND.checkpoint);
  return {
    project: { id: project.id, title: project.title, status: project.status, classroom: project.classroom },
    ...view,
    show: new URL(request.url).searchParams.get("show"),
  };
}

const reply = (result: GroupActionData, status = 200) => data({ ...result, formId: groupFormId(result.intent, result.key) }, { status });

/**
 * The form without Conform's control fields: these forms have no list buttons,
 * and a hand-made `__intent__` or `__state__` would make Conform throw instead
 * of answering with messages.
 */
function withoutFormControls(formData: FormData): FormData {
  const clean = new FormData();
  for (const [name, value] of formData) if (name !== "__intent__" && name !== "__state__") clean.append(name, value);
  return clean;
}

export const action = keepsFormOnFailure(async ({ request, params }: ActionFunctionArgs) => {
  const { teacher, project } = await requireTeacherProject(request, params);
  const checkpoint = await findProjectCheckpointKind(project, params.checkpointId ?? "");
  if (!checkpoint) notFound(NOT_FOUND.checkpoint);
  const formData = withoutFormControls(await readForm(request));
  const intent = formData.get("intent");
  if (!isGroupIntent(intent)) {
    return reply({ intent: String(intent ?? ""), ok: false, message: "We didn't understand that request. Reload the page and try again." }, 400);
  }
  const isTag = intent === GROUP_INTENTS.addTag || intent === GROUP_INTENTS.removeTag;
  if (!isTag && checkpoint.kind !== "SHORT_TEXT") {
    return reply({ intent, ok: false, message: "Groups of answers are for short-text checkpoints." }, 400);
  }
  const ctx = { projectId: project.id, checkpointId: checkpoint.id, teacherId: teacher.id };

  /** Answers a model result: 200 with the message, or 400 with the message next to its field. */
  const answer = async (result: GroupActionResult | TagCorrectionResult, submission: { reply: (o?: object) => GroupActionData["reply"] } | null, key: string | null) => {
    const message = actionMessage(result);
    // The command may have put students in a group or misconception the teacher wrote feedback for (decision 018).
    if (result.ok) await deliverLaterMembers(project.id);
    if (result.ok) return reply({ intent, ok: true, message, key, reply: submission?.reply({ resetForm: true }) });
    const field = result.field && !["groupKey", "attemptId"].includes(result.field) ? result.field : null;
    return reply(
      {
        intent,
        ok: false,
        message,
        key,
        reply: submission?.reply(field ? { fieldErrors: { [field]: [message] } } : { formErrors: [message] }),
      },
      400,
    );
  };
  const firstError = (error: Record<string, string[] | null> | null | undefined) =>
    Object.values(error ?? {}).flatMap((e) => e ?? [])[0] ?? "Something in the form needs another look.";

  switch (intent) {
    case GROUP_INTENTS.name: {
      const submission = parseSubmission(formData, { schema: nameGroupSchema });
      const key = String(formData.get("groupKey") ?? "");
      if (submission.status !== "success") return reply({ intent, ok: false, message: firstError(submission.error), key, reply: submission.reply() }, 400);
      return answer(await nameGroup(ctx, submission.value), submission, key);
    }
    case GROUP_INTENTS.merge: {
      const submission = parseSubmission(formData, { schema: mergeGroupsSchema });
      if (submission.status !== "success") return reply({ intent, ok: false, message: firstError(submission.error), key: null, reply: submission.reply() }, 400);
      return answer(await mergeGroups(ctx, submission.value), submission, null);
    }
    case GROUP_INTENTS.rename: {
      const submission = parseSubmission(formData, { schema: renameGroupSchema });
      const key = String(formData.get("groupKey") ?? "");
      if (submission.status !== "success") return reply({ intent, ok: false, message: firstError(submission.error), key, reply: submission.reply() }, 400);
      return answer(await renameGroup(ctx, submission.value), submission, key);
    }
    case GROUP_INTENTS.moveOut: {
      const submission = parseSubmission(formData, { schema: moveOutSchema });
      const key = String(formData.get("attemptId") ?? "");
      if (submission.status !== "success") return reply({ intent, ok: false, message: firstError(submission.error), key }, 400);
      return answer(await moveAnswerOut(ctx, submission.value), null, key);
    }
    case GROUP_INTENTS.addTag:
    case GROUP_INTENTS.removeTag: {
      const submission = parseSubmission(formData, { schema: tagSchema });
      const key = String(formData.get("attemptId") ?? "");
      if (submission.status !== "success") return reply({ intent, ok: false, message: firstError(submission.error), key }, 400);
      return answer(await setAttemptTag(ctx, submission.value, intent === GROUP_INTENTS.addTag), null, key);
    }
    case GROUP_INTENTS.unlink:
    case GROUP_INTENTS.dissolve: {
      const submission = parseSubmission(formData, { schema: groupOnlySchema });
      const key = String(formData.get("groupKey") ?? "");
      if (submission.status !== "success") return reply({ intent, ok: false, message: firstError(submission.error), key }, 400);
      const run = intent === GROUP_INTENTS.unlink ? unlinkGroup : dissolveGroup;
      return answer(await run(ctx, submission.value), null, key);
    }
    case GROUP_INTENTS.confirmSuggestion: {
      const submission = parseSubmission(formData, { schema: confirmSuggestionsSchema });
      const key = String(formData.get("groupKey") ?? "");
      if (submission.status !== "success") return reply({ intent, ok: false, message: firstError(submission.error), key }, 400);
      return answer(await confirmSuggestions(ctx, submission.value), null, key);
    }
    case GROUP_INTENTS.rejectSuggestion: {
      const submission = parseSubmission(formData, { schema: rejectSuggestionSchema });
      const key = String(formData.get("groupKey") ?? "");
      if (submission.status !== "success") return reply({ intent, ok: false, message: firstError(submission.error), key }, 400);
      return answer(await rejectSuggestion(ctx, submission.value), null, key);
    }
  }
}, (form) => {
  // The form an answer belongs to: its intent and the group or answer it acted on (as `answer` above names it).
  const intent = String(form.get("intent") ?? "");
  const byAnswer: string[] = [GROUP_INTENTS.moveOut, GROUP_INTENTS.addTag, GROUP_INTENTS.removeTag];
  if (intent === GROUP_INTENTS.merge) return groupFormId(intent, null);
  return groupFormId(intent, String(form.get(byAnswer.includes(intent) ? "attemptId" : "groupKey") ?? ""));
});

export default function CheckpointInsightPage() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as GroupActionData | undefined;
  const insight = d.insight;
  const detail = insight.detail;
  const answers = new Map<string, AnswerItem>(d.answers.map((a) => [a.id, a]));
  const base = paths.checkpointInsight(d.project.id, d.checkpoint.id);
  /** Feedback can be written for a group the teacher kept (a machine group is recomputed on every view). */
  const feedbackHrefFor = (key: string) => {
    const parsed = parseGroupKey(key);
    return parsed?.kind === "confirmed" ? paths.newGroupFeedback(d.project.id, { group: parsed.answerGroupId }) : null;
  };

  const groups =
    detail.kind === "SHORT_TEXT" && detail.groups
      ? (() => {
          const order = new Map(d.groupOrder.map((id, i) => [id, i]));
          return [...detail.groups].sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
        })()
      : [];
  // The correct answers are shown apart: never offered for naming, merging or moving answers out.
  const correct = groups.find((g) => g.correct) ?? null;
  const named = groups.filter((g) => !g.correct);
  const confirmed = named.filter((g) => g.confirmed);
  const suggested = named.filter((g) => !g.confirmed);

  return (
    <>
      <PageHeader
        title={d.checkpoint.title}
        subtitle={
          <>
            Checkpoint {d.checkpoint.position} · {KIND_LABELS[d.checkpoint.kind]}
            {d.checkpoint.archived ? (
              <>
                {" "}
                · <Badge>Retired</Badge>
              </>
            ) : null}
          </>
        }
      />
      <InsightNav projectId={d.project.id} />

      {actionData?.message ? (
        <div className="mb-4" role={actionData.ok ? undefined : "alert"}>
          {actionData.ok ? (
            <Notice tone="good">{actionData.message}</Notice>
          ) : (
            <p className="rounded-md border border-red-300 bg-red-50 p-4 text-red-900">{actionData.message}</p>
          )}
        </div>
      ) : null}

      <div className="space-y-6">
        <Card title="The question">
          <p className="whitespace-pre-wrap text-slate-900">{d.checkpoint.prompt}</p>
        </Card>

        <Card title="How the class is doing">
          <SummaryList summary={insight.summary} />
        </Card>

        {detail.kind === "MULTIPLE_CHOICE" ? (
          <Card title="Wrong options, by misconception">
            <ChoiceDistributionView
              detail={detail}
              feedbackLinks={{
                misconception: (misconceptionId) => paths.newGroupFeedback(d.project.id, { misconception: misconceptionId }),
                option: (optionId) => paths.newGroupFeedback(d.project.id, { checkpoint: d.checkpoint.id, option: optionId }),
              }}
            />
          </Card>
        ) : null}

        {detail.kind === "NUMERIC" ? (
          <Card title="Wrong values, by misconception and error shape">
            <NumericDistributionView detail={detail} />
          </Card>
        ) : null}

        {detail.kind === "SHORT_TEXT" ? (
          <section aria-labelledby="groups-heading" className="space-y-4">
            <div className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
              <h2 id="groups-heading" className="mb-2 text-lg font-semibold">
                Groups of answers
              </h2>
              <p className="text-sm text-slate-700">
                {detail.attempts.all} answers
                {correct ? `, ${correct.size} of them correct (shown last, apart from the groups)` : ""}. The{" "}
                {correct ? "others are" : "answers are"} read as {named.length} {named.length === 1 ? "group" : "groups"}: {confirmed.length} kept by you,{" "}
                {suggested.length} suggested by the machine. Name a group as a misconception to tag its answers and every new answer close to them; students then see the
                misconception&apos;s next step. Tags you set or remove yourself are never changed by the machine.
              </p>
              <div className="mt-4">
                <MergeGroupsForm actionData={actionData} count={named.length} />
              </div>
            </div>
            {groups.length === 0 ? <EmptyState>No answers yet. Groups appear as soon as students answer.</EmptyState> : null}
            {named.map((g) => (
              <GroupCard
                key={g.id}
                group={g}
                answers={answers}
                misconceptions={d.misconceptions}
                membership={d.membership[g.id]}
                actionData={actionData}
                showAll={d.show === g.id}
                showAllHref={`${base}?show=${encodeURIComponent(g.id)}#${groupAnchor(g.id)}`}
                canMerge={named.length >= 2}
                suggestions={d.suggestions[g.id]}
                feedbackHref={feedbackHrefFor(g.id)}
              />
            ))}
            {correct ? <CorrectAnswersCard group={correct} answers={new Map(d.answers.map((a) => [a.id, a]))} projectId={d.project.id} checkpointId={d.checkpoint.id} /> : null}
          </section>
        ) : null}
      </div>
    </>
  );
}
