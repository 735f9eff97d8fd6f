// Shared helpers for end-to-end tests: log in through the real form, and check
// pages with axe for serious or critical accessibility violations.
import AxeBuilder from "@axe-core/playwright";
import { expect, test as base, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "rebound-demo";
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

export const test = base;
export { expect };
