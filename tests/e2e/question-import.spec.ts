// Importing question banks in the browser (issue 11): for each format, a file
// written for the tests is uploaded, its preview read (with what was skipped
// and why), imported, and its checkpoints are on the project's Build page; a
// broken file is answered with where and why and changes nothing. Axe checks
// the upload page and a preview.
import { fixtureBytes, fixtureZip } from "../support/question-fixtures";
import type { Page } from "@playwright/test";
import { DEMO_TEACHER, expect, expectNoSeriousA11yViolations, logIn, test } from "./fixtures";

async function openClassImport(page: Page) {
  await logIn(page, DEMO_TEACHER);
  await page.getByRole("link", { name: /Physics 9B/ }).first().click();
  await page.getByRole("link", { name: "Import them from a file" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Import questions" })).toBeVisible();
}

async function choose(page: Page, name: string, buffer: Uint8Array, mimeType = "application/octet-stream") {
  await page.getByLabel("Question file").setInputFiles({ name, mimeType, buffer: Buffer.from(buffer) });
  await page.getByRole("button", { name: "Read the file" }).click();
}

const journeys = [
  { format: "Moodle GIFT", file: "forces.gift", bytes: () => fixtureBytes("forces.gift"), count: 4, titles: ["Balanced forces", "Braking distance"], skipped: /An essay question/ },
  { format: "Moodle XML", file: "forces-moodle.xml", bytes: () => fixtureBytes("forces-moodle.xml"), count: 3, titles: ["Reading a speed-time graph", "Weight on Earth"], skipped: /An essay question/ },
  { format: "QTI", file: "forces-qti.zip", bytes: () => fixtureZip("qti3-package"), count: 2, titles: ["Acceleration from a graph", "Stretching a spring"], skipped: /orderInteraction/ },
  { format: "QTI", file: "qti21-choice.xml", bytes: () => fixtureBytes("qti21-choice.xml"), count: 1, titles: ["Falling objects"], skipped: null },
  { format: "Diagnostic-question CSV", file: "fractions.zip", bytes: () => fixtureZip("fractions-diagnostic"), count: 5, titles: ["Add fractions with different denominators"], skipped: /should be A, B, C or D/ },
  { format: "Rebound project file", file: "energy-project.json", bytes: () => fixtureBytes("energy-project.json"), count: 2, titles: ["A kettle", "Efficiency"], skipped: null },
];

for (const j of journeys) {
  test(`${j.format} (${j.file}): upload, preview with what was skipped, import, checkpoints on the Build page`, async ({ page }) => {
    await openClassImport(page);
    await choose(page, j.file, j.bytes());
    await expect(page.getByText(`${j.file} (${j.format})`)).toBeVisible();
    for (const title of j.titles) await expect(page.getByRole("heading", { level: 3, name: new RegExp(title) })).toBeVisible();
    if (j.skipped) await expect(page.getByText(j.skipped).first()).toBeVisible();
    const projectTitle = `Imported ${j.format} ${Date.now()}`;
    await page.getByLabel("New project's title").fill(projectTitle);
    await page.getByRole("button", { name: `Import ${j.count} checkpoint` }).click();
    await expect(page.getByRole("heading", { level: 1, name: projectTitle })).toBeVisible();
    for (const title of j.titles) await expect(page.getByRole("link", { name: `Edit ${title}`, exact: true })).toBeVisible();
  });
}

test("the diagnostic preview shows maths as MathML and each distractor's misconception; axe finds nothing serious", async ({ page }) => {
  await openClassImport(page);
  await expectNoSeriousA11yViolations(page);
  await choose(page, "fractions.zip", fixtureZip("fractions-diagnostic"));
  await expect(page.locator("math").first()).toBeAttached();
  await expect(page.getByText("Misconception: Adds the numerators, then multiplies the denominators")).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("button", { name: "Discard" }).click();
  await expect(page.getByLabel("Question file")).toBeVisible();
});

test("a broken file is answered with where and why, and nothing is imported", async ({ page }) => {
  await openClassImport(page);
  await choose(page, "broken-moodle.xml", fixtureBytes("broken-moodle.xml"));
  const alert = page.getByRole("alert");
  await expect(alert).toContainText("Nothing was imported (the problem is at The file, line 7)");
  await expect(alert).toContainText("not well-formed XML");
  await expect(page.getByLabel("Question file")).toBeVisible();
});
