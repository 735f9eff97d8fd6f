// Helpers for LTI tests (decision 023): run the tool's login initiation and
// launch as the mock platform and a browser would, against the route modules.
import { prisma } from "~/db.server";
import { toolJwks } from "~/models/lti/keys.server";
import { registerPlatform } from "~/models/lti/platforms.server";
import { action as launchAction } from "~/routes/lti.launch";
import { loader as loginLoader } from "~/routes/lti.login";
import { MockLtiPlatform, type MockMember } from "./mock-lti-platform";
import { BASE, call, type RouteResult } from "./routes";

export const LAUNCH_URL = `${BASE}/lti/launch`;

/** A mock platform (on 127.0.0.1; the app's requests are on localhost) registered in this file's database. */
export async function registeredPlatform(): Promise<{ platform: MockLtiPlatform; platformId: string }> {
  const platform = await MockLtiPlatform.start({ toolJwks: () => toolJwks(), toolLaunchUrl: LAUNCH_URL });
  const saved = await registerPlatform(platform.registration());
  if (!saved.ok) throw new Error("could not register the mock platform");
  return { platform, platformId: saved.id };
}

/** The tool's login initiation, as the platform starts it: the state and nonce sent on, and the browser's state cookie. */
export async function startLogin(platform: MockLtiPlatform, loginHint = "hint") {
  const query = new URLSearchParams({ iss: platform.issuer, login_hint: loginHint, target_link_uri: LAUNCH_URL, client_id: platform.clientId, lti_deployment_id: platform.deploymentId });
  const res = await call(loginLoader, new Request(`${BASE}/lti/login?${query}`));
  if (res.status !== 302 || !res.location) throw new Error(`login initiation answered ${res.status}: ${JSON.stringify(res.data)}`);
  const auth = new URL(res.location);
  const cookie = (res.headers.get("Set-Cookie") ?? "").split(";")[0];
  return { auth, state: auth.searchParams.get("state")!, nonce: auth.searchParams.get("nonce")!, cookie, setCookie: res.headers.get("Set-Cookie") ?? "" };
}

/** Posts a launch (id_token and state) as the platform's page does, from its own site, with the browser's cookies. */
export function postLaunch(fields: { id_token?: string; state?: string }, cookie?: string, options: { framed?: boolean } = {}): Promise<RouteResult<unknown>> {
  const body = new URLSearchParams(Object.entries(fields).filter(([, v]) => v !== undefined) as [string, string][]);
  const headers: Record<string, string> = { "Content-Type": "application/x-www-form-urlencoded" };
  // The browser says where the response goes: a frame inside the LMS's page.
  if (options.framed) headers["Sec-Fetch-Dest"] = "iframe";
  if (cookie) headers.Cookie = cookie;
  return call(launchAction, new Request(LAUNCH_URL, { method: "POST", body, headers }));
}

/** A whole launch of `member` through login and launch; returns the launch's answer and its session cookie. */
export async function launch(platform: MockLtiPlatform, courseId: string, member: MockMember, kind: Parameters<MockLtiPlatform["launchClaims"]>[2] = { link: "link-1" }) {
  const login = await startLogin(platform);
  const token = await platform.idToken(platform.launchClaims(courseId, member, kind), login.nonce);
  const res = await postLaunch({ id_token: token, state: login.state }, login.cookie);
  const session = (res.headers.getSetCookie?.() ?? []).find((c) => c.startsWith("rebound_session="));
  return { res, sessionCookie: session?.split(";")[0], sessionSetCookie: session };
}

export async function userOf(platformId: string, sub: string) {
  return (await prisma.ltiIdentity.findUniqueOrThrow({ where: { platformId_sub: { platformId, sub } }, select: { user: true } })).user;
}
