// What a student's failure-session board polls (decision 019): a version
// string read from the database that changes when the board or the student's
// own posts change — not when a classmate's post is waiting for the teacher.
// Nothing else is in it; never cached.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { studentVersion } from "~/models/failure-session.server";
import { requireStudentProject } from "~/models/project.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { student, project } = await requireStudentProject(request, params);
  return Response.json({ version: await studentVersion(project, student.id) }, { headers: { "Cache-Control": "no-store" } });
}
