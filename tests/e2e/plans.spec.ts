// Plans that are followed up (decision 017): a student writes "What would I do
// differently?" after a "not yet", sees it beside the question at the next
// attempt, says with one tap that it helped, and finds it on their recoveries
// page; the teacher sees it in the insight. Axe on each new part.
import { DEMO_TEACHER, createDraftProject, expect, expectNoSeriousA11yViolations, logIn, test } from "./fixtures";

const PROJECT = "Plans in practice";
const SLED = "A sled on smooth ice";
const MIX_UP = "The push runs out";
const PLAN = "Ask what is still touching the sled after the push ends.";

/** A published project of its own in the demo class, so "Forces and motion" stays as seeded. */
test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage();
  await createDraftProject(page, PROJECT);
  await page.getByLabel("Multiple choice").check();
  await page.getByRole("button", { name: "Add checkpoint" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Add a multiple choice checkpoint" })).toBeVisible();
  await page.getByLabel("Title").fill(SLED);
  await page.getByLabel("Question").fill("You push a sled onto smooth ice and let go. What happens to it?");
  const first = page.getByRole("group", { name: "Option 1" });
  await first.getByLabel("Option text").fill("It keeps sliding at the same speed");
  await first.getByLabel("Correct answer").check();
  await page.getByRole("group", { name: "Option 2" }).getByLabel("Option text").fill("It stops when the push runs out");
  // Named from inside the editor and linked to option 2 in the same save.
  await page.getByLabel("Misconception name").fill(MIX_UP);
  await page.getByLabel("Link it to").selectOption("options[1]");
  await page.getByRole("button", { name: "Add checkpoint" }).last().click();
  await expect(page.getByRole("heading", { name: SLED }).first()).toBeVisible();
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText("Published. Students in the class can now open the project.")).toBeVisible();
  await page.close();
});

test("a student's plan is shown at the next attempt, followed up with one tap, and kept on the recoveries page; the teacher sees it in the insight", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await logIn(page, "hugo@rebound.test");
  await page.getByRole("link", { name: PROJECT }).first().click();
  await page.getByRole("link", { name: SLED }).first().click();

  await page.getByLabel("It stops when the push runs out").check();
  await page.getByRole("button", { name: /Check my answer/ }).click();
  await expect(page.getByRole("heading", { name: "Feedback on attempt 1" })).toBeVisible();
  const reflect = page.locator("#reflect");
  await reflect.getByLabel("What happened?").fill("I thought the push wears off.");
  await reflect.getByLabel("What would I do differently?").fill(PLAN);
  await reflect.getByRole("button", { name: "Add to journal" }).click();
  await expect(page.getByText("Added to your journal.")).toBeVisible();

  // Beside the question, until the next attempt.
  const yourPlan = page.getByRole("region", { name: "Your plan", exact: true });
  await expect(yourPlan.getByText(PLAN)).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.getByLabel("It keeps sliding at the same speed").check();
  await page.getByRole("button", { name: /Check my answer again/ }).click();
  await expect(page.getByRole("heading", { name: "Feedback on attempt 2" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Your plan", exact: true })).toHaveCount(0);
  const followUp = page.getByRole("region", { name: "How did your plan go on attempt 2?" });
  await expect(followUp.getByText(PLAN)).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // With JavaScript the tap updates the page in place: no navigation happens.
  const url = page.url();
  let navigated = false;
  page.on("framenavigated", (frame) => {
    if (frame === page.mainFrame()) navigated = true;
  });
  await followUp.getByRole("button", { name: "I tried it: it helped" }).click();
  await expect(followUp.getByRole("status")).toHaveText("You tried it, and it helped.");
  await expect(followUp.getByRole("button", { name: "I tried it: it helped" })).toHaveAttribute("aria-pressed", "true");
  expect(page.url()).toBe(url);
  expect(navigated).toBe(false);

  // Kept on the recoveries page, with the idea recovered.
  await page.getByRole("link", { name: PROJECT }).first().click();
  await page.getByRole("link", { name: "My recoveries" }).click();
  const plans = page.getByRole("region", { name: "My plans, and how they went" });
  await expect(plans.getByText(PLAN)).toBeVisible();
  await expect(plans.getByText("You tried it, and it helped.")).toBeVisible();
  const ideas = page.getByRole("region", { name: "Ideas I worked on" });
  await expect(ideas.getByRole("heading", { name: MIX_UP })).toBeVisible();
  await expect(ideas.getByText("Recovered", { exact: true })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await context.close();

  // The teacher: the plan under its misconception, counted, with the "too few" warning.
  const teacherContext = await browser.newContext();
  const teacher = await teacherContext.newPage();
  await logIn(teacher, DEMO_TEACHER);
  await teacher.getByRole("link", { name: /Physics 9B/ }).first().click();
  await teacher.getByRole("link", { name: PROJECT }).first().click();
  await teacher.getByRole("navigation", { name: "Project" }).getByRole("link", { name: "Insight" }).click();
  const section = teacher.getByRole("region", { name: "Plans and lasting recovery" });
  await expect(section.getByText("1 plan by 1 student.", { exact: false }).first()).toBeVisible();
  await expect(section.getByRole("list", { name: `What students planned about ${MIX_UP}` }).getByText(PLAN)).toBeVisible();
  await expect(section.getByText(/Too few to compare/).first()).toBeVisible();
  await expect(section.getByRole("table").getByRole("rowheader", { name: new RegExp(MIX_UP) })).toBeVisible();
  await expectNoSeriousA11yViolations(teacher);
  await teacherContext.close();
});

test("the demo's insight shows plans followed through and a re-check with relapses", async ({ page }) => {
  await logIn(page, DEMO_TEACHER);
  await page.getByRole("link", { name: /Physics 9B/ }).first().click();
  await page.getByRole("link", { name: "Forces and motion" }).first().click();
  await page.getByRole("navigation", { name: "Project" }).getByRole("link", { name: "Insight" }).click();
  const section = page.getByRole("region", { name: "Plans and lasting recovery" });
  await expect(section.getByText(/said it helped/).first()).toBeVisible();
  await expect(section.getByText(/Re-check 6\. A box on a smooth floor: .*held/)).toBeVisible();
  await expect(section.getByText(/showed it again on the re-check/)).toBeVisible();
});
