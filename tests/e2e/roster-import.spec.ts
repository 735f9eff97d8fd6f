// A class list into a new class (issue 11, decision 024): a new teacher
// uploads a CSV, reads the preview (who will be enrolled, which rows can't be
// and why), imports, makes the sign-in sheet and reads a student's set-up
// code from it; on another device that student chooses a password with the
// code and lands in the class. Axe checks the upload page, the preview and
// the sheet; the sheet prints two cards to a row, no card cut between pages.
// E2E_PORT=3165 npx playwright test tests/e2e/roster-import.spec.ts
import type { Locator } from "@playwright/test";
import { expect, expectNoSeriousA11yViolations, signUp, test } from "./fixtures";
import { readPdf } from "./pdf-text";
import { oneRosterFiles, oneRosterZip, rosterBytes, withRows } from "../support/roster-fixtures";

/** Enough students for the sheet to run over a printed page, so a card could be cut. */
const STUDENTS = ["Ada Lovelace", "Alan Turing", "Grace Hopper", "Hedy Lamarr", "Katherine Johnson", "Edsger Dijkstra", "Barbara Liskov", "Donald Knuth", "Frances Allen", "John Backus", "Radia Perlman", "Tim Berners-Lee", "Margaret Hamilton", "Ken Thompson"];

function classList(run: string) {
  const email = (name: string) => `${name.toLowerCase().replace(/[^a-z]+/g, ".")}.${run}@school.example`;
  const rows = STUDENTS.map((name, i) => `${name.split(" ")[0]},${name.split(" ").slice(1).join(" ")},${email(name)},${2000 + i}`);
  // Rows the import can't use: no name at all, an email that is not one, and Ada's email again.
  rows.push(`,,nameless.${run}@school.example,2100`, `Katherine,Twice,not-an-email,2101`, `Ada,Again,${email("Ada Lovelace")},2102`);
  return { text: `First Name,Last Name,E-mail Address,Student ID\n${rows.join("\n")}\n`, email };
}

/** The card of one student on the sign-in sheet. */
const cardOf = (sheet: Locator, name: string) => sheet.getByRole("listitem").filter({ has: sheet.page().getByText(name, { exact: true }) });

test("a teacher imports a CSV class list, prints the sign-in sheet, and a student sets their password with its code", async ({ page, browser }) => {
  const run = `${Date.now()}`;
  const className = `Computing 8R ${run.slice(-5)}`;
  await signUp(page, "Teacher", "Rosa Roster");
  await page.getByLabel("Class name").fill(className);
  await page.getByRole("button", { name: "Create class" }).click();
  await expect(page.getByRole("heading", { level: 1, name: className })).toBeVisible();

  // The class page's way to the import.
  await page.getByRole("link", { name: "import a roster" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Import a roster" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  const { text, email } = classList(run);
  await page.getByLabel("Roster file").setInputFiles({ name: "computing-8r.csv", mimeType: "text/csv", buffer: Buffer.from(text) });
  await page.getByRole("button", { name: "Read the roster" }).click();

  // The preview: who will be enrolled, the rows that can't be and why; nothing saved yet.
  await expect(page.getByRole("heading", { name: "What importing computing-8r.csv does" })).toBeVisible();
  const enrol = page.getByRole("region", { name: "Will be enrolled" });
  await expect(enrol.getByRole("heading", { name: `Will be enrolled (${STUDENTS.length})` })).toBeVisible();
  await expect(enrol.getByText(email("Grace Hopper"))).toBeVisible();
  await expect(enrol.getByText("No. 2002")).toBeVisible();
  const invalid = page.getByRole("region", { name: "Can't be imported" });
  await expect(invalid.getByRole("heading", { name: "Can't be imported (3)" })).toBeVisible();
  await expect(invalid.getByRole("listitem").filter({ hasText: `nameless.${run}@school.example` })).toContainText(/name/i);
  await expect(invalid.getByRole("listitem").filter({ hasText: "not-an-email" })).toContainText("“not-an-email” is not an email address Rebound can use.");
  await expect(invalid.getByRole("listitem").filter({ hasText: "Ada Again" })).toContainText("The same email as row 2.");
  await expectNoSeriousA11yViolations(page);

  await page.getByRole("button", { name: "Import", exact: true }).click();
  const report = page.getByRole("status");
  await expect(report).toContainText(`${STUDENTS.length}`);
  await expect(page.getByText(`${STUDENTS.length} students of this class haven't chosen a password yet.`)).toBeVisible();

  // The sign-in sheet: a card per student, each with a code, shown once.
  await page.getByRole("link", { name: "Print the sign-in sheet" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sign-in sheet" })).toBeVisible();
  await expect(page.getByText(`${STUDENTS.length} without a password yet`)).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("button", { name: "Make the sheet" }).click();
  const sheet = page.getByRole("list", { name: `Sign-in cards for ${className}` });
  await expect(sheet.getByRole("listitem")).toHaveCount(STUDENTS.length);
  await expect(page.getByText("Print this page now: the set-up codes are shown only this once.")).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  const codes = new Map<string, string>();
  for (const name of STUDENTS) {
    const card = cardOf(sheet, name);
    await expect(card).toContainText(`Email: ${email(name)}`);
    codes.set(name, (await card.getByText(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/).textContent())!.trim());
  }
  expect(new Set(codes.values()).size).toBe(STUDENTS.length);

  // On paper: two cards to a row, no card cut between two pages, and nothing of the page around them.
  await page.emulateMedia({ media: "print" });
  const layout = await sheet.evaluate((list) => {
    const cards = [...list.querySelectorAll("li")].map((li) => li.getBoundingClientRect());
    return { columns: new Set(cards.map((r) => Math.round(r.left))).size, breakInside: getComputedStyle(list.querySelector("li")!).breakInside };
  });
  expect(layout).toEqual({ columns: 2, breakInside: "avoid" });
  const pdf = await readPdf(await page.pdf({ preferCSSPageSize: true, path: test.info().outputPath("sign-in-sheet.pdf") }));
  expect(pdf.length, "the sheet runs over more than one page, so a card could be cut").toBeGreaterThanOrEqual(2);
  const all = pdf.map((p) => p.text).join("\n");
  for (const word of ["Make the sheet", "Print the cards", "Log out", "Print this page now"]) expect(all, `“${word}” printed`).not.toContain(word);
  for (const [name, code] of codes) {
    const pages = pdf.flatMap((p, i) => (p.text.includes(name) ? [i] : []));
    expect(pages, `${name}'s card printed once`).toHaveLength(1);
    // The card's email and code on the page of its name (two cards to a row interleave their lines, so no order).
    expect(pdf[pages[0]].text, `${name}'s card whole`).toContain(email(name));
    expect(pdf[pages[0]].text, `${name}'s code beside their name`).toContain(code);
  }
  // No card cut between pages: each page has as many card tops (the class) as card ends (the code's expiry).
  const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;
  for (const [i, p] of pdf.entries()) {
    const tops = count(p.text, new RegExp(`Rebound · ${className}`, "g"));
    expect(tops, `cards on page ${i + 1}`).toBeGreaterThan(0);
    expect({ page: i + 1, ends: count(p.text, /The code works once, until/g), codes: count(p.text, /Set-up code:/g) }).toEqual({ page: i + 1, ends: tops, codes: tops });
  }
  await page.emulateMedia({ media: "screen" });

  // Grace, on her own device: the setup page, her email and the card's code, a password of her own.
  const device = await (await browser.newContext()).newPage();
  await device.goto("/setup-code");
  await device.getByLabel("Email").fill(email("Grace Hopper"));
  await device.getByLabel("Set-up code").fill(codes.get("Grace Hopper")!);
  await device.getByLabel("New password", { exact: true }).fill("grace's own password");
  await device.getByLabel("New password again").fill("grace's own password");
  await device.getByRole("button", { name: "Set my password and log in" }).click();
  await expect(device).toHaveURL(/\/learn/);
  await expect(device.getByRole("heading", { name: className })).toBeVisible();
  await device.context().close();

  // Back on the teacher's sheet page: one fewer student without a password.
  await page.goto(page.url());
  await expect(page.getByText(`${STUDENTS.length - 1} without a password yet`)).toBeVisible();
});

test("a teacher brings one class of a OneRoster export in, then a changed export: the student marked for deletion is removed with their work kept, and a broken export imports nothing", async ({ page }) => {
  const run = `${Date.now()}`;
  const domain = `sis-${run}.example`;
  const className = `Physics 9B ${run.slice(-5)}`;
  await signUp(page, "Teacher", "Owen Roster");
  await page.getByLabel("Class name").fill(className);
  await page.getByRole("button", { name: "Create class" }).click();
  await page.getByRole("link", { name: "import a roster" }).click();

  // The student information system's zip (tests/fixtures/rosters/oneroster-1.2): two classes; this one is Physics 9B.
  const send = async (name: string, bytes: Uint8Array) => {
    await page.getByLabel("Roster file").setInputFiles({ name, mimeType: "application/zip", buffer: Buffer.from(bytes) });
    await page.getByRole("button", { name: "Read the roster" }).click();
  };
  await send("sis-export.zip", oneRosterZip("oneroster-1.2", {}, domain));
  await expect(page.getByRole("group", { name: "Which classes come into this Rebound class?" })).toBeVisible();
  await page.getByRole("checkbox", { name: /Physics 9B/ }).check();
  await page.getByRole("button", { name: "Show what importing them does" }).click();
  const enrol = page.getByRole("region", { name: "Will be enrolled" });
  await expect(enrol.getByRole("heading", { name: "Will be enrolled (3)" })).toBeVisible();
  for (const name of ["Alan Turing", "Grace Hopper", "Katherine Johnson"]) await expect(enrol.getByText(name)).toBeVisible();
  // The teacher in the file is listed to invite, never added; the guardian is not a student.
  await expect(page.getByText("Marie Curie")).toBeVisible();
  await expect(page.getByText("Parent Turing")).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByRole("status")).toContainText("3");

  // Next term's export: Grace is marked tobedeleted, Mary is new.
  const files = oneRosterFiles("oneroster-1.2", domain);
  const changed = oneRosterZip(
    "oneroster-1.2",
    {
      "users.csv": withRows(files["users.csv"], `u-s5,,2026-10-01T08:00:00Z,true,mjackson,,Mary,Jackson,,S-1005,mary.jackson@${domain},,,,09,,,,,,,org-1,`),
      "enrollments.csv": withRows(files["enrollments.csv"].replace("e-3,,2026-09-01T08:00:00Z", "e-3,tobedeleted,2026-10-01T08:00:00Z"), "e-12,,2026-10-01T08:00:00Z,class-9b,org-1,u-s5,student,,,"),
    },
    domain,
  );
  await page.goto(page.url().replace(/\/teach\/classes\/([^/?]+).*$/, "/teach/classes/$1/roster"));
  await send("sis-export-term2.zip", changed);
  await page.getByRole("checkbox", { name: /Physics 9B/ }).check();
  await page.getByRole("button", { name: "Show what importing them does" }).click();
  await expect(page.getByRole("region", { name: "Will be enrolled" }).getByText("Mary Jackson")).toBeVisible();
  await expect(page.getByRole("region", { name: "Will be removed (their work is kept)" }).getByText("Grace Hopper")).toBeVisible();
  await expect(page.getByRole("region", { name: "Already in this class" }).getByText("Alan Turing")).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByRole("status")).toBeVisible();
  // On the class page: Mary in, Grace listed among the removed (her work kept, she can be allowed back).
  await page.getByRole("link", { name: className }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: className })).toBeVisible();
  await expect(page.getByText("Mary Jackson").first()).toBeVisible();

  // A broken export: an enrolment of someone not in users.csv. Where and why, per file and row; nothing imported.
  await page.goto(page.url().replace(/\/teach\/classes\/([^/?]+).*$/, "/teach/classes/$1/roster"));
  await send("broken.zip", oneRosterZip("oneroster-1.2", { "enrollments.csv": withRows(files["enrollments.csv"], "e-9,,2026-09-01,class-9b,org-1,u-nobody,student,,,") }, domain));
  const alert = page.getByRole("alert");
  await expect(alert).toContainText("Nothing was imported.");
  await expect(alert).toContainText("enrollments.csv, line 8");
  await expect(alert).toContainText("The user u-nobody is not in users.csv.");
  // And a broken CSV class list (an unclosed quote), from the fixtures.
  await send("broken.csv", rosterBytes("broken.csv", domain));
  await expect(page.getByRole("alert")).toContainText("Nothing was imported.");
  await expect(page.getByLabel("Roster file")).toBeVisible();
});
