// Every in-app address, built in one place. Shared by the browser and the
// server (plain .ts): routes, components and redirects link through these.

/** Why the login page is shown to someone who was signed in: it says so, calmly. */
export type SignedOutReason = "idle" | "expired" | "everywhere";

/** The query value (`?email=leave-out`) that leaves students' emails out of a download (decision 012). */
export const LEAVE_OUT_EMAIL = "leave-out";

export const paths = {
  /** The login page; `redirectTo` is where to go after it, `signedOut` why the user is there. */
  login: ({ redirectTo, signedOut }: { redirectTo?: string | null; signedOut?: SignedOutReason | null } = {}) => {
    const params = new URLSearchParams();
    if (redirectTo) params.set("redirectTo", redirectTo);
    if (signedOut) params.set("signedOut", signedOut);
    const search = params.toString();
    return `/login${search ? `?${search}` : ""}`;
  },
  /** Where a student uses the one-time set-up code a teacher gave them. */
  setupCode: (redirectTo?: string | null) => `/setup-code${redirectTo ? `?${new URLSearchParams({ redirectTo })}` : ""}`,
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
  classStudentExport: (classId: string, studentId: string, withEmail = true) =>
    `/teach/classes/${classId}/students/${studentId}/export${withEmail ? "" : `?email=${LEAVE_OUT_EMAIL}`}`,

  /** The teacher's project: its Build page, and the pages under it. */
  teacherProject: (projectId: string) => `/teach/projects/${projectId}`,
  newCheckpoint: (projectId: string, kind?: string) => `/teach/projects/${projectId}/checkpoints/new${kind ? `?kind=${encodeURIComponent(kind)}` : ""}`,
  editCheckpoint: (projectId: string, checkpointId: string) => `/teach/projects/${projectId}/checkpoints/${checkpointId}`,
  misconceptions: (projectId: string) => `/teach/projects/${projectId}/misconceptions`,
  misconception: (projectId: string, misconceptionId: string) => `/teach/projects/${projectId}/misconceptions/${misconceptionId}`,
  reflectionPrompts: (projectId: string) => `/teach/projects/${projectId}/prompts`,
  reflectionPrompt: (projectId: string, promptId: string) => `/teach/projects/${projectId}/prompts/${promptId}`,
  progress: (projectId: string) => `/teach/projects/${projectId}/progress`,
  debrief: (projectId: string, present = false) => `/teach/projects/${projectId}/debrief${present ? "?present=1" : ""}`,
  insight: (projectId: string, page: "" | "heatmap" | "attempts" | "export" = "") => `/teach/projects/${projectId}/insight${page ? `/${page}` : ""}`,
  checkpointInsight: (projectId: string, checkpointId: string) => `/teach/projects/${projectId}/insight/checkpoints/${checkpointId}`,
  /** A student's timeline on the project, or only on one checkpoint. */
  timeline: (projectId: string, studentId: string, checkpointId?: string | null) =>
    `/teach/projects/${projectId}/students/${studentId}${checkpointId ? `?checkpoint=${checkpointId}` : ""}`,
  attempts: (projectId: string, filter: { student?: string | null; misconception?: string | null; checkpoint?: string | null }) => {
    const params = new URLSearchParams();
    if (filter.student) params.set("student", filter.student);
    if (filter.misconception) params.set("misconception", filter.misconception);
    if (filter.checkpoint) params.set("checkpoint", filter.checkpoint);
    const search = params.toString();
    return `/teach/projects/${projectId}/insight/attempts${search ? `?${search}` : ""}`;
  },

  /** The student's project and the pages under it. */
  studentProject: (projectId: string) => `/learn/projects/${projectId}`,
  studentCheckpoint: (projectId: string, checkpointId: string, attemptId?: string | null) =>
    `/learn/projects/${projectId}/checkpoints/${checkpointId}${attemptId ? `?attempt=${attemptId}` : ""}`,
  journal: (projectId: string) => `/learn/projects/${projectId}/journal`,
  recoveries: (projectId: string) => `/learn/projects/${projectId}/recoveries`,
};
