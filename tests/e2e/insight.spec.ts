// The teacher's class insight on the demo project: the overview, the students ×
// misconceptions heatmap (sorting, drilling into a cell), tag correction on the
// attempts behind it, and the CSV download. Run on its own port:
// E2E_PORT=3302 npx playwright test tests/e2e/insight.spec.ts
import fs from "node:fs";
import type { Page } from "@playwright/test";
import { DEMO_TEACHER, expect, expectNoSeriousA11yViolations, logIn, test } from "./fixtures";

const MISCONCEPTION = "Motion needs a force";

async function openInsight(page: Page) {
  await logIn(page, DEMO_TEACHER);
  await page.getByRole("link", { name: /Physics 9B/ }).click();
  await page.getByRole("link", { name: "Forces and motion" }).first().click();
  await page.getByRole("navigation", { name: "Project" }).getByRole("link", { name: "Insight" }).click();
  await expect(page).toHaveURL(/\/insight$/);
}

async function openHeatmap(page: Page) {
  await page.getByRole("navigation", { name: "Insight" }).getByRole("link", { name: "Students × misconceptions" }).click();
  await expect(page).toHaveURL(/\/insight\/heatmap/);
  await expect(page.getByRole("table", { name: /Attempts showing each misconception, per student/ })).toBeVisible();
}

/** Data rows of the heatmap, as the row headers (student names) read top to bottom. */
async function rowNames(page: Page) {
  return (await page.getByRole("table").getByRole("rowheader").allTextContents()).map((t) => t.replace("Removed from the class", "").trim());
}

test("the teacher reads the insight, sorts the heatmap, follows a cell to its attempts and downloads a CSV", async ({ page }) => {
  // One journey across three pages, each checked with axe: longer than the default minute on a small machine.
  test.setTimeout(120_000);
  await openInsight(page);
  await expect(page.getByRole("heading", { name: "Top misconceptions" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Heavier falls faster", level: 3 })).toBeVisible();
  await expect(page.getByRole("heading", { name: MISCONCEPTION, level: 3 })).toBeVisible();
  await expect(page.getByRole("img", { name: /Students per misconception/ })).toBeVisible();
  const help = page.locator("section", { has: page.getByRole("heading", { name: "Who needs help now" }) });
  await expect(help.getByRole("heading", { name: "Open support requests, oldest first" })).toBeVisible();
  await expect(help.getByRole("link").first()).toHaveAttribute("href", /\/teach\/projects\/[^/]+\/students\/[^/]+/);
  await expect(page.getByRole("link", { name: "1. A puck on frictionless ice" })).toHaveAttribute("href", /\/insight\/checkpoints\//);
  await expectNoSeriousA11yViolations(page);

  // The velocity chart switches to weeks with a plain link.
  await page.getByRole("navigation", { name: "Period of the chart" }).getByRole("link", { name: "week" }).click();
  await expect(page).toHaveURL(/\?period=week/);
  await expect(page.getByRole("navigation", { name: "Period of the chart" }).getByRole("link", { name: "week" })).toHaveAttribute("aria-current", "true");
  await expect(page.getByRole("table", { name: /per week/ })).toBeVisible();

  await openHeatmap(page);
  await expectNoSeriousA11yViolations(page);
  await expect(page.getByRole("columnheader", { name: /Total/ })).toHaveAttribute("aria-sort", "descending");

  await page.getByRole("link", { name: /Sort by Student/ }).click();
  await expect(page).toHaveURL(/sort=name&dir=asc/);
  await expect(page.getByRole("columnheader", { name: /Student/ })).toHaveAttribute("aria-sort", "ascending");
  const byName = await rowNames(page);
  expect(byName[0]).toBe("Amara Okafor");
  expect(byName).toEqual([...byName].sort((a, b) => a.localeCompare(b)));

  await page.getByRole("link", { name: new RegExp(`Sort by ${MISCONCEPTION}`) }).click();
  const column = page.getByRole("columnheader", { name: new RegExp(MISCONCEPTION) });
  await expect(column).toHaveAttribute("aria-sort", "descending");

  // The first cell of that column holds the most attempts; follow it to the attempts behind it.
  const cell = page.getByRole("link", { name: new RegExp(`^.+, ${MISCONCEPTION}: \\d+ attempts?, `) }).first();
  const label = (await cell.textContent())!.replace(/\s+/g, " ");
  const [, student, count] = label.match(new RegExp(`^\\s*(.+), ${MISCONCEPTION}: (\\d+) attempt`))!;
  await cell.click();
  await expect(page).toHaveURL(/\/insight\/attempts\?student=.+&misconception=/);
  const heading = `${count} ${count === "1" ? "attempt" : "attempts"} by ${student} showing “${MISCONCEPTION}”`;
  await expect(page.getByRole("heading", { name: heading })).toBeVisible();
  const attempts = page.getByRole("article");
  await expect(attempts).toHaveCount(Number(count));
  for (const article of await attempts.all()) {
    await expect(article.getByText(new RegExp(`^${MISCONCEPTION}`))).toBeVisible();
  }
  await expect(page.getByLabel("Student", { exact: true })).toHaveValue(/.+/);
  await expectNoSeriousA11yViolations(page);

  const download = page.waitForEvent("download");
  await page.getByRole("navigation", { name: "Insight" }).getByRole("link", { name: "Overview" }).click();
  await expect(page.getByText("Holds students' names and emails: keep it private.")).toBeVisible();
  await page.getByRole("button", { name: "CSV: students × misconceptions" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^forces-and-motion-misconceptions-by-student-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = fs.readFileSync((await file.path())!, "utf8");
  expect(csv.split(/\r\n/)[0]).toBe("\uFEFFStudent,Email,In the class now,Misconception,Attempts showing it,Checkpoints,Resolved,First seen (UTC),Resolved at (UTC)");
  expect(csv).toContain(`${student},`);

  // The same CSV without the emails.
  const withoutEmails = page.waitForEvent("download");
  await page.getByLabel("Leave out emails").check();
  await page.getByRole("button", { name: "CSV: students × misconceptions" }).click();
  const lean = fs.readFileSync((await (await withoutEmails).path())!, "utf8");
  expect(lean.split(/\r\n/)[0]).toBe("\uFEFFStudent,In the class now,Misconception,Attempts showing it,Checkpoints,Resolved,First seen (UTC),Resolved at (UTC)");
  expect(lean).not.toContain("@rebound.test");
});

test("the heatmap's sort links and cell links are reachable by keyboard", async ({ page }) => {
  await openInsight(page);
  await openHeatmap(page);
  const focusedText = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.innerText?.replace(/\s+/g, " ").trim() ?? "");
  const tabTo = async (pattern: RegExp, limit = 80) => {
    for (let i = 0; i < limit; i++) {
      await page.keyboard.press("Tab");
      if (pattern.test(await focusedText())) return;
    }
    throw new Error(`Could not reach ${pattern} by keyboard`);
  };
  await page.getByRole("navigation", { name: "Insight" }).getByRole("link", { name: "Students × misconceptions" }).focus();
  await tabTo(/^Sort by Student/);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("columnheader", { name: /Student/ })).toHaveAttribute("aria-sort", "ascending");

  await page.getByRole("link", { name: /Sort by Student/ }).focus();
  await tabTo(new RegExp(`, ${MISCONCEPTION}: \\d+ attempt`));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/insight\/attempts\?student=/);
  await expect(page.getByRole("heading", { name: new RegExp(`showing “${MISCONCEPTION}”`) })).toBeVisible();
});

test("the teacher takes a tag off an attempt, it stays off, and puts it back", async ({ page }) => {
  await openInsight(page);
  await openHeatmap(page);
  await page.getByRole("link", { name: new RegExp(`^.+, ${MISCONCEPTION}: \\d+ attempts?, `) }).first().click();
  await expect(page.getByRole("heading", { name: new RegExp(`showing “${MISCONCEPTION}”`) })).toBeVisible();
  const first = page.getByRole("article").first();
  await first.getByRole("button", { name: /^Take off/ }).first().click();
  await expect(first.getByText(`“${MISCONCEPTION}” is off the answer. The machine won't put it back.`)).toBeVisible();
  await expect(first.getByText("(taken off by you)")).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.reload();
  const again = page.getByRole("article").first();
  await expect(again.getByText("(taken off by you)")).toBeVisible();
  await expect(page.getByText(/had the tag taken off by you/)).toBeVisible();
  await again.getByRole("button", { name: /^Put back/ }).click();
  await expect(again.getByText(`The answer now shows “${MISCONCEPTION}”.`)).toBeVisible();
  await expect(again.getByText("(set by you)")).toBeVisible();

  // Adding another misconception by hand.
  await again.getByLabel(/Add a misconception/).selectOption({ label: "Unit slip" });
  await again.getByRole("button", { name: /^Tag/ }).click();
  await expect(again.getByText("The answer now shows “Unit slip”.")).toBeVisible();
  await expect(again.getByText(/^Unit slip/)).toBeVisible();
});
