// The sign-in sheet of a class (issue 11, decision 024): a card per student
// with the class's name, their email, a set-up code when they need one, and
// where to go. Set-up codes are stored only as hashes, so the sheet is made
// when the teacher asks for the codes — the answer to that post — and says
// that the codes are shown this once. Printed on A4, cards kept whole. Making
// a sheet is limited per teacher (RATE_LIMIT_SIGN_IN_SHEET, decision 010).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { checkLimits, countTry, tooManyTries } from "~/auth/rate-limit.server";
import { requireTeacher } from "~/auth/session.server";
import { hasUsablePassword } from "~/auth/password.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { SubmitButton } from "~/components/form";
import { Card, PageHeader, formatDateTime } from "~/components/ui";
import { prisma } from "~/db.server";
import { NOT_FOUND } from "~/domain/labels";
import { plural } from "~/domain/words";
import { taughtBy } from "~/models/class-teachers.server";
import { issueSignInSheet } from "~/models/setup-code.server";
import { keepsFormOnFailure } from "~/utils/action-failure.server";
import { readForm } from "~/utils/form.server";
import { notFound } from "~/utils/http.server";
import { paths } from "~/utils/paths";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Sign-in sheet · ${data?.classroom.name ?? "Class"} · Rebound` }];

async function requireClass(request: Request, classId: string | undefined) {
  const teacher = await requireTeacher(request);
  const classroom = await prisma.classroom.findFirst({
    where: { id: classId ?? "", ...taughtBy(teacher.id) },
    select: { id: true, name: true, enrollments: { where: { removedAt: null }, select: { student: { select: { passwordHash: true } } } } },
  });
  if (!classroom) notFound(NOT_FOUND.classroom);
  return { teacher, classroom };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { classroom } = await requireClass(request, params.classId);
  const students = classroom.enrollments.length;
  const withoutPassword = classroom.enrollments.filter((e) => !hasUsablePassword(e.student.passwordHash)).length;
  return { classroom: { id: classroom.id, name: classroom.name }, students, withoutPassword };
}

export const action = keepsFormOnFailure(async ({ request, params }: ActionFunctionArgs) => {
  const { teacher, classroom } = await requireClass(request, params.classId);
  const form = await readForm(request);
  if (form.get("intent") !== "make-codes") return data({ ok: false as const, message: "We didn't understand that request." }, { status: 400 });
  const who = form.get("who") === "all" ? "all" : "new";
  // Each sheet hashes a code per student: limited per teacher (decision 010), counted before the work.
  const check = await checkLimits([["SIGN_IN_SHEET", teacher.id]]);
  if (!check.ok) {
    const { message, headers } = tooManyTries(check.retryAfterSeconds, "sign-in sheets made");
    return data({ ok: false as const, message }, { status: 429, headers });
  }
  await countTry([["SIGN_IN_SHEET", teacher.id]]);
  const cards = await issueSignInSheet(teacher.id, classroom.id, who);
  if (!cards) notFound(NOT_FOUND.classroom);
  const origin = new URL(request.url).origin;
  return data({
    ok: true as const,
    setupAddress: `${origin}${paths.setupCode()}`,
    loginAddress: `${origin}${paths.login()}`,
    madeAt: new Date().toISOString(),
    cards: cards.map((c) => ({ ...c, expiresAt: c.expiresAt?.toISOString() ?? null })),
  });
});

export default function SignInSheetPage() {
  const { classroom, students, withoutPassword } = useLoaderData<typeof loader>();
  const sheet = useActionData<typeof action>();
  const cards = sheet?.ok ? sheet : null;
  // A refused request, or a save the database did not take (keepsFormOnFailure): say so above the form.
  const failed = sheet && !sheet.ok ? sheet : null;
  return (
    <>
      <Breadcrumbs crumbs={[{ label: "My classes", to: paths.teacherHome() }, { label: classroom.name, to: paths.teacherClass(classroom.id) }]} />
      <div data-print="hide">
        <PageHeader title="Sign-in sheet" subtitle={`${classroom.name}: ${plural(students, "student")}, ${withoutPassword} without a password yet.`} />
      </div>
      {cards ? (
        <>
          <div role="status" data-print="hide" className="mb-6 rounded-lg border border-brand-100 bg-brand-50 p-4 text-brand-800">
            <p className="font-semibold">Print this page now: the set-up codes are shown only this once.</p>
            <p className="mt-1 text-sm">
              Rebound keeps only a scrambled form of each code. If a card gets lost, make the sheet again — new codes replace the old ones. A code
              works once, for three days; a student&apos;s password, if they have one, keeps working until they use it.
            </p>
            <button type="button" onClick={() => window.print()} className="mt-3 rounded-md bg-brand-700 px-3 py-1.5 text-sm font-medium text-white">
              Print the cards
            </button>
          </div>
          <ul className="sign-in-sheet grid grid-cols-1 gap-4 sm:grid-cols-2" aria-label={`Sign-in cards for ${classroom.name}`}>
            {cards.cards.map((c) => (
              <li key={c.studentId} className="sign-in-card rounded-lg border-2 border-dashed border-slate-400 bg-white p-4 text-slate-900">
                <p className="text-sm">Rebound · {classroom.name}</p>
                <p className="mt-1 text-lg font-semibold">{c.name}</p>
                <p className="text-sm">Email: {c.email}</p>
                {c.code ? (
                  <>
                    <p className="mt-2">
                      Set-up code: <span className="font-mono text-xl font-semibold tracking-widest">{c.code}</span>
                    </p>
                    <p className="mt-1 text-sm">
                      Go to <span className="font-mono">{cards.setupAddress}</span>, type your email and this code, and choose your password. The code
                      works once, until {formatDateTime(c.expiresAt!)}.
                    </p>
                  </>
                ) : (
                  <p className="mt-2 text-sm">
                    Log in at <span className="font-mono">{cards.loginAddress}</span> with your email and your own password.
                  </p>
                )}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <Card title="Make the cards">
          {failed ? (
            <p role="alert" className="mb-4 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
              {failed.message}
            </p>
          ) : null}
          <p className="text-sm text-slate-700">
            Each card has the class, the student&apos;s email, and where to go. Students who need one get a new set-up code to choose their password.
            Rebound keeps codes only scrambled, so they are shown once, on the sheet that comes next: have the printer ready.
          </p>
          <Form method="post" className="mt-4 space-y-3">
            <fieldset>
              <legend className="font-medium">Set-up codes for</legend>
              <label className="mt-2 flex items-center gap-2">
                <input type="radio" name="who" value="new" defaultChecked className="h-4 w-4" />
                Students who haven&apos;t chosen a password yet ({withoutPassword})
              </label>
              <label className="mt-1 flex items-center gap-2">
                <input type="radio" name="who" value="all" className="h-4 w-4" />
                Every student I may give a code to (a new code replaces an old one)
              </label>
            </fieldset>
            <SubmitButton intent="make-codes" pendingText="Making the codes…">
              Make the sheet
            </SubmitButton>
          </Form>
          <p className="mt-4 text-sm">
            <Link to={paths.teacherClass(classroom.id)}>Back to the class</Link>
          </p>
        </Card>
      )}
    </>
  );
}
