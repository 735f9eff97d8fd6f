// What an import will do to a class, worked out from the file's people and
// what the class already holds (pure; app/models/roster-import.server.ts
// gathers the facts). The preview shows it and "Import" does it.
//
// The preview must not tell a teacher whether an email has an account
// anywhere else in Rebound: a new person and someone with an account both
// "will be enrolled". It does say what the teacher may know anyway: who is in
// their class already, who they blocked, and that an email cannot be used for
// a student (it belongs to a teacher's account) — no more than that.
import { ROSTER_LIMITS } from "./limits";
import { externalKey, externalSource } from "./sources";
import type { Roster, RosterPerson } from "./types";

/** What the class knows of a person the file names (found by sourcedId, then email). */
export interface KnownPerson {
  userId: string;
  role: "TEACHER" | "STUDENT";
  /** Their enrolment in this class: null when they have none. */
  enrolment: null | { removed: boolean; blocked: boolean };
  /** For a teacher account: whether they teach this class already. */
  teachesClass?: boolean;
  /** Their name in Rebound, for a student of this class (a removal a delta file names by sourcedId alone). */
  name?: string;
}

export interface PlanFacts {
  /** The person a row stands for, or undefined when nobody in Rebound is found for it. */
  find: (person: RosterPerson) => KnownPerson | undefined;
  /** Students in the class now who came from a OneRoster export (for a bulk file): their sourcedId and where it is kept, name and email. */
  sourceMembers: { userId: string; source: string; sourcedId: string; name: string; email: string }[];
}

export interface PlannedRow {
  /** The person's place in the list planned (chosenPeople's order). */
  index: number;
  where: string;
  name: string;
  email: string;
  studentNumber?: string;
}

export interface RosterPlan {
  /** New to the class (or back after being removed, unblocked): will be enrolled. */
  enrol: PlannedRow[];
  already: PlannedRow[];
  /** Removed and blocked by a teacher of the class: they stay out. */
  blocked: PlannedRow[];
  /** `tobedeleted` and in the class now: removed, their work kept. */
  remove: PlannedRow[];
  invalid: (PlannedRow & { why: string })[];
  /** Teacher enrolments of the chosen OneRoster classes: added as co-teachers when they have a Rebound teacher account. */
  teachers: PlannedRow[];
  /** In the class from this source, but not in the (bulk) file: listed for the teacher to confirm, never removed without it. */
  missing: { userId: string; name: string; email: string }[];
}

const row = (p: RosterPerson, index: number): PlannedRow => ({ index, where: p.where, name: p.name, email: p.email, ...(p.studentNumber ? { studentNumber: p.studentNumber } : {}) });

/** The file's people for this class: a CSV's rows, or the members of the chosen OneRoster classes (each person once). */
export function chosenPeople(roster: Roster, classIds: readonly string[]): RosterPerson[] {
  if (roster.format === "csv") return roster.people;
  const picked = roster.classes.filter((c) => classIds.includes(c.sourcedId));
  const bySourcedId = new Map<string, RosterPerson>();
  for (const member of picked.flatMap((c) => c.members)) {
    const key = `${member.role}:${member.sourcedId ?? member.email}`;
    const earlier = bySourcedId.get(key);
    // In one chosen class and leaving another: they stay.
    if (!earlier || (earlier.remove && !member.remove)) bySourcedId.set(key, member);
  }
  // Two people with one email: the second cannot have it too.
  const emails = new Map<string, string>();
  return [...bySourcedId.values()].map((p) => {
    if (p.problem || p.remove || !p.email) return p;
    const first = emails.get(p.email);
    if (first) return { ...p, problem: `The same email as ${first}.` };
    emails.set(p.email, p.where);
    return p;
  });
}

export const TEACHER_EMAIL = "This email can't be used for a student.";

export function planRoster(people: RosterPerson[], facts: PlanFacts, { bulk }: { bulk: boolean }): RosterPlan {
  const plan: RosterPlan = { enrol: [], already: [], blocked: [], remove: [], invalid: [], teachers: [], missing: [] };
  const seen = new Set<string>();
  for (const [i, person] of people.entries()) {
    const known = facts.find(person);
    if (known) seen.add(known.userId);
    if (person.role === "teacher") {
      if (!person.remove && !known?.teachesClass && !person.problem) plan.teachers.push(row(person, i));
      continue;
    }
    if (person.remove) {
      if (known?.role === "STUDENT" && known.enrolment && !known.enrolment.removed) plan.remove.push(row({ ...person, name: known.name ?? person.name }, i));
      continue;
    }
    if (person.problem) plan.invalid.push({ ...row(person, i), why: person.problem });
    else if (known?.role === "TEACHER") plan.invalid.push({ ...row(person, i), why: TEACHER_EMAIL });
    else if (known?.enrolment?.blocked) plan.blocked.push(row(person, i));
    else if (known?.enrolment && !known.enrolment.removed) plan.already.push(row(person, i));
    else plan.enrol.push(row(person, i));
  }
  if (bulk) {
    const inFile = new Set(people.filter((p) => p.role === "student" && !p.remove && p.sourcedId).map((p) => externalKey(externalSource(p), p.sourcedId!)));
    plan.missing = facts.sourceMembers.filter((m) => !seen.has(m.userId) && !inFile.has(externalKey(m.source, m.sourcedId))).map(({ userId, name, email }) => ({ userId, name, email }));
  }
  return plan;
}

/** Whether a plan is within what one import may do. */
export function tooManyPeople(plan: RosterPlan): string | null {
  const n = plan.enrol.length + plan.already.length + plan.blocked.length + plan.invalid.length;
  return n > ROSTER_LIMITS.people ? `This brings in ${n.toLocaleString("en-GB")} people; one import takes at most ${ROSTER_LIMITS.people.toLocaleString("en-GB")}. Choose fewer classes.` : null;
}
