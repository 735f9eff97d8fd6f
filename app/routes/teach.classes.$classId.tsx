import { getFormProps, getInputProps, getTextareaProps, useForm } from "@conform-to/react";
import { validateWith } from "~/components/form-validation";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireTeacher } from "~/auth/session.server";
import { Field, SubmitButton, TextareaField } from "~/components/form";
import { Badge, Card, EmptyState, PageHeader } from "~/components/ui";
import { WideTable } from "~/components/wide-table";
import { prisma } from "~/db.server";
import { plural } from "~/domain/words";
import { findTeacherClassroom, regenerateJoinCode } from "~/models/classroom.server";
import { projectBasicsSchema } from "~/schemas/project";
import { notFound } from "~/utils/http.server";
import { parseSubmission } from "~/utils/submission";
import { paths } from "~/utils/paths";
import { readForm } from "~/utils/form.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.classroom.name ?? "Class"} · Rebound` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const teacher = await requireTeacher(request);
  const classroom = await prisma.classroom.findFirst({
    where: { id: params.classId ?? "", teacherId: teacher.id },
    select: {
      id: true,
      name: true,
      joinCode: true,
      enrollments: {
        where: { removedAt: null },
        orderBy: { student: { name: "asc" } },
        select: { id: true, joinedAt: true, student: { select: { id: true, name: true, email: true } } },
      },
      projects: {
        orderBy: { createdAt: "desc" },
        select: { id: true, title: true, status: true, _count: { select: { checkpoints: { where: { archivedAt: null } } } } },
      },
    },
  });
  if (!classroom) notFound("We couldn't find that class among yours.");
  return { classroom };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const teacher = await requireTeacher(request);
  const classroom = await findTeacherClassroom(params.classId ?? "", teacher.id);
  if (!classroom) notFound("We couldn't find that class among yours.");
  const formData = await readForm(request);
  const intent = formData.get("intent");
  if (intent === "regenerate-code") {
    await regenerateJoinCode(classroom.id, teacher.id);
    return data({ intent, ok: true as const, message: "New join code ready. The old one no longer works." });
  }
  if (intent === "remove-student") {
    const enrollmentId = String(formData.get("enrollmentId") ?? "");
    // Only an active enrolment in this teacher's class; the student's work stays.
    const removed = await prisma.enrollment.updateMany({
      where: { id: enrollmentId, classroomId: classroom.id, removedAt: null },
      data: { removedAt: new Date() },
    });
    if (removed.count === 0) return data({ intent, ok: false as const, message: "That student is no longer in this class." }, { status: 400 });
    return data({ intent, ok: true as const, message: "Student removed from the class. Their work is kept." });
  }
  if (intent === "create-project") {
    const submission = parseSubmission(formData, { schema: projectBasicsSchema });
    if (submission.status !== "success") return data({ intent, ok: false as const, reply: submission.reply() }, { status: 400 });
    const project = await prisma.project.create({ data: { ...submission.value, classroomId: classroom.id } });
    return redirect(paths.teacherProject(project.id));
  }
  return data({ intent: "unknown", ok: false as const, message: "We didn't understand that request." }, { status: 400 });
}

export default function ClassroomPage() {
  const { classroom } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "new-project",
    lastResult: actionData && "reply" in actionData ? actionData.reply : undefined,
    ...validateWith(projectBasicsSchema),
  });
  const message = actionData && "message" in actionData ? actionData.message : null;
  return (
    <>
      <PageHeader
        breadcrumbs={<Link to={paths.teacherHome()}>My classes</Link>}
        title={classroom.name}
        subtitle={plural(classroom.enrollments.length, "student")}
      />
      {message ? (
        <p role="status" className="mb-4 rounded-md border border-brand-100 bg-brand-50 p-3 text-brand-800">
          {message}
        </p>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
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
                    <th scope="col" className="px-2 py-2"><span className="sr-only">Actions</span></th>
                  </tr>
                </thead>
                <tbody>
                  {classroom.enrollments.map((e) => (
                    <tr key={e.id} className="border-b border-slate-100">
                      <td className="px-2 py-2">{e.student.name}</td>
                      <td className="px-2 py-2 text-slate-700">{e.student.email}</td>
                      <td className="px-2 py-2 text-right">
                        <Form
                          method="post"
                          onSubmit={(event) => {
                            if (!confirm(`Remove ${e.student.name} from ${classroom.name}? Their work is kept.`)) event.preventDefault();
                          }}
                        >
                          <input type="hidden" name="enrollmentId" value={e.id} />
                          <SubmitButton intent="remove-student" variant="danger" pendingText="Removing…" aria-label={`Remove ${e.student.name}`} className="px-2 py-1 text-xs">
                            Remove
                          </SubmitButton>
                        </Form>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </WideTable>
            )}
          </Card>
        </div>
        <div className="space-y-6">
          <Card title="Join code">
            <p className="font-mono text-3xl font-semibold tracking-widest" aria-label={`Join code ${classroom.joinCode.split("").join(" ")}`}>
              {classroom.joinCode}
            </p>
            <p className="mt-2 text-sm text-slate-700">Students enter this code after signing up to join the class.</p>
            <Form method="post" className="mt-3">
              <SubmitButton intent="regenerate-code" variant="secondary" pendingText="Making a new code…">
                Make a new code
              </SubmitButton>
            </Form>
          </Card>
          <Card title="New project">
            <Form method="post" className="space-y-3" {...getFormProps(form)}>
              <Field label="Title" errors={fields.title.errors} inputProps={getInputProps(fields.title, { type: "text" })} />
              <TextareaField label="Goal" hint="What students are working towards." errors={fields.goal.errors} textareaProps={getTextareaProps(fields.goal)} />
              <SubmitButton intent="create-project" pendingText="Creating…">
                Create draft project
              </SubmitButton>
            </Form>
          </Card>
        </div>
      </div>
    </>
  );
}
