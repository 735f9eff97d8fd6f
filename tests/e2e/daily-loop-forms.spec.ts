// Forms in the daily loop: a correction is submitted by the first click, moving
// between fields never posts anything, limits are shown before submitting.
import type { Page } from "@playwright/test";
import { DEMO_STUDENT, DEMO_TEACHER, expect, expectNoSeriousA11yViolations, logIn, signUp, test } from "./fixtures";

/** Counts the POST requests the page sends (form submissions and fetches). */
function countPosts(page: Page) {
  const posts: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST") posts.push(request.url());
  });
  return posts;
}

test("after a validation error, fixing the field and clicking once submits (create class, join code)", async ({ page, browser }) => {
  await signUp(page, "Teacher", "Fix Once");
  await page.getByRole("button", { name: "Create class" }).click();
  await expect(page.getByText("Give the class a name.")).toBeVisible();
  await page.getByLabel("Class name").fill("Biology 7C");
  await page.getByRole("button", { name: "Create class" }).click();
  await expect(page.getByRole("heading", { name: "Biology 7C" })).toBeVisible();
  const code = (await page.getByText(/^[A-Z0-9]{6}$/).first().textContent())!.trim();

  const studentContext = await browser.newContext();
  const student = await studentContext.newPage();
  await signUp(student, "Student", "Fix Once Student");
  // A mistyped code is answered by the server; the student fixes it and clicks once.
  await student.getByLabel("Join code").fill("ZZZZZ9");
  await student.getByRole("button", { name: "Join class" }).click();
  await expect(student.getByText("We couldn't find a class with that code.", { exact: false })).toBeVisible();
  await student.getByLabel("Join code").fill(code);
  await student.getByRole("button", { name: "Join class" }).click();
  await expect(student.getByText("Welcome to Biology 7C!")).toBeVisible();
  await studentContext.close();
});

test("moving between the fields of a form sends nothing and shows no error banner", async ({ page }) => {
  await logIn(page, DEMO_TEACHER);
  await page.getByRole("link", { name: "Physics 9B" }).first().click();
  await page.getByRole("link", { name: "Forces and motion" }).first().click();
  await page.getByRole("link", { name: "Manage misconceptions" }).click();
  await expect(page.getByRole("heading", { name: "Misconceptions", level: 1 })).toBeVisible();
  const posts = countPosts(page);
  await page.getByLabel("Name", { exact: true }).fill("Mass sets the fall speed");
  await page.keyboard.press("Tab");
  await page.keyboard.type("Mass decides the speed of a fall.");
  await page.keyboard.press("Tab");
  await page.keyboard.type("Drop two balls of different mass together.");
  await page.keyboard.press("Tab");
  await page.waitForTimeout(300);
  expect(posts).toEqual([]);
  await expect(page.getByText("We didn't understand that request.")).toHaveCount(0);
  await page.getByRole("button", { name: "Add misconception" }).click();
  await expect(page.getByText("Misconception “Mass sets the fall speed” added.")).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test("text limits are shown with a live count before submitting, and short fields stop at their limit", async ({ page }) => {
  await logIn(page, DEMO_STUDENT);
  await page.getByRole("link", { name: "Forces and motion" }).first().click();
  await page.getByRole("link", { name: /journal/i }).first().click();
  const answer = page.getByRole("textbox").first();
  const count = page.getByText(/of 5,000 characters$/).first();
  await expect(count).toBeVisible();
  await answer.fill("x".repeat(5_010));
  await expect(page.getByText("10 characters over the limit of 5,000: shorten it before saving.").first()).toBeVisible();
  await answer.fill("I tried it with a heavier ball.");
  await expect(page.getByText("31 of 5,000 characters").first()).toBeVisible();
  // The count is part of the field's description.
  await expect(answer).toHaveAccessibleDescription(/31 of 5,000 characters/);

  await page.goto("/learn");
  await expect(page.getByLabel("Join code")).toHaveAttribute("maxlength", "20");
  await expectNoSeriousA11yViolations(page);
});
