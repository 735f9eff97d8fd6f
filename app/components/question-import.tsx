// The import pages' content (issue 11): the upload form, what a file that
// cannot be imported says, and the preview of a pending import — every
// checkpoint as students will see it, the misconceptions it names, and what
// was skipped and why — with Import and Discard. Works without JavaScript:
// the preview is a page of its own, kept on the server.
import { Form } from "@remix-run/react";
import { RichText, type ImageSource } from "~/components/rich-text";
import { SubmitButton } from "~/components/form";
import { Badge, Card, Notice } from "~/components/ui";
import { KIND_LABELS } from "~/domain/checkpoint-spec";
import { IMPORT_LIMITS, kb, mb } from "~/domain/question-import/limits";
import { refIndex, type ImportPlan, type PlannedCheckpoint } from "~/domain/question-import/plan";
import { plural } from "~/domain/words";

import { IMPORT_FIELDS } from "~/schemas/question-import";
import { isSaveFailed, type SaveFailed } from "~/utils/save-failed";

export function ImportFormats() {
  return (
    <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700">
      <li>
        <strong>Moodle GIFT</strong> (<code>.gift</code>, <code>.txt</code>): multiple choice with feedback per option, true/false, numerical with a tolerance, short answer.
      </li>
      <li>
        <strong>Moodle XML</strong> (<code>.xml</code>): multichoice, truefalse, numerical, shortanswer, with feedback per answer and the pictures inside the file.
      </li>
      <li>
        <strong>QTI 2.1 or 3.0</strong>: one item (<code>.xml</code>) or a package (<code>.zip</code> with <code>imsmanifest.xml</code>): choice and text-entry interactions.
      </li>
      <li>
        <strong>Diagnostic questions</strong> (<code>.csv</code>, or a <code>.zip</code> of the questions and the misconception names): four options, the correct one, and a misconception per wrong option.
      </li>
      <li>
        <strong>A Rebound project file</strong> (<code>.json</code>, from <em>Export</em> on a project&apos;s Build page).
      </li>
    </ul>
  );
}

export function UploadForm({ error }: { error?: { message: string; where?: string } | SaveFailed | null }) {
  // A save that failed on the server's side gives the pasted text back (keepsFormOnFailure).
  const kept = isSaveFailed(error) ? error.reply.initialValue?.[IMPORT_FIELDS.pasted] : undefined;
  const pasted = typeof kept === "string" ? kept : "";
  return (
    <Card title="Choose a file">
      {error ? (
        <div role="alert" className="mb-4 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          <p className="font-medium">Nothing was imported{"where" in error && error.where ? ` (the problem is at ${error.where})` : ""}.</p>
          <p className="mt-1">{error.message}</p>
        </div>
      ) : null}
      <Form method="post" encType="multipart/form-data" className="space-y-4">
        <div>
          <label htmlFor="import-file" className="block font-medium">
            Question file
          </label>
          <p id="import-file-hint" className="text-sm text-slate-700">
            At most {mb(IMPORT_LIMITS.uploadBytes)} and {IMPORT_LIMITS.items.toLocaleString("en-GB")} questions; a zip at most {IMPORT_LIMITS.zipEntries} files; pictures PNG, JPEG, GIF or WebP up to {kb(IMPORT_LIMITS.imageBytes)} each.
          </p>
          <input id="import-file" name={IMPORT_FIELDS.file} type="file" accept=".gift,.txt,.xml,.zip,.csv,.json" aria-describedby="import-file-hint" className="mt-2 block text-sm" />
        </div>
        <details className="rounded-md border border-slate-200 p-3" open={pasted ? true : undefined}>
          <summary className="cursor-pointer font-medium">Or paste the text of a GIFT, XML, CSV or project file</summary>
          <label htmlFor="import-pasted" className="mt-3 block text-sm font-medium">
            Pasted questions
          </label>
          <textarea id="import-pasted" name={IMPORT_FIELDS.pasted} defaultValue={pasted} rows={8} maxLength={IMPORT_LIMITS.uploadBytes} className="mt-1 block w-full rounded-md border border-slate-300 p-2 font-mono text-sm" />
        </details>
        <SubmitButton intent="read" pendingText="Reading…">
          Read the file
        </SubmitButton>
        <p className="text-sm text-slate-700">Nothing is saved yet: you will see every question first, and what can&apos;t be imported and why.</p>
      </Form>
    </Card>
  );
}

function CheckpointPreview({ planned, plan, imageSrc, number }: { planned: PlannedCheckpoint; plan: ImportPlan; imageSrc: ImageSource; number: number }) {
  const { input } = planned;
  const content = input.content;
  const misconceptionName = (ref: string | undefined) => (ref ? (plan.misconceptions[refIndex(ref)]?.name ?? null) : null);
  return (
    <li className="py-4">
      <h3 className="font-medium">
        {number}. {input.title} <Badge>{KIND_LABELS[planned.kind]}</Badge>
      </h3>
      <RichText text={input.prompt} imageSrc={imageSrc} as="div" className="mt-2 whitespace-pre-wrap text-slate-800" />
      {content.kind === "MULTIPLE_CHOICE" ? (
        <ul className="mt-2 space-y-1 text-sm">
          {content.options.map((o, i) => (
            <li key={i} className="flex flex-wrap items-baseline gap-2">
              <span className={o.correct ? "font-medium text-emerald-800" : "text-slate-800"}>{o.correct ? "✓ Correct:" : "✗"}</span>
              <RichText text={o.text ?? ""} imageSrc={imageSrc} as="span" />
              {misconceptionName(o.misconceptionId) ? <Badge tone="growing">Misconception: {misconceptionName(o.misconceptionId)}</Badge> : null}
              {o.feedback ? <span className="w-full pl-6 text-slate-700">Feedback: {o.feedback}</span> : null}
            </li>
          ))}
        </ul>
      ) : content.kind === "NUMERIC" ? (
        <div className="mt-2 text-sm">
          <p>
            Answer: {content.answer}
            {content.unit ? ` ${content.unit}` : ""}
            {content.tolerance ? ` (± ${content.tolerance})` : " (exactly)"}
          </p>
          {(content.wrongValues ?? []).length ? (
            <ul className="mt-1 space-y-1">
              {(content.wrongValues ?? []).map((w, i) => (
                <li key={i}>
                  ✗ {w.value}
                  {w.feedback ? ` — ${w.feedback}` : ""} {misconceptionName(w.misconceptionId) ? <Badge tone="growing">Misconception: {misconceptionName(w.misconceptionId)}</Badge> : null}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : (
        <p className="mt-2 text-sm">Model answer: {content.modelAnswer || "(none)"}</p>
      )}
      {planned.notes.length ? (
        <ul className="mt-2 list-disc pl-5 text-sm text-slate-700">
          {planned.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}

export function ImportPreview({ pendingId, fileName, formatName, plan, newProjectTitle }: { pendingId: string; fileName: string; formatName: string; plan: ImportPlan; newProjectTitle: string | null }) {
  const images = new Map(plan.images.map((i) => [i.key, `data:${i.mime};base64,${i.base64}`]));
  const imageSrc: ImageSource = (ref) => (ref.startsWith("upload:") ? (images.get(ref.slice(7)) ?? null) : null);
  return (
    <div className="space-y-6">
      <Notice title={`${fileName} (${formatName})`}>
        {plural(plan.checkpoints.length, "checkpoint")} ready to import
        {plan.misconceptions.length ? `, naming ${plural(plan.misconceptions.length, "misconception")}` : ""}
        {plan.images.length ? `, with ${plural(plan.images.length, "picture")}` : ""}. {plan.skipped.length ? `${plural(plan.skipped.length, "question")} can't be imported: see why below.` : "Nothing was skipped."} Nothing is saved until you choose Import.
      </Notice>
      <Card title="Import these questions">
        <div className="flex flex-wrap items-end gap-3">
          <Form method="post" className="flex flex-wrap items-end gap-3">
            <input type="hidden" name={IMPORT_FIELDS.pendingId} value={pendingId} />
            {newProjectTitle !== null ? (
              <div>
                <label htmlFor="import-project-title" className="block text-sm font-medium">
                  New project&apos;s title
                </label>
                <input id="import-project-title" name={IMPORT_FIELDS.projectTitle} defaultValue={newProjectTitle} maxLength={120} className="mt-1 block w-72 rounded-md border border-slate-300 px-3 py-2" />
              </div>
            ) : null}
            <SubmitButton intent="import" pendingText="Importing…">
              Import {plural(plan.checkpoints.length, "checkpoint")}
            </SubmitButton>
          </Form>
          <Form method="post">
            <input type="hidden" name={IMPORT_FIELDS.pendingId} value={pendingId} />
            <SubmitButton intent="discard" variant="secondary" pendingText="Discarding…">
              Discard
            </SubmitButton>
          </Form>
        </div>
      </Card>
      {plan.notes.length ? (
        <Card title="About this file">
          <ul className="list-disc space-y-1 pl-5 text-sm">
            {plan.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </Card>
      ) : null}
      {plan.skipped.length ? (
        <Card title={`Not imported (${plan.skipped.length})`}>
          <ul className="space-y-1 text-sm">
            {plan.skipped.map((s, i) => (
              <li key={i}>
                <span className="font-medium">{s.where}:</span> {s.why}
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      {plan.misconceptions.length ? (
        <Card title={`Misconceptions (${plan.misconceptions.length})`}>
          <p className="mb-2 text-sm text-slate-700">Each is linked to the project&apos;s misconception of the same name, or added to the project.</p>
          <ul className="list-disc space-y-1 pl-5 text-sm">
            {plan.misconceptions.map((m) => (
              <li key={m.name}>{m.name}</li>
            ))}
          </ul>
        </Card>
      ) : null}
      <Card title={`Checkpoints (${plan.checkpoints.length})`}>
        <ol className="divide-y divide-slate-200">
          {plan.checkpoints.map((c, i) => (
            <CheckpointPreview key={i} planned={c} plan={plan} imageSrc={imageSrc} number={i + 1} />
          ))}
        </ol>
      </Card>
    </div>
  );
}
