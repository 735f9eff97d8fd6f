// Two complete classes, A and B, each with a teacher, an enrolled student and
// one of every record a route can name by id (a published project and a draft,
// checkpoints of each kind, a misconception, reflection prompts, attempts, a
// journal entry asking for support, a draft, a teacher's comment, a kept group
// of answers). Every text a page could show carries its class's marker
// ("MARKER-A", "MARKER-B"), so a response holding another class's data is
// found by looking for the marker. Used by the route × role matrix and the fuzz.
import { prisma } from "~/db.server";
import { serializeSpec } from "~/domain/checkpoint-spec";
import { CONFIRMED_PREFIX } from "~/domain/insight/answer-groups";
import { createClassroom, createProject, createSiteAdmin, createStudent, createTeacher, enroll, sampleSpecs } from "./factories";
import { cookieFor } from "./routes";

/** The ids a route can take in its address, its query or its form: swapped one at a time for the other class's. */
export interface RecordIds {
  classId: string;
  projectId: string;
  draftProjectId: string;
  /** The short-text checkpoint: it has a pending attempt, a kept group, a "not yet" to reflect on. */
  checkpointId: string;
  choiceCheckpointId: string;
  numericCheckpointId: string;
  /** A checkpoint no student has answered (can be deleted). */
  spareCheckpointId: string;
  archivedCheckpointId: string;
  misconceptionId: string;
  /** A misconception nothing uses (can be deleted). */
  spareMisconceptionId: string;
  promptId: string;
  archivedPromptId: string;
  studentId: string;
  enrollmentId: string;
  /** The student's pending short-text attempt. */
  attemptId: string;
  /** The student's "not yet" on the choice checkpoint (a reflection waits for it). */
  notYetAttemptId: string;
  /** A second short-text answer, not in the kept group. */
  looseAttemptId: string;
  journalEntryId: string;
  draftId: string;
  commentId: string;
  /** A kept group of answers named as the misconception. */
  groupKey: string;
  /** A second kept group, unnamed. */
  secondGroupKey: string;
  /** Group feedback on the misconception, received by the student (decision 018). */
  groupFeedbackId: string;
  /** The student's learning goal, set from the teacher's comment. */
  goalId: string;
  /** Failure session (decision 019), open on the project: the classmate's post on the board. */
  boardPostId: string;
  /** The student's post waiting for the teacher. */
  pendingPostId: string;
  /** The student's "what helped me" note on the classmate's post, waiting for the teacher. */
  pendingNoteId: string;
  /** What the class agreed at the end of an earlier, closed session of the project. */
  agreedActionId: string;
  /** A picture in the published project's questions (decision 020). */
  imageId: string;
  /** An LMS registered for LTI (decision 023), named without the marker: site administration, not class data. */
  ltiPlatformId: string;
  /** The teacher's open Deep Linking request from that LMS's course mapped to the class (decision 023). */
  ltiDeepLinkRequestId: string;
  /** That LMS course (decision 023): its roster can be brought into the class. */
  ltiContextId: string;
  /** A link in that course that opens the published project, with a gradebook column. */
  ltiResourceLinkId: string;
}

export interface ClassWorld {
  marker: string;
  ids: RecordIds;
  teacher: { id: string; email: string };
  student: { id: string; email: string };
  /** A second student of the class, who answered the short-text checkpoint too. */
  classmate: { id: string; email: string };
  joinCode: string;
}

async function buildClass(marker: string): Promise<ClassWorld> {
  const teacher = await createTeacher(`Teacher ${marker}`);
  const student = await createStudent(`Student ${marker}`);
  const classmate = await createStudent(`Classmate ${marker}`);
  const classroom = await createClassroom(teacher.id, `Physics ${marker}`);
  const enrollment = await enroll(classroom.id, student.id);
  await enroll(classroom.id, classmate.id);
  const { project, misconception, checkpoints } = await createProject(classroom.id, { title: `Forces ${marker}` });
  const [choice, numeric, text] = checkpoints;
  await prisma.misconception.update({ where: { id: misconception.id }, data: { name: `Sign slip ${marker}`, nextStep: `Draw the axis ${marker}` } });
  for (const c of checkpoints) {
    await prisma.checkpointVersion.updateMany({ where: { checkpointId: c.id }, data: { title: `${c.versions[0].title} ${marker}`, prompt: `Question ${marker}` } });
  }
  const spareMisconception = await prisma.misconception.create({ data: { projectId: project.id, name: `Unused idea ${marker}` } });
  const { project: draft } = await createProject(classroom.id, { status: "DRAFT", title: `Draft ${marker}` });
  // A PNG whose bytes carry the marker, so a picture of the other class is found like any text.
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new TextEncoder().encode(`picture ${marker}`)]);
  const image = await prisma.questionImage.create({ data: { projectId: project.id, mime: "image/png", data: png, bytes: png.byteLength } });

  const extraCheckpoint = async (position: number, title: string, archivedAt: Date | null) =>
    prisma.checkpoint.create({
      data: {
        projectId: project.id,
        position,
        kind: "SHORT_TEXT",
        archivedAt,
        versions: { create: { version: 1, title: `${title} ${marker}`, prompt: `Question ${marker}`, spec: serializeSpec(sampleSpecs.text()) } },
      },
    });
  const lms = `lms-${Math.random().toString(36).slice(2, 10)}.example`;
  const platform = await prisma.ltiPlatform.create({
    data: { name: "School LMS", issuer: `https://${lms}`, clientId: "rebound-tool", authUrl: `https://${lms}/auth`, tokenUrl: `https://${lms}/token`, jwksUrl: `https://${lms}/jwks` },
  });
  const ltiContext = await prisma.ltiContext.create({ data: { platformId: platform.id, contextId: `course-${marker}`, title: `Course ${marker}`, classroomId: classroom.id, deploymentId: "deployment-1" } });
  const teacherIdentity = await prisma.ltiIdentity.create({ data: { platformId: platform.id, sub: `teacher-${marker}`, userId: teacher.id } });
  const deepLink = await prisma.ltiDeepLinkRequest.create({
    data: { id: `dl-${Math.random().toString(36).slice(2, 12)}`, identityId: teacherIdentity.id, ltiContextId: ltiContext.id, deploymentId: "deployment-1", returnUrl: `https://${lms}/deep-link-return`, expiresAt: new Date(Date.now() + 3_600_000) },
  });
  const resourceLink = await prisma.ltiResourceLink.create({
    data: { ltiContextId: ltiContext.id, resourceLinkId: `link-${marker}`, title: `Unit ${marker}`, projectId: project.id, lineItemUrl: `https://${lms}/ags/course-${marker}/lineitems/1` },
  });
  const spare = await extraCheckpoint(4, "Spare", null);
  const archived = await extraCheckpoint(5, "Retired", new Date());

  const prompt = await prisma.reflectionPrompt.create({
    data: { projectId: project.id, trigger: "PROJECT", title: `Looking back ${marker}`, questions: JSON.stringify([`What changed ${marker}?`]) },
  });
  const archivedPrompt = await prisma.reflectionPrompt.create({
    data: { projectId: project.id, trigger: "PROJECT", title: `Old prompt ${marker}`, questions: JSON.stringify([`Old question ${marker}?`]), archivedAt: new Date() },
  });

  const attempt = (studentId: string, checkpoint: (typeof checkpoints)[number], answer: string, outcome: string | null) =>
    prisma.attempt.create({ data: { studentId, checkpointId: checkpoint.id, checkpointVersionId: checkpoint.versions[0].id, number: 1, answer, outcome } });
  const pending = await attempt(student.id, text, `Forces balance ${marker}`, null);
  const loose = await attempt(classmate.id, text, `Nothing moves ${marker}`, null);
  const notYet = await attempt(student.id, choice, JSON.stringify(["b"]), "NOT_YET");

  const entry = await prisma.journalEntry.create({
    data: {
      studentId: student.id,
      projectId: project.id,
      promptId: prompt.id,
      responses: JSON.stringify([{ question: `What changed ${marker}?`, answer: `I mixed up directions ${marker}` }]),
      supportNeeded: true,
      status: "SUBMITTED",
      submittedAt: new Date(),
    },
  });
  const draftEntry = await prisma.journalEntry.create({
    data: {
      studentId: student.id,
      projectId: project.id,
      responses: JSON.stringify([{ question: null, answer: `Half a thought ${marker}` }]),
      status: "DRAFT",
    },
  });
  const comment = await prisma.teacherComment.create({
    data: {
      authorId: teacher.id,
      studentId: student.id,
      projectId: project.id,
      attemptId: pending.id,
      versions: { create: { version: 1, body: `Look again ${marker}` } },
    },
  });
  const group = await prisma.answerGroup.create({
    data: {
      checkpointId: text.id,
      label: `Balance idea ${marker}`,
      misconceptionId: misconception.id,
      createdById: teacher.id,
      members: { create: [{ attemptId: pending.id, source: "TEACHER" }] },
    },
  });
  const secondAnswer = await prisma.attempt.create({
    data: { studentId: classmate.id, checkpointId: text.id, checkpointVersionId: text.versions[0].id, number: 2, answer: `It slows down ${marker}` },
  });
  const secondGroup = await prisma.answerGroup.create({
    data: { checkpointId: text.id, label: `Slowing idea ${marker}`, createdById: teacher.id, members: { create: [{ attemptId: secondAnswer.id, source: "TEACHER" }] } },
  });

  const feedback = await prisma.groupFeedback.create({
    data: {
      projectId: project.id,
      authorId: teacher.id,
      targetKind: "MISCONCEPTION",
      misconceptionId: misconception.id,
      targetLabel: `Sign slip ${marker}`,
      body: `Everyone check the sign ${marker}`,
    },
  });
  await prisma.teacherComment.create({
    data: {
      authorId: teacher.id,
      studentId: student.id,
      projectId: project.id,
      attemptId: notYet.id,
      groupFeedbackId: feedback.id,
      versions: { create: { version: 1, body: `Everyone check the sign ${marker}` } },
    },
  });
  const goal = await prisma.learningGoal.create({
    data: { studentId: student.id, classroomId: classroom.id, projectId: project.id, commentId: comment.id, text: `Draw the axis first ${marker}` },
  });
  // A failure session closed earlier with one agreed action, and one open now with a post on the board,
  // the student's post and note waiting for the teacher.
  const earlier = await prisma.failureSession.create({
    data: { projectId: project.id, prompt: `What went wrong ${marker}?`, endsAt: new Date(Date.now() - 3_600_000), openedAt: new Date(Date.now() - 7_200_000), closedAt: new Date(Date.now() - 3_000_000) },
  });
  const agreed = await prisma.agreedAction.create({ data: { sessionId: earlier.id, position: 0, text: `Check units first ${marker}` } });
  const session = await prisma.failureSession.create({ data: { projectId: project.id, prompt: `What didn't go as planned ${marker}?`, endsAt: new Date(Date.now() + 3_600_000), batches: 1 } });
  const boardPost = await prisma.failurePost.create({
    data: { sessionId: session.id, studentId: classmate.id, setback: `I mixed up the forces ${marker}`, learned: `Draw them first ${marker}`, status: "RELEASED", batch: 1 },
  });
  const pendingPost = await prisma.failurePost.create({ data: { sessionId: session.id, studentId: student.id, setback: `I rushed ${marker}`, learned: `Slow down ${marker}` } });
  const pendingNote = await prisma.failureNote.create({ data: { sessionId: session.id, postId: boardPost.id, studentId: student.id, text: `Arrows helped me ${marker}` } });

  return {
    marker,
    joinCode: classroom.joinCode,
    teacher: { id: teacher.id, email: teacher.email },
    student: { id: student.id, email: student.email },
    classmate: { id: classmate.id, email: classmate.email },
    ids: {
      classId: classroom.id,
      projectId: project.id,
      draftProjectId: draft.id,
      checkpointId: text.id,
      choiceCheckpointId: choice.id,
      numericCheckpointId: numeric.id,
      spareCheckpointId: spare.id,
      archivedCheckpointId: archived.id,
      misconceptionId: misconception.id,
      spareMisconceptionId: spareMisconception.id,
      promptId: prompt.id,
      archivedPromptId: archivedPrompt.id,
      studentId: student.id,
      enrollmentId: enrollment.id,
      attemptId: pending.id,
      notYetAttemptId: notYet.id,
      looseAttemptId: loose.id,
      journalEntryId: entry.id,
      draftId: draftEntry.id,
      commentId: comment.id,
      groupKey: `${CONFIRMED_PREFIX}${group.id}`,
      secondGroupKey: `${CONFIRMED_PREFIX}${secondGroup.id}`,
      groupFeedbackId: feedback.id,
      goalId: goal.id,
      boardPostId: boardPost.id,
      pendingPostId: pendingPost.id,
      pendingNoteId: pendingNote.id,
      agreedActionId: agreed.id,
      imageId: image.id,
      ltiPlatformId: platform.id,
      ltiDeepLinkRequestId: deepLink.id,
      ltiContextId: ltiContext.id,
      ltiResourceLinkId: resourceLink.id,
    },
  };
}

/** Class A (the one every request is about) and class B (whose ids are swapped in, and whose marker must never reach A's people). */
export async function twoClasses(): Promise<{ a: ClassWorld; b: ClassWorld }> {
  return { a: await buildClass("MARKER-A"), b: await buildClass("MARKER-B") };
}

/** The six people every route is tried as. */
export type Role = "anonymous" | "student" | "outsider" | "owner" | "otherTeacher" | "admin";
export const ROLES: Role[] = ["anonymous", "student", "outsider", "owner", "otherTeacher", "admin"];

export interface World {
  a: ClassWorld;
  b: ClassWorld;
  /** Session cookies: signed out; a student of A; a student of B (outside A); A's teacher; B's teacher; a site administrator (decision 023). */
  cookies: Record<Role, string | undefined>;
}

/** The two classes, and a signed-in session for each of the six people. */
export async function world(): Promise<World> {
  const { a, b } = await twoClasses();
  return {
    a,
    b,
    cookies: {
      anonymous: undefined,
      student: await cookieFor(a.student.id),
      outsider: await cookieFor(b.student.id),
      owner: await cookieFor(a.teacher.id),
      otherTeacher: await cookieFor(b.teacher.id),
      admin: await cookieFor((await createSiteAdmin()).id),
    },
  };
}
