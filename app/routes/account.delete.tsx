// Deleting one's own account (decision 012): the password again to confirm; a
// teacher chooses, class by class, to hand it over to another teacher or to
// archive it. Every session ends; afterwards the page says what was kept.
// Works without JavaScript.
import { readForm } from "~/utils/form.server";
import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { lucia } from "~/auth/lucia.server";
import { verifyPassword } from "~/auth/password.server";
import { checkLimits, clientAddress, countTry, tooManyTries, type RateLimitName } from "~/auth/rate-limit.server";
import { getUser, requireUser } from "~/auth/session.server";
import { ErrorList, Field, FormAlert, SubmitButton } from "~/components/form";
import { validateWith } from "~/components/form-validation";
import { Card, PageHeader } from "~/components/ui";
import { prisma } from "~/db.server";
import type { Role } from "~/domain/roles";
import { plural } from "~/domain/words";
import { classesTaughtBy, deleteAccount, planClasses, type ClassChoice } from "~/models/privacy.server";
import { deleteAccountSchema } from "~/schemas/privacy";
import { paths } from "~/utils/paths";
import { parseSubmission } from "~/utils/submission";
import { keepsFormOnFailure } from "~/utils/action-failure.server";
import { replyOf } from "~/utils/save-failed";

export const meta: MetaFunction = () => [{ title: "Delete your account · Rebound" }];

const DONE = `${paths.accountDelete()}?done=1`;

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await getUser(request);
  if (!user) {
    // After the deletion the person is signed out; the page still says what happened.
    if (new URL(request.url).searchParams.get("done") === "1") return { done: true as const };
    return redirect(`/login?redirectTo=${encodeURIComponent(paths.accountDelete())}`);
  }
  const classes = user.role === "TEACHER" ? await classesTaughtBy(user.id) : [];
  return {
    done: false as const,
    role: user.role,
    classes: classes.map((c) => ({ id: c.id, name: c.name, students: c._count.enrollments, projects: c._count.projects })),
  };
}

export const action = keepsFormOnFailure(async ({ request, context }: ActionFunctionArgs) => {
  const user = await requireUser(request);
  const submission = parseSubmission(await readForm(request), { schema: deleteAccountSchema });
  if (submission.status !== "success") return data(submission.reply({ hideFields: ["password"] }), { status: 400 });
  // A wrong password here counts like a failed login to the account.
  const limits: [RateLimitName, string][] = [
    ["LOGIN_ACCOUNT", user.email],
    ["LOGIN_ADDRESS", clientAddress(context)],
  ];
  const allowed = await checkLimits(limits);
  if (!allowed.ok) {
    const refusal = tooManyTries(allowed.retryAfterSeconds, "wrong passwords");
    return data(submission.reply({ formErrors: [refusal.message], hideFields: ["password"] }), { status: 429, headers: refusal.headers });
  }
  const account = await prisma.user.findUnique({ where: { id: user.id }, select: { passwordHash: true } });
  if (!account || !(await verifyPassword(account.passwordHash, submission.value.password))) {
    await countTry(limits);
    return data(submission.reply({ fieldErrors: { password: ["That isn't your password. Check it and try again."] }, hideFields: ["password"] }), { status: 400 });
  }
  const choices: ClassChoice[] = (submission.value.classes ?? []).map((c) =>
    c.choice === "hand-over" ? { classroomId: c.classroomId, choice: "hand-over", email: c.email ?? "" } : { classroomId: c.classroomId, choice: "archive" },
  );
  const planned = await planClasses(user.id, choices);
  if (!planned.ok) {
    const fieldErrors = Object.fromEntries(Object.entries(planned.classErrors).map(([index, message]) => [`classes[${index}].email`, [message]]));
    return data(
      submission.reply({ formErrors: planned.formError ? [planned.formError] : undefined, fieldErrors, hideFields: ["password"] }),
      { status: 400 },
    );
  }
  await deleteAccount(user.id, planned.plan);
  return redirect(DONE, { headers: { "Set-Cookie": lucia.createBlankSessionCookie().serialize() } });
});

export default function DeleteAccount() {
  const loaderData = useLoaderData<typeof loader>();
  if (loaderData.done) return <Deleted />;
  return <DeleteForm role={loaderData.role} classes={loaderData.classes} />;
}

function Deleted() {
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader title="Your account is deleted" subtitle="You are signed out everywhere." />
      <Card title="What was kept">
        <p className="text-sm text-slate-800">
          Nothing that names you. Your name, email, password and sessions are gone, and so is everything you wrote as a student. If you taught, your
          classes went to the teacher you chose or were archived, and your comments, marks and answer groups stay for your students, from “a former
          teacher”.
        </p>
      </Card>
      <p className="mt-6">
        <Link to="/">Back to the start page</Link>
      </p>
    </div>
  );
}

type ClassRow = { id: string; name: string; students: number; projects: number };

function DeleteForm({ role, classes }: { role: Role; classes: ClassRow[] }) {
  const lastResult = replyOf(useActionData<typeof action>());
  const [form, fields] = useForm({
    id: "delete-account",
    lastResult,
    defaultValue: { classes: classes.map((c) => ({ classroomId: c.id })) },
    ...validateWith(deleteAccountSchema),
  });
  const teacher = role === "TEACHER";
  const rows = fields.classes.getFieldList();
  return (
    <>
      <Breadcrumbs crumbs={[{ label: "Your account", to: paths.account() }]} />
      <PageHeader
        title="Delete your account"
        subtitle="This can't be undone. Rebound keeps everything else; deleting your account is the one exception, because it is yours to ask for."
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card title="What happens">
            <p className="text-sm font-medium text-slate-800">Deleted at once:</p>
            <ul className="mt-1 list-disc space-y-0.5 pl-5 text-sm text-slate-800">
              <li>your name, email and password, and every signed-in session (you are signed out everywhere)</li>
              {teacher ? (
                <li>the link between you and what you wrote: nothing names you afterwards</li>
              ) : (
                <>
                  <li>every attempt, with its checks, misconception tags and places in answer groups</li>
                  <li>your journal, drafts included, and the reflections you set aside</li>
                  <li>teachers&apos; comments on your work, and your place in every class</li>
                </>
              )}
            </ul>
            <p className="mt-3 text-sm font-medium text-slate-800">Kept afterwards: nothing that names you.</p>
            {teacher ? (
              <ul className="mt-1 list-disc space-y-0.5 pl-5 text-sm text-slate-800">
                <li>Each class goes to the teacher you name below, or is archived: its students keep their work and nobody can join it.</li>
                <li>Your comments, marks, answer groups and tags stay for your students, shown as from “a former teacher”.</li>
              </ul>
            ) : (
              <p className="mt-1 text-sm text-slate-800">Class figures are worked out afresh without you.</p>
            )}
            <p className="mt-3 text-sm text-slate-800">
              Want a copy first? <Link to={paths.accountData()} className="underline">Download your data</Link>.
            </p>
          </Card>
        </div>
        <Card title="Confirm">
          <Form method="post" className="space-y-4" {...getFormProps(form)}>
            <FormAlert message={form.errors} />
            {rows.map((row, index) => {
              const classroom = classes[index];
              if (!classroom) return null;
              const item = row.getFieldset();
              return (
                <fieldset key={row.key} className="space-y-2 rounded-md border border-slate-200 p-3">
                  <legend className="px-1 text-sm font-semibold text-slate-900">{classroom.name}</legend>
                  <p className="text-xs text-slate-600">
                    {plural(classroom.students, "student")} · {plural(classroom.projects, "project")}
                  </p>
                  <input {...getInputProps(item.classroomId, { type: "hidden" })} />
                  <label className="flex items-center gap-2 text-sm">
                    <input {...getInputProps(item.choice, { type: "radio", value: "hand-over" })} className="h-4 w-4" />
                    Hand it over to another teacher
                  </label>
                  <Field
                    label={
                      <>
                        Their email<span className="sr-only"> for {classroom.name}</span>
                      </>
                    }
                    hint="A teacher with a Rebound account."
                    errors={item.email.errors}
                    inputProps={{ ...getInputProps(item.email, { type: "email" }), autoComplete: "off" }}
                    className="pl-6"
                  />
                  <label className="flex items-center gap-2 text-sm">
                    <input {...getInputProps(item.choice, { type: "radio", value: "archive" })} className="h-4 w-4" />
                    Archive it
                  </label>
                  <ErrorList id={item.choice.errorId} errors={item.choice.errors} />
                </fieldset>
              );
            })}
            <Field
              label="Your password"
              hint="To make sure it is you."
              errors={fields.password.errors}
              inputProps={{ ...getInputProps(fields.password, { type: "password" }), autoComplete: "current-password" }}
            />
            <SubmitButton variant="danger" pendingText="Deleting…" className="w-full">
              Delete my account
            </SubmitButton>
          </Form>
        </Card>
      </div>
    </>
  );
}
