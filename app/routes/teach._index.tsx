import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { validateWith } from "~/components/form-validation";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireTeacher } from "~/auth/session.server";
import { Field, FormAlert, SubmitButton } from "~/components/form";
import { Card, EmptyState, PageHeader } from "~/components/ui";
import { prisma } from "~/db.server";
import { plural } from "~/domain/words";
import { createClassroom } from "~/models/classroom.server";
import { classroomNameSchema } from "~/schemas/classroom";
import { parseSubmission } from "~/utils/submission";
import { paths } from "~/utils/paths";
import { readForm } from "~/utils/form.server";
import { keepsFormOnFailure } from "~/utils/action-failure.server";
import { replyOf } from "~/utils/save-failed";
import { taughtBy } from "~/models/class-teachers.server";

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

export const action = keepsFormOnFailure(async ({ request }: ActionFunctionArgs) => {
  const teacher = await requireTeacher(request);
  const submission = parseSubmission(await readForm(request), { schema: classroomNameSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const classroom = await createClassroom(teacher.id, submission.value.name);
  return redirect(paths.teacherClass(classroom.id));
});

export default function TeacherHome() {
  const { classrooms } = useLoaderData<typeof loader>();
  const lastResult = replyOf(useActionData<typeof action>());
  const [form, fields] = useForm({
    id: "new-class",
    lastResult,
    ...validateWith(classroomNameSchema),
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
            <SubmitButton pendingText="Creating…">Create class</SubmitButton>
          </Form>
        </Card>
      </div>
    </>
  );
}
