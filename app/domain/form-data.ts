// Small guards for submitted forms. Pure.

/**
 * Form data without Conform's control fields (`__intent__`, `__state__`), for
 * forms that have no list buttons: a hand-made control value would otherwise
 * make Conform throw instead of answering with messages.
 */
export function withoutFormControls(formData: FormData): FormData {
  const clean = new FormData();
  for (const [name, value] of formData) if (name !== "__intent__" && name !== "__state__") clean.append(name, value);
  return clean;
}
