import { parseWithZod } from "@conform-to/zod/v4";
import type { $ZodType } from "zod/v4/core";

/**
 * How every form validates in the browser, with the same Zod schema the action
 * uses. A field is first checked when the user leaves it (or on submit), then
 * on every keystroke once it has been checked, so a message clears while the
 * user fixes the field. Waiting for the blur instead made the message vanish
 * between mousedown and mouseup on the submit button: the button moved up and
 * the first click after a correction was lost.
 *
 * The browser never posts a validation request: Conform's own control field
 * (`__intent__`) stays in the data given to Zod, so a "validate" intent is
 * answered here and the submission is only let through when it is a real one.
 */
export function validateWith<Schema extends $ZodType>(
  schema: Schema,
  firstOn: "onBlur" | "onSubmit" = "onBlur",
) {
  return {
    shouldValidate: firstOn,
    shouldRevalidate: "onInput" as const,
    onValidate: ({ formData }: { formData: FormData }) => parseWithZod(formData, { schema }),
  };
}
