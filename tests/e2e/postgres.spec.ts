// On PostgreSQL (decision 011), run by `npm run test:postgres` (the default run,
// on SQLite, leaves the @postgres tests out): the core loop end to end, and two
// app servers on one database, as behind a load balancer, each seeing the
// other's writes at once, sessions and the teacher's insight included (its
// report cache, decision 015, as much as the short-answer groups).
// By hand: node scripts/pg-test-server.mjs sh -c 'E2E_POSTGRES_URL=$TEST_POSTGRES_URL E2E_PORT=3205 npx playwright test tests/e2e/postgres.spec.ts'
import type { Browser, Page } from "@playwright/test";
import { addCheckpoint, createDraftProject, expect, expectNoSeriousA11yViolations, logIn, logOut, signUp, test } from "./fixtures";

const SECOND = `http://127.0.0.1:${process.env.E2E_SECOND_PORT}`;

async function newPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

test("@postgres the core loop: a teacher builds a class and a project, a student joins, gets a not yet, revises, and the insight shows it", async ({ page, browser }) => {
  test.setTimeout(240_000);
  await signUp(page, "Teacher", "Pat Postgres");
  await page.getByLabel("Class name").fill("Physics 11C");
  await page.getByRole("button", { name: "Create class" }).click();
  await expect(page.getByRole("heading", { name: "Physics 11C" })).toBeVisible();
  const code = (await page.getByText(/^[A-Z0-9]{6}$/).first().textContent())!.trim();

  await page.getByLabel("Title").fill("Balanced forces");
  await page.getByLabel("Goal").fill("Tell balanced from unbalanced forces.");
  await page.getByRole("button", { name: "Create draft project" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Balanced forces" })).toBeVisible();
  await addCheckpoint(page, "Multiple choice", {
    title: "A sliding puck",
    question: "A puck slides on frictionless ice. What happens to its speed?",
    options: [{ text: "It stays the same", correct: true }, { text: "It slows down because the push runs out" }],
  });
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText("Published", { exact: true })).toBeVisible();

  const student = await newPage(browser);
  await signUp(student, "Student", "Sasha Student");
  await student.getByLabel("Join code").fill(code);
  await student.getByRole("button", { name: "Join class" }).click();
  await expect(student.getByText("Welcome to Physics 11C!")).toBeVisible();
  await student.getByRole("link", { name: "Balanced forces" }).first().click();
  await student.getByRole("link", { name: "A sliding puck" }).first().click();
  await student.getByLabel("It slows down because the push runs out").check();
  await student.getByRole("button", { name: /Check my answer/ }).click();
  await expect(student.getByText(/Not yet/).first()).toBeVisible();
  await student.getByLabel("It stays the same").check();
  await student.getByRole("button", { name: /Check my answer/ }).click();
  await expect(student.getByRole("heading", { name: "Feedback on attempt 2" })).toBeVisible();
  await expect(student.getByText(/Got it/).first()).toBeVisible();
  await expectNoSeriousA11yViolations(student);

  await page.getByRole("navigation", { name: "Project" }).getByRole("link", { name: "Class progress" }).click();
  await expect(page.getByRole("link", { name: /Sasha Student.*Got it after 2 attempts/ })).toBeVisible();
  await page.getByRole("navigation", { name: "Project" }).getByRole("link", { name: "Insight" }).click();
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: "1. A sliding puck" }) });
  await expect(row).toContainText("1 of 1");
  await expect(row).toContainText("0 on the first try");
  await expect(row).toContainText("median 2 to “got it”");
  await expectNoSeriousA11yViolations(page);
});

test("@postgres two app servers on one database: a write through one is seen at once through the other, sessions and the insight included", async ({ page, browser, request }) => {
  test.setTimeout(300_000);
  await expect.poll(async () => (await request.get(`${SECOND}/login`).catch(() => null))?.status(), { timeout: 60_000 }).toBe(200);

  // The teacher builds a short-text checkpoint through the first server.
  const title = `Two servers ${Date.now()}`;
  await createDraftProject(page, title);
  await addCheckpoint(page, "Short text", { title: "Why does the puck keep going?", question: "Nothing pushes the puck after it leaves the stick. Why does it keep going?" });
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText("Published", { exact: true })).toBeVisible();
  const editPath = (await page.getByRole("link", { name: "Edit Why does the puck keep going?" }).getAttribute("href"))!;
  const insightPath = editPath.replace("/checkpoints/", "/insight/checkpoints/");
  await page.goto(insightPath);
  await expect(page.getByText("No answers yet.")).toBeVisible();
  const first = (path = insightPath) => page.goto(path);
  const second = (path = insightPath) => page.goto(`${SECOND}${path}`);

  // The second server knows the session the first one made, and has the (empty) groups in its cache now.
  await second();
  await expect(page.getByRole("heading", { level: 1, name: "Why does the puck keep going?" })).toBeVisible();
  await expect(page.getByText("No answers yet.")).toBeVisible();
  // Both servers have the project's insight report in their caches (decision 015), of no attempts.
  const overviewPath = insightPath.replace(/\/checkpoints\/[^/]+$/, "");
  const attemptsShown = page.locator("dt:text-is('Attempts') + dd > span").first();
  for (const view of [first, second]) {
    await view(overviewPath);
    await expect(page.getByText(/^No attempts yet\. Insight fills in/)).toBeVisible();
  }

  // Two students answer through the first server.
  const answer = async (email: string, text: string, base = "") => {
    const student = await newPage(browser);
    await logIn(student, email);
    if (base) await student.goto(`${base}/learn`);
    await student.getByRole("link", { name: title }).first().click();
    await student.getByRole("link", { name: "Why does the puck keep going?" }).first().click();
    await student.getByLabel("Your answer").fill(text);
    await student.getByRole("button", { name: "Submit my answer" }).click();
    await expect(student).toHaveURL(/attempt=/);
    await student.context().close();
  };
  await answer("quinn@rebound.test", "There has to be a force pushing it forward or it would stop.");
  await answer("rosa@rebound.test", "a force has to keep pushing it forward or it stops");

  // The second server shows them at once, grouped.
  await second();
  const suggested = page.getByRole("region", { name: /^Suggested group:/ }).filter({ hasText: "There has to be a force pushing it forward" });
  await expect(suggested).toHaveCount(1);
  await expect(suggested).toContainText("a force has to keep pushing it forward");
  // The first server, too (its cache held the empty groups).
  await first();
  await expect(page.getByRole("region", { name: /^Suggested group:/ }).filter({ hasText: "a force has to keep pushing it forward" })).toHaveCount(1);
  // And the insight overview through either server counts both at once, not the cached report of none.
  for (const view of [second, first]) {
    await view(overviewPath);
    await expect(attemptsShown).toHaveText("2");
    await expect(page.getByText(/refreshing/)).toHaveCount(0);
  }

  // The teacher names the group through the second server; the first server shows the name at once.
  await second();
  await suggested.getByText("Name as a misconception").click();
  await suggested.getByLabel("Misconception", { exact: true }).selectOption({ label: "New misconception (write it below)" });
  await suggested.getByLabel("Name", { exact: true }).fill("Motion needs a push");
  await suggested.getByRole("button", { name: "Name this group" }).click();
  await expect(page.getByText(/Named the group as “Motion needs a push”/)).toBeVisible();
  await first();
  const named = page.getByRole("region", { name: "Motion needs a push", exact: true });
  await expect(named.getByText("Kept by you")).toBeVisible();

  // A similar answer through the second server joins the named group; the first server shows it there.
  await answer("sami@rebound.test", "There must be a force pushing it forward, otherwise it would stop.", SECOND);
  await first(overviewPath);
  await expect(attemptsShown).toHaveText("3");
  await first();
  await named.getByText(/^All \d+ answers/).click();
  await expect(named.getByRole("listitem").filter({ hasText: "otherwise it would stop" }).getByText("Added by the machine")).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // Logging out through one server ends the session on both.
  await second("/teach");
  await logOut(page);
  await first("/teach");
  await expect(page).toHaveURL(/\/login/);
});
