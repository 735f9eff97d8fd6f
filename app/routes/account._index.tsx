import { readForm } from "~/utils/form.server";
import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { hashPassword, verifyPassword } from "~/auth/password.server";
import { checkLimits, clearTries, countTry, tooManyTries, type RateLimitName } from "~/auth/rate-limit.server";
import { countActiveSessions, endAllSessions, requireUserSession, startSession } from "~/auth/session.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { Field, FormAlert, SubmitButton, buttonClass, useResultFor } from "~/components/form";
import { validateWith } from "~/components/form-validation";
import { NewPasswordFields } from "~/components/new-password-fields";
import { Card, Notice, PageHeader } from "~/components/ui";
import { prisma } from "~/db.server";
import { ROLE_WORDS, homePathFor } from "~/domain/roles";
import { plural } from "~/domain/words";
import { changePasswordSchema } from "~/schemas/auth";
import { paths } from "~/utils/paths";
import { parseSubmission } from "~/utils/submission";
import { keepsFormOnFailure } from "~/utils/action-failure.server";

export const meta: MetaFunction = () => [{ title: "Your account · Rebound" }];

const CONFIRM_LOGOUT_EVERYWHERE = "logout-everywhere";

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireUserSession(request);
  const url = new URL(request.url);
  return {
    user: { name: user.name, email: user.email, role: user.role },
    sessions: await countActiveSessions(user.id),
    confirmingLogoutEverywhere: url.searchParams.get("confirm") === CONFIRM_LOGOUT_EVERYWHERE,
    passwordChanged: url.searchParams.get("done") === "password",
  };
}

const HIDDEN_PASSWORDS = ["currentPassword", "newPassword", "confirmPassword"];

export const action = keepsFormOnFailure(async ({ request }: ActionFunctionArgs) => {
  const { user } = await requireUserSession(request);
  const formData = await readForm(request);
  const intent = formData.get("intent");
  if (intent === "logout-everywhere") return endAllSessions(request, user.id);
  if (intent !== "change-password") {
    return data({ formId: null, reply: null, message: "We didn't understand that request. Reload the page and try again." }, { status: 400 });
  }
  const formId = "change-password";
  const submission = parseSubmission(formData, { schema: changePasswordSchema });
  if (submission.status !== "success") {
    return data({ formId, reply: submission.reply({ hideFields: HIDDEN_PASSWORDS }), message: null }, { status: 400 });
  }
  const { currentPassword, newPassword } = submission.value;
  // Checked before the password hash, so guessing the current password from a borrowed session is slow and cheap.
  const limit: [RateLimitName, string][] = [["PASSWORD_CHANGE", user.id]];
  const allowed = await checkLimits(limit);
  if (!allowed.ok) {
    const refusal = tooManyTries(allowed.retryAfterSeconds, "tries to change your password");
    return data(
      { formId, reply: submission.reply({ formErrors: [refusal.message], hideFields: HIDDEN_PASSWORDS }), message: null },
      { status: 429, headers: refusal.headers },
    );
  }
  const account = await prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
  if (!(await verifyPassword(account.passwordHash, currentPassword))) {
    await countTry(limit);
    return data(
      {
        formId,
        reply: submission.reply({ fieldErrors: { currentPassword: ["That isn't your current password. Check it and try again."] }, hideFields: HIDDEN_PASSWORDS }),
        message: null,
      },
      { status: 400 },
    );
  }
  const passwordHash = await hashPassword(newPassword);
  // Every session of the account ends (a device someone else still holds is signed out); this browser gets a new one.
  await prisma.$transaction([
    prisma.user.update({ where: { id: user.id }, data: { passwordHash } }),
    prisma.session.deleteMany({ where: { userId: user.id } }),
  ]);
  await clearTries("PASSWORD_CHANGE", user.id);
  return startSession(request, user.id, `${paths.account()}?done=password`);
});

export default function AccountPage() {
  const { user, sessions, confirmingLogoutEverywhere, passwordChanged } = useLoaderData<typeof loader>();
  const result = useResultFor<typeof action>("change-password");
  const unknownRequest = useActionData<typeof action>()?.message;
  const [form, fields] = useForm({
    id: "change-password",
    lastResult: result?.reply,
    ...validateWith(changePasswordSchema),
  });
  return (
    <>
      <Breadcrumbs crumbs={[{ label: ROLE_WORDS[user.role].home, to: homePathFor(user.role) }]} />
      <PageHeader title="Your account" />
      <FormAlert message={unknownRequest} />
      {passwordChanged ? (
        <div className="mb-6">
          <Notice tone="good">Your password is changed. You are still signed in here; every other device was signed out.</Notice>
        </div>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-2">
        <div className="space-y-6">
          <Card title="About you">
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2">
              <dt className="font-medium text-slate-800">Name</dt>
              <dd className="break-words">{user.name}</dd>
              <dt className="font-medium text-slate-800">Email</dt>
              <dd className="break-all">{user.email}</dd>
              <dt className="font-medium text-slate-800">Role</dt>
              <dd>{ROLE_WORDS[user.role].label}</dd>
            </dl>
          </Card>

          <Card title="Where you are signed in" id="sessions">
            <p className="text-slate-800">
              You are signed in on {plural(sessions, "browser or device", "browsers or devices")}, this one included. Each one signs out by
              itself after a while without activity.
            </p>
            {confirmingLogoutEverywhere ? (
              <div className="mt-4 rounded-md border border-amber-300 bg-amber-50 p-4 text-amber-900">
                <h3 className="font-semibold">Log out everywhere?</h3>
                <p className="mt-1">
                  This signs you out on every device, this one too. Anything typed on another device and not yet sent stays there unsent. You can log
                  in again straight away.
                </p>
                <div className="mt-3 flex flex-wrap gap-3">
                  <Form method="post">
                    <SubmitButton intent="logout-everywhere" variant="danger" pendingText="Logging out everywhere…">
                      Yes, log out everywhere
                    </SubmitButton>
                  </Form>
                  <Link to={`${paths.account()}#sessions`} className={buttonClass("secondary")}>
                    Cancel
                  </Link>
                </div>
              </div>
            ) : (
              <p className="mt-4">
                <Link to={`${paths.account()}?confirm=${CONFIRM_LOGOUT_EVERYWHERE}#sessions`} className={buttonClass("secondary")}>
                  Log out everywhere…
                </Link>
              </p>
            )}
          </Card>

          <Card title="Your data">
            <ul className="space-y-3">
              <li>
                <Link to={paths.accountData()} className="font-medium">
                  Download my data
                </Link>
                <p className="text-sm text-slate-700">Everything Rebound keeps about you, as a file you can open and keep.</p>
              </li>
              <li>
                <Link to={paths.accountDelete()} className="font-medium">
                  Delete my account
                </Link>
                <p className="text-sm text-slate-700">What is removed and what is kept is explained before anything is deleted.</p>
              </li>
            </ul>
          </Card>
        </div>

        <Card title="Change your password">
          <Form method="post" className="space-y-4" {...getFormProps(form)}>
            {/* Tells a password manager which account this is; not sent. */}
            <input type="email" autoComplete="username" value={user.email} readOnly hidden />
            <div id={form.errorId}>
              <FormAlert message={form.errors} />
            </div>
            <Field
              label="Current password"
              errors={fields.currentPassword.errors}
              inputProps={{ ...getInputProps(fields.currentPassword, { type: "password" }), autoComplete: "current-password" }}
            />
            <NewPasswordFields newPassword={fields.newPassword} confirmPassword={fields.confirmPassword} />
            <p className="text-sm text-slate-700">Changing your password signs you out on every other device.</p>
            <SubmitButton intent="change-password" pendingText="Changing your password…">
              Change password
            </SubmitButton>
          </Form>
        </Card>
      </div>
    </>
  );
}
