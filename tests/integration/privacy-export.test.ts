// Downloads of a person's data (decision 012): a student's own zip of
// everything, a teacher's zip of one student's work in their class, and the
// email notice and option on the teacher's CSV exports.
import { describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { loader as accountDataLoader } from "~/routes/account.data";
import { loader as downloadLoader } from "~/routes/account.data.download";
import { loader as classExportLoader } from "~/routes/teach.classes.$classId_.students.$studentId.export";
import * as insightOverview from "~/routes/teach.projects.$projectId.insight._index";
import { createStudent, createTeacher } from "../support/factories";
import { parseCsv } from "../support/csv";
import { seedEverything, unzipText } from "../support/privacy";
import { renderRoute } from "../support/render-route";
import { call, cookieFor, get } from "../support/routes";

/** Runs a loader that answers with a file; returns the response and its bytes, or the thrown response. */
async function fetchFile(loader: unknown, request: Request, params: Record<string, string> = {}) {
  try {
    const res = (await (loader as (a: unknown) => Promise<Response>)({ request, params, context: {} })) as Response;
    return { res, bytes: new Uint8Array(await res.arrayBuffer()) };
  } catch (thrown) {
    if (thrown instanceof Response) return { res: thrown, bytes: new Uint8Array() };
    throw thrown;
  }
}

describe("a student downloads everything Rebound holds about them", () => {
  it("answers with a zip of a read-me, data.json and CSVs: account, classes, every attempt, journal drafts included, comments with versions, tags, confidence, dismissals", async () => {
    const w = await seedEverything();
    const { res, bytes } = await fetchFile(downloadLoader, get("/account/data/download", w.studentCookie));
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("application/zip");
    expect(res.headers.get("Content-Disposition")).toMatch(/^attachment; filename="rebound-data-\d{4}-\d{2}-\d{2}\.zip"$/);
    expect(res.headers.get("Cache-Control")).toBe("private, no-store");
    const files = unzipText(bytes);
    expect(Object.keys(files).sort()).toEqual(
      ["README.txt", "data.json", "account.csv", "sessions.csv", "setup-codes.csv", "classes.csv", "attempts.csv", "journal-entries.csv", "comments-received.csv", "reflections-set-aside.csv", "checks-given.csv", "learning-goals.csv", "failure-posts.csv", "failure-notes.csv", "reactions-given.csv", "external-ids.csv", "lms-accounts.csv"].sort(),
    );
    const data = JSON.parse(files["data.json"]);
    expect(data.account).toEqual([{ name: w.student.name, email: w.student.email, role: "Student", createdAt: expect.any(String) }]);
    expect(data.classes.map((c: { class: string }) => c.class).sort()).toEqual(["Chemistry 10A", w.classroom.name].sort());
    // Every attempt (each a version of the answer), with what it answered, how sure, checks and tags.
    expect(data.attempts).toHaveLength(5);
    const wrong = data.attempts.find((a: { project: string; attempt: number; checkpoint: string }) => a.project === w.project.title && a.attempt === 1 && a.checkpoint.startsWith("1."));
    expect(wrong).toMatchObject({ answer: "It halves", answerAsStored: '["b"]', outcome: "Not yet", howSure: "4 — fairly sure", question: "Question 1", questionVersion: 1 });
    expect(wrong.misconceptions).toBe("Sign convention (from the answer)");
    const text = data.attempts.find((a: { checkpoint: string }) => a.checkpoint.startsWith("3."));
    expect(text.checks).toMatch(new RegExp(`^Own check: Not yet, .*; Mark by ${w.teacher.name}: Not yet \\(Think about net force\\), `));
    expect(text.answerGroups).toBe("Pushing keeps it moving");
    // Drafts are the student's own, so they are in their download.
    expect(data.journalEntries.map((e: { status: string }) => e.status).sort()).toEqual(["Draft (not shared)", "Shared with the teacher"]);
    expect(data.commentsReceived.filter((c: { comment: number }) => c.comment === 1).map((c: { version: number; text: string }) => [c.version, c.text])).toEqual([
      [1, "Look at the ratio again"],
      [2, "Look at the ratio again: which one is on top?"],
    ]);
    // Group feedback received (decision 018): the student's copy says what it was sent to, when it came and when they first opened it.
    const fromGroup = data.commentsReceived.find((c: { sentToAGroup: string | null }) => c.sentToAGroup);
    expect(fromGroup).toMatchObject({ sentToAGroup: "a misconception: Sign convention", text: "Everyone: check the ratio", receivedAt: expect.any(String), firstReadAt: expect.any(String) });
    // Learning goals with their notes over time, the teacher's comment among them.
    expect(data.learningGoals.map((g: { goal: string; status: string }) => [g.goal, g.status])).toEqual([
      ["Check which quantity goes on top", "Reached"],
      ["Read every option first", "Working on it"],
    ]);
    expect(data.learningGoals[0]).toMatchObject({ targetDate: "2030-01-15", from: "A teacher's comment: Everyone: check the ratio" });
    expect(data.learningGoals[0].notes).toMatch(/Own note \(status: Reached\): Practised with three questions\n.* Quintessa Marlowe-Fenn.*: Well spotted/);
    expect(data.reflectionsSetAside).toHaveLength(1);
    expect(data.sessions.length).toBeGreaterThan(0);
    expect(data.setupCodes).toEqual([{ givenAt: expect.any(String), endsAt: expect.any(String) }]);
    const attemptsCsv = parseCsv(files["attempts.csv"]);
    expect(attemptsCsv[0]).toContain("answer");
    expect(attemptsCsv).toHaveLength(6);
    expect(files["README.txt"]).toMatch(/Attempts \(5 rows, attempts\.csv\)/);
    // Secrets are never in it: not the password hash, not a session key.
    const session = await prisma.session.findFirstOrThrow({ where: { userId: w.student.id } });
    const user = await prisma.user.findUniqueOrThrow({ where: { id: w.student.id } });
    const code = await prisma.setupCode.findUniqueOrThrow({ where: { userId: w.student.id } });
    const everything = Object.values(files).join("\n");
    expect(everything).not.toContain(session.id);
    expect(everything).not.toContain(user.passwordHash);
    expect(everything).not.toContain(code.codeHash);
    // Nobody else's work.
    expect(everything).not.toContain("Other student's reflection");
    expect(everything).not.toContain("Nicely put");
    // The failure session (decision 019): their posts, the withdrawn one too (it is theirs), their note and
    // reaction with the post they answered; a classmate's note on their post is the classmate's, not theirs.
    expect(data.failurePosts.map((p: { setback: string; status: string }) => [p.setback, p.status])).toEqual([
      ["I rushed the ratio question", "On the board"],
      ["A private worry", "Withdrawn: only you can see it"],
    ]);
    expect(data.failureNotes).toEqual([expect.objectContaining({ on: "I forgot the units", whatHelpedMe: "Writing units beside numbers helped me", status: "On the board" })]);
    expect(data.reactionsGiven).toEqual([expect.objectContaining({ on: "I forgot the units", reaction: "Me too" })]);
    expect(everything).not.toContain("Reading it twice helped me");
  });

  it("shows what it holds on the Your data page, and asks anonymous visitors to log in", async () => {
    const w = await seedEverything();
    const page = await call(accountDataLoader, get("/account/data", w.studentCookie));
    expect(page.status).toBe(200);
    const attempts = page.data.sections.find((s: { section: string }) => s.section === "attempts");
    expect(attempts).toMatchObject({ title: "Attempts", count: 5, file: "attempts.csv" });
    expect((await call(accountDataLoader, get("/account/data"))).location).toBe("/login?redirectTo=%2Faccount%2Fdata");
    expect((await call(downloadLoader, get("/account/data/download"))).location).toBe("/login?redirectTo=%2Faccount%2Fdata%2Fdownload");
  });

  it("gives a teacher their own data: classes taught, comments written with versions, marks, groups and tags", async () => {
    const w = await seedEverything();
    const { bytes } = await fetchFile(downloadLoader, get("/account/data/download", w.teacherCookie));
    const data = JSON.parse(unzipText(bytes)["data.json"]);
    expect(data.classesTaught).toEqual([expect.objectContaining({ class: w.classroom.name, joinCode: w.classroom.joinCode, students: 2 })]);
    expect(data.commentsWritten.map((c: { text: string }) => c.text)).toContain("Look at the ratio again: which one is on top?");
    expect(data.checksGiven).toHaveLength(2);
    expect(data.answerGroupsConfirmed).toEqual([expect.objectContaining({ group: "Pushing keeps it moving", misconception: "Sign convention", answers: 1 })]);
    expect(data.tagsSet).toEqual([expect.objectContaining({ student: w.student.name, misconception: "Sign convention", source: "set by a teacher" })]);
    expect(data.attempts).toEqual([]);
  });
});

describe("a teacher downloads one student's work in their class", () => {
  const url = (w: Awaited<ReturnType<typeof seedEverything>>, query = "") => `/teach/classes/${w.classroom.id}/students/${w.student.id}/export${query}`;
  const params = (w: Awaited<ReturnType<typeof seedEverything>>) => ({ classId: w.classroom.id, studentId: w.student.id });

  it("holds only that class's work and only what the teacher may read: no drafts, no other class", async () => {
    const w = await seedEverything();
    const { res, bytes } = await fetchFile(classExportLoader, get(url(w), w.teacherCookie), params(w));
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Disposition")).toMatch(/^attachment; filename="rebound-zephyrine-quillfeather-[a-z]{5}-test-class-\d{4}-\d{2}-\d{2}\.zip"$/);
    const files = unzipText(bytes);
    const data = JSON.parse(files["data.json"]);
    expect(data.account).toEqual([{ name: w.student.name, email: w.student.email }]);
    expect(data.classes.map((c: { class: string }) => c.class)).toEqual([w.classroom.name]);
    expect(data.attempts).toHaveLength(4);
    expect(data.journalEntries.map((e: { status: string }) => e.status)).toEqual(["Shared with the teacher"]);
    // Four comments of the teacher's own and the group feedback's copy.
    expect(data.commentsReceived).toHaveLength(5);
    expect(data.learningGoals).toHaveLength(2);
    expect(data.reflectionsSetAside).toEqual([]);
    expect(data.sessions).toEqual([]);
    const everything = Object.values(files).join("\n");
    expect(everything).not.toContain("A private draft about my week");
    expect(everything).not.toContain("Chemistry 10A");
    expect(everything).not.toContain("Reactions");
    expect(files["README.txt"]).toContain(`${w.student.name}'s work in Test class`);
    // What the teacher sees of the failure session: the post on the board and the note, not what the student withdrew, and no reactions (nobody sees who reacted).
    expect(data.failurePosts.map((p: { setback: string }) => p.setback)).toEqual(["I rushed the ratio question"]);
    expect(data.failureNotes).toHaveLength(1);
    expect(data.reactionsGiven).toEqual([]);
    expect(everything).not.toContain("A private worry");
  });

  it("leaves the student's email out when asked", async () => {
    const w = await seedEverything();
    const { bytes } = await fetchFile(classExportLoader, get(url(w, "?email=leave-out"), w.teacherCookie), params(w));
    const files = unzipText(bytes);
    expect(JSON.parse(files["data.json"]).account).toEqual([{ name: w.student.name }]);
    expect(Object.values(files).join("\n")).not.toContain(w.student.email);
    expect(files["README.txt"]).toMatch(/email address was left out/);
  });

  it("is 404 for another teacher and for a student never in the class, 403 for a student", async () => {
    const w = await seedEverything();
    const stranger = await cookieFor((await createTeacher()).id);
    expect((await fetchFile(classExportLoader, get(url(w), stranger), params(w))).res.status).toBe(404);
    const outsider = await createStudent();
    const outsiderParams = { classId: w.classroom.id, studentId: outsider.id };
    expect((await fetchFile(classExportLoader, get(`/teach/classes/${w.classroom.id}/students/${outsider.id}/export`, w.teacherCookie), outsiderParams)).res.status).toBe(404);
    // The other class's teacher cannot reach this class's work through the shared student.
    const elsewhere = await cookieFor(w.elsewhere.teacher.id);
    expect((await fetchFile(classExportLoader, get(url(w), elsewhere), params(w))).res.status).toBe(404);
    expect((await fetchFile(classExportLoader, get(url(w), w.studentCookie), params(w))).res.status).toBe(403);
  });

  it("still works for a removed student (their work is kept)", async () => {
    const w = await seedEverything();
    await prisma.enrollment.updateMany({ where: { classroomId: w.classroom.id, studentId: w.student.id }, data: { removedAt: new Date(), blockedAt: new Date() } });
    const { res, bytes } = await fetchFile(classExportLoader, get(url(w), w.teacherCookie), params(w));
    expect(res.status).toBe(200);
    expect(JSON.parse(unzipText(bytes)["data.json"]).classes).toEqual([expect.objectContaining({ removedAt: expect.any(String), rejoinBlocked: true })]);
  });
});

describe("the teacher's CSV exports", () => {
  it("say on the page that the students CSV holds emails, and offer to leave them out", async () => {
    const w = await seedEverything();
    const page = await renderRoute(insightOverview as never, "/teach/projects/:projectId/insight", get(`/teach/projects/${w.project.id}/insight`, w.teacherCookie));
    expect(page.status).toBe(200);
    expect(page.text).toContain("Holds students' names and emails: keep it private.");
    expect(page.html).toMatch(/<input type="checkbox" name="email"[^>]*value="leave-out"/);
    expect(page.text).toContain("Leave out emails");
  });
});
