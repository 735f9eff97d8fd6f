// Sessions (issue 8, item 9; decision 002): the Secure cookie, idle and
// absolute limits, throttled activity writes, rotation on login, the purge.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { purgeSessions } from "~/auth/session.server";
import { prisma } from "~/db.server";
import { loader as rootLoader } from "~/root";
import { action as loginAction, loader as loginLoader } from "~/routes/login";
import { action as logoutAction } from "~/routes/logout";
import { loader as teachLoader } from "~/routes/teach._index";
import { TEST_PASSWORD, createStudent, createTeacher } from "../support/factories";
import { call, cookieFor, get, post } from "../support/routes";
import { testDatabaseFile } from "../setup/per-worker";

const MINUTE = 60_000;
const saved = { ...process.env };
afterEach(() => {
  for (const key of ["NODE_ENV", "HTTPS", "INSECURE_COOKIES", "SESSION_IDLE_MINUTES", "SESSION_MAX_HOURS"]) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const sessionIdOf = (cookie: string) => cookie.split("=")[1];
const setCookieOf = (res: { headers: Headers }) => res.headers.get("Set-Cookie") ?? "";

async function backdate(cookie: string, times: { lastSeenMinutesAgo?: number; startedMinutesAgo?: number }) {
  const now = Date.now();
  await prisma.session.update({
    where: { id: sessionIdOf(cookie) },
    data: {
      ...(times.lastSeenMinutesAgo !== undefined ? { lastSeenAt: new Date(now - times.lastSeenMinutesAgo * MINUTE) } : {}),
      ...(times.startedMinutesAgo !== undefined ? { createdAt: new Date(now - times.startedMinutesAgo * MINUTE) } : {}),
    },
  });
}

function loginRequest(base: string, fields: Record<string, string>, cookie?: string) {
  return new Request(`${base}/login`, {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...(cookie ? { Cookie: cookie } : {}) },
  });
}

describe("the session cookie is Secure whenever the request is HTTPS", () => {
  it("over HTTPS (directly, or as a trusted proxy reports it) the cookie is Secure, HttpOnly and SameSite=Lax", async () => {
    const student = await createStudent();
    const res = await call(loginAction, loginRequest("https://rebound.school.example", { email: student.email, password: TEST_PASSWORD }));
    expect(res.status).toBe(302);
    expect(setCookieOf(res)).toMatch(/rebound_session=[^;]+;.*HttpOnly/);
    expect(setCookieOf(res)).toMatch(/; Secure/);
    expect(setCookieOf(res)).toMatch(/SameSite=Lax/);
  });

  it("over plain http: Secure in production, not in development, and not where the operator allows plain http (the local quick start)", async () => {
    const student = await createStudent();
    const login = async () => setCookieOf(await call(loginAction, loginRequest("http://localhost", { email: student.email, password: TEST_PASSWORD })));
    process.env.NODE_ENV = "development";
    expect(await login()).not.toMatch(/Secure/);
    process.env.NODE_ENV = "production";
    expect(await login()).toMatch(/; Secure/);
    process.env.INSECURE_COOKIES = "1";
    expect(await login()).not.toMatch(/Secure/);
    process.env.HTTPS = "1";
    expect(await login()).toMatch(/; Secure/);
  });

  it("the cookie lives no longer than the session may", async () => {
    process.env.SESSION_MAX_HOURS = "8";
    const student = await createStudent();
    const res = await call(loginAction, post("/login", { email: student.email, password: TEST_PASSWORD }));
    expect(setCookieOf(res)).toMatch(/Max-Age=28800/);
    const row = await prisma.session.findUniqueOrThrow({ where: { id: sessionIdOf(setCookieOf(res).split(";")[0]) } });
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(8 * 60 * MINUTE);
  });
});

describe("logging in replaces the session the browser had", () => {
  it("ends a pre-existing session (even another account's, or one planted before login) and gives a new id", async () => {
    const student = await createStudent();
    const other = await createTeacher();
    for (const owner of [student, other]) {
      const before = await cookieFor(owner.id);
      const res = await call(loginAction, post("/login", { email: student.email, password: TEST_PASSWORD }, before));
      expect(res.status).toBe(302);
      const after = setCookieOf(res).split(";")[0];
      expect(sessionIdOf(after)).toMatch(/^[a-z0-9]{20,}$/);
      expect(sessionIdOf(after)).not.toBe(sessionIdOf(before));
      expect(await prisma.session.findUnique({ where: { id: sessionIdOf(before) } })).toBeNull();
      expect((await call(teachLoader, get("/teach", before))).status).toBe(302);
    }
  });

  it("a failed login leaves the browser's session alone", async () => {
    const student = await createStudent();
    const cookie = await cookieFor(student.id);
    expect((await call(loginAction, post("/login", { email: student.email, password: "wrong password" }, cookie))).status).toBe(400);
    expect(await prisma.session.findUnique({ where: { id: sessionIdOf(cookie) } })).not.toBeNull();
  });

  it("logging out ends this session only", async () => {
    const teacher = await createTeacher();
    const here = await cookieFor(teacher.id);
    const elsewhere = await cookieFor(teacher.id);
    const res = await call(logoutAction, post("/logout", {}, here));
    expect(res.location).toBe("/");
    expect(setCookieOf(res)).toMatch(/rebound_session=;.*Max-Age=0/);
    expect((await call(teachLoader, get("/teach", here))).status).toBe(302);
    expect((await call(teachLoader, get("/teach", elsewhere))).status).toBe(200);
  });
});

describe("idle and absolute limits", () => {
  it("refuses a session idle for longer than SESSION_IDLE_MINUTES, sends the user to log in with a calm message and keeps where they were going", async () => {
    const teacher = await createTeacher();
    const cookie = await cookieFor(teacher.id);
    await backdate(cookie, { lastSeenMinutesAgo: 119 });
    expect((await call(teachLoader, get("/teach?tab=classes", cookie))).status).toBe(200);

    const idle = await cookieFor(teacher.id);
    await backdate(idle, { lastSeenMinutesAgo: 121 });
    const res = await call(teachLoader, get("/teach?tab=classes", idle));
    expect(res.status).toBe(302);
    expect(res.location).toBe("/login?redirectTo=%2Fteach%3Ftab%3Dclasses&signedOut=idle");
    expect(setCookieOf(res)).toMatch(/rebound_session=;.*Max-Age=0/);
    // The root's loader, run beside the page's, sees the same and clears the cookie too.
    const root = await call(rootLoader, get("/teach", idle));
    expect(root.data.user).toBeNull();
    expect(setCookieOf(root)).toMatch(/Max-Age=0/);

    const login = await call(loginLoader, get(res.location!));
    expect(login.data.signedOut).toMatch(/^You were signed out after a while without activity \(2 hours\)/);
    // Logging in from there goes back where the user was.
    const back = await call(loginAction, post("/login", { email: teacher.email, password: TEST_PASSWORD, redirectTo: "/teach?tab=classes" }, idle));
    expect(back.location).toBe("/teach?tab=classes");
  });

  it("the idle limit is configurable", async () => {
    process.env.SESSION_IDLE_MINUTES = "20";
    const teacher = await createTeacher();
    const cookie = await cookieFor(teacher.id);
    await backdate(cookie, { lastSeenMinutesAgo: 21 });
    expect((await call(teachLoader, get("/teach", cookie))).location).toMatch(/signedOut=idle/);
  });

  it("ends a session SESSION_MAX_HOURS after it started, however active", async () => {
    const teacher = await createTeacher();
    const cookie = await cookieFor(teacher.id);
    await backdate(cookie, { startedMinutesAgo: 12 * 60 + 1, lastSeenMinutesAgo: 1 });
    const res = await call(teachLoader, get("/teach", cookie));
    expect(res.location).toBe("/login?redirectTo=%2Fteach&signedOut=expired");
    expect((await call(loginLoader, get(res.location!))).data.signedOut).toMatch(/signed in for 12 hours/);

    // A session past the end it was given is refused as well.
    const other = await cookieFor(teacher.id);
    await prisma.session.update({ where: { id: sessionIdOf(other) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await call(teachLoader, get("/teach", other))).location).toMatch(/signedOut=expired/);
  });

  it("an unknown session id is simply not signed in (no message), and its cookie is cleared", async () => {
    const res = await call(teachLoader, get("/teach", "rebound_session=made-up-id"));
    expect(res.location).toBe("/login?redirectTo=%2Fteach");
    expect(setCookieOf(res)).toMatch(/Max-Age=0/);
  });
});

describe("last activity is written at most every few minutes", () => {
  it("two requests within the window write once; a request after it writes again", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const start = new Date("2026-12-02T09:00:00Z");
    vi.setSystemTime(start);
    const teacher = await createTeacher();
    const cookie = await cookieFor(teacher.id);
    const lastSeen = async () => (await prisma.session.findUniqueOrThrow({ where: { id: sessionIdOf(cookie) } })).lastSeenAt.getTime();
    const writes = vi.spyOn(prisma.session, "updateMany");

    vi.setSystemTime(start.getTime() + 10 * MINUTE);
    expect((await call(teachLoader, get("/teach", cookie))).status).toBe(200);
    expect(await lastSeen()).toBe(start.getTime() + 10 * MINUTE);
    vi.setSystemTime(start.getTime() + 12 * MINUTE);
    expect((await call(teachLoader, get("/teach", cookie))).status).toBe(200);
    expect(await lastSeen()).toBe(start.getTime() + 10 * MINUTE);
    expect(writes).toHaveBeenCalledTimes(1);

    vi.setSystemTime(start.getTime() + 16 * MINUTE);
    await call(teachLoader, get("/teach", cookie));
    expect(await lastSeen()).toBe(start.getTime() + 16 * MINUTE);
    expect(writes).toHaveBeenCalledTimes(2);
  });

  it("of a page's loaders running side by side, one writes", async () => {
    const teacher = await createTeacher();
    const cookie = await cookieFor(teacher.id);
    await backdate(cookie, { lastSeenMinutesAgo: 30 });
    const writes = vi.spyOn(prisma.session, "updateMany");
    await Promise.all([call(rootLoader, get("/teach", cookie)), call(teachLoader, get("/teach", cookie)), call(rootLoader, get("/teach", cookie))]);
    const counts = await Promise.all(writes.mock.results.map((r) => r.value as Promise<{ count: number }>));
    expect(counts.reduce((sum, c) => sum + c.count, 0)).toBe(1);
  });

  it("an active user is never signed out while they keep making requests", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const start = new Date("2026-12-02T09:00:00Z").getTime();
    vi.setSystemTime(start);
    const teacher = await createTeacher();
    const cookie = await cookieFor(teacher.id);
    // A request every 100 minutes (under the 2-hour idle limit) for 11 hours.
    for (let t = 100; t <= 660; t += 100) {
      vi.setSystemTime(start + t * MINUTE);
      expect((await call(teachLoader, get("/teach", cookie))).status, `after ${t} minutes`).toBe(200);
    }
  });
});

describe("purging sessions that are over", () => {
  async function sessionsOfEveryKind(userId: string) {
    const now = Date.now();
    const row = (id: string, minutesAgo: { started: number; seen: number }, endsInMinutes = 60) =>
      prisma.session.create({
        data: {
          id: `${id}-${userId}`,
          userId,
          createdAt: new Date(now - minutesAgo.started * MINUTE),
          lastSeenAt: new Date(now - minutesAgo.seen * MINUTE),
          expiresAt: new Date(now + endsInMinutes * MINUTE),
        },
      });
    await row("active", { started: 30, seen: 1 });
    await row("idle", { started: 200, seen: 150 });
    await row("too-old", { started: 13 * 60, seen: 1 });
    await row("past-end", { started: 30, seen: 1 }, -1);
    return ["idle", "too-old", "past-end"].map((k) => `${k}-${userId}`);
  }

  it("deletes idle, too old and past-their-end sessions and keeps active ones", async () => {
    const student = await createStudent();
    const over = await sessionsOfEveryKind(student.id);
    expect(await purgeSessions()).toBeGreaterThanOrEqual(3);
    const left = (await prisma.session.findMany({ where: { userId: student.id } })).map((s) => s.id);
    expect(left).toEqual([`active-${student.id}`]);
    for (const id of over) expect(left).not.toContain(id);
  });

  it("runs on sign-in, at most every 15 minutes", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    // Past the window of any sign-in earlier in this file.
    vi.setSystemTime(Date.now() + 20 * MINUTE);
    const student = await createStudent();
    const login = () => call(loginAction, post("/login", { email: student.email, password: TEST_PASSWORD }));
    const first = await createStudent();
    await sessionsOfEveryKind(first.id);
    await login();
    expect(await prisma.session.count({ where: { userId: first.id } })).toBe(1);

    const second = await createStudent();
    await sessionsOfEveryKind(second.id);
    vi.setSystemTime(Date.now() + 10 * MINUTE);
    await login();
    expect(await prisma.session.count({ where: { userId: second.id, id: { startsWith: "past-end" } } })).toBe(1);
    vi.setSystemTime(Date.now() + 6 * MINUTE);
    await login();
    expect(await prisma.session.count({ where: { userId: second.id, id: { startsWith: "past-end" } } })).toBe(0);
  });

  it("`npm run sessions:purge` removes them too, and says how many", async () => {
    const student = await createStudent();
    await sessionsOfEveryKind(student.id);
    const root = path.resolve(import.meta.dirname, "..", "..");
    const out = execFileSync(process.execPath, [path.join(root, "node_modules", "tsx", "dist", "cli.mjs"), "scripts/purge-sessions.ts"], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: `file:${testDatabaseFile}` },
      encoding: "utf8",
    });
    expect(out).toMatch(/^Removed \d+ ended sessions and \d+ expired set-up codes?\./);
    expect((await prisma.session.findMany({ where: { userId: student.id } })).map((s) => s.id)).toEqual([`active-${student.id}`]);
  }, 30_000);
});
