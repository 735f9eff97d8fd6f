// What the teacher's failure-session page polls (decision 019): a version
// string read from the database, which changes with anything in the project's
// current session. No data beyond it; never cached.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { teacherVersion } from "~/models/failure-session.server";
import { requireTeacherProject } from "~/models/project.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { project } = await requireTeacherProject(request, params);
  return Response.json({ version: await teacherVersion(project) }, { headers: { "Cache-Control": "no-store" } });
}
