// LTI 1.3 end to end (decision 023), with the mock platform on another site
// (localhost) than the app (127.0.0.1): a site administrator made from the
// command line registers the LMS through the admin page; an instructor opens
// Rebound from a course page in the LMS, which posts the login initiation
// across sites; Rebound sends the browser to the LMS's authorization address
// and the LMS posts the signed launch back, across sites again; the teacher
// lands on the new class, signed in without a password. A student then lands
// on a published project. Accessibility is checked on the admin page.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { expect } from "@playwright/test";
import { MockLtiPlatform, ROLE } from "../support/mock-lti-platform";
import { expectNoSeriousA11yViolations, test } from "./fixtures";

const root = path.resolve(import.meta.dirname, "../..");
const port = process.env.E2E_PORT ?? "3100";
const app = `http://127.0.0.1:${port}`;
const database = `file:${path.join(root, "tests", ".tmp", `e2e-${port}.db`)}`;
const ADMIN_EMAIL = `lms-admin-${Date.now()}@school.example`;
const ADMIN_PASSWORD = "a long admin password";

let platform: MockLtiPlatform;

test.beforeAll(async () => {
  platform = await MockLtiPlatform.start({
    host: "localhost",
    toolJwks: `${app}/lti/jwks`,
    toolLoginUrl: `${app}/lti/login`,
    toolLaunchUrl: `${app}/lti/launch`,
  });
  platform.addCourse({
    id: "phys-12",
    title: "Physics 12 (LMS)",
    members: [
      { sub: "lms-teacher-1", name: "Rosalind Franklin", email: `rosalind-${Date.now()}@school.example`, roles: [ROLE.instructor] },
      { sub: "lms-student-1", name: "Chien-Shiung Wu", roles: [ROLE.learner] },
    ],
  });
  const made = spawnSync(process.execPath, [path.join(root, "node_modules", "tsx", "dist", "cli.mjs"), "scripts/admin-create.ts", ADMIN_EMAIL], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: database, ADMIN_PASSWORD },
  });
  if (made.status !== 0) throw new Error(`admin:create failed: ${made.stderr}`);
});
test.afterAll(() => platform.stop());

test("an administrator registers the LMS; an instructor and a student open Rebound from a course without a password", async ({ page }) => {
  // The administrator signs in and lands on the LMS page, which shows the addresses to enter in the LMS.
  await page.goto("/login");
  await page.getByLabel("Email").fill(ADMIN_EMAIL);
  await page.getByLabel("Password").fill(ADMIN_PASSWORD);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page).toHaveURL(/\/admin\/lti$/);
  await expect(page.getByText(`${app}/lti/login`)).toBeVisible();
  await expect(page.getByText(`${app}/lti/jwks`)).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  const registration = platform.registration();
  const form = page.getByRole("region", { name: "Register an LMS" }).or(page.locator("form", { has: page.getByRole("button", { name: "Register the LMS" }) }));
  await form.getByLabel("Name").fill(registration.name);
  await form.getByLabel("Issuer (platform id)").fill(registration.issuer);
  await form.getByLabel("Client id").fill(registration.clientId);
  await form.getByLabel("Deployment ids").fill(registration.deploymentIds.join("\n"));
  await form.getByLabel("Authentication request address").fill(registration.authUrl);
  await form.getByLabel("Access token address").fill(registration.tokenUrl);
  await form.getByLabel("Public keyset address").fill(registration.jwksUrl);
  await page.getByRole("button", { name: "Register the LMS" }).click();
  await expect(page.getByRole("heading", { name: "Mock LMS" })).toBeVisible();
  await page.getByRole("button", { name: "Log out" }).click();
  await expect(page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "Log in" })).toBeVisible();

  // The instructor opens Rebound from the course: LMS page → /lti/login (cross-site POST) → LMS /auth → /lti/launch (cross-site POST).
  const teacherBrowser = await page.context().browser()!.newContext();
  const teacherPage = await teacherBrowser.newPage();
  await teacherPage.goto(`${platform.origin}/course/phys-12?as=lms-teacher-1&link=unit-1`);
  await expect(teacherPage).toHaveURL(new RegExp(`^${app}/teach/classes/`));
  await expect(teacherPage.getByRole("heading", { level: 1, name: "Physics 12 (LMS)" })).toBeVisible();
  await expect(teacherPage.getByRole("navigation", { name: "Account" }).getByText(/Rosalind Franklin/)).toBeVisible();
  const cookies = await teacherBrowser.cookies(app);
  expect(cookies.find((c) => c.name === "rebound_session")).toMatchObject({ sameSite: "None", secure: true, httpOnly: true });
  await teacherBrowser.close();

  // A learner of the course opens the same link: enrolled in the class, on their projects.
  const studentBrowser = await page.context().browser()!.newContext();
  const studentPage = await studentBrowser.newPage();
  await studentPage.goto(`${platform.origin}/course/phys-12?as=lms-student-1&link=unit-1`);
  await expect(studentPage).toHaveURL(`${app}/learn`);
  await expect(studentPage.getByText("Physics 12 (LMS)")).toBeVisible();
  await studentBrowser.close();
});

test("a launch whose state cookie did not come back is refused with a message, and nobody is signed in", async ({ page, request }) => {
  const res = await request.post("/lti/launch", { headers: { Origin: platform.origin }, form: { state: "x".repeat(43), id_token: "a.b.c" }, maxRedirects: 0 });
  expect(res.status()).toBe(400);
  expect(await res.text()).toContain("Open Rebound again from your course");
  // The same cross-site post to any other address is still refused by the Origin check.
  const elsewhere = await request.post("/teach?index", { headers: { Origin: platform.origin }, form: { name: "Planted" }, maxRedirects: 0 });
  expect(elsewhere.status()).toBe(403);
  await page.goto("/lti/launch");
  await expect(page.getByText("This address is for your school's LMS")).toBeVisible();
});
