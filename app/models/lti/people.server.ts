// People and courses from an LMS (decision 023). A person is their platform
// and `sub` (LtiIdentity), never their email: a launch or a roster sync
// whose email belongs to an existing Rebound account makes a separate account
// (with an address of its own) instead of signing in to that one, so no LMS
// can take over an account by claiming its email. An LMS course (context) is
// one Rebound class: made on the first instructor's launch; other instructors
// become co-teachers (decision 021) and learners are enrolled through the one
// way into a class (enrollStudent), so a teacher's block holds.
import { createHash, randomBytes } from "node:crypto";
import { prisma } from "~/db.server";
import type { LtiRole } from "~/domain/lti/claims";
import { addClassTeacher } from "~/models/class-teachers.server";
import { createClassroom, enrollStudent } from "~/models/classroom.server";
import { isUniqueViolation } from "~/utils/prisma-errors.server";

/** No password opens an account made from an LMS; a set-up code can give it one later. */
const LMS_ONLY_PASSWORD = "!lms-only";

export type Person = { sub: string; name: string; email: string | null; role: LtiRole };
export type AccountResult = { ok: true; userId: string; created: boolean } | { ok: false; reason: "role-mismatch" };

/** An address for an account whose LMS email is missing or already someone else's: unique, and never deliverable. */
function ownAddress(platformId: string, sub: string): string {
  const tag = createHash("sha256").update(`${platformId}\n${sub}`).digest("hex").slice(0, 16);
  return `lms-${tag}-${randomBytes(3).toString("hex")}@lms.rebound.invalid`;
}

/**
 * The Rebound account of this person of this platform: the one linked
 * already, or a new one. An account keeps its role: a linked student account
 * launched as an instructor is refused rather than made a teacher.
 */
export async function accountFor(platformId: string, person: Person, now = new Date(), how: "launch" | "roster" = "launch"): Promise<AccountResult> {
  for (let round = 0; round < 3; round++) {
    const linked = await prisma.ltiIdentity.findUnique({
      where: { platformId_sub: { platformId, sub: person.sub } },
      select: { id: true, user: { select: { id: true, role: true } } },
    });
    if (linked) {
      if (linked.user.role !== person.role) return { ok: false, reason: "role-mismatch" };
      // A roster sync is not a launch: only a launch says when the person last came in.
      if (how === "launch") await prisma.ltiIdentity.update({ where: { id: linked.id }, data: { lastLaunchAt: now } });
      return { ok: true, userId: linked.user.id, created: false };
    }
    const emailFree = person.email ? (await prisma.user.count({ where: { email: person.email } })) === 0 : false;
    try {
      const user = await prisma.user.create({
        data: {
          name: person.name,
          email: emailFree && person.email ? person.email : ownAddress(platformId, person.sub),
          role: person.role,
          passwordHash: LMS_ONLY_PASSWORD,
          ltiIdentities: { create: { platformId, sub: person.sub, createdAt: now, lastLaunchAt: now } },
        },
        select: { id: true },
      });
      return { ok: true, userId: user.id, created: true };
    } catch (error) {
      // Someone took the email, or the same person launched twice at once: look again.
      if (!isUniqueViolation(error)) throw error;
      person = { ...person, email: null };
    }
  }
  throw new Error("Could not link an LMS account after three tries.");
}

export type CourseClaims = {
  context: { id: string; title: string };
  deploymentId: string;
  membershipsUrl: string | null;
  lineItemsUrl: string | null;
  agsScopes: string[];
};

export type CourseResult = { ok: true; ltiContextId: string; classroomId: string } | { ok: false; reason: "no-class-yet" | "not-enrolled" };

/**
 * The class of this LMS course for this person: made by the first instructor
 * to launch (they teach it); later instructors are added as co-teachers,
 * learners enrolled. The course's service addresses are refreshed each time.
 */
export async function classFor(platformId: string, course: CourseClaims, userId: string, role: LtiRole): Promise<CourseResult> {
  const services = { membershipsUrl: course.membershipsUrl, lineItemsUrl: course.lineItemsUrl, agsScopes: course.agsScopes.join(" "), deploymentId: course.deploymentId };
  let context = await prisma.ltiContext.findUnique({
    where: { platformId_contextId: { platformId, contextId: course.context.id } },
    select: { id: true, classroomId: true },
  });
  if (!context) {
    if (role !== "TEACHER") return { ok: false, reason: "no-class-yet" };
    const classroom = await createClassroom(userId, course.context.title);
    await prisma.classTeacher.updateMany({ where: { classroomId: classroom.id, teacherId: userId }, data: { source: "LTI" } });
    try {
      context = await prisma.ltiContext.create({
        data: { platformId, contextId: course.context.id, title: course.context.title, classroomId: classroom.id, ...services },
        select: { id: true, classroomId: true },
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // Two instructors' first launches at once: the other class stands; this one is removed unused.
      await prisma.classTeacher.deleteMany({ where: { classroomId: classroom.id } });
      await prisma.classroom.delete({ where: { id: classroom.id } });
      context = await prisma.ltiContext.findUniqueOrThrow({ where: { platformId_contextId: { platformId, contextId: course.context.id } }, select: { id: true, classroomId: true } });
    }
  } else {
    await prisma.ltiContext.update({ where: { id: context.id }, data: { title: course.context.title, ...services } });
  }
  if (role === "TEACHER") {
    await addClassTeacher(prisma, context.classroomId, userId, "LTI");
  } else {
    const enrolled = await enrollStudent(context.classroomId, userId);
    if (enrolled.status === "refused") return { ok: false, reason: "not-enrolled" };
  }
  return { ok: true, ltiContextId: context.id, classroomId: context.classroomId };
}
