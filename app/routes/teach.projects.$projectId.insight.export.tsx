// CSV downloads of the insight report (a resource route: no page, only the file).
// ?kind=students → one row per student × misconception; ?kind=checkpoints → the
// per-checkpoint answer distributions. The students CSV holds names and emails;
// &email=leave-out leaves the emails out.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { checkpointDistributionTable, exportFilename, parseExportKind, studentMisconceptionTable, toCsv } from "~/domain/insight/view-export";
import { NOT_FOUND } from "~/domain/labels";
import { loadInsight } from "~/models/insight-pages.server";
import { requireTeacherProject } from "~/models/project.server";
import { notFound } from "~/utils/http.server";
import { LEAVE_OUT_EMAIL } from "~/utils/paths";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { project } = await requireTeacherProject(request, params);
  const search = new URL(request.url).searchParams;
  const kind = parseExportKind(search.get("kind"));
  if (!kind) throw new Response('Choose what to export: add ?kind=students or ?kind=checkpoints to the address.', { status: 400 });
  const bundle = await loadInsight(project, { textGroups: kind === "checkpoints" });
  if (!bundle) notFound(NOT_FOUND.teacherProject);
  const withEmail = search.get("email") !== LEAVE_OUT_EMAIL;
  const table = kind === "students" ? studentMisconceptionTable(bundle.prepared, { withEmail }) : checkpointDistributionTable(bundle.report, bundle.prepared);
  const filename = exportFilename(project.title, kind, new Date());
  return new Response(toCsv(table), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
