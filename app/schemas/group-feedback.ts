// The forms of group feedback (decision 018): write it once for a group, edit
// it (a new version for every student who has it), and say whether students
// who join the group later receive it too. The group itself is named by the
// page's address (app/domain/group-feedback.ts readTargetRef), only looked up
// in the teacher's own project.
import { z } from "zod";
import { COMMENT_MAX } from "~/schemas/comment";

export const GROUP_FEEDBACK_INTENTS = {
  send: "send-group-feedback",
  edit: "edit-group-feedback",
  reachLater: "set-reach-later",
} as const;

const body = z
  .string({ error: "Write the feedback before sending it." })
  .trim()
  .min(1, "Write the feedback before sending it.")
  .max(COMMENT_MAX, `Keep the feedback under ${COMMENT_MAX.toLocaleString("en-GB")} characters.`);

/** Writing it: the text, and whether students who join the group later receive it (a ticked box sends "on"). */
export const sendGroupFeedbackSchema = z.object({
  body,
  reachLater: z.enum(["on"], { error: "We didn't understand the choice about students who join later." }).optional(),
});

export const editGroupFeedbackSchema = z.object({ body });

export const reachLaterSchema = z.object({
  reachLater: z.enum(["on", "off"], { error: "We didn't understand the choice about students who join later." }),
});
