// Every in-app address, built in one place. Shared by the browser and the
// server (plain .ts): routes, components and redirects link through these.

/** A path with a query; empty values are left out. A URLSearchParams is passed on as it is. */
function withQuery(path: string, query: URLSearchParams | Record<string, string | null | undefined> = {}): string {
  const search =
    query instanceof URLSearchParams
      ? query.toString()
      : Object.entries(query)
          .flatMap(([name, value]) => (value ? [`${name}=${encodeURIComponent(value)}`] : []))
          .join("&");
  return search ? `${path}?${search}` : path;
}

/** Why the login page is shown to someone who was signed in: it says so, calmly. */
export type SignedOutReason = "idle" | "expired" | "everywhere";

/** The query value (`?email=leave-out`) that leaves students' emails out of a download (decision 012). */
export const LEAVE_OUT_EMAIL = "leave-out";

export const paths = {
  /** The start page. */
  home: () => "/",
  /** The login page; `redirectTo` is where to go after it, `signedOut` why the user is there (a URLSearchParams is passed on). */
  login: (query?: URLSearchParams | { redirectTo?: string | null; signedOut?: SignedOutReason | null }) => withQuery("/login", query),
  /** Signing up: the query keeps where to go afterwards (`redirectTo`) and a chosen `role`. */
  signup: (query?: URLSearchParams | { role?: "TEACHER" | "STUDENT"; redirectTo?: string | null }) => withQuery("/signup", query),
  logout: () => "/logout",
  /** Where a student uses the one-time set-up code a teacher gave them. */
  setupCode: (redirectTo?: string | null) => withQuery("/setup-code", { redirectTo }),
  account: () => "/account",
  /** What Rebound holds about the signed-in person, and the download of it (decision 012). */
  accountData: () => "/account/data",
  accountDataDownload: () => "/account/data/download",
  /** Deleting one's own account. */
  accountDelete: () => "/account/delete",

  teacherHome: () => "/teach",
  studentHome: () => "/learn",
  teacherClass: (classId: string) => `/teach/classes/${classId}`,
  /** One student in a teacher's class: their status, export and deletion (decision 012). */
  classStudent: (classId: string, studentId: string) => `/teach/classes/${classId}/students/${studentId}`,
  /** A zip of one student's work in the class; `withEmail: false` leaves their email out. */
  /** Who teaches a class, and inviting a co-teacher (decision 021). */
  classTeachers: (classId: string) => `/teach/classes/${classId}/teachers`,
  /** The learning goals of a teacher's class. */
  classGoals: (classId: string) => `/teach/classes/${classId}/goals`,
  classStudentExport: (classId: string, studentId: string, withEmail = true) =>
    `/teach/classes/${classId}/students/${studentId}/export${withEmail ? "" : `?email=${LEAVE_OUT_EMAIL}`}`,

  /** Questions from a file into a new draft project of the class (issue 11); `pending` shows that import's preview. */
  classImport: (classId: string, pending?: string | null) => withQuery(`/teach/classes/${classId}/import`, { pending }),
  /** Students from a roster file, a CSV or a OneRoster zip (decision 024); `pending` shows that roster's preview, `classes` the OneRoster classes picked. */
  classRoster: (classId: string, pending?: string | null, classes: readonly string[] = []) => {
    const query = new URLSearchParams();
    if (pending) query.set("pending", pending);
    for (const c of classes) query.append("class", c);
    return withQuery(`/teach/classes/${classId}/roster`, query);
  },
  /** Cards to print, one per student, with a set-up code for those who need one (decision 024). */
  classSignInSheet: (classId: string) => `/teach/classes/${classId}/sign-in-sheet`,

  /** The teacher's project: its Build page, and the pages under it. */
  teacherProject: (projectId: string) => `/teach/projects/${projectId}`,
  newCheckpoint: (projectId: string, kind?: string) => withQuery(`/teach/projects/${projectId}/checkpoints/new`, { kind }),
  editCheckpoint: (projectId: string, checkpointId: string) => `/teach/projects/${projectId}/checkpoints/${checkpointId}`,
  /** Questions from a file into this project; `pending` shows that import's preview. */
  projectImport: (projectId: string, pending?: string | null) => withQuery(`/teach/projects/${projectId}/import`, { pending }),
  /** The project as a file: Rebound's own JSON (everything), GIFT or a QTI 3.0 package (the questions). */
  projectExport: (projectId: string, format: "json" | "gift" | "qti") => `/teach/projects/${projectId}/export?format=${format}`,
  /** A picture in a question, for the teacher (`learn` for a student of the class). */
  questionImage: (side: "teach" | "learn", projectId: string, imageId: string) => `/${side}/projects/${projectId}/images/${imageId}`,
  misconceptions: (projectId: string) => `/teach/projects/${projectId}/misconceptions`,
  misconception: (projectId: string, misconceptionId: string) => `/teach/projects/${projectId}/misconceptions/${misconceptionId}`,
  reflectionPrompts: (projectId: string) => `/teach/projects/${projectId}/prompts`,
  reflectionPrompt: (projectId: string, promptId: string) => `/teach/projects/${projectId}/prompts/${promptId}`,
  /** The class progress grid; a big class is paged (`page`: a number, or "all"). */
  progress: (projectId: string, page?: number | "all" | null) => withQuery(`/teach/projects/${projectId}/progress`, { page: page ? String(page) : null }),
  /** Group feedback (decision 018): the project's list, writing one for a group (`group`, `misconception`, or `checkpoint` + `option`), and one with its receipts. */
  groupFeedbackList: (projectId: string) => `/teach/projects/${projectId}/insight/feedback`,
  newGroupFeedback: (projectId: string, target: Record<string, string>) => withQuery(`/teach/projects/${projectId}/insight/feedback/new`, target),
  groupFeedback: (projectId: string, feedbackId: string) => `/teach/projects/${projectId}/insight/feedback/${feedbackId}`,
  debrief: (projectId: string, present = false) => `/teach/projects/${projectId}/debrief${present ? "?present=1" : ""}`,
  insight: (projectId: string, page: "" | "heatmap" | "attempts" | "export" = "") => `/teach/projects/${projectId}/insight${page ? `/${page}` : ""}`,
  checkpointInsight: (projectId: string, checkpointId: string) => `/teach/projects/${projectId}/insight/checkpoints/${checkpointId}`,
  /** A student's timeline on the project, or only on one checkpoint. */
  timeline: (projectId: string, studentId: string, checkpointId?: string | null) =>
    withQuery(`/teach/projects/${projectId}/students/${studentId}`, { checkpoint: checkpointId }),
  attempts: (projectId: string, filter: { student?: string | null; misconception?: string | null; checkpoint?: string | null }) =>
    withQuery(`/teach/projects/${projectId}/insight/attempts`, { student: filter.student, misconception: filter.misconception, checkpoint: filter.checkpoint }),

  /** The student's project and the pages under it. */
  studentProject: (projectId: string) => `/learn/projects/${projectId}`,
  studentCheckpoint: (projectId: string, checkpointId: string, attemptId?: string | null) =>
    withQuery(`/learn/projects/${projectId}/checkpoints/${checkpointId}`, { attempt: attemptId }),
  journal: (projectId: string) => `/learn/projects/${projectId}/journal`,
  recoveries: (projectId: string) => `/learn/projects/${projectId}/recoveries`,
  /** The student's learning goals in the project's class; `from` opens the form to set one from a comment or a "not yet". */
  goals: (projectId: string, from?: { comment?: string; attempt?: string }) => withQuery(`/learn/projects/${projectId}/goals`, from ?? {}),

  /** The class failure session (decision 019): the teacher's page (`present`: the projector's board) and what it polls. */
  failureSession: (projectId: string, present = false) => `/teach/projects/${projectId}/failure-session${present ? "?present=1" : ""}`,
  failureSessionVersion: (projectId: string) => `/teach/projects/${projectId}/failure-session/version`,
  /** The student's board, and what it polls. */
  studentFailureSession: (projectId: string) => `/learn/projects/${projectId}/failure-session`,
  studentFailureSessionVersion: (projectId: string) => `/learn/projects/${projectId}/failure-session/version`,

  /** Site administration (decision 023): the LMS platforms registered for LTI 1.3, and one of them. */
  adminLti: () => "/admin/lti",
  adminLtiPlatform: (platformId: string) => `/admin/lti/${platformId}`,
  /** The tool's LTI addresses, which the LMS administrator enters in the LMS (decision 023). */
  ltiLogin: () => "/lti/login",
  ltiLaunch: () => "/lti/launch",
  ltiJwks: () => "/lti/jwks",
  /** Where a launch from a frame that kept cookies away continues, in a new tab (decision 023). */
  ltiContinue: (code: string) => withQuery("/lti/continue", { code }),
  /** The Deep Linking picker (decision 023): a teacher chooses the project the LMS link will open. */
  ltiDeepLink: (requestId: string) => `/lti/deep-link/${requestId}`,
  /** A class's LMS course (decision 023): roster sync from the LMS (NRPS). */
  teacherClassLms: (classId: string) => `/teach/classes/${classId}/lms`,
  /** A project's LMS gradebook column (decision 023): sending progress as scores (AGS). */
  teacherProjectLms: (projectId: string) => `/teach/projects/${projectId}/lms`,
};
