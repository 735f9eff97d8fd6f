import { Form, useActionData, useNavigation } from "@remix-run/react";
import { useId, useState, type ComponentProps, type ReactNode } from "react";

const inputClass =
  "mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-slate-900 shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600 aria-[invalid=true]:border-red-700";

/** A message about a whole form (not one field), announced when it appears; nothing when there is none. */
export function FormAlert({ message }: { message: string | string[] | null | undefined }) {
  const text = Array.isArray(message) ? message.join(" ") : message;
  if (!text) return null;
  return (
    <p role="alert" className="text-sm text-red-800">
      {text}
    </p>
  );
}

export function ErrorList({ id, errors }: { id?: string; errors?: string[] | null }) {
  if (!errors?.length) return null;
  return (
    <ul id={id} className="mt-1 space-y-0.5 text-sm text-red-800">
      {errors.map((e) => (
        <li key={e}>{e}</li>
      ))}
    </ul>
  );
}

type FieldProps = {
  label: ReactNode;
  hint?: ReactNode;
  errors?: string[] | null;
  inputProps: ComponentProps<"input">;
  className?: string;
};

type FrameProps = Omit<FieldProps, "inputProps"> & {
  id?: string;
  /** The most characters the field takes, shown under it with a live count. */
  limit?: { max: number; length: number };
  /** Renders the control with the ids and ARIA attributes the frame worked out. */
  children: (control: { id: string; className: string; "aria-invalid"?: true; "aria-describedby"?: string }) => ReactNode;
};

/** The label, hint and error messages around one form control, wired up for assistive technology. */
function FieldFrame({ id: givenId, label, hint, errors, className, limit, children }: FrameProps) {
  const fallbackId = useId();
  const id = givenId ?? fallbackId;
  const errorId = errors?.length ? `${id}-error` : undefined;
  const hintId = hint ? `${id}-hint` : undefined;
  const countId = limit ? `${id}-count` : undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      {children({
        id,
        className: inputClass,
        "aria-invalid": errorId ? true : undefined,
        "aria-describedby": [hintId, countId, errorId].filter(Boolean).join(" ") || undefined,
      })}
      {limit && countId ? <CharacterCount id={countId} {...limit} /> : null}
      <ErrorList id={errorId} errors={errors} />
    </div>
  );
}

const formatCount = (n: number) => n.toLocaleString("en-GB");

/**
 * "120 of 5,000 characters", live while typing; over the limit it says by how
 * much, before anything is submitted. Read with the field's description, not
 * announced on every keystroke.
 */
function CharacterCount({ id, max, length }: { id: string; max: number; length: number }) {
  const over = length - max;
  return (
    <p id={id} className={`mt-1 text-right text-xs ${over > 0 ? "font-medium text-red-800" : "text-slate-600"}`}>
      {over > 0
        ? `${formatCount(over)} ${over === 1 ? "character" : "characters"} over the limit of ${formatCount(max)}: shorten it before saving.`
        : `${formatCount(length)} of ${formatCount(max)} characters`}
    </p>
  );
}

/**
 * The length of a field's text, kept up to date as the user types (with
 * JavaScript); without it, the count of the text the page was served with.
 */
function useTextLength(initial: unknown, resetKey: unknown, onInput: ((event: never) => void) | undefined) {
  const initialLength = typeof initial === "string" ? initial.length : 0;
  const [length, setLength] = useState(initialLength);
  // A form reset (a new key or a new default) starts the count again.
  const [seen, setSeen] = useState({ resetKey, initialLength });
  if (seen.resetKey !== resetKey || seen.initialLength !== initialLength) {
    setSeen({ resetKey, initialLength });
    setLength(initialLength);
  }
  const handleInput = (event: { currentTarget: { value: string } }) => {
    setLength(event.currentTarget.value.length);
    onInput?.(event as never);
  };
  return { length, handleInput };
}

export function Field({ inputProps, ...frame }: FieldProps) {
  return <FieldFrame {...frame} id={inputProps.id}>{(control) => <input {...inputProps} {...control} className={`${control.className} ${inputProps.className ?? ""}`} />}</FieldFrame>;
}

type TextareaFieldProps = Omit<FieldProps, "inputProps"> & { textareaProps: ComponentProps<"textarea"> };

/**
 * A multi-line text field. With a `maxLength`, it shows the limit and a live
 * count instead of setting the attribute: a browser cuts a long paste at
 * `maxlength` without a word, and the student would lose the rest unseen.
 */
export function TextareaField({ textareaProps, ...frame }: TextareaFieldProps) {
  const { maxLength, ...props } = textareaProps;
  const { length, handleInput } = useTextLength(props.value ?? props.defaultValue, (textareaProps as { key?: unknown }).key, props.onInput);
  return (
    <FieldFrame {...frame} id={props.id} limit={maxLength ? { max: maxLength, length } : undefined}>
      {(control) => <textarea rows={3} {...props} onInput={handleInput} {...control} className={`${control.className} ${props.className ?? ""}`} />}
    </FieldFrame>
  );
}

type SelectFieldProps = Omit<FieldProps, "inputProps"> & { selectProps: ComponentProps<"select">; children: ReactNode };

export function SelectField({ selectProps, children, ...frame }: SelectFieldProps) {
  return (
    <FieldFrame {...frame} id={selectProps.id}>
      {(control) => (
        <select {...selectProps} {...control}>
          {children}
        </select>
      )}
    </FieldFrame>
  );
}

const buttonStyles = {
  primary: "bg-brand-600 text-white hover:bg-brand-700 border border-brand-700",
  secondary: "bg-white text-slate-900 hover:bg-slate-100 border border-slate-400",
  danger: "bg-white text-red-800 hover:bg-red-50 border border-red-700",
} as const;

export function buttonClass(variant: keyof typeof buttonStyles = "primary") {
  return `inline-flex items-center justify-center gap-2 rounded-md px-4 py-2 text-sm font-medium no-underline disabled:cursor-not-allowed disabled:opacity-60 ${buttonStyles[variant]}`;
}

/**
 * A submit button that shows progress and refuses a second click while its
 * form is on the way (with JavaScript). When a page has several forms, name
 * the one it belongs to: by its `intent` (the button sends it), or, where many
 * forms share an intent, by the `formId` its form sends in a hidden field;
 * then, of several buttons in one form (name and value), only the one pressed
 * shows its pending text.
 */
export function SubmitButton({
  children,
  pendingText = "Saving…",
  intent,
  formId,
  variant = "primary",
  className = "",
  ...props
}: ComponentProps<"button"> & { pendingText?: string; intent?: string; formId?: string; variant?: keyof typeof buttonStyles }) {
  const navigation = useNavigation();
  const sent = navigation.state === "submitting" ? navigation.formData : undefined;
  const busy = Boolean(sent) && (formId !== undefined ? sent?.get("formId") === formId : intent === undefined || sent?.get("intent") === intent);
  const pending = busy && (formId === undefined || props.value === undefined || sent?.get(String(props.name)) === props.value);
  return (
    <button
      type="submit"
      name={intent ? "intent" : undefined}
      value={intent}
      {...props}
      disabled={busy || props.disabled}
      aria-disabled={busy || undefined}
      className={`${buttonClass(variant)} ${className}`}
    >
      {pending ? pendingText : children}
    </button>
  );
}

/** A form that asks before it posts (deleting, archiving, removing); without JavaScript it posts straight away. */
export function ConfirmForm({ question, children, className }: { question: string; children: ReactNode; className?: string }) {
  return (
    <Form
      method="post"
      className={className}
      onSubmit={(event) => {
        if (!confirm(question)) event.preventDefault();
      }}
    >
      {children}
    </Form>
  );
}

/**
 * The one way a form finds its own action result on a page with several forms:
 * the action answers with the `formId` of the form it handled (a hidden field
 * the form sends, or built from its intent and key), and each form reads the
 * result only when that id is its own.
 */
export function resultFor<T extends { formId?: string | null }>(actionData: T | undefined, formId: string): T | undefined {
  return actionData && actionData.formId === formId ? actionData : undefined;
}

/** The route's action result when it answers the form `formId` (see resultFor). */
export function useResultFor<Action>(formId: string) {
  const actionData = useActionData<Action>();
  return (actionData as { formId?: unknown } | undefined)?.formId === formId ? actionData : undefined;
}
