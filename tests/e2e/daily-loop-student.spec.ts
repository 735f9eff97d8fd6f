// The student's loop: how sure they are before the outcome, reflections that
// wait until written or dismissed, and a self-check whose rules are plain.
import type { Browser, Page } from "@playwright/test";
import { DEMO_TEACHER, addCheckpoint, createDraftProject, expect, expectNoSeriousA11yViolations, logIn, test } from "./fixtures";

const PROJECT = "Falling and floating";
const PUCK = "A puck on a frictionless table";
const CAR = "Why does the cart keep going?";

/**
 * A published project of its own in the demo class, so these attempts leave
 * "Forces and motion" as seeded. Demo students answer it.
 */
test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage();
  await createDraftProject(page, PROJECT);
  await addCheckpoint(page, "Multiple choice", {
    title: PUCK,
    question: "A puck slides off your stick onto a frictionless table. What does it do?",
    options: [{ text: "It keeps moving at the same speed", correct: true }, { text: "It slows down because the push runs out" }],
  });
  await addCheckpoint(page, "Short text", {
    title: CAR,
    question: "You push a cart and let go. Why does it keep going for a while?",
    modelAnswer: "Nothing needs to push it: with no net force its velocity stays the same; friction slows it.",
  });
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText("Published. Students in the class can now open the project.")).toBeVisible();
  await page.close();
});

async function demoStudent(browser: Browser, email: string): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await logIn(page, email);
  await page.getByRole("link", { name: PROJECT }).first().click();
  return { page, close: () => context.close() };
}

test("how sure the student was is asked before the outcome, and a reflection on a 'not yet' waits until written or dismissed", async ({ browser }) => {
  const { page, close } = await demoStudent(browser, "grace@rebound.test");
  await page.getByRole("link", { name: PUCK }).first().click();
  const sure = page.getByRole("group", { name: /How sure are you\?/ });
  await expect(sure).toBeVisible();
  await sure.getByLabel("5 — very sure").check();
  await page.getByLabel("It slows down because the push runs out").check();
  await page.getByRole("button", { name: /Check my answer/ }).click();
  await expect(page.getByRole("heading", { name: "Feedback on attempt 1" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Reflect on this attempt" })).toBeVisible();
  await expect(page.getByText("How sure you were before checking: 5 — very sure")).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // Leave the feedback, come back: the reflection is still offered from the attempt.
  await page.getByRole("link", { name: PROJECT }).first().click();
  await page.getByRole("link", { name: PUCK }).first().click();
  await expect(page.getByRole("heading", { name: "Feedback on attempt 1" })).toHaveCount(0);
  await page.getByRole("link", { name: "Reflect on attempt 1" }).click();
  await expect(page.getByRole("heading", { name: "Reflect on this attempt" })).toBeVisible();

  // And from the journal, where it can be dismissed.
  await page.getByRole("link", { name: "My journal for this project" }).click();
  const waiting = page.getByRole("region", { name: "Reflections waiting for you" });
  await expect(waiting.getByRole("link", { name: `Reflect on ${PUCK}, attempt 1` })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await waiting.getByRole("button", { name: /Not now/ }).click();
  await expect(page.getByRole("region", { name: "Reflections waiting for you" })).toHaveCount(0);
  await page.goBack();
  await page.reload();
  await expect(page.getByRole("link", { name: "Reflect on attempt 1" })).toHaveCount(0);
  await close();
});

test("a short answer waits for the student's check, 'not yet' is settled by revising, and the teacher sees every check", async ({ browser, page: teacher }) => {
  const name = "Elif Yilmaz";
  const { page, close } = await demoStudent(browser, "elif@rebound.test");
  await page.getByRole("link", { name: CAR }).first().click();
  await page.getByLabel("Your answer").fill("The engine force is still inside the car after you let go.");
  await page.getByRole("button", { name: /Submit my answer/ }).click();
  await expect(page.getByText(/Waiting for your check/).first()).toBeVisible();

  // Leaving without choosing: the page says what is pending.
  await page.getByRole("link", { name: PROJECT }).first().click();
  await page.getByRole("link", { name: CAR }).first().click();
  await page.getByRole("link", { name: "Waiting for your check: compare attempt 1 with the model answer" }).click();
  await page.getByRole("button", { name: "I think I've got it" }).click();
  await expect(page.getByText("You said: I think I've got it.").first()).toBeVisible();
  // "Got it" can still become "not yet", but not the other way round.
  await page.getByRole("button", { name: "Actually, not yet — I'll revise" }).click();
  await expect(page.getByText("You said “not yet” on this attempt. Revise your answer below", { exact: false })).toBeVisible();
  await expect(page.getByRole("button", { name: "I think I've got it" })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
  await close();

  await logIn(teacher, DEMO_TEACHER);
  await teacher.getByRole("link", { name: "Physics 9B" }).first().click();
  await teacher.getByRole("link", { name: PROJECT }).first().click();
  await teacher.getByRole("navigation", { name: "Project" }).getByRole("link", { name: "Class progress" }).click();
  await teacher.getByRole("table").getByRole("link", { name, exact: true }).click();
  const checks = teacher.getByText("Every check, in order").locator("..");
  await expect(checks.getByRole("listitem")).toHaveText([new RegExp(`${name} said: Got it`), new RegExp(`${name} said: Not yet`)]);
});
