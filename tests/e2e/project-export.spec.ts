// Sharing a project (issue 11, decision 022): the demo teacher downloads
// "Maths for physics" as a Rebound project file from its Build page; a
// colleague who signs up imports the file into a class of their own, reads
// the preview (misconceptions by name, the questions as students see them)
// and gets the project with every checkpoint. Axe checks the Build page with
// its download section, the preview and the new project.
import { readFileSync } from "node:fs";
import { DEMO_TEACHER, expect, expectNoSeriousA11yViolations, logIn, logOut, signUp, test } from "./fixtures";

test("a teacher exports a project as a file, and a colleague imports it into another class", async ({ page }) => {
  await logIn(page, DEMO_TEACHER);
  await page.getByRole("link", { name: /Physics 9B/ }).first().click();
  await page.getByRole("link", { name: "Maths for physics: a diagnostic check" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Maths for physics: a diagnostic check" })).toBeVisible();
  const share = page.locator("section", { has: page.getByRole("heading", { level: 2, name: "Share or export" }) });
  await expect(share.getByText(/Leaves out misconceptions and which wrong answer shows which/).first()).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  const [download] = await Promise.all([page.waitForEvent("download"), share.getByRole("link", { name: "Rebound project file (.json)" }).click()]);
  expect(download.suggestedFilename()).toBe("maths-for-physics-a-diagnostic-check.json");
  const bytes = readFileSync((await download.path())!);
  const file = JSON.parse(bytes.toString("utf8"));
  expect(file).toMatchObject({ format: "rebound-project", version: 1 });
  expect(file.checkpoints).toHaveLength(12);
  await logOut(page);

  await signUp(page, "Teacher", "Colleague Teacher");
  const className = `Physics 10X ${Date.now()}`;
  await page.getByLabel("Class name").fill(className);
  await page.getByRole("button", { name: "Create class" }).click();
  await expect(page.getByRole("heading", { level: 1, name: className })).toBeVisible();
  await page.getByRole("link", { name: "Import them from a file" }).click();
  await page.getByLabel("Question file").setInputFiles({ name: download.suggestedFilename(), mimeType: "application/json", buffer: bytes });
  await page.getByRole("button", { name: "Read the file" }).click();
  await expect(page.getByText(`${download.suggestedFilename()} (Rebound project file)`)).toBeVisible();
  await expect(page.getByRole("heading", { level: 3, name: /Rearrange a formula with a quotient/ })).toBeVisible();
  await expect(page.getByText("Misconception: Multiplies instead of dividing").first()).toBeVisible();
  await expect(page.locator("math").first()).toBeAttached();
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("button", { name: "Import 12 checkpoints" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Maths for physics: a diagnostic check" })).toBeVisible();
  await expect(page.getByText("Draft", { exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Edit Substitute into a formula with a square", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: /^Edit / })).toHaveCount(12);
  await expectNoSeriousA11yViolations(page);
});
