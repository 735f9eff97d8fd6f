// What the checkpoint editor's two routes (add and edit) do with a submission:
// name a new misconception from inside the editor when the teacher asked for
// one, then read the checkpoint against the project's misconceptions. The
// project id comes from the route's ownership check and stays in every query.
import type { SubmissionResult } from "@conform-to/react";
import { z } from "zod";
import { cleanEditorFormData } from "~/domain/checkpoint-form";
import type { CheckpointKind } from "~/domain/checkpoint-spec";
import { createMisconception, misconceptionChoices } from "~/models/misconception.server";
import { checkpointFormSchema, toCheckpointInput, type CheckpointFormResult } from "~/schemas/checkpoint";
import { ADD_MISCONCEPTION_INTENT, INLINE_MISCONCEPTION, inlineMisconceptionSchema } from "~/schemas/misconception";
import { parseListSubmission, parseSubmission } from "~/utils/submission";

export type EditorSubmission =
  /** The teacher added a misconception and goes on editing: the form comes back as typed. */
  | { status: "kept"; reply: SubmissionResult<string[]>; notice: string | null; httpStatus: 200 | 400; createdMisconceptionId?: string }
  /** A list button without JavaScript (200), or invalid input (400). */
  | { status: "invalid"; reply: SubmissionResult<string[]>; notice: string | null; httpStatus: 200 | 400 }
  | { status: "valid"; input: CheckpointFormResult; notice: string | null };

const editorState = z.object({});

export async function readEditorSubmission(projectId: string, kind: CheckpointKind, submitted: FormData): Promise<EditorSubmission> {
  const addOnly = submitted.get("intent") === ADD_MISCONCEPTION_INTENT;
  const inline = await takeInlineMisconception(projectId, submitted, addOnly);
  if (inline.status === "invalid") {
    // Everything typed comes back, the message by the panel's field.
    const reply = parseSubmission(submitted, { schema: editorState }).reply({ fieldErrors: inline.fieldErrors });
    return { status: "kept", reply, notice: null, httpStatus: 400 };
  }
  const formData = inline.status === "created" ? inline.formData : submitted;
  const notice = inline.status === "created" ? inline.notice : null;
  if (addOnly) {
    const reply = parseSubmission(cleanEditorFormData(formData), { schema: editorState }).reply();
    // With JavaScript the typed fields stay in the page: this update sets the
    // linked menu to the new misconception and empties the panel.
    return {
      status: "kept",
      reply: { ...reply, intent: { type: "update", payload: { name: "", value: reply.initialValue ?? {} } } },
      notice,
      httpStatus: 200,
      createdMisconceptionId: inline.status === "created" ? inline.id : undefined,
    };
  }
  const misconceptions = await misconceptionChoices(projectId);
  const schema = checkpointFormSchema(kind, { misconceptionIds: misconceptions.map((m) => m.id) });
  const submission = parseListSubmission(cleanEditorFormData(formData), { schema });
  if (submission.status !== "success") {
    return { status: "invalid", reply: submission.reply(), notice, httpStatus: submission.status === "error" ? 400 : 200 };
  }
  return { status: "valid", input: toCheckpointInput(kind, submission.value), notice };
}

type InlineResult =
  | { status: "none" }
  | { status: "invalid"; fieldErrors: Record<string, string[]> }
  | { status: "created"; id: string; formData: FormData; notice: string };

/**
 * The editor's "name a new misconception" panel: nothing when its name is
 * empty (unless the teacher pressed the panel's own button); otherwise the misconception is created in the project and, when a row
 * was chosen, that row's menu is set to it. The returned form data no longer
 * holds the panel's fields.
 */
async function takeInlineMisconception(projectId: string, formData: FormData, required: boolean): Promise<InlineResult> {
  const raw = {
    name: String(formData.get(INLINE_MISCONCEPTION.name) ?? ""),
    nextStep: String(formData.get(INLINE_MISCONCEPTION.nextStep) ?? ""),
    linkTo: String(formData.get(INLINE_MISCONCEPTION.linkTo) ?? ""),
  };
  if (!raw.name.trim()) {
    return required ? { status: "invalid", fieldErrors: { [INLINE_MISCONCEPTION.name]: ["Give the misconception a short name."] } } : { status: "none" };
  }
  const parsed = inlineMisconceptionSchema.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) {
      const key = INLINE_MISCONCEPTION[issue.path[0] as keyof typeof INLINE_MISCONCEPTION] ?? INLINE_MISCONCEPTION.name;
      (fieldErrors[key] ??= []).push(issue.message);
    }
    return { status: "invalid", fieldErrors };
  }
  const { name, nextStep, linkTo } = parsed.data;
  const created = await createMisconception(projectId, { name, nextStep, description: "" });
  if (!created.ok) {
    return {
      status: "invalid",
      fieldErrors: { [INLINE_MISCONCEPTION.name]: ["This project already has a misconception with that name: choose it from the menus, or use another name."] },
    };
  }
  const next = new FormData();
  for (const [key, value] of formData) if (!Object.values(INLINE_MISCONCEPTION).includes(key as never)) next.append(key, value);
  if (linkTo) next.set(`${linkTo}.misconceptionId`, created.id);
  return {
    status: "created",
    id: created.id,
    formData: next,
    notice: linkTo ? `Misconception “${name}” added to this project and linked.` : `Misconception “${name}” added to this project. Choose it from a menu to link it.`,
  };
}
