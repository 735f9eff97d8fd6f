// What an action answers when its save fails for a reason that is not the
// request's fault: the database takes no changes (a read-only or full disk, a
// database that is gone: 503, "Nothing was saved"), or something unexpected
// broke (500, "may not have been saved"). Either way the page comes back with
// the form as it was sent and words that say what is true, instead of an error
// page that throws the person's text away (decision 013).
//
// Every route action is wrapped once, where it is exported:
//   export const action = keepsFormOnFailure(async ({ request, params }) => { … });
// The answer names the form it belongs to (the route's own `formIdOf`, else the
// `formId` the form posts), so the page shows it beside that form with
// `resultFor`; it carries Conform's reply under `reply` (pages whose action data
// is the reply itself read it with `replyOf`), so Conform forms come back filled
// in, with and without JavaScript. Passwords are never sent back.
import type { SubmissionResult } from "@conform-to/react";
import type { ActionFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { z } from "zod";
import { formReadFrom } from "~/utils/form.server";
import { parseSubmission } from "~/utils/submission";
import { STORAGE_UNAVAILABLE_MESSAGE, isStorageUnavailable, lastLine } from "~/utils/prisma-errors.server";
import type { SaveFailed } from "~/utils/save-failed";

/** What a person is told when something unexpected stopped a save: it may or may not have gone through, and their text is still here. */
export const UNEXPECTED_FAILURE_MESSAGE =
  "Something went wrong on our side, so this may not have been saved. Your text is still here: check the page, then send it again in a moment.";

/** Fields never sent back to the browser. */
const SECRET_FIELD = /password/i;

/** Conform's reply to the form as sent (its nested shape, as the form reads it back), with `message` as the form's error and no passwords. */
export function replyKeepingForm(form: FormData | undefined, message: string): SubmissionResult<string[]> {
  const sent = form ?? new FormData();
  const secrets = [...new Set([...sent.keys()].filter((name) => SECRET_FIELD.test(name)))];
  return parseSubmission(sent, { schema: z.object({}) }).reply({ formErrors: [message], hideFields: secrets });
}

/** A thrown answer (a redirect, a 404, a 400 from readForm, Remix's `data`) is the route's own: it passes through. */
function isRouteAnswer(error: unknown): boolean {
  return error instanceof Response || (typeof error === "object" && error !== null && (error as { type?: unknown }).type === "DataWithResponseInit");
}

/** The answer for a save that failed on the server's side (see the top of this file). */
export function saveFailedAnswer(request: Request, error: unknown, formIdOf?: (form: FormData) => string | null) {
  const form = formReadFrom(request);
  const storage = isStorageUnavailable(error);
  const where = `${request.method} ${new URL(request.url).pathname}`;
  // One line for whoever runs the server; an unexpected failure with its stack.
  if (storage) console.error(`[rebound] ${where}: the database took no changes, answering 503 with the form kept: ${lastLine(error)}`);
  else console.error(`[rebound] ${where}: the action failed, answering 500 with the form kept:`, error);
  const message = storage ? STORAGE_UNAVAILABLE_MESSAGE : UNEXPECTED_FAILURE_MESSAGE;
  const posted = form?.get("formId");
  const intent = form?.get("intent");
  const answer: SaveFailed = {
    formId: (form && formIdOf?.(form)) || (typeof posted === "string" && posted ? posted : null),
    intent: typeof intent === "string" ? intent : null,
    ok: false,
    saveFailed: storage ? "storage" : "unexpected",
    message,
    reply: replyKeepingForm(form, message),
  };
  return data(answer, storage ? { status: 503, headers: { "Retry-After": "30" } } : { status: 500 });
}

/**
 * Wraps a route's action so that a save that fails on the server's side answers
 * with the form kept and true words (saveFailedAnswer) instead of an error page.
 * `formIdOf` names the form an answer belongs to, as the page's `resultFor` looks for it
 * (by default, the `formId` the form posts).
 */
export function keepsFormOnFailure<Args extends ActionFunctionArgs, Result>(
  action: (args: Args) => Promise<Result>,
  formIdOf?: (form: FormData) => string | null,
) {
  return async (args: Args) => {
    try {
      return await action(args);
    } catch (error) {
      if (isRouteAnswer(error)) throw error;
      return saveFailedAnswer(args.request, error, formIdOf);
    }
  };
}
