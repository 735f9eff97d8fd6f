// The class debrief the teacher projects shows ideas, anonymous answers and
// counts — never a student's name or email — and a student sees their own
// recoveries with their reflections beside them.
import type { Page } from "@playwright/test";
import { DEMO_STUDENT, DEMO_TEACHER, expect, expectNoSeriousA11yViolations, logIn, test } from "./fixtures";

/** How a text could appear in the page's HTML (React escapes quotes and apostrophes). */
function htmlForms(text: string): string[] {
  const escaped = text.replace(/&/g, "&amp;").replace(/'/g, "&#x27;").replace(/"/g, "&quot;");
  return [...new Set([text, escaped, escaped.replace(/&#x27;/g, "&#39;")])];
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

async function expectNoStudentDetails(page: Page, students: { name: string; email: string }[]) {
  const text = await page.locator("body").innerText();
  const html = await page.content();
  for (const { name, email } of students) {
    for (const form of [...htmlForms(name), ...htmlForms(email)]) {
      expect(html, `HTML shows ${form}`).not.toContain(form);
    }
    expect(text).not.toContain(name);
    expect(text).not.toContain(email);
    // Each part of the name, as a word of its own, in the visible text and anywhere in the HTML.
    for (const part of name.split(/\s+/)) {
      const word = new RegExp(`(?<![\\p{L}])${escapeRegExp(part)}(?![\\p{L}])`, "u");
      expect(text, `page text shows ${part}`).not.toMatch(word);
      for (const form of htmlForms(part)) expect(html, `HTML shows ${form}`).not.toMatch(new RegExp(`(?<![\\p{L}])${escapeRegExp(form)}(?![\\p{L}])`, "u"));
    }
    expect(html).not.toContain(email.split("@")[0] + "@");
  }
}

test("the teacher's class debrief shows top misconceptions with worked-through counts and no student's name or email", async ({ page }) => {
  await logIn(page, DEMO_TEACHER);
  await page.getByRole("link", { name: /Physics 9B/ }).click();

  // The class roster, as the teacher sees it: every name and email that must not reach the debrief.
  const roster = page.getByRole("table", { name: /Students in Physics 9B/ });
  const rows = roster.locator("tbody tr");
  await expect(rows).toHaveCount(25);
  const students: { name: string; email: string }[] = [];
  for (const row of await rows.all()) {
    const name = (await row.locator("th, td").nth(0).innerText()).trim();
    const email = (await row.locator("td").filter({ hasText: "@" }).first().innerText()).trim();
    students.push({ name, email });
  }
  expect(students.map((s) => s.email)).toContain(DEMO_STUDENT);

  await page.getByRole("link", { name: "Forces and motion" }).first().click();
  await page.getByRole("navigation", { name: "Project" }).getByRole("link", { name: "Class debrief" }).click();
  await expect(page).toHaveURL(/\/debrief$/);
  await expect(page.getByRole("heading", { level: 1, name: "What our “not yet”s taught us" })).toBeVisible();

  // Three to five misconceptions, each with how many worked through it, examples and prompts.
  const counts = page.getByText(/^\d+ of \d+ (have|has) worked through this$/);
  expect(await counts.count()).toBeGreaterThanOrEqual(3);
  expect(await counts.count()).toBeLessThanOrEqual(5);
  await expect(page.getByRole("heading", { level: 2, name: "Motion needs a force" })).toBeVisible();
  const idea = page.getByRole("region", { name: "Motion needs a force" });
  await expect(idea.getByRole("heading", { name: "Answers that showed this idea" })).toBeVisible();
  await expect(idea.getByRole("heading", { name: "Let's discuss" })).toBeVisible();
  await expect(idea.getByText(/Why might someone believe a moving object needs a constant force/)).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Questions for all of us" })).toBeVisible();

  await expectNoStudentDetails(page, students);
  await expectNoSeriousA11yViolations(page);

  // Presentation mode: the app's header gives way; still no names, still accessible.
  await page.getByRole("link", { name: "Present to the class" }).click();
  await expect(page).toHaveURL(/present=1/);
  await expect(page.getByRole("link", { name: "Leave presentation mode" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Account" })).toBeHidden();
  await expect(page.getByText(/^\d+ of \d+ (have|has) worked through this$/).first()).toBeVisible();
  await expectNoStudentDetails(page, students);
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("link", { name: "Leave presentation mode" }).click();
  await expect(page.getByRole("navigation", { name: "Account" })).toBeVisible();
});

test("a student sees a recovered checkpoint with their reflection beside it", async ({ page }) => {
  await logIn(page, DEMO_STUDENT);
  await page.getByRole("link", { name: "Forces and motion" }).first().click();
  await page.getByRole("link", { name: "My recoveries" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "My recoveries" })).toBeVisible();

  const recovery = page.getByRole("article", { name: "A puck on frictionless ice" });
  await expect(recovery.getByText(/Got it on attempt \d+, .+ after your first “not yet”\./)).toBeVisible();
  await expect(recovery.getByRole("heading", { name: "Your path" })).toBeVisible();
  await expect(recovery.getByText("Not yet").first()).toBeVisible();
  await expect(recovery.getByText(/^Got it$/)).toBeVisible();
  await expect(recovery.getByRole("heading", { name: "What you worked through" })).toBeVisible();
  await expect(recovery.getByText("Motion needs a force", { exact: true })).toBeVisible();
  await expect(recovery.getByRole("heading", { name: "Your reflections" })).toBeVisible();
  await expect(recovery.getByText("Nothing has to push the puck to keep it moving — forces change motion.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Still working on" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // The journal links back to the same page.
  await page.getByRole("link", { name: "My journal" }).click();
  await page.getByRole("link", { name: "My recoveries" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "My recoveries" })).toBeVisible();
});
