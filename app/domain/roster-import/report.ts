// What an import did, in words: the same lines on the roster page and from
// `npm run import -- roster`, and the command's last JSON line (decision 024).
// New accounts and existing ones are counted together ("enrolled"), as the
// preview words them alike.
import { plural } from "~/domain/words";
import type { PlannedRow } from "./plan";

export interface RosterReport {
  fileName: string;
  enrolled: PlannedRow[];
  already: PlannedRow[];
  blocked: PlannedRow[];
  removed: PlannedRow[];
  invalid: (PlannedRow & { why: string })[];
  /** Teacher enrolments in the file: listed to invite from the Teachers page, never added (decision 021). */
  teachersToInvite: PlannedRow[];
  /** Missing from a bulk file and not confirmed: still in the class. */
  stillMissing: { userId: string; name: string; email: string }[];
  /** Students of the class without a password yet: they need a set-up code (the sign-in sheet). */
  needCodes: number;
}

export const BLOCKED_WHY = "A teacher of this class blocked this student from rejoining; they stay out until allowed back.";
export const TEACHER_TO_INVITE_WHY = "Teachers are not added from a file: invite them from the class's Teachers page (decision 021).";

export function reportLines(r: RosterReport): string[] {
  const lines = [`Enrolled ${plural(r.enrolled.length, "student")}; ${r.already.length} already in the class.`];
  if (r.removed.length) lines.push(`Removed ${plural(r.removed.length, "student")} (their work is kept): ${r.removed.map((p) => p.name).join(", ")}.`);
  for (const t of r.teachersToInvite) lines.push(`Teacher in the file: ${t.name} (${t.email || t.where}). ${TEACHER_TO_INVITE_WHY}`);
  for (const b of r.blocked) lines.push(`Stays out: ${b.name} (${b.email}). ${BLOCKED_WHY}`);
  for (const i of r.invalid) lines.push(`Not imported: ${i.where}${i.name ? ` (${i.name})` : ""}: ${i.why}`);
  if (r.stillMissing.length) lines.push(`Not in the file but still in the class, as you did not confirm removing them: ${r.stillMissing.map((m) => m.name).join(", ")}.`);
  if (r.needCodes) lines.push(`${plural(r.needCodes, "student")} of the class ${r.needCodes === 1 ? "has" : "have"} not chosen a password yet: print the sign-in sheet for their set-up codes.`);
  return lines;
}

/** The command's last line: {"imported": N, "skipped": N, "errors": [{"where", "why"}]}. */
export function reportJson(r: RosterReport) {
  const errors = [
    ...r.invalid.map((i) => ({ where: i.where, why: i.why })),
    ...r.blocked.map((b) => ({ where: b.where, why: BLOCKED_WHY })),
    ...r.teachersToInvite.map((t) => ({ where: t.where, why: TEACHER_TO_INVITE_WHY })),
  ];
  return { imported: r.enrolled.length, skipped: r.invalid.length + r.blocked.length, errors };
}
