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
import { expect, type BrowserContext, type FrameLocator, type Page } from "@playwright/test";
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

/** Opens Rebound from the LMS course page inside its frame (as an LMS shows a tool): the frame, signed in there. */
async function openInFrame(context: BrowserContext, coursePath: string): Promise<{ lms: Page; frame: FrameLocator }> {
  const lms = await context.newPage();
  await lms.goto(`${platform.origin}${coursePath}&frame=1`);
  return { lms, frame: lms.frameLocator('iframe[name="tool"]') };
}

test("inside the LMS's frame: a teacher makes and places a project, a student works on it, the roster comes in and the progress goes to the gradebook", async ({ browser }) => {
  // The teacher, inside the frame (the session cookie is partitioned to the LMS's pages): forms work there.
  const teacherContext = await browser.newContext();
  const { frame: teacher } = await openInFrame(teacherContext, "/course/phys-12?as=lms-teacher-1&link=unit-1");
  await expect(teacher.getByRole("heading", { level: 1, name: "Physics 12 (LMS)" })).toBeVisible();
  await teacher.getByLabel("Title").fill("Vectors from the LMS");
  await teacher.getByLabel("Goal").fill("Add forces as arrows.");
  await teacher.getByRole("button", { name: "Create draft project" }).click();
  await expect(teacher.getByRole("heading", { level: 1, name: "Vectors from the LMS" })).toBeVisible();
  await teacher.getByLabel("Multiple choice").check();
  await teacher.getByRole("button", { name: "Add checkpoint" }).click();
  await expect(teacher.getByRole("heading", { level: 1, name: "Add a multiple choice checkpoint" })).toBeVisible();
  await teacher.getByLabel("Title").fill("Two forces at right angles");
  await teacher.getByLabel("Question").fill("3 N east and 4 N north. How big is the resultant?");
  await teacher.getByRole("group", { name: "Option 1" }).getByLabel("Option text").fill("5 N");
  await teacher.getByRole("group", { name: "Option 1" }).getByLabel("Correct answer").check();
  await teacher.getByRole("group", { name: "Option 2" }).getByLabel("Option text").fill("7 N");
  await teacher.getByRole("button", { name: "Add checkpoint" }).last().click();
  await expect(teacher.getByRole("heading", { name: "Two forces at right angles" })).toBeVisible();
  await teacher.getByRole("button", { name: "Publish" }).click();
  await expect(teacher.getByText("Published", { exact: true })).toBeVisible();

  // Deep Linking, in the frame: the teacher picks the project; the signed answer goes back to the LMS.
  const { frame: picker } = await openInFrame(teacherContext, "/course/phys-12?as=lms-teacher-1&deep=1");
  await expect(picker.getByRole("heading", { name: "Add a project to Physics 12 (LMS)" })).toBeVisible();
  await picker.getByLabel("Vectors from the LMS").check();
  await picker.getByRole("button", { name: "Add to the course" }).click();
  await expect(picker.getByRole("heading", { name: "Placed in the course" })).toBeVisible();
  const placed = platform.received.deepLinks.at(-1)!["https://purl.imsglobal.org/spec/lti-dl/claim/content_items"] as { custom: { rebound_project: string } }[];
  const projectId = placed[0].custom.rebound_project;

  // The student opens the placed link in the frame, lands on the project, and gets it on the second try.
  const studentContext = await browser.newContext();
  const { frame: student } = await openInFrame(studentContext, `/course/phys-12?as=lms-student-1&link=placed&project=${projectId}`);
  await expect(student.getByRole("heading", { level: 1, name: "Vectors from the LMS" })).toBeVisible();
  await student.getByRole("link", { name: "Two forces at right angles" }).first().click();
  await expect(student.getByRole("heading", { name: "Two forces at right angles" }).first()).toBeVisible();
  await student.getByLabel("7 N").check();
  await student.getByRole("button", { name: /Check my answer/ }).click();
  await expect(student.getByText(/Not yet/).first()).toBeVisible();
  await student.getByLabel("5 N").check();
  await student.getByRole("button", { name: /Check my answer/ }).click();
  await expect(student.getByText(/Got it/).first()).toBeVisible();
  await studentContext.close();

  // A learner added to the course since: the teacher brings the roster in, from the class page in the frame.
  platform.courses.get("phys-12")!.members.push({ sub: "lms-student-2", name: "Tu Youyou", roles: [ROLE.learner] });
  const { lms, frame } = await openInFrame(teacherContext, "/course/phys-12?as=lms-teacher-1&link=unit-1");
  await frame.getByRole("link", { name: "Bring the roster in from the LMS" }).click();
  await expect(frame.getByRole("heading", { level: 1, name: "LMS course" })).toBeVisible();
  await frame.getByRole("button", { name: "Bring the roster in from the LMS" }).click();
  await expect(frame.getByText("1 student enrolled from Physics 12 (LMS).")).toBeVisible();
  await expect(frame.getByRole("region", { name: "Enrolled now" }).getByText("Tu Youyou")).toBeVisible();
  await checkFrame(lms);

  // The progress goes to the gradebook when the teacher sends it: 1 of 1 for the student who worked, nothing for the newcomer.
  await frame.getByRole("link", { name: "Physics 12 (LMS)" }).first().click();
  await expect(frame.getByRole("heading", { level: 1, name: "Physics 12 (LMS)" })).toBeVisible();
  await frame.getByRole("link", { name: "Vectors from the LMS" }).first().click();
  await expect(frame.getByRole("heading", { level: 1, name: "Vectors from the LMS" })).toBeVisible();
  await frame.getByRole("link", { name: "Class progress" }).click();
  await frame.getByRole("link", { name: "Send this progress to the LMS gradebook" }).click();
  await expect(frame.getByRole("heading", { level: 1, name: "LMS gradebook" })).toBeVisible();
  const before = platform.received.scores.length;
  await frame.getByRole("button", { name: "Send progress to the gradebook" }).click();
  await expect(frame.getByText("Progress sent to the gradebook in Physics 12 (LMS) for 2 students.")).toBeVisible();
  await expect(frame.getByText(/Last sent .*, for 2 students\./)).toBeVisible();
  const sent = Object.fromEntries(platform.received.scores.slice(before).map((score) => [score.userId, score]));
  expect(sent["lms-student-1"]).toMatchObject({ scoreGiven: 1, scoreMaximum: 1, activityProgress: "Completed", comment: "Got the checkpoint in Rebound, over 2 attempts." });
  expect(sent["lms-student-2"]).toMatchObject({ activityProgress: "Initialized", gradingProgress: "NotReady" });
  await checkFrame(lms);
  await teacherContext.close();
});

/** Axe on the LMS's page, the app inside its frame included. */
async function checkFrame(lms: Page) {
  await expectNoSeriousA11yViolations(lms);
}

test("inside the frame of a browser that keeps even partitioned cookies away (Safari): the same login opens in a new tab, signed in there", async ({ browser }) => {
  const context = await browser.newContext();
  // Safari's behaviour, played by dropping the state cookie from the login's answer inside the frame.
  await context.route(`${app}/lti/login**`, async (route) => {
    const response = await route.fetch({ maxRedirects: 0 });
    const headers = { ...response.headers() };
    delete headers["set-cookie"];
    await route.fulfill({ response, headers });
  });
  const { frame } = await openInFrame(context, "/course/phys-12?as=lms-student-1&link=unit-1");
  await expect(frame.getByRole("heading", { level: 1, name: "Rebound opens in a new tab" })).toBeVisible();
  await context.unrouteAll();
  const [tab] = await Promise.all([context.waitForEvent("page"), frame.getByRole("link", { name: "Open Rebound in a new tab" }).click()]);
  // The same login, top-level: the LMS says who is there; the cookie is first-party.
  await expect(tab).toHaveURL(`${app}/learn`);
  await expect(tab.getByText("Physics 12 (LMS)")).toBeVisible();
  await expect(tab.getByRole("navigation", { name: "Account" }).getByText(/Chien-Shiung Wu/)).toBeVisible();
  await expectNoSeriousA11yViolations(tab);
  await context.close();
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
