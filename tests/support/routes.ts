// Calls Remix loaders and actions the way the server does, with real Requests.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { lucia } from "~/auth/lucia.server";

export const BASE = "http://localhost";

export interface RouteResult<T = unknown> {
  status: number;
  data: T;
  headers: Headers;
  /** Location of a redirect, if the route redirected. */
  location: string | null;
}

type RouteFn = (args: LoaderFunctionArgs & ActionFunctionArgs) => unknown;

async function settle(value: unknown): Promise<RouteResult> {
  if (value instanceof Response) {
    const text = await value.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // plain text body
    }
    return { status: value.status, data: body, headers: value.headers, location: value.headers.get("Location") };
  }
  if (value && typeof value === "object" && (value as { type?: string }).type === "DataWithResponseInit") {
    const v = value as { data: unknown; init: ResponseInit | null };
    const headers = new Headers(v.init?.headers);
    return { status: v.init?.status ?? 200, data: v.data, headers, location: headers.get("Location") };
  }
  return { status: 200, data: value, headers: new Headers(), location: null };
}

/** Runs a loader or action; thrown responses (redirects, 404s) are returned, not thrown. */
export async function call<T = any>(fn: unknown, request: Request, params: Record<string, string> = {}): Promise<RouteResult<T>> {
  try {
    return (await settle(await (fn as RouteFn)({ request, params, context: {} } as never))) as RouteResult<T>;
  } catch (thrown) {
    if (thrown instanceof Response) return (await settle(thrown)) as RouteResult<T>;
    throw thrown;
  }
}

export async function cookieFor(userId: string): Promise<string> {
  const session = await lucia.createSession(userId, {});
  return lucia.createSessionCookie(session.id).serialize().split(";")[0];
}

export function get(path: string, cookie?: string): Request {
  return new Request(BASE + path, { headers: cookie ? { Cookie: cookie } : {} });
}

/** A POST with form fields; arrays become repeated fields. */
export function post(path: string, fields: Record<string, string | string[] | number | boolean | undefined>, cookie?: string): Request {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) value.forEach((v) => body.append(key, v));
    else body.append(key, String(value));
  }
  return new Request(BASE + path, {
    method: "POST",
    body,
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...(cookie ? { Cookie: cookie } : {}) },
  });
}
