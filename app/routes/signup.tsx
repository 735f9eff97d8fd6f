import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { validateWith } from "~/components/form-validation";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { hashPassword } from "~/auth/password.server";
import { getUser, homePathFor, startSession } from "~/auth/session.server";
import { checkLimits, clientAddress, countTry, tooManyTries, type RateLimitName } from "~/auth/rate-limit.server";
import { safeRedirect } from "~/domain/safe-redirect";
import { isUniqueViolation } from "~/utils/prisma-errors.server";
import { ErrorList, Field, SubmitButton } from "~/components/form";
import { prisma } from "~/db.server";
import { signupSchema } from "~/schemas/auth";
import { parseSubmission } from "~/utils/submission";
import { paths } from "~/utils/paths";
import { readForm } from "~/utils/form.server";
import { keepsFormOnFailure } from "~/utils/action-failure.server";
import { replyOf } from "~/utils/save-failed";

export const meta: MetaFunction = () => [{ title: "Sign up · Rebound" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await getUser(request);
  if (user) throw redirect(homePathFor(user.role));
  // Not null: Remix answers a `?_data=` request for a loader that returned null with a 500.
  return {};
}

export const action = keepsFormOnFailure(async ({ request, context }: ActionFunctionArgs) => {
  const formData = await readForm(request);
  const submission = parseSubmission(formData, { schema: signupSchema });
  if (submission.status !== "success") {
    return data(submission.reply({ hideFields: ["password"] }), { status: 400 });
  }
  const { name, email, password, role, redirectTo } = submission.value;
  // Sign-up cannot hide that an email is taken (no email is sent to prove the
  // address), so tries are limited tightly per email (decision 010).
  const limits: [RateLimitName, string][] = [
    ["SIGNUP_EMAIL", email],
    ["SIGNUP_ADDRESS", clientAddress(context)],
  ];
  const allowed = await checkLimits(limits);
  if (!allowed.ok) {
    const refusal = tooManyTries(allowed.retryAfterSeconds, "sign-ups");
    return data(submission.reply({ formErrors: [refusal.message], hideFields: ["password"] }), { status: 429, headers: refusal.headers });
  }
  await countTry(limits);
  // Hashed before looking the email up: a taken email and a new one cost the same work.
  const passwordHash = await hashPassword(password);
  const taken = () =>
    data(
      submission.reply({
        fieldErrors: { email: ["An account with this email already exists. Log in instead, or use another email."] },
        hideFields: ["password"],
      }),
      { status: 400 },
    );
  const existing = await prisma.user.findUnique({ where: { email }, select: { id: true } });
  if (existing) return taken();
  try {
    const user = await prisma.user.create({ data: { name, email, role, passwordHash }, select: { id: true, role: true } });
    return startSession(request, user.id, safeRedirect(redirectTo, homePathFor(role)));
  } catch (error) {
    // Two sign-ups with one email at once: the second is told what the first would have been.
    if (isUniqueViolation(error)) return taken();
    throw error;
  }
});

export default function Signup() {
  const lastResult = replyOf(useActionData<typeof action>());
  const [searchParams] = useSearchParams();
  const [form, fields] = useForm({
    id: "signup",
    lastResult,
    ...validateWith(signupSchema),
    defaultValue: { role: searchParams.get("role") === "TEACHER" ? "TEACHER" : "STUDENT" },
  });
  return (
    <div className="mx-auto max-w-md rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h1 className="text-2xl font-semibold">Create your Rebound account</h1>
      <p className="mt-1 text-slate-700">A place where a &ldquo;not yet&rdquo; is the start of learning.</p>
      <Form method="post" className="mt-6 space-y-4" {...getFormProps(form)}>
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
        <fieldset>
          <legend className="block text-sm font-medium text-slate-800">I am a</legend>
          <div className="mt-1 flex gap-6">
            {(["STUDENT", "TEACHER"] as const).map((role) => (
              <label key={role} className="flex items-center gap-2">
                <input
                  type="radio"
                  name={fields.role.name}
                  value={role}
                  defaultChecked={fields.role.initialValue === role}
                  className="h-4 w-4"
                />
                {role === "TEACHER" ? "Teacher" : "Student"}
              </label>
            ))}
          </div>
          <ErrorList id={fields.role.errorId} errors={fields.role.errors} />
        </fieldset>
        <Field label="Name" errors={fields.name.errors} inputProps={{ ...getInputProps(fields.name, { type: "text" }), autoComplete: "name" }} />
        <Field label="Email" errors={fields.email.errors} inputProps={{ ...getInputProps(fields.email, { type: "email" }), autoComplete: "email" }} />
        <Field
          label="Password"
          hint="At least 10 characters."
          errors={fields.password.errors}
          inputProps={{ ...getInputProps(fields.password, { type: "password" }), autoComplete: "new-password" }}
        />
        <ErrorList id={form.errorId} errors={form.errors} />
        <SubmitButton pendingText="Creating your account…" className="w-full">
          Sign up
        </SubmitButton>
      </Form>
      <p className="mt-4 text-sm text-slate-700">
        Already have an account? <Link to={paths.login(searchParams)}>Log in</Link>
      </p>
    </div>
  );
}
