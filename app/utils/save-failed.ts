// The shape of an action's answer when a save failed on the server's side
// (app/utils/action-failure.server.ts), for the pages that show it.
import type { SubmissionResult } from "@conform-to/react";

export interface SaveFailed {
  /** The form it belongs to: the `formId` the form posted, or the route's own name for it. */
  formId: string | null;
  intent: string | null;
  ok: false;
  /** "storage": the database took no changes, nothing was saved; "unexpected": it may or may not have been saved. */
  saveFailed: "storage" | "unexpected";
  message: string;
  /** Conform's reply: the form as sent (no passwords) with the message as the form's error. */
  reply: SubmissionResult<string[]>;
}

/** Whether an action's answer is a save that failed on the server's side. */
export function isSaveFailed(answer: unknown): answer is SaveFailed {
  return typeof answer === "object" && answer !== null && "saveFailed" in answer && "reply" in answer;
}

/** For a page whose action data is Conform's reply itself: that reply, or the failed save's. */
export function replyOf<Reply>(answer: Reply | SaveFailed | undefined): Reply | SubmissionResult<string[]> | undefined {
  return isSaveFailed(answer) ? answer.reply : answer;
}
