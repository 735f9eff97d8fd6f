import { getFormProps, getInputProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { validateWith } from "~/components/form-validation";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireTeacher } from "~/auth/session.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { ConfirmForm, Field, FormAlert, SubmitButton, TextareaField, resultFor } from "~/components/form";
import { ActionNotice, Badge, Card, EmptyState, MainAndSide, PageHeader, formatDateTime } from "~/components/ui";
import { WideTable } from "~/components/wide-table";
import { prisma } from "~/db.server";
import { NOT_FOUND } from "~/domain/labels";
import { byName } from "~/domain/names";
import { plural } from "~/domain/words";
import { findTeacherClassroom, regenerateJoinCode, removeStudent, setRejoinBlock } from "~/models/classroom.server";
import { issueSetupCodeForStudent } from "~/models/setup-code.server";
import { projectBasicsSchema } from "~/schemas/project";
import { notFound } from "~/utils/http.server";
import { parseSubmission } from "~/utils/submission";
import { paths } from "~/utils/paths";
import { readForm } from "~/utils/form.server";
import { keepsFormOnFailure } from "~/utils/action-failure.server";
import { taughtBy } from "~/models/class-teachers.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.classroom.name ?? "Class"} · Rebound` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const teacher = await requireTeacher(request);
  const classroom = await prisma.classroom.findFirst({
    where: { id: params.classId ?? "", ...taughtBy(teacher.id) },
    select: {
      id: true,
      name: true,
      joinCode: true,
      teachers: { orderBy: { addedAt: "asc" }, select: { teacher: { select: { id: true, name: true } } } },
      ltiContexts: { orderBy: { createdAt: "asc" }, select: { id: true, title: true, platform: { select: { name: true } } } },
      enrollments: {
        select: { id: true, joinedAt: true, removedAt: true, blockedAt: true, addedBy: true, student: { select: { id: true, name: true, email: true } } },
      },
      projects: {
        orderBy: { createdAt: "desc" },
        select: { id: true, title: true, status: true, _count: { select: { checkpoints: { where: { archivedAt: null } } } } },
      },
    },
  });
  if (!classroom) notFound(NOT_FOUND.classroom);
  const { enrollments, ...rest } = classroom;
  enrollments.sort((x, y) => byName(x.student, y.student));
  return {
    classroom: { ...rest, enrollments: enrollments.filter((e) => !e.removedAt) },
    removed: enrollments.filter((e) => e.removedAt).map((e) => ({ id: e.id, student: e.student, removedAt: e.removedAt!, blocked: e.blockedAt !== null })),
    /** Back from deleting a student's data (the student page redirects here). */
    erased: new URL(request.url).searchParams.get("erased") === "1",
  };
}

const NEW_PROJECT_FORM_ID = "new-project";

/** The new-project form's invalid submission comes back with its reply (its formId, see resultFor); the rest with a message about the page. */
type ActionResult = {
  formId?: typeof NEW_PROJECT_FORM_ID;
  ok: boolean;
  reply?: SubmissionResult<string[]>;
  message: string | null;
  /** A set-up code just given to a student, shown this once. */
  setupCode?: { code: string; studentName: string; expiresAt: string };
};

export const action = keepsFormOnFailure(async ({ request, params }: ActionFunctionArgs) => {
  const teacher = await requireTeacher(request);
  const classroom = await findTeacherClassroom(params.classId ?? "", teacher.id);
  if (!classroom) notFound(NOT_FOUND.classroom);
  const formData = await readForm(request);
  const intent = formData.get("intent");
  const reply = (result: ActionResult, status = 200) => data(result, { status });
  if (intent === "regenerate-code") {
    await regenerateJoinCode(classroom.id, teacher.id);
    return reply({ ok: true, message: "New join code ready. The old one no longer works." });
  }
  if (intent === "remove-student") {
    const block = formData.get("block") === "on";
    // Only an active enrolment in this teacher's class; the student's work stays.
    const removed = await removeStudent({ classroomId: classroom.id, teacherId: teacher.id, enrollmentId: String(formData.get("enrollmentId") ?? ""), block });
    if (!removed) return reply({ ok: false, message: "That student is no longer in this class." }, 400);
    return reply({
      ok: true,
      message: block ? "Student removed from the class and blocked from rejoining. Their work is kept." : "Student removed from the class. Their work is kept.",
    });
  }
  if (intent === "block-rejoin" || intent === "allow-back") {
    const blocked = intent === "block-rejoin";
    const changed = await setRejoinBlock({ classroomId: classroom.id, teacherId: teacher.id, enrollmentId: String(formData.get("enrollmentId") ?? ""), blocked });
    if (!changed) return reply({ ok: false, message: "That student's place in the class has changed; the list below is up to date." }, 400);
    return reply({
      ok: true,
      message: blocked ? "Blocked: they can't rejoin until you allow them back." : "Allowed back: they can rejoin with the join code, and their earlier work is still there.",
    });
  }
  if (intent === "give-setup-code") {
    // Only for a student in this class now; the teacher is in the query (app/models/setup-code.server.ts).
    const issued = await issueSetupCodeForStudent({ teacherId: teacher.id, classroomId: classroom.id, studentId: String(formData.get("studentId") ?? "") });
    if (!issued) notFound(NOT_FOUND.student);
    return reply({ ok: true, message: null, setupCode: { code: issued.code, studentName: issued.student.name, expiresAt: issued.expiresAt.toISOString() } });
  }
  if (intent === "create-project") {
    const submission = parseSubmission(formData, { schema: projectBasicsSchema });
    if (submission.status !== "success") return reply({ formId: NEW_PROJECT_FORM_ID, ok: false, reply: submission.reply(), message: null }, 400);
    const project = await prisma.project.create({ data: { ...submission.value, classroomId: classroom.id } });
    return redirect(paths.teacherProject(project.id));
  }
  return reply({ ok: false, message: "We didn't understand that request." }, 400);
}, (form) => (form.get("intent") === "create-project" ? NEW_PROJECT_FORM_ID : null));

export default function ClassroomPage() {
  const { classroom, removed, erased } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: NEW_PROJECT_FORM_ID,
    lastResult: resultFor(actionData, NEW_PROJECT_FORM_ID)?.reply,
    ...validateWith(projectBasicsSchema),
  });
  return (
    <>
      <Breadcrumbs crumbs={[{ label: "My classes", to: paths.teacherHome() }]} />
      <PageHeader
        title={classroom.name}
        subtitle={plural(classroom.enrollments.length, "student")}
        actions={
          <Link to={paths.classGoals(classroom.id)} className="text-sm">
            Students&apos; learning goals
          </Link>
        }
      />
      {/* The new-project form shows its own answers; the page's buttons answer here. */}
      <ActionNotice result={actionData?.formId === NEW_PROJECT_FORM_ID ? undefined : (actionData ?? (erased ? { ok: true, message: "The student's data is deleted from this class." } : undefined))} />
      {actionData && "setupCode" in actionData && actionData.setupCode ? <SetupCodeNotice {...actionData.setupCode} /> : null}
      <MainAndSide
        main={
          <>
            <Card title="Projects">
              {classroom.projects.length === 0 ? (
                <EmptyState>No projects yet. Start one on the right.</EmptyState>
              ) : (
                <ul className="divide-y divide-slate-200">
                  {classroom.projects.map((p) => (
                    <li key={p.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
                      <div>
                        <Link to={paths.teacherProject(p.id)} className="font-medium">
                          {p.title}
                        </Link>
                        <span className="ml-2">
                          <Badge tone={p.status === "PUBLISHED" ? "good" : "neutral"}>{p.status === "PUBLISHED" ? "Published" : "Draft"}</Badge>
                        </span>
                        <span className="ml-2 text-sm text-slate-600">
                          {plural(p._count.checkpoints, "checkpoint")}
                        </span>
                      </div>
                      {p.status === "PUBLISHED" ? (
                        <Link to={paths.progress(p.id)} className="text-sm">
                          Class progress
                        </Link>
                      ) : null}
                    </li>
                  ))}
                </ul>
              )}
            </Card>
            <Card title="Roster">
              {classroom.enrollments.length === 0 ? (
                <EmptyState>
                  No students yet. Share the join code <span className="font-mono font-semibold">{classroom.joinCode}</span>.
                </EmptyState>
              ) : (
                <WideTable captionHidden className="-mx-2 border-0 shadow-none" tableClassName="w-full text-left text-sm" caption={`Students in ${classroom.name}`}>
                  <thead>
                    <tr className="border-b border-slate-200">
                      <th scope="col" className="px-2 py-2">Name</th>
                      <th scope="col" className="px-2 py-2">Email</th>
                      <th scope="col" className="px-2 py-2 text-right">Forgot password?</th>
                      <th scope="col" className="px-2 py-2"><span className="sr-only">Actions</span></th>
                    </tr>
                  </thead>
                  <tbody>
                    {classroom.enrollments.map((e) => (
                      <tr key={e.id} className="border-b border-slate-100">
                        <td className="whitespace-nowrap px-2 py-2">
                          <Link to={paths.classStudent(classroom.id, e.student.id)}>{e.student.name}</Link>
                        </td>
                        <td className="px-2 py-2 text-slate-700">{e.student.email}</td>
                        <td className="px-2 py-2 text-right">
                          {e.addedBy === "ROSTER_EXISTING" ? (
                            // A roster enrolled an account that was already there: only its owner changes its password (decision 024).
                            <span className="text-xs text-slate-600">Their own account</span>
                          ) : (
                          <Form method="post">
                            <input type="hidden" name="formId" value={`setup-code-${e.student.id}`} />
                            <input type="hidden" name="studentId" value={e.student.id} />
                            <SubmitButton
                              intent="give-setup-code"
                              formId={`setup-code-${e.student.id}`}
                              variant="secondary"
                              pendingText="Making a code…"
                              className="whitespace-nowrap px-2 py-1 text-xs"
                            >
                              Give a set-up code<span className="sr-only"> to {e.student.name}</span>
                            </SubmitButton>
                          </Form>
                          )}
                        </td>
                        <td className="px-2 py-2 text-right">
                          <ConfirmForm
                            className="flex items-center justify-end gap-3"
                            question={`Remove ${e.student.name} from ${classroom.name}? Their work is kept. If you ticked "Block rejoining", they can't rejoin until you allow them back.`}
                          >
                            <input type="hidden" name="enrollmentId" value={e.id} />
                            <label className="flex items-center gap-1 whitespace-nowrap text-xs text-slate-700">
                              <input type="checkbox" name="block" className="h-4 w-4" />
                              Block rejoining<span className="sr-only"> for {e.student.name}</span>
                            </label>
                            <SubmitButton intent="remove-student" variant="danger" pendingText="Removing…" aria-label={`Remove ${e.student.name}`} className="px-2 py-1 text-xs">
                              Remove
                            </SubmitButton>
                          </ConfirmForm>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </WideTable>
              )}
            </Card>
            {removed.length > 0 ? (
              <Card title="Removed students">
                <p className="mb-3 text-sm text-slate-700">
                  Their work is kept. A removed student can rejoin with the join code unless you block them; a block holds until you allow them back.
                </p>
                <ul className="divide-y divide-slate-200">
                  {removed.map((e) => (
                    <li key={e.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
                      <div>
                        <Link to={paths.classStudent(classroom.id, e.student.id)} className="font-medium">
                          {e.student.name}
                        </Link>
                        <span className="ml-2">{e.blocked ? <Badge tone="alert">Blocked from rejoining</Badge> : <Badge>Can rejoin with the code</Badge>}</span>
                        <span className="ml-2 text-sm text-slate-600">removed {formatDateTime(e.removedAt)}</span>
                      </div>
                      <Form method="post">
                        <input type="hidden" name="enrollmentId" value={e.id} />
                        {e.blocked ? (
                          <SubmitButton intent="allow-back" variant="secondary" pendingText="Allowing…" aria-label={`Allow ${e.student.name} back`} className="px-2 py-1 text-xs">
                            Allow back
                          </SubmitButton>
                        ) : (
                          <SubmitButton intent="block-rejoin" variant="secondary" pendingText="Blocking…" aria-label={`Block ${e.student.name} from rejoining`} className="px-2 py-1 text-xs">
                            Block rejoining
                          </SubmitButton>
                        )}
                      </Form>
                    </li>
                  ))}
                </ul>
              </Card>
            ) : null}
          </>
        }
        side={
          <>
            <Card title="Join code">
              <p className="font-mono text-3xl font-semibold tracking-widest" aria-label={`Join code ${classroom.joinCode.split("").join(" ")}`}>
                {classroom.joinCode}
              </p>
              <p className="mt-2 text-sm text-slate-700">Students enter this code after signing up to join the class.</p>
              <p className="mt-2 text-sm text-slate-700">
                Or bring them in from a list: <Link to={paths.classRoster(classroom.id)} className="font-medium underline">import a roster</Link> (a CSV or your
                school&apos;s OneRoster export), then <Link to={paths.classSignInSheet(classroom.id)} className="font-medium underline">print the sign-in sheet</Link>.
              </p>
              <Form method="post" className="mt-3">
                <SubmitButton intent="regenerate-code" variant="secondary" pendingText="Making a new code…">
                  Make a new code
                </SubmitButton>
              </Form>
            </Card>
            <Card title="Teachers">
              <ul className="text-sm text-slate-800">
                {classroom.teachers.map(({ teacher: t }) => (
                  <li key={t.id}>{t.name}</li>
                ))}
              </ul>
              <p className="mt-3 text-sm">
                <Link to={paths.classTeachers(classroom.id)} className="font-medium">
                  Invite a co-teacher or manage teachers
                </Link>
              </p>
            </Card>
            {classroom.ltiContexts.length > 0 ? (
              <Card title="LMS course">
                <ul className="text-sm text-slate-800">
                  {classroom.ltiContexts.map((c) => (
                    <li key={c.id}>
                      {c.title} <span className="text-slate-600">({c.platform.name})</span>
                    </li>
                  ))}
                </ul>
                <p className="mt-3 text-sm">
                  <Link to={paths.teacherClassLms(classroom.id)} className="font-medium">
                    Bring the roster in from the LMS
                  </Link>
                </p>
              </Card>
            ) : null}
            <Card title="New project">
              <Form method="post" className="space-y-3" {...getFormProps(form)}>
                <Field label="Title" errors={fields.title.errors} inputProps={getInputProps(fields.title, { type: "text" })} />
                <TextareaField label="Goal" hint="What students are working towards." errors={fields.goal.errors} textareaProps={getTextareaProps(fields.goal)} />
                <FormAlert message={form.errors} />
                <SubmitButton intent="create-project" pendingText="Creating…">
                  Create draft project
                </SubmitButton>
              </Form>
              <p className="mt-4 text-sm text-slate-700">
                Have questions already? <Link to={paths.classImport(classroom.id)} className="font-medium underline">Import them from a file</Link> into a new draft project (Moodle GIFT or XML, QTI, diagnostic-question CSV, or a Rebound project file).
              </p>
            </Card>
          </>
        }
      />
    </>
  );
}

/** A set-up code, shown to the teacher this once (only its hash is kept). */
function SetupCodeNotice({ code, studentName, expiresAt }: { code: string; studentName: string; expiresAt: string }) {
  return (
    <div role="status" className="mb-6 rounded-lg border border-brand-100 bg-brand-50 p-5 text-brand-800">
      <h2 className="text-lg font-semibold">Set-up code for {studentName}</h2>
      <p className="mt-2 font-mono text-3xl font-semibold tracking-widest text-slate-900">{code}</p>
      <p className="mt-2">
        Give this code to {studentName}. On the login page they choose &ldquo;Have a set-up code from your teacher?&rdquo;, then type their
        email, this code and a new password.
      </p>
      <p className="mt-1 text-sm">
        It works once, until {formatDateTime(expiresAt)}, and is shown only now: if it gets lost, give a new one, which replaces it. Their
        current password keeps working until they use the code.
      </p>
    </div>
  );
}
