// The checkpoint editor form, shared by "add a checkpoint" and "edit a checkpoint".
// Lists of options and values use Conform's list intents: with JavaScript they
// change in the browser, without it the buttons submit and the server answers
// with the longer or shorter list, keeping everything typed so far.
import {
  getFieldsetProps,
  getFormProps,
  getInputProps,
  getSelectProps,
  getTextareaProps,
  useForm,
  type FieldMetadata,
  type SubmissionResult,
} from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { z } from "zod";
import { validateWith } from "~/components/form-validation";
import { useMemo, type ReactNode } from "react";
import { ErrorList, Field, SelectField, SubmitButton, TextareaField } from "~/components/form";
import { Card } from "~/components/ui";
import { KIND_DESCRIPTIONS } from "~/domain/checkpoint-form";
import { CHECKPOINT_KINDS, KIND_LABELS, type CheckpointKind } from "~/domain/checkpoint-spec";
import { REFLECTION_TEMPLATES } from "~/domain/reflection-templates";
import { MAX_OPTIONS, MAX_VALUE_ROWS, checkpointFormSchema } from "~/schemas/checkpoint";
import { ADD_MISCONCEPTION_INTENT, INLINE_MISCONCEPTION, MISCONCEPTION_LIMITS } from "~/schemas/misconception";

type EditorShape = {
  title: string;
  prompt: string;
  maxAttempts: string;
  afterNotYet: string;
  recheckOf: string[];
  options: { id: string; text: string; correct: boolean; feedback: string; misconceptionId: string }[];
  answer: string;
  tolerance: string;
  unit: string;
  wrongValues: { value: string; feedback: string; misconceptionId: string }[];
  intermediateValues: { value: string; label: string }[];
  modelAnswer: string;
};

const smallButton =
  "inline-flex items-center rounded-md border border-slate-400 bg-white px-2.5 py-1 text-xs font-medium text-slate-900 hover:bg-slate-100 disabled:cursor-not-allowed disabled:opacity-50";
const addButton =
  "inline-flex items-center rounded-md border border-dashed border-brand-600 bg-white px-3 py-1.5 text-sm font-medium text-brand-800 hover:bg-brand-50";

export interface CheckpointEditorProps {
  formId: string;
  kind: CheckpointKind;
  defaultValue: Record<string, unknown>;
  lastResult?: SubmissionResult<string[]> | null;
  misconceptions: { id: string; name: string }[];
  /** The checkpoint's current "after a not yet" prompt, if it has one. */
  currentAfterNotYet: { title: string } | null;
  submitLabel: string;
  /** Shown above the save button (e.g. what saving does to versions). */
  beforeSubmit?: ReactNode;
  misconceptionsHref: string;
  /** What the last step did, e.g. a misconception named from the editor. */
  notice?: string | null;
  /** A misconception the last step created, which the menus must offer before the form takes the reply. */
  createdMisconceptionId?: string | null;
}

function MisconceptionSelect({
  field,
  misconceptions,
  label,
}: {
  field: FieldMetadata<string>;
  misconceptions: { id: string; name: string }[];
  label: string;
}) {
  return (
    <SelectField label={label} errors={field.errors} selectProps={getSelectProps(field)} className="sm:col-span-2">
      <option value="">No misconception</option>
      {misconceptions.map((m) => (
        <option key={m.id} value={m.id}>
          {m.name}
        </option>
      ))}
    </SelectField>
  );
}

export function CheckpointEditor({
  formId,
  kind,
  defaultValue,
  lastResult,
  misconceptions,
  currentAfterNotYet,
  submitLabel,
  beforeSubmit,
  misconceptionsHref,
  notice,
  createdMisconceptionId,
}: CheckpointEditorProps) {
  const misconceptionIds = useMemo(() => misconceptions.map((m) => m.id), [misconceptions]);
  const schema = useMemo(() => checkpointFormSchema(kind, { misconceptionIds }), [kind, misconceptionIds]);
  const validation = validateWith(schema);
  // The reply to "add misconception" can arrive before the page's new list of
  // misconceptions (Remix hands over action data while loaders revalidate):
  // the form takes it once the menus can show the new one.
  const replyReady = !createdMisconceptionId || misconceptionIds.includes(createdMisconceptionId);
  const [form, fields] = useForm<EditorShape>({
    id: formId,
    lastResult: replyReady ? lastResult : undefined,
    defaultValue,
    ...validation,
    // The schema is a union over the three kinds; the editor reads one merged shape.
    // Naming a misconception from the panel below is not a save: the checkpoint
    // itself is not checked then, and nothing typed is lost.
    // eslint-disable-next-line no-restricted-syntax -- the same validation, only retyped
    onValidate: (context) =>
      (context.formData.get("intent") === ADD_MISCONCEPTION_INTENT ? parseWithZod(context.formData, { schema: z.object({}) }) : validation.onValidate(context)) as never,
  });
  const newMisconception = (rows: { path: string; label: string }[]) => (
    <NewMisconceptionPanel form={form} rows={rows} notice={notice ?? null} misconceptionsHref={misconceptionsHref} hasMisconceptions={misconceptions.length > 0} />
  );

  return (
    <Form method="post" {...getFormProps(form)} className="space-y-6">
      {/* Pressing Enter in a field saves (the first submit button of a form is the one Enter uses). */}
      <button type="submit" name="intent" value="save" hidden tabIndex={-1} />
      <ErrorList id={form.errorId} errors={form.errors} />
      <Card title="Question">
        <div className="space-y-4">
          <p className="text-sm text-slate-700">
            Kind: <strong>{KIND_LABELS[kind]}</strong>
          </p>
          <Field label="Title" hint="A short name you and your students recognise." errors={fields.title.errors} inputProps={getInputProps(fields.title, { type: "text" })} />
          <TextareaField
            label="Question"
            hint="What students see and answer."
            errors={fields.prompt.errors}
            textareaProps={{ ...getTextareaProps(fields.prompt), rows: 4 }}
          />
          <Field
            label="Attempt limit (optional)"
            hint="Leave blank for unlimited attempts: every attempt is a chance to learn."
            errors={fields.maxAttempts.errors}
            inputProps={{ ...getInputProps(fields.maxAttempts, { type: "text" }), inputMode: "numeric" }}
            className="max-w-xs"
          />
        </div>
      </Card>

      {kind === "MULTIPLE_CHOICE" ? <ChoiceOptions form={form} fields={fields} misconceptions={misconceptions} newMisconception={newMisconception} /> : null}
      {kind === "NUMERIC" ? <NumericAnswer form={form} fields={fields} misconceptions={misconceptions} newMisconception={newMisconception} /> : null}
      {kind === "SHORT_TEXT" ? (
        <Card title="Model answer">
          <TextareaField
            label="Model answer (optional)"
            hint="Students see it after they submit and check their own answer against it. You can mark answers too."
            errors={fields.modelAnswer.errors}
            textareaProps={{ ...getTextareaProps(fields.modelAnswer), rows: 4 }}
          />
        </Card>
      ) : null}

      <Card title='Reflection after a "not yet"'>
        <SelectField
          label='Reflection prompt after a "not yet"'
          hint="Shown to a student right after an attempt that isn't there yet. You can also write and edit prompts on the reflection prompts page."
          errors={fields.afterNotYet.errors}
          selectProps={getSelectProps(fields.afterNotYet)}
        >
          {currentAfterNotYet ? <option value="current">Keep the current prompt: {currentAfterNotYet.title}</option> : null}
          <option value="none">No reflection prompt</option>
          {REFLECTION_TEMPLATES.map((t) => (
            <option key={t.key} value={t.key}>
              {currentAfterNotYet ? "Replace with" : "Start from"} the template: {t.title}
            </option>
          ))}
        </SelectField>
      </Card>

      {misconceptions.length > 0 ? <RecheckChoice field={fields.recheckOf} misconceptions={misconceptions} /> : null}

      {beforeSubmit}
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton intent="save" pendingText="Saving…">
          {submitLabel}
        </SubmitButton>
      </div>
    </Form>
  );
}

/** "A re-check of …": the misconceptions this checkpoint asks about again, on purpose (decision 017). */
function RecheckChoice({ field, misconceptions }: { field: FieldsMeta["recheckOf"]; misconceptions: { id: string; name: string }[] }) {
  const initial = field.initialValue;
  const chosen = new Set(Array.isArray(initial) ? initial : typeof initial === "string" ? [initial] : []);
  const errorId = field.errors?.length ? `${field.id}-error` : undefined;
  return (
    <Card title="Re-check (optional)">
      <fieldset aria-describedby={[`${field.id}-hint`, errorId].filter(Boolean).join(" ")}>
        <legend className="font-medium text-slate-800">This checkpoint re-checks</legend>
        <p id={`${field.id}-hint`} className="text-sm text-slate-700">
          A later, different question on the same idea. For students who recovered from a misconception earlier, the insight shows whether they get this one on the first try, or the idea comes back.
        </p>
        <ul className="mt-2 grid gap-2 sm:grid-cols-2">
          {misconceptions.map((m) => (
            <li key={m.id} className="flex items-start gap-2">
              <input type="checkbox" id={`${field.id}-${m.id}`} name={field.name} value={m.id} defaultChecked={chosen.has(m.id)} className="mt-1 h-4 w-4" />
              <label htmlFor={`${field.id}-${m.id}`}>{m.name}</label>
            </li>
          ))}
        </ul>
        <ErrorList id={errorId} errors={field.errors} />
      </fieldset>
    </Card>
  );
}

type FormMeta = ReturnType<typeof useForm<EditorShape>>[0];
type FieldsMeta = ReturnType<typeof useForm<EditorShape>>[1];

interface ListProps {
  form: FormMeta;
  fields: FieldsMeta;
  misconceptions: { id: string; name: string }[];
  /** The "name a new misconception" panel, offering these rows to link it to. */
  newMisconception: (rows: { path: string; label: string }[]) => ReactNode;
}

/** A row's label in the panel's "link it to" menu: its number, and what it says so far. */
function rowLabel(noun: string, index: number, text: unknown) {
  const said = typeof text === "string" ? text.trim() : "";
  return `${noun} ${index + 1}${said ? `: ${said.length > 40 ? `${said.slice(0, 39)}…` : said}` : ""}`;
}

/**
 * Name a misconception without leaving the editor: it is added to the project
 * and, when a row is chosen, that row's menu is set to it. Everything typed in
 * the editor stays; without JavaScript it is a round trip that keeps every field.
 */
function NewMisconceptionPanel({
  form,
  rows,
  notice,
  misconceptionsHref,
  hasMisconceptions,
}: {
  form: FormMeta;
  rows: { path: string; label: string }[];
  notice: string | null;
  misconceptionsHref: string;
  hasMisconceptions: boolean;
}) {
  const typed = (form.initialValue as { newMisconception?: { name?: string; nextStep?: string; linkTo?: string } } | undefined)?.newMisconception;
  const errorsFor = (name: string) => form.allErrors[name];
  return (
    <section aria-labelledby={`${form.id}-new-misconception`} className="mt-6 rounded-md border border-dashed border-slate-400 bg-slate-50 p-4">
      <h3 id={`${form.id}-new-misconception`} className="font-semibold">
        Name a new misconception
      </h3>
      <p className="mt-1 text-sm text-slate-700">
        {hasMisconceptions ? "Not in the menus yet? " : "This project has no misconceptions yet. "}
        Name it here and link it to a wrong answer; what you typed above stays. Add a description later on the{" "}
        <a href={misconceptionsHref} className="font-medium underline">
          misconceptions page
        </a>
        .
      </p>
      <p role="status" className="mt-2 text-sm font-medium text-emerald-900">
        {notice ?? ""}
      </p>
      <div className="mt-2 grid gap-3 sm:grid-cols-2">
        <Field
          label="Misconception name"
          hint="Short, in words students would recognise."
          errors={errorsFor(INLINE_MISCONCEPTION.name)}
          inputProps={{ id: `${form.id}-new-misconception-name`, name: INLINE_MISCONCEPTION.name, defaultValue: typed?.name ?? "", maxLength: MISCONCEPTION_LIMITS.name, type: "text" }}
        />
        <SelectField
          label="Link it to"
          errors={errorsFor(INLINE_MISCONCEPTION.linkTo)}
          selectProps={{ id: `${form.id}-new-misconception-link`, name: INLINE_MISCONCEPTION.linkTo, defaultValue: typed?.linkTo ?? "" }}
        >
          <option value="">Don&apos;t link it yet</option>
          {rows.map((r) => (
            <option key={r.path} value={r.path}>
              {r.label}
            </option>
          ))}
        </SelectField>
        <TextareaField
          label="Suggested next step (optional)"
          hint="Shown to a student whose answer shows this idea."
          errors={errorsFor(INLINE_MISCONCEPTION.nextStep)}
          textareaProps={{ id: `${form.id}-new-misconception-next`, name: INLINE_MISCONCEPTION.nextStep, defaultValue: typed?.nextStep ?? "", maxLength: MISCONCEPTION_LIMITS.nextStep, rows: 2 }}
          className="sm:col-span-2"
        />
      </div>
      <SubmitButton intent={ADD_MISCONCEPTION_INTENT} variant="secondary" formNoValidate pendingText="Adding…" className="mt-3">
        Add misconception
      </SubmitButton>
    </section>
  );
}

function ChoiceOptions({ form, fields, misconceptions, newMisconception }: ListProps) {
  const rows = fields.options.getFieldList();
  return (
    <Card title="Options">
      <p id={`${fields.options.id}-hint`} className="mb-3 text-sm text-slate-700">
        Give at least two options and tick every correct one (one or more). A wrong option can carry feedback and the misconception it
        shows; the student sees both with a &ldquo;not yet&rdquo;. Empty options are left out.
      </p>
      <ErrorList id={fields.options.errorId} errors={fields.options.errors} />
      <ol className="mt-3 space-y-4">
        {rows.map((row, index) => {
          const option = row.getFieldset();
          return (
            <li key={row.key}>
              <fieldset {...getFieldsetProps(row)} className="rounded-md border border-slate-300 p-4">
                <legend className="px-1 text-sm font-semibold">Option {index + 1}</legend>
                <ErrorList id={row.errorId} errors={row.errors} />
                <input {...getInputProps(option.id, { type: "hidden" })} />
                <div className="grid gap-3 sm:grid-cols-2">
                  <Field label="Option text" errors={option.text.errors} inputProps={getInputProps(option.text, { type: "text" })} className="sm:col-span-2" />
                  <div className="sm:col-span-2">
                    <label className="inline-flex items-center gap-2 text-sm font-medium text-slate-800">
                      <input {...getInputProps(option.correct, { type: "checkbox" })} className="h-4 w-4 rounded border-slate-400" />
                      Correct answer
                    </label>
                    <ErrorList id={option.correct.errorId} errors={option.correct.errors} />
                  </div>
                  <TextareaField
                    label="Feedback if chosen (optional)"
                    hint="For a wrong option: a hint towards the idea, not the answer."
                    errors={option.feedback.errors}
                    textareaProps={{ ...getTextareaProps(option.feedback), rows: 2 }}
                    className="sm:col-span-2"
                  />
                  {misconceptions.length ? (
                    <MisconceptionSelect field={option.misconceptionId} misconceptions={misconceptions} label="Misconception this option shows (optional)" />
                  ) : (
                    <input {...getInputProps(option.misconceptionId, { type: "hidden" })} />
                  )}
                </div>
                <div className="mt-3 flex flex-wrap gap-2">
                  <button
                    {...form.reorder.getButtonProps({ name: fields.options.name, from: index, to: index - 1 })}
                    disabled={index === 0}
                    className={smallButton}
                    aria-label={`Move option ${index + 1} up`}
                  >
                    Move up
                  </button>
                  <button
                    {...form.reorder.getButtonProps({ name: fields.options.name, from: index, to: index + 1 })}
                    disabled={index === rows.length - 1}
                    className={smallButton}
                    aria-label={`Move option ${index + 1} down`}
                  >
                    Move down
                  </button>
                  <button {...form.remove.getButtonProps({ name: fields.options.name, index })} className={smallButton} aria-label={`Remove option ${index + 1}`}>
                    Remove
                  </button>
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      {rows.length < MAX_OPTIONS ? (
        <button {...form.insert.getButtonProps({ name: fields.options.name })} className={`${addButton} mt-4`}>
          Add an option
        </button>
      ) : (
        <p className="mt-4 text-sm text-slate-700">That's the most options a checkpoint can have ({MAX_OPTIONS}).</p>
      )}
      {newMisconception(
        rows.flatMap((row, index) => {
          const option = row.getFieldset();
          return option.correct.value === "on" ? [] : [{ path: `${fields.options.name}[${index}]`, label: rowLabel("Option", index, option.text.value) }];
        }),
      )}
    </Card>
  );
}

function NumericAnswer({ form, fields, misconceptions, newMisconception }: ListProps) {
  const wrongRows = fields.wrongValues.getFieldList();
  const stepRows = fields.intermediateValues.getFieldList();
  return (
    <>
      <Card title="Answer">
        <div className="grid gap-4 sm:grid-cols-3">
          <Field label="Correct value" errors={fields.answer.errors} inputProps={{ ...getInputProps(fields.answer, { type: "text" }), inputMode: "decimal" }} />
          <Field
            label="Tolerance (±)"
            hint="Answers this close count as correct. 0 means exactly."
            errors={fields.tolerance.errors}
            inputProps={{ ...getInputProps(fields.tolerance, { type: "text" }), inputMode: "decimal" }}
          />
          <Field label="Unit (optional)" hint="For example m/s." errors={fields.unit.errors} inputProps={getInputProps(fields.unit, { type: "text" })} />
        </div>
      </Card>
      <Card title="Common wrong values">
        <p className="mb-3 text-sm text-slate-700">
          Values students often reach on a wrong path, each with feedback and the misconception it shows. An answer within the tolerance
          of one of them gets its feedback. Empty rows are left out.
        </p>
        <ErrorList id={fields.wrongValues.errorId} errors={fields.wrongValues.errors} />
        <ol className="mt-3 space-y-4">
          {wrongRows.map((row, index) => {
            const w = row.getFieldset();
            return (
              <li key={row.key}>
                <fieldset {...getFieldsetProps(row)} className="rounded-md border border-slate-300 p-4">
                  <legend className="px-1 text-sm font-semibold">Wrong value {index + 1}</legend>
                  <ErrorList id={row.errorId} errors={row.errors} />
                  <div className="grid gap-3 sm:grid-cols-2">
                    <Field label="Value" errors={w.value.errors} inputProps={{ ...getInputProps(w.value, { type: "text" }), inputMode: "decimal" }} />
                    <TextareaField
                      label="Feedback (optional)"
                      errors={w.feedback.errors}
                      textareaProps={{ ...getTextareaProps(w.feedback), rows: 2 }}
                      className="sm:col-span-2"
                    />
                    {misconceptions.length ? (
                      <MisconceptionSelect field={w.misconceptionId} misconceptions={misconceptions} label="Misconception this value shows (optional)" />
                    ) : (
                      <input {...getInputProps(w.misconceptionId, { type: "hidden" })} />
                    )}
                  </div>
                  <button {...form.remove.getButtonProps({ name: fields.wrongValues.name, index })} className={`${smallButton} mt-3`} aria-label={`Remove wrong value ${index + 1}`}>
                    Remove
                  </button>
                </fieldset>
              </li>
            );
          })}
        </ol>
        {wrongRows.length < MAX_VALUE_ROWS ? (
          <button {...form.insert.getButtonProps({ name: fields.wrongValues.name })} className={`${addButton} mt-4`}>
            Add a wrong value
          </button>
        ) : null}
        {newMisconception(
          wrongRows.map((row, index) => ({ path: `${fields.wrongValues.name}[${index}]`, label: rowLabel("Wrong value", index, row.getFieldset().value.value) })),
        )}
      </Card>
      <Card title="Values on the way (optional)">
        <p className="mb-3 text-sm text-slate-700">
          Intermediate results a student meets while working it out, with a label. They help recognise an answer that stopped a step
          early.
        </p>
        <ErrorList id={fields.intermediateValues.errorId} errors={fields.intermediateValues.errors} />
        <ol className="mt-3 space-y-4">
          {stepRows.map((row, index) => {
            const v = row.getFieldset();
            return (
              <li key={row.key}>
                <fieldset {...getFieldsetProps(row)} className="rounded-md border border-slate-300 p-4">
                  <legend className="px-1 text-sm font-semibold">Value on the way {index + 1}</legend>
                  <ErrorList id={row.errorId} errors={row.errors} />
                  <div className="grid gap-3 sm:grid-cols-2">
                    <Field label="Value" errors={v.value.errors} inputProps={{ ...getInputProps(v.value, { type: "text" }), inputMode: "decimal" }} />
                    <Field label="Label" hint='For example "speed before braking".' errors={v.label.errors} inputProps={getInputProps(v.label, { type: "text" })} />
                  </div>
                  <button
                    {...form.remove.getButtonProps({ name: fields.intermediateValues.name, index })}
                    className={`${smallButton} mt-3`}
                    aria-label={`Remove value on the way ${index + 1}`}
                  >
                    Remove
                  </button>
                </fieldset>
              </li>
            );
          })}
        </ol>
        {stepRows.length < MAX_VALUE_ROWS ? (
          <button {...form.insert.getButtonProps({ name: fields.intermediateValues.name })} className={`${addButton} mt-4`}>
            Add a value on the way
          </button>
        ) : null}
      </Card>
    </>
  );
}

/** Radio buttons to choose a checkpoint kind (inside a fieldset with its own legend). */
export function KindRadios({ idPrefix }: { idPrefix: string }) {
  return (
    <div className="mt-2 space-y-2">
      {CHECKPOINT_KINDS.map((k, i) => (
        <div key={k} className="flex items-start gap-2">
          <input type="radio" id={`${idPrefix}-${k}`} name="kind" value={k} defaultChecked={i === 0} className="mt-1" aria-describedby={`${idPrefix}-${k}-hint`} />
          <div>
            <label htmlFor={`${idPrefix}-${k}`} className="font-medium">
              {KIND_LABELS[k]}
            </label>
            <p id={`${idPrefix}-${k}-hint`} className="text-sm text-slate-700">
              {KIND_DESCRIPTIONS[k]}
            </p>
          </div>
        </div>
      ))}
    </div>
  );
}
