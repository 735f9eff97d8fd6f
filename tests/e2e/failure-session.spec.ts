// The class failure session (decision 019), end to end: the teacher opens a
// session; one student posts; the teacher releases it; another student, whose
// page is already open, sees it appear without reloading, reacts and leaves a
// note; the teacher releases the note, projects the board (no names), closes
// with agreed actions; the class's next project shows them and the teacher
// marks one done. Then, as the other student, an anonymity check: neither the
// page's HTML nor any data request of that page holds the author's name, email
// or id. Axe on every new page.
import type { Browser, Page } from "@playwright/test";
import { DEMO_TEACHER, DEMO_STUDENT, addCheckpoint, createDraftProject, expect, expectNoSeriousA11yViolations, logIn, test } from "./fixtures";

const PROJECT = "Setbacks in practice";
const NEXT_PROJECT = "After our setbacks";
const AUTHOR = { email: "isla@rebound.test", name: "Isla Campbell" };
const CLASSMATE = "jonas@rebound.test";
const SETBACK = "I trusted my first graph and never checked the axis labels.";
const LEARNED = "Read the axes before reading the curve.";
const NOTE = "Saying the axis names out loud helped me.";

/** A published project of its own in the demo class (the teacher logs in first unless already in). */
async function publishedProject(page: Page, title: string, loggedIn = false) {
  if (loggedIn) {
    await page.goto("/teach");
    await page.getByRole("link", { name: /Physics 9B/ }).first().click();
    await page.getByLabel("Title").fill(title);
    await page.getByLabel("Goal").fill("Explain what happens when things move.");
    await page.getByRole("button", { name: "Create draft project" }).click();
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  } else {
    await createDraftProject(page, title);
  }
  await addCheckpoint(page, "Multiple choice", {
    title: `${title}: a first check`,
    question: "A trolley rolls at constant speed. What is the net force on it?",
    options: [{ text: "Zero", correct: true }, { text: "Forward, in the direction of motion" }],
  });
  await page.getByRole("button", { name: "Publish project" }).click();
  await expect(page.getByText("Published. Students in the class can now open the project.")).toBeVisible();
}

async function studentOnBoard(browser: Browser, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await logIn(page, email);
  await page.getByRole("link", { name: PROJECT }).first().click();
  return { context, page };
}

test("a failure session from a post to the next project, live, anonymous to classmates", async ({ browser }) => {
  test.setTimeout(180_000);
  // The teacher: a project of its own, published, with a session opened from the blameless-debrief questions.
  const teacherContext = await browser.newContext();
  const teacher = await teacherContext.newPage();
  await publishedProject(teacher, PROJECT);
  const projectUrl = teacher.url();
  // The author's id, from the class roster (to look for it in the classmate's page and data).
  await teacher.getByRole("link", { name: "Physics 9B" }).first().click();
  const authorHref = await teacher.getByRole("link", { name: AUTHOR.name }).first().getAttribute("href");
  const authorId = authorHref!.split("/").pop()!;
  expect(authorId.length).toBeGreaterThan(10);
  await teacher.goto(projectUrl);
  await teacher.getByRole("navigation", { name: "Project" }).getByRole("link", { name: "Failure session" }).click();
  await expect(teacher.getByRole("heading", { level: 1, name: "Class failure session" })).toBeVisible();
  await expectNoSeriousA11yViolations(teacher);
  await teacher.getByLabel("Time box").selectOption("20");
  await teacher.getByRole("button", { name: "Open the session" }).click();
  await expect(teacher.getByText("Session open for 20 minutes.")).toBeVisible();
  await expect(teacher.getByText("What was I trying to do, and what did I expect to happen?")).toBeVisible();

  // The classmate opens the board first, and records every answer the page gets from the server.
  const classmate = await studentOnBoard(browser, CLASSMATE);
  const seen: string[] = [];
  classmate.page.on("response", async (response) => {
    if (!response.url().startsWith(new URL(classmate.page.url()).origin)) return;
    const type = response.headers()["content-type"] ?? "";
    if (/html|json|text|turbo|octet/.test(type)) seen.push(await response.text().catch(() => ""));
  });
  await classmate.page.getByRole("link", { name: "Go to the board" }).click();
  await expect(classmate.page.getByRole("heading", { level: 1, name: "Class failure session" })).toBeVisible();
  await expect(classmate.page.getByText("Nothing on the board yet.")).toBeVisible();
  await expect(classmate.page.getByText("Updates by itself every few seconds.")).toBeVisible();
  let classmateNavigated = false;
  classmate.page.on("framenavigated", (frame) => {
    if (frame === classmate.page.mainFrame()) classmateNavigated = true;
  });

  // The author posts.
  const author = await studentOnBoard(browser, AUTHOR.email);
  await expect(author.page.getByRole("region", { name: "A class failure session is open" })).toBeVisible();
  await author.page.getByRole("link", { name: "Go to the board" }).click();
  await author.page.getByLabel("My setback").fill(SETBACK);
  await author.page.getByLabel("What I learned from it").fill(LEARNED);
  await author.page.getByRole("button", { name: "Send to my teacher" }).click();
  await expect(author.page.getByText("Thanks for sharing. Your post waits for your teacher")).toBeVisible();
  await expect(author.page.getByText("Waiting for your teacher")).toBeVisible();
  await expectNoSeriousA11yViolations(author.page);

  // The teacher's queue shows it, named, without a reload; released, it reaches the classmate's open page.
  await expect(teacher.getByText(`Post by ${AUTHOR.name}`)).toBeVisible({ timeout: 15_000 });
  await expect(teacher.getByText(/Only 1 item waiting/)).toBeVisible();
  await teacher.getByLabel(`Post by ${AUTHOR.name}`).check();
  await teacher.getByRole("button", { name: "Release the ticked to the board" }).click();
  await expect(teacher.getByText("Released 1 post to the board")).toBeVisible();

  await expect(classmate.page.getByText(SETBACK)).toBeVisible({ timeout: 15_000 });
  expect(classmateNavigated).toBe(false);
  await expectNoSeriousA11yViolations(classmate.page);

  // The classmate reacts and writes what helped them.
  await classmate.page.getByRole("button", { name: "Me too" }).click();
  await expect(classmate.page.getByRole("button", { name: /Me too · 1/ })).toHaveAttribute("aria-pressed", "true");
  await classmate.page.getByLabel("What helped me").fill(NOTE);
  await classmate.page.getByRole("button", { name: "Send my note" }).click();
  await expect(classmate.page.getByText("Thanks: your note waits for your teacher")).toBeVisible();

  // The teacher releases the note; the author sees it under their post without reloading.
  await expect(teacher.getByText(`What helped me by Jonas Berg`)).toBeVisible({ timeout: 15_000 });
  await teacher.getByLabel("What helped me by Jonas Berg").check();
  await teacher.getByRole("button", { name: "Release the ticked to the board" }).click();
  await expect(teacher.getByText("Released 1 note to the board")).toBeVisible();
  await expect(author.page.getByText(NOTE)).toBeVisible({ timeout: 15_000 });
  await expect(author.page.getByText("Your post")).toBeVisible();
  await expect(author.page.getByText("Me too: 1")).toBeVisible();

  // The projector: large board, no names.
  await teacher.getByRole("link", { name: "Present to the class" }).click();
  await expect(teacher.getByRole("heading", { level: 1, name: "What our setbacks taught us" })).toBeVisible();
  await expect(teacher.getByText(SETBACK)).toBeVisible();
  await expect(teacher.getByText(NOTE)).toBeVisible();
  const projected = await teacher.content();
  expect(projected).not.toContain(AUTHOR.name);
  expect(projected).not.toContain("Jonas Berg");
  await expectNoSeriousA11yViolations(teacher);
  await teacher.getByRole("link", { name: "Leave presentation mode" }).click();

  // Closing with what the class agreed; the students' pages show it without a reload.
  await teacher.getByLabel("What we will do differently").fill("Check the axis labels first\nAsk a partner after two tries");
  await teacher.getByRole("button", { name: "Close the session" }).click();
  await expect(teacher.getByText("Session closed with 2 agreed actions.")).toBeVisible();
  await expect(author.page.getByRole("heading", { name: "What we will do differently" })).toBeVisible({ timeout: 15_000 });
  await expect(author.page.getByText("Check the axis labels first")).toBeVisible();

  // The anonymity check, as the classmate: the page's HTML and every answer it got (document, data, polls).
  const html = await classmate.page.content();
  for (const text of [html, ...seen]) {
    expect(text).not.toContain(AUTHOR.name);
    expect(text).not.toContain(AUTHOR.email);
    expect(text).not.toContain(authorId);
  }
  expect(seen.some((t) => t.includes(SETBACK))).toBe(true);

  // The class's next project shows what was agreed; the teacher marks one done there.
  await publishedProject(teacher, NEXT_PROJECT, true);
  await teacher.getByRole("navigation", { name: "Project" }).getByRole("link", { name: "Failure session" }).click();
  const carried = teacher.locator("section").filter({ has: teacher.getByRole("heading", { name: `Agreed at the end of ${PROJECT}` }) });
  await carried.getByRole("listitem").filter({ hasText: "Check the axis labels first" }).getByRole("button", { name: "Done", exact: true }).click();
  await expect(teacher.getByText("“Check the axis labels first”: done.")).toBeVisible();
  await expectNoSeriousA11yViolations(teacher);

  await author.page.getByRole("link", { name: "My classes" }).first().click();
  await author.page.getByRole("link", { name: NEXT_PROJECT }).first().click();
  const agreed = author.page.getByRole("region", { name: "What we agreed to do differently" });
  await expect(agreed.getByText("Check the axis labels first")).toBeVisible();
  await expect(agreed.getByText("(Done)")).toBeVisible();
  await expect(agreed.getByText("Ask a partner after two tries")).toBeVisible();
  await expectNoSeriousA11yViolations(author.page);

  await Promise.all([teacherContext.close(), classmate.context.close(), author.context.close()]);
});

test("the demo holds a finished failure session whose agreed actions open the next project", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await logIn(page, DEMO_TEACHER);
  await page.getByRole("link", { name: /Physics 9B/ }).first().click();
  await page.getByRole("link", { name: "Forces and motion" }).first().click();
  await page.getByRole("navigation", { name: "Project" }).getByRole("link", { name: "Failure session" }).click();
  await expect(page.getByRole("heading", { name: "The last session" })).toBeVisible();
  await expect(page.getByText("I forgot to convert the units on the cyclist question.")).toBeVisible();
  await expect(page.getByRole("heading", { name: /^Similar setbacks: .*units/ })).toBeVisible();
  await expect(page.getByText("Convert every quantity to SI units before calculating.")).toBeVisible();
  await context.close();

  const studentContext = await browser.newContext();
  const student = await studentContext.newPage();
  await logIn(student, DEMO_STUDENT);
  await student.getByRole("link", { name: "Energy and work" }).first().click();
  const agreed = student.getByRole("region", { name: "What we agreed to do differently" });
  await expect(agreed.getByText("Convert every quantity to SI units before calculating.")).toBeVisible();
  await expect(agreed.getByText("(Done)")).toBeVisible();
  await studentContext.close();
});
