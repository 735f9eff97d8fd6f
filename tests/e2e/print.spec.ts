// What a teacher gets on paper or as a PDF: the insight overview, the
// heatmap, a student's timeline and the class debrief, printed by Chromium and
// read back as text. No navigation, the class and the date at the top, a page
// per section, and wide tables in landscape with their header on every page.
// E2E_PORT=3202 npx playwright test tests/e2e/print.spec.ts
import type { Page } from "@playwright/test";
import { DEMO_TEACHER, expect, expectNoSeriousA11yViolations, logIn, test } from "./fixtures";
import { readPdf, type PdfPage } from "./pdf-text";

const CLASS = "Physics 9B";
const PROJECT = "Forces and motion";
/** Words that only navigation and controls use: none of them belongs on paper. */
const NAVIGATION = ["Log out", "Skip to content", "My classes", "Attempts and tags", "CSV: students", "Present to the class", "Send comment", "Show as a table"];

function todayWords(): string[] {
  const now = new Date();
  const words = (timeZone?: string) => now.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone });
  return [...new Set([words(), words("UTC")])];
}

async function openProject(page: Page) {
  await logIn(page, DEMO_TEACHER);
  await page.getByRole("link", { name: /Physics 9B/ }).click();
  await page.getByRole("link", { name: PROJECT }).first().click();
  await expect(page).toHaveURL(/\/teach\/projects\/[^/]+/);
  return page.url().replace(/\/teach\/projects\/([^/?#]+).*$/, "/teach/projects/$1");
}

/** Prints the page as Chromium's "Save as PDF" does (the page's own @page sizes), keeps the PDF and a first look at it. */
async function printToPdf(page: Page, name: string): Promise<PdfPage[]> {
  const pdf = await page.pdf({ preferCSSPageSize: true, path: test.info().outputPath(`${name}.pdf`) });
  const pages = await readPdf(pdf);
  await test.info().attach(`${name}.txt`, { body: pages.map((p, i) => `--- page ${i + 1} (${Math.round(p.width)}×${Math.round(p.height)})\n${p.text}`).join("\n"), contentType: "text/plain" });
  return pages;
}

function expectCleanPrint(pages: PdfPage[], { maxPages }: { maxPages: number }) {
  expect(pages.length).toBeGreaterThanOrEqual(1);
  expect(pages.length).toBeLessThanOrEqual(maxPages);
  const all = pages.map((p) => p.text).join("\n");
  for (const word of NAVIGATION) expect(all, `“${word}” printed`).not.toContain(word);
  // The class and the date head the first page.
  const top = pages[0].lines.slice(0, 3).join(" ");
  expect(top).toContain(CLASS);
  expect(todayWords().some((d) => top.includes(d)), `date at the top: ${top}`).toBe(true);
}

/** The page (1-based) on which a text first appears. */
function pageOf(pages: PdfPage[], text: string | RegExp): number {
  const i = pages.findIndex((p) => (typeof text === "string" ? p.text.includes(text) : text.test(p.text)));
  expect(i, `${text} printed`).not.toBe(-1);
  return i + 1;
}

test("the insight overview prints with its sections, charts that fit and no navigation", async ({ page }) => {
  const base = await openProject(page);
  await page.goto(`${base}/insight`);
  await expectNoSeriousA11yViolations(page);
  const pages = await printToPdf(page, "overview");
  // Up to 10: "Plans and lasting recovery" (decision 017) adds a section.
  expectCleanPrint(pages, { maxPages: 10 });
  for (const heading of ["Top misconceptions", "Who needs help now", "Checkpoint by checkpoint", "Plans and lasting recovery", "Reflection signals", "Learning over time"]) pageOf(pages, heading);
  // Sections start on pages of their own.
  expect(pageOf(pages, "Checkpoint by checkpoint")).toBeGreaterThan(pageOf(pages, "Top misconceptions"));
  expect(pageOf(pages, "Reflection signals")).toBeGreaterThan(pageOf(pages, "Checkpoint by checkpoint"));
  // Charts fit the page: no part of a chart is wider than the printable width.
  await page.emulateMedia({ media: "print" });
  const overflow = await page.evaluate(() => {
    const width = document.querySelector("main")!.getBoundingClientRect().width;
    return [...document.querySelectorAll("svg[role=img]")].map((svg) => svg.getBoundingClientRect().width - width).filter((d) => d > 1);
  });
  expect(overflow).toEqual([]);
});

test("the heatmap prints in landscape, every student on paper, the header row repeated on each page", async ({ page }) => {
  const base = await openProject(page);
  await page.goto(`${base}/insight/heatmap`);
  const names = (await page.getByRole("table").getByRole("rowheader").allInnerTexts()).map((t) => t.split("\n")[0].trim());
  expect(names.length).toBe(25);
  const pages = await printToPdf(page, "heatmap");
  expectCleanPrint(pages, { maxPages: 4 });
  const tablePages = pages.filter((p) => names.some((n) => p.text.includes(n)));
  expect(tablePages.length).toBeGreaterThanOrEqual(2);
  for (const p of tablePages) {
    expect(p.landscape, "a page of the wide table is landscape").toBe(true);
    // The student column's header (and the misconceptions beside it) head every page the table continues on.
    expect(p.lines.some((l) => /^Student\b/.test(l) || /\bStudent\b.*\bTotal\b/.test(l)), p.text.slice(0, 400)).toBe(true);
  }
  for (const name of names) expect(pages.some((p) => p.text.includes(name)), `${name} printed`).toBe(true);
});

test("the class progress grid prints in landscape with the student column on every page", async ({ page }) => {
  const base = await openProject(page);
  await page.goto(`${base}/progress`);
  const pages = await printToPdf(page, "progress");
  expectCleanPrint(pages, { maxPages: 6 });
  const withRows = pages.filter((p) => /Amara Okafor|Zoe Fischer|Maya Cohen/.test(p.text));
  expect(withRows.length).toBeGreaterThanOrEqual(2);
  for (const p of withRows) {
    expect(p.landscape).toBe(true);
    expect(p.lines.some((l) => /^Student\b/.test(l))).toBe(true);
  }
  pageOf(pages, "Zoe Fischer");
  pageOf(pages, "Amara Okafor");
});

test("a student's timeline prints without its forms and navigation", async ({ page }) => {
  const base = await openProject(page);
  await page.goto(`${base}/progress`);
  await page.getByRole("rowheader").getByRole("link", { name: "Amara Okafor" }).click();
  await expect(page.getByRole("heading", { name: "Amara Okafor", level: 1 })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  const pages = await printToPdf(page, "timeline");
  expectCleanPrint(pages, { maxPages: 12 });
  pageOf(pages, "Amara Okafor");
  pageOf(pages, /Attempt 1 · 1\./);
  pageOf(pages, "Where Amara Okafor is");
  for (const word of ["Previous student", "Next student", "Add a comment", "Mark support given", "Your comment"]) {
    expect(pages.map((p) => p.text).join("\n")).not.toContain(word);
  }
});

test("the class debrief prints one idea per page, in dark ink on white", async ({ page }) => {
  const base = await openProject(page);
  await page.goto(`${base}/debrief`);
  const ideas = await page.getByText(/^Idea \d+ of \d+$/).allInnerTexts();
  expect(ideas.length).toBeGreaterThanOrEqual(2);
  const pages = await printToPdf(page, "debrief");
  expectCleanPrint(pages, { maxPages: 10 });
  pageOf(pages, "What our “not yet”s taught us");
  const ideaPages = ideas.map((idea) => pageOf(pages, idea));
  expect(new Set(ideaPages).size, `ideas on pages ${ideaPages}`).toBe(ideas.length);
  expect(pageOf(pages, "Questions for all of us")).toBeGreaterThan(Math.max(...ideaPages));
  // The title band is dark on screen; on paper (no background graphics) its words must not be white on white.
  await page.emulateMedia({ media: "print" });
  const color = await page.getByRole("heading", { level: 1 }).evaluate((h) => getComputedStyle(h).color);
  expect(color).not.toMatch(/rgb\(255, 255, 255\)|oklch\(1 0 0\)/);
});
