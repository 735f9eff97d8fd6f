// Calibration on the demo: how sure students said they were with their answer,
// before the outcome, set against the outcome. The teacher reads it on the
// insight overview. Run on its own port:
// E2E_PORT=3204 npx playwright test tests/e2e/calibration.spec.ts
import type { Page } from "@playwright/test";
import { DEMO_TEACHER, expect, expectNoSeriousA11yViolations, logIn, test } from "./fixtures";

async function openInsight(page: Page) {
  await logIn(page, DEMO_TEACHER);
  await page.getByRole("link", { name: /Physics 9B/ }).click();
  await page.getByRole("link", { name: "Forces and motion" }).first().click();
  await page.getByRole("navigation", { name: "Project" }).getByRole("link", { name: "Insight" }).click();
  await expect(page).toHaveURL(/\/insight$/);
}

/** The numbers in one column of a table's body, read top to bottom. */
async function columnNumbers(page: Page, table: ReturnType<Page["getByRole"]>, column: number) {
  const cells = await table.locator("tbody tr").locator(`td:nth-of-type(${column})`).allTextContents();
  return cells.map((text) => Number.parseInt(text, 10));
}

test("the teacher sees how sure students were before the outcome, per misconception and per student", async ({ page }) => {
  test.setTimeout(90_000);
  await openInsight(page);
  const section = page.getByRole("region", { name: "Confidence before the outcome" });
  await expect(section).toBeVisible();

  // The class table: how sure × outcome, with something in both outcome columns.
  const table = section.getByRole("table", { name: /How sure students were before the outcome/ });
  await expect(table.getByRole("columnheader", { name: "Got it", exact: true })).toBeVisible();
  await expect(table.getByRole("columnheader", { name: "Not yet", exact: true })).toBeVisible();
  await expect(table.getByRole("rowheader")).toHaveCount(5);
  const gotIt = await columnNumbers(page, table, 1);
  const notYet = await columnNumbers(page, table, 2);
  expect(gotIt.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  expect(notYet.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  // The thresholds are said in words.
  await expect(section.getByText(/4 or 5.*“not yet”/).first()).toBeVisible();

  // Per misconception: a misconception held firmly, with names that lead to the student's timeline.
  const firmly = section.getByRole("listitem").filter({ hasText: /Heavier falls faster/ }).filter({ hasText: /held firmly by \d+ students?/ });
  await expect(firmly).toBeVisible();
  await expect(firmly.getByRole("link").first()).toHaveAttribute("href", /\/teach\/projects\/[^/]+\/students\/[^/?]+/);

  // Per student: a row with the counts behind the figure.
  const students = section.getByRole("table", { name: /Each student/ });
  await expect(students.getByRole("columnheader", { name: /Rated attempts/ })).toBeVisible();
  const amara = students.getByRole("row", { name: /Amara Okafor/ });
  await expect(amara).toBeVisible();
  await expect(amara.getByRole("link", { name: "Amara Okafor" })).toHaveAttribute("href", /\/students\//);

  // The journal's confidence keeps its own, clearly named table.
  await expect(page.getByRole("table", { name: /Confidence after feedback \(from reflections\)/ })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});
