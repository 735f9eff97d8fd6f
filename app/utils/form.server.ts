// The one way an action reads what was posted (decision 013). Rebound's own
// server already refuses bodies that are not forms or are too large (decision
// 009); this holds the same line wherever the app runs (the Vite dev server,
// tests, another server) and adds what only the app can check:
// - only forms are read: anything else is refused with 415, a form that cannot
//   be read with 400, each with a sentence saying what to do;
// - no form of Rebound has more than a few hundred fields or a list longer
//   than a few dozen rows, so a form with more, or with a list index no page
//   sends (`answers[3000000]`, which Conform would echo back as a list of three
//   million entries), is refused with 400 before anything reads it;
// - every text is cleaned once, here (app/domain/form-data.ts): no control
//   characters, no lone surrogates, no direction overrides reach the database;
// - files are left out: only the import pages take one, through readUpload
//   below (decision 020).
import { unstable_createMemoryUploadHandler, unstable_parseMultipartFormData, MaxPartSizeExceededError } from "@remix-run/node";
import { cleanFormData } from "~/domain/form-data";

/** More fields than any form of Rebound sends (the checkpoint editor, the largest, sends under 200). */
export const MAX_FORM_FIELDS = 1000;
/** The highest list index a form may use (lists hold at most 50 rows). */
export const MAX_LIST_INDEX = 999;

const FORM_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data"];

export const FORM_MESSAGES = {
  notAForm: "Rebound only reads forms sent from its pages. Go back to the page and send it again.",
  unreadable: "We couldn't read that form: it may have been cut short on the way. Go back to the page and send it again.",
  tooMany: "That form had more fields than any page of Rebound sends. Reload the page and send it again.",
} as const;

function refuse(status: number, message: string): Response {
  return new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

const read = new WeakMap<Request, FormData>();

/**
 * The posted form, cleaned; throws a 400 or 415 response (with a message) for
 * anything that is not a readable form of a sensible size. Call it once per
 * request, instead of `request.formData()`.
 */
export async function readForm(request: Request): Promise<FormData> {
  const known = read.get(request);
  if (known) return known;
  const type = (request.headers.get("Content-Type") ?? "").split(";")[0].trim().toLowerCase();
  let raw: FormData;
  if (FORM_TYPES.includes(type)) {
    try {
      raw = await request.formData();
    } catch {
      throw refuse(400, FORM_MESSAGES.unreadable);
    }
  } else {
    // A post with nothing in it (a button alone) is an empty form; anything else is not a form.
    if (request.body && (await request.text()).length > 0) throw refuse(415, FORM_MESSAGES.notAForm);
    raw = new FormData();
  }
  let fields = 0;
  for (const [name] of raw) {
    fields++;
    if (fields > MAX_FORM_FIELDS) throw refuse(400, FORM_MESSAGES.tooMany);
    for (const match of name.matchAll(/\[(\d+)\]/g)) {
      if (match[1].length > 4 || Number(match[1]) > MAX_LIST_INDEX) throw refuse(400, FORM_MESSAGES.tooMany);
    }
  }
  const clean = cleanFormData(raw);
  read.set(request, clean);
  return clean;
}

/** The form already read for this request (by readForm), if any: what the user sent, for an answer that gives it back. */
export function formReadFrom(request: Request): FormData | undefined {
  return read.get(request);
}

/** The fields an upload form has besides its file (intent, a project title, pasted text): a handful. */
const MAX_UPLOAD_FIELDS = 20;

export interface Upload {
  /** The form's text fields, cleaned as readForm cleans them. */
  form: FormData;
  /** The one file sent in the field `fileField`, if any (an empty file input sends none). */
  file: { name: string; bytes: Uint8Array } | null;
}

/**
 * The one way an import page reads what was posted (decision 020): a
 * multipart form with at most one file of at most `maxFileBytes` (kept in
 * memory, never written to disk), and a few text fields; or an ordinary form
 * (with the file's text pasted). Rebound's own server lets larger bodies
 * through on these pages only (scripts/lib/http-security.mjs, UPLOAD_PATHS),
 * after the same Origin check as every form. Refusals are thrown as responses
 * with a sentence, like readForm's.
 */
export async function readUpload(request: Request, { fileField, maxFileBytes }: { fileField: string; maxFileBytes: number }): Promise<Upload> {
  const known = read.get(request);
  if (known) return { form: known, file: uploads.get(request) ?? null };
  const type = (request.headers.get("Content-Type") ?? "").split(";")[0].trim().toLowerCase();
  if (type !== "multipart/form-data") return { form: await readForm(request), file: null };
  let file: File | null = null;
  let files = 0;
  let raw: FormData;
  try {
    raw = await unstable_parseMultipartFormData(
      request,
      unstable_createMemoryUploadHandler({
        maxPartSize: maxFileBytes,
        filter: ({ name, filename }) => {
          if (!filename) return true;
          files++;
          return name === fileField && files === 1;
        },
      }),
    );
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) {
      throw refuse(413, `That file is larger than the ${Math.round(maxFileBytes / 1024 / 1024)} MB one import takes. Split it, or leave large pictures out, and send it again.`);
    }
    throw refuse(400, FORM_MESSAGES.unreadable);
  }
  const text = new FormData();
  let fields = 0;
  for (const [name, value] of raw) {
    if (++fields > MAX_UPLOAD_FIELDS + 1) throw refuse(400, FORM_MESSAGES.tooMany);
    if (typeof value === "string") text.append(name, value);
    else if (name === fileField && value.size > 0 && !file) file = value;
  }
  const form = cleanFormData(text);
  read.set(request, form);
  const upload = file ? { name: file.name.slice(0, 200), bytes: new Uint8Array(await file.arrayBuffer()) } : null;
  if (upload) uploads.set(request, upload);
  return { form, file: upload };
}

const uploads = new WeakMap<Request, { name: string; bytes: Uint8Array }>();
