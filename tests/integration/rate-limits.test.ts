import { afterEach, describe, expect, it, vi } from "vitest";
import * as passwords from "~/auth/password.server";
import { prisma } from "~/db.server";
import { action as learnAction } from "~/routes/learn._index";
import { action as loginAction } from "~/routes/login";
import { action as signupAction } from "~/routes/signup";
import { TEST_PASSWORD, createStudent } from "../support/factories";
import { call, cookieFor, post } from "../support/routes";

const saved = { ...process.env };
afterEach(() => {
  for (const key of Object.keys(process.env)) if (key.startsWith("RATE_LIMIT_")) delete process.env[key];
  Object.assign(process.env, Object.fromEntries(Object.entries(saved).filter(([k]) => k.startsWith("RATE_LIMIT_"))));
  vi.restoreAllMocks();
});

/** Calls an action as if from this address (scripts/server.mjs passes it in the load context). */
function from(address: string, fn: unknown, request: Request) {
  return call((args: { context: object }) => (fn as (a: unknown) => unknown)({ ...args, context: { clientAddress: address } }), request);
}

describe("rate limits (issue 8, defect 2)", () => {
  it("locks an account after repeated wrong passwords: the right one is refused too, with 429 and Retry-After, and the password is not even checked", async () => {
    process.env.RATE_LIMIT_LOGIN_ACCOUNT = "5/900";
    const student = await createStudent();
    for (let i = 0; i < 5; i++) {
      const wrong = await from("10.0.0.1", loginAction, post("/login", { email: student.email, password: `wrong ${i}` }));
      expect(wrong.status).toBe(400);
    }
    const verify = vi.spyOn(passwords, "verifyPassword");
    const right = await from("10.0.0.2", loginAction, post("/login", { email: student.email, password: TEST_PASSWORD }));
    expect(right.status).toBe(429);
    expect(Number(right.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(JSON.stringify(right.data)).toContain("Too many tries to log in");
    expect(verify).not.toHaveBeenCalled();
    // Another account from the same address is not affected.
    const other = await createStudent();
    expect((await from("10.0.0.1", loginAction, post("/login", { email: other.email, password: TEST_PASSWORD }))).status).toBe(302);
  });

  it("a successful login clears its account's failures", async () => {
    process.env.RATE_LIMIT_LOGIN_ACCOUNT = "3/900";
    const student = await createStudent();
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 2; i++) await from("10.0.0.1", loginAction, post("/login", { email: student.email, password: "wrong" }));
      expect((await from("10.0.0.1", loginAction, post("/login", { email: student.email, password: TEST_PASSWORD }))).status).toBe(302);
    }
  });

  it("the per-address limit is separate and can be set generous for a school behind one address", async () => {
    process.env.RATE_LIMIT_LOGIN_ADDRESS = "4/900";
    for (let i = 0; i < 4; i++) await from("10.9.9.9", loginAction, post("/login", { email: `nobody${i}@example.test`, password: "wrong" }));
    expect((await from("10.9.9.9", loginAction, post("/login", { email: "nobody9@example.test", password: "wrong" }))).status).toBe(429);
    expect((await from("10.9.9.8", loginAction, post("/login", { email: "nobody9@example.test", password: "wrong" }))).status).toBe(400);
  });

  it("limits sign-ups per email tightly, and wrong join codes per student", async () => {
    process.env.RATE_LIMIT_SIGNUP_EMAIL = "2/3600";
    const body = { name: "Sam", email: "taken-or-not@example.test", password: "long enough pw", role: "STUDENT" };
    expect((await from("10.1.1.1", signupAction, post("/signup", body))).status).toBe(302);
    expect((await from("10.1.1.2", signupAction, post("/signup", body))).status).toBe(400);
    const third = await from("10.1.1.3", signupAction, post("/signup", body));
    expect(third.status).toBe(429);
    expect(third.headers.get("Retry-After")).toBeTruthy();

    process.env.RATE_LIMIT_JOIN_STUDENT = "3/900";
    const student = await createStudent();
    const cookie = await cookieFor(student.id);
    for (let i = 0; i < 3; i++) expect((await from("10.2.2.2", learnAction, post("/learn", { code: `ZZZZZ${i + 2}` }, cookie))).status).toBe(400);
    const locked = await from("10.2.2.2", learnAction, post("/learn", { code: "ZZZZZ9" }, cookie));
    expect(locked.status).toBe(429);
    expect(JSON.stringify(locked.data)).toContain("Too many wrong join codes");
  });

  it("counters live in the database, where every app server reads them", async () => {
    process.env.RATE_LIMIT_LOGIN_ACCOUNT = "5/900";
    await from("10.0.0.1", loginAction, post("/login", { email: "shared@example.test", password: "wrong" }));
    const rows = await prisma.rateLimit.findMany();
    expect(rows.some((r) => r.key.includes("shared@example.test") && r.points === 1)).toBe(true);
  });
});

describe("sign-up does the same work for a taken email and a new one (issue 8, defect 3)", () => {
  it("hashes the password on both paths", async () => {
    const student = await createStudent();
    const hash = vi.spyOn(passwords, "hashPassword");
    await from("10.3.3.3", signupAction, post("/signup", { name: "Taken", email: student.email, password: "long enough pw", role: "STUDENT" }));
    await from("10.3.3.3", signupAction, post("/signup", { name: "New", email: "brand-new@example.test", password: "long enough pw", role: "STUDENT" }));
    expect(hash).toHaveBeenCalledTimes(2);
  });
});

describe("LTI login initiation (issue 11)", () => {
  it("is limited per address: over the limit it answers 429 with a message and writes no login state", async () => {
    process.env.RATE_LIMIT_LTI_LOGIN = "3/900";
    const { registeredPlatform } = await import("../support/lti");
    const { loader: ltiLogin } = await import("~/routes/lti.login");
    const { platform } = await registeredPlatform();
    try {
      const query = new URLSearchParams({ iss: platform.issuer, login_hint: "hint", target_link_uri: "http://localhost/lti/launch", client_id: platform.clientId, lti_deployment_id: platform.deploymentId });
      const initiate = (address: string) => from(address, ltiLogin, new Request(`http://localhost/lti/login?${query}`));
      for (let i = 0; i < 3; i++) expect((await initiate("10.4.4.4")).status).toBe(302);
      expect(await prisma.ltiLoginState.count()).toBe(3);
      const refused = await initiate("10.4.4.4");
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
      expect(String(refused.data)).toContain("Too many sign-ins from your LMS");
      expect(await prisma.ltiLoginState.count()).toBe(3);
      // A POST initiation is limited the same way.
      const { action: ltiLoginPost } = await import("~/routes/lti.login");
      expect((await from("10.4.4.4", ltiLoginPost, new Request("http://localhost/lti/login", { method: "POST", body: query }))).status).toBe(429);
      expect(await prisma.ltiLoginState.count()).toBe(3);
      // Another address is not affected.
      expect((await initiate("10.4.4.5")).status).toBe(302);
    } finally {
      platform.stop();
    }
  });
});
