import { paths } from "~/utils/paths";

/**
 * Who someone is in Rebound. A site administrator (decision 023) runs the
 * installation (registers the school's LMS for LTI); they teach no class and
 * take no project. The first one is made from the command line
 * (`npm run admin:create -- EMAIL`); nobody can sign up as one.
 */
export const ROLES = ["TEACHER", "STUDENT", "SITE_ADMIN"] as const;
export type Role = (typeof ROLES)[number];

export function homePathFor(role: Role): string {
  if (role === "SITE_ADMIN") return paths.adminLti();
  return role === "TEACHER" ? paths.teacherHome() : paths.studentHome();
}

/** The role in words: as a label ("Teacher"), in running text ("teacher"), and the home link's name. */
export const ROLE_WORDS: Record<Role, { label: string; lower: string; home: string }> = {
  TEACHER: { label: "Teacher", lower: "teacher", home: "My classes" },
  STUDENT: { label: "Student", lower: "student", home: "My classes and projects" },
  SITE_ADMIN: { label: "Site administrator", lower: "site administrator", home: "Site administration" },
};

/** The role's words for a stored role string (an unknown one reads as a student's, the least privileged). */
export function roleWords(role: string) {
  return ROLE_WORDS[(ROLES as readonly string[]).includes(role) ? (role as Role) : "STUDENT"];
}
