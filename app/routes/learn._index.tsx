import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { validateWith } from "~/components/form-validation";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { checkLimits, clientAddress, countTry, tooManyTries, type RateLimitName } from "~/auth/rate-limit.server";
import { requireStudent } from "~/auth/session.server";
import { Field, FormAlert, SubmitButton } from "~/components/form";
import { Card, EmptyState, PageHeader } from "~/components/ui";
import { prisma } from "~/db.server";
import { isWellFormedJoinCode, normalizeJoinCode } from "~/domain/join-code";
import { JOIN_REFUSED, enrollStudent, findClassroomByJoinCode } from "~/models/classroom.server";
import { joinClassSchema } from "~/schemas/classroom";
import { parseSubmission } from "~/utils/submission";
import { paths } from "~/utils/paths";
import { readForm } from "~/utils/form.server";
import { keepsFormOnFailure } from "~/utils/action-failure.server";

export const meta: MetaFunction = () => [{ title: "My classes · Rebound" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const student = await requireStudent(request);
  const enrollments = await prisma.enrollment.findMany({
    where: { studentId: student.id, removedAt: null },
    orderBy: { joinedAt: "asc" },
    select: {
      classroom: {
        select: {
          id: true,
          name: true,
          archivedAt: true,
          teachers: { orderBy: { addedAt: "asc" }, select: { teacher: { select: { name: true } } } },
          projects: {
            where: { status: "PUBLISHED" },
            orderBy: { publishedAt: "desc" },
            select: { id: true, title: true, goal: true },
          },
        },
      },
    },
  });
  return { classrooms: enrollments.map((e) => e.classroom) };
}

export const action = keepsFormOnFailure(async ({ request, context }: ActionFunctionArgs) => {
  const student = await requireStudent(request);
  const submission = parseSubmission(await readForm(request), { schema: joinClassSchema });
  if (submission.status !== "success") return data({ reply: submission.reply(), notice: null }, { status: 400 });
  // Wrong codes are counted, so join codes cannot be guessed by trying them all.
  const limits: [RateLimitName, string][] = [
    ["JOIN_STUDENT", student.id],
    ["JOIN_ADDRESS", clientAddress(context)],
  ];
  const allowed = await checkLimits(limits);
  if (!allowed.ok) {
    const refusal = tooManyTries(allowed.retryAfterSeconds, "wrong join codes");
    return data({ reply: submission.reply({ fieldErrors: { code: [refusal.message] } }), notice: null }, { status: 429, headers: refusal.headers });
  }
  const code = normalizeJoinCode(submission.value.code);
  const classroom = isWellFormedJoinCode(code) ? await findClassroomByJoinCode(code) : null;
  if (!classroom) {
    await countTry(limits);
    return data(
      {
        reply: submission.reply({ fieldErrors: { code: ["We couldn't find a class with that code. Check it with your teacher — codes are 6 letters and digits."] } }),
        notice: null,
      },
      { status: 400 },
    );
  }
  const enrolment = await enrollStudent(classroom.id, student.id);
  if (enrolment.status === "refused") {
    // Blocked by the teacher: said plainly, without saying more.
    return data({ reply: submission.reply({ fieldErrors: { code: [JOIN_REFUSED] } }), notice: null }, { status: 403 });
  }
  const notice = enrolment.status === "already" ? `You're already in ${classroom.name}.` : `Welcome to ${classroom.name}!`;
  return data({ reply: submission.reply({ resetForm: true }), notice });
});

export default function StudentHome() {
  const { classrooms } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "join-class",
    lastResult: actionData?.reply,
    ...validateWith(joinClassSchema),
  });
  return (
    <>
      <PageHeader title="My classes and projects" subtitle="Every attempt teaches you something. Pick up where you left off." />
      <div className="grid gap-6 md:grid-cols-3">
        <div className="space-y-6 md:col-span-2">
          {classrooms.length === 0 ? (
            <EmptyState>You haven&apos;t joined a class yet. Ask your teacher for the join code.</EmptyState>
          ) : (
            classrooms.map((c) => (
              <Card key={c.id} title={c.name}>
                <p className="-mt-2 mb-3 text-sm text-slate-600">
                  {c.teachers.length > 0
                    ? `${c.teachers.length === 1 ? "Teacher" : "Teachers"}: ${c.teachers.map((t) => t.teacher.name).join(", ")}`
                    : "This class is archived: its teacher has left Rebound. Your work here is kept."}
                </p>
                {c.projects.length === 0 ? (
                  <p className="text-slate-700">No projects published yet.</p>
                ) : (
                  <ul className="space-y-2">
                    {c.projects.map((p) => (
                      <li key={p.id}>
                        <Link to={paths.studentProject(p.id)} className="font-medium">
                          {p.title}
                        </Link>
                        <p className="text-sm text-slate-700">{p.goal}</p>
                      </li>
                    ))}
                  </ul>
                )}
              </Card>
            ))
          )}
        </div>
        <Card title="Join a class">
          <Form method="post" className="space-y-3" {...getFormProps(form)}>
            <Field
              label="Join code"
              hint="6 letters and digits, from your teacher."
              errors={fields.code.errors}
              inputProps={{ ...getInputProps(fields.code, { type: "text" }), autoComplete: "off", className: "font-mono uppercase" }}
            />
            <p role="status" className="text-sm font-medium text-emerald-900">
              {actionData && "notice" in actionData ? actionData.notice : ""}
            </p>
            <FormAlert message={form.errors} />
            <SubmitButton pendingText="Joining…">Join class</SubmitButton>
          </Form>
        </Card>
      </div>
    </>
  );
}
