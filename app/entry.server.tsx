// Renders a page on the server, as Remix's default Node entry does, with the
// Content-Security-Policy nonce of the request (scripts/server.mjs) on every
// inline script Remix writes. A request that failed because the database takes
// no changes (a read-only or full disk) answers 503, not 500 (decision 014).
import { Writable } from "node:stream";
import type { AppLoadContext, EntryContext, HandleDataRequestFunction, HandleErrorFunction } from "@remix-run/node";
import { RemixServer, isRouteErrorResponse } from "@remix-run/react";
import { renderToPipeableStream } from "react-dom/server";
import { prisma } from "~/db.server";
import { cachedPlatformOrigins } from "~/models/lti/platforms.server";
import { NonceProvider } from "~/utils/nonce";
import { isStorageUnavailable, lastLine } from "~/utils/prisma-errors.server";
import { stopInsightWorker } from "~/models/insight-worker.server";

const ABORT_DELAY = 5_000;

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** Set by scripts/server.mjs; absent under the Vite dev server and in tests. */
    cspNonce?: string;
    /** The client's address (behind a trusted proxy, the one it reports), for the per-address rate limits. */
    clientAddress?: string;
    /** Set by handleError when the request failed because the database took no changes: the response becomes a 503. */
    storageUnavailable?: boolean;
  }
}

/** How long a client is asked to wait before trying again after a 503. */
const RETRY_AFTER_SECONDS = "30";

/**
 * Logs what a loader or action threw, as Remix's default does; a database that
 * takes no changes is logged in one line and marks the request for a 503.
 */
export const handleError: HandleErrorFunction = (error, { request, context }) => {
  if (isStorageUnavailable(error)) {
    context.storageUnavailable = true;
    console.error(`[rebound] ${request.method} ${new URL(request.url).pathname}: the database took no changes, answering 503: ${lastLine(error)}`);
    return;
  }
  if (request.signal.aborted) return;
  const inner = isRouteErrorResponse(error) ? (error as { error?: unknown }).error : undefined;
  console.error(inner ?? error);
};

/** Data requests (a form sent with JavaScript on) answer 503 too when the database took no changes. */
export const handleDataRequest: HandleDataRequestFunction = (response, { context }) => {
  const storage = Boolean(context.storageUnavailable) && response.status >= 500;
  // Every 503 says when to try again, also an action's answer with its form kept (keepsFormOnFailure).
  if (!storage && (response.status !== 503 || response.headers.has("Retry-After"))) return response;
  const headers = new Headers(response.headers);
  headers.set("Retry-After", RETRY_AFTER_SECONDS);
  return new Response(response.body, { status: 503, headers });
};

/**
 * Called by scripts/server.mjs after the last request in flight has finished:
 * closes the database (closing SQLite's last connection folds its write-ahead
 * log back into the database file).
 */
export async function closeDatabase() {
  await stopInsightWorker();
  await prisma.$disconnect();
}

/**
 * For scripts/lib/app-server.mjs: builds of the insight report run on a worker thread started from `setup`
 * (decision 015); and for that worker (scripts/lib/insight-worker.mjs), the analysis it runs.
 */
export { buildInsightReportHere, useInsightWorker } from "~/models/insight-worker.server";

/**
 * The origins of the registered LMS platforms (decision 023), for
 * scripts/server.mjs: only they may frame Rebound (frame-ancestors), and the
 * LTI pages may post back to them (form-action). Kept for 30 seconds, and
 * read afresh at once after a registration on this server.
 */
export const ltiPlatformOrigins = (now = Date.now()) => cachedPlatformOrigins(now);

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce ?? "";
  if (loadContext.storageUnavailable && responseStatusCode >= 500) responseStatusCode = 503;
  // Every 503 says when to try again, also a page an action answered with its form kept (keepsFormOnFailure).
  if (responseStatusCode === 503 && !responseHeaders.has("Retry-After")) responseHeaders.set("Retry-After", RETRY_AFTER_SECONDS);
  // The whole page is rendered, then sent in one piece with its length
  // (decision 016). The loaders have all finished before this runs and no page
  // defers data, so streaming the shell first sent nothing sooner; it cost a
  // chain of streams and a socket write per chunk React flushed.
  return new Promise<Response>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let rendered = false;
    let abortRender = () => {};
    const timer = setTimeout(() => abortRender(), ABORT_DELAY);
    const page = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        chunks.push(chunk);
        callback();
      },
      final(callback) {
        clearTimeout(timer);
        const body = Buffer.concat(chunks);
        responseHeaders.set("Content-Type", "text/html");
        responseHeaders.set("Content-Length", String(body.byteLength));
        resolve(new Response(body, { headers: responseHeaders, status: responseStatusCode }));
        callback();
      },
    });
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce || undefined} />
      </NonceProvider>,
      {
        nonce: nonce || undefined,
        onAllReady() {
          rendered = true;
          pipe(page);
        },
        onShellError(error: unknown) {
          clearTimeout(timer);
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // Errors before the page was ready reject and are logged by Remix; later ones only here.
          if (rendered) console.error(error);
        },
      },
    );
    abortRender = abort;
  });
}
