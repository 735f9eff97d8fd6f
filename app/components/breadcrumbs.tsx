// Breadcrumbs built from the matched routes' `handle`s: each route under a
// project layout may add crumbs after the layout's own. One separator.
import { Link, useMatches } from "@remix-run/react";
import { Fragment } from "react";

/** One step of the trail; without `to` it is plain text. */
export interface Crumb {
  label: string;
  to?: string;
}

/**
 * What a route under a project layout may export as `handle`. `breadcrumb`
 * adds crumbs after the layout's (given the layout's project and the route's
 * own loader data); `frame` says whether the layout shows its breadcrumbs and
 * project navigation on this page (default true).
 */
export interface ProjectHandle<P> {
  breadcrumb?: (project: P, data: unknown) => Crumb[];
  frame?: (data: unknown) => boolean;
}

/** The crumbs and frame setting the matched child routes ask for. */
export function useProjectHandles<P>(project: P | undefined): { crumbs: Crumb[]; frame: boolean } {
  const matches = useMatches();
  const crumbs: Crumb[] = [];
  let frame = true;
  for (const match of matches) {
    const handle = match.handle as ProjectHandle<P> | undefined;
    if (project && handle?.breadcrumb) crumbs.push(...handle.breadcrumb(project, match.data));
    if (handle?.frame && !handle.frame(match.data)) frame = false;
  }
  return { crumbs, frame };
}

export function Breadcrumbs({ crumbs }: { crumbs: Crumb[] }) {
  return (
    <nav aria-label="Breadcrumb" className="mb-2 text-sm text-slate-600 print:hidden">
      {crumbs.map((c, i) => (
        <Fragment key={`${i}-${c.label}`}>
          {i > 0 ? <span aria-hidden="true"> / </span> : null}
          {c.to ? (
            <Link to={c.to} className="underline">
              {c.label}
            </Link>
          ) : (
            c.label
          )}
        </Fragment>
      ))}
    </nav>
  );
}
