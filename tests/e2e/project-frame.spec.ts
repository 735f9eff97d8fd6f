// The project layouts draw the frame (breadcrumbs, project tabs) once for every
// page under a project, and keep it when a page fails, saying what went wrong.
import { DEMO_STUDENT, DEMO_TEACHER, expect, logIn, test } from "./fixtures";

test("a missing page under a teacher's project keeps the breadcrumbs and tabs and says what went wrong", async ({ page }) => {
  await logIn(page, DEMO_TEACHER);
  await page.getByRole("link", { name: /Physics 9B/ }).first().click();
  await page.getByRole("link", { name: "Forces and motion", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Forces and motion" })).toBeVisible();
  const projectUrl = page.url();
  await page.goto(`${projectUrl}/checkpoints/no-such-checkpoint`);
  await expect(page.getByRole("heading", { level: 1, name: "We couldn't find that page" })).toBeVisible();
  await expect(page.getByText("We couldn't find that checkpoint in this project.")).toBeVisible();
  const crumbs = page.getByRole("navigation", { name: "Breadcrumb" });
  await expect(crumbs.getByRole("link", { name: "My classes" })).toBeVisible();
  await expect(crumbs.getByRole("link", { name: /Physics 9B/ })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Project" }).getByRole("link", { name: "Class progress" })).toBeVisible();
  await page.getByRole("link", { name: "Back to the project" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Forces and motion" })).toBeVisible();
});

test("a student who opens a teacher's project page is told it is not for them", async ({ page, browser }) => {
  const teacher = await browser.newPage();
  await logIn(teacher, DEMO_TEACHER);
  await teacher.getByRole("link", { name: /Physics 9B/ }).first().click();
  await teacher.getByRole("link", { name: "Forces and motion", exact: true }).click();
  await expect(teacher.getByRole("heading", { level: 1, name: "Forces and motion" })).toBeVisible();
  const path = new URL(teacher.url()).pathname;
  await teacher.close();

  await logIn(page, DEMO_STUDENT);
  await page.goto(`${path}/progress`);
  await expect(page.getByRole("heading", { level: 1, name: "This page isn't available to you" })).toBeVisible();
  await expect(page.getByText("This page is for teachers.")).toBeVisible();
});
