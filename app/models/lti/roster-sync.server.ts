// Bringing an LMS course's roster into its class with Names and Role
// Provisioning Services 2.0 (decision 023), when a teacher asks. Learners who
// are active in the course are enrolled through the one way into a class
// (enrollStudent: a teacher's block holds), each matched by the platform and
// their LMS user id like a launch, never by email. Instructors become
// co-teachers only once they have opened Rebound from the course themselves;
// until then they are listed. Nobody is removed: students in the class who are
// not (or no longer) active in the course are listed for the teacher to
// remove, keeping their work, if they choose.
import { prisma } from "~/db.server";
import { serviceUrl } from "~/domain/lti/claims";
import { MAX_ROSTER_MEMBERS, MAX_ROSTER_PAGES, MEDIA, nextPageLink, readMembershipPage, type RosterMember } from "~/domain/lti/services";
import { byName } from "~/domain/names";
import { addClassTeacher, taughtBy } from "~/models/class-teachers.server";
import { enrollStudent } from "~/models/classroom.server";
import { accountFor } from "~/models/lti/people.server";
import { SCOPE, callService, errorDetail, readJson, serviceToken, type ServiceFailure } from "~/models/lti/service-token.server";

export interface LmsCourse {
  ltiContextId: string;
  title: string;
  platformName: string;
  canSyncRoster: boolean;
  rosterSyncedAt: Date | null;
}

/** The LMS courses that open this class, for a teacher of it. */
export async function lmsCoursesOfClass(classroomId: string, teacherId: string): Promise<LmsCourse[]> {
  const contexts = await prisma.ltiContext.findMany({
    where: { classroomId, classroom: taughtBy(teacherId) },
    select: { id: true, title: true, membershipsUrl: true, rosterSyncedAt: true, platform: { select: { name: true } } },
    orderBy: { createdAt: "asc" },
  });
  return contexts.map((c) => ({ ltiContextId: c.id, title: c.title, platformName: c.platform.name, canSyncRoster: c.membershipsUrl !== null, rosterSyncedAt: c.rosterSyncedAt }));
}

type Person = { id: string; name: string };
export type RosterSyncReport = {
  course: string;
  /** Enrolled now (new accounts, or accounts that had left the class). */
  enrolled: Person[];
  alreadyIn: number;
  /** Learners whose enrolment the teacher blocked: they stay out. */
  blocked: Person[];
  /** Instructors with a Rebound account from this LMS, made co-teachers. */
  coTeachersAdded: Person[];
  /** Instructors who have not opened Rebound from the course yet. */
  teachersNotYetIn: string[];
  /** People whose Rebound account has the other role (a student account launched as an instructor): left as they are. */
  roleMismatch: string[];
  /** Students in the class who are not active members of the course, for the teacher to look at. */
  notInCourse: Person[];
  /** Members the LMS listed without a user id. */
  unreadable: number;
};

export type RosterSyncResult =
  | { ok: true; report: RosterSyncReport }
  | { ok: false; reason: "not-found" | "no-roster-service" | "too-many-pages" }
  | { ok: false; reason: "service"; failure: ServiceFailure };

async function readRoster(url: string, token: string): Promise<{ ok: true; members: RosterMember[]; unreadable: number } | { ok: false; reason: "too-many-pages" } | { ok: false; reason: "service"; failure: ServiceFailure }> {
  const members: RosterMember[] = [];
  let unreadable = 0;
  if (!serviceUrl(url)) return { ok: false, reason: "service", failure: { reason: "unreadable", detail: "the roster address is not one" } };
  const origin = new URL(url).origin;
  let next: string | null = url;
  for (let page = 0; next; page++) {
    if (page >= MAX_ROSTER_PAGES) return { ok: false, reason: "too-many-pages" };
    const res = await callService(next, { headers: { Authorization: `Bearer ${token}`, Accept: MEDIA.memberships } });
    if (!(res instanceof Response)) return { ok: false, reason: "service", failure: res };
    if (!res.ok) return { ok: false, reason: "service", failure: { reason: "refused", status: res.status, detail: await errorDetail(res) } };
    const read = readMembershipPage(await readJson(res));
    if (!read) return { ok: false, reason: "service", failure: { reason: "unreadable", detail: "the answer has no members list" } };
    members.push(...read.members);
    unreadable += read.unreadable;
    const link = nextPageLink(res.headers.get("link"));
    next = link ? serviceUrl(URL.canParse(link, url) ? new URL(link, url).toString() : null) : null;
    if (link && !next) return { ok: false, reason: "service", failure: { reason: "unreadable", detail: "a next page address that is not one" } };
    // The roster's pages stay on the LMS that the signed launch named.
    if (next && new URL(next).origin !== origin) return { ok: false, reason: "service", failure: { reason: "unreadable", detail: "a next page on another site" } };
    if (members.length > MAX_ROSTER_MEMBERS) return { ok: false, reason: "too-many-pages" };
  }
  return { ok: true, members, unreadable };
}

export async function syncLmsRoster(input: { ltiContextId: string; classroomId: string; teacherId: string }, now = new Date()): Promise<RosterSyncResult> {
  const context = await prisma.ltiContext.findFirst({
    where: { id: input.ltiContextId, classroomId: input.classroomId, classroom: { ...taughtBy(input.teacherId), archivedAt: null } },
    select: { id: true, title: true, classroomId: true, membershipsUrl: true, platform: { select: { id: true, clientId: true, tokenUrl: true } } },
  });
  if (!context) return { ok: false, reason: "not-found" };
  if (!context.membershipsUrl) return { ok: false, reason: "no-roster-service" };
  const token = await serviceToken(context.platform, [SCOPE.memberships], now);
  if (!token.ok) return { ok: false, reason: "service", failure: token };
  const roster = await readRoster(context.membershipsUrl, token.token);
  if (!roster.ok) return roster;

  const platformId = context.platform.id;
  const report: RosterSyncReport = {
    course: context.title,
    enrolled: [],
    alreadyIn: 0,
    blocked: [],
    coTeachersAdded: [],
    teachersNotYetIn: [],
    roleMismatch: [],
    notInCourse: [],
    unreadable: roster.unreadable,
  };
  const learners = new Set<string>();
  // One entry per person, the last the LMS listed.
  const people = [...new Map(roster.members.map((m) => [m.sub, m])).values()];
  for (const member of people) {
    if (!member.active || !member.role) continue;
    if (member.role === "TEACHER") {
      const linked = await prisma.ltiIdentity.findUnique({
        where: { platformId_sub: { platformId, sub: member.sub } },
        select: { user: { select: { id: true, name: true, role: true } } },
      });
      if (!linked) report.teachersNotYetIn.push(member.name);
      else if (linked.user.role !== "TEACHER") report.roleMismatch.push(member.name);
      else if (!(await prisma.classTeacher.findUnique({ where: { classroomId_teacherId: { classroomId: context.classroomId, teacherId: linked.user.id } }, select: { id: true } }))) {
        await addClassTeacher(prisma, context.classroomId, linked.user.id, "LTI");
        report.coTeachersAdded.push({ id: linked.user.id, name: linked.user.name });
      }
      continue;
    }
    const account = await accountFor(platformId, { sub: member.sub, name: member.name, email: member.email, role: "STUDENT" }, now, "roster");
    if (!account.ok) {
      report.roleMismatch.push(member.name);
      continue;
    }
    learners.add(account.userId);
    const enrolled = await enrollStudent(context.classroomId, account.userId);
    const person = { id: account.userId, name: member.name };
    if (enrolled.status === "refused") report.blocked.push(person);
    else if (enrolled.status === "already") report.alreadyIn++;
    else report.enrolled.push(person);
  }
  const inClass = await prisma.enrollment.findMany({
    where: { classroomId: context.classroomId, removedAt: null },
    select: { student: { select: { id: true, name: true } } },
  });
  report.notInCourse = inClass.map((e) => e.student).filter((s) => !learners.has(s.id));
  for (const list of [report.enrolled, report.blocked, report.coTeachersAdded, report.notInCourse]) list.sort(byName);
  await prisma.ltiContext.update({ where: { id: context.id }, data: { rosterSyncedAt: now } });
  return { ok: true, report };
}

/** Of these students, those still active in the teacher's class, by name (the sync's list, as it stands now). */
export async function studentsStillInClass(classroomId: string, teacherId: string, studentIds: string[]): Promise<{ id: string; name: string }[]> {
  if (studentIds.length === 0) return [];
  const rows = await prisma.enrollment.findMany({
    where: { classroomId, classroom: taughtBy(teacherId), removedAt: null, studentId: { in: studentIds.slice(0, 10_000) } },
    select: { student: { select: { id: true, name: true } } },
  });
  return rows.map((r) => r.student).sort(byName);
}
