// Live updates without reloading (decision 019): the page polls a resource
// route for a version string read from the database (so it works with several
// app servers and under the Content-Security-Policy: a same-origin fetch from
// the app's own script) and, when it changed, reloads its data the way Remix
// does after a form (revalidation). Without JavaScript the page says to reload
// it and offers a link that does.
import { Link, useNavigation, useRevalidator } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";

/** How often a page asks whether anything changed. */
export const POLL_MS = 3000;

/**
 * Polls `url` (a resource route answering `{ "version": "…" }`) every few
 * seconds while `active`, and revalidates the page when the version is not the
 * one its data was loaded with. Pauses while the tab is hidden and while a
 * form is on its way; stops when the answer is not a version (signed out).
 */
export function useLiveUpdates(url: string, version: string, active: boolean, intervalMs = POLL_MS) {
  const revalidator = useRevalidator();
  const navigation = useNavigation();
  const latest = useRef({ version, revalidator, navigationState: navigation.state });
  latest.current = { version, revalidator, navigationState: navigation.state };
  const [stopped, setStopped] = useState(false);

  useEffect(() => {
    if (!active || stopped) return;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      if (cancelled) return;
      const now = latest.current;
      if (!document.hidden && now.navigationState === "idle" && now.revalidator.state === "idle") {
        try {
          const response = await fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin", cache: "no-store" });
          const body: unknown = response.ok && !response.redirected ? await response.json() : null;
          const seen = body && typeof body === "object" && typeof (body as { version?: unknown }).version === "string" ? (body as { version: string }).version : null;
          if (seen === null) {
            // Signed out, or the project is gone: one revalidation shows why, and the polling stops.
            setStopped(true);
            latest.current.revalidator.revalidate();
            return;
          }
          if (!cancelled && seen !== latest.current.version && latest.current.revalidator.state === "idle") latest.current.revalidator.revalidate();
        } catch {
          // The network dropped for a moment: try again at the next tick.
        }
      }
      if (!cancelled) timer = setTimeout(tick, intervalMs);
    };
    timer = setTimeout(tick, intervalMs);
    return () => {
      cancelled = true;
      if (timer) clearTimeout(timer);
    };
  }, [url, active, stopped, intervalMs]);
}

/**
 * The page's live status line: "Updates by itself" with JavaScript (the hook
 * running), a reload link without it. `announce` is read out politely when it
 * changes (e.g. "5 posts on the board").
 */
export function LiveStatus({ url, version, active, reloadTo, announce }: { url: string; version: string; active: boolean; reloadTo: string; announce: string }) {
  useLiveUpdates(url, version, active);
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return (
    <div className="flex flex-wrap items-center gap-3 text-sm text-slate-700 print:hidden">
      <p aria-live="polite" aria-atomic="true">
        {announce}
      </p>
      {active ? (
        hydrated ? (
          <p>
            <span aria-hidden="true" className="mr-1 inline-block h-2 w-2 rounded-full bg-emerald-600" />
            Updates by itself every few seconds.
          </p>
        ) : (
          <p>
            New posts show when you reload.{" "}
            <Link to={reloadTo} reloadDocument className="font-medium">
              Reload the board
            </Link>
          </p>
        )
      ) : null}
    </div>
  );
}
