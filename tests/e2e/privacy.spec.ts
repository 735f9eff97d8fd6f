// Privacy from the UI (issue 8: item 11 and "Privacy, as schools ask it";
// decision 012): blocking a removed student's rejoin and allowing them back, a
// student's download of their data, a teacher's export and deletion of one
// student's data, and deleting an account. Each test signs up its own people
// and class: the demo class is shared with the other specs.
import fs from "node:fs";
import type { Browser, Page } from "@playwright/test";
import { strFromU8, unzipSync } from "fflate";
import { addCheckpoint, expect, expectNoSeriousA11yViolations, signUp, test } from "./fixtures";

const PASSWORD = "a long enough password";
const SCREENSHOTS = process.env.E2E_SCREENSHOTS;

/** With E2E_SCREENSHOTS=<dir>, saves the page at desktop and phone width (for looking at, not for comparing). */
async function screenshots(page: Page, name: string) {
  if (!SCREENSHOTS) return;
  const size = page.viewportSize();
  for (const [label, width] of [["desktop", 1280], ["phone", 390]] as const) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${SCREENSHOTS}/${name}-${label}.png`, fullPage: true });
  }
  if (size) await page.setViewportSize(size);
}

/** A new teacher with a new class; returns their page and the class's join code. */
async function teacherWithClass(browser: Browser, className: string) {
  const page = await (await browser.newContext()).newPage();
  await signUp(page, "Teacher", "Tamsin Teacher");
  await page.getByLabel("Class name").fill(className);
  await page.getByRole("button", { name: "Create class" }).click();
  await expect(page.getByRole("heading", { level: 1, name: className })).toBeVisible();
  const code = (await page.getByText(/^[A-Z0-9]{6}$/).first().textContent())!.trim();
  return { page, code, classUrl: page.url() };
}

/** A new student who joined the class with its code. */
async function studentInClass(browser: Browser, name: string, code: string, className: string) {
  const page = await (await browser.newContext()).newPage();
  const email = await signUp(page, "Student", name);
  await page.getByLabel("Join code").fill(code);
  await page.getByRole("button", { name: "Join class" }).click();
  await expect(page.getByText(`Welcome to ${className}!`)).toBeVisible();
  return { page, email };
}

async function join(page: Page, code: string) {
  await page.getByLabel("Join code").fill(code);
  await page.getByRole("button", { name: "Join class" }).click();
}

function readZip(path: string): Record<string, string> {
  const files = unzipSync(new Uint8Array(fs.readFileSync(path)));
  return Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, strFromU8(bytes)]));
}

test("a teacher removes and blocks a student, whose rejoin is refused until the teacher allows them back", async ({ browser }) => {
  test.slow();
  const teacher = await teacherWithClass(browser, "Biology 8E");
  const student = await studentInClass(browser, "Rory Rejoin", teacher.code, "Biology 8E");

  await teacher.page.reload();
  await screenshots(teacher.page, "class-roster");
  await teacher.page.getByLabel("Block rejoining for Rory Rejoin").check();
  teacher.page.once("dialog", (dialog) => {
    expect(dialog.message()).toContain("can't rejoin until you allow them back");
    void dialog.accept();
  });
  await teacher.page.getByRole("button", { name: "Remove Rory Rejoin" }).click();
  await expect(teacher.page.getByText("Student removed from the class and blocked from rejoining. Their work is kept.")).toBeVisible();
  const removed = teacher.page.locator("section", { hasText: "Removed students" });
  await expect(removed.getByText("Blocked from rejoining")).toBeVisible();
  await expectNoSeriousA11yViolations(teacher.page);
  await screenshots(teacher.page, "class-removed-blocked");

  await student.page.reload();
  await join(student.page, teacher.code);
  await expect(student.page.getByText("You can't join this class right now. Ask your teacher.")).toBeVisible();
  await expect(student.page.getByRole("heading", { name: "Biology 8E" })).toHaveCount(0);
  await expectNoSeriousA11yViolations(student.page);
  await screenshots(student.page, "join-refused");

  await teacher.page.getByRole("button", { name: "Allow Rory Rejoin back" }).click();
  await expect(teacher.page.getByText("Allowed back: they can rejoin with the join code")).toBeVisible();
  await expect(teacher.page.getByText("Can rejoin with the code")).toBeVisible();

  await join(student.page, teacher.code);
  await expect(student.page.getByText("Welcome to Biology 8E!")).toBeVisible();
  await expect(student.page.getByRole("heading", { name: "Biology 8E" })).toBeVisible();
});

test("a student downloads their data; the teacher exports the student's work and then deletes it from the class", async ({ browser }) => {
  test.slow();
  const teacher = await teacherWithClass(browser, "Physics 10D");
  await teacher.page.getByLabel("Title").fill("Waves");
  await teacher.page.getByLabel("Goal").fill("Explain what a wave carries.");
  await teacher.page.getByRole("button", { name: "Create draft project" }).click();
  await expect(teacher.page.getByRole("heading", { level: 1, name: "Waves" })).toBeVisible();
  await addCheckpoint(teacher.page, "Multiple choice", {
    title: "What moves along",
    question: "What does a wave on a rope carry from one end to the other?",
    options: [{ text: "Energy", correct: true }, { text: "The rope itself" }],
  });
  await teacher.page.getByRole("button", { name: "Publish" }).click();
  await expect(teacher.page.getByText("Published", { exact: true })).toBeVisible();

  const projectPath = new URL(teacher.page.url()).pathname;
  const student = await studentInClass(browser, "Dana Download", teacher.code, "Physics 10D");
  await student.page.getByRole("link", { name: "Waves" }).click();
  await student.page.getByRole("link", { name: "What moves along" }).first().click();
  await student.page.getByLabel("The rope itself").check();
  await student.page.getByRole("button", { name: /Check my answer/ }).click();
  await expect(student.page.getByText(/Not yet/).first()).toBeVisible();

  // From the account page to "Your data", then the download.
  await student.page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "Your account" }).click();
  await student.page.getByRole("link", { name: "Download my data" }).click();
  await expect(student.page.getByRole("heading", { level: 1, name: "Your data" })).toBeVisible();
  await expect(student.page.getByText("Attempts · 1 row")).toBeVisible();
  await expectNoSeriousA11yViolations(student.page);
  await screenshots(student.page, "your-data");
  const download = student.page.waitForEvent("download");
  await student.page.getByRole("link", { name: "Download my data" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^rebound-data-\d{4}-\d{2}-\d{2}\.zip$/);
  const files = readZip((await file.path())!);
  expect(Object.keys(files)).toEqual(expect.arrayContaining(["README.txt", "data.json", "account.csv", "classes.csv", "attempts.csv"]));
  const data = JSON.parse(files["data.json"]);
  expect(data.account[0]).toMatchObject({ name: "Dana Download", email: student.email, role: "Student" });
  expect(data.classes).toEqual([expect.objectContaining({ class: "Physics 10D", teacher: "Tamsin Teacher" })]);
  expect(data.attempts).toEqual([expect.objectContaining({ project: "Waves", attempt: 1, answer: "The rope itself", outcome: "Not yet" })]);
  expect(files["attempts.csv"]).toContain("The rope itself");

  // The teacher's CSV says it holds emails.
  await teacher.page.goto(`${projectPath}/insight`);
  await expect(teacher.page.getByText("Holds students' names and emails: keep it private.")).toBeVisible();
  await expectNoSeriousA11yViolations(teacher.page);
  await screenshots(teacher.page, "insight-csv");

  // The teacher: the student's page in the class, the export without the email, then the deletion.
  await teacher.page.goto(teacher.classUrl);
  await teacher.page.getByRole("link", { name: "Dana Download" }).click();
  await expect(teacher.page.getByRole("heading", { level: 1, name: "Dana Download" })).toBeVisible();
  await expect(teacher.page.getByText("1 attempt, 0 shared journal entries, 0 comments from you.")).toBeVisible();
  await expectNoSeriousA11yViolations(teacher.page);
  await screenshots(teacher.page, "class-student");
  await teacher.page.getByLabel("Leave out their email").check();
  const exported = teacher.page.waitForEvent("download");
  await teacher.page.getByRole("button", { name: "Download their work (zip)" }).click();
  const zip = await exported;
  expect(zip.suggestedFilename()).toMatch(/^rebound-dana-download-physics-10d-\d{4}-\d{2}-\d{2}\.zip$/);
  const exportedFiles = readZip((await zip.path())!);
  expect(JSON.parse(exportedFiles["data.json"]).account).toEqual([{ name: "Dana Download" }]);
  expect(Object.values(exportedFiles).join("\n")).not.toContain(student.email);

  await teacher.page.getByLabel(/Type Dana Download to confirm/).fill("Dana");
  await teacher.page.getByRole("button", { name: "Delete Dana Download's data from Physics 10D" }).click();
  await expect(teacher.page.getByText("That doesn't match. Type Dana Download exactly as shown to confirm.")).toBeVisible();
  await expect(teacher.page.getByLabel(/Type Dana Download to confirm/)).toHaveValue("Dana");
  await expectNoSeriousA11yViolations(teacher.page);
  await teacher.page.getByLabel(/Type Dana Download to confirm/).fill("dana download");
  await teacher.page.getByRole("button", { name: "Delete Dana Download's data from Physics 10D" }).click();
  await expect(teacher.page.getByText("The student's data is deleted from this class.")).toBeVisible();
  await expect(teacher.page.getByText("Dana Download")).toHaveCount(0);

  await student.page.goto("/learn");
  await expect(student.page.getByText("You haven't joined a class yet.")).toBeVisible();
});

test("a student deletes their account with their password and is signed out; the old login no longer works", async ({ page }) => {
  test.slow();
  const email = await signUp(page, "Student", "Devon Delete");
  await page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "Your account" }).click();
  await page.getByRole("link", { name: "Delete my account" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Delete your account" })).toBeVisible();
  await expect(page.getByText("Kept afterwards: nothing that names you.")).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await screenshots(page, "delete-account");

  await page.getByLabel("Your password").fill("not my password");
  await page.getByRole("button", { name: "Delete my account" }).click();
  await expect(page.getByText("That isn't your password. Check it and try again.")).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.getByLabel("Your password").fill(PASSWORD);
  await page.getByRole("button", { name: "Delete my account" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your account is deleted" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "Log in" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await screenshots(page, "account-deleted");

  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByText("That email and password don't match an account.")).toBeVisible();
});

test("a teacher deleting their account chooses, per class, to hand it over or archive it", async ({ browser }) => {
  test.slow();
  const receiver = await (await browser.newContext()).newPage();
  const receiverEmail = await signUp(receiver, "Teacher", "Robin Receiver");
  const leaving = await teacherWithClass(browser, "Art 9A");
  await leaving.page.getByRole("link", { name: "My classes" }).first().click();
  await leaving.page.getByLabel("Class name").fill("Art 9B");
  await leaving.page.getByRole("button", { name: "Create class" }).click();
  await expect(leaving.page.getByRole("heading", { level: 1, name: "Art 9B" })).toBeVisible();

  await leaving.page.goto("/account/delete");
  const art9a = leaving.page.getByRole("group", { name: "Art 9A" });
  const art9b = leaving.page.getByRole("group", { name: "Art 9B" });
  await art9a.getByLabel("Hand it over to another teacher").check();
  await art9a.getByLabel(/Their email/).fill("nobody@example.test");
  await art9b.getByLabel("Archive it").check();
  await leaving.page.getByLabel("Your password").fill(PASSWORD);
  await leaving.page.getByRole("button", { name: "Delete my account" }).click();
  await expect(art9a.getByText("We couldn't find another teacher's account with that email.")).toBeVisible();
  await expect(art9b.getByLabel("Archive it")).toBeChecked();
  await expectNoSeriousA11yViolations(leaving.page);
  await screenshots(leaving.page, "delete-teacher-account");

  await art9a.getByLabel(/Their email/).fill(receiverEmail);
  await leaving.page.getByLabel("Your password").fill(PASSWORD);
  await leaving.page.getByRole("button", { name: "Delete my account" }).click();
  await expect(leaving.page.getByRole("heading", { level: 1, name: "Your account is deleted" })).toBeVisible();

  await receiver.reload();
  await expect(receiver.getByRole("link", { name: /Art 9A/ })).toBeVisible();
  await expect(receiver.getByRole("link", { name: /Art 9B/ })).toHaveCount(0);
});
