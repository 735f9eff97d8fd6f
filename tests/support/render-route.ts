// Renders a route module to HTML the way the server would, without a browser:
// its loader runs against a real Request, and its component renders inside a
// static router with that data. For asserting on what a page shows (e.g. that a
// name never appears). @remix-run/testing is not installed; react-router-dom's
// static router is what Remix renders with underneath.
import { createElement, type ComponentType } from "react";
import { renderToString } from "react-dom/server";
import type { LoaderFunction } from "react-router-dom";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";

export interface RouteModule {
  loader: (args: never) => unknown;
  /** Run for a POST request, before the loader, as Remix does for a form sent without JavaScript. */
  action?: unknown;
  default: ComponentType;
}

export interface RenderedRoute {
  status: number;
  /** The component's HTML (empty when the loader threw or redirected). */
  html: string;
  /** The visible text: the HTML without tags and React's comment markers, whitespace collapsed. */
  text: string;
  /** What the loader returned, as it reaches the page. */
  loaderData: unknown;
  /** What the action returned (a POST), as it reaches the page. */
  actionData?: unknown;
}

function visibleText(html: string): string {
  return html
    .replace(/<!--.*?-->/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/\s+/g, " ")
    .trim();
}

/** Runs the route's action (for a POST) and loader for the request and renders its component; `path` is the route pattern, e.g. "/teach/projects/:projectId/debrief". */
export async function renderRoute(route: RouteModule, path: string, request: Request): Promise<RenderedRoute> {
  const id = "route";
  const handler = createStaticHandler([
    {
      id,
      path,
      loader: (args) => (route.loader as (a: unknown) => ReturnType<LoaderFunction>)({ ...args, context: {} }),
      action: route.action ? (args) => (route.action as (a: unknown) => ReturnType<LoaderFunction>)({ ...args, context: {} }) : undefined,
      Component: route.default,
    },
  ]);
  const context = await handler.query(request);
  if (context instanceof Response) return { status: context.status, html: "", text: "", loaderData: null };
  if (context.errors) {
    const error = Object.values(context.errors)[0];
    return { status: context.statusCode, html: "", text: "", loaderData: error && typeof error === "object" && "data" in error ? (error as { data: unknown }).data : null };
  }
  const router = createStaticRouter(handler.dataRoutes, context);
  const html = renderToString(createElement(StaticRouterProvider, { router, context, hydrate: false }));
  return { status: context.statusCode, html, text: visibleText(html), loaderData: context.loaderData[id], actionData: context.actionData?.[id] };
}
