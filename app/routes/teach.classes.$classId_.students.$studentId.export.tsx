// A zip of one student's work in the teacher's class (a resource route: only
// the file). ?email=leave-out leaves the student's email out (decision 012).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireTeacher } from "~/auth/session.server";
import { classStudentDownload, zipResponse } from "~/models/privacy.server";
import { notFound } from "~/utils/http.server";
import { LEAVE_OUT_EMAIL } from "~/utils/paths";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const teacher = await requireTeacher(request);
  const withEmail = new URL(request.url).searchParams.get("email") !== LEAVE_OUT_EMAIL;
  const download = await classStudentDownload({ teacherId: teacher.id, classroomId: params.classId ?? "", studentId: params.studentId ?? "", withEmail });
  if (!download) notFound("We couldn't find that student in your class.");
  return zipResponse(download);
}
