// Short-answer groups on a checkpoint's insight page, with the teacher's
// actions: name a group as a misconception, merge groups, move an answer out,
// rename / unlink / ungroup a confirmed group, and correct any answer's tags.
// Every action is a plain form that works without JavaScript.
import { validateWith } from "~/components/form-validation";
import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form, Link } from "@remix-run/react";
import { type ReactNode } from "react";
import { ErrorList, Field, SelectField, SubmitButton, TextareaField, resultFor, FormAlert } from "~/components/form";
import { GroupFigures, TypicalAnswers, type CorrectAnswerItem } from "~/components/insight-correct-answers";
import { OutcomeBadge } from "~/components/outcome-badge";
import { useFormDisclosure } from "~/components/teacher-timeline";
import { Badge } from "~/components/ui";
import { tagSourceLabel } from "~/domain/labels";
import { plural } from "~/domain/words";
import type { TextGroupInsight } from "~/domain/insight/checkpoints";
import { GROUP_INTENTS, NEW_MISCONCEPTION, mergeGroupsSchema, nameGroupSchema, renameGroupSchema } from "~/schemas/answer-groups";

/** What the route's action answers; `key` says which form it belongs to. */
export interface GroupActionData {
  intent: string;
  /** The form the result answers: groupFormId(intent, key). */
  formId?: string;
  ok: boolean;
  message: string | null;
  /** The group or answer the form acted on. */
  key?: string | null;
  reply?: SubmissionResult<string[]>;
}

/** An answer as a group lists it: the student, the outcome and its tags. */
export interface AnswerItem extends Omit<CorrectAnswerItem, "correctBy"> {
  tags: { misconceptionId: string; source: string }[];
  removedByTeacher: string[];
}

export interface MisconceptionItem {
  id: string;
  name: string;
}

/** A group id as an HTML id fragment. */
export function groupAnchor(key: string) {
  return `group-${key.replace(/[^A-Za-z0-9_-]/g, "-")}`;
}

/** A <details> holding a form: open while its form shows errors, closed again after a success. */
function Disclosure({ summary, hasErrors, result, children }: { summary: ReactNode; hasErrors: boolean; result: { ok: boolean } | undefined; children: ReactNode }) {
  const { open, onToggle } = useFormDisclosure(hasErrors, result);
  return (
    <details open={open} onToggle={onToggle} className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2">
      <summary className="cursor-pointer text-sm font-medium text-brand-800">{summary}</summary>
      <div className="mt-3">{children}</div>
    </details>
  );
}

/** The id of a group form: its intent and the group or answer it acts on (none for the merge form). */
export function groupFormId(intent: string, key: string | null | undefined) {
  return key ? `${intent}:${key}` : intent;
}

export function NameGroupForm({
  group,
  misconceptions,
  actionData,
}: {
  group: Pick<TextGroupInsight, "id" | "misconceptionId">;
  misconceptions: MisconceptionItem[];
  actionData?: GroupActionData;
}) {
  const result = resultFor(actionData, groupFormId(GROUP_INTENTS.name, group.id));
  const formId = `name-${groupAnchor(group.id)}`;
  const [form, fields] = useForm({
    id: formId,
    lastResult: result?.reply,
    defaultValue: { misconceptionId: group.misconceptionId ?? "" },
    ...validateWith(nameGroupSchema, "onSubmit"),
  });
  const hasErrors = Boolean(form.errors?.length || fields.misconceptionId.errors?.length || fields.name.errors?.length || fields.description.errors?.length || fields.nextStep.errors?.length);
  return (
    <Disclosure summary={group.misconceptionId ? "Name as another misconception" : "Name as a misconception"} hasErrors={hasErrors} result={result}>
      <Form method="post" className="space-y-3" {...getFormProps(form)}>
        <input type="hidden" name="formId" value={formId} />
        <input type="hidden" name="groupKey" value={group.id} />
        <ErrorList id={form.errorId} errors={form.errors} />
        <SelectField
          label="Misconception"
          hint="One of this project's misconceptions, or a new one written below."
          errors={fields.misconceptionId.errors}
          selectProps={getSelectProps(fields.misconceptionId)}
        >
          <option value="">Choose…</option>
          {misconceptions.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
          <option value={NEW_MISCONCEPTION}>New misconception (write it below)</option>
        </SelectField>
        <fieldset className="space-y-3 rounded-md border border-slate-200 bg-white p-3">
          <legend className="px-1 text-sm font-medium text-slate-800">New misconception</legend>
          <Field label="Name" errors={fields.name.errors} inputProps={getInputProps(fields.name, { type: "text" })} />
          <TextareaField label="Description" hint="What students who hold this idea think." errors={fields.description.errors} textareaProps={getTextareaProps(fields.description)} />
          <TextareaField label="Next step" hint="Shown to a student whose answer shows this idea." errors={fields.nextStep.errors} textareaProps={getTextareaProps(fields.nextStep)} />
        </fieldset>
        <SubmitButton formId={formId} name="intent" value={GROUP_INTENTS.name} pendingText="Naming…">
          Name this group
        </SubmitButton>
      </Form>
    </Disclosure>
  );
}

export function RenameGroupForm({ group, actionData }: { group: Pick<TextGroupInsight, "id" | "label">; actionData?: GroupActionData }) {
  const result = resultFor(actionData, groupFormId(GROUP_INTENTS.rename, group.id));
  const formId = `rename-${groupAnchor(group.id)}`;
  const [form, fields] = useForm({
    id: formId,
    lastResult: result?.reply,
    defaultValue: { label: group.label ?? "" },
    ...validateWith(renameGroupSchema, "onSubmit"),
  });
  const hasErrors = Boolean(form.errors?.length || fields.label.errors?.length);
  return (
    <Disclosure summary="Rename" hasErrors={hasErrors} result={result}>
      <Form method="post" className="space-y-3" {...getFormProps(form)}>
        <input type="hidden" name="formId" value={formId} />
        <input type="hidden" name="groupKey" value={group.id} />
        <ErrorList id={form.errorId} errors={form.errors} />
        <Field label="Label" errors={fields.label.errors} inputProps={getInputProps(fields.label, { type: "text" })} />
        <SubmitButton formId={formId} name="intent" value={GROUP_INTENTS.rename} pendingText="Renaming…" variant="secondary">
          Rename
        </SubmitButton>
      </Form>
    </Disclosure>
  );
}

/** Merge: the form sits above the groups; each group's checkbox joins it through the `form` attribute. */
export function MergeGroupsForm({ actionData, count }: { actionData?: GroupActionData; count: number }) {
  const result = resultFor(actionData, groupFormId(GROUP_INTENTS.merge, null));
  const [form, fields] = useForm({
    id: "merge-groups",
    lastResult: result?.reply,
    ...validateWith(mergeGroupsSchema, "onSubmit"),
  });
  if (count < 2) return null;
  return (
    <Form method="post" className="space-y-3" {...getFormProps(form)} aria-describedby="merge-help">
      <input type="hidden" name="formId" value="merge-groups" />
      <p id="merge-help" className="text-sm text-slate-700">
        Tick “Select for merging” on two or more groups below, then merge them here into one group you keep.
      </p>
      <ErrorList id={form.errorId} errors={form.errors} />
      <ErrorList id={fields.groupKeys.errorId} errors={fields.groupKeys.errors} />
      <div className="flex flex-wrap items-end gap-3">
        <Field
          className="min-w-64 flex-1"
          label="Label for the merged group (optional)"
          errors={fields.label.errors}
          inputProps={getInputProps(fields.label, { type: "text" })}
        />
        <SubmitButton formId="merge-groups" name="intent" value={GROUP_INTENTS.merge} pendingText="Merging…" variant="secondary">
          Merge the selected groups
        </SubmitButton>
      </div>
    </Form>
  );
}

function HiddenFields({ fields }: { fields: Record<string, string> }) {
  return (
    <>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
    </>
  );
}

/** A one-button form (move out, remove a tag, unlink, ungroup). */
function ButtonForm({
  formId,
  intent,
  fields,
  children,
  pendingText,
  variant = "secondary",
  label,
}: {
  formId: string;
  intent: string;
  fields: Record<string, string>;
  children: ReactNode;
  pendingText: string;
  variant?: "primary" | "secondary" | "danger";
  label?: string;
}) {
  return (
    <Form method="post" className="inline">
      <input type="hidden" name="formId" value={formId} />
      <HiddenFields fields={fields} />
      <SubmitButton formId={formId} name="intent" value={intent} pendingText={pendingText} variant={variant} className="px-2 py-1 text-xs" aria-label={label}>
        {children}
      </SubmitButton>
    </Form>
  );
}

function AddTagForm({ answer, misconceptions, actionData }: { answer: AnswerItem; misconceptions: MisconceptionItem[]; actionData?: GroupActionData }) {
  const result = resultFor(actionData, groupFormId(GROUP_INTENTS.addTag, answer.id));
  const formId = `add-tag-${answer.id}`;
  const selectId = `${formId}-misconception`;
  const shown = new Set(answer.tags.map((t) => t.misconceptionId));
  const choices = misconceptions.filter((m) => !shown.has(m.id));
  if (choices.length === 0) return null;
  const errors = result && !result.ok && result.message ? [result.message] : null;
  return (
    <Form method="post" className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="formId" value={formId} />
      <input type="hidden" name="attemptId" value={answer.id} />
      <SelectField className="min-w-56" label="Add a misconception to this answer" errors={errors} selectProps={{ id: selectId, name: "misconceptionId", defaultValue: "" }}>
        <option value="">Choose…</option>
        {choices.map((m) => (
          <option key={m.id} value={m.id}>
            {m.name}
          </option>
        ))}
      </SelectField>
      <SubmitButton
        formId={formId}
        name="intent"
        value={GROUP_INTENTS.addTag}
        pendingText="Adding…"
        variant="secondary"
        className="px-3 py-1.5 text-sm"
        aria-label={`Add the chosen misconception to ${answer.studentName}'s attempt ${answer.number}`}
      >
        Add
      </SubmitButton>
    </Form>
  );
}

function AnswerRow({
  answer,
  group,
  misconceptions,
  nameOf,
  machineAdded,
  actionData,
}: {
  answer: AnswerItem;
  group: Pick<TextGroupInsight, "id" | "label" | "confirmed">;
  misconceptions: MisconceptionItem[];
  nameOf: Map<string, string>;
  machineAdded: boolean;
  actionData?: GroupActionData;
}) {
  const moveError = resultFor(actionData, groupFormId(GROUP_INTENTS.moveOut, answer.id));
  const removeError = resultFor(actionData, groupFormId(GROUP_INTENTS.removeTag, answer.id));
  return (
    <li className="space-y-2 py-3">
      <blockquote className="whitespace-pre-wrap border-l-4 border-slate-300 pl-3 text-slate-900">{answer.text}</blockquote>
      <p className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
        <span>
          {answer.studentName}, attempt {answer.number}
        </span>
        <OutcomeBadge outcome={answer.outcome} />
        {machineAdded ? <Badge tone="info">Added by the machine</Badge> : null}
      </p>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <span className="font-medium text-slate-800">Misconceptions:</span>
        {answer.tags.length === 0 ? <span className="text-slate-700">none</span> : null}
        {answer.tags.map((t) => (
          <span key={t.misconceptionId} className="inline-flex items-center gap-1">
            <Badge tone="growing">
              {nameOf.get(t.misconceptionId) ?? "A misconception"} · {tagSourceLabel(t.source, "SHORT_TEXT")}
            </Badge>
            <ButtonForm
              formId={`remove-${answer.id}-${t.misconceptionId}`}
              intent={GROUP_INTENTS.removeTag}
              fields={{ attemptId: answer.id, misconceptionId: t.misconceptionId }}
              pendingText="Removing…"
              label={`Remove “${nameOf.get(t.misconceptionId) ?? "misconception"}” from ${answer.studentName}'s attempt ${answer.number}`}
            >
              Remove
            </ButtonForm>
          </span>
        ))}
        {answer.removedByTeacher.length ? (
          <span className="text-slate-700">(you removed: {answer.removedByTeacher.map((id) => nameOf.get(id) ?? "a misconception").join(", ")})</span>
        ) : null}
      </div>
      <FormAlert message={removeError && !removeError.ok ? removeError.message : null} />
      <div className="flex flex-wrap items-end gap-4">
        <AddTagForm answer={answer} misconceptions={misconceptions} actionData={actionData} />
        <ButtonForm
          formId={`move-${groupAnchor(group.id)}-${answer.id}`}
          intent={GROUP_INTENTS.moveOut}
          fields={{ groupKey: group.id, attemptId: answer.id }}
          pendingText="Moving…"
          label={`Move ${answer.studentName}'s attempt ${answer.number} out of this group`}
        >
          Move out of this group
        </ButtonForm>
      </div>
      <FormAlert message={moveError && !moveError.ok ? moveError.message : null} />
    </li>
  );
}

/** An ungrouped answer likely to belong to a kept group, with its evidence. */
export interface SuggestionItem {
  attemptId: string;
  similarity: number;
  sharedTerms: string[];
  closest: { attemptId: string; text: string } | null;
}

/**
 * "Likely also belongs here": the ungrouped answers closest to a kept group,
 * each with the terms it shares with the group and the closest answer in it;
 * one click adds it (or all listed), another turns it down for good.
 */
function SuggestionList({
  group,
  title,
  suggestions,
  answers,
  actionData,
}: {
  group: Pick<TextGroupInsight, "id">;
  title: string;
  suggestions: SuggestionItem[];
  answers: Map<string, AnswerItem>;
  actionData?: GroupActionData;
}) {
  const items = suggestions.flatMap((s) => {
    const answer = answers.get(s.attemptId);
    return answer ? [{ ...s, answer }] : [];
  });
  if (items.length === 0) return null;
  const anchor = groupAnchor(group.id);
  const headingId = `${anchor}-suggestions`;
  const failed = [GROUP_INTENTS.confirmSuggestion, GROUP_INTENTS.rejectSuggestion].map((i) => resultFor(actionData, groupFormId(i, group.id))).find((r) => r && !r.ok);
  return (
    <section aria-labelledby={headingId} className="mt-4 rounded-md border border-brand-100 bg-slate-50 p-3">
      <h4 id={headingId} className="text-sm font-semibold text-slate-900">
        Likely also belongs here
      </h4>
      <p className="text-sm text-slate-700">
        Answers not in any group you kept, closest to this one first. Add the ones that share its idea; turn down the others and they won&apos;t be suggested here again.
      </p>
      <ul className="mt-2 divide-y divide-brand-100">
        {items.map(({ attemptId, sharedTerms, closest, answer }) => (
          <li key={attemptId} className="space-y-1 py-2">
            <blockquote className="whitespace-pre-wrap border-l-4 border-slate-300 pl-3 text-slate-900">{answer.text}</blockquote>
            <p className="text-sm text-slate-700">
              {answer.studentName}, attempt {answer.number}
            </p>
            <p className="text-sm text-slate-800">
              <span className="font-medium">Shares:</span> {sharedTerms.length ? sharedTerms.join(", ") : "no words, only close spellings"}
              {closest ? (
                <>
                  {" · "}
                  <span className="font-medium">Closest answer in the group:</span> “{closest.text}”
                </>
              ) : null}
            </p>
            <div className="flex flex-wrap gap-2">
              <ButtonForm
                formId={`confirm-${anchor}-${attemptId}`}
                intent={GROUP_INTENTS.confirmSuggestion}
                fields={{ groupKey: group.id, attemptIds: attemptId }}
                pendingText="Adding…"
                variant="primary"
                label={`Add ${answer.studentName}'s attempt ${answer.number} to “${title}”`}
              >
                Add to this group
              </ButtonForm>
              <ButtonForm
                formId={`reject-${anchor}-${attemptId}`}
                intent={GROUP_INTENTS.rejectSuggestion}
                fields={{ groupKey: group.id, attemptId }}
                pendingText="Noting…"
                label={`${answer.studentName}'s attempt ${answer.number} does not belong in “${title}”`}
              >
                Not this group
              </ButtonForm>
            </div>
          </li>
        ))}
      </ul>
      {items.length > 1 ? (
        <Form method="post" className="mt-2">
          <input type="hidden" name="formId" value={`confirm-all-${anchor}`} />
          <input type="hidden" name="groupKey" value={group.id} />
          {items.map((i) => (
            <input key={i.attemptId} type="hidden" name="attemptIds" value={i.attemptId} />
          ))}
          <SubmitButton formId={`confirm-all-${anchor}`} name="intent" value={GROUP_INTENTS.confirmSuggestion} pendingText="Adding…" variant="secondary" className="px-3 py-1.5 text-sm">
            Add all {items.length} listed to “{title}”
          </SubmitButton>
        </Form>
      ) : null}
      {failed ? (
        <p role="alert" className="mt-2 text-sm text-red-800">
          {failed.message}
        </p>
      ) : null}
    </section>
  );
}

/** How many answers of a group are listed before "show all". */
export const ANSWERS_SHOWN = 40;

export function GroupCard({
  group,
  answers,
  misconceptions,
  membership,
  actionData,
  showAll,
  showAllHref,
  canMerge,
  suggestions = [],
  feedbackHref,
}: {
  /** Where to write feedback for everyone in the group (kept groups only), or null. */
  feedbackHref?: string | null;
  group: TextGroupInsight;
  answers: Map<string, AnswerItem>;
  misconceptions: MisconceptionItem[];
  membership?: { machineAdded: string[]; movedOut: number; rejected?: number };
  actionData?: GroupActionData;
  showAll: boolean;
  showAllHref: string;
  /** Whether the page has a merge form (two groups or more). */
  canMerge: boolean;
  /** Ungrouped answers likely to belong to this kept group. */
  suggestions?: SuggestionItem[];
}) {
  const anchor = groupAnchor(group.id);
  const headingId = `${anchor}-heading`;
  const nameOf = new Map(misconceptions.map((m) => [m.id, m.name]));
  const machineAdded = new Set(membership?.machineAdded ?? []);
  const members = group.attemptIds.map((id) => answers.get(id)).filter((a): a is AnswerItem => Boolean(a));
  const listed = showAll ? members : members.slice(0, ANSWERS_SHOWN);
  const firstAnswer = group.representatives[0]?.trim();
  const title = group.confirmed
    ? group.label || "Your group"
    : group.keyTerms.length
      ? `Suggested group: ${group.keyTerms.join(", ")}`
      : firstAnswer
        ? `Suggested group: “${firstAnswer.length > 60 ? `${firstAnswer.slice(0, 59)}…` : firstAnswer}”`
        : "Suggested group";
  const groupError = [GROUP_INTENTS.unlink, GROUP_INTENTS.dissolve].map((i) => resultFor(actionData, groupFormId(i, group.id))).find((r) => r && !r.ok);
  return (
    <section id={anchor} aria-labelledby={headingId} className="scroll-mt-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h3 id={headingId} className="text-lg font-semibold text-slate-900">
            {title}
          </h3>
          <p className="mt-1 flex flex-wrap gap-2">
            {group.confirmed ? <Badge tone="good">Kept by you</Badge> : <Badge>Suggested by the machine</Badge>}
            {group.misconceptionName ? <Badge tone="growing">Misconception: {group.misconceptionName}</Badge> : null}
          </p>
        </div>
        {canMerge ? (
          <div className="flex items-center gap-2 text-sm">
            <input id={`${anchor}-merge`} type="checkbox" form="merge-groups" name="groupKeys" value={group.id} className="h-4 w-4" />
            <label htmlFor={`${anchor}-merge`}>
              Select for merging<span className="sr-only"> the group {title}</span>
            </label>
          </div>
        ) : null}
      </div>

      <GroupFigures
        group={group}
        after={
          [
            membership?.movedOut ? ` You moved ${plural(membership.movedOut, "answer")} out of this group.` : "",
            membership?.rejected ? ` You turned down ${plural(membership.rejected, "suggested answer")} for it.` : "",
          ].join("") || undefined
        }
      />
      {group.keyTerms.length ? (
        <p className="mt-1 text-sm text-slate-800">
          <span className="font-medium">Key terms:</span> {group.keyTerms.join(", ")}
        </p>
      ) : null}
      <TypicalAnswers answers={group.representatives} accent="group" />

      {group.confirmed ? <SuggestionList group={group} title={title} suggestions={suggestions} answers={answers} actionData={actionData} /> : null}

      <p className="mt-3 text-sm">
        {feedbackHref ? (
          <Link to={feedbackHref}>
            Write feedback to everyone in this group<span className="sr-only">: {title}</span>
          </Link>
        ) : (
          <span className="text-slate-700">Keep, rename or name this group to write feedback to everyone in it.</span>
        )}
      </p>
      <div className="mt-4 space-y-2">
        <NameGroupForm group={group} misconceptions={misconceptions} actionData={actionData} />
        {group.confirmed ? <RenameGroupForm group={group} actionData={actionData} /> : null}
        <details className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2" open={showAll || undefined}>
          <summary className="cursor-pointer text-sm font-medium text-brand-800">
            All {plural(members.length, "answer")}: move out, correct tags
          </summary>
          {members.length === 0 ? (
            <p className="mt-2 text-sm text-slate-700">No answers left in this group.</p>
          ) : (
            <ul className="mt-1 divide-y divide-slate-200">
              {listed.map((a) => (
                <AnswerRow key={a.id} answer={a} group={group} misconceptions={misconceptions} nameOf={nameOf} machineAdded={machineAdded.has(a.id)} actionData={actionData} />
              ))}
            </ul>
          )}
          {listed.length < members.length ? (
            <p className="mt-2 text-sm">
              Showing {listed.length} of {members.length}. <a href={showAllHref}>Show all {plural(members.length, "answer")} of this group</a>
            </p>
          ) : null}
        </details>
        {group.confirmed ? (
          <div className="flex flex-wrap gap-2 pt-1">
            {group.misconceptionId ? (
              <ButtonForm
                formId={`unlink-${anchor}`}
                intent={GROUP_INTENTS.unlink}
                fields={{ groupKey: group.id }}
                pendingText="Unlinking…"
                label={`Unlink “${title}” from its misconception`}
              >
                Unlink from the misconception
              </ButtonForm>
            ) : null}
            <ButtonForm formId={`dissolve-${anchor}`} intent={GROUP_INTENTS.dissolve} fields={{ groupKey: group.id }} pendingText="Ungrouping…" label={`Ungroup “${title}”`}>
              Ungroup
            </ButtonForm>
          </div>
        ) : null}
        <FormAlert message={groupError?.message} />
      </div>
    </section>
  );
}
