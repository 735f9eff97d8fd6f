// A picture in one of the project's questions, for a student of the class (decision 020).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { NOT_FOUND } from "~/domain/labels";
import { requireStudentProject } from "~/models/project.server";
import { imageResponse } from "~/models/question-image.server";
import { notFound } from "~/utils/http.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { project } = await requireStudentProject(request, params);
  return (await imageResponse(project.id, params.imageId ?? "")) ?? notFound(NOT_FOUND.studentProject);
}
