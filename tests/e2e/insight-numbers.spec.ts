// The figures and quotes on the insight pages agree with themselves, on the
// demo project: a short-text checkpoint's groups (correct answers apart from
// the groups offered for naming, group statistics that add up) and journal
// quotes shown once per section.
// E2E_PORT=3203 npx playwright test tests/e2e/insight-numbers.spec.ts
import type { Locator, Page } from "@playwright/test";
import { DEMO_TEACHER, expect, expectNoSeriousA11yViolations, logIn, test } from "./fixtures";

const CHECKPOINT = "Why does the car keep going?";
/** The demo's right short answers (students self-assessed them as "got it"). */
const RIGHT_ANSWERS = [
  "The forces are balanced, the engine force equals the friction and air resistance so there is no net force and the speed stays the same.",
  "Driving force and drag are equal and opposite so the resultant force is zero and it keeps a constant velocity.",
  "Balanced forces: forward force = backward forces, so no acceleration.",
];

async function openOverview(page: Page) {
  await logIn(page, DEMO_TEACHER);
  await page.getByRole("link", { name: /Physics 9B/ }).click();
  await page.getByRole("link", { name: "Forces and motion" }).first().click();
  await page.getByRole("navigation", { name: "Project" }).getByRole("link", { name: "Insight" }).click();
  await expect(page).toHaveURL(/\/insight$/);
  // The URL changes as the navigation starts; read the page once it has rendered.
  await expect(page.getByRole("heading", { name: "Top misconceptions", exact: true })).toBeVisible();
}

const squash = (text: string) => text.replace(/\s+/g, " ").trim();

/** "6 answers from 6 students" and the students' split, as a group's card states them. */
async function groupFigures(group: Locator) {
  const text = squash(await group.innerText());
  const size = text.match(/(\d+) answers? from (\d+) students?/);
  const split = text.match(/(\d+) got it with an answer in this group, (\d+) got it on a later attempt, (\d+) (?:have|has) not got it yet/);
  const outcomes = text.match(/Answers: (\d+) got it, (\d+) not yet, (\d+) waiting for a check/);
  return { text, size, split, outcomes };
}

test("correct short answers are shown apart, never offered as a misconception, and every group's figures add up", async ({ page }) => {
  test.setTimeout(120_000);
  await openOverview(page);
  await page.getByRole("link", { name: new RegExp(`^\\d+\\. ${CHECKPOINT.replace("?", "\\?")}$`) }).click();
  await expect(page.getByRole("heading", { level: 1, name: CHECKPOINT })).toBeVisible();

  // The right answers sit in their own section, which cannot be named as a misconception.
  const correct = page.getByRole("region", { name: /^Correct answers/ });
  await expect(correct).toBeVisible();
  for (const answer of RIGHT_ANSWERS) await expect(correct.getByText(answer).first()).toBeVisible();
  await expect(correct.getByText("Name as a misconception")).toHaveCount(0);
  await expect(correct.getByRole("checkbox", { name: /Select for merging/ })).toHaveCount(0);

  // No group offered for naming holds a right answer, and each one's figures agree.
  const suggested = page.getByRole("region", { name: /^Suggested group/ });
  expect(await suggested.count()).toBeGreaterThan(0);
  for (const group of await suggested.all()) {
    const { text, size, split, outcomes } = await groupFigures(group);
    for (const answer of RIGHT_ANSWERS) expect(text).not.toContain(answer);
    expect(size, text).not.toBeNull();
    expect(split, text).not.toBeNull();
    expect(outcomes, text).not.toBeNull();
    const [answers, students] = [Number(size![1]), Number(size![2])];
    const [withThis, later, notYet] = split!.slice(1).map(Number);
    const [gotIt, notYetAnswers, waiting] = outcomes!.slice(1).map(Number);
    expect(withThis + later + notYet, text).toBe(students);
    expect(gotIt + notYetAnswers + waiting, text).toBe(answers);
    expect(gotIt, text).toBe(0);
    expect(withThis, text).toBe(0);
  }
  // The correct answers' own figures: every student in it got it with that answer.
  const own = await groupFigures(correct);
  expect(own.size, own.text).not.toBeNull();
  expect(own.split, own.text).not.toBeNull();
  expect(Number(own.split![1]), own.text).toBe(Number(own.size![2]));

  await page.screenshot({ path: test.info().outputPath("checkpoint-groups.png"), fullPage: true });
  await expectNoSeriousA11yViolations(page);
});

/** The innermost section under a heading. */
const section = (page: Page, heading: string) =>
  page.locator("section").filter({ has: page.getByRole("heading", { name: heading, exact: true }) }).last();

/** The quotes of one part of a page, as shown. */
async function quotesIn(section: Locator) {
  return (await section.locator("blockquote").allInnerTexts()).map(squash);
}

test("a journal quote is shown once per section of the overview and the debrief", async ({ page }) => {
  test.setTimeout(120_000);
  await openOverview(page);

  const top = section(page, "Top misconceptions");
  const topQuotes = await quotesIn(top);
  expect(topQuotes.length).toBeGreaterThan(1);
  expect(topQuotes).toEqual([...new Set(topQuotes)]);

  const reflections = section(page, "Reflection signals");
  const reflectionQuotes = await quotesIn(reflections);
  expect(reflectionQuotes.length).toBeGreaterThan(1);
  expect(reflectionQuotes).toEqual([...new Set(reflectionQuotes)]);
  await top.screenshot({ path: test.info().outputPath("top-misconceptions.png") });
  await reflections.screenshot({ path: test.info().outputPath("reflections.png") });

  await page.getByRole("navigation", { name: "Project" }).getByRole("link", { name: "Class debrief" }).click();
  const learned = page.getByRole("region", { name: "What we learned together" });
  await expect(learned).toBeVisible();
  const learnedQuotes = await quotesIn(learned);
  await learned.screenshot({ path: test.info().outputPath("debrief-learned.png") });
  expect(learnedQuotes).toEqual([...new Set(learnedQuotes)]);
});
