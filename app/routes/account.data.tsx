// "Your data": what Rebound holds about the signed-in person, section by
// section, and the download of all of it (account.data.download.tsx answers
// with the zip). Decision 012.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { requireUser } from "~/auth/session.server";
import { buttonClass } from "~/components/form";
import { Card, PageHeader } from "~/components/ui";
import { sectionSummaries } from "~/domain/privacy";
import { collectAccountData } from "~/models/privacy.server";
import { notFound } from "~/utils/http.server";
import { paths } from "~/utils/paths";

export const meta: MetaFunction = () => [{ title: "Your data · Rebound" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const data = await collectAccountData(user.id);
  if (!data) notFound("We couldn't find your account.");
  return {
    role: user.role,
    sections: sectionSummaries(data.record).filter((s) => s.count > 0 || s.section === "account"),
  };
}

export default function AccountData() {
  const { role, sections } = useLoaderData<typeof loader>();
  const teacher = role === "TEACHER";
  return (
    <>
      <Breadcrumbs crumbs={[{ label: "Your account", to: paths.account() }]} />
      <PageHeader
        title="Your data"
        subtitle="Everything Rebound holds about you, and a copy to keep."
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card title="What Rebound holds about you">
            <ul className="divide-y divide-slate-200">
              {sections.map((s) => (
                <li key={s.section} className="py-3">
                  <p className="font-medium text-slate-900">
                    {s.title} <span className="font-normal text-slate-700">· {s.section === "account" ? "1 account" : `${s.count} ${s.count === 1 ? "row" : "rows"}`}</span>
                  </p>
                  <p className="text-sm text-slate-700">{s.what}</p>
                </li>
              ))}
            </ul>
          </Card>
          <Card title="Who can see it">
            <ul className="list-disc space-y-1 pl-5 text-sm text-slate-800">
              {teacher ? (
                <>
                  <li>Your classes, projects, comments and marks: you, and the students of each class see what is addressed to them.</li>
                  <li>Your name: your students, beside your comments and on their class list.</li>
                </>
              ) : (
                <>
                  <li>Your attempts, shared journal entries and the comments on them: you and the teacher of that class.</li>
                  <li>Journal drafts and reflections you set aside: only you.</li>
                  <li>Your name and email: the teachers of the classes you joined. Other students never see your work.</li>
                </>
              )}
            </ul>
          </Card>
        </div>
        <div className="space-y-6">
          <Card title="Download a copy">
            <p className="text-sm text-slate-700">
              A zip with a read-me, <span className="font-mono">data.json</span> (everything) and a CSV file for each part, which opens in any spreadsheet.
            </p>
            <a href={paths.accountDataDownload()} className={`${buttonClass("primary")} mt-3`} download>
              Download my data
            </a>
          </Card>
          <Card title="Delete your account">
            <p className="text-sm text-slate-700">
              {teacher
                ? "You choose who takes over each of your classes, or archive them. Your comments and marks stay for your students, from “a former teacher”."
                : "Your attempts, journal and everything else on this page are deleted with it."}
            </p>
            <Link to={paths.accountDelete()} className="mt-2 inline-block text-sm">
              Delete my account…
            </Link>
          </Card>
        </div>
      </div>
    </>
  );
}
