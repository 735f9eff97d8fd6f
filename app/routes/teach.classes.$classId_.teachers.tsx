// Who teaches a class (decision 021): every teacher of it has the same rights.
// A teacher invites a colleague with a one-time code the colleague types on
// their own "My classes" page; any teacher may remove a co-teacher or leave,
// but the last teacher cannot leave (the class would belong to nobody).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requireTeacher } from "~/auth/session.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { ConfirmForm, SubmitButton } from "~/components/form";
import { ActionNotice, Badge, Card, MainAndSide, PageHeader, formatDateTime } from "~/components/ui";
import { CLASS_TEACHER_SOURCE_WORDS, NOT_FOUND } from "~/domain/labels";
import {
  cancelCoTeacherInvite,
  createCoTeacherInvite,
  listClassTeachers,
  outstandingInvite,
  removeClassTeacher,
} from "~/models/class-teachers.server";
import { findTeacherClassroom } from "~/models/classroom.server";
import { keepsFormOnFailure } from "~/utils/action-failure.server";
import { readForm } from "~/utils/form.server";
import { notFound } from "~/utils/http.server";
import { paths } from "~/utils/paths";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Teachers · ${data?.classroom.name ?? "Class"} · Rebound` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const teacher = await requireTeacher(request);
  const classroom = await findTeacherClassroom(params.classId ?? "", teacher.id);
  if (!classroom) notFound(NOT_FOUND.classroom);
  const [teachers, invite] = await Promise.all([listClassTeachers(classroom.id, teacher.id), outstandingInvite(classroom.id, teacher.id)]);
  return {
    classroom: { id: classroom.id, name: classroom.name },
    me: teacher.id,
    teachers: teachers.map((t) => ({
      classTeacherId: t.id,
      userId: t.teacher.id,
      name: t.teacher.name,
      email: t.teacher.email,
      addedAt: t.addedAt,
      how: CLASS_TEACHER_SOURCE_WORDS[t.source as keyof typeof CLASS_TEACHER_SOURCE_WORDS] ?? null,
    })),
    invite: invite ? { expiresAt: invite.expiresAt } : null,
  };
}

type Answer = {
  ok: boolean;
  message: string | null;
  invite?: { code: string; expiresAt: string };
};

export const action = keepsFormOnFailure(async ({ request, params }: ActionFunctionArgs) => {
  const teacher = await requireTeacher(request);
  const classroom = await findTeacherClassroom(params.classId ?? "", teacher.id);
  if (!classroom) notFound(NOT_FOUND.classroom);
  const form = await readForm(request);
  const intent = form.get("intent");
  const answer = (a: Answer, status = 200) => data(a, { status });
  if (intent === "invite") {
    const made = await createCoTeacherInvite(classroom.id, teacher.id);
    if (!made)
      return answer(
        {
          ok: false,
          message: "This class is archived: nobody can be invited to it.",
        },
        400
      );
    return answer({
      ok: true,
      message: null,
      invite: { code: made.code, expiresAt: made.expiresAt.toISOString() },
    });
  }
  if (intent === "cancel-invite") {
    const cancelled = await cancelCoTeacherInvite(classroom.id, teacher.id);
    return answer({
      ok: true,
      message: cancelled ? "The invitation is cancelled: its code no longer works." : "There was no invitation to cancel.",
    });
  }
  if (intent === "remove-teacher") {
    const result = await removeClassTeacher(classroom.id, teacher.id, String(form.get("classTeacherId") ?? ""));
    if (!result.ok) {
      const message =
        result.reason === "last-teacher"
          ? "A class needs at least one teacher. Invite a co-teacher first, or delete your account to hand the class over."
          : "That teacher is no longer in this class; the list below is up to date.";
      return answer({ ok: false, message }, 400);
    }
    // Someone who left no longer teaches the class: back to their own classes.
    if (result.self) return redirect(paths.teacherHome());
    return answer({
      ok: true,
      message: "Removed from the class's teachers. What they wrote for students stays.",
    });
  }
  return answer(
    {
      ok: false,
      message: "We didn't understand that request. Reload the page and try again.",
    },
    400
  );
});

export default function ClassTeachersPage() {
  const { classroom, me, teachers, invite } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const only = teachers.length === 1;
  return (
    <>
      <Breadcrumbs
        crumbs={[
          { label: "My classes", to: paths.teacherHome() },
          { label: classroom.name, to: paths.teacherClass(classroom.id) },
        ]}
      />
      <PageHeader
        title="Teachers"
        subtitle={`Everyone who teaches ${classroom.name} sees and does the same: projects, students, insight and feedback.`}
      />
      <ActionNotice result={answer} />
      {answer && "invite" in answer && answer.invite ? <InviteNotice {...answer.invite} className={classroom.name} /> : null}
      <MainAndSide
        main={
          <Card title={`Who teaches ${classroom.name}`}>
            <ul className="divide-y divide-slate-200">
              {teachers.map((t) => (
                <li key={t.classTeacherId} className="flex flex-wrap items-center justify-between gap-2 py-3">
                  <div>
                    <span className="font-medium">{t.name}</span>
                    {t.userId === me ? (
                      <span className="ml-2">
                        <Badge>You</Badge>
                      </span>
                    ) : null}
                    <span className="block text-sm text-slate-700">{t.email}</span>
                    <span className="block text-sm text-slate-600">
                      Since {formatDateTime(t.addedAt)}
                      {t.how ? ` · ${t.how}` : ""}
                    </span>
                  </div>
                  {only ? null : (
                    <ConfirmForm
                      question={
                        t.userId === me
                          ? `Leave ${classroom.name}? You will no longer see it.`
                          : `Remove ${t.name} from the teachers of ${classroom.name}?`
                      }
                    >
                      <input type="hidden" name="classTeacherId" value={t.classTeacherId} />
                      <SubmitButton
                        intent="remove-teacher"
                        variant={t.userId === me ? "secondary" : "danger"}
                        pendingText="Removing…"
                        className="px-2 py-1 text-xs"
                      >
                        {t.userId === me ? (
                          "Leave this class"
                        ) : (
                          <>
                            Remove<span className="sr-only"> {t.name}</span>
                          </>
                        )}
                      </SubmitButton>
                    </ConfirmForm>
                  )}
                </li>
              ))}
            </ul>
            {only ? (
              <p className="mt-3 text-sm text-slate-700">
                You are the only teacher. A class needs one, so you can&apos;t leave it until someone else teaches it too.
              </p>
            ) : null}
          </Card>
        }
        side={
          <Card title="Invite a co-teacher">
            <>
              <p className="text-sm text-slate-700">
                Make a code and give it to your colleague. They sign in with their teacher account and type it under &ldquo;Join a class as a
                co-teacher&rdquo; on their &ldquo;My classes&rdquo; page. It works once, for three days.
              </p>
              {invite ? (
                <p className="mt-3 text-sm text-slate-700">
                  An invitation is waiting, until {formatDateTime(invite.expiresAt)}. A new code replaces it.
                </p>
              ) : null}
              <div className="mt-3 flex flex-wrap gap-2">
                <Form method="post">
                  <SubmitButton intent="invite" pendingText="Making a code…">
                    {invite ? "Make a new code" : "Make an invitation code"}
                  </SubmitButton>
                </Form>
                {invite ? (
                  <Form method="post">
                    <SubmitButton intent="cancel-invite" variant="secondary" pendingText="Cancelling…">
                      Cancel the invitation
                    </SubmitButton>
                  </Form>
                ) : null}
              </div>
            </>
          </Card>
        }
      />
    </>
  );
}

/** The invitation code, shown this once (only its hash is kept). */
function InviteNotice({ code, expiresAt, className }: { code: string; expiresAt: string; className: string }) {
  return (
    <div role="status" className="mb-6 rounded-lg border border-brand-100 bg-brand-50 p-5 text-brand-800">
      <h2 className="text-lg font-semibold">Invitation code for {className}</h2>
      <p className="mt-2 font-mono text-3xl font-semibold tracking-widest text-slate-900">{code}</p>
      <p className="mt-2">Give this code to the colleague who will teach with you. It works once, until {formatDateTime(expiresAt)}.</p>
      <p className="mt-1 text-sm">It is shown only now. If it gets lost, make a new one: the old one stops working.</p>
    </div>
  );
}
