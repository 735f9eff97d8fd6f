// Where a roster person's OneRoster sourcedId is kept (ExternalIdentity.source,
// decision 024). A sourcedId is unique only within the student information
// system that made it, and one Rebound server may take exports from several
// school systems: the id is kept per school, as "oneroster:<the school's org
// sourcedId>", so the same id from another system never finds this person.
import type { RosterPerson } from "./types";

/** The source of ids kept before they were scoped per school (and of a person whose roster names no school). */
export const ONEROSTER = "oneroster";

/** The source a person's sourcedId is kept under: their school's, or the unscoped one when the roster names no school. */
export function externalSource(person: Pick<RosterPerson, "system">): string {
  return person.system ? `${ONEROSTER}:${person.system}` : ONEROSTER;
}

/** Whether a kept id came from a OneRoster export (scoped or not). */
export function isOneRosterSource(source: string): boolean {
  return source === ONEROSTER || source.startsWith(`${ONEROSTER}:`);
}

/** The school a source names, or null for the unscoped source. */
export function schoolOfSource(source: string): string | null {
  return source.startsWith(`${ONEROSTER}:`) ? source.slice(ONEROSTER.length + 1) : null;
}

/** One key for an id and the source it is kept under. */
export const externalKey = (source: string, externalId: string) => `${source}\n${externalId}`;
