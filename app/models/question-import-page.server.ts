// What the two import pages (into a project, into a new project of a class)
// do with a request: read the file (or pasted text) within the limits and the
// rate limit, keep the preview, import it, or discard it. The target comes
// from the page's ownership guard; every step keeps the teacher in the query.
import { data, redirect } from "@remix-run/node";
import { checkLimits, countTry, tooManyTries } from "~/auth/rate-limit.server";
import { IMPORT_LIMITS } from "~/domain/question-import/limits";
import { commitPendingImport, discardPendingImport, keepPendingImport, readAndPlan, type ImportTarget } from "~/models/question-import.server";
import { readUpload } from "~/utils/form.server";
import { paths } from "~/utils/paths";
import { IMPORT_FIELDS } from "~/schemas/question-import";


export interface ImportActionResult {
  ok: false;
  message: string;
  /** Where in the file it went wrong, for a file that cannot be imported at all. */
  where?: string;
}

/** `previewPath` is the page itself with `?pending=<id>`; `done` where an import lands. */
export async function importAction(request: Request, target: ImportTarget, previewPath: (pending?: string) => string) {
  const { form, file } = await readUpload(request, { fileField: IMPORT_FIELDS.file, maxFileBytes: IMPORT_LIMITS.uploadBytes });
  const intent = String(form.get("intent") ?? "");
  const fail = (result: Omit<ImportActionResult, "ok">, status = 400) => data<ImportActionResult>({ ok: false, ...result }, { status });
  if (intent === "read") {
    const allowed = await checkLimits([["IMPORT_TEACHER", target.teacherId]]);
    if (!allowed.ok) {
      const refusal = tooManyTries(allowed.retryAfterSeconds, "files read");
      return data<ImportActionResult>({ ok: false, message: refusal.message }, { status: 429, headers: refusal.headers });
    }
    const pasted = String(form.get(IMPORT_FIELDS.pasted) ?? "");
    const source = file ?? (pasted.trim() ? { name: String(form.get("pastedName") ?? "pasted.txt").slice(0, 100) || "pasted.txt", bytes: new TextEncoder().encode(pasted) } : null);
    if (!source) return fail({ message: "Choose a file to import, or paste the questions' text." });
    await countTry([["IMPORT_TEACHER", target.teacherId]]);
    const read = readAndPlan(source.name, source.bytes);
    if (!read.ok) return fail({ message: read.why, where: read.where });
    if (read.plan.checkpoints.length === 0) {
      const reasons = read.plan.skipped.slice(0, 3).map((s) => `${s.where}: ${s.why}`).join(" ");
      return fail({ message: `Nothing in this file can become a checkpoint yet. ${reasons}`.trim() });
    }
    const id = await keepPendingImport(target, source.name, read.plan);
    if (!id) return fail({ message: "This class can't take an import: it may have been archived." }, 404);
    return redirect(previewPath(id));
  }
  const pendingId = String(form.get(IMPORT_FIELDS.pendingId) ?? "");
  if (intent === "import") {
    const outcome = await commitPendingImport(target, pendingId, { projectTitle: String(form.get(IMPORT_FIELDS.projectTitle) ?? "") || undefined });
    if (!outcome.ok) return fail({ message: "This preview has ended (it lasts a day, and goes once imported or discarded). Send the file again to see it afresh." }, 404);
    return redirect(`${paths.teacherProject(outcome.projectId)}?imported=${outcome.checkpoints}`);
  }
  if (intent === "discard") {
    await discardPendingImport(target, pendingId);
    return redirect(previewPath());
  }
  return fail({ message: "We didn't understand that request." });
}
