// Importing a roster into a class (issue 11, decision 024): a CSV of names and
// emails, or a OneRoster export, read (app/domain/roster-import), kept on the
// server as a PendingRoster for the preview, and imported in one transaction —
// accounts made for new people (no password until their set-up code is
// used), everyone enrolled through enrollStudent (so a teacher's block holds),
// OneRoster sourcedIds remembered, removals that keep work, co-teachers added —
// so a file is imported whole or not at all. The class's teachers are in the
// `where` of every query; another teacher's pending roster is not found.
import { NO_PASSWORD_YET } from "~/auth/password.server";
import { prisma } from "~/db.server";
import type { Prisma } from "~/generated/prisma/client";
import { ROSTER_LIMITS } from "~/domain/roster-import/limits";
import { chosenPeople, planRoster, tooManyPeople, type KnownPerson, type PlannedRow, type RosterPlan } from "~/domain/roster-import/plan";
import { readRosterFile } from "~/domain/roster-import/read";
import { ONEROSTER, externalKey, externalSource } from "~/domain/roster-import/sources";
import type { RosterReport } from "~/domain/roster-import/report";
import { RosterFileError, type Roster, type RosterIssue, type RosterPerson } from "~/domain/roster-import/types";
import { taughtBy } from "~/models/class-teachers.server";
import { enrollStudent, removeStudent } from "~/models/classroom.server";
import { isUniqueViolation } from "~/utils/prisma-errors.server";

type Db = Prisma.TransactionClient | typeof prisma;

export interface RosterTarget {
  teacherId: string;
  classroomId: string;
}

export type RosterReadResult = { ok: true; roster: Roster } | { ok: false; issues: RosterIssue[] };

export function readRoster(fileName: string, bytes: Uint8Array): RosterReadResult {
  try {
    return { ok: true, roster: readRosterFile(fileName, bytes) };
  } catch (error) {
    if (error instanceof RosterFileError) return { ok: false, issues: error.issues };
    throw error;
  }
}

const pendingWhere = (t: RosterTarget) => ({ classroomId: t.classroomId, classroom: { ...taughtBy(t.teacherId), archivedAt: null } });

/** Keeps a roster for its preview; null when the class is not the teacher's (or archived). */
export async function keepPendingRoster(target: RosterTarget, fileName: string, roster: Roster): Promise<string | null> {
  const classroom = await prisma.classroom.findFirst({ where: { id: target.classroomId, ...taughtBy(target.teacherId), archivedAt: null }, select: { id: true } });
  if (!classroom) return null;
  const now = new Date();
  // A class has one roster preview at a time; those past their time go too.
  await prisma.pendingRoster.deleteMany({ where: { OR: [{ expiresAt: { lt: now } }, { classroomId: classroom.id }] } });
  const pending = await prisma.pendingRoster.create({
    data: { classroomId: classroom.id, fileName: fileName.slice(0, 200), format: roster.format, roster: JSON.stringify(roster), expiresAt: new Date(now.getTime() + ROSTER_LIMITS.pendingHours * 3_600_000) },
    select: { id: true },
  });
  return pending.id;
}

export interface PendingRosterView {
  id: string;
  fileName: string;
  roster: Roster;
}

export async function findPendingRoster(target: RosterTarget, pendingId: string): Promise<PendingRosterView | null> {
  const pending = await prisma.pendingRoster.findFirst({ where: { id: pendingId, ...pendingWhere(target), expiresAt: { gt: new Date() } }, select: { id: true, fileName: true, roster: true } });
  return pending ? { id: pending.id, fileName: pending.fileName, roster: JSON.parse(pending.roster) as Roster } : null;
}

export async function discardPendingRoster(target: RosterTarget, pendingId: string): Promise<boolean> {
  return (await prisma.pendingRoster.deleteMany({ where: { id: pendingId, ...pendingWhere(target) } })).count > 0;
}

interface Account {
  id: string;
  role: string;
  name: string;
  passwordHash: string;
}

/** Any OneRoster source, scoped per school or the unscoped one of ids kept before (decision 024). */
const ONEROSTER_SOURCES = { OR: [{ source: ONEROSTER }, { source: { startsWith: `${ONEROSTER}:` } }] };

/**
 * What the database knows of the file's people, for this class: found by
 * sourcedId first — under their school's source only, so another school
 * system's same id finds nobody (decision 024) — then by email.
 */
async function gatherFacts(db: Db, classroomId: string, people: RosterPerson[]) {
  const idsBySource = new Map<string, Set<string>>();
  for (const p of people) if (p.sourcedId) idsBySource.set(externalSource(p), (idsBySource.get(externalSource(p)) ?? new Set()).add(p.sourcedId));
  const emails = [...new Set(people.flatMap((p) => (p.email ? [p.email] : [])))];
  const accountSelect = { id: true, role: true, name: true, passwordHash: true } as const;
  const [identities, byEmail, sourceRows] = await Promise.all([
    idsBySource.size
      ? db.externalIdentity.findMany({
          where: { OR: [...idsBySource].map(([source, ids]) => ({ source, externalId: { in: [...ids] } })) },
          select: { source: true, externalId: true, user: { select: accountSelect } },
        })
      : [],
    emails.length ? db.user.findMany({ where: { email: { in: emails } }, select: { ...accountSelect, email: true } }) : [],
    // Students in the class now who came with a OneRoster id (for "missing from a bulk file").
    db.enrollment.findMany({
      where: { classroomId, removedAt: null, student: { externalIdentities: { some: ONEROSTER_SOURCES } } },
      select: { student: { select: { id: true, name: true, email: true, externalIdentities: { where: ONEROSTER_SOURCES, select: { source: true, externalId: true } } } } },
    }),
  ]);
  const bySourcedId = new Map<string, Account>(identities.map((i) => [externalKey(i.source, i.externalId), i.user]));
  const byAddress = new Map<string, Account>(byEmail.map((u) => [u.email, u]));
  const accountOf = (p: RosterPerson): Account | undefined => (p.sourcedId ? bySourcedId.get(externalKey(externalSource(p), p.sourcedId)) : undefined) ?? (p.email ? byAddress.get(p.email) : undefined);
  const ids = [...new Set([...bySourcedId.values(), ...byAddress.values()].map((a) => a.id))];
  const [enrolments, teaching] = await Promise.all([
    ids.length ? db.enrollment.findMany({ where: { classroomId, studentId: { in: ids } }, select: { studentId: true, removedAt: true, blockedAt: true } }) : [],
    ids.length ? db.classTeacher.findMany({ where: { classroomId, teacherId: { in: ids } }, select: { teacherId: true } }) : [],
  ]);
  const enrolmentOf = new Map(enrolments.map((e) => [e.studentId, { removed: e.removedAt !== null, blocked: e.blockedAt !== null }]));
  const teaches = new Set(teaching.map((t) => t.teacherId));
  const find = (p: RosterPerson): KnownPerson | undefined => {
    const account = accountOf(p);
    if (!account) return undefined;
    // Any account that is not a student's (a teacher, a site administrator) is never enrolled as one.
    return { userId: account.id, role: account.role === "STUDENT" ? "STUDENT" : "TEACHER", enrolment: enrolmentOf.get(account.id) ?? null, teachesClass: teaches.has(account.id), name: account.name };
  };
  const sourceMembers = sourceRows.flatMap((r) => r.student.externalIdentities.map((i) => ({ userId: r.student.id, source: i.source, sourcedId: i.externalId, name: r.student.name, email: r.student.email })));
  return { find, accountOf, sourceMembers };
}

export interface RosterPreview {
  plan: RosterPlan;
  /** Why the import cannot go ahead as chosen (too many people), or null. */
  refusal: string | null;
}

/** What importing would do now, for the chosen OneRoster classes (ignored for a CSV). */
export async function previewRoster(target: RosterTarget, roster: Roster, classIds: readonly string[]): Promise<RosterPreview> {
  const people = chosenPeople(roster, classIds);
  const facts = await gatherFacts(prisma, target.classroomId, people);
  const plan = planRoster(people, facts, { bulk: roster.bulk });
  return { plan, refusal: tooManyPeople(plan) };
}

/**
 * "taken": someone else (another import, a sign-up, an LMS launch) made an
 * account or kept an id this import was about to, at the same moment; nothing
 * was imported, and a fresh look at the preview shows what is there now.
 */
export type RosterOutcome = { ok: true; report: RosterReport } | { ok: false; reason: "not-found" | "too-many" | "taken"; message?: string };

/** Undoes an import's transaction when it is refused: the refusal leaves everything as it was, the pending roster too. */
class ImportRefused extends Error {
  constructor(readonly outcome: RosterOutcome) {
    super("The import was refused.");
  }
}

/** A large class is a few thousand rows: more than Prisma's 5-second default. */
const ROSTER_TRANSACTION = { timeout: 300_000, maxWait: 30_000 } as const;

/**
 * Imports a pending roster: the chosen OneRoster classes (none for a CSV),
 * and the missing students the teacher confirmed to remove. The pending
 * roster is deleted in the same transaction (two clicks import once). A
 * refusal (too many people, a class no longer the teacher's, an account or id
 * someone else made at the same moment) rolls everything back, the deletion
 * too: the preview stays for the teacher to choose again.
 */
export async function commitPendingRoster(target: RosterTarget, pendingId: string, choice: { classIds: readonly string[]; removeMissing: readonly string[] }): Promise<RosterOutcome> {
  try {
    return await prisma.$transaction(async (tx) => {
      const pending = await tx.pendingRoster.findFirst({ where: { id: pendingId, ...pendingWhere(target), expiresAt: { gt: new Date() } }, select: { id: true, fileName: true, roster: true } });
      if (!pending) return { ok: false, reason: "not-found" } as const;
      const deleted = await tx.pendingRoster.deleteMany({ where: { id: pending.id } });
      if (deleted.count !== 1) return { ok: false, reason: "not-found" } as const;
      const outcome = await saveWithin(tx, target, pending.fileName, JSON.parse(pending.roster) as Roster, choice);
      if (!outcome.ok) throw new ImportRefused(outcome);
      return outcome;
    }, ROSTER_TRANSACTION);
  } catch (error) {
    return refusedOutcome(error);
  }
}

/** A refusal's outcome (the transaction is rolled back by then); any other failure goes on up. */
function refusedOutcome(error: unknown): RosterOutcome {
  if (error instanceof ImportRefused) return error.outcome;
  // Two imports (or an import and a sign-up) making the same new email or sourcedId at once: the second is refused.
  if (isUniqueViolation(error)) return { ok: false, reason: "taken" };
  throw error;
}

/** Reads and imports a file in one go (the command line): nothing changes when the file cannot be read. */
export async function importRosterFile(target: RosterTarget, fileName: string, bytes: Uint8Array, choice: { classIds: readonly string[]; removeMissing?: readonly string[] }): Promise<{ read: RosterReadResult; outcome: RosterOutcome | null }> {
  const read = readRoster(fileName, bytes);
  if (!read.ok) return { read, outcome: null };
  try {
    const outcome = await prisma.$transaction(async (tx) => {
      const outcome = await saveWithin(tx, target, fileName, read.roster, { classIds: choice.classIds, removeMissing: choice.removeMissing ?? [] });
      if (!outcome.ok) throw new ImportRefused(outcome);
      return outcome;
    }, ROSTER_TRANSACTION);
    return { read, outcome };
  } catch (error) {
    return { read, outcome: refusedOutcome(error) };
  }
}

async function saveWithin(tx: Prisma.TransactionClient, target: RosterTarget, fileName: string, roster: Roster, choice: { classIds: readonly string[]; removeMissing: readonly string[] }): Promise<RosterOutcome> {
  const classroom = await tx.classroom.findFirst({ where: { id: target.classroomId, ...taughtBy(target.teacherId), archivedAt: null }, select: { id: true } });
  if (!classroom) return { ok: false, reason: "not-found" };
  // Planned again inside the transaction: the class may have changed since the preview.
  const people = chosenPeople(roster, choice.classIds);
  const facts = await gatherFacts(tx, classroom.id, people);
  const plan = planRoster(people, facts, { bulk: roster.bulk });
  const tooMany = tooManyPeople(plan);
  if (tooMany) return { ok: false, reason: "too-many", message: tooMany };

  const report: RosterReport = { fileName, enrolled: [], already: plan.already, blocked: [...plan.blocked], removed: [], invalid: plan.invalid, teachersToInvite: [], stillMissing: [], needCodes: 0 };
  const personOf = (r: PlannedRow) => people[r.index];

  for (const row of plan.enrol) {
    const person = personOf(row)!;
    let account = facts.accountOf(person);
    // Only an account this import makes is "new": any account that was there already — with a password or
    // not yet (another teacher's import, an LMS launch) — is its owner's, and no set-up code may be given for it here.
    let created = false;
    if (!account) {
      account = await tx.user.create({ data: { email: person.email, name: person.name, role: "STUDENT", passwordHash: NO_PASSWORD_YET }, select: { id: true, role: true, name: true, passwordHash: true } });
      created = true;
    }
    if (person.sourcedId) await remember(tx, account.id, externalSource(person), person.sourcedId);
    const result = await enrollStudent(classroom.id, account.id, { db: tx, addedBy: created ? "ROSTER_NEW" : "ROSTER_EXISTING" });
    if (result.status === "refused") report.blocked.push(row);
    else report.enrolled.push(row);
  }
  for (const row of plan.remove) {
    const known = facts.find(personOf(row)!);
    if (known && (await removeStudent({ classroomId: classroom.id, teacherId: target.teacherId, studentId: known.userId, block: false }, tx))) report.removed.push(row);
  }
  const confirmed = new Set(choice.removeMissing);
  for (const missing of plan.missing) {
    if (confirmed.has(missing.userId) && (await removeStudent({ classroomId: classroom.id, teacherId: target.teacherId, studentId: missing.userId, block: false }, tx))) {
      report.removed.push({ index: -1, where: "not in the file", name: missing.name, email: missing.email });
    } else report.stillMissing.push(missing);
  }
  // Teachers in the file are never added: that would hand a colleague's account a class without their consent, and
  // tell the importer which emails have teacher accounts (decision 021). They are listed, with the same words for
  // everyone, to be invited from the Teachers page.
  for (const row of plan.teachers) report.teachersToInvite.push(row);
  report.needCodes = await tx.enrollment.count({ where: { classroomId: classroom.id, removedAt: null, student: { passwordHash: NO_PASSWORD_YET } } });
  return { ok: true, report };
}

/** Keeps a person's OneRoster sourcedId under their school, unless they have one there already (the first one found stays theirs). */
async function remember(tx: Prisma.TransactionClient, userId: string, source: string, sourcedId: string) {
  const existing = await tx.externalIdentity.findFirst({ where: { OR: [{ userId, source }, { source, externalId: sourcedId }] }, select: { id: true } });
  if (!existing) await tx.externalIdentity.create({ data: { userId, source, externalId: sourcedId } });
}

/** Pending rosters past their time (run with the session purge). */
export async function purgeExpiredRosters(now = new Date()): Promise<number> {
  return (await prisma.pendingRoster.deleteMany({ where: { expiresAt: { lt: now } } })).count;
}
