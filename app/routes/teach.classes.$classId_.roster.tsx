// Students from a roster file into the class (issue 11, decision 024): the
// upload form; the preview of the pending roster (?pending=<id>, and for a
// OneRoster zip the classes picked, ?class=…); "Import", which answers with
// what it did and the way to the sign-in sheet.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { checkLimits, countTry, tooManyTries } from "~/auth/rate-limit.server";
import { requireTeacher } from "~/auth/session.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { SubmitButton } from "~/components/form";
import { PlanSection, ROSTER_FIELDS, RosterUploadForm, SignInSheetLink } from "~/components/roster-import";
import { Card, Notice, PageHeader } from "~/components/ui";
import { NOT_FOUND } from "~/domain/labels";
import { ROSTER_LIMITS } from "~/domain/roster-import/limits";
import { TEACHER_EMAIL } from "~/domain/roster-import/plan";
import { BLOCKED_WHY, reportLines, type RosterReport } from "~/domain/roster-import/report";
import type { RosterIssue } from "~/domain/roster-import/types";
import { findTeacherClassroom } from "~/models/classroom.server";
import { commitPendingRoster, discardPendingRoster, findPendingRoster, keepPendingRoster, previewRoster, readRoster } from "~/models/roster-import.server";
import { keepsFormOnFailure } from "~/utils/action-failure.server";
import { readUpload } from "~/utils/form.server";
import { notFound } from "~/utils/http.server";
import { paths } from "~/utils/paths";
import { isSaveFailed } from "~/utils/save-failed";

/** What a refused "Import" says (the preview stays, but when it has ended). */
const IMPORT_REFUSED: Record<string, string> = {
  "not-found": "This preview has ended (it lasts a day, and goes once imported or discarded). Send the file again to see it afresh.",
  "too-many": "This brings in more people than one import takes. Choose fewer classes.",
  taken: "Someone else just added one of these people to Rebound (another import or a sign-up, at the same moment), so nothing was imported. Look at the preview again: it shows them as they are now, and Import then brings everyone in.",
};
const IMPORT_REFUSED_STATUS: Record<string, number> = { "not-found": 404, "too-many": 400, taken: 409 };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Import a roster · ${data?.classroom.name ?? "Class"} · Rebound` }];

async function requireClass(request: Request, classId: string | undefined) {
  const teacher = await requireTeacher(request);
  const classroom = await findTeacherClassroom(classId ?? "", teacher.id);
  if (!classroom) notFound(NOT_FOUND.classroom);
  return { teacher, classroom };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { teacher, classroom } = await requireClass(request, params.classId);
  const url = new URL(request.url);
  const pendingId = url.searchParams.get("pending");
  const target = { teacherId: teacher.id, classroomId: classroom.id };
  const pending = pendingId ? await findPendingRoster(target, pendingId) : null;
  const base = { classroom: { id: classroom.id, name: classroom.name }, pendingGone: Boolean(pendingId) && !pending };
  if (!pending) return { ...base, pending: null };
  const { roster } = pending;
  const known = new Set(roster.classes.map((c) => c.sourcedId));
  const chosen = url.searchParams.getAll("class").filter((c) => known.has(c));
  const preview = roster.format === "csv" || chosen.length ? await previewRoster(target, roster, chosen) : null;
  return {
    ...base,
    pending: {
      id: pending.id,
      fileName: pending.fileName,
      format: roster.format,
      version: roster.version ?? null,
      bulk: roster.bulk,
      notes: roster.notes,
      classes: roster.classes.map((c) => ({ sourcedId: c.sourcedId, title: c.title, classCode: c.classCode, course: c.course, students: c.members.filter((m) => m.role === "student" && !m.remove).length, teachers: c.members.filter((m) => m.role === "teacher" && !m.remove).length })),
      chosen,
      preview,
    },
  };
}

/** A refusal keeps the missing students the teacher ticked (`remove`), so the preview shown again still has them ticked. */
type ActionResult = { ok: false; message: string; issues?: RosterIssue[]; remove?: string[] } | { ok: true; report: RosterReport };

export const action = keepsFormOnFailure(async ({ request, params }: ActionFunctionArgs) => {
  const { teacher, classroom } = await requireClass(request, params.classId);
  const target = { teacherId: teacher.id, classroomId: classroom.id };
  const { form, file } = await readUpload(request, { fileField: ROSTER_FIELDS.file, maxFileBytes: ROSTER_LIMITS.uploadBytes });
  const intent = String(form.get("intent") ?? "");
  const remove = form.getAll(ROSTER_FIELDS.removeMissing).map(String);
  const fail = (message: string, status = 400, issues?: RosterIssue[]) => data<ActionResult>({ ok: false, message, ...(issues ? { issues } : {}), ...(remove.length ? { remove } : {}) }, { status });
  if (intent === "read") {
    const allowed = await checkLimits([["IMPORT_TEACHER", teacher.id]]);
    if (!allowed.ok) {
      const refusal = tooManyTries(allowed.retryAfterSeconds, "files read");
      return data<ActionResult>({ ok: false, message: refusal.message }, { status: 429, headers: refusal.headers });
    }
    const pasted = String(form.get(ROSTER_FIELDS.pasted) ?? "");
    const source = file ?? (pasted.trim() ? { name: "pasted.csv", bytes: new TextEncoder().encode(pasted) } : null);
    if (!source) return fail("Choose a roster file, or paste the CSV.");
    await countTry([["IMPORT_TEACHER", teacher.id]]);
    const read = readRoster(source.name, source.bytes);
    if (!read.ok) return fail(`Rebound can't use this file yet: fix ${read.issues.length === 1 ? "this" : "these"} and send it again.`, 400, read.issues);
    const id = await keepPendingRoster(target, source.name, read.roster);
    if (!id) return fail("This class can't take an import: it may have been archived.", 404);
    const only = read.roster.classes.length === 1 ? [read.roster.classes[0].sourcedId] : [];
    return redirect(paths.classRoster(classroom.id, id, only));
  }
  const pendingId = String(form.get(ROSTER_FIELDS.pendingId) ?? "");
  if (intent === "import") {
    const outcome = await commitPendingRoster(target, pendingId, { classIds: form.getAll(ROSTER_FIELDS.classIds).map(String), removeMissing: remove });
    if (!outcome.ok) return fail(outcome.message ?? IMPORT_REFUSED[outcome.reason], IMPORT_REFUSED_STATUS[outcome.reason]);
    return data<ActionResult>({ ok: true, report: outcome.report });
  }
  if (intent === "discard") {
    await discardPendingRoster(target, pendingId);
    return redirect(paths.classRoster(classroom.id));
  }
  return fail("We didn't understand that request.");
});

export default function ClassRosterPage() {
  const { classroom, pending, pendingGone } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const done = actionData && "report" in actionData ? actionData.report : null;
  const failed = actionData && !("report" in actionData) ? actionData : null;
  return (
    <>
      <Breadcrumbs crumbs={[{ label: "My classes", to: paths.teacherHome() }, { label: classroom.name, to: paths.teacherClass(classroom.id) }]} />
      <PageHeader title="Import a roster" subtitle={`Students into ${classroom.name}, from a CSV or your school's OneRoster export.`} />
      {done ? (
        <Card title="Imported">
          <div role="status">
            <ul className="list-disc space-y-1 pl-5">
              {reportLines(done).map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ul>
          </div>
          <SignInSheetLink classId={classroom.id} needCodes={done.needCodes} />
          <p className="mt-2">
            <Link to={paths.teacherClass(classroom.id)}>Back to the class</Link>
          </p>
        </Card>
      ) : pending ? (
        // A refused or unsaved "Import" (or "Discard") with the preview still kept: the preview again, with why, the ticks kept.
        <RosterPreview classId={classroom.id} pending={pending} failed={failed} />
      ) : (
        <div className="space-y-6">
          {pendingGone && !failed ? <p role="status">That preview has ended (it lasts a day, and goes once imported or discarded). Send the file again to see it afresh.</p> : null}
          <RosterUploadForm error={failed} />
          <p>
            <Link to={paths.teacherClass(classroom.id)}>Back to the class</Link>
          </p>
        </div>
      )}
    </>
  );
}

type PendingData = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["pending"]>;
type FailedAnswer = Exclude<NonNullable<ReturnType<typeof useActionData<typeof action>>>, { ok: true }>;

/** The missing students ticked in a refused or unsaved post: from the refusal, or from the form the failed save kept. */
function tickedBefore(failed: FailedAnswer | null): Set<string> {
  if (!failed) return new Set();
  const kept = isSaveFailed(failed) ? failed.reply.initialValue?.[ROSTER_FIELDS.removeMissing] : "remove" in failed ? failed.remove : undefined;
  return new Set((Array.isArray(kept) ? kept : [kept]).filter((v): v is string => typeof v === "string"));
}

function RosterPreview({ classId, pending, failed }: { classId: string; pending: PendingData; failed: FailedAnswer | null }) {
  const { preview } = pending;
  const plan = preview?.plan;
  const ticked = tickedBefore(failed);
  return (
    <div className="space-y-6">
      {failed ? (
        <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          <p className="font-medium">Nothing was imported yet.</p>
          <p className="mt-1">{failed.message}</p>
        </div>
      ) : null}
      {pending.format === "oneroster" ? (
        <Card title={`Classes in ${pending.fileName} (OneRoster ${pending.version})`}>
          <Form method="get" className="space-y-3">
            <input type="hidden" name="pending" value={pending.id} />
            <fieldset>
              <legend className="font-medium">Which classes come into this Rebound class?</legend>
              <ul className="mt-2 space-y-1">
                {pending.classes.map((c) => (
                  <li key={c.sourcedId}>
                    <label className="flex items-center gap-2">
                      <input type="checkbox" name="class" value={c.sourcedId} defaultChecked={pending.chosen.includes(c.sourcedId)} className="h-4 w-4" />
                      <span>
                        <span className="font-medium">{c.title}</span>
                        {c.course ? ` · ${c.course}` : ""}
                        {c.classCode ? ` · ${c.classCode}` : ""} — {c.students} students, {c.teachers} teachers
                      </span>
                    </label>
                  </li>
                ))}
              </ul>
            </fieldset>
            <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium">
              Show what importing them does
            </button>
          </Form>
          {pending.notes.map((n, i) => (
            <p key={i} className="mt-2 text-sm text-slate-700">
              {n}
            </p>
          ))}
        </Card>
      ) : null}
      {plan ? (
        <Card title={`What importing ${pending.fileName} does`}>
          {preview?.refusal ? <Notice tone="growing">{preview.refusal}</Notice> : null}
          <PlanSection title="Will be enrolled" rows={plan.enrol}>
            Each gets a place in the class. Anyone who has not chosen a Rebound password yet gets a set-up code on the sign-in sheet.
          </PlanSection>
          <PlanSection title="Already in this class" rows={plan.already} />
          <PlanSection title="Blocked from this class: they stay out" rows={plan.blocked.map((r) => ({ ...r, why: BLOCKED_WHY }))} why />
          <PlanSection title="Will be removed (their work is kept)" rows={plan.remove}>
            The file marks them to be deleted (tobedeleted).
          </PlanSection>
          <PlanSection title="Will be added as co-teachers" rows={plan.teachers}>
            When a Rebound teacher account has this email (or came with this OneRoster id before); anyone else can be invited from the Teachers page.
          </PlanSection>
          <PlanSection title="Can't be imported" rows={plan.invalid} why>
            {plan.invalid.some((r) => r.why === TEACHER_EMAIL) ? "Check these rows in the file." : null}
          </PlanSection>
          <Form method="post" className="mt-6 space-y-4">
            <input type="hidden" name={ROSTER_FIELDS.pendingId} value={pending.id} />
            {pending.chosen.map((c) => (
              <input key={c} type="hidden" name={ROSTER_FIELDS.classIds} value={c} />
            ))}
            {plan.missing.length ? (
              <fieldset className="rounded-md border border-amber-300 bg-amber-50 p-3">
                <legend className="px-1 font-semibold">In this class but not in the file ({plan.missing.length})</legend>
                <p className="text-sm text-slate-800">
                  They came from OneRoster before and this file lists the whole class without them. Nobody is removed unless you tick them here; their work is kept either way.
                </p>
                <ul className="mt-2 space-y-1">
                  {plan.missing.map((m) => (
                    <li key={m.userId}>
                      <label className="flex items-center gap-2 text-sm">
                        <input type="checkbox" name={ROSTER_FIELDS.removeMissing} value={m.userId} defaultChecked={ticked.has(m.userId)} className="h-4 w-4" />
                        Remove {m.name} ({m.email})
                      </label>
                    </li>
                  ))}
                </ul>
              </fieldset>
            ) : null}
            <div className="flex flex-wrap gap-3">
              <SubmitButton intent="import" pendingText="Importing…" disabled={Boolean(preview?.refusal)}>
                Import
              </SubmitButton>
              <SubmitButton intent="discard" variant="secondary" pendingText="Discarding…">
                Discard
              </SubmitButton>
            </div>
            <p className="text-sm text-slate-700">Everything above is saved at once, or nothing is.</p>
          </Form>
        </Card>
      ) : (
        <Form method="post">
          <input type="hidden" name={ROSTER_FIELDS.pendingId} value={pending.id} />
          <SubmitButton intent="discard" variant="secondary" pendingText="Discarding…">
            Discard this file
          </SubmitButton>
        </Form>
      )}
      <p>
        <Link to={paths.classRoster(classId)}>Send another file</Link>
      </p>
    </div>
  );
}
