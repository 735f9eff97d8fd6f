// Who may use each route, and one form per action intent that succeeds for
// the person allowed: the table the route × role matrix and the fuzz test are
// generated from (tests/integration/route-matrix.sqlite.test.ts, form-fuzz.sqlite.test.ts).
//
// Adding a route? Add one line to ROUTES below, named like its file in
// app/routes (without .tsx): who may read it, who may post to it, and a body
// per intent. Bodies are functions of the ids, so the matrix can swap in the
// other class's ids one at a time.
import { prisma } from "~/db.server";
import { journalFormId, journalFormKey } from "~/domain/journal-entry";
import { issueSetupCodeForStudent } from "~/models/setup-code.server";
import { addClassTeacher, createCoTeacherInvite } from "~/models/class-teachers.server";
import { keepPendingImport, readAndPlan } from "~/models/question-import.server";
import { keepPendingRoster, readRoster } from "~/models/roster-import.server";
import { toolJwks } from "~/models/lti/keys.server";
import { SCOPE } from "~/models/lti/service-token.server";
import { MockLtiPlatform } from "./mock-lti-platform";
import type { ClassWorld, RecordIds } from "./two-classes";
import { TEST_PASSWORD, createTeacher } from "./factories";

/**
 * Who may use a loader or an action:
 * - "signed-in": anyone signed in, on their own account; a visitor is sent to log in.
 * - "signed-out": a page for people not signed in; a signed-in user is sent to their home page.
 * - "anyone": anyone, signed in or not.
 * - "to-start": everyone is sent to the start page.
 * - "teacher" / "student": any teacher (or student), on their own data; the other role is refused (403).
 * - "class-teacher": only the teacher of the class (another teacher finds nothing, 404; students 403).
 * - "class-student": only a student enrolled in the class (a student outside it finds nothing, 404; teachers 403).
 * - "site-admin": only a site administrator (decision 023); everyone else signed in gets 403.
 * - "lti-platform": only a registered LMS's signed message (an LTI login or launch, decision 023) gets in; the
 *   table's request carries none, so every person gets 400 with a message and nothing changes.
 */
export type Access = "signed-in" | "signed-out" | "anyone" | "to-start" | "teacher" | "student" | "class-teacher" | "class-student" | "site-admin" | "lti-platform";

export type Fields = Record<string, string | string[]>;
/** A form body that succeeds for the allowed person when given their own class's ids (the `intent` field is added from its key). */
export type Body = (ids: RecordIds, own: ClassWorld) => Fields;

export interface RouteEntry {
  loader?: Access;
  /** The loader's query string, if it reads ids from it. */
  query?: (ids: RecordIds) => Record<string, string>;
  action?: Access;
  /** Every intent the action understands ("" when it has one form), with a body that succeeds. */
  intents?: Record<string, Body>;
  /** What an intent needs in place before it can succeed for the allowed person (run on their fresh world). */
  prepare?: Record<string, (own: ClassWorld) => Promise<void>>;
}

/** The set-up code the last `prepare` issued (a code is shown once, so the body reads it from here). */
let issuedCode = "";
/** The co-teacher invitation code and the co-teacher row the last `prepare` made (decision 021). */
let inviteCode = "";
let coTeacherRowId = "";

async function inviteToOwnClass(own: ClassWorld) {
  const made = await createCoTeacherInvite(own.ids.classId, own.teacher.id);
  if (!made) throw new Error("could not invite");
  inviteCode = made.code;
}

async function addCoTeacher(own: ClassWorld) {
  const colleague = await createTeacher();
  await addClassTeacher(prisma, own.ids.classId, colleague.id, "INVITE");
  coTeacherRowId = (await prisma.classTeacher.findFirstOrThrow({ where: { classroomId: own.ids.classId, teacherId: colleague.id } })).id;
}

/** The plan the last `prepare` wrote, and the attempt it was tried on (decision 017). */
let preparedPlan = { planId: "", attemptId: "" };

/** The student wrote a plan on the short-text checkpoint, then made their next attempt there. */
async function planThenAttempt(own: ClassWorld) {
  const entry = await prisma.journalEntry.create({
    data: {
      studentId: own.student.id,
      projectId: own.ids.projectId,
      checkpointId: own.ids.checkpointId,
      responses: JSON.stringify([{ question: "What would I do differently?", answer: "Name every force first." }]),
      status: "SUBMITTED",
      submittedAt: new Date(),
    },
  });
  const version = await prisma.checkpointVersion.findFirstOrThrow({ where: { checkpointId: own.ids.checkpointId }, orderBy: { version: "desc" } });
  const next = (await prisma.attempt.count({ where: { studentId: own.student.id, checkpointId: own.ids.checkpointId } })) + 1;
  const attempt = await prisma.attempt.create({
    data: { studentId: own.student.id, checkpointId: own.ids.checkpointId, checkpointVersionId: version.id, number: next, answer: "Forces balance.", createdAt: new Date(Date.now() + 1000) },
  });
  preparedPlan = { planId: entry.id, attemptId: attempt.id };
}
const NEW_PASSWORD = "a brand new long password";

/** The project's open failure session is closed, so the teacher can open another (decision 019). */
async function closeOpenSession(own: ClassWorld) {
  await prisma.failureSession.updateMany({ where: { projectId: own.ids.projectId, closedAt: null }, data: { closedAt: new Date() } });
}

/** A question bank small enough to paste (GIFT). */
const PASTED_GIFT = "::Speed:: A cart goes 10 m in 2 s. Its speed in m/s? {#5:0.1}\n\n::Force:: Steady speed means the resultant force is… {=zero ~forwards}";
/** The pending import the last `prepare` kept, into the project or (projectId null) into a new project of the class. */
let pendingImportId = "";
async function keepImport(own: ClassWorld, into: "project" | "class") {
  const read = readAndPlan("pasted.gift", new TextEncoder().encode(PASTED_GIFT));
  if (!read.ok) throw new Error(`The route table's GIFT should read: ${read.why}`);
  const id = await keepPendingImport({ teacherId: own.teacher.id, classroomId: own.ids.classId, projectId: into === "project" ? own.ids.projectId : null }, "pasted.gift", read.plan);
  if (!id) throw new Error("The test world's teacher should be able to keep an import.");
  pendingImportId = id;
}

/** A roster small enough to paste (decision 024): a new email each time, so an import always has someone to enrol. */
const pastedRoster = () => `Name,Email\nNew Student,new-${unique()}@school.example\n`;
let pendingRosterId = "";
async function keepRoster(own: ClassWorld) {
  const read = readRoster("roster.csv", new TextEncoder().encode(pastedRoster()));
  if (!read.ok) throw new Error(`The route table's roster should read: ${JSON.stringify(read.issues)}`);
  const id = await keepPendingRoster({ teacherId: own.teacher.id, classroomId: own.ids.classId }, "roster.csv", read.roster);
  if (!id) throw new Error("The test world's teacher should be able to keep a roster.");
  pendingRosterId = id;
}

/** One mock LMS on loopback for the whole file, started when first needed. */
let mockLms: Promise<MockLtiPlatform> | null = null;

/** The class's LMS course answers for real (decision 023): its roster (NRPS) and the project's gradebook column (AGS), on the mock LMS. */
async function lmsAnswers(own: ClassWorld) {
  mockLms ??= MockLtiPlatform.start({ toolJwks: () => toolJwks() });
  const mock = await mockLms;
  const context = await prisma.ltiContext.findUniqueOrThrow({ where: { id: own.ids.ltiContextId } });
  mock.addCourse({ id: context.contextId, title: context.title, lineItems: [{ id: "1", label: "Progress", scoreMaximum: 3 }] });
  await prisma.ltiPlatform.update({ where: { id: context.platformId }, data: { tokenUrl: `${mock.origin}/token`, clientId: mock.clientId } });
  await prisma.ltiContext.update({
    where: { id: context.id },
    data: { membershipsUrl: `${mock.origin}/nrps/${encodeURIComponent(context.contextId)}`, lineItemsUrl: `${mock.origin}/ags/${encodeURIComponent(context.contextId)}/lineitems`, agsScopes: SCOPE.score },
  });
  await prisma.ltiResourceLink.update({ where: { id: own.ids.ltiResourceLinkId }, data: { lineItemUrl: `${mock.origin}/ags/${encodeURIComponent(context.contextId)}/lineitems/1` } });
}

async function removeStudentFromClass(own: ClassWorld, blocked: boolean) {
  await prisma.enrollment.update({ where: { id: own.ids.enrollmentId }, data: { removedAt: new Date(), blockedAt: blocked ? new Date() : null } });
}

const unique = () => Math.random().toString(36).slice(2, 10);

/** An LMS registration as its form sends it (decision 023). */
const platformForm = (issuer: string): Fields => ({
  name: "Moodle (school)",
  issuer,
  clientId: "rebound-tool",
  deploymentIds: "deployment-1\ndeployment-2",
  authUrl: `${issuer}/auth`,
  tokenUrl: `${issuer}/token`,
  jwksUrl: `${issuer}/jwks`,
});

const formKeyOf = (c: Partial<Record<"promptId" | "checkpointId" | "attemptId", string>>) =>
  journalFormKey({ promptId: c.promptId ?? null, checkpointId: c.checkpointId ?? null, attemptId: c.attemptId ?? null });
/** A journal form as the page sends it: its context, its formKey and formId (app/domain/journal-entry.ts), one answer. */
const journal = (context: Partial<Record<"promptId" | "checkpointId" | "attemptId", string>>): Fields => ({
  formKey: formKeyOf(context),
  formId: journalFormId(formKeyOf(context)),
  promptId: context.promptId ?? "",
  checkpointId: context.checkpointId ?? "",
  attemptId: context.attemptId ?? "",
  "answers[0]": "I think the forces balance.",
});

export const ROUTES: Record<string, RouteEntry> = {
  _index: { loader: "signed-out" },
  login: { loader: "signed-out", action: "anyone", intents: { "": (_ids, own) => ({ email: own.teacher.email, password: TEST_PASSWORD }) } },
  signup: {
    loader: "signed-out",
    action: "anyone",
    intents: { "": () => ({ name: "New Person", email: `new-${unique()}@example.test`, password: "a long enough password", role: "STUDENT" }) },
  },
  logout: { loader: "to-start", action: "anyone", intents: { "": () => ({}) } },
  healthz: { loader: "anyone" },
  "setup-code": {
    loader: "signed-out",
    action: "anyone",
    intents: { "": (_ids, own) => ({ email: own.student.email, code: issuedCode, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }) },
    prepare: {
      "": async (own) => {
        const issued = await issueSetupCodeForStudent({ teacherId: own.teacher.id, classroomId: own.ids.classId, studentId: own.student.id });
        if (!issued) throw new Error("The test world's student should be able to get a set-up code.");
        issuedCode = issued.code;
      },
    },
  },
  "account._index": {
    loader: "signed-in",
    action: "signed-in",
    intents: {
      "change-password": () => ({ currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }),
      "logout-everywhere": () => ({}),
    },
  },
  "account.data": { loader: "signed-in" },
  "account.data.download": { loader: "signed-in" },
  // A teacher says what happens to each of their classes (here: archived); a student's form has no class choices, and ignores them.
  "account.delete": {
    loader: "signed-in",
    action: "signed-in",
    intents: { "": (ids) => ({ password: TEST_PASSWORD, "classes[0].classroomId": ids.classId, "classes[0].choice": "archive" }) },
  },

  // Joining as a co-teacher: the teacher's own class's invitation (accepting one for a class they teach already is a no-op that succeeds).
  "teach._index": {
    loader: "teacher",
    action: "teacher",
    intents: { "create-class": () => ({ name: "Physics 10A" }), "join-as-co-teacher": () => ({ code: inviteCode }) },
    prepare: { "join-as-co-teacher": inviteToOwnClass },
  },
  "teach.classes.$classId_.teachers": {
    loader: "class-teacher",
    action: "class-teacher",
    intents: { invite: () => ({}), "cancel-invite": () => ({}), "remove-teacher": () => ({ classTeacherId: coTeacherRowId }) },
    prepare: { "cancel-invite": inviteToOwnClass, "remove-teacher": addCoTeacher },
  },
  "teach.classes.$classId_.lms": {
    loader: "class-teacher",
    action: "class-teacher",
    intents: { sync: (ids) => ({ courseId: ids.ltiContextId }), remove: (ids) => ({ studentId: ids.studentId }) },
    prepare: { sync: lmsAnswers },
  },
  "teach.classes.$classId": {
    loader: "class-teacher",
    action: "class-teacher",
    intents: {
      "regenerate-code": () => ({}),
      "remove-student": (ids) => ({ enrollmentId: ids.enrollmentId }),
      "block-rejoin": (ids) => ({ enrollmentId: ids.enrollmentId }),
      "allow-back": (ids) => ({ enrollmentId: ids.enrollmentId }),
      "give-setup-code": (ids) => ({ studentId: ids.studentId }),
      "create-project": () => ({ title: "Energy", goal: "Explain where energy goes" }),
    },
    prepare: { "block-rejoin": (own) => removeStudentFromClass(own, false), "allow-back": (own) => removeStudentFromClass(own, true) },
  },
  "teach.classes.$classId_.students.$studentId.export": { loader: "class-teacher" },
  "teach.classes.$classId_.goals": {
    loader: "class-teacher",
    action: "class-teacher",
    intents: { "comment-on-goal": (ids) => ({ goalId: ids.goalId, body: "Nice goal: try it on the next checkpoint." }) },
  },
  "teach.classes.$classId_.import": {
    loader: "class-teacher",
    action: "class-teacher",
    intents: { read: () => ({ pasted: PASTED_GIFT }), import: () => ({ pendingId: pendingImportId }), discard: () => ({ pendingId: pendingImportId }) },
    prepare: { import: (own) => keepImport(own, "class"), discard: (own) => keepImport(own, "class") },
  },
  "teach.classes.$classId_.roster": {
    loader: "class-teacher",
    action: "class-teacher",
    intents: { read: () => ({ pasted: pastedRoster() }), import: () => ({ pendingId: pendingRosterId }), discard: () => ({ pendingId: pendingRosterId }) },
    prepare: { import: keepRoster, discard: keepRoster },
  },
  "teach.classes.$classId_.sign-in-sheet": {
    loader: "class-teacher",
    action: "class-teacher",
    // "all": the world's students joined by the code, so codes are written (the save-failure test needs a write).
    intents: { "make-codes": () => ({ who: "all" }) },
  },
  "teach.classes.$classId_.students.$studentId": {
    loader: "class-teacher",
    action: "class-teacher",
    intents: {
      "remove-student": () => ({}),
      "block-rejoin": () => ({}),
      "allow-back": () => ({}),
      "erase-student": (_ids, own) => ({ confirmName: `Student ${own.marker}` }),
    },
    prepare: { "block-rejoin": (own) => removeStudentFromClass(own, false), "allow-back": (own) => removeStudentFromClass(own, true) },
  },
  "teach.projects.$projectId": { loader: "class-teacher" },
  "teach.projects.$projectId._index": {
    loader: "class-teacher",
    query: (ids) => ({ added: ids.checkpointId }),
    action: "class-teacher",
    intents: {
      "update-project": () => ({ title: "Forces again", goal: "Explain motion", instructions: "" }),
      publish: () => ({}),
      unpublish: () => ({}),
      "move-up": (ids) => ({ checkpointId: ids.numericCheckpointId }),
      "move-down": (ids) => ({ checkpointId: ids.choiceCheckpointId }),
      archive: (ids) => ({ checkpointId: ids.checkpointId }),
      restore: (ids) => ({ checkpointId: ids.archivedCheckpointId }),
      delete: (ids) => ({ checkpointId: ids.spareCheckpointId }),
    },
  },
  "teach.projects.$projectId.checkpoints.new": {
    loader: "class-teacher",
    query: () => ({ kind: "SHORT_TEXT" }),
    action: "class-teacher",
    intents: {
      "": () => ({ kind: "SHORT_TEXT", title: "Why it stops", prompt: "Explain why the cart stops.", modelAnswer: "Friction." }),
      "add-misconception": () => ({ kind: "SHORT_TEXT", title: "Why it stops", prompt: "Explain.", "newMisconception.name": "Friction is a force that pushes" }),
    },
  },
  "teach.projects.$projectId.checkpoints.$checkpointId": {
    loader: "class-teacher",
    action: "class-teacher",
    intents: {
      "": () => ({ title: "Explain constant velocity", prompt: "Why does it keep moving?", modelAnswer: "No net force." }),
      "add-misconception": () => ({ title: "Explain", prompt: "Why?", "newMisconception.name": "Motion needs a force" }),
    },
  },
  "teach.projects.$projectId.debrief": { loader: "class-teacher" },
  "teach.projects.$projectId.import": {
    loader: "class-teacher",
    action: "class-teacher",
    intents: { read: () => ({ pasted: PASTED_GIFT }), import: () => ({ pendingId: pendingImportId }), discard: () => ({ pendingId: pendingImportId }) },
    prepare: { import: (own) => keepImport(own, "project"), discard: (own) => keepImport(own, "project") },
  },
  "teach.projects.$projectId.export": { loader: "class-teacher", query: () => ({ format: "json" }) },
  "teach.projects.$projectId.images.$imageId": { loader: "class-teacher" },
  "teach.projects.$projectId.insight._index": { loader: "class-teacher" },
  "teach.projects.$projectId.insight.attempts": {
    loader: "class-teacher",
    query: (ids) => ({ student: ids.studentId, misconception: ids.misconceptionId, checkpoint: ids.checkpointId }),
    action: "class-teacher",
    intents: {
      // As the page's forms send them: the tag's own form (take off / put back) names itself by attempt and misconception.
      "add-tag": (ids) => ({ formId: `tag-${ids.attemptId}-${ids.misconceptionId}`, attemptId: ids.attemptId, misconceptionId: ids.misconceptionId }),
      "remove-tag": (ids) => ({ formId: `tag-${ids.attemptId}-${ids.misconceptionId}`, attemptId: ids.attemptId, misconceptionId: ids.misconceptionId }),
    },
  },
  "teach.projects.$projectId.insight.checkpoints.$checkpointId": {
    loader: "class-teacher",
    action: "class-teacher",
    intents: {
      "name-group": (ids) => ({ groupKey: ids.groupKey, misconceptionId: ids.misconceptionId }),
      "merge-groups": (ids) => ({ groupKeys: [ids.groupKey, ids.secondGroupKey], label: "Together" }),
      "move-out": (ids) => ({ groupKey: ids.groupKey, attemptId: ids.attemptId }),
      "add-tag": (ids) => ({ attemptId: ids.attemptId, misconceptionId: ids.misconceptionId }),
      "remove-tag": (ids) => ({ attemptId: ids.attemptId, misconceptionId: ids.misconceptionId }),
      "rename-group": (ids) => ({ groupKey: ids.groupKey, label: "Balanced forces" }),
      "unlink-group": (ids) => ({ groupKey: ids.groupKey }),
      "dissolve-group": (ids) => ({ groupKey: ids.groupKey }),
      "confirm-suggestion": (ids) => ({ groupKey: ids.groupKey, attemptIds: ids.looseAttemptId }),
      "reject-suggestion": (ids) => ({ groupKey: ids.groupKey, attemptId: ids.looseAttemptId }),
    },
  },
  "teach.projects.$projectId.insight.feedback._index": { loader: "class-teacher" },
  "teach.projects.$projectId.insight.feedback.new": {
    loader: "class-teacher",
    query: (ids) => ({ misconception: ids.misconceptionId }),
    action: "class-teacher",
    intents: { "": (ids) => ({ misconception: ids.misconceptionId, body: "Check the sign of each force.", reachLater: "on" }) },
  },
  "teach.projects.$projectId.insight.feedback.$feedbackId": {
    loader: "class-teacher",
    action: "class-teacher",
    intents: {
      "edit-group-feedback": () => ({ body: "Check the sign of each force, then the size." }),
      "set-reach-later": () => ({ reachLater: "off" }),
    },
  },
  "teach.projects.$projectId.insight.export": { loader: "class-teacher", query: () => ({ kind: "students" }) },
  "teach.projects.$projectId.insight.heatmap": { loader: "class-teacher" },
  "teach.projects.$projectId.misconceptions._index": {
    loader: "class-teacher",
    action: "class-teacher",
    intents: {
      create: () => ({ name: "Heavier falls faster", description: "", nextStep: "" }),
      delete: (ids) => ({ misconceptionId: ids.spareMisconceptionId }),
    },
  },
  "teach.projects.$projectId.misconceptions.$misconceptionId": {
    loader: "class-teacher",
    action: "class-teacher",
    intents: { "": () => ({ name: "Sign convention", description: "Mixes up directions", nextStep: "Draw the axis" }) },
  },
  "teach.projects.$projectId.progress": { loader: "class-teacher" },
  "teach.projects.$projectId.prompts._index": {
    loader: "class-teacher",
    action: "class-teacher",
    intents: {
      "from-template": (ids) => ({ templateKey: "four-part-journal", trigger: "CHECKPOINT", checkpointId: ids.checkpointId }),
      "from-scratch": () => ({ title: "Before the test", questions: "What do you still wonder?", trigger: "PROJECT" }),
      archive: (ids) => ({ promptId: ids.promptId }),
      restore: (ids) => ({ promptId: ids.archivedPromptId }),
    },
  },
  "teach.projects.$projectId.prompts.$promptId": {
    loader: "class-teacher",
    action: "class-teacher",
    intents: { "": () => ({ title: "Looking back", questions: "What changed?\nWhat next?", trigger: "PROJECT" }) },
  },
  "teach.projects.$projectId.students.$studentId": {
    loader: "class-teacher",
    query: (ids) => ({ checkpoint: ids.checkpointId }),
    action: "class-teacher",
    intents: {
      "add-comment": (ids) => ({ target: "attempt", targetId: ids.attemptId, body: "Good start." }),
      "edit-comment": (ids) => ({ commentId: ids.commentId, body: "Look again at the forces." }),
      "mark-attempt": (ids) => ({ attemptId: ids.attemptId, verdict: "GOT_IT" }),
      "resolve-support": (ids) => ({ journalEntryId: ids.journalEntryId, note: "We talked in class." }),
    },
  },

  "learn._index": { loader: "student", action: "student", intents: { "": (_ids, own) => ({ code: own.joinCode }) } },
  "learn.projects.$projectId": { loader: "class-student" },
  "learn.projects.$projectId._index": { loader: "class-student" },
  "learn.projects.$projectId.checkpoints.$checkpointId": {
    loader: "class-student",
    query: (ids) => ({ attempt: ids.attemptId, added: ids.journalEntryId }),
    action: "class-student",
    intents: {
      attempt: () => ({ submissionKey: unique(), textAnswer: "Nothing pushes it, so it keeps going.", confidence: "3" }),
      "self-assess": (ids) => ({ attemptId: ids.attemptId, verdict: "GOT_IT" }),
      "dismiss-reflection": (ids) => ({ attemptId: ids.notYetAttemptId }),
      "save-draft": (ids) => journal({ checkpointId: ids.checkpointId }),
      "add-entry": (ids) => journal({ attemptId: ids.notYetAttemptId }),
      "plan-follow-up": () => ({ ...preparedPlan, result: "HELPED" }),
    },
    prepare: { "plan-follow-up": planThenAttempt },
  },
  "learn.projects.$projectId.journal": {
    loader: "class-student",
    query: (ids) => ({ added: ids.journalEntryId }),
    action: "class-student",
    intents: {
      "save-draft": (ids) => ({ ...journal({ promptId: ids.promptId }), draftId: ids.draftId }),
      "add-entry": (ids) => journal({ promptId: ids.promptId }),
      "dismiss-reflection": (ids) => ({ attemptId: ids.notYetAttemptId }),
    },
  },
  "learn.projects.$projectId.recoveries": { loader: "class-student" },
  "learn.projects.$projectId.goals": {
    loader: "class-student",
    query: (ids) => ({ comment: ids.commentId }),
    action: "class-student",
    intents: {
      "set-goal": (ids) => ({ source: "attempt", sourceId: ids.notYetAttemptId, text: "Read every option before choosing.", targetDate: "" }),
      "add-goal-note": (ids) => ({ goalId: ids.goalId, body: "Tried it twice.", status: "REACHED" }),
    },
  },

  // The class failure session (decision 019).
  "teach.projects.$projectId.failure-session._index": {
    loader: "class-teacher",
    action: "class-teacher",
    intents: {
      open: () => ({ promptSource: "own", prompt: "What surprised us about forces?", minutes: "15" }),
      extend: () => ({}),
      release: (ids) => ({ formId: "queue", postIds: ids.pendingPostId, noteIds: ids.pendingNoteId }),
      decline: (ids) => ({ formId: "queue", postIds: ids.pendingPostId, noteIds: ids.pendingNoteId }),
      close: () => ({ actions: "Check the units first\nAsk for help sooner" }),
      "mark-action": (ids) => ({ actionId: ids.agreedActionId, status: "DONE" }),
    },
    prepare: { open: closeOpenSession },
  },
  "teach.projects.$projectId.failure-session.version": { loader: "class-teacher" },
  "learn.projects.$projectId.failure-session._index": {
    loader: "class-student",
    action: "class-student",
    intents: {
      post: () => ({ setback: "I rushed the graph question", learned: "Label the axes before plotting" }),
      note: (ids) => ({ postId: ids.boardPostId, text: "Drawing the arrows first helped me" }),
      react: (ids) => ({ postId: ids.boardPostId, kind: "ME_TOO" }),
      withdraw: (ids) => ({ kind: "post", id: ids.pendingPostId }),
    },
  },
  "learn.projects.$projectId.failure-session.version": { loader: "class-student" },
  "learn.projects.$projectId.images.$imageId": { loader: "class-student" },

  // Site administration: the LMS platforms for LTI 1.3 (decision 023).
  "admin.lti._index": {
    loader: "site-admin",
    action: "site-admin",
    intents: { register: () => platformForm(`https://lms-${unique()}.example`), "rotate-key": () => ({}) },
  },
  "admin.lti.$platformId": { loader: "site-admin", action: "site-admin", intents: { "": () => platformForm(`https://lms-${unique()}.example`) } },
  "lti.jwks": { loader: "anyone" },
  // The LTI login and launch (decision 023): without a registered LMS's message, everyone is refused.
  "lti.login": {
    loader: "lti-platform",
    action: "lti-platform",
    intents: { "": () => ({ iss: "https://unknown-lms.example", login_hint: "someone", target_link_uri: "http://localhost/lti/launch" }) },
  },
  // The Deep Linking picker (decision 023): the teacher's own open request from their class's LMS course.
  "teach.projects.$projectId.lms": { loader: "class-teacher", action: "class-teacher", intents: { "post-scores": (ids) => ({ linkId: ids.ltiResourceLinkId }) }, prepare: { "post-scores": lmsAnswers } },
  "lti.deep-link.$requestId": { loader: "class-teacher", action: "class-teacher", intents: { "": (ids) => ({ projectId: ids.projectId }) } },
  "lti.launch": { loader: "anyone", action: "lti-platform", intents: { "": () => ({ state: "no-such-state", id_token: "not.a.token" }) } },
};

/** Which record each route parameter names. */
export const PARAM_IDS: Record<string, keyof RecordIds> = {
  classId: "classId",
  projectId: "projectId",
  checkpointId: "checkpointId",
  misconceptionId: "misconceptionId",
  promptId: "promptId",
  studentId: "studentId",
  feedbackId: "groupFeedbackId",
  imageId: "imageId",
  platformId: "ltiPlatformId",
  requestId: "ltiDeepLinkRequestId",
};

/** The address and params of a route file's page for these ids: `teach.projects.$projectId._index` → `/teach/projects/<id>`. */
export function addressOf(routeId: string, ids: RecordIds): { path: string; params: Record<string, string> } {
  const params: Record<string, string> = {};
  const segments: string[] = [];
  for (const segment of routeId.split(".")) {
    if (segment === "_index") continue;
    if (segment.startsWith("$")) {
      // `$classId_` names the same parameter; the underscore only opts out of the parent layout.
      const name = segment.slice(1).replace(/_$/, "");
      const key = PARAM_IDS[name];
      if (!key) throw new Error(`Route ${routeId}: add its parameter "${name}" to PARAM_IDS in tests/support/route-table.ts (which record does it name?).`);
      params[name] = ids[key];
      segments.push(ids[key]);
    } else {
      segments.push(segment);
    }
  }
  return { path: `/${segments.join("/")}`, params };
}
