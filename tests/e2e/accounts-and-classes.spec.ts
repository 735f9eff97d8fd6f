import { DEMO_PASSWORD, expect, expectNoSeriousA11yViolations, signUp, test } from "./fixtures";

test("a teacher signs up, creates a class, a student joins with the code and appears on the roster", async ({ page, browser }) => {
  await page.goto("/");
  await expectNoSeriousA11yViolations(page);
  await signUp(page, "Teacher", "Tess Teacher");
  await expect(page.getByRole("heading", { name: "My classes" })).toBeVisible();
  await page.getByLabel("Class name").fill("Chemistry 10A");
  await page.getByRole("button", { name: "Create class" }).click();
  await expect(page.getByRole("heading", { name: "Chemistry 10A" })).toBeVisible();
  const code = (await page.getByText(/^[A-Z0-9]{6}$/).first().textContent())!.trim();
  await expectNoSeriousA11yViolations(page);

  const studentContext = await browser.newContext();
  const student = await studentContext.newPage();
  await signUp(student, "Student", "Sam Student");
  await student.getByLabel("Join code").fill(code.toLowerCase());
  await student.getByRole("button", { name: "Join class" }).click();
  await expect(student.getByText("Welcome to Chemistry 10A!")).toBeVisible();
  await expect(student.getByRole("heading", { name: "Chemistry 10A" })).toBeVisible();
  await expectNoSeriousA11yViolations(student);

  await page.reload();
  await expect(page.getByRole("cell", { name: "Sam Student", exact: true })).toBeVisible();

  await page.getByRole("button", { name: "Make a new code" }).click();
  await expect(page.getByText("New join code ready")).toBeVisible();
  await studentContext.close();
});

test("bad input is answered next to the field, values kept, and login does not reveal accounts", async ({ page }) => {
  await page.goto("/signup");
  await page.getByLabel("Name").fill("Kim");
  await page.getByLabel("Email").fill("kim@example");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Sign up" }).click();
  await expect(page.getByText("Use at least 10 characters.")).toBeVisible();
  await expect(page.getByLabel("Name")).toHaveValue("Kim");

  await page.goto("/login");
  await page.getByLabel("Email").fill("nobody@example.test");
  await page.getByLabel("Password").fill("whatever-password");
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByText("That email and password don't match an account.")).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue("nobody@example.test");
  await expectNoSeriousA11yViolations(page);
});

test("the whole sign-up works by keyboard alone", async ({ page }) => {
  await page.goto("/signup?role=TEACHER");
  await page.getByLabel("Teacher", { exact: true }).focus();
  await page.keyboard.press("Tab");
  await page.keyboard.type("Keyboard Kai");
  await page.keyboard.press("Tab");
  await page.keyboard.type(`kai-${Date.now()}@example.test`);
  await page.keyboard.press("Tab");
  await page.keyboard.type("a long enough password");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/teach$/);
  await expect(page.getByRole("heading", { name: "My classes" })).toBeVisible();
});

test("after a real login, a crafted redirectTo never leaves the site", async ({ page }) => {
  for (const target of ["/%09/evil.example", "/%0A/evil.example", "/%5Cevil.example"]) {
    await page.context().clearCookies();
    await page.goto(`/login?redirectTo=${target}`);
    await page.getByLabel("Email").fill("amara@rebound.test");
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Log in" }).click();
    await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/learn$/);
  }
});

test("a teacher invites a colleague, who joins with the code and teaches the class too (decision 021)", async ({ page, browser }) => {
  await signUp(page, "Teacher", "Ines Invite");
  await page.getByLabel("Class name").fill("Biology 8C");
  await page.getByRole("button", { name: "Create class" }).click();
  await page.getByRole("link", { name: "Invite a co-teacher or manage teachers" }).click();
  await expect(page.getByRole("heading", { name: "Teachers", exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Make an invitation code" }).click();
  const notice = page.getByRole("status").filter({ hasText: "Invitation code for Biology 8C" });
  const code = (await notice.getByText(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/).textContent())!.trim();
  await expectNoSeriousA11yViolations(page);

  const colleagueContext = await browser.newContext();
  const colleague = await colleagueContext.newPage();
  await signUp(colleague, "Teacher", "Cole Colleague");
  await colleague.getByLabel("Invitation code").fill("WRNG-CODE-XXXX");
  await colleague.getByRole("button", { name: "Join the class" }).click();
  await expect(colleague.getByText("We couldn't find an invitation with that code.")).toBeVisible();
  await expect(colleague.getByLabel("Invitation code")).toHaveValue("WRNG-CODE-XXXX");
  await colleague.getByLabel("Invitation code").fill(code.toLowerCase());
  await colleague.getByRole("button", { name: "Join the class" }).click();
  await expect(colleague.getByRole("heading", { name: "Biology 8C" })).toBeVisible();
  const teachers = colleague.locator("section", { has: colleague.getByRole("heading", { name: "Teachers", exact: true }) });
  await expect(teachers.getByText("Ines Invite")).toBeVisible();
  await expect(teachers.getByText("Cole Colleague")).toBeVisible();
  await expectNoSeriousA11yViolations(colleague);

  await page.reload();
  await expect(page.getByText("joined with an invitation code")).toBeVisible();
  await colleagueContext.close();
});
