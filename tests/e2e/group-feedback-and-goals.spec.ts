import { DEMO_TEACHER, expect, expectNoSeriousA11yViolations, logIn, test } from "./fixtures";

const MISCONCEPTION = "Speed and acceleration confused";
const FEEDBACK = "Several of you read acceleration as speed. Ask yourself each time: is the speed itself changing, and by how much each second?";
const GOAL = "Ask whether the speed is changing before I pick an answer.";

/** A demo student's email from their name, as the demo seeds it (first name, no accents). */
const emailOf = (name: string) => `${name.split(" ")[0].normalize("NFD").replace(/[^A-Za-z]/g, "").toLowerCase()}@rebound.test`;

test("the teacher writes feedback once for a misconception; a student reads it and sets a goal; the teacher sees it opened and the goal", async ({ page, browser }) => {
  test.setTimeout(180_000);
  // The teacher starts from the project's misconceptions and writes once for everyone who shows one.
  await logIn(page, DEMO_TEACHER);
  await page.getByRole("link", { name: /Physics 9B/ }).first().click();
  await page.getByRole("link", { name: "Forces and motion" }).first().click();
  await page.waitForURL(/\/teach\/projects\/[^/]+$/);
  const projectPath = new URL(page.url()).pathname;
  await page.goto(`${projectPath}/misconceptions`);
  await page.getByRole("link", { name: new RegExp(`^Write feedback to everyone whose answer shows it ?: ${MISCONCEPTION}$`) }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Feedback for a group" })).toBeVisible();
  await expect(page.getByText(`For everyone whose answer shows “${MISCONCEPTION}”`)).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // Sending an empty text keeps the page and says why.
  await page.getByRole("button", { name: /^Send to \d+ students?$/ }).click();
  await expect(page.getByText("Write the feedback before sending it.")).toBeVisible();

  const inGroup = page.getByRole("region", { name: /In the group now/ }).or(page.locator("section").filter({ has: page.getByRole("heading", { name: /In the group now/ }) }));
  const firstName = (await inGroup.getByRole("listitem").first().textContent())!.trim();
  await page.getByLabel("Your feedback").fill(FEEDBACK);
  await expect(page.getByLabel("Also send it to students who join this group later")).toBeChecked();
  await page.getByRole("button", { name: /^Send to \d+ students?$/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Group feedback" })).toBeVisible();
  await expect(page.getByText(/^Sent to \d+ students?\./)).toBeVisible();
  const feedbackUrl = page.url().split("?")[0];
  const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: firstName }) });
  await expect(row.getByText("Not opened yet")).toBeVisible();
  const on = (await row.getByRole("cell").first().textContent())!; // "Attempt 2 of <checkpoint>"
  const checkpointTitle = on.replace(/^Attempt \d+ of /, "").trim();
  await expectNoSeriousA11yViolations(page);

  // The student finds it as their own comment on their attempt, and sets a goal from it in their own words.
  const studentContext = await browser.newContext();
  const student = await studentContext.newPage();
  await logIn(student, emailOf(firstName));
  await student.getByRole("link", { name: "Forces and motion" }).first().click();
  await student.getByRole("link", { name: checkpointTitle }).first().click();
  await student.waitForURL(/\/checkpoints\//);
  const comment = student.getByText(FEEDBACK);
  await expect(comment).toBeVisible();
  await expect(student.getByText("Your teacher wrote this for everyone whose answer showed the same idea.").first()).toBeVisible();
  await student.getByRole("link", { name: /Set a learning goal from this \(from .*comment/ }).first().click();
  await expect(student.getByRole("heading", { level: 1, name: "My learning goals" })).toBeVisible();
  await expect(student.getByRole("blockquote").filter({ hasText: FEEDBACK })).toBeVisible();
  await expectNoSeriousA11yViolations(student);
  await student.getByLabel("Your goal, in your own words").fill(GOAL);
  await student.getByRole("button", { name: "Set this goal" }).click();
  await expect(student.getByText("Goal set.")).toBeVisible();
  const goal = student.getByRole("article", { name: GOAL });
  await expect(goal.getByText("Working on it", { exact: true })).toBeVisible();
  await goal.getByText("Add a note or change the status").click();
  await goal.getByLabel("Note (optional)").fill("Tried it on the next question.");
  await goal.getByRole("button", { name: "Add to this goal" }).click();
  await expect(goal.getByText("Note added.")).toBeVisible();
  await expect(goal.getByText("Tried it on the next question.")).toBeVisible();
  await expectNoSeriousA11yViolations(student);
  await studentContext.close();

  // The teacher sees it opened, and the goal in the class's list; they comment on it.
  await page.goto(feedbackUrl);
  const opened = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: firstName }) });
  await expect(opened.getByText("Opened", { exact: true })).toBeVisible();
  await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "Physics 9B" }).click();
  await page.getByRole("link", { name: "Students' learning goals" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Learning goals" })).toBeVisible();
  const listed = page.getByRole("article", { name: GOAL });
  await expect(listed.getByText(firstName, { exact: true })).toBeVisible();
  await expect(listed.getByText("Tried it on the next question.")).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await listed.getByText("Comment on this goal").click();
  await listed.getByRole("textbox").fill("A good habit. Try it on the car question too.");
  await listed.getByRole("button", { name: "Send comment" }).click();
  await expect(listed.getByText("Comment added. The student sees it with the goal.")).toBeVisible();
  await expect(listed.getByText("A good habit. Try it on the car question too.")).toBeVisible();
});
