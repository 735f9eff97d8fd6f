// LTI 1.3 login and launch against the mock platform (decision 023): the
// whole OIDC round, who lands where, and every launch that must be refused —
// bad signature, replayed nonce, wrong audience, expired token, unknown
// deployment, missing state, another browser's state — with a message and no
// account, class or session made.
import { SignJWT, generateKeyPair } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { createTeacher } from "../support/factories";
import { ROLE, type MockLtiPlatform } from "../support/mock-lti-platform";
import { action as pickerAction, loader as pickerLoader } from "~/routes/lti.deep-link.$requestId";
import { BASE, call } from "../support/routes";
import { action as continueAction, loader as continueLoader } from "~/routes/lti.continue";
import { launch, postLaunch, registeredPlatform, startLogin, userOf } from "../support/lti";

let platform: MockLtiPlatform;
let platformId: string;

beforeAll(async () => {
  ({ platform, platformId } = await registeredPlatform());
});
afterAll(() => platform.stop());

const teacher = { sub: "t-100", name: "Grace Hopper", email: "grace@school.example", roles: [ROLE.instructor] };
const student = { sub: "s-200", name: "Ada Lovelace", email: "ada@school.example", roles: [ROLE.learner] };

async function counts() {
  return { users: await prisma.user.count(), sessions: await prisma.session.count(), classes: await prisma.classroom.count(), enrolments: await prisma.enrollment.count() };
}

describe("the login initiation", () => {
  it("sends the browser to the platform's authorization address with a state, a nonce and a SameSite=None state cookie", async () => {
    const login = await startLogin(platform, "someone");
    expect(login.auth.origin + login.auth.pathname).toBe(`${platform.origin}/auth`);
    expect(Object.fromEntries(login.auth.searchParams)).toMatchObject({
      scope: "openid",
      response_type: "id_token",
      response_mode: "form_post",
      prompt: "none",
      client_id: platform.clientId,
      redirect_uri: "http://localhost/lti/launch",
      login_hint: "someone",
    });
    expect(login.state).toMatch(/^[\w-]{43}$/);
    expect(login.nonce).toMatch(/^[\w-]{43}$/);
    expect(login.setCookie).toMatch(/HttpOnly; Secure; SameSite=None/);
    expect(await prisma.ltiLoginState.count({ where: { id: login.state, nonce: login.nonce } })).toBe(1);
  });

  it("refuses an unknown issuer, a missing hint and a target on another site, with a message", async () => {
    const { loader } = await import("~/routes/lti.login");
    const { call } = await import("../support/routes");
    const ask = (q: Record<string, string>) => call(loader, new Request(`http://localhost/lti/login?${new URLSearchParams(q)}`));
    const unknown = await ask({ iss: "https://other-lms.example", login_hint: "x", target_link_uri: "http://localhost/lti/launch" });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.data)).toContain("doesn't know this LMS");
    expect((await ask({ iss: platform.issuer, target_link_uri: "http://localhost/lti/launch" })).status).toBe(400);
    expect((await ask({ iss: platform.issuer, login_hint: "x", target_link_uri: "https://evil.example/lti/launch" })).status).toBe(400);
  });
});

describe("a launch", () => {
  it("makes the course a class taught by the first instructor, signs them in with a cookie that works in an iframe, and lands on the class", async () => {
    platform.addCourse({ id: "course-1", title: "Physics 11", members: [teacher, student] });
    const { res, sessionSetCookie } = await launch(platform, "course-1", teacher);
    expect(res.status, JSON.stringify(res.data)).toBe(302);
    expect(sessionSetCookie).toMatch(/Secure/);
    expect(sessionSetCookie).toMatch(/SameSite=None/);
    const user = await userOf(platformId, teacher.sub);
    expect(user).toMatchObject({ role: "TEACHER", name: "Grace Hopper", email: "grace@school.example" });
    const context = await prisma.ltiContext.findFirstOrThrow({ where: { platformId, contextId: "course-1" }, include: { classroom: { include: { teachers: true } } } });
    expect(context.classroom.name).toBe("Physics 11");
    expect(context.classroom.teachers).toEqual([expect.objectContaining({ teacherId: user.id, source: "LTI" })]);
    expect(context.membershipsUrl).toBe(`${platform.origin}/nrps/course-1`);
    expect(res.location).toBe(`/teach/classes/${context.classroomId}`);
    // The state cookie is cleared.
    expect(res.headers.getSetCookie().some((c) => c.startsWith("rebound_lti_") && c.includes("Max-Age=0"))).toBe(true);
  });

  it("enrols a learner in the course's class, and a second launch signs in the same account", async () => {
    const first = await launch(platform, "course-1", student);
    expect(first.res.status).toBe(302);
    expect(first.res.location).toBe("/learn");
    const user = await userOf(platformId, student.sub);
    expect(user.role).toBe("STUDENT");
    const context = await prisma.ltiContext.findFirstOrThrow({ where: { platformId, contextId: "course-1" } });
    expect(await prisma.enrollment.count({ where: { classroomId: context.classroomId, studentId: user.id, removedAt: null } })).toBe(1);
    const before = await prisma.user.count();
    const again = await launch(platform, "course-1", { ...student, name: "Ada L." });
    expect(again.res.status).toBe(302);
    expect(await prisma.user.count()).toBe(before);
  });

  it("lands a student on the published project the link opens, and its teacher on the teacher's page, without a password", async () => {
    const context = await prisma.ltiContext.findFirstOrThrow({ where: { platformId, contextId: "course-1" } });
    const project = await prisma.project.create({ data: { classroomId: context.classroomId, title: "Momentum", goal: "Explain collisions", status: "PUBLISHED", publishedAt: new Date() } });
    const asStudent = await launch(platform, "course-1", student, { link: "link-momentum", custom: { rebound_project: project.id } });
    expect(asStudent.res.location).toBe(`/learn/projects/${project.id}`);
    // The link remembers its project, whether or not the next launch carries the custom parameter.
    const asTeacher = await launch(platform, "course-1", teacher, { link: "link-momentum" });
    expect(asTeacher.res.location).toBe(`/teach/projects/${project.id}`);
    // A project of another class named in the link is not opened.
    const other = await prisma.project.create({ data: { classroomId: (await prisma.classroom.create({ data: { name: "Elsewhere", joinCode: "ZZZ999" } })).id, title: "Not theirs", goal: "x", status: "PUBLISHED" } });
    const foreign = await launch(platform, "course-1", student, { link: "link-foreign", custom: { rebound_project: other.id } });
    expect(foreign.res.location).toBe("/learn");
  });

  it("makes a co-teacher of a second instructor", async () => {
    const second = { sub: "t-101", name: "Katherine Johnson", roles: [ROLE.instructor] };
    const { res } = await launch(platform, "course-1", second);
    expect(res.status).toBe(302);
    const context = await prisma.ltiContext.findFirstOrThrow({ where: { platformId, contextId: "course-1" } });
    expect(await prisma.classTeacher.count({ where: { classroomId: context.classroomId } })).toBe(2);
  });

  it("never signs in to an existing account by its email: the launch gets an account of its own", async () => {
    const existing = await createTeacher("Existing Teacher");
    const claimant = { sub: "t-evil", name: "Someone", email: existing.email, roles: [ROLE.instructor] };
    const { res } = await launch(platform, "course-1", claimant);
    expect(res.status).toBe(302);
    const made = await userOf(platformId, "t-evil");
    expect(made.id).not.toBe(existing.id);
    expect(made.email).not.toBe(existing.email);
    expect(made.email).toMatch(/@lms\.rebound\.invalid$/);
    expect(await prisma.ltiIdentity.count({ where: { userId: existing.id } })).toBe(0);
  });

  it("refuses a learner before any instructor opened the course, and an account whose role differs", async () => {
    platform.addCourse({ id: "course-empty", title: "Empty", members: [] });
    const early = await launch(platform, "course-empty", { sub: "s-early", name: "Early", roles: [ROLE.learner] });
    expect(early.res.status).toBe(400);
    expect(String(early.res.data)).toContain("hasn't opened Rebound from this course yet");
    const switched = await launch(platform, "course-1", { ...student, roles: [ROLE.instructor] });
    expect(switched.res.status).toBe(400);
    expect(String(switched.res.data)).toContain("different role");
  });
});

describe("refused launches: a message, no account, class or session", () => {
  async function refusedWith(run: () => Promise<{ status: number; data: unknown }>, words: string) {
    const before = await counts();
    const res = await run();
    expect(res.status).toBe(400);
    expect(String(res.data)).toContain(words);
    expect(await counts()).toEqual(before);
  }
  const claims = () => platform.launchClaims("course-1", { sub: "s-new", name: "New Learner", roles: [ROLE.learner] }, { link: "link-1" });

  it("a bad signature (another key, same key id)", async () => {
    const forger = await generateKeyPair("RS256");
    const login = await startLogin(platform);
    await refusedWith(async () => postLaunch({ id_token: await platform.idToken(claims(), login.nonce, {}, forger.privateKey), state: login.state }, login.cookie), "didn't match its keys");
  });

  it("a replayed id_token: refused again, even with a fresh state carrying its nonce", async () => {
    const login = await startLogin(platform);
    const token = await platform.idToken(claims(), login.nonce);
    const first = await postLaunch({ id_token: token, state: login.state }, login.cookie);
    expect(first.status).toBe(302);
    await refusedWith(() => postLaunch({ id_token: token, state: login.state }, login.cookie), "already been used");
    // Another server's state that happens to hold the same nonce: the nonce table still refuses it.
    const replay = await startLogin(platform);
    await prisma.ltiLoginState.update({ where: { id: replay.state }, data: { nonce: login.nonce } });
    await refusedWith(() => postLaunch({ id_token: token, state: replay.state }, replay.cookie), "used already");
  });

  it("a token for another tool (wrong audience), or naming several audiences without azp", async () => {
    const login = await startLogin(platform);
    await refusedWith(async () => postLaunch({ id_token: await platform.idToken(claims(), login.nonce, { aud: "another-tool", azp: "another-tool" }), state: login.state }, login.cookie), "meant for another tool");
    const again = await startLogin(platform);
    await refusedWith(
      async () => postLaunch({ id_token: await platform.idToken(claims(), again.nonce, { aud: [platform.clientId, "another-tool"], azp: undefined }), state: again.state }, again.cookie),
      "meant for another tool",
    );
  });

  it("an expired token, and one issued too long ago", async () => {
    const now = Math.floor(Date.now() / 1000);
    const login = await startLogin(platform);
    await refusedWith(async () => postLaunch({ id_token: await platform.idToken(claims(), login.nonce, { iat: now - 3600, exp: now - 1800 }), state: login.state }, login.cookie), "took too long");
    const again = await startLogin(platform);
    await refusedWith(async () => postLaunch({ id_token: await platform.idToken(claims(), again.nonce, { iat: now - 3600, exp: now + 3600 }), state: again.state }, again.cookie), "took too long");
  });

  it("an unknown deployment", async () => {
    const login = await startLogin(platform);
    await refusedWith(
      async () => postLaunch({ id_token: await platform.idToken(claims(), login.nonce, { "https://purl.imsglobal.org/spec/lti/claim/deployment_id": "deployment-unknown" }), state: login.state }, login.cookie),
      "deployment isn't registered",
    );
  });

  it("a missing state, an unknown one, and another browser's (no state cookie)", async () => {
    const login = await startLogin(platform);
    const token = await platform.idToken(claims(), login.nonce);
    await refusedWith(() => postLaunch({ id_token: token }, login.cookie), "couldn't match this launch");
    await refusedWith(() => postLaunch({ id_token: token, state: "made-up-state-made-up-state-made-up-state-x" }, login.cookie), "already been used or took too long");
    await refusedWith(() => postLaunch({ id_token: token, state: login.state }), "didn't send back what Rebound set");
    // The state is spent by that try: the right browser cannot use it afterwards either.
    await refusedWith(() => postLaunch({ id_token: token, state: login.state }, login.cookie), "already been used");
  });

  it("a nonce that is not the state's, and a wrong issuer", async () => {
    const login = await startLogin(platform);
    await refusedWith(async () => postLaunch({ id_token: await platform.idToken(claims(), "some-other-nonce"), state: login.state }, login.cookie), "doesn't belong to the sign-in");
    const again = await startLogin(platform);
    await refusedWith(async () => postLaunch({ id_token: await platform.idToken(claims(), again.nonce, { iss: "https://other-lms.example" }), state: again.state }, again.cookie), "different LMS");
  });
});

describe("inside the LMS's frame, in a browser that keeps cookies from framed sites", () => {
  const framedMember = { sub: "s-frame", name: "Mae Jemison", roles: [ROLE.learner] };

  it("verifies the launch all the same, signs nobody in there, and continues once in a new tab after the person confirms who they are", async () => {
    platform.addCourse({ id: "course-frame", title: "Optics", members: [teacher, framedMember] });
    await launch(platform, "course-frame", teacher);
    const login = await startLogin(platform);
    const token = await platform.idToken(platform.launchClaims("course-frame", framedMember, { link: "link-1" }), login.nonce);
    const sessions = await prisma.session.count();
    // No state cookie came back (the browser kept it away from the frame).
    const res = await postLaunch({ id_token: token, state: login.state }, undefined, { framed: true });
    expect(res.status, JSON.stringify(res.data)).toBe(200);
    expect(res.headers.getSetCookie().some((c) => c.startsWith("rebound_session="))).toBe(false);
    expect(await prisma.session.count()).toBe(sessions);
    const continueAt = (res.data as { continueAt: string }).continueAt;
    expect(continueAt).toMatch(/^\/lti\/continue\?code=[\w-]{43}$/);
    const code = new URL(continueAt, BASE).searchParams.get("code")!;
    // Only its hash is kept.
    expect(JSON.stringify(await prisma.ltiHandoff.findMany())).not.toContain(code);

    const page = await call(continueLoader, new Request(`${BASE}${continueAt}`), {});
    expect(page.status).toBe(200);
    expect(page.data).toEqual({ code, name: "Mae Jemison" });
    const first = await call(continueAction, new Request(`${BASE}/lti/continue`, { method: "POST", body: new URLSearchParams({ code }), headers: { "Content-Type": "application/x-www-form-urlencoded" } }), {});
    expect(first.status).toBe(302);
    expect(first.location).toBe("/learn");
    expect(first.headers.getSetCookie().some((c) => c.startsWith("rebound_session="))).toBe(true);
    const session = await prisma.session.findFirstOrThrow({ orderBy: { createdAt: "desc" } });
    expect(session.userId).toBe((await userOf(platformId, framedMember.sub)).id);
    // Once only.
    const second = await call(continueAction, new Request(`${BASE}/lti/continue`, { method: "POST", body: new URLSearchParams({ code }), headers: { "Content-Type": "application/x-www-form-urlencoded" } }), {});
    expect(second.status).toBe(400);
    expect(JSON.stringify(second.data)).toContain("has been used or has run out");
    expect((await call(continueLoader, new Request(`${BASE}${continueAt}`), {})).status).toBe(400);
  });

  it("lets a code run out after two minutes, and still refuses a forged or replayed token in a frame", async () => {
    const login = await startLogin(platform);
    const token = await platform.idToken(platform.launchClaims("course-frame", framedMember, { link: "link-1" }), login.nonce);
    const res = await postLaunch({ id_token: token, state: login.state }, undefined, { framed: true });
    const code = new URL((res.data as { continueAt: string }).continueAt, BASE).searchParams.get("code")!;
    await prisma.ltiHandoff.updateMany({ data: { expiresAt: new Date(Date.now() - 1000) } });
    const late = await call(continueAction, new Request(`${BASE}/lti/continue`, { method: "POST", body: new URLSearchParams({ code }), headers: { "Content-Type": "application/x-www-form-urlencoded" } }), {});
    expect(late.status).toBe(400);
    // The same token again, with a new state: the nonce was used.
    const again = await startLogin(platform);
    expect((await postLaunch({ id_token: token, state: again.state }, undefined, { framed: true })).status).toBe(400);
    const { privateKey } = await generateKeyPair("RS256");
    const third = await startLogin(platform);
    const forged = await platform.idToken(platform.launchClaims("course-frame", framedMember, { link: "link-1" }), third.nonce, {}, privateKey);
    expect((await postLaunch({ id_token: forged, state: third.state }, undefined, { framed: true })).status).toBe(400);
  });
});

describe("deep linking", () => {
  it("a teacher picks a project; the signed answer goes back to the LMS and the placed link opens the project for a student", async () => {
    platform.addCourse({ id: "course-dl", title: "Forces", members: [teacher, student] });
    const first = await launch(platform, "course-dl", teacher, { link: "plain" });
    const classroomId = (await prisma.ltiContext.findFirstOrThrow({ where: { platformId, contextId: "course-dl" } })).classroomId;
    const project = await prisma.project.create({ data: { classroomId, title: "Balanced forces", goal: "Name every force", status: "PUBLISHED", publishedAt: new Date() } });
    expect(first.sessionCookie).toBeTruthy();

    const asTeacher = await launch(platform, "course-dl", teacher, { deepLink: true });
    expect(asTeacher.res.status).toBe(302);
    const pickerPath = asTeacher.res.location!;
    expect(pickerPath).toMatch(/^\/lti\/deep-link\//);
    const requestId = pickerPath.split("/").pop()!;
    const headers = { Cookie: asTeacher.sessionCookie! };
    const picker = await call(pickerLoader, new Request(`${BASE}${pickerPath}`, { headers }), { requestId });
    expect(JSON.stringify(picker.data)).toContain("Balanced forces");

    // A project that is not the class's is not accepted.
    const wrong = await call(pickerAction, new Request(`${BASE}${pickerPath}`, { method: "POST", body: new URLSearchParams({ projectId: "not-a-project" }), headers }), { requestId });
    expect(wrong.status).toBe(400);

    const picked = await call(pickerAction, new Request(`${BASE}${pickerPath}`, { method: "POST", body: new URLSearchParams({ projectId: project.id }), headers }), { requestId });
    expect(picked.status).toBe(200);
    const post = (picked.data as { post: { returnUrl: string; jwt: string } }).post;
    expect(post.returnUrl).toBe(`${platform.origin}/deep-link-return`);
    // The platform verifies the response against Rebound's JWKS.
    const back = await fetch(post.returnUrl, { method: "POST", body: new URLSearchParams({ JWT: post.jwt }) });
    expect(back.status).toBe(200);
    const received = platform.received.deepLinks.at(-1)!;
    expect(received.iss).toBe(platform.clientId);
    expect(received.aud).toBe(platform.issuer);
    expect(typeof received.nonce).toBe("string");
    expect(received["https://purl.imsglobal.org/spec/lti/claim/message_type"]).toBe("LtiDeepLinkingResponse");
    expect(received["https://purl.imsglobal.org/spec/lti/claim/deployment_id"]).toBe(platform.deploymentId);
    expect(received["https://purl.imsglobal.org/spec/lti-dl/claim/data"]).toBe("opaque-course-dl");
    const items = received["https://purl.imsglobal.org/spec/lti-dl/claim/content_items"] as { type: string; custom: Record<string, string> }[];
    expect(items).toEqual([expect.objectContaining({ type: "ltiResourceLink", custom: { rebound_project: project.id } })]);

    // A response signed with another key is refused by the platform.
    const { privateKey } = await generateKeyPair("RS256");
    const forged = await new SignJWT({ nonce: "x" }).setProtectedHeader({ alg: "RS256", kid: "forged" }).setIssuer(platform.clientId).setAudience(platform.issuer).setIssuedAt().setExpirationTime("5m").sign(privateKey);
    const refused = await fetch(post.returnUrl, { method: "POST", body: new URLSearchParams({ JWT: forged }) });
    expect(refused.status).toBe(400);

    // The link the LMS made carries the custom parameter: a student's launch lands on the project.
    const asStudent = await launch(platform, "course-dl", student, { link: "placed", custom: { rebound_project: project.id } });
    expect(asStudent.res.location).toBe(`/learn/projects/${project.id}`);
  });

  it("a learner's deep-linking request is refused as not a teacher's", async () => {
    const asStudent = await launch(platform, "course-1", student, { deepLink: true });
    expect(asStudent.res.status).toBe(400);
    expect(String(asStudent.res.data)).toContain("Only a course's teachers");
  });
});
