// Every route under a project runs the one guard of its side itself: another
// teacher's request finds nothing (404, one message), a student's is refused
// (403), and on the student's side a teacher is refused and a student outside
// the class finds nothing. The layouts and every page under them, loaders and
// actions alike: no page relies on its layout's loader.
import { describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { NOT_FOUND } from "~/domain/labels";
import { loadDebrief } from "~/models/debrief.server";
import { loadCachedReport } from "~/models/insight-cache.server";
import { loadInsight, loadPrepared } from "~/models/insight-pages.server";
import { loadProgressGrid, loadStudentTimeline } from "~/models/progress.server";
import { findStudentProject, findTeacherProject } from "~/models/project.server";
import { loadOwnRecoveries } from "~/models/recoveries.server";
import * as learnLayout from "~/routes/learn.projects.$projectId";
import * as learnCheckpoint from "~/routes/learn.projects.$projectId.checkpoints.$checkpointId";
import * as learnProject from "~/routes/learn.projects.$projectId._index";
import * as learnJournal from "~/routes/learn.projects.$projectId.journal";
import * as learnRecoveries from "~/routes/learn.projects.$projectId.recoveries";
import * as teachLayout from "~/routes/teach.projects.$projectId";
import * as build from "~/routes/teach.projects.$projectId._index";
import * as editCheckpoint from "~/routes/teach.projects.$projectId.checkpoints.$checkpointId";
import * as newCheckpoint from "~/routes/teach.projects.$projectId.checkpoints.new";
import * as debrief from "~/routes/teach.projects.$projectId.debrief";
import * as insight from "~/routes/teach.projects.$projectId.insight._index";
import * as insightAttempts from "~/routes/teach.projects.$projectId.insight.attempts";
import * as insightCheckpoint from "~/routes/teach.projects.$projectId.insight.checkpoints.$checkpointId";
import * as insightExport from "~/routes/teach.projects.$projectId.insight.export";
import * as heatmap from "~/routes/teach.projects.$projectId.insight.heatmap";
import * as misconception from "~/routes/teach.projects.$projectId.misconceptions.$misconceptionId";
import * as misconceptions from "~/routes/teach.projects.$projectId.misconceptions._index";
import * as progress from "~/routes/teach.projects.$projectId.progress";
import * as prompt from "~/routes/teach.projects.$projectId.prompts.$promptId";
import * as prompts from "~/routes/teach.projects.$projectId.prompts._index";
import * as timeline from "~/routes/teach.projects.$projectId.students.$studentId";
import { createClassWithProject, createStudent, createTeacher } from "../support/factories";
import { call, cookieFor, get, post } from "../support/routes";

type RouteModule = { loader: unknown; action?: unknown };
interface Page {
  name: string;
  module: RouteModule;
  params: Record<string, string>;
  /** The page's address after /teach/projects/:id or /learn/projects/:id. */
  path: string;
}

async function world() {
  const w = await createClassWithProject();
  const reflectionPrompt = await prisma.reflectionPrompt.create({
    data: { projectId: w.project.id, trigger: "PROJECT", title: "Looking back", questions: JSON.stringify(["What changed?"]) },
  });
  const projectId = w.project.id;
  const checkpointId = w.checkpoints[0].id;
  const teacherPages: Page[] = [
    { name: "layout", module: teachLayout, params: { projectId }, path: "" },
    { name: "build", module: build, params: { projectId }, path: "" },
    { name: "new checkpoint", module: newCheckpoint, params: { projectId }, path: "/checkpoints/new?kind=CHOICE" },
    { name: "edit checkpoint", module: editCheckpoint, params: { projectId, checkpointId }, path: `/checkpoints/${checkpointId}` },
    { name: "misconceptions", module: misconceptions, params: { projectId }, path: "/misconceptions" },
    { name: "misconception", module: misconception, params: { projectId, misconceptionId: w.misconception.id }, path: `/misconceptions/${w.misconception.id}` },
    { name: "reflection prompts", module: prompts, params: { projectId }, path: "/prompts" },
    { name: "reflection prompt", module: prompt, params: { projectId, promptId: reflectionPrompt.id }, path: `/prompts/${reflectionPrompt.id}` },
    { name: "progress", module: progress, params: { projectId }, path: "/progress" },
    { name: "student timeline", module: timeline, params: { projectId, studentId: w.student.id }, path: `/students/${w.student.id}` },
    { name: "insight", module: insight, params: { projectId }, path: "/insight" },
    { name: "heatmap", module: heatmap, params: { projectId }, path: "/insight/heatmap" },
    { name: "attempts", module: insightAttempts, params: { projectId }, path: "/insight/attempts" },
    { name: "checkpoint insight", module: insightCheckpoint, params: { projectId, checkpointId }, path: `/insight/checkpoints/${checkpointId}` },
    { name: "export", module: insightExport, params: { projectId }, path: "/insight/export?kind=students" },
    { name: "debrief", module: debrief, params: { projectId }, path: "/debrief" },
  ];
  const studentPages: Page[] = [
    { name: "layout", module: learnLayout, params: { projectId }, path: "" },
    { name: "project", module: learnProject, params: { projectId }, path: "" },
    { name: "checkpoint", module: learnCheckpoint, params: { projectId, checkpointId }, path: `/checkpoints/${checkpointId}` },
    { name: "journal", module: learnJournal, params: { projectId }, path: "/journal" },
    { name: "recoveries", module: learnRecoveries, params: { projectId }, path: "/recoveries" },
  ];
  return { ...w, teacherPages, studentPages };
}

describe("the teacher's project guard", () => {
  it("lets the project's teacher in, gives another teacher 404 and a student 403, on the layout and every page's loader", async () => {
    const w = await world();
    const owner = await cookieFor(w.teacher.id);
    const otherTeacher = await cookieFor((await createTeacher()).id);
    const student = await cookieFor(w.student.id);
    for (const page of w.teacherPages) {
      const url = `/teach/projects/${w.project.id}${page.path}`;
      expect({ page: page.name, status: (await call(page.module.loader, get(url, owner), page.params)).status }).toEqual({ page: page.name, status: 200 });
      const stranger = await call(page.module.loader, get(url, otherTeacher), page.params);
      expect({ page: page.name, status: stranger.status, data: stranger.data }).toEqual({ page: page.name, status: 404, data: NOT_FOUND.teacherProject });
      expect({ page: page.name, status: (await call(page.module.loader, get(url, student), page.params)).status }).toEqual({ page: page.name, status: 403 });
    }
  });

  it("gives another teacher 404 and a student 403 on every action, before reading the form", async () => {
    const w = await world();
    const otherTeacher = await cookieFor((await createTeacher()).id);
    const student = await cookieFor(w.student.id);
    const before = await prisma.project.findUniqueOrThrow({ where: { id: w.project.id }, include: { misconceptions: true, checkpoints: true } });
    for (const page of w.teacherPages.filter((p) => p.module.action)) {
      const url = `/teach/projects/${w.project.id}${page.path}`;
      const stranger = await call(page.module.action, post(url, { intent: "delete" }, otherTeacher), page.params);
      expect({ page: page.name, status: stranger.status, data: stranger.data }).toEqual({ page: page.name, status: 404, data: NOT_FOUND.teacherProject });
      expect({ page: page.name, status: (await call(page.module.action, post(url, { intent: "delete" }, student), page.params)).status }).toEqual({ page: page.name, status: 403 });
    }
    const after = await prisma.project.findUniqueOrThrow({ where: { id: w.project.id }, include: { misconceptions: true, checkpoints: true } });
    expect(after).toEqual(before);
  });
});

describe("the student's project guard", () => {
  it("lets an enrolled student in, gives a student outside the class 404 and a teacher 403, on every loader and action", async () => {
    const w = await world();
    const enrolled = await cookieFor(w.student.id);
    const outsider = await cookieFor((await createStudent()).id);
    const teacher = await cookieFor(w.teacher.id);
    for (const page of w.studentPages) {
      const url = `/learn/projects/${w.project.id}${page.path}`;
      expect({ page: page.name, status: (await call(page.module.loader, get(url, enrolled), page.params)).status }).toEqual({ page: page.name, status: 200 });
      const stranger = await call(page.module.loader, get(url, outsider), page.params);
      expect({ page: page.name, status: stranger.status, data: stranger.data }).toEqual({ page: page.name, status: 404, data: NOT_FOUND.studentProject });
      expect({ page: page.name, status: (await call(page.module.loader, get(url, teacher), page.params)).status }).toEqual({ page: page.name, status: 403 });
      if (page.module.action) {
        expect({ page: page.name, status: (await call(page.module.action, post(url, {}, outsider), page.params)).status }).toEqual({ page: page.name, status: 404 });
        expect({ page: page.name, status: (await call(page.module.action, post(url, {}, teacher), page.params)).status }).toEqual({ page: page.name, status: 403 });
      }
    }
  });

  it("finds nothing once the student is removed from the class", async () => {
    const w = await world();
    await prisma.enrollment.update({ where: { classroomId_studentId: { classroomId: w.classroom.id, studentId: w.student.id } }, data: { removedAt: new Date() } });
    const removed = await cookieFor(w.student.id);
    for (const page of w.studentPages) {
      const res = await call(page.module.loader, get(`/learn/projects/${w.project.id}${page.path}`, removed), page.params);
      expect({ page: page.name, status: res.status }).toEqual({ page: page.name, status: 404 });
    }
  });
});

describe("the readers of a class's data", () => {
  it("take only the project a guard proved: a bare id or a row read without the teacher does not typecheck", async () => {
    const w = await world();
    const row = await prisma.project.findUniqueOrThrow({ where: { id: w.project.id }, include: { classroom: { select: { id: true, name: true } } } });
    // Never run: `npm run typecheck` fails if any of these calls ever typechecks.
    const unscoped = () => {
      // @ts-expect-error a project id is not an OwnedProject
      void loadInsight(w.project.id);
      // @ts-expect-error a project row read by id alone is not an OwnedProject
      void loadInsight(row);
      // @ts-expect-error a project id is not an OwnedProject
      void loadCachedReport(w.project.id, { textGroups: true });
      // @ts-expect-error a project row read by id alone is not an OwnedProject
      void loadCachedReport(row, { textGroups: false });
      // @ts-expect-error a project id is not an OwnedProject
      void loadPrepared(w.project.id);
      // @ts-expect-error a project row read by id alone is not an OwnedProject
      void loadPrepared(row);
      // @ts-expect-error a project row read by id alone is not an OwnedProject
      void loadDebrief(row);
      // @ts-expect-error a project row read by id alone is not an OwnedProject
      void loadProgressGrid(row);
      // @ts-expect-error a project row read by id alone is not an OwnedProject
      void loadStudentTimeline(row, w.student.id);
      // @ts-expect-error a project row read by id alone is not an EnrolledProject
      void loadOwnRecoveries(w.student.id, row);
    };
    expect(unscoped).toBeTypeOf("function");

    // What the guards' lookups return is what the readers take; a stranger's lookup finds nothing to pass.
    const owned = await findTeacherProject(w.project.id, w.teacher.id);
    expect(owned).not.toBeNull();
    expect((await loadInsight(owned!))?.data.projectId).toBe(w.project.id);
    expect((await loadPrepared(owned!))?.data.projectId).toBe(w.project.id);
    expect((await loadCachedReport(owned!, { textGroups: true }))?.report.projectId).toBe(w.project.id);
    expect(await findTeacherProject(w.project.id, (await createTeacher()).id)).toBeNull();
    const enrolled = await findStudentProject(w.project.id, w.student.id);
    expect(enrolled).not.toBeNull();
    expect(await findStudentProject(w.project.id, (await createStudent()).id)).toBeNull();
    expect(await loadOwnRecoveries(w.student.id, enrolled!)).toHaveProperty("recoveries");
  });
});
