// Remix's own request handler over the app's route modules, in-process: for
// the paths Remix answers itself before any loader sees the request, the
// single-fetch `.data` requests and the older `?_data=<route id>` ones. Pages
// (document requests) are not rendered here; those are for Playwright.
import path from "node:path";
import { flatRoutes } from "@remix-run/dev/dist/config/flat-routes.js";
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import * as root from "~/root";

const modules = import.meta.glob<Record<string, unknown>>("../../app/routes/*.{ts,tsx}", { eager: true });

/** Errors Remix reported while answering (a loader or action that threw something other than a Response). */
export const handlerErrors: unknown[] = [];

let handler: ReturnType<typeof createRequestHandler> | undefined;

/** The app's routes as Remix's Vite plugin finds them (app/routes, flat files), with the route modules themselves. */
function build(): ServerBuild {
  const manifest = flatRoutes(path.resolve(import.meta.dirname, "../../app"));
  const routes: ServerBuild["routes"] = { root: { id: "root", path: "", module: root as never } };
  for (const route of Object.values(manifest)) {
    const module = modules[`../../app/${route.file}`];
    if (!module) throw new Error(`No module for ${route.file}`);
    routes[route.id] = { id: route.id, parentId: route.parentId ?? "root", path: route.path, index: route.index, caseSensitive: route.caseSensitive, module: module as never };
  }
  return {
    mode: "production",
    entry: {
      module: {
        default: () => new Response("Pages are not rendered in this test.", { status: 501 }),
        handleError: (error: unknown) => {
          // Remix warns (through handleError) on every `?_data=` request of a single-fetch app; that is not a failure.
          if (error instanceof Error && error.message.startsWith("Warning: Single fetch-enabled apps")) return;
          handlerErrors.push(error);
        },
      },
    },
    routes,
    assets: { entry: { imports: [], module: "" }, routes: {}, url: "", version: "test" },
    publicPath: "/",
    assetsBuildDirectory: "",
    future: { v3_fetcherPersist: true, v3_relativeSplatPath: true, v3_throwAbortReason: true, v3_singleFetch: true, v3_lazyRouteDiscovery: false } as ServerBuild["future"],
    isSpaMode: false,
  };
}

/** Sends a request through Remix's handler, as the server would after its own checks. */
export function remixHandle(request: Request): Promise<Response> {
  handler ??= createRequestHandler(build(), "production");
  return handler(request, {});
}

/** The route id Remix gives a route file (`routes/<file name>`), for `?_data=`. */
export const remixRouteId = (routeFile: string) => `routes/${routeFile}`;
