// LTI Advantage services against the mock platform (decision 023): Names and
// Role Provisioning brings a course's roster into its class (paged, matched by
// the platform's user id, a teacher's block kept, nobody removed), and
// Assignment and Grade Services takes each student's progress on a project to
// the gradebook when the teacher sends it — through the routes a teacher uses.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { LINE_ITEM_TAG } from "~/models/lti/grades.server";
import { action as classLmsAction, loader as classLmsLoader } from "~/routes/teach.classes.$classId_.lms";
import { action as projectLmsAction, loader as projectLmsLoader } from "~/routes/teach.projects.$projectId.lms";
import { createProject, createStudent, enroll } from "../support/factories";
import { launch, registeredPlatform, userOf } from "../support/lti";
import { ROLE, type MockLtiPlatform, type MockMember } from "../support/mock-lti-platform";
import { call, cookieFor, get, post } from "../support/routes";

let platform: MockLtiPlatform;
let platformId: string;

beforeAll(async () => {
  ({ platform, platformId } = await registeredPlatform());
});
afterAll(() => platform.stop());

const learner = (n: number, extra: Partial<MockMember> = {}): MockMember => ({ sub: `learner-${n}`, name: `Learner ${String(n).padStart(2, "0")}`, roles: [ROLE.learner], ...extra });

/** A course whose instructor has opened Rebound (so its class exists): the class, and the teacher's cookie. */
async function courseWithClass(id: string, members: MockMember[], extra: { rosterPageSize?: number; refuseScoresFor?: string[] } = {}) {
  const teacher = { sub: `${id}-teacher`, name: "Grace Hopper", roles: [ROLE.instructor] };
  const course = platform.addCourse({ id, title: `Course ${id}`, members: [teacher, ...members], ...extra });
  const first = await launch(platform, id, teacher);
  expect(first.res.status).toBe(302);
  const context = await prisma.ltiContext.findFirstOrThrow({ where: { platformId, contextId: id } });
  const teacherUser = await userOf(platformId, teacher.sub);
  return { course, context, classroomId: context.classroomId, teacher, teacherUser, cookie: await cookieFor(teacherUser.id) };
}

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const activeNames = async (classroomId: string) =>
  (await prisma.enrollment.findMany({ where: { classroomId, removedAt: null }, select: { student: { select: { name: true } } } })).map((e) => e.student.name).sort();

describe("bringing a course's roster in (NRPS)", () => {
  it("enrols every active learner across the LMS's pages, lists who is not in the course, and a second sync changes nothing", async () => {
    const before = platform.received.rosterPages;
    const c = await courseWithClass("nrps-1", [
      learner(1),
      learner(2, { email: "learner2@school.example" }),
      learner(3),
      learner(4, { status: "Inactive" }),
      learner(5),
      { sub: "nrps-1-ta", name: "Alan Turing", roles: ["http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor#TeachingAssistant"] },
    ], { rosterPageSize: 2 });
    // A student who joined with the class code, not in the course.
    const byCode = await createStudent("Zed Code-Joiner");
    await enroll(c.classroomId, byCode.id);
    const path = `/teach/classes/${c.classroomId}/lms`;

    const page = await call(classLmsLoader, get(path, c.cookie), { classId: c.classroomId });
    expect(page.data.courses).toEqual([expect.objectContaining({ ltiContextId: c.context.id, title: "Course nrps-1", canSyncRoster: true, rosterSyncedAt: null })]);

    const res = await call(classLmsAction, post(path, { intent: "sync", courseId: c.context.id }, c.cookie), { classId: c.classroomId });
    expect(res.status, JSON.stringify(res.data)).toBe(200);
    expect(res.data.message).toBe("4 students enrolled from Course nrps-1.");
    const report = res.data.report;
    expect(report.enrolled.map((p: { name: string }) => p.name)).toEqual(["Learner 01", "Learner 02", "Learner 03", "Learner 05"]);
    expect(report.teachersNotYetIn).toEqual(["Alan Turing"]);
    expect(report.notInCourse.map((p: { name: string }) => p.name)).toEqual(["Zed Code-Joiner"]);
    // Seven members (the instructor too) at two a page: four pages, each followed from the Link header.
    expect(platform.received.rosterPages - before).toBe(4);
    expect(await activeNames(c.classroomId)).toEqual(["Learner 01", "Learner 02", "Learner 03", "Learner 05", "Zed Code-Joiner"]);
    // Each account is the platform's person, and comes in from the LMS only (no password).
    const two = await userOf(platformId, "learner-2");
    expect(two).toMatchObject({ role: "STUDENT", email: "learner2@school.example" });
    expect(two.passwordHash).toBe("!lms-only");
    expect((await prisma.ltiContext.findUniqueOrThrow({ where: { id: c.context.id } })).rosterSyncedAt).not.toBeNull();

    const users = await prisma.user.count();
    const again = await call(classLmsAction, post(path, { intent: "sync", courseId: c.context.id }, c.cookie), { classId: c.classroomId });
    expect(again.data.message).toBe("Everyone in Course nrps-1 was already in the class.");
    expect(again.data.report.alreadyIn).toBe(4);
    expect(await prisma.user.count()).toBe(users);

    // Remove pressed with nothing ticked: a message, nobody removed, and the list is shown again (no second sync needed).
    const untouched = await call(classLmsAction, post(path, { intent: "remove", listed: [byCode.id] }, c.cookie), { classId: c.classroomId });
    expect(untouched.status).toBe(400);
    expect(untouched.data.message).toBe("Tick the students to remove first; nobody was removed.");
    expect(untouched.data.notInCourse).toEqual([{ id: byCode.id, name: "Zed Code-Joiner" }]);
    expect(await activeNames(c.classroomId)).toContain("Zed Code-Joiner");
    // The teacher removes the one not in the course, ticked; their work would be kept.
    const removed = await call(classLmsAction, post(path, { intent: "remove", studentId: [byCode.id], listed: [byCode.id] }, c.cookie), { classId: c.classroomId });
    expect(removed.data.message).toMatch(/^1 student removed from the class\. Their work is kept/);
    expect(removed.data.notInCourse).toEqual([]);
    expect(await activeNames(c.classroomId)).not.toContain("Zed Code-Joiner");
  });

  it("keeps out a student the teacher blocked, makes an instructor who has opened Rebound a co-teacher, and never signs in to an account by its email", async () => {
    const existing = await createStudent("Existing Person");
    const c = await courseWithClass("nrps-2", [learner(21), learner(22, { email: existing.email })]);
    // A second instructor opened Rebound from another course: they have an account from this LMS.
    const colleague = { sub: "nrps-2-colleague", name: "Katherine Johnson", roles: [ROLE.instructor] };
    platform.addCourse({ id: "nrps-2-other", title: "Other course", members: [colleague] });
    await launch(platform, "nrps-2-other", colleague);
    c.course.members.push(colleague);
    // Learner 21 launched, then the teacher removed and blocked them.
    await launch(platform, "nrps-2", learner(21));
    const blockedId = (await userOf(platformId, "learner-21")).id;
    await prisma.enrollment.updateMany({ where: { classroomId: c.classroomId, studentId: blockedId }, data: { removedAt: new Date(), blockedAt: new Date() } });

    const res = await call(classLmsAction, post(`/teach/classes/${c.classroomId}/lms`, { intent: "sync", courseId: c.context.id }, c.cookie), { classId: c.classroomId });
    expect(res.status).toBe(200);
    expect(res.data.report.blocked.map((p: { name: string }) => p.name)).toEqual(["Learner 21"]);
    expect(res.data.report.coTeachersAdded.map((p: { name: string }) => p.name)).toEqual(["Katherine Johnson"]);
    expect(await prisma.enrollment.count({ where: { classroomId: c.classroomId, studentId: blockedId, removedAt: null } })).toBe(0);
    const colleagueId = (await userOf(platformId, colleague.sub)).id;
    expect(await prisma.classTeacher.count({ where: { classroomId: c.classroomId, teacherId: colleagueId, source: "LTI" } })).toBe(1);
    // The LMS said learner 22's email is an existing account's: a separate account is made, and the existing one is not enrolled.
    const made = await userOf(platformId, "learner-22");
    expect(made.id).not.toBe(existing.id);
    expect(made.email).toMatch(/@lms\.rebound\.invalid$/);
    expect(await prisma.enrollment.count({ where: { classroomId: c.classroomId, studentId: existing.id } })).toBe(0);
  });

  it("says what went wrong when the LMS does not answer or refuses, and changes nothing; another teacher cannot sync the class", async () => {
    const c = await courseWithClass("nrps-3", [learner(31)]);
    const path = `/teach/classes/${c.classroomId}/lms`;
    const enrolments = await prisma.enrollment.count();
    await prisma.ltiContext.update({ where: { id: c.context.id }, data: { membershipsUrl: `http://127.0.0.1:${await closedPort()}/nrps/nowhere` } });
    const down = await call(classLmsAction, post(path, { intent: "sync", courseId: c.context.id }, c.cookie), { classId: c.classroomId });
    expect(down.status).toBe(502);
    expect(down.data.message).toMatch(/^The LMS did not answer when Rebound asked for the course roster \(ECONNREFUSED\)\. Nothing was changed/);
    await prisma.ltiContext.update({ where: { id: c.context.id }, data: { membershipsUrl: `${platform.origin}/nrps/no-such-course` } });
    const refused = await call(classLmsAction, post(path, { intent: "sync", courseId: c.context.id }, c.cookie), { classId: c.classroomId });
    expect(refused.status).toBe(502);
    expect(refused.data.message).toBe("The LMS refused Rebound's request for the course roster (404 no course).");
    // An address that is not one (stored before addresses were checked, or a broken Link header): words, not a 500.
    await prisma.ltiContext.update({ where: { id: c.context.id }, data: { membershipsUrl: "not a url" } });
    const broken = await call(classLmsAction, post(path, { intent: "sync", courseId: c.context.id }, c.cookie), { classId: c.classroomId });
    expect(broken.status).toBe(502);
    expect(broken.data.message).toMatch(/not in a form Rebound could read for the course roster \(the roster address is not one\)/);
    expect(await prisma.enrollment.count()).toBe(enrolments);

    // The same teacher's other class: its course, sent from this class's page, is not this class's (nothing synced, nothing listed here).
    const second = await courseWithClass("nrps-3b", [learner(33)]);
    await prisma.classTeacher.create({ data: { classroomId: second.classroomId, teacherId: c.teacherUser.id, source: "INVITE" } });
    const crossed = await call(classLmsAction, post(path, { intent: "sync", courseId: second.context.id }, c.cookie), { classId: c.classroomId });
    expect(crossed.status).toBe(400);
    expect(await prisma.enrollment.count()).toBe(enrolments);
    // A teacher of another class: the class is not theirs (404), and a course id of it sent from their own class is not found.
    const other = await courseWithClass("nrps-4", []);
    const theirs = await call(classLmsAction, post(path, { intent: "sync", courseId: c.context.id }, other.cookie), { classId: c.classroomId });
    expect(theirs.status).toBe(404);
    const smuggled = await call(classLmsAction, post(`/teach/classes/${other.classroomId}/lms`, { intent: "sync", courseId: c.context.id }, other.cookie), { classId: other.classroomId });
    expect(smuggled.status).toBe(400);
    expect(await prisma.enrollment.count()).toBe(enrolments);
  });
});

describe("sending progress to the gradebook (AGS)", () => {
  async function linkedProject(id: string, members: MockMember[], extra: { refuseScoresFor?: string[]; lineItemFromLms?: boolean } = {}) {
    const c = await courseWithClass(id, members, { refuseScoresFor: extra.refuseScoresFor });
    const { project, checkpoints } = await createProject(c.classroomId, { title: `Project of ${id}` });
    if (extra.lineItemFromLms) c.course.lineItems.push({ id: "77", label: "Set by the LMS", scoreMaximum: 10, resourceLinkId: "unit" });
    // The teacher's link in the course opens the project (as deep linking placed it).
    await launch(platform, id, c.teacher, { link: "unit", custom: { rebound_project: project.id } });
    for (const m of members) await launch(platform, id, m, { link: "unit", custom: { rebound_project: project.id } });
    return { ...c, project, checkpoints };
  }

  async function attempt(studentId: string, checkpoint: { id: string; versions: { id: string }[] }, number: number, outcome: "GOT_IT" | "NOT_YET" | null) {
    await prisma.attempt.create({ data: { studentId, checkpointId: checkpoint.id, checkpointVersionId: checkpoint.versions[0].id, number, answer: '["a"]', outcome } });
  }

  it("sends checkpoints got out of the project's, with a comment, to a column Rebound makes once; the progress page offers it", async () => {
    const w = await linkedProject("ags-1", [learner(41), learner(42), learner(43), learner(44)], { refuseScoresFor: ["learner-44"] });
    const [ada, bo] = [await userOf(platformId, "learner-41"), await userOf(platformId, "learner-42")];
    // Learner 41: got the first after a not-yet, not yet on the second, and a short text waiting: 1 of 3, over 4 attempts.
    await attempt(ada.id, w.checkpoints[0], 1, "NOT_YET");
    await attempt(ada.id, w.checkpoints[0], 2, "GOT_IT");
    await attempt(ada.id, w.checkpoints[1], 1, "NOT_YET");
    await attempt(ada.id, w.checkpoints[2], 1, null);
    // Learner 42: all three.
    for (const [i, cp] of w.checkpoints.entries()) await attempt(bo.id, cp, 1, i === 2 ? null : "GOT_IT");
    await prisma.attemptReview.create({ data: { attemptId: (await prisma.attempt.findFirstOrThrow({ where: { studentId: bo.id, checkpointId: w.checkpoints[2].id } })).id, role: "TEACHER", verdict: "GOT_IT", reviewerId: w.teacherUser.id } });
    // A student who joined with the code: no account from the LMS.
    const byCode = await createStudent("Zed Code-Joiner");
    await enroll(w.classroomId, byCode.id);

    const path = `/teach/projects/${w.project.id}/lms`;
    const page = await call(projectLmsLoader, get(path, w.cookie), { projectId: w.project.id });
    expect(page.data.links).toEqual([expect.objectContaining({ course: "Course ags-1", canPost: true, scoresPostedAt: null })]);
    const linkId = page.data.links[0].id;

    const before = platform.received.scores.length;
    const res = await call(projectLmsAction, post(path, { intent: "post-scores", linkId }, w.cookie), { projectId: w.project.id });
    expect(res.status, JSON.stringify(res.data)).toBe(200);
    expect(res.data.message).toBe("Progress sent to the gradebook in Course ags-1 for 3 students. The LMS did not take 1 student's; see below.");
    expect(res.data.report).toMatchObject({ posted: 3, notStarted: 1, total: 3, notFromLms: [{ id: byCode.id, name: "Zed Code-Joiner" }], failed: [{ name: "Learner 44", detail: "422 not_in_course: This user is not in the course." }] });

    const column = w.course.lineItems.find((l) => l.resourceLinkId === "unit")!;
    expect(column).toMatchObject({ label: "Project of ags-1", scoreMaximum: 3, tag: LINE_ITEM_TAG });
    const sent = Object.fromEntries(platform.received.scores.slice(before).map((s) => [s.userId, s]));
    expect(sent["learner-41"]).toMatchObject({
      lineItem: `${platform.origin}/ags/ags-1/lineitems/${column.id}`,
      scoreGiven: 1,
      scoreMaximum: 3,
      activityProgress: "InProgress",
      gradingProgress: "FullyGraded",
      comment: 'Got 1 of 3 checkpoints in Rebound so far, over 4 attempts; the others are "not yet".',
    });
    expect(sent["learner-42"]).toMatchObject({ scoreGiven: 3, scoreMaximum: 3, activityProgress: "Completed" });
    expect(sent["learner-43"]).toMatchObject({ activityProgress: "Initialized", gradingProgress: "NotReady" });
    expect(sent["learner-43"].scoreGiven).toBeUndefined();
    // The token asked for was Rebound's own signed assertion, for the scopes it needed.
    expect(platform.received.tokenRequests.at(-1)!.scope).toBe("https://purl.imsglobal.org/spec/lti-ags/scope/lineitem https://purl.imsglobal.org/spec/lti-ags/scope/score");

    // Sending again uses the same column, and the page says when it was last sent.
    const columns = w.course.lineItems.length;
    await call(projectLmsAction, post(path, { intent: "post-scores", linkId }, w.cookie), { projectId: w.project.id });
    expect(w.course.lineItems.length).toBe(columns);
    const after = await call(projectLmsLoader, get(path, w.cookie), { projectId: w.project.id });
    expect(after.data.links[0]).toMatchObject({ scoresPostedCount: 3 });
    expect(after.data.links[0].scoresPostedAt).not.toBeNull();
  });

  it("uses the column the LMS gave the link, and only the score scope", async () => {
    const w = await linkedProject("ags-2", [learner(51)], { lineItemFromLms: true });
    const linkId = (await prisma.ltiResourceLink.findFirstOrThrow({ where: { projectId: w.project.id } })).id;
    const before = platform.received.scores.length;
    const res = await call(projectLmsAction, post(`/teach/projects/${w.project.id}/lms`, { intent: "post-scores", linkId }, w.cookie), { projectId: w.project.id });
    expect(res.status).toBe(200);
    expect(platform.received.scores.slice(before).map((s) => s.lineItem)).toEqual([`${platform.origin}/ags/ags-2/lineitems/77`]);
    expect(platform.received.tokenRequests.at(-1)!.scope).toBe("https://purl.imsglobal.org/spec/lti-ags/scope/score");
    expect(w.course.lineItems).toHaveLength(1);
  });

  it("forgets a column the LMS deleted and makes another on the next send; refuses a column address on another site", async () => {
    const w = await linkedProject("ags-5", [learner(71)]);
    const path = `/teach/projects/${w.project.id}/lms`;
    const linkId = (await prisma.ltiResourceLink.findFirstOrThrow({ where: { projectId: w.project.id } })).id;
    expect((await call(projectLmsAction, post(path, { intent: "post-scores", linkId }, w.cookie), { projectId: w.project.id })).status).toBe(200);
    // The teacher deletes the column in the LMS: its scores address answers 404.
    const made = await prisma.ltiResourceLink.findUniqueOrThrow({ where: { id: linkId } });
    await prisma.ltiResourceLink.update({ where: { id: linkId }, data: { lineItemUrl: made.lineItemUrl!.replace(/\/ags\/ags-5\//, "/ags/no-such-course/") } });
    platform.courses.get("ags-5")!.lineItems.length = 0;
    const gone = await call(projectLmsAction, post(path, { intent: "post-scores", linkId }, w.cookie), { projectId: w.project.id });
    expect(gone.status).toBe(502);
    expect(gone.data.message).toMatch(/^The LMS no longer has the gradebook column/);
    expect((await prisma.ltiResourceLink.findUniqueOrThrow({ where: { id: linkId } })).lineItemUrl).toBeNull();
    const again = await call(projectLmsAction, post(path, { intent: "post-scores", linkId }, w.cookie), { projectId: w.project.id });
    expect(again.status).toBe(200);
    expect(w.course.lineItems).toHaveLength(1);

    // An LMS that answers a new column's address on another site: refused, not remembered.
    await prisma.ltiResourceLink.update({ where: { id: linkId }, data: { lineItemUrl: null } });
    w.course.lineItems.length = 0;
    platform.foreignLineItemIds = true;
    try {
      const foreign = await call(projectLmsAction, post(path, { intent: "post-scores", linkId }, w.cookie), { projectId: w.project.id });
      expect(foreign.status).toBe(502);
      expect(foreign.data.message).toMatch(/a gradebook column address on another site/);
      expect((await prisma.ltiResourceLink.findUniqueOrThrow({ where: { id: linkId } })).lineItemUrl).toBeNull();
    } finally {
      platform.foreignLineItemIds = false;
    }
  });

  it("refuses a link of another project, and says so when the LMS gave no gradebook access; nothing is sent", async () => {
    const a = await linkedProject("ags-3", [learner(61)]);
    const b = await linkedProject("ags-4", [learner(62)]);
    const before = platform.received.scores.length;
    const otherLink = (await prisma.ltiResourceLink.findFirstOrThrow({ where: { projectId: b.project.id } })).id;
    const smuggled = await call(projectLmsAction, post(`/teach/projects/${a.project.id}/lms`, { intent: "post-scores", linkId: otherLink }, a.cookie), { projectId: a.project.id });
    expect(smuggled.status).toBe(400);
    expect(smuggled.data.message).toBe("That LMS link no longer opens this project. The list below is up to date.");
    const theirs = await call(projectLmsAction, post(`/teach/projects/${b.project.id}/lms`, { intent: "post-scores", linkId: otherLink }, a.cookie), { projectId: b.project.id });
    expect(theirs.status).toBe(404);

    await prisma.ltiContext.update({ where: { id: a.context.id }, data: { agsScopes: "" } });
    const ownLink = (await prisma.ltiResourceLink.findFirstOrThrow({ where: { projectId: a.project.id } })).id;
    const noAccess = await call(projectLmsAction, post(`/teach/projects/${a.project.id}/lms`, { intent: "post-scores", linkId: ownLink }, a.cookie), { projectId: a.project.id });
    expect(noAccess.status).toBe(400);
    expect(noAccess.data.message).toMatch(/^The LMS did not give Rebound access to a gradebook column/);
    expect(platform.received.scores.length).toBe(before);
  });
});
