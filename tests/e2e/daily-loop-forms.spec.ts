// Forms in the daily loop: a correction is submitted by the first click, moving
// between fields never posts anything, limits are shown before submitting.
import type { Page } from "@playwright/test";
import { DEMO_STUDENT, createDraftProject, expect, expectNoSeriousA11yViolations, logIn, signUp, test } from "./fixtures";

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
  await createDraftProject(page, "Moving between fields");
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

for (const javaScriptEnabled of [true, false]) {
  test(`a misconception is named from the checkpoint editor and linked, keeping everything typed (${javaScriptEnabled ? "with" : "without"} JavaScript)`, async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled });
    const page = await context.newPage();
    await createDraftProject(page, `Falling bodies ${javaScriptEnabled ? "js" : "no js"}`);
    await page.getByLabel("Multiple choice").check();
    await page.getByRole("button", { name: "Add checkpoint" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Add a multiple choice checkpoint" })).toBeVisible();
    await page.getByLabel("Title").fill("Falling in a vacuum");
    await page.getByLabel("Question").fill("A feather and a hammer are dropped together on the Moon. Which lands first?");
    const option1 = page.getByRole("group", { name: "Option 1" });
    await option1.getByLabel("Option text").fill("They land together");
    await option1.getByLabel("Correct answer").check();
    const option2 = page.getByRole("group", { name: "Option 2" });
    await option2.getByLabel("Option text").fill("The hammer");
    await option2.getByLabel("Feedback if chosen (optional)").fill("What slows the feather down on Earth?");

    const name = `Gravity needs air ${javaScriptEnabled ? "js" : "nojs"} ${Date.now()}`;
    const panel = page.getByRole("region", { name: "Name a new misconception" });
    await panel.getByLabel("Misconception name").fill(name);
    await panel.getByLabel("Suggested next step (optional)").fill("Compare a drop in air with a drop in a vacuum tube.");
    await panel.getByLabel("Link it to").selectOption({ label: javaScriptEnabled ? "Option 2: The hammer" : "Option 2" });
    await panel.getByRole("button", { name: "Add misconception" }).click();
    if (javaScriptEnabled) await expect(panel.getByRole("button", { name: "Add misconception" })).toBeEnabled();

    await expect(panel.getByRole("status")).toContainText(`Misconception “${name}” added to this project and linked.`);
    await expect(page.getByLabel("Title")).toHaveValue("Falling in a vacuum");
    await expect(page.getByLabel("Question")).toHaveValue(/feather and a hammer/);
    await expect(option1.getByLabel("Correct answer")).toBeChecked();
    await expect(option2.getByLabel("Option text")).toHaveValue("The hammer");
    await expect(option2.getByLabel("Feedback if chosen (optional)")).toHaveValue("What slows the feather down on Earth?");
    await expect(option2.getByLabel("Misconception this option shows (optional)").locator("option:checked")).toHaveText(name);
    await expect(panel.getByLabel("Misconception name")).toHaveValue("");
    if (javaScriptEnabled) await expectNoSeriousA11yViolations(page);

    await page.getByRole("button", { name: "Add checkpoint" }).last().click();
    await expect(page.getByRole("heading", { name: "Falling in a vacuum" }).first()).toBeVisible();
    await page.goto(page.url().replace(/\?.*$/, "") + "/misconceptions");
    await expect(page.getByRole("heading", { name, level: 3 })).toBeVisible();
    await expect(page.getByRole("listitem").filter({ hasText: name })).toContainText("In use");
    await context.close();
  });
}
