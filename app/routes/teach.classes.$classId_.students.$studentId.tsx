// One student in a teacher's class: their place in it (remove, block
// rejoining, allow back), the download of their work in the class, and the
// deletion of their data from it (decision 012). Not nested in the class page.
import { readForm } from "~/utils/form.server";
import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireTeacher } from "~/auth/session.server";
import { Field, FormAlert, SubmitButton, buttonClass } from "~/components/form";
import { validateWith } from "~/components/form-validation";
import { Badge, Card, PageHeader, formatDateTime } from "~/components/ui";
import { prisma } from "~/db.server";
import { confirmsName } from "~/domain/privacy";
import { plural } from "~/domain/words";
import { removeStudent, setRejoinBlock } from "~/models/classroom.server";
import { eraseStudentFromClass, findClassStudent } from "~/models/privacy.server";
import { eraseStudentSchema } from "~/schemas/privacy";
import { notFound } from "~/utils/http.server";
import { LEAVE_OUT_EMAIL, paths } from "~/utils/paths";
import { parseSubmission } from "~/utils/submission";
import { keepsFormOnFailure } from "~/utils/action-failure.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.student.name ?? "Student"} · ${data?.classroom.name ?? "Class"} · Rebound` }];

const NOT_IN_CLASS = "We couldn't find that student in your class.";

async function findContext(request: Request, params: LoaderFunctionArgs["params"]) {
  const teacher = await requireTeacher(request);
  const enrolment = await findClassStudent({ teacherId: teacher.id, classroomId: params.classId ?? "", studentId: params.studentId ?? "" });
  if (!enrolment) notFound(NOT_IN_CLASS);
  return { teacher, enrolment };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { enrolment } = await findContext(request, params);
  const { student, classroom } = enrolment;
  const projectIds = classroom.projects.map((p) => p.id);
  const [attempts, journalEntries, comments] = await Promise.all([
    prisma.attempt.count({ where: { studentId: student.id, checkpoint: { projectId: { in: projectIds } } } }),
    prisma.journalEntry.count({ where: { studentId: student.id, projectId: { in: projectIds }, status: "SUBMITTED" } }),
    prisma.teacherComment.count({ where: { studentId: student.id, projectId: { in: projectIds } } }),
  ]);
  return {
    student,
    classroom: { id: classroom.id, name: classroom.name },
    projects: classroom.projects,
    place: { joinedAt: enrolment.joinedAt, removedAt: enrolment.removedAt, blocked: enrolment.blockedAt !== null },
    counts: { attempts, journalEntries, comments },
  };
}

export const action = keepsFormOnFailure(async ({ request, params }: ActionFunctionArgs) => {
  const { teacher, enrolment } = await findContext(request, params);
  const formData = await readForm(request);
  const intent = formData.get("intent");
  const ids = { classroomId: enrolment.classroom.id, teacherId: teacher.id, enrollmentId: enrolment.id };
  const name = enrolment.student.name;

  if (intent === "remove-student") {
    const block = formData.get("block") === "on";
    if (!(await removeStudent({ ...ids, block }))) return data({ intent, ok: false as const, message: `${name} is no longer in this class.` }, { status: 400 });
    return data({ intent, ok: true as const, message: block ? `${name} is removed and can't rejoin until you allow them back. Their work is kept.` : `${name} is removed. Their work is kept.` });
  }
  if (intent === "block-rejoin" || intent === "allow-back") {
    const blocked = intent === "block-rejoin";
    if (!(await setRejoinBlock({ ...ids, blocked }))) {
      return data({ intent, ok: false as const, message: `${name}'s place in the class has changed; this page is up to date now.` }, { status: 400 });
    }
    return data({
      intent,
      ok: true as const,
      message: blocked ? `${name} can't rejoin until you allow them back.` : `${name} can rejoin with the join code; their earlier work is still here.`,
    });
  }
  if (intent === "erase-student") {
    const submission = parseSubmission(formData, { schema: eraseStudentSchema });
    if (submission.status !== "success") return data({ intent, ok: false as const, reply: submission.reply() }, { status: 400 });
    if (!confirmsName(submission.value.confirmName, name)) {
      return data(
        { intent, ok: false as const, reply: submission.reply({ fieldErrors: { confirmName: [`That doesn't match. Type ${name} exactly as shown to confirm.`] } }) },
        { status: 400 },
      );
    }
    await eraseStudentFromClass({ teacherId: teacher.id, classroomId: enrolment.classroom.id, studentId: enrolment.student.id, keepBlock: submission.value.keepBlock });
    return redirect(`${paths.teacherClass(enrolment.classroom.id)}?erased=1`);
  }
  return data({ intent: "unknown", ok: false as const, message: "We didn't understand that request." }, { status: 400 });
});

export default function ClassStudentPage() {
  const { student, classroom, projects, place, counts } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const eraseResult = actionData && actionData.intent === "erase-student" && "reply" in actionData ? actionData.reply : undefined;
  const [form, fields] = useForm({
    id: "erase-student",
    lastResult: eraseResult,
    defaultValue: { keepBlock: place.blocked ? "on" : undefined },
    ...validateWith(eraseStudentSchema),
  });
  const message = actionData && "message" in actionData ? actionData : null;
  const removed = place.removedAt !== null;
  return (
    <>
      <Breadcrumbs
        crumbs={[
          { label: "My classes", to: paths.teacherHome() },
          { label: classroom.name, to: paths.teacherClass(classroom.id) },
        ]}
      />
      <PageHeader
        title={student.name}
        subtitle={
          <>
            {student.email} · {removed ? `removed from ${classroom.name} ${formatDateTime(place.removedAt!)}` : `in ${classroom.name} since ${formatDateTime(place.joinedAt)}`}
            {place.blocked ? (
              <span className="ml-2">
                <Badge tone="alert">Blocked from rejoining</Badge>
              </span>
            ) : null}
          </>
        }
      />
      {message ? (
        <p role={message.ok ? "status" : "alert"} className={`mb-4 rounded-md border p-3 ${message.ok ? "border-brand-100 bg-brand-50 text-brand-800" : "border-red-300 bg-red-50 text-red-800"}`}>
          {message.message}
        </p>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-2">
        <div className="space-y-6">
          <Card title="Their work in this class">
            <p className="text-sm text-slate-700">
              {plural(counts.attempts, "attempt")}, {plural(counts.journalEntries, "shared journal entry", "shared journal entries")}, {plural(counts.comments, "comment")} from you.
            </p>
            {projects.length > 0 ? (
              <ul className="mt-3 space-y-1 text-sm">
                {projects.map((p) => (
                  <li key={p.id}>
                    <Link to={paths.timeline(p.id, student.id)}>{p.title}</Link>
                    {p.status === "PUBLISHED" ? null : <span className="text-slate-600"> (draft)</span>}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="mt-2 text-sm text-slate-700">The class has no projects yet.</p>
            )}
          </Card>

          <Card title="Place in the class">
            {removed ? (
              <Form method="post" className="space-y-3">
                <p className="text-sm text-slate-700">
                  {place.blocked
                    ? `${student.name} can't rejoin with the join code, or any other way, until you allow them back.`
                    : `${student.name} can rejoin with the join code; their earlier work would still be here.`}
                </p>
                {place.blocked ? (
                  <SubmitButton intent="allow-back" variant="secondary" pendingText="Allowing…">
                    Allow back
                  </SubmitButton>
                ) : (
                  <SubmitButton intent="block-rejoin" variant="secondary" pendingText="Blocking…">
                    Block rejoining
                  </SubmitButton>
                )}
              </Form>
            ) : (
              <Form method="post" className="space-y-3">
                <p className="text-sm text-slate-700">Removing {student.name} keeps their work: you can still read it here and in the class&apos;s insight.</p>
                <label className="flex items-start gap-2 text-sm text-slate-800">
                  <input type="checkbox" name="block" className="mt-0.5 h-4 w-4" />
                  <span>Also block them from rejoining (with the join code or any other way) until you allow them back</span>
                </label>
                <SubmitButton intent="remove-student" variant="danger" pendingText="Removing…">
                  Remove from {classroom.name}
                </SubmitButton>
              </Form>
            )}
          </Card>

          <Card title="Download their work">
            <p className="text-sm text-slate-700">
              A zip of {student.name}&apos;s work in {classroom.name}: attempts with every answer, shared journal entries, your comments with every version, and the tags on their attempts, as JSON and CSV files. It holds their name and, unless you leave it out, their email: keep it private.
            </p>
            <form method="get" action={paths.classStudentExport(classroom.id, student.id)} className="mt-3 flex flex-wrap items-center gap-3">
              <label className="flex items-center gap-2 text-sm text-slate-800">
                <input type="checkbox" name="email" value={LEAVE_OUT_EMAIL} className="h-4 w-4" />
                Leave out their email
              </label>
              <button type="submit" className={buttonClass("secondary")}>
                Download their work (zip)
              </button>
            </form>
          </Card>
        </div>

        <section aria-labelledby="erase-heading" className="rounded-lg border border-red-300 bg-white p-5 shadow-sm">
          <h2 id="erase-heading" className="mb-3 text-lg font-semibold text-red-900">
            Delete their data from this class
          </h2>
          <p className="text-sm text-slate-800">
            For when the school or the family asks for it. This is the one thing in Rebound that can&apos;t be undone: download their work first if anyone may need it.
          </p>
          <p className="mt-3 text-sm font-medium text-slate-800">Deleted, in every project of {classroom.name}:</p>
          <ul className="mt-1 list-disc space-y-0.5 pl-5 text-sm text-slate-800">
            <li>every attempt, with its checks, misconception tags and places in answer groups</li>
            <li>every journal entry, drafts included, and reflections they set aside</li>
            <li>your comments on their work, every version</li>
            <li>their place in the class</li>
          </ul>
          <p className="mt-3 text-sm text-slate-800">
            Kept: nothing of theirs. Class figures are worked out afresh without them. Their account and their work in other classes stay; only they can delete their account.
          </p>
          <Form method="post" className="mt-4 space-y-3" {...getFormProps(form)}>
            <FormAlert message={form.errors} />
            <Field
              label={
                <>
                  Type <span className="font-semibold">{student.name}</span> to confirm
                </>
              }
              errors={fields.confirmName.errors}
              inputProps={{ ...getInputProps(fields.confirmName, { type: "text" }), autoComplete: "off" }}
            />
            <label className="flex items-start gap-2 text-sm text-slate-800">
              <input {...getInputProps(fields.keepBlock, { type: "checkbox" })} className="mt-0.5 h-4 w-4" />
              <span>Keep them blocked from rejoining. Only a bare record stays (the class, their account id and dates) until you allow them back.</span>
            </label>
            <SubmitButton intent="erase-student" variant="danger" pendingText="Deleting…">
              Delete {student.name}&apos;s data from {classroom.name}
            </SubmitButton>
          </Form>
        </section>
      </div>
    </>
  );
}
