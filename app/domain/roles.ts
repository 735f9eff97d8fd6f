import { paths } from "~/utils/paths";

export const ROLES = ["TEACHER", "STUDENT"] as const;
export type Role = (typeof ROLES)[number];

export function homePathFor(role: Role): string {
  return role === "TEACHER" ? paths.teacherHome() : paths.studentHome();
}
