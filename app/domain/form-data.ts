// Small guards for submitted forms. Pure.

/**
 * Characters no one types and no page of Rebound sends, removed from every
 * submitted text (decision 013): C0 control characters other than tab, line
 * feed and carriage return (NUL among them: PostgreSQL refuses it in text),
 * DEL, and the explicit bidirectional embeddings, overrides and isolates
 * (U+202A–U+202E, U+2066–U+2069), which reorder the text shown after them on a
 * teacher's page ("Trojan source"). Right-to-left text itself, the
 * left-to-right and right-to-left marks, combining marks and emoji are kept.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNWANTED = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]/g;
/** Half of a surrogate pair without its other half: not a character at all. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** A submitted text as it may be stored: well-formed (a lone surrogate becomes U+FFFD) and without the characters above. */
export function cleanFormText(value: string): string {
  return value.replace(LONE_SURROGATE, "\uFFFD").replace(UNWANTED, "");
}

/**
 * The submitted fields as Rebound reads them: every text cleaned, and files
 * left out (no form of Rebound takes a file, so a file part is never an
 * answer; the field then reads as missing and gets its usual message).
 */
export function cleanFormData(formData: FormData): FormData {
  const clean = new FormData();
  for (const [name, value] of formData) {
    if (typeof value === "string") clean.append(cleanFormText(name), cleanFormText(value));
  }
  return clean;
}

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
