import { getFormProps, useForm } from "@conform-to/react";
import { validateWith } from "~/components/form-validation";
import type { ShouldRevalidateFunction } from "@remix-run/react";
import { Form, useFetcher, useFormAction } from "@remix-run/react";
import { useEffect, useRef, type ReactNode } from "react";
import { ConfidenceScale } from "~/components/confidence-scale";
import { SubmitButton, TextareaField, FormAlert, resultFor } from "~/components/form";
import { Notice, formatDateTime, formatTime } from "~/components/ui";
import { MAX_JOURNAL_ANSWER, journalFormId, type JournalFormView } from "~/domain/journal-entry";
import { ADD_ENTRY_INTENT, SAVE_DRAFT_INTENT, journalEntrySchema, type JournalFormResult } from "~/schemas/journal";
import { isSaveFailed, type SaveFailed } from "~/utils/save-failed";

/** Autosaves of drafts change nothing the page shows: don't reload its data for them. */
export const skipDraftRevalidation: ShouldRevalidateFunction = ({ formData, defaultShouldRevalidate }) =>
  formData?.get("intent") === SAVE_DRAFT_INTENT ? false : defaultShouldRevalidate;

const AUTOSAVE_DELAY_MS = 1000;

function draftFormData(form: HTMLFormElement | null): FormData | null {
  if (!form) return null;
  const formData = new FormData(form);
  formData.set("intent", SAVE_DRAFT_INTENT);
  return formData;
}

export interface JournalEntryFormProps {
  /** The form as the page's loader offers it (journalFormView). */
  view: JournalFormView;
  intro?: ReactNode;
  /** The route's action data; used when it answers this form (its formId, see resultFor). */
  actionData?: { formId?: string | null } | null;
  /** True right after this form's entry was added (the page was redirected back). */
  justAdded?: boolean;
  headingLevel?: 2 | 3;
  freeLabel?: string;
}

/**
 * A journal entry: answers to a prompt's questions (or one free answer), an
 * optional support request and confidence rating. The draft is saved about a
 * second after typing stops (with JavaScript), when the page is hidden, and by
 * the "Save draft" button (without JavaScript); "Add to journal" submits it.
 */
export function JournalEntryForm({
  view: { formKey, title, questions, context, draft },
  intro,
  actionData,
  justAdded = false,
  headingLevel = 3,
  freeLabel = "Your entry",
}: JournalEntryFormProps) {
  const formId = journalFormId(formKey);
  const mine = resultFor(actionData ?? undefined, formId) as JournalFormResult | SaveFailed | undefined;
  const fetcher = useFetcher<JournalFormResult | SaveFailed>();
  const action = useFormAction();
  const formRef = useRef<HTMLFormElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const [form, fields] = useForm({
    id: formId,
    lastResult: isSaveFailed(mine) ? mine.reply : mine && (mine.kind === "saved" || mine.kind === "invalid") ? mine.reply : undefined,
    defaultValue: {
      answers: questions.map((_, i) => draft?.answers[i] ?? ""),
      supportNeeded: draft?.supportNeeded ? "on" : undefined,
      confidence: draft?.confidence ? String(draft.confidence) : undefined,
    },
    ...validateWith(journalEntrySchema, "onSubmit"),
  });

  const fromFetcher = resultFor(fetcher.data, formId);
  const saves = [fromFetcher, mine].filter((r): r is Extract<JournalFormResult, { kind: "saved" }> => !isSaveFailed(r) && r?.kind === "saved");
  const lastSave = saves.sort((a, b) => b.savedAt.localeCompare(a.savedAt))[0];
  const draftId = lastSave?.draftId ?? draft?.id ?? "";

  function saveNow() {
    timer.current = undefined;
    const formData = draftFormData(formRef.current);
    if (formData) fetcher.submit(formData, { method: "post", action });
  }

  function scheduleSave() {
    clearTimeout(timer.current);
    timer.current = setTimeout(saveNow, AUTOSAVE_DELAY_MS);
  }

  // A tab closed or hidden before the timer fired still keeps what was typed.
  useEffect(() => {
    function flush() {
      if (!timer.current) return;
      clearTimeout(timer.current);
      timer.current = undefined;
      const formData = draftFormData(formRef.current);
      if (formData && typeof navigator.sendBeacon === "function") navigator.sendBeacon(action, formData);
    }
    const onVisibility = () => {
      if (document.visibilityState === "hidden") flush();
    };
    document.addEventListener("visibilitychange", onVisibility);
    window.addEventListener("pagehide", flush);
    return () => {
      document.removeEventListener("visibilitychange", onVisibility);
      window.removeEventListener("pagehide", flush);
      clearTimeout(timer.current);
    };
  }, [action]);

  let status = "";
  // An autosave the server could not store: say so; the text stays in the form and the next change tries again.
  if (isSaveFailed(fromFetcher)) status = fromFetcher.message;
  else if (fromFetcher?.kind === "kept") status = "Already added to your journal.";
  else if (fromFetcher?.kind === "invalid") status = "We couldn't save your draft yet — see the message next to the field.";
  else if (lastSave) status = `Draft saved at ${formatTime(lastSave.savedAt)}`;
  else if (draft) status = `Your draft from ${formatDateTime(draft.updatedAt)} is back in the form — pick up where you left off.`;

  const initialAnswers = fields.answers.initialValue;
  const answerAt = (i: number): string => {
    if (Array.isArray(initialAnswers)) return initialAnswers[i] ?? "";
    return i === 0 && typeof initialAnswers === "string" ? initialAnswers : "";
  };
  const answerFields = fields.answers.getFieldList();
  const answersErrors = fields.answers.errors;
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const initialConfidence = typeof fields.confidence.initialValue === "string" ? fields.confidence.initialValue : "";

  return (
    <section id={`journal-form-${formKey}`} aria-labelledby={`${formId}-title`} className="space-y-3">
      <Heading id={`${formId}-title`} className={headingLevel === 2 ? "text-lg font-semibold" : "font-semibold"}>
        {title}
      </Heading>
      {intro ? <div className="text-sm text-slate-700">{intro}</div> : null}
      {justAdded ? <Notice tone="good">Added to your journal. You can write another whenever you like.</Notice> : null}
      <Form
        method="post"
        ref={formRef}
        {...getFormProps(form)}
        onSubmit={(event) => {
          clearTimeout(timer.current);
          timer.current = undefined;
          getFormProps(form).onSubmit?.(event);
        }}
        onChange={scheduleSave}
        className="space-y-3"
      >
        <input type="hidden" name="formId" value={formId} />
        <input type="hidden" name="formKey" value={formKey} />
        <input type="hidden" name="draftId" value={draftId} />
        <input type="hidden" name="promptId" value={context.promptId ?? ""} />
        <input type="hidden" name="checkpointId" value={context.checkpointId ?? ""} />
        <input type="hidden" name="attemptId" value={context.attemptId ?? ""} />
        {questions.map((question, i) => (
          <TextareaField
            key={`${form.key ?? ""}-${i}`}
            label={question ?? freeLabel}
            errors={[...(answerFields[i]?.errors ?? []), ...(i === 0 ? (answersErrors ?? []) : [])]}
            textareaProps={{
              id: `${formId}-answer-${i}`,
              name: `${fields.answers.name}[${i}]`,
              defaultValue: answerAt(i),
              maxLength: MAX_JOURNAL_ANSWER,
              rows: questions.length > 1 ? 3 : 5,
            }}
          />
        ))}
        <div className="flex items-start gap-2">
          <input
            type="checkbox"
            id={`${formId}-support`}
            name={fields.supportNeeded.name}
            defaultChecked={fields.supportNeeded.initialValue === "on"}
            aria-describedby={`${formId}-support-hint`}
            className="mt-1 h-4 w-4"
          />
          <div>
            <label htmlFor={`${formId}-support`} className="text-sm font-medium text-slate-800">
              I&apos;d like support with this
            </label>
            <p id={`${formId}-support-hint`} className="text-sm text-slate-600">
              Optional. Your teacher sees that you asked.
            </p>
          </div>
        </div>
        <ConfidenceScale
          idPrefix={formId}
          name={fields.confidence.name}
          legend="How sure do you feel about this now? (optional)"
          initial={initialConfidence}
          errors={fields.confidence.errors}
        />
        <FormAlert message={form.errors} />
        <div className="flex flex-wrap items-center gap-3">
          <SubmitButton formId={formId} name="intent" value={ADD_ENTRY_INTENT} pendingText="Adding…">
            Add to journal
          </SubmitButton>
          <SubmitButton formId={formId} name="intent" value={SAVE_DRAFT_INTENT} variant="secondary" pendingText="Saving…">
            Save draft
          </SubmitButton>
          <p role="status" aria-live="polite" className="text-sm text-slate-700">
            {status}
          </p>
        </div>
      </Form>
    </section>
  );
}
