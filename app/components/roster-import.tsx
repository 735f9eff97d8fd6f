// The roster page's content (decision 024): the upload form, a file's
// problems per file and row, the preview (what importing would do) and the
// report after it. Works without JavaScript: the preview is a page of its own.
import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { SubmitButton } from "~/components/form";
import { Card } from "~/components/ui";
import { mb } from "~/domain/question-import/limits";
import { ROSTER_LIMITS } from "~/domain/roster-import/limits";
import type { PlannedRow } from "~/domain/roster-import/plan";
import type { RosterIssue } from "~/domain/roster-import/types";
import { plural } from "~/domain/words";
import { paths } from "~/utils/paths";
import { isSaveFailed, type SaveFailed } from "~/utils/save-failed";

export const ROSTER_FIELDS = { file: "file", pasted: "pasted", pendingId: "pendingId", classIds: "class", removeMissing: "remove" } as const;

export function RosterUploadForm({ error }: { error?: { message: string; issues?: RosterIssue[] } | SaveFailed | null }) {
  const kept = isSaveFailed(error) ? error.reply.initialValue?.[ROSTER_FIELDS.pasted] : undefined;
  const pasted = typeof kept === "string" ? kept : "";
  return (
    <Card title="Choose a roster file">
      {error ? (
        <div role="alert" className="mb-4 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          <p className="font-medium">Nothing was imported.</p>
          <p className="mt-1">{error.message}</p>
          {"issues" in error && error.issues?.length ? (
            <ul className="mt-2 list-disc space-y-1 pl-5">
              {error.issues.map((i, n) => (
                <li key={n}>
                  <span className="font-medium">{i.where}:</span> {i.why}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <Form method="post" encType="multipart/form-data" className="space-y-4">
        <div>
          <label htmlFor="roster-file" className="block font-medium">
            Roster file
          </label>
          <p id="roster-file-hint" className="text-sm text-slate-700">
            A CSV with a name (or first and last name), an email and, if you like, a student number per row; or the OneRoster zip your
            school&apos;s information system exports (1.1 or 1.2). At most {mb(ROSTER_LIMITS.uploadBytes)}.
          </p>
          <input id="roster-file" name={ROSTER_FIELDS.file} type="file" accept=".csv,.zip,.txt" aria-describedby="roster-file-hint" className="mt-2 block text-sm" />
        </div>
        <details className="rounded-md border border-slate-200 p-3" open={pasted ? true : undefined}>
          <summary className="cursor-pointer font-medium">Or paste the CSV</summary>
          <label htmlFor="roster-pasted" className="mt-3 block text-sm font-medium">
            Pasted roster
          </label>
          <textarea id="roster-pasted" name={ROSTER_FIELDS.pasted} defaultValue={pasted} rows={8} maxLength={ROSTER_LIMITS.uploadBytes} className="mt-1 block w-full rounded-md border border-slate-300 p-2 font-mono text-sm" />
        </details>
        <SubmitButton intent="read" pendingText="Reading…">
          Read the roster
        </SubmitButton>
        <p className="text-sm text-slate-700">Nothing changes yet: you will see who will be enrolled first.</p>
      </Form>
    </Card>
  );
}

function PeopleList({ rows, why }: { rows: (PlannedRow & { why?: string })[]; why?: boolean }) {
  return (
    <ul className="divide-y divide-slate-100 text-sm">
      {rows.map((r) => (
        <li key={`${r.index}-${r.where}`} className="flex flex-wrap gap-x-3 py-1.5">
          <span className="font-medium">{r.name || "(no name)"}</span>
          <span className="text-slate-700">{r.email || "(no email)"}</span>
          {r.studentNumber ? <span className="text-slate-600">No. {r.studentNumber}</span> : null}
          <span className="text-slate-600">{r.where}</span>
          {why && r.why ? <span className="w-full text-amber-900">{r.why}</span> : null}
        </li>
      ))}
    </ul>
  );
}

export function PlanSection({ title, rows, children, why }: { title: string; rows: (PlannedRow & { why?: string })[]; children?: ReactNode; why?: boolean }) {
  if (rows.length === 0) return null;
  return (
    <section className="mt-4" aria-label={title}>
      <h3 className="font-semibold">
        {title} ({rows.length})
      </h3>
      {children ? <p className="text-sm text-slate-700">{children}</p> : null}
      <PeopleList rows={rows} why={why} />
    </section>
  );
}

export function SignInSheetLink({ classId, needCodes }: { classId: string; needCodes: number }) {
  return (
    <p className="mt-4">
      {needCodes > 0 ? `${plural(needCodes, "student")} of this class ${needCodes === 1 ? "hasn't" : "haven't"} chosen a password yet. ` : ""}
      <Link to={paths.classSignInSheet(classId)} className="font-medium underline">
        Print the sign-in sheet
      </Link>{" "}
      — a card per student with their set-up code.
    </p>
  );
}
