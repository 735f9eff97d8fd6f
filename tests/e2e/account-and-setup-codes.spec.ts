// The account page and set-up codes (issue 8, item 9; decision 002). Each test
// signs up its own accounts: the demo's are shared with the other specs.
import type { Page } from "@playwright/test";
import { expect, expectNoSeriousA11yViolations, logIn, logOut, signUp, test } from "./fixtures";

const FIRST_PASSWORD = "a long enough password";
const SCREENSHOTS = process.env.E2E_SCREENSHOTS;

/** With E2E_SCREENSHOTS=<dir>, saves the page at desktop and phone width (for looking at, not for comparing). */
async function screenshots(page: Page, name: string) {
  if (!SCREENSHOTS) return;
  const size = page.viewportSize();
  for (const [label, width] of [["desktop", 1280], ["phone", 390]] as const) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${SCREENSHOTS}/${name}-${label}.png`, fullPage: true });
  }
  if (size) await page.setViewportSize(size);
}

test("a student changes their password on the account page, then logs in with the new one", async ({ page }) => {
  // Several password hashes on a shared machine.
  test.slow();
  const email = await signUp(page, "Student", "Pat Password");
  await page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "Your account" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  await expect(page.getByText(email)).toBeVisible();
  await expect(page.getByText("You are signed in on 1 browser or device, this one included.")).toBeVisible();
  // Signed-in pages are never cached (scripts/server.mjs, decision 009).
  const response = await page.request.get("/account");
  expect(response.headers()["cache-control"]).toBe("no-store");
  await expectNoSeriousA11yViolations(page);
  await screenshots(page, "account");

  // A wrong current password: a message by the field, nothing changed.
  await page.getByLabel("Current password").fill("not the password");
  await page.getByLabel("New password", { exact: true }).fill("my new passphrase");
  await page.getByLabel("New password again").fill("my new passphrase");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("That isn't your current password.")).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.getByLabel("Current password").fill(FIRST_PASSWORD);
  await page.getByLabel("New password", { exact: true }).fill("my new passphrase");
  await page.getByLabel("New password again").fill("my new passphrase");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Your password is changed.")).toBeVisible();

  await logOut(page);
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(FIRST_PASSWORD);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByText("That email and password don't match an account.")).toBeVisible();
  await logIn(page, email, "my new passphrase");
  await expect(page).toHaveURL(/\/learn$/);
});

test("log out everywhere, confirmed without JavaScript, signs out another browser too", async ({ browser }) => {
  // Several password hashes on a shared machine.
  test.slow();
  // This browser has no JavaScript: the confirm step and the forms work without it.
  const plain = await browser.newContext({ javaScriptEnabled: false });
  const here = await plain.newPage();
  const email = await signUp(here, "Teacher", "Eve Everywhere");
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await logIn(other, email, FIRST_PASSWORD);
  await expect(other).toHaveURL(/\/teach$/);

  await here.goto("/account");
  await expect(here.getByText("You are signed in on 2 browsers or devices, this one included.")).toBeVisible();
  await here.getByRole("link", { name: "Log out everywhere…" }).click();
  await expect(here.getByRole("heading", { name: "Log out everywhere?" })).toBeVisible();
  // axe runs as a script, so the other browser (with JavaScript) checks the same page.
  await other.goto("/account?confirm=logout-everywhere");
  await expect(other.getByRole("heading", { name: "Log out everywhere?" })).toBeVisible();
  await expectNoSeriousA11yViolations(other);
  await screenshots(other, "account-confirm");
  // Cancel changes nothing.
  await here.getByRole("link", { name: "Cancel" }).click();
  await expect(here.getByRole("heading", { name: "Log out everywhere?" })).toHaveCount(0);
  await here.getByRole("link", { name: "Log out everywhere…" }).click();
  await here.getByRole("button", { name: "Yes, log out everywhere" }).click();
  await expect(here).toHaveURL(/\/login\?signedOut=everywhere$/);
  await expect(here.getByText("You are logged out on every device.")).toBeVisible();
  await screenshots(here, "login-signed-out");

  await other.goto("/teach");
  await expect(other).toHaveURL(/\/login\?redirectTo=%2Fteach$/);
  await expect(other.getByRole("heading", { name: "Log in to Rebound" })).toBeVisible();
  await plain.close();
  await otherContext.close();
});

test("a teacher gives a student a set-up code; the student chooses a new password with it and is signed in", async ({ page, browser }) => {
  // Several password hashes on a shared machine.
  test.slow();
  await signUp(page, "Teacher", "Tom Setup");
  await page.getByLabel("Class name").fill("Set-up code class");
  await page.getByRole("button", { name: "Create class" }).click();
  await expect(page.getByRole("heading", { name: "Set-up code class" })).toBeVisible();
  const joinCode = (await page.getByText(/^[A-Z0-9]{6}$/).first().textContent())!.trim();

  const studentContext = await browser.newContext();
  const student = await studentContext.newPage();
  const studentEmail = await signUp(student, "Student", "Fran Forgetful");
  await student.getByLabel("Join code").fill(joinCode);
  await student.getByRole("button", { name: "Join class" }).click();
  await expect(student.getByText("Welcome to Set-up code class!")).toBeVisible();
  // The student is still signed in on this device when they forget their password elsewhere.
  const stillSignedIn = student.url();

  await page.reload();
  await page.getByRole("button", { name: "Give a set-up code to Fran Forgetful" }).click();
  const notice = page.getByRole("status").filter({ hasText: "Set-up code for Fran Forgetful" });
  await expect(notice).toBeVisible();
  const code = (await notice.getByText(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/).textContent())!.trim();
  await expectNoSeriousA11yViolations(page);
  await screenshots(page, "class-setup-code");

  const fresh = await browser.newContext();
  const device = await fresh.newPage();
  await device.goto("/login");
  await device.getByRole("link", { name: "Have a set-up code from your teacher?" }).click();
  await expect(device.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
  await expectNoSeriousA11yViolations(device);
  await screenshots(device, "setup-code");
  // A wrong code first: a calm message, the email kept.
  await device.getByLabel("Email").fill(studentEmail);
  await device.getByLabel("Set-up code").fill("AAAA-AAAA");
  await device.getByLabel("New password", { exact: true }).fill("fran's new password");
  await device.getByLabel("New password again").fill("fran's new password");
  await device.getByRole("button", { name: "Set my password and log in" }).click();
  await expect(device.getByText("That email and set-up code don't match.")).toBeVisible();
  await expect(device.getByLabel("Email")).toHaveValue(studentEmail);
  await expectNoSeriousA11yViolations(device);

  await device.getByLabel("Set-up code").fill(code.toLowerCase());
  await device.getByLabel("New password", { exact: true }).fill("fran's new password");
  await device.getByLabel("New password again").fill("fran's new password");
  await device.getByRole("button", { name: "Set my password and log in" }).click();
  await expect(device).toHaveURL(/\/learn$/);
  await expect(device.getByRole("heading", { name: "Set-up code class" })).toBeVisible();

  // Every other session of the student ended.
  await student.goto(stillSignedIn);
  await expect(student).toHaveURL(/\/login/);

  await logOut(device);
  await logIn(device, studentEmail, "fran's new password");
  await expect(device).toHaveURL(/\/learn$/);
  await fresh.close();
  await studentContext.close();
});
