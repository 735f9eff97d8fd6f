import { parseWithZod } from "@conform-to/zod/v4";
import { withoutFormControls } from "~/domain/form-data";

/**
 * parseWithZod for actions: a hand-made or corrupted Conform control field
 * (`__intent__`, `__state__`) makes Conform throw, which would be a 500. Here
 * such a submission is read again without the control fields, so the user gets
 * the usual messages instead.
 */
export const parseSubmission = ((formData: FormData | URLSearchParams, options: Parameters<typeof parseWithZod>[1]) => {
  try {
    return parseWithZod(formData, options);
  } catch {
    const clean = formData instanceof FormData ? formData : toFormData(formData);
    return parseWithZod(withoutFormControls(clean), options);
  }
}) as typeof parseWithZod;

function toFormData(params: URLSearchParams): FormData {
  const formData = new FormData();
  for (const [name, value] of params) formData.append(name, value);
  return formData;
}
