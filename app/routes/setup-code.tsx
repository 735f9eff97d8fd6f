import { readForm } from "~/utils/form.server";
import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { checkLimits, clearTries, clientAddress, countTry, tooManyTries, type RateLimitName } from "~/auth/rate-limit.server";
import { getUser, homePathFor, startSession } from "~/auth/session.server";
import { Field, FormAlert, SubmitButton } from "~/components/form";
import { validateWith } from "~/components/form-validation";
import { NewPasswordFields } from "~/components/new-password-fields";
import { safeRedirect } from "~/domain/safe-redirect";
import { plural } from "~/domain/words";
import { SETUP_CODE_HOURS, redeemSetupCode } from "~/models/setup-code.server";
import { setupCodeSchema } from "~/schemas/auth";
import { paths } from "~/utils/paths";
import { parseSubmission } from "~/utils/submission";
import { keepsFormOnFailure } from "~/utils/action-failure.server";
import { replyOf } from "~/utils/save-failed";

export const meta: MetaFunction = () => [{ title: "Use a set-up code · Rebound" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await getUser(request);
  if (user) throw redirect(homePathFor(user.role));
  // Not null: Remix answers a `?_data=` request for a loader that returned null with a 500.
  return {};
}

const HIDDEN = ["newPassword", "confirmPassword"];
const MISMATCH = "That email and set-up code don't match. Check both with your teacher; a code works only once, and a newer code replaces an older one.";
const EXPIRED = `That set-up code has run out (a code lasts ${plural(SETUP_CODE_HOURS / 24, "day")}). Ask your teacher for a new one.`;

export const action = keepsFormOnFailure(async ({ request, context }: ActionFunctionArgs) => {
  const submission = parseSubmission(await readForm(request), { schema: setupCodeSchema });
  if (submission.status !== "success") return data(submission.reply({ hideFields: HIDDEN }), { status: 400 });
  const { email, code, newPassword, redirectTo } = submission.value;
  // Checked before the code's hash, like a login: guessing codes is slow and costs the server nothing.
  const limits: [RateLimitName, string][] = [
    ["SETUP_CODE_ACCOUNT", email],
    ["SETUP_CODE_ADDRESS", clientAddress(context)],
  ];
  const allowed = await checkLimits(limits);
  if (!allowed.ok) {
    const refusal = tooManyTries(allowed.retryAfterSeconds, "tries with a set-up code");
    return data(submission.reply({ formErrors: [refusal.message], hideFields: HIDDEN }), { status: 429, headers: refusal.headers });
  }
  const result = await redeemSetupCode(email, code, newPassword);
  if (!result.ok) {
    await countTry(limits);
    const message = result.reason === "expired" ? EXPIRED : MISMATCH;
    return data(submission.reply({ formErrors: [message], hideFields: HIDDEN }), { status: 400 });
  }
  // A fresh start: earlier wrong codes and wrong passwords no longer count against the account.
  await clearTries("SETUP_CODE_ACCOUNT", email);
  await clearTries("LOGIN_ACCOUNT", email);
  return startSession(request, result.user.id, safeRedirect(redirectTo, homePathFor(result.user.role)));
});

export default function SetupCodePage() {
  const lastResult = replyOf(useActionData<typeof action>());
  const [searchParams] = useSearchParams();
  const [form, fields] = useForm({
    id: "setup-code",
    lastResult,
    ...validateWith(setupCodeSchema),
  });
  return (
    <div className="mx-auto max-w-md rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h1 className="text-2xl font-semibold">Choose a new password</h1>
      <p className="mt-1 text-slate-700">
        Forgot your password? Your teacher can give you a set-up code. Type it here with your email, and choose a new password.
      </p>
      <Form method="post" className="mt-6 space-y-4" {...getFormProps(form)}>
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
        <div id={form.errorId}>
          <FormAlert message={form.errors} />
        </div>
        <Field label="Email" errors={fields.email.errors} inputProps={{ ...getInputProps(fields.email, { type: "email" }), autoComplete: "username" }} />
        <Field
          label="Set-up code"
          hint="8 letters and digits from your teacher, like K7MP-Q4XY."
          errors={fields.code.errors}
          inputProps={{ ...getInputProps(fields.code, { type: "text" }), autoComplete: "one-time-code", spellCheck: false, className: "font-mono uppercase" }}
        />
        <NewPasswordFields newPassword={fields.newPassword} confirmPassword={fields.confirmPassword} />
        <SubmitButton pendingText="Setting your password…" className="w-full">
          Set my password and log in
        </SubmitButton>
      </Form>
      <p className="mt-4 text-sm text-slate-700">
        Remembered it?{" "}
        <Link to={paths.login({ redirectTo: searchParams.get("redirectTo") })} className="underline">
          Log in
        </Link>
      </p>
    </div>
  );
}
