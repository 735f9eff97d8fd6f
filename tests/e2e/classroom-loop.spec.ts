// The classroom loop end to end: a teacher builds and publishes a project, a
// student gets a "not yet", reads the feedback, reflects, revises and gets it,
// and the teacher follows the student's path on the grid and timeline.
import { DEMO_TEACHER, expect, expectNoSeriousA11yViolations, logIn, test } from "./fixtures";

const STUDENT = "ben@rebound.test";
const STUDENT_NAME = "Ben Carter";

test("teacher builds a project; a student fails, reflects, revises; the teacher sees the path", async ({ browser }) => {
  test.setTimeout(180_000);
  const teacherContext = await browser.newContext();
  const teacher = await teacherContext.newPage();
  await logIn(teacher, DEMO_TEACHER);
  await teacher.getByRole("link", { name: /Physics 9B/ }).click();

  // A new draft project.
  await teacher.getByLabel("Title").fill("Electric circuits");
  await teacher.getByLabel("Goal").fill("Predict what bulbs do in simple circuits.");
  await teacher.getByRole("button", { name: "Create draft project" }).click();
  await expect(teacher.getByRole("heading", { level: 1, name: "Electric circuits" })).toBeVisible();
  await expectNoSeriousA11yViolations(teacher);

  // A misconception the project keeps.
  await teacher.getByRole("link", { name: "Manage misconceptions" }).click();
  await expect(teacher.getByRole("heading", { level: 1, name: "Misconceptions" })).toBeVisible();
  await teacher.getByLabel("Name").fill("Current is used up");
  await teacher.getByLabel("Suggested next step (optional)").fill("Follow the charge all the way round the loop: does any of it disappear?");
  await teacher.getByRole("button", { name: "Add misconception" }).click();
  await expect(teacher.getByText("Current is used up").first()).toBeVisible();
  await expectNoSeriousA11yViolations(teacher);
  await teacher.getByRole("link", { name: "Electric circuits" }).first().click();

  // A multiple-choice checkpoint with a misconception-tagged wrong option.
  await teacher.getByLabel("Multiple choice").check();
  await teacher.getByRole("button", { name: "Add checkpoint" }).click();
  await expect(teacher.getByRole("heading", { level: 1, name: "Add a multiple choice checkpoint" })).toBeVisible();
  await teacher.getByLabel("Title").fill("Two bulbs in series");
  await teacher.getByLabel("Question").fill("Two identical bulbs are in series. How does the current after the first bulb compare with the current before it?");
  const option1 = teacher.getByRole("group", { name: "Option 1" });
  await option1.getByLabel("Option text").fill("It is the same");
  await option1.getByLabel("Correct answer").check();
  const option2 = teacher.getByRole("group", { name: "Option 2" });
  await option2.getByLabel("Option text").fill("It is smaller: the first bulb used some up");
  await option2.getByLabel("Feedback if chosen (optional)").fill("The bulb turns electrical energy into light; what happens to the charge itself?");
  await option2.getByLabel("Misconception this option shows (optional)").selectOption({ label: "Current is used up" });
  await expectNoSeriousA11yViolations(teacher);
  await teacher.getByRole("button", { name: /Save|Add checkpoint|Create checkpoint/ }).last().click();
  await expect(teacher.getByRole("heading", { level: 1, name: "Electric circuits" })).toBeVisible();
  await expect(teacher.getByRole("heading", { name: "Two bulbs in series" })).toBeVisible();

  await teacher.getByRole("button", { name: "Publish" }).click();
  await expect(teacher.getByText("Published", { exact: true })).toBeVisible();

  // The student: a wrong attempt, feedback, a reflection, a revision.
  const studentContext = await browser.newContext();
  const student = await studentContext.newPage();
  await logIn(student, STUDENT);
  await student.getByRole("link", { name: "Electric circuits" }).click();
  await expectNoSeriousA11yViolations(student);
  await student.getByRole("link", { name: "Two bulbs in series" }).first().click();
  await student.getByLabel("It is smaller: the first bulb used some up").check();
  await student.getByRole("button", { name: /Check my answer/ }).click();
  const feedback = student.getByRole("region", { name: /Feedback on attempt 1/ });
  await expect(student.getByText(/Not yet/).first()).toBeVisible();
  await expect(student.getByText("The bulb turns electrical energy into light; what happens to the charge itself?").first()).toBeVisible();
  await expect(student.getByText(/Follow the charge all the way round the loop/).first()).toBeVisible();
  void feedback;
  await expectNoSeriousA11yViolations(student);

  await student.getByLabel("What happened?").fill("I thought the bulb uses up current.");
  await student.getByLabel("What did I learn?").fill("Charge goes all the way round; the bulb uses energy, not charge.");
  await student.getByLabel("What support do I need?").fill("Could we measure it with two ammeters?");
  await student.getByLabel("I'd like support with this").check();
  await student.getByRole("group", { name: /How sure do you feel about this now/ }).getByLabel("4 — fairly sure").check();
  await student.getByRole("button", { name: "Add to journal" }).click();
  await expect(student.getByText("Added to your journal.").first()).toBeVisible();

  await student.getByLabel("It is the same").check();
  await student.getByRole("button", { name: /Check my answer/ }).click();
  await expect(student.getByRole("heading", { name: "Feedback on attempt 2" })).toBeVisible();
  await expect(student.getByText(/Got it/).first()).toBeVisible();
  await expect(student.getByRole("heading", { name: "Attempt 2", exact: true })).toBeVisible();
  await expect(student.getByRole("heading", { name: "Attempt 1", exact: true })).toBeVisible();

  // The teacher: the grid shows the path, the timeline shows every step.
  await teacher.getByRole("link", { name: "Class progress" }).click();
  await expect(teacher.getByRole("link", { name: new RegExp(`${STUDENT_NAME}.*Got it after 2 attempts`) })).toBeVisible();
  await expectNoSeriousA11yViolations(teacher);
  await expect(teacher.getByRole("listitem").filter({ hasText: `${STUDENT_NAME} · 1 open` })).toBeVisible();
  await teacher.getByRole("table").getByRole("link", { name: STUDENT_NAME, exact: true }).click();
  await expect(teacher.getByText("I thought the bulb uses up current.")).toBeVisible();
  await expect(teacher.getByText("It is smaller: the first bulb used some up").first()).toBeVisible();
  await expectNoSeriousA11yViolations(teacher);

  // A comment on the whole project reaches the student.
  await teacher.getByRole("textbox", { name: /Your comment on .*project/i }).fill("Lovely reflection, Ben. Let's measure it with two ammeters on Thursday.");
  await teacher.getByRole("button", { name: "Send comment" }).last().click();
  await expect(teacher.getByText("Comment sent.").first()).toBeVisible();
  await student.goto(student.url().replace(/\/checkpoints\/.*$/, "/journal"));
  await expect(student.getByText("Let's measure it with two ammeters on Thursday.").first()).toBeVisible();
  await expectNoSeriousA11yViolations(student);

  await studentContext.close();
  await teacherContext.close();
});

test("a student answers, reads feedback and reflects using only the keyboard", async ({ page }) => {
  await logIn(page, "isla@rebound.test");
  await page.getByRole("link", { name: "Forces and motion" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Forces and motion" })).toBeVisible();
  await page.getByRole("link", { name: "A puck on frictionless ice" }).first().focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "A puck on frictionless ice" })).toBeVisible();
  // Radio group: focus the first option, move with the arrow keys, submit with Enter.
  await page.getByLabel("It keeps moving at the same speed in a straight line").focus();
  await page.keyboard.press("ArrowDown");
  await expect(page.getByLabel("It slows down because the force from the stick runs out")).toBeChecked();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: /Feedback on attempt/ })).toBeVisible();
  await expect(page.getByText(/Not yet/).first()).toBeVisible();
  await page.getByLabel("What happened?").focus();
  await page.keyboard.type("I picked slowing down.");
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press("Tab");
    if ((await page.evaluate(() => document.activeElement?.textContent?.trim())) === "Add to journal") break;
  }
  await page.keyboard.press("Enter");
  await expect(page.getByText("Added to your journal.").first()).toBeVisible();
});
