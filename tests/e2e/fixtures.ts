// Shared helpers for end-to-end tests: log in through the real form, and check
// pages with axe for serious or critical accessibility violations.
import AxeBuilder from "@axe-core/playwright";
import { expect, test as base, type Page } from "@playwright/test";

/** The demo password scripts/e2e-server.mjs seeds with (a real demo gets a random one). */
export const DEMO_PASSWORD = "rebound-demo-e2e";
export const DEMO_TEACHER = "teacher@rebound.test";
/** A demo student with some history in the demo project. */
export const DEMO_STUDENT = "amara@rebound.test";

export async function logIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

/** Logs out through the header's button and waits until the page shows it (a navigation right after the click would cancel the logout). */
export async function logOut(page: Page) {
  await page.getByRole("button", { name: "Log out" }).click();
  await expect(page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "Log in" })).toBeVisible();
}

/** Signs up a fresh account through the form; returns its email. */
export async function signUp(page: Page, role: "Teacher" | "Student", name: string) {
  const email = `${name.toLowerCase().replace(/[^a-z]+/g, "-")}-${Date.now()}@example.test`;
  await page.goto("/signup");
  await page.getByLabel(role, { exact: true }).check();
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("a long enough password");
  await page.getByRole("button", { name: "Sign up" }).click();
  await expect(page).toHaveURL(role === "Teacher" ? /\/teach/ : /\/learn/);
  return email;
}

export async function expectNoSeriousA11yViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`),
  ).toEqual([]);
}

/** Every test's page fails on a Content-Security-Policy violation it logs (other contexts are caught by csp-teardown.ts). */
export const test = base.extend<{ cspGuard: void }>({
  cspGuard: [
    async ({ page }, use) => {
      const violations: string[] = [];
      page.on("console", (message) => {
        if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
      });
      await use();
      expect(violations, "Content-Security-Policy violations").toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };

/**
 * A new draft project in the demo class, so a test that changes a project
 * leaves "Forces and motion" (which other tests count on) as seeded. Ends on
 * the project's build page, logged in as the demo teacher.
 */
export async function createDraftProject(page: Page, title: string) {
  await logIn(page, DEMO_TEACHER);
  await page.getByRole("link", { name: /Physics 9B/ }).first().click();
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Goal").fill("Explain what happens when things fall.");
  await page.getByRole("button", { name: "Create draft project" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  return page.url();
}

/** Adds a checkpoint of the given kind from the project's build page and comes back to it. */
export async function addCheckpoint(
  page: Page,
  kind: "Multiple choice" | "Short text",
  fill: { title: string; question: string; options?: { text: string; correct?: boolean }[]; modelAnswer?: string },
) {
  await page.getByLabel(kind).check();
  await page.getByRole("button", { name: "Add checkpoint" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Add a ${kind.toLowerCase()} checkpoint` })).toBeVisible();
  await page.getByLabel("Title").fill(fill.title);
  await page.getByLabel("Question").fill(fill.question);
  for (const [i, option] of (fill.options ?? []).entries()) {
    const group = page.getByRole("group", { name: `Option ${i + 1}` });
    await group.getByLabel("Option text").fill(option.text);
    if (option.correct) await group.getByLabel("Correct answer").check();
  }
  if (fill.modelAnswer) await page.getByLabel("Model answer (optional)").fill(fill.modelAnswer);
  await page.getByRole("button", { name: "Add checkpoint" }).last().click();
  await expect(page.getByRole("heading", { name: fill.title }).first()).toBeVisible();
}
