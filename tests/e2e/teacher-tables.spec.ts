// Wording and layout of the teacher's tables and the student's checkpoint list:
// counts in words agree with their number, a status is read once, and on a
// phone every teacher table keeps a narrow sticky student column, scrolls
// sideways in a labelled, focusable region and shows its whole caption.
// E2E_PORT=3202 npx playwright test tests/e2e/teacher-tables.spec.ts
import type { Locator, Page } from "@playwright/test";
import { DEMO_STUDENT, DEMO_TEACHER, expect, expectNoSeriousA11yViolations, logIn, test } from "./fixtures";

const PHONE = { width: 390, height: 844 };

async function openProject(page: Page) {
  await logIn(page, DEMO_TEACHER);
  await page.getByRole("link", { name: /Physics 9B/ }).click();
  await page.getByRole("link", { name: "Forces and motion" }).first().click();
  await expect(page).toHaveURL(/\/teach\/projects\/[^/]+/);
  return page.url().replace(/\/teach\/projects\/([^/?#]+).*$/, "/teach/projects/$1");
}

test("a misconception one student showed is described as “1 student”, and counts agree with their words", async ({ page }) => {
  test.setTimeout(90_000);
  const base = await openProject(page);
  await page.goto(`${base}/insight`);

  // Make sure one misconception has exactly one student: tag "Unit slip" (seen by no one in the demo) on one attempt.
  const notSeen = page.getByText(/^Not seen in any attempt yet:/);
  if ((await notSeen.count()) > 0 && /Unit slip/.test(await notSeen.innerText())) {
    await page.goto(`${base}/insight/heatmap`);
    await page.getByRole("link", { name: /^.+, Motion needs a force: \d+ attempts?, / }).first().click();
    const first = page.getByRole("article").first();
    await first.getByLabel(/Add a misconception/).selectOption({ label: "Unit slip" });
    await first.getByRole("button", { name: /^Tag/ }).click();
    await expect(first.getByText("The answer now shows “Unit slip”.")).toBeVisible();
    await page.goto(`${base}/insight`);
  }

  const chart = page.getByRole("img", { name: /Students per misconception/ });
  const description = (await chart.locator("desc").textContent()) ?? "";
  // Among the five shown in full, or named in the line for the rest.
  const alsoSeen = (await page.getByText(/^Also seen:/).allInnerTexts()).join(" ");
  expect(`${description} ${alsoSeen}`).toMatch(/Unit slip: 1 student showed it|Unit slip \(1 student\)/);
  expect(description).not.toMatch(/(^|\D)1 (students|attempts|entries|checkpoints)\b/);
  const velocity = (await page.getByRole("img", { name: /Attempts and “not yets”/ }).locator("desc").textContent()) ?? "";
  expect(velocity).not.toMatch(/(^|\D)1 attempts\b/);
  // Nowhere on the overview does a count of one take a plural.
  expect(await page.locator("main").innerText()).not.toMatch(/(^|\D)1 (students|attempts|entries|journal entries|checkpoints|requests)\b/);
});

test("the student's checkpoint list reads each status once", async ({ page }) => {
  await logIn(page, DEMO_STUDENT);
  await page.getByRole("link", { name: "Forces and motion" }).first().click();
  const heading = page.getByRole("heading", { name: "Checkpoints", exact: true });
  await expect(heading).toBeVisible();
  const list = heading.locator("xpath=..").getByRole("list").first();
  const items = list.getByRole("listitem");
  expect(await items.count()).toBeGreaterThan(3);
  let notStarted = 0;
  for (const item of await items.all()) {
    // What assistive technology reads (aria-hidden icons left out) and what is seen.
    const read = await item.ariaSnapshot();
    const seen = await item.innerText();
    for (const status of ["Not started", "Not yet", "Got it", "Waiting for"]) {
      const times = (text: string) => text.split(status).length - 1;
      expect(times(read), `${status} in ${read}`).toBeLessThanOrEqual(1);
      expect(times(seen), `${status} in ${seen}`).toBeLessThanOrEqual(1);
    }
    if (read.includes("Not started")) notStarted++;
  }
  expect(notStarted).toBeGreaterThan(0);
  await expectNoSeriousA11yViolations(page);
});

/** Checks one table frame at phone width: sticky narrow first column, sideways scroll in a labelled focusable region, caption in view. */
async function expectPhoneFriendly(page: Page, table: Locator, { scrolls }: { scrolls: boolean }) {
  // The nearest scroll region around the table (a section with a heading is a region too).
  const region = table.locator("xpath=ancestor::*[@role='region'][1]");
  await expect(region).toHaveCount(1);
  await expect(region).toHaveAttribute("tabindex", "0");
  await expect(region).toHaveAccessibleName(/.{10,}/);
  await region.scrollIntoViewIfNeeded();

  const geometry = await region.evaluate((el) => {
    const frame = el.getBoundingClientRect();
    const caption = el.querySelector("caption");
    const range = document.createRange();
    if (caption) range.selectNodeContents(caption);
    const text = caption ? range.getBoundingClientRect() : null;
    const header = el.querySelector("thead tr, tr")!;
    const cells = [...header.children].map((c) => c.getBoundingClientRect());
    return {
      frame: { left: frame.left, right: frame.right },
      caption: text && caption && !caption.classList.contains("sr-only") ? { left: text.left, right: text.right, width: text.width } : null,
      firstColumn: { left: cells[0].left, width: cells[0].width },
      columnsInView: cells.filter((c) => c.left < frame.right - 24).length,
      scrollWidth: el.scrollWidth,
      clientWidth: el.clientWidth,
      viewport: window.innerWidth,
    };
  });
  // The caption wraps inside the visible frame: no word of it is cut off.
  if (geometry.caption) {
    expect(geometry.caption.left).toBeGreaterThanOrEqual(geometry.frame.left - 1);
    expect(geometry.caption.right).toBeLessThanOrEqual(Math.min(geometry.frame.right, geometry.viewport) + 1);
  }
  // The student column is narrow: room for more than one other column beside it.
  expect(geometry.firstColumn.width).toBeLessThanOrEqual(geometry.viewport * 0.36);
  // ...yet wide enough for a name to wrap between words, not letter by letter.
  expect(geometry.firstColumn.width).toBeGreaterThanOrEqual(96);
  expect(geometry.columnsInView).toBeGreaterThanOrEqual(3);
  if (!scrolls) return;
  expect(geometry.scrollWidth).toBeGreaterThan(geometry.clientWidth);
  await region.evaluate((el) => el.scrollBy({ left: 400 }));
  await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(100);
  const afterScroll = await region.evaluate((el) => {
    const row = el.querySelector("tbody tr")!;
    return { frameLeft: el.getBoundingClientRect().left, first: row.children[0].getBoundingClientRect().left, second: row.children[1].getBoundingClientRect().left };
  });
  // The first column stays put while the rest slides under it.
  expect(Math.abs(afterScroll.first - afterScroll.frameLeft)).toBeLessThanOrEqual(2);
  expect(afterScroll.second).toBeLessThan(afterScroll.first);
}

test("on a phone every teacher table keeps the student column in view and its caption whole", async ({ page }) => {
  test.setTimeout(120_000);
  const base = await openProject(page);
  await page.setViewportSize(PHONE);

  await page.goto(`${base}/progress`);
  await expectPhoneFriendly(page, page.getByRole("table", { name: /Progress of each student/ }), { scrolls: true });
  await page.screenshot({ path: test.info().outputPath("progress-390.png"), fullPage: true });
  await expectNoSeriousA11yViolations(page);

  await page.goto(`${base}/insight/heatmap`);
  await expectPhoneFriendly(page, page.getByRole("table", { name: /Attempts showing each misconception, per student/ }), { scrolls: true });
  await page.screenshot({ path: test.info().outputPath("heatmap-390.png"), fullPage: true });
  await expectNoSeriousA11yViolations(page);

  await page.goto(`${base}/insight`);
  await expectPhoneFriendly(page, page.getByRole("table", { name: /Each checkpoint: students who got it/ }), { scrolls: true });
  await page.screenshot({ path: test.info().outputPath("overview-390.png"), fullPage: true });
  await expectNoSeriousA11yViolations(page);

  await page.goto(base.replace(/\/teach\/projects\/.*/, "/teach"));
  await page.getByRole("link", { name: /Physics 9B/ }).click();
  await expectPhoneFriendly(page, page.getByRole("table", { name: /Students in Physics 9B/ }), { scrolls: false });
  await page.screenshot({ path: test.info().outputPath("class-390.png"), fullPage: true });
  await expectNoSeriousA11yViolations(page);
});
