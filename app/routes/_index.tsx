import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { getUser, homePathFor } from "~/auth/session.server";
import { buttonClass } from "~/components/form";
import { paths } from "~/utils/paths";

export const meta: MetaFunction = () => [
  { title: "Rebound · a classroom where failure is data" },
  { name: "description", content: "Iterative projects, low-stakes checkpoints and reflection journals." },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await getUser(request);
  if (user) throw redirect(homePathFor(user.role));
  // Not null: Remix answers a `?_data=` request for a loader that returned null with a 500.
  return {};
}

export default function Index() {
  return (
    <div className="mx-auto max-w-3xl py-8">
      <h1 className="text-4xl font-semibold tracking-tight">A classroom where failure is data.</h1>
      <p className="mt-4 text-lg text-slate-700">
        Rebound gives teachers iterative projects made of low-stakes checkpoints and reflection prompts. Students try,
        hear &ldquo;not yet&rdquo;, revise and keep a journal of what they learned. Every attempt is kept, and the
        teacher sees the ideas the class is wrestling with.
      </p>
      <div className="mt-8 flex flex-wrap gap-3">
        <Link to={paths.signup({ role: "TEACHER" })} className={buttonClass("primary")}>
          I&apos;m a teacher
        </Link>
        <Link to={paths.signup({ role: "STUDENT" })} className={buttonClass("secondary")}>
          I&apos;m a student
        </Link>
        <Link to={paths.login()} className={buttonClass("secondary")}>
          Log in
        </Link>
      </div>
    </div>
  );
}
