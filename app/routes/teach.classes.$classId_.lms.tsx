// The LMS courses that open a class (decision 023), and bringing a course's
// roster in with Names and Role Provisioning when the teacher asks. Nobody is
// removed by a sync: students in the class who are not active in the course
// are listed, and the teacher may remove the ones they tick (their work kept).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireTeacher } from "~/auth/session.server";
import { lmsServiceFailure } from "~/components/action-words";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { SubmitButton } from "~/components/form";
import { ActionNotice, Card, EmptyState, PageHeader, formatDateTime } from "~/components/ui";
import { NOT_FOUND } from "~/domain/labels";
import { plural } from "~/domain/words";
import { findTeacherClassroom, removeStudent } from "~/models/classroom.server";
import { lmsCoursesOfClass, studentsStillInClass, syncLmsRoster, type RosterSyncReport } from "~/models/lti/roster-sync.server";
import { keepsFormOnFailure } from "~/utils/action-failure.server";
import { readForm } from "~/utils/form.server";
import { notFound } from "~/utils/http.server";
import { paths } from "~/utils/paths";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `LMS course · ${data?.classroom.name ?? "Class"} · Rebound` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const teacher = await requireTeacher(request);
  const classroom = await findTeacherClassroom(params.classId ?? "", teacher.id);
  if (!classroom) notFound(NOT_FOUND.classroom);
  return { classroom: { id: classroom.id, name: classroom.name }, courses: await lmsCoursesOfClass(classroom.id, teacher.id) };
}

const SYNC_REFUSAL = {
  "no-roster-service": "This course's LMS does not offer its roster to Rebound. Students are enrolled as each opens Rebound from the course.",
  "too-many-pages": "The LMS sent a bigger roster than Rebound reads at once (more than 200 pages or 10,000 people). Nobody was enrolled; ask your LMS administrator.",
  "not-found": "That course is not linked to this class any more. The list below is up to date.",
} as const;

type Answer = { ok: boolean; message: string | null; report?: RosterSyncReport; notInCourse?: { id: string; name: string }[] };

export const action = keepsFormOnFailure(async ({ request, params }: ActionFunctionArgs) => {
  const teacher = await requireTeacher(request);
  const classroom = await findTeacherClassroom(params.classId ?? "", teacher.id);
  if (!classroom) notFound(NOT_FOUND.classroom);
  const form = await readForm(request);
  const answer = (a: Answer, status = 200) => data(a, { status });
  const intent = form.get("intent");
  if (intent === "sync") {
    const result = await syncLmsRoster({ ltiContextId: String(form.get("courseId") ?? ""), classroomId: classroom.id, teacherId: teacher.id });
    if (result.ok) {
      const { report } = result;
      const summary = report.enrolled.length > 0 ? `${plural(report.enrolled.length, "student")} enrolled from ${report.course}.` : `Everyone in ${report.course} was already in the class.`;
      return answer({ ok: true, message: summary, report });
    }
    if (result.reason === "service") return answer({ ok: false, message: lmsServiceFailure("roster", result.failure) }, 502);
    return answer({ ok: false, message: SYNC_REFUSAL[result.reason] }, 400);
  }
  if (intent === "remove") {
    const ids = form.getAll("studentId").map(String);
    // The list the teacher was looking at, as it stands now: shown again under the answer.
    const listed = form.getAll("listed").map(String);
    if (ids.length === 0) {
      return answer({ ok: false, message: "Tick the students to remove first; nobody was removed.", notInCourse: await studentsStillInClass(classroom.id, teacher.id, listed) }, 400);
    }
    let removed = 0;
    for (const studentId of ids) if (await removeStudent({ classroomId: classroom.id, teacherId: teacher.id, studentId, block: false })) removed++;
    return answer({
      ok: true,
      message: `${plural(removed, "student")} removed from the class. Their work is kept, and they can join again.`,
      notInCourse: await studentsStillInClass(classroom.id, teacher.id, listed),
    });
  }
  return answer({ ok: false, message: "We didn't understand that request. Reload the page and try again." }, 400);
});

export default function ClassLmsPage() {
  const { classroom, courses } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  return (
    <>
      <Breadcrumbs
        crumbs={[
          { label: "My classes", to: paths.teacherHome() },
          { label: classroom.name, to: paths.teacherClass(classroom.id) },
        ]}
      />
      <PageHeader title="LMS course" subtitle={`The courses in your school's LMS that open ${classroom.name}.`} />
      <ActionNotice result={answer} />
      {answer && "report" in answer && answer.report ? <SyncReport report={answer.report} /> : null}
      {answer && "notInCourse" in answer && answer.notInCourse ? (
        <Card title="Not active in the LMS course">
          <NotInCourse students={answer.notInCourse} />
        </Card>
      ) : null}
      {courses.length === 0 ? (
        <EmptyState>
          {classroom.name} is not linked to an LMS course. A class is linked when a teacher opens Rebound from a course in the school&apos;s LMS; your school&apos;s
          Rebound administrator registers the LMS first.
        </EmptyState>
      ) : (
        <div className="space-y-6">
          {courses.map((course) => (
            <Card key={course.ltiContextId} title={course.title}>
              <p className="text-slate-700">
                On {course.platformName}.{" "}
                {course.rosterSyncedAt ? `Roster last brought in ${formatDateTime(course.rosterSyncedAt)}.` : "Its roster has not been brought in yet."}
              </p>
              {course.canSyncRoster ? (
                <Form method="post" className="mt-4">
                  <input type="hidden" name="courseId" value={course.ltiContextId} />
                  <p className="mb-3 text-sm text-slate-700">
                    Enrols every active learner of the course, with an account for each who has none (they sign in from the LMS). Teachers of the course who
                    have opened Rebound become co-teachers. Nobody is removed.
                  </p>
                  <SubmitButton name="intent" value="sync" intent="sync" pendingText="Bringing the roster in…">
                    Bring the roster in from the LMS
                  </SubmitButton>
                </Form>
              ) : (
                <p className="mt-3 text-sm text-slate-700">This LMS does not offer the course roster to Rebound: students are enrolled as each opens Rebound from the course.</p>
              )}
            </Card>
          ))}
        </div>
      )}
      <p className="mt-6">
        <Link to={paths.teacherClass(classroom.id)}>Back to {classroom.name}</Link>
      </p>
    </>
  );
}

function Names({ people }: { people: { name: string }[] | string[] }) {
  return <ul className="ml-5 list-disc">{people.map((p, i) => <li key={i}>{typeof p === "string" ? p : p.name}</li>)}</ul>;
}

function SyncReport({ report }: { report: RosterSyncReport }) {
  return (
    <Card title={`What came in from ${report.course}`}>
      <div className="space-y-4">
        <p>
          {plural(report.enrolled.length, "student")} enrolled now; {plural(report.alreadyIn, "student")} already in the class.
        </p>
        {report.enrolled.length > 0 ? (
          <section aria-label="Enrolled now">
            <h3 className="font-medium">Enrolled now</h3>
            <Names people={report.enrolled} />
          </section>
        ) : null}
        {report.coTeachersAdded.length > 0 ? (
          <section aria-label="New co-teachers">
            <h3 className="font-medium">Now co-teachers</h3>
            <Names people={report.coTeachersAdded} />
          </section>
        ) : null}
        {report.teachersNotYetIn.length > 0 ? (
          <section aria-label="Teachers not in Rebound yet">
            <h3 className="font-medium">Teachers of the course who have not opened Rebound yet</h3>
            <p className="text-sm text-slate-700">Each becomes a co-teacher the first time they open Rebound from the course.</p>
            <Names people={report.teachersNotYetIn} />
          </section>
        ) : null}
        {report.blocked.length > 0 ? (
          <section aria-label="Kept out">
            <h3 className="font-medium">Kept out, as you chose</h3>
            <p className="text-sm text-slate-700">You removed these students and kept them from coming back; allow them back on the class page if that has changed.</p>
            <Names people={report.blocked} />
          </section>
        ) : null}
        {report.roleMismatch.length > 0 ? (
          <section aria-label="Left as they are">
            <h3 className="font-medium">Left as they are</h3>
            <p className="text-sm text-slate-700">Their Rebound account has a different role from the one the course gives them.</p>
            <Names people={report.roleMismatch} />
          </section>
        ) : null}
        {report.unreadable > 0 ? <p>{plural(report.unreadable, "member")} of the course came without an LMS user id and were left out.</p> : null}
        <NotInCourse students={report.notInCourse} />
      </div>
    </Card>
  );
}

/**
 * Students of the class not active in the course, each with a tick box. The
 * form carries the whole list, so an answer to it (nothing ticked, or some
 * removed) shows the rest again without another sync.
 */
function NotInCourse({ students, ticked = [] }: { students: { id: string; name: string }[]; ticked?: string[] }) {
  if (students.length === 0) return null;
  return (
    <Form method="post" aria-label="Not in the course">
      <fieldset>
        <legend className="font-medium">In this class but not active in the course</legend>
        <p className="text-sm text-slate-700">
          They may have joined with the class code, or left the course. Nobody is removed unless you tick them; their work is kept either way.
        </p>
        <ul className="mt-2 space-y-1">
          {students.map((s) => (
            <li key={s.id}>
              <input type="hidden" name="listed" value={s.id} />
              <label className="flex items-center gap-2">
                <input type="checkbox" name="studentId" value={s.id} defaultChecked={ticked.includes(s.id)} className="h-5 w-5" />
                {s.name}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <SubmitButton name="intent" value="remove" intent="remove" variant="secondary" className="mt-3" pendingText="Removing…">
        Remove the ticked students from the class
      </SubmitButton>
    </Form>
  );
}
