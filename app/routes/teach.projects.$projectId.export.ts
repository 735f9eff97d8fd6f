// The project as a file (issue 11, decision 022), a resource route: ?format=json
// gives the Rebound project file (everything a teacher built, for another
// class or another teacher), ?format=gift the checkpoints as Moodle GIFT,
// ?format=qti a QTI 3.0 package. Only the project's teachers get it; never
// cached, as the other downloads.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { PROJECT_EXPORTS, parseProjectExportFormat } from "~/domain/project-export/formats";
import { toGift } from "~/domain/project-export/gift";
import { projectFileText } from "~/domain/project-export/project-file";
import { toQtiPackage } from "~/domain/project-export/qti";
import { exportFileName } from "~/domain/project-export/snapshot";
import { loadProjectSnapshot } from "~/models/project-export.server";
import { requireTeacherProject } from "~/models/project.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { project } = await requireTeacherProject(request, params);
  const format = parseProjectExportFormat(new URL(request.url).searchParams.get("format"));
  if (!format) throw new Response("Choose a format: add ?format=json, ?format=gift or ?format=qti to the address.", { status: 400 });
  const snapshot = await loadProjectSnapshot(project);
  const body = format === "json" ? projectFileText(snapshot, new Date()) : format === "gift" ? toGift(snapshot) : new Uint8Array(toQtiPackage(snapshot));
  const { extension, contentType } = PROJECT_EXPORTS[format];
  const filename = exportFileName(project.title, format === "qti" ? "qti.zip" : extension);
  return new Response(body, {
    headers: {
      "Content-Type": contentType,
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
