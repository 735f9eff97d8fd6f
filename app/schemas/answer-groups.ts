// The forms of a checkpoint's insight page that act on short-answer groups and
// on the misconception tags of its attempts. Shared by Conform in the browser
// and the route's action on the server; `intent` tells the forms apart.
import { z } from "zod";

export const GROUP_INTENTS = {
  name: "name-group",
  merge: "merge-groups",
  moveOut: "move-out",
  addTag: "add-tag",
  removeTag: "remove-tag",
  rename: "rename-group",
  unlink: "unlink-group",
  dissolve: "dissolve-group",
  confirmSuggestion: "confirm-suggestion",
  rejectSuggestion: "reject-suggestion",
} as const;

export type GroupIntent = (typeof GROUP_INTENTS)[keyof typeof GROUP_INTENTS];

export function isGroupIntent(value: unknown): value is GroupIntent {
  return typeof value === "string" && (Object.values(GROUP_INTENTS) as string[]).includes(value);
}

/** The misconception menu's value for "create a new misconception". */
export const NEW_MISCONCEPTION = "new";

export const MAX_LABEL = 120;

const groupKey = z
  .string({ error: "We couldn't tell which group this is. Reload the page and try again." })
  .trim()
  .min(1, "We couldn't tell which group this is. Reload the page and try again.")
  .max(200, "We couldn't tell which group this is. Reload the page and try again.");

const attemptId = z
  .string({ error: "We couldn't tell which answer this is. Reload the page and try again." })
  .trim()
  .min(1, "We couldn't tell which answer this is. Reload the page and try again.")
  .max(100, "We couldn't tell which answer this is. Reload the page and try again.");

const label = z.string().trim().max(MAX_LABEL, `Keep the label under ${MAX_LABEL} characters.`);

/**
 * Name a group as a misconception: one of the project's (misconceptionId), or a
 * new one written here (misconceptionId "new", or left unchosen with a name).
 */
export const nameGroupSchema = z
  .object({
    groupKey,
    misconceptionId: z.string().trim().max(100, "Choose a misconception from the list.").optional(),
    name: z.string().trim().max(80, "Keep the name under 80 characters.").optional(),
    description: z.string().trim().max(1000, "Keep the description under 1,000 characters.").optional().default(""),
    nextStep: z.string().trim().max(1000, "Keep the next step under 1,000 characters.").optional().default(""),
  })
  .superRefine((value, ctx) => {
    const chosen = value.misconceptionId && value.misconceptionId !== NEW_MISCONCEPTION;
    if (!value.misconceptionId && !value.name) {
      ctx.addIssue({ code: "custom", path: ["misconceptionId"], message: "Choose a misconception, or write the name of a new one below." });
    } else if (value.misconceptionId === NEW_MISCONCEPTION && !value.name) {
      ctx.addIssue({ code: "custom", path: ["name"], message: "Give the new misconception a short name." });
    } else if (chosen && value.name) {
      ctx.addIssue({
        code: "custom",
        path: ["name"],
        message: "You chose a misconception from the list and wrote a new name: clear the name to use the one chosen, or choose “New misconception”.",
      });
    }
  });

/** Whether a valid name-group submission asks for a new misconception. */
export function wantsNewMisconception(input: { misconceptionId?: string }): boolean {
  return !input.misconceptionId || input.misconceptionId === NEW_MISCONCEPTION;
}

export type NameGroupInput = z.output<typeof nameGroupSchema>;

export const mergeGroupsSchema = z.object({
  groupKeys: z
    .array(groupKey, { error: "Choose at least two groups to merge." })
    .min(2, "Choose at least two groups to merge.")
    .max(200, "Choose fewer groups to merge at once."),
  label: label.optional(),
});

export type MergeGroupsInput = z.output<typeof mergeGroupsSchema>;

export const moveOutSchema = z.object({ groupKey, attemptId });

export const tagSchema = z.object({
  attemptId,
  misconceptionId: z
    .string({ error: "Choose a misconception." })
    .trim()
    .min(1, "Choose a misconception.")
    .max(100, "Choose a misconception from the list."),
});

export const renameGroupSchema = z.object({
  groupKey,
  label: z
    .string({ error: "Give the group a label." })
    .trim()
    .min(1, "Give the group a label.")
    .max(MAX_LABEL, `Keep the label under ${MAX_LABEL} characters.`),
});

export const groupOnlySchema = z.object({ groupKey });

/** Confirm one suggested answer into a kept group, or all of those listed ("Add all"). */
export const confirmSuggestionsSchema = z.object({
  groupKey,
  attemptIds: z
    .array(attemptId, { error: "We couldn't tell which answer this is. Reload the page and try again." })
    .min(1, "We couldn't tell which answer this is. Reload the page and try again.")
    .max(50, "Add fewer answers at once."),
});

export const rejectSuggestionSchema = z.object({ groupKey, attemptId });
