import { parseWithZod } from "@conform-to/zod/v4";
import { withoutFormControls } from "~/domain/form-data";

/**
 * parseWithZod for actions, for forms without list buttons (all but the
 * checkpoint editor). The browser checks a form itself (validateWith) and posts
 * only real submissions, so Conform's control fields (`__intent__`,
 * `__state__`) in a posted form are hand-made: they are left out, and the
 * submission is checked as an ordinary one. Otherwise a made-up "insert" or
 * "validate" intent would be answered with a 400 that says nothing, and a
 * corrupted one would make Conform throw (a 500).
 */
export const parseSubmission = ((formData: FormData | URLSearchParams, options: Parameters<typeof parseWithZod>[1]) =>
  parseWithZod(withoutFormControls(toFormData(formData)), options)) as typeof parseWithZod;

/**
 * parseWithZod for a form whose list buttons work without JavaScript (the
 * checkpoint editor: add, remove and move rows), which keeps the list intents
 * the caller has checked. A corrupted control field is read again without it.
 */
export const parseListSubmission = ((formData: FormData | URLSearchParams, options: Parameters<typeof parseWithZod>[1]) => {
  try {
    return parseWithZod(formData, options);
  } catch {
    return parseWithZod(withoutFormControls(toFormData(formData)), options);
  }
}) as typeof parseWithZod;

function toFormData(data: FormData | URLSearchParams): FormData {
  if (data instanceof FormData) return data;
  const formData = new FormData();
  for (const [name, value] of data) formData.append(name, value);
  return formData;
}
