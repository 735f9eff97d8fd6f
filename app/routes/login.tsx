import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { validateWith } from "~/components/form-validation";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { dummyPasswordHash, verifyPassword } from "~/auth/password.server";
import { checkLimits, clearTries, clientAddress, countTry, tooManyTries, type RateLimitName } from "~/auth/rate-limit.server";
import { getUser, homePathFor, sessionPolicy, startSession } from "~/auth/session.server";
import { signedOutNotice } from "~/domain/signed-out";
import { safeRedirect } from "~/domain/safe-redirect";
import { ErrorList, Field, SubmitButton } from "~/components/form";
import { Notice } from "~/components/ui";
import { paths } from "~/utils/paths";
import { prisma } from "~/db.server";
import type { Role } from "~/domain/roles";
import { loginSchema } from "~/schemas/auth";
import { parseSubmission } from "~/utils/submission";
import { readForm } from "~/utils/form.server";
import { keepsFormOnFailure } from "~/utils/action-failure.server";
import { replyOf } from "~/utils/save-failed";

export const meta: MetaFunction = () => [{ title: "Log in · Rebound" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await getUser(request);
  if (user) throw redirect(homePathFor(user.role));
  return { signedOut: signedOutNotice(new URL(request.url).searchParams.get("signedOut"), sessionPolicy()) };
}

const BAD_LOGIN = "That email and password don't match an account. Check both and try again.";

export const action = keepsFormOnFailure(async ({ request, context }: ActionFunctionArgs) => {
  const formData = await readForm(request);
  const submission = parseSubmission(formData, { schema: loginSchema });
  if (submission.status !== "success") {
    return data(submission.reply({ hideFields: ["password"] }), { status: 400 });
  }
  const { email, password, redirectTo } = submission.value;
  // Checked before the password hash, so a flood of guesses costs the server nothing.
  const limits: [RateLimitName, string][] = [
    ["LOGIN_ACCOUNT", email],
    ["LOGIN_ADDRESS", clientAddress(context)],
  ];
  const allowed = await checkLimits(limits);
  if (!allowed.ok) {
    const refusal = tooManyTries(allowed.retryAfterSeconds, "tries to log in");
    return data(submission.reply({ formErrors: [refusal.message], hideFields: ["password"] }), { status: 429, headers: refusal.headers });
  }
  const user = await prisma.user.findUnique({ where: { email }, select: { id: true, role: true, passwordHash: true } });
  // Verify against a dummy hash when there is no such user, so the answer and
  // its timing are the same whether or not the email exists.
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  if (!user || !valid) {
    await countTry(limits);
    return data(submission.reply({ formErrors: [BAD_LOGIN], hideFields: ["password"] }), { status: 400 });
  }
  await clearTries("LOGIN_ACCOUNT", email);
  return startSession(request, user.id, safeRedirect(redirectTo, homePathFor(user.role as Role)));
});

export default function Login() {
  const { signedOut } = useLoaderData<typeof loader>();
  const lastResult = replyOf(useActionData<typeof action>());
  const [searchParams] = useSearchParams();
  const [form, fields] = useForm({
    id: "login",
    lastResult,
    ...validateWith(loginSchema),
  });
  return (
    <div className="mx-auto max-w-md rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h1 className="text-2xl font-semibold">Log in to Rebound</h1>
      {signedOut ? (
        <div className="mt-4">
          <Notice>{signedOut}</Notice>
        </div>
      ) : null}
      <Form method="post" className="mt-6 space-y-4" {...getFormProps(form)}>
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
        <div role="alert" aria-live="polite">
          <ErrorList id={form.errorId} errors={form.errors} />
        </div>
        <Field label="Email" errors={fields.email.errors} inputProps={{ ...getInputProps(fields.email, { type: "email" }), autoComplete: "email" }} />
        <Field
          label="Password"
          errors={fields.password.errors}
          inputProps={{ ...getInputProps(fields.password, { type: "password" }), autoComplete: "current-password" }}
        />
        <SubmitButton pendingText="Logging in…" className="w-full">
          Log in
        </SubmitButton>
      </Form>
      <p className="mt-4 text-sm text-slate-700">
        <Link to={paths.setupCode(searchParams.get("redirectTo"))}>Have a set-up code from your teacher?</Link>
      </p>
      <p className="mt-2 text-sm text-slate-700">
        New here? <Link to={paths.signup(searchParams)}>Create an account</Link>
      </p>
    </div>
  );
}
