// The insight report cache (decision 015), through the teacher's pages and the
// cache's own reader, on the engine the suite runs on: nothing changed → the
// cached report, no rebuild; any write → the next view shows it at once (a
// small class is rebuilt first), including a write by another connection, as
// another app server would make it; concurrent views share one build; a large
// class shows its last report with its age while one background rebuild runs,
// except after a deletion; and the cache stays within its bytes.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { submitAttempt } from "~/models/attempt.server";
import { setAttemptMisconception } from "~/models/attempt-tags.server";
import { removeStudent } from "~/models/classroom.server";
import { configureReportCache, loadCachedReport, reportBuildsSettled, reportCacheStats } from "~/models/insight-cache.server";
import { eraseStudentFromClass } from "~/models/privacy.server";
import { findTeacherProject, type OwnedProject } from "~/models/project.server";
import * as overviewRoute from "~/routes/teach.projects.$projectId.insight._index";
import { loader as heatmapLoader } from "~/routes/teach.projects.$projectId.insight.heatmap";
import { createClassWithProject } from "../support/factories";
import { renderRoute } from "../support/render-route";
import { call, cookieFor, get } from "../support/routes";
import { writeFromAnotherConnection } from "../support/other-connection";
import { testEngine } from "../setup/test-database";

type World = Awaited<ReturnType<typeof createClassWithProject>>;

async function attempt(w: World, studentId: string, index: number, raw: { optionIds?: string[]; value?: string; text?: string }) {
  const checkpoint = { ...w.checkpoints[index], versions: [w.checkpoints[index].versions[0]] };
  const result = await submitAttempt(studentId, checkpoint, raw);
  if (!result.ok) throw new Error(`attempt not stored: ${result.reason}`);
  return result.attempt.id;
}

let w: World;
let owned: OwnedProject;
let cookie: string;
const overview = async () => {
  const res = await call(overviewRoute.loader, get(`/teach/projects/${w.project.id}/insight`, cookie), { projectId: w.project.id });
  expect(res.status).toBe(200);
  return res.data;
};
const heatmap = async () => {
  const res = await call(heatmapLoader, get(`/teach/projects/${w.project.id}/insight/heatmap`, cookie), { projectId: w.project.id });
  expect(res.status).toBe(200);
  return res.data;
};
const builds = () => reportCacheStats().builds;

beforeEach(async () => {
  configureReportCache({ backgroundFromAttempts: 5_000, maxBytes: 64 * 1024 * 1024 });
  w = await createClassWithProject();
  owned = (await findTeacherProject(w.project.id, w.teacher.id))!;
  cookie = await cookieFor(w.teacher.id);
});
afterEach(async () => {
  await reportBuildsSettled();
});

describe("a class small enough to rebuild before the page is shown", () => {
  it("serves the cached report while nothing changed: no rebuild, the same report", async () => {
    await attempt(w, w.student.id, 0, { optionIds: ["b"] });
    const first = await loadCachedReport(owned, { textGroups: true });
    const before = builds();
    const again = await loadCachedReport(owned, { textGroups: true });
    expect(builds()).toBe(before);
    expect(again!.report).toBe(first!.report);
    expect(again!.freshness.stale).toBe(false);
    // Pages showing it say nothing about its age.
    expect((await overview()).freshness).toEqual({ stale: false });
  });

  it("shows every kind of write at the next view: an attempt, a tag removed and put back, a removal from the class, a new name", async () => {
    const wrong = await attempt(w, w.student.id, 0, { optionIds: ["c"] });
    expect((await overview()).headline).toMatchObject({ attempts: 1, notYet: 1, misconceptionsShown: 0 });

    await attempt(w, w.otherStudent.id, 0, { optionIds: ["a"] });
    expect((await overview()).headline).toMatchObject({ attempts: 2, studentsWithAttempts: 2 });

    const tag = (active: boolean) => setAttemptMisconception({ teacherId: w.teacher.id, projectId: w.project.id, attemptId: wrong, misconceptionId: w.misconception.id, active });
    await tag(true);
    expect((await overview()).headline.misconceptionsShown).toBe(1);
    expect((await heatmap()).rows.find((r: { studentId: string }) => r.studentId === w.student.id).total).toBe(1);
    await tag(false);
    expect((await overview()).headline.misconceptionsShown).toBe(0);
    expect((await heatmap()).rows.find((r: { studentId: string }) => r.studentId === w.student.id)?.total ?? 0).toBe(0);
    await tag(true);
    expect((await overview()).headline.misconceptionsShown).toBe(1);

    const enrolment = await prisma.enrollment.findFirstOrThrow({ where: { classroomId: w.classroom.id, studentId: w.otherStudent.id } });
    await removeStudent({ classroomId: w.classroom.id, teacherId: w.teacher.id, enrollmentId: enrolment.id, block: false });
    expect((await overview()).headline).toMatchObject({ students: 1, studentsWithAttempts: 1 });

    await prisma.user.update({ where: { id: w.student.id }, data: { name: "Amara Renamed" } });
    expect((await heatmap()).rows.map((r: { name: string }) => r.name)).toContain("Amara Renamed");
  });

  it("shows a write made through another connection (another app server) at once", async () => {
    await attempt(w, w.student.id, 0, { optionIds: ["b"] });
    expect((await overview()).headline.attempts).toBe(1);
    const version = w.checkpoints[0].versions[0].id;
    await writeFromAnotherConnection(
      `INSERT INTO "Attempt" ("id", "studentId", "checkpointId", "checkpointVersionId", "number", "answer", "outcome", "createdAt") VALUES ($1, $2, $3, $4, 1, '["a"]', 'GOT_IT', $5)`,
      ["other-server-attempt", w.otherStudent.id, w.checkpoints[0].id, version, testEngine() === "postgres" ? new Date() : Date.now()],
    );
    expect((await overview()).headline).toMatchObject({ attempts: 2, studentsWithAttempts: 2 });
  });

  it("builds once for views at the same time, and they all get that report", async () => {
    await attempt(w, w.student.id, 0, { optionIds: ["b"] });
    await loadCachedReport(owned, { textGroups: true });
    await attempt(w, w.student.id, 0, { optionIds: ["a"] });
    const before = builds();
    const views = await Promise.all(Array.from({ length: 6 }, () => loadCachedReport(owned, { textGroups: true })));
    expect(builds() - before).toBe(1);
    for (const v of views) {
      expect(v!.report).toBe(views[0]!.report);
      expect(v!.report.totals.attempts).toBe(2);
      expect(v!.freshness.stale).toBe(false);
    }
  });

  it("lets the heatmap use the current report with groups instead of building its own", async () => {
    await attempt(w, w.student.id, 0, { optionIds: ["b"] });
    await overview();
    const before = builds();
    await heatmap();
    expect(builds()).toBe(before);
  });
});

describe("a class large enough to rebuild in the background", () => {
  beforeEach(() => configureReportCache({ backgroundFromAttempts: 1 }));

  it("shows the last report with its age while one rebuild runs, then the new one", async () => {
    await attempt(w, w.student.id, 0, { optionIds: ["b"] });
    const first = await loadCachedReport(owned, { textGroups: true });
    expect(first!.freshness.stale).toBe(false);

    await attempt(w, w.student.id, 0, { optionIds: ["a"] });
    const before = builds();
    const views = await Promise.all(Array.from({ length: 5 }, () => loadCachedReport(owned, { textGroups: true })));
    // No view waited for the rebuild: all got the last report, marked, and one rebuild started.
    for (const v of views) {
      expect(v!.report).toBe(first!.report);
      expect(v!.freshness).toEqual({ builtAt: first!.freshness.builtAt, stale: true });
    }
    expect(builds() - before).toBe(1);

    // That rebuild finishes with both attempts. Another attempt: the report is behind again, and the page says how old it is.
    await reportBuildsSettled();
    await attempt(w, w.otherStudent.id, 0, { optionIds: ["a"] });
    const page = await overview();
    expect(page.freshness).toEqual({ stale: true, words: expect.stringMatching(/^Updated \d+ seconds? ago — refreshing$/) });
    expect(page.headline.attempts).toBe(2);
    // As the teacher sees it (one more attempt, so this view too is behind): a status line with the age, and a plain link to show the page again.
    await attempt(w, w.otherStudent.id, 1, { value: "12.5" });
    const rendered = await renderRoute(overviewRoute, "/teach/projects/:projectId/insight", get(`/teach/projects/${w.project.id}/insight`, cookie));
    expect(rendered.html).toMatch(/<p role="status"[^>]*><span[^>]*>Updated \d+ seconds? ago — refreshing/);
    expect(rendered.text).toMatch(/Updated \d+ seconds? ago — refreshing\s*\. The newest work is being added to these figures\. Show the latest/);
    expect(rendered.html).toMatch(new RegExp(`<a [^>]*href="/teach/projects/${w.project.id}/insight"[^>]*>Show the latest</a>`));

    // The rebuild running when that attempt came in read the version before it: once it is done, the next view starts the next one.
    await reportBuildsSettled();
    await loadCachedReport(owned, { textGroups: true });
    await reportBuildsSettled();
    const after = await loadCachedReport(owned, { textGroups: true });
    expect(after!.freshness.stale).toBe(false);
    expect(after!.report.totals.attempts).toBe(4);
    expect((await overview()).freshness).toEqual({ stale: false });
  });

  it("never shows a report from before a deletion: after a student's data is erased the next view is rebuilt without them", async () => {
    await attempt(w, w.student.id, 0, { optionIds: ["b"] });
    await attempt(w, w.otherStudent.id, 0, { optionIds: ["a"] });
    expect((await loadCachedReport(owned, { textGroups: true }))!.report.totals.attempts).toBe(2);
    expect(reportCacheStats().entries).toBeGreaterThan(0);

    await eraseStudentFromClass({ teacherId: w.teacher.id, classroomId: w.classroom.id, studentId: w.student.id, keepBlock: false });
    // Dropped from this server's memory at once.
    expect(reportCacheStats().entries).toBe(0);
    const view = await loadCachedReport(owned, { textGroups: true });
    expect(view!.freshness.stale).toBe(false);
    expect(view!.report.totals.attempts).toBe(1);
    expect(view!.report.heatmap.rows.map((r) => r.studentId)).not.toContain(w.student.id);
  });

  it("after a deletion made by another server (its memory is not this one's), still rebuilds rather than show the old report", async () => {
    const id = await attempt(w, w.student.id, 0, { optionIds: ["b"] });
    await loadCachedReport(owned, { textGroups: true });
    await writeFromAnotherConnection(`DELETE FROM "AttemptMisconception" WHERE "attemptId" = $1`, [id]);
    const view = await loadCachedReport(owned, { textGroups: true });
    expect(view!.freshness.stale).toBe(false);
    expect(view!.report.totals.attemptsWithMisconception).toBe(1); // the option's own rule still implies it
  });
});

describe("the memory bound", () => {
  it("keeps what fits in its bytes, dropping the least recently used project, and answers correctly either way", async () => {
    await attempt(w, w.student.id, 0, { optionIds: ["b"] });
    const one = (await loadCachedReport(owned, { textGroups: false }))!;
    const size = reportCacheStats().bytes;
    expect(size).toBeGreaterThan(0);

    // Room for one report: a second project's report pushes the first one out.
    configureReportCache({ maxBytes: Math.ceil(size * 1.5) });
    await loadCachedReport(owned, { textGroups: false });
    const second = await createClassWithProject();
    const secondOwned = (await findTeacherProject(second.project.id, second.teacher.id))!;
    await loadCachedReport(secondOwned, { textGroups: false });
    expect(reportCacheStats()).toMatchObject({ entries: 1 });
    expect(reportCacheStats().bytes).toBeLessThanOrEqual(reportCacheStats().maxBytes);
    const before = builds();
    expect((await loadCachedReport(owned, { textGroups: false }))!.report.totals).toEqual(one.report.totals);
    expect(builds() - before).toBe(1);

    // No room at all: nothing is kept, every view builds, and still shows the current data.
    configureReportCache({ maxBytes: 10 });
    await loadCachedReport(owned, { textGroups: false });
    expect(reportCacheStats().entries).toBe(0);
    await attempt(w, w.otherStudent.id, 0, { optionIds: ["a"] });
    expect((await loadCachedReport(owned, { textGroups: false }))!.report.totals.attempts).toBe(2);
  });
});
