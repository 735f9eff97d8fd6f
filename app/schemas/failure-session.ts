// The class failure session's forms (decision 019): the teacher opens,
// moderates and closes it, and marks agreed actions; students post, write
// "what helped me" notes, react, and withdraw what they wrote.
import { z } from "zod";
import { ACTION_STATUSES, LIMITS, REACTION_KINDS, SESSION_MINUTES, parseAgreedActions } from "~/domain/failure-session";

const fmt = (n: number) => n.toLocaleString("en-GB");
const lostTrack = (what: string) => `We lost track of which ${what} this was. Reload the page and try again.`;
const id = (what: string) =>
  z
    .string({ error: lostTrack(what) })
    .trim()
    .min(1, lostTrack(what))
    .max(100, lostTrack(what));

export const PROMPT_SOURCES = ["template", "own"] as const;
const MINUTES = SESSION_MINUTES.map(String) as [string, ...string[]];

export const openSessionSchema = z
  .object({
    promptSource: z.enum(PROMPT_SOURCES, { error: "Choose the blameless-debrief questions or write your own." }),
    prompt: z
      .string()
      .trim()
      .max(LIMITS.prompt, `Keep your questions under ${fmt(LIMITS.prompt)} characters.`)
      .optional(),
    minutes: z.enum(MINUTES, { error: "Choose how long the session runs." }).transform(Number),
  })
  .superRefine((v, ctx) => {
    if (v.promptSource === "own" && !v.prompt) ctx.addIssue({ code: "custom", message: "Write at least one question for the class, or use the blameless-debrief questions.", path: ["prompt"] });
  });

export const closeSessionSchema = z.object({
  actions: z
    .string({ error: "Write at least one thing the class agreed to do differently." })
    .max(LIMITS.actions, `Keep the agreed actions under ${fmt(LIMITS.actions)} characters in all.`)
    .transform((text, ctx) => {
      const actions = parseAgreedActions(text);
      if (actions.length === 0) ctx.addIssue({ code: "custom", message: "Write at least one thing the class agreed to do differently, one per line." });
      if (actions.length > LIMITS.actionCount) ctx.addIssue({ code: "custom", message: `Keep it to ${LIMITS.actionCount} agreed actions or fewer: the ones the class will really do.` });
      if (actions.some((a) => a.length > LIMITS.action)) ctx.addIssue({ code: "custom", message: `Keep each action under ${fmt(LIMITS.action)} characters.` });
      return actions;
    }),
});

const idList = (what: string) => z.array(id(what)).max(LIMITS.batch, `Choose at most ${LIMITS.batch} at a time.`).default([]);

/** Releasing to the board, or declining: the posts and notes ticked in the queue (or one, from its own button). */
export const moderationSchema = z.object({
  postIds: idList("post"),
  noteIds: idList("note"),
});

export const markActionSchema = z.object({
  actionId: id("agreed action"),
  status: z.enum(ACTION_STATUSES, { error: "Choose done or not done." }),
});

export const postSchema = z.object({
  setback: z
    .string({ error: "Write the setback: what didn't go as planned." })
    .trim()
    .min(1, "Write the setback: what didn't go as planned.")
    .max(LIMITS.setback, `Keep the setback under ${fmt(LIMITS.setback)} characters.`),
  learned: z
    .string({ error: "Write what you learned from it — even a small thing counts." })
    .trim()
    .min(1, "Write what you learned from it — even a small thing counts.")
    .max(LIMITS.learned, `Keep what you learned under ${fmt(LIMITS.learned)} characters.`),
});

export const noteSchema = z.object({
  postId: id("post"),
  text: z
    .string({ error: "Write what helped you." })
    .trim()
    .min(1, "Write what helped you.")
    .max(LIMITS.note, `Keep your note under ${fmt(LIMITS.note)} characters.`),
});

export const reactionSchema = z.object({
  postId: id("post"),
  kind: z.enum(REACTION_KINDS, { error: "Choose one of the reactions." }),
});

export const withdrawSchema = z.object({
  kind: z.enum(["post", "note"], { error: lostTrack("post") }),
  id: id("post"),
});
