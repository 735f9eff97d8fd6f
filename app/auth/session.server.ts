import { redirect } from "@remix-run/node";
import type { User } from "lucia";
import { lucia } from "~/auth/lucia.server";
import { homePathFor } from "~/domain/roles";
import { paths } from "~/utils/paths";

export type SessionUser = User;

function sessionIdFrom(request: Request): string | null {
  return lucia.readSessionCookie(request.headers.get("Cookie") ?? "");
}

/**
 * The signed-in user, or null. Returns headers to set when Lucia refreshed or
 * cleared the session cookie; loaders should pass them on.
 */
export async function getUser(request: Request): Promise<{ user: SessionUser | null; headers: Headers }> {
  const headers = new Headers();
  const sessionId = sessionIdFrom(request);
  if (!sessionId) return { user: null, headers };
  const { session, user } = await lucia.validateSession(sessionId);
  if (session?.fresh) headers.append("Set-Cookie", lucia.createSessionCookie(session.id).serialize());
  if (!session) headers.append("Set-Cookie", lucia.createBlankSessionCookie().serialize());
  return { user, headers };
}

function loginRedirect(request: Request): never {
  const url = new URL(request.url);
  const redirectTo = `${url.pathname}${url.search}`;
  throw redirect(paths.login({ redirectTo }));
}

export async function requireUser(request: Request): Promise<SessionUser> {
  const { user } = await getUser(request);
  if (!user) loginRedirect(request);
  return user;
}

export async function requireTeacher(request: Request): Promise<SessionUser> {
  const user = await requireUser(request);
  if (user.role !== "TEACHER") throw new Response("This page is for teachers.", { status: 403 });
  return user;
}

export async function requireStudent(request: Request): Promise<SessionUser> {
  const user = await requireUser(request);
  if (user.role !== "STUDENT") throw new Response("This page is for students.", { status: 403 });
  return user;
}

/** Starts a session and redirects, setting the session cookie. */
export async function startSession(userId: string, redirectTo: string): Promise<Response> {
  const session = await lucia.createSession(userId, {});
  return redirect(redirectTo, {
    headers: { "Set-Cookie": lucia.createSessionCookie(session.id).serialize() },
  });
}

export async function endSession(request: Request): Promise<Response> {
  const sessionId = sessionIdFrom(request);
  if (sessionId) await lucia.invalidateSession(sessionId);
  return redirect(paths.home(), { headers: { "Set-Cookie": lucia.createBlankSessionCookie().serialize() } });
}

export { homePathFor };
