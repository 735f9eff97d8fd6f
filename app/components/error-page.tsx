// What a page says when its loader or action threw: a friendly title and
// message for each status. Used by the root's error boundary and by the
// project layouts' boundaries, which keep their breadcrumbs around it.
import { Link, isRouteErrorResponse } from "@remix-run/react";
import { paths } from "~/utils/paths";

function describeError(error: unknown): { title: string; message: string } {
  const text = (fallback: string) => (isRouteErrorResponse(error) && typeof error.data === "string" && error.data ? error.data : fallback);
  if (isRouteErrorResponse(error)) {
    if (error.status === 404) return { title: "We couldn't find that page", message: text("It may have moved, or you may not have access to it.") };
    if (error.status === 403) return { title: "This page isn't available to you", message: text("You don't have access to this page.") };
    if (error.status === 400) return { title: "That request didn't make sense to us", message: text("Please go back and try again.") };
    // 413, 415, 429…: what was sent was refused, and the answer says why.
    if (error.status > 400 && error.status < 500) return { title: "We couldn't take that request", message: text("Please go back and try again.") };
  }
  // Nothing here knows whether a save went through, so it does not claim one did.
  return {
    title: "Something went wrong on our side",
    message: "If you were saving something, it may not have been saved. Go back, check what is there, and try again in a moment.",
  };
}

export function ErrorPage({ error, back = { to: paths.home(), label: "Go to the start page" } }: { error: unknown; back?: { to: string; label: string } }) {
  const { title, message } = describeError(error);
  return (
    <div className="mx-auto max-w-xl rounded-lg border border-slate-200 bg-white p-8">
      <h1 className="text-2xl font-semibold">{title}</h1>
      <p className="mt-3 text-slate-700">{message}</p>
      <p className="mt-6">
        <Link to={back.to}>{back.label}</Link>
      </p>
    </div>
  );
}
