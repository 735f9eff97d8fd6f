// Every text field of every form has a maximum, and the table of limits in
// docs/decisions/008-form-validation-and-limits.md is the schemas' own: this
// test reads each form schema the way the browser does (textFields, the walk
// behind validateWith's maxLength) and compares. After changing a limit or
// adding a form, rewrite the table with
//   UPDATE_LIMITS_DOC=1 npx vitest run app/schemas/form-limits.test.ts
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { $ZodType } from "zod/v4/core";
import { z } from "zod";
import { textFields } from "~/components/form-validation";
import * as answerGroups from "~/schemas/answer-groups";
import * as attemptTag from "~/schemas/attempt-tag";
import * as attempt from "~/schemas/attempt";
import * as auth from "~/schemas/auth";
import * as checkpoint from "~/schemas/checkpoint";
import * as classroom from "~/schemas/classroom";
import * as comment from "~/schemas/comment";
import * as groupFeedback from "~/schemas/group-feedback";
import * as failureSession from "~/schemas/failure-session";
import * as journal from "~/schemas/journal";
import * as learningGoal from "~/schemas/learning-goal";
import * as misconception from "~/schemas/misconception";
import * as plan from "~/schemas/plan";
import * as project from "~/schemas/project";
import * as privacy from "~/schemas/privacy";
import * as prompt from "~/schemas/prompt";

/** Every form, by the name a person knows it by, with its schema. */
const FORMS: { form: string; schema: $ZodType; from: string }[] = [
  { form: "Log in", schema: auth.loginSchema, from: "loginSchema" },
  { form: "Sign up", schema: auth.signupSchema, from: "signupSchema" },
  { form: "Change password (account page)", schema: auth.changePasswordSchema, from: "changePasswordSchema" },
  { form: "Set-up code from a teacher", schema: auth.setupCodeSchema, from: "setupCodeSchema" },
  { form: "Delete a student's data from a class", schema: privacy.eraseStudentSchema, from: "eraseStudentSchema" },
  { form: "Delete my account", schema: privacy.deleteAccountSchema, from: "deleteAccountSchema" },
  { form: "New class", schema: classroom.classroomNameSchema, from: "classroomNameSchema" },
  { form: "Join a class", schema: classroom.joinClassSchema, from: "joinClassSchema" },
  { form: "Join a class as a co-teacher", schema: classroom.coTeacherCodeSchema, from: "coTeacherCodeSchema" },
  { form: "New project, project details", schema: project.projectBasicsSchema, from: "projectBasicsSchema" },
  { form: "Checkpoint editor: multiple choice", schema: checkpoint.checkpointFormSchema("MULTIPLE_CHOICE", { misconceptionIds: [] }), from: "checkpointFormSchema" },
  { form: "Checkpoint editor: numeric", schema: checkpoint.checkpointFormSchema("NUMERIC", { misconceptionIds: [] }), from: "checkpointFormSchema" },
  { form: "Checkpoint editor: short text", schema: checkpoint.checkpointFormSchema("SHORT_TEXT", { misconceptionIds: [] }), from: "checkpointFormSchema" },
  { form: "Checkpoint editor: name a new misconception", schema: misconception.inlineMisconceptionSchema, from: "inlineMisconceptionSchema" },
  { form: "Misconception (add, edit)", schema: misconception.misconceptionSchema, from: "misconceptionSchema" },
  { form: "Reflection prompt (add, edit)", schema: prompt.promptSchema({ checkpointIds: [] }), from: "promptSchema" },
  { form: "Reflection prompt from a template", schema: prompt.promptFromTemplateSchema({ checkpointIds: [] }), from: "promptFromTemplateSchema" },
  { form: "Comment on a student's work", schema: comment.addCommentSchema, from: "addCommentSchema" },
  { form: "Edit a comment", schema: comment.editCommentSchema, from: "editCommentSchema" },
  { form: "Mark a short answer", schema: comment.markAttemptSchema, from: "markAttemptSchema" },
  { form: "Support given", schema: comment.resolveSupportSchema, from: "resolveSupportSchema" },
  { form: "Attempt at a checkpoint", schema: attempt.attemptSchema({ kind: "SHORT_TEXT", modelAnswer: "" }), from: "attemptSchema" },
  { form: "Self-check of a short answer", schema: attempt.selfAssessmentSchema, from: "selfAssessmentSchema" },
  { form: "Journal entry, reflection", schema: journal.journalEntrySchema, from: "journalEntrySchema" },
  { form: "How a plan went", schema: plan.planFollowUpSchema, from: "planFollowUpSchema" },
  { form: "Tag an attempt (insight)", schema: attemptTag.attemptTagSchema, from: "attemptTagSchema" },
  { form: "Answer group: name as a misconception", schema: answerGroups.nameGroupSchema, from: "nameGroupSchema" },
  { form: "Answer groups: merge", schema: answerGroups.mergeGroupsSchema, from: "mergeGroupsSchema" },
  { form: "Answer group: move an answer out", schema: answerGroups.moveOutSchema, from: "moveOutSchema" },
  { form: "Answer group: tag an answer", schema: answerGroups.tagSchema, from: "tagSchema" },
  { form: "Answer group: rename", schema: answerGroups.renameGroupSchema, from: "renameGroupSchema" },
  { form: "Answer group: unlink, dissolve", schema: answerGroups.groupOnlySchema, from: "groupOnlySchema" },
  { form: "Answer group: add suggested answers", schema: answerGroups.confirmSuggestionsSchema, from: "confirmSuggestionsSchema" },
  { form: "Answer group: not this one", schema: answerGroups.rejectSuggestionSchema, from: "rejectSuggestionSchema" },
  { form: "Group feedback: write it once", schema: groupFeedback.sendGroupFeedbackSchema, from: "sendGroupFeedbackSchema" },
  { form: "Group feedback: edit", schema: groupFeedback.editGroupFeedbackSchema, from: "editGroupFeedbackSchema" },
  { form: "Group feedback: students who join later", schema: groupFeedback.reachLaterSchema, from: "reachLaterSchema" },
  { form: "Learning goal: set one", schema: learningGoal.setGoalSchema, from: "setGoalSchema" },
  { form: "Learning goal: note or status", schema: learningGoal.goalNoteSchema, from: "goalNoteSchema" },
  { form: "Learning goal: teacher's comment", schema: learningGoal.goalCommentSchema, from: "goalCommentSchema" },
  { form: "Failure session: open", schema: failureSession.openSessionSchema, from: "openSessionSchema" },
  { form: "Failure session: close with agreed actions", schema: failureSession.closeSessionSchema, from: "closeSessionSchema" },
  { form: "Failure session: release or decline", schema: failureSession.moderationSchema, from: "moderationSchema" },
  { form: "Failure session: mark an agreed action", schema: failureSession.markActionSchema, from: "markActionSchema" },
  { form: "Failure session: post a setback", schema: failureSession.postSchema, from: "postSchema" },
  { form: "Failure session: what helped me", schema: failureSession.noteSchema, from: "noteSchema" },
  { form: "Failure session: react", schema: failureSession.reactionSchema, from: "reactionSchema" },
  { form: "Failure session: withdraw", schema: failureSession.withdrawSchema, from: "withdrawSchema" },
];

/** Schemas that are parts of a form above, not forms of their own. */
const PARTS = ["emailSchema"];

const DOC = path.resolve(import.meta.dirname, "../../docs/decisions/008-form-validation-and-limits.md");
const START = "<!-- form-limits:start -->";
const END = "<!-- form-limits:end -->";

function table(): string {
  const rows = FORMS.flatMap(({ form, schema }) =>
    Object.entries(textFields(schema)).map(([field, max]) => `| ${form} | \`${field}\` | ${max === null ? "none" : max.toLocaleString("en-GB")} |`),
  );
  return ["| Form | Field | Most characters |", "|---|---|---|", ...rows].join("\n");
}

describe("form limits", () => {
  it("lists every form schema in app/schemas", () => {
    const modules = { answerGroups, attemptTag, attempt, auth, checkpoint, classroom, comment, failureSession, groupFeedback, journal, learningGoal, misconception, privacy, project, prompt };
    const listed = new Set(FORMS.map((f) => f.from));
    const unlisted = Object.values(modules)
      .flatMap((m) => Object.entries(m))
      .filter(([name, value]) => name.endsWith("Schema") && (value instanceof z.ZodType || typeof value === "function"))
      .map(([name]) => name)
      .filter((name) => !listed.has(name) && !PARTS.includes(name));
    expect(unlisted, "Add these form schemas to FORMS in app/schemas/form-limits.test.ts").toEqual([]);
  });

  it("gives every text field a maximum", () => {
    const unlimited = FORMS.flatMap(({ form, schema }) =>
      Object.entries(textFields(schema))
        .filter(([, max]) => max === null)
        .map(([field]) => `${form}: ${field}`),
    );
    expect(unlimited, "Give these fields a .max() with a message").toEqual([]);
  });

  it("is documented, as the schemas say, in decision 008", () => {
    const doc = readFileSync(DOC, "utf8");
    const start = doc.indexOf(START);
    const end = doc.indexOf(END);
    expect(start >= 0 && end > start, `decision 008 needs a table between ${START} and ${END}`).toBe(true);
    const expected = table();
    if (process.env.UPDATE_LIMITS_DOC) writeFileSync(DOC, `${doc.slice(0, start + START.length)}\n${expected}\n${doc.slice(end)}`);
    else expect(doc.slice(start + START.length, end).trim(), "Rewrite it with UPDATE_LIMITS_DOC=1 npx vitest run app/schemas/form-limits.test.ts").toBe(expected);
  });
});
