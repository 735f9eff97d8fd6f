import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { validateWith } from "~/components/form-validation";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireTeacher } from "~/auth/session.server";
import { Field, FormAlert, SubmitButton, resultFor } from "~/components/form";
import { Card, EmptyState, PageHeader } from "~/components/ui";
import { prisma } from "~/db.server";
import { plural } from "~/domain/words";
import { createClassroom } from "~/models/classroom.server";
import { classroomNameSchema, coTeacherCodeSchema } from "~/schemas/classroom";
import { checkLimits, countTry, tooManyTries } from "~/auth/rate-limit.server";
import { parseSubmission } from "~/utils/submission";
import { paths } from "~/utils/paths";
import { readForm } from "~/utils/form.server";
import { keepsFormOnFailure } from "~/utils/action-failure.server";
import { acceptCoTeacherInvite, taughtBy } from "~/models/class-teachers.server";

export const meta: MetaFunction = () => [{ title: "My classes · Rebound" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const teacher = await requireTeacher(request);
  const classrooms = await prisma.classroom.findMany({
    where: taughtBy(teacher.id),
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      name: true,
      joinCode: true,
      _count: { select: { enrollments: { where: { removedAt: null } }, projects: true } },
    },
  });
  return { classrooms };
}

const NEW_CLASS_FORM_ID = "new-class";
const CO_TEACHER_FORM_ID = "co-teacher";

export const action = keepsFormOnFailure(
  async ({ request }: ActionFunctionArgs) => {
    const teacher = await requireTeacher(request);
    const form = await readForm(request);
    if (form.get("intent") === "join-as-co-teacher") return joinAsCoTeacher(teacher.id, form);
    const submission = parseSubmission(form, { schema: classroomNameSchema });
    if (submission.status !== "success") return data({ formId: NEW_CLASS_FORM_ID, reply: submission.reply() }, { status: 400 });
    const classroom = await createClassroom(teacher.id, submission.value.name);
    return redirect(paths.teacherClass(classroom.id));
  },
  (form) => (form.get("intent") === "join-as-co-teacher" ? CO_TEACHER_FORM_ID : NEW_CLASS_FORM_ID),
);

/** A colleague's invitation code (decision 021): wrong codes are counted, so codes cannot be guessed by trying them. */
async function joinAsCoTeacher(teacherId: string, form: FormData) {
  const submission = parseSubmission(form, { schema: coTeacherCodeSchema });
  const refuse = (message: string, status: number, headers?: HeadersInit) =>
    data({ formId: CO_TEACHER_FORM_ID, reply: submission.reply({ fieldErrors: { code: [message] } }) }, { status, headers });
  if (submission.status !== "success") return data({ formId: CO_TEACHER_FORM_ID, reply: submission.reply() }, { status: 400 });
  const allowed = await checkLimits([["CO_TEACHER_CODE", teacherId]]);
  if (!allowed.ok) {
    const refusal = tooManyTries(allowed.retryAfterSeconds, "wrong invitation codes");
    return refuse(refusal.message, 429, refusal.headers);
  }
  const result = await acceptCoTeacherInvite(submission.value.code, teacherId);
  if (!result.ok) {
    await countTry([["CO_TEACHER_CODE", teacherId]]);
    return refuse(
      result.reason === "expired"
        ? "That invitation code has ended (codes work for three days). Ask for a new one."
        : "We couldn't find an invitation with that code. Check it with the colleague who gave it to you; it may have been used or replaced.",
      400,
    );
  }
  return redirect(paths.teacherClass(result.classroom.id));
}

export default function TeacherHome() {
  const { classrooms } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: NEW_CLASS_FORM_ID,
    lastResult: resultFor(answer, NEW_CLASS_FORM_ID)?.reply,
    ...validateWith(classroomNameSchema),
  });
  const [coForm, coFields] = useForm({
    id: CO_TEACHER_FORM_ID,
    lastResult: resultFor(answer, CO_TEACHER_FORM_ID)?.reply,
    ...validateWith(coTeacherCodeSchema),
  });
  return (
    <>
      <PageHeader title="My classes" subtitle="Each class has its own roster, join code and projects." />
      <div className="grid gap-6 md:grid-cols-3">
        <div className="md:col-span-2">
          {classrooms.length === 0 ? (
            <EmptyState>No classes yet. Create your first class to get a join code for your students.</EmptyState>
          ) : (
            <ul className="space-y-3">
              {classrooms.map((c) => (
                <li key={c.id}>
                  <Link
                    to={paths.teacherClass(c.id)}
                    className="block rounded-lg border border-slate-200 bg-white p-4 text-slate-900 no-underline shadow-sm hover:border-brand-600"
                  >
                    <span className="text-lg font-semibold text-brand-700">{c.name}</span>
                    <span className="mt-1 block text-sm text-slate-700">
                      {plural(c._count.enrollments, "student")} · {plural(c._count.projects, "project")} · join code <span className="font-mono">{c.joinCode}</span>
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </div>
        <Card title="New class">
          <Form method="post" className="space-y-3" {...getFormProps(form)}>
            <Field label="Class name" errors={fields.name.errors} inputProps={{ ...getInputProps(fields.name, { type: "text" }), placeholder: "e.g. Physics 9B" }} />
            <FormAlert message={form.errors} />
            <SubmitButton intent="create-class" pendingText="Creating…">
              Create class
            </SubmitButton>
          </Form>
          <h2 className="mt-6 border-t border-slate-200 pt-4 text-lg font-semibold">Join a class as a co-teacher</h2>
          <Form method="post" className="mt-3 space-y-3" {...getFormProps(coForm)}>
            <Field
              label="Invitation code"
              hint="From a colleague who teaches the class: they make it on the class's Teachers page."
              errors={coFields.code.errors}
              inputProps={{ ...getInputProps(coFields.code, { type: "text" }), autoComplete: "off", spellCheck: false }}
            />
            <FormAlert message={coForm.errors} />
            <SubmitButton intent="join-as-co-teacher" variant="secondary" pendingText="Joining…">
              Join the class
            </SubmitButton>
          </Form>
        </Card>
      </div>
    </>
  );
}
