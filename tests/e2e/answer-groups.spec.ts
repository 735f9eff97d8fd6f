import { DEMO_TEACHER, expect, expectNoSeriousA11yViolations, logIn, test, logOut } from "./fixtures";

const CHECKPOINT = "Why does the car keep going?";
const GROUP_ANSWER = "There has to be a force pushing it forward or it would stop.";
const NEW_ANSWER = "There must be a force pushing the car forward, otherwise it would stop.";
const NEXT_STEP = /Think about a puck sliding on ice/;

test("the teacher names a group of short answers as a misconception, and a similar new answer is tagged with it", async ({ page, browser }) => {
  // Two people, three accessibility scans and a production server under load: more than the default minute.
  test.setTimeout(180_000);
  // A student opens the short-text checkpoint (its address gives the teacher's page too).
  const studentContext = await browser.newContext();
  const student = await studentContext.newPage();
  await logIn(student, "ben@rebound.test");
  await student.getByRole("link", { name: "Forces and motion" }).first().click();
  await student.getByRole("link", { name: CHECKPOINT }).first().click();
  await student.waitForURL(/\/checkpoints\//);
  await expect(student.getByRole("heading", { level: 1, name: CHECKPOINT })).toBeVisible();
  const [, projectId, checkpointId] = new URL(student.url()).pathname.match(/^\/learn\/projects\/([^/]+)\/checkpoints\/([^/]+)/)!;

  // The teacher reads the groups and names the "force pushing it forward" group.
  await logIn(page, DEMO_TEACHER);
  await page.goto(`/teach/projects/${projectId}/insight/checkpoints/${checkpointId}`);
  await expect(page.getByRole("heading", { level: 1, name: CHECKPOINT })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Groups of answers" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: /Insight/ })).toHaveAttribute("href", `/teach/projects/${projectId}/insight`);
  await expectNoSeriousA11yViolations(page);

  const suggested = page.getByRole("region", { name: /^Suggested group:/ }).filter({ hasText: GROUP_ANSWER });
  await expect(suggested).toHaveCount(1);
  await suggested.getByText("Name as a misconception").click();
  await suggested.getByLabel("Misconception", { exact: true }).selectOption({ label: "Motion needs a force" });
  await suggested.getByRole("button", { name: "Name this group" }).click();
  await expect(page.getByText(/Named the group as “Motion needs a force”/)).toBeVisible();

  const named = page.getByRole("region", { name: "Motion needs a force" });
  await expect(named).toBeVisible();
  await expect(named.getByText("Kept by you")).toBeVisible();
  await expect(named.getByText("Misconception: Motion needs a force")).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // The student answers in a similar way and sees the misconception's next step.
  await student.getByLabel("Your answer").fill(NEW_ANSWER);
  await student.getByRole("button", { name: "Submit my answer" }).click();
  await expect(student).toHaveURL(/attempt=/);
  await expect(student.getByText(NEXT_STEP).first()).toBeVisible();
  await studentContext.close();

  // The teacher sees the new answer in the named group, tagged and marked as added by the machine.
  await page.reload();
  const group = page.getByRole("region", { name: "Motion needs a force" });
  await group.getByText(/^All \d+ answers/).click();
  const row = group.getByRole("listitem").filter({ has: page.getByRole("blockquote").filter({ hasText: NEW_ANSWER }) });
  await expect(row).toBeVisible();
  await expect(row.getByText("Added by the machine")).toBeVisible();
  await expect(row.getByText("Motion needs a force · from a group of similar answers")).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test("a student cannot open the teacher's checkpoint insight", async ({ page }) => {
  await logIn(page, "amara@rebound.test");
  await page.getByRole("link", { name: "Forces and motion" }).first().click();
  await page.getByRole("link", { name: CHECKPOINT }).first().click();
  await page.waitForURL(/\/checkpoints\//);
  const [, projectId, checkpointId] = new URL(page.url()).pathname.match(/^\/learn\/projects\/([^/]+)\/checkpoints\/([^/]+)/)!;
  const response = await page.goto(`/teach/projects/${projectId}/insight/checkpoints/${checkpointId}`);
  expect(response?.status()).toBe(403);
});

test("without JavaScript, the teacher merges two suggested groups and moves an answer out", async ({ browser }) => {
  test.setTimeout(180_000);
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await logIn(page, "amara@rebound.test");
  await page.getByRole("link", { name: "Forces and motion" }).first().click();
  await page.getByRole("link", { name: CHECKPOINT }).first().click();
  await page.waitForURL(/\/checkpoints\//);
  const [, projectId, checkpointId] = new URL(page.url()).pathname.match(/^\/learn\/projects\/([^/]+)\/checkpoints\/([^/]+)/)!;
  await logOut(page);

  await logIn(page, DEMO_TEACHER);
  await page.goto(`/teach/projects/${projectId}/insight/checkpoints/${checkpointId}`);
  // Two suggested groups of one wrong idea, in other words: the push stays with the object.
  const hand = page.getByRole("region", { name: "Suggested group: leaves, after, hand" });
  const inside = page.getByRole("region", { name: "Suggested group: inside, stays, force" });
  await hand.getByLabel(/Select for merging/).check();
  await inside.getByLabel(/Select for merging/).check();
  await page.getByLabel("Label for the merged group (optional)").fill("The push stays with it");
  await page.getByRole("button", { name: "Merge the selected groups" }).click();
  await expect(page.getByText(/Merged 2 groups into “The push stays with it” \(\d+ answers\)/)).toBeVisible();

  const merged = page.getByRole("region", { name: "The push stays with it" });
  await expect(merged.getByText("Kept by you")).toBeVisible();
  await merged.getByText(/^All \d+ answers/).click();
  await merged.getByRole("button", { name: /^Move .* out of this group$/ }).first().click();
  await expect(page.getByText(/Moved the answer out of “The push stays with it”/)).toBeVisible();
  await expect(page.getByRole("region", { name: "The push stays with it" }).getByText("You moved 1 answer out of this group.")).toBeVisible();
  await context.close();
});

test("the teacher names a group, adds an answer it suggests with one click, and turns another down for good", async ({ page }) => {
  test.setTimeout(180_000);
  await logIn(page, "amara@rebound.test");
  await page.getByRole("link", { name: "Forces and motion" }).first().click();
  await page.getByRole("link", { name: CHECKPOINT }).first().click();
  await page.waitForURL(/\/checkpoints\//);
  const [, projectId, checkpointId] = new URL(page.url()).pathname.match(/^\/learn\/projects\/([^/]+)\/checkpoints\/([^/]+)/)!;
  await logOut(page);

  await logIn(page, DEMO_TEACHER);
  await page.goto(`/teach/projects/${projectId}/insight/checkpoints/${checkpointId}`);
  // "bigger" and "larger" answers are one idea in one group.
  await expect(
    page.getByRole("region", { name: /^Suggested group:/ }).filter({ hasText: "The forward force is larger" }).filter({ hasText: "The engine force is bigger than friction" }),
  ).toHaveCount(1);

  // Naming the "momentum" group brings up an answer worded otherwise, with its evidence.
  const momentum = page.getByRole("region", { name: /^Suggested group:/ }).filter({ hasText: "The car has momentum so there are no forces on it." });
  await momentum.getByText("Name as a misconception").click();
  await momentum.getByLabel("Misconception", { exact: true }).selectOption({ label: "New misconception (write it below)" });
  await momentum.getByLabel("Name", { exact: true }).fill("Momentum keeps it going");
  await momentum.getByRole("button", { name: "Name this group" }).click();
  await expect(page.getByText(/Named the group as “Momentum keeps it going”/)).toBeVisible();

  const named = page.getByRole("region", { name: "Momentum keeps it going", exact: true });
  const likely = named.getByRole("region", { name: "Likely also belongs here" });
  const suggestion = likely.getByRole("listitem").filter({ hasText: "It has lots of momentum, so it doesn't need a force any more." });
  await expect(suggestion).toBeVisible();
  await expect(suggestion.getByText(/Shares:.*momentum/)).toBeVisible();
  await expect(suggestion.getByText(/Closest answer in the group:.*“The car has momentum so there are no forces on it\.”/)).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await suggestion.getByRole("button", { name: /^Add .* to “Momentum keeps it going”$/ }).click();
  await expect(page.getByText(/Added 1 answer to “Momentum keeps it going”/)).toBeVisible();
  await named.getByText(/^All \d+ answers/).click();
  await expect(named.getByRole("listitem").filter({ has: page.getByRole("blockquote").filter({ hasText: "It has lots of momentum" }) })).toBeVisible();

  // In the demo's named group, one suggestion is turned down: it is not suggested there again.
  const push = page.getByRole("region", { name: "The push stays in the object", exact: true });
  const still = push.getByRole("region", { name: "Likely also belongs here" }).getByRole("listitem").filter({ hasText: "It keeps moving because the push is still acting on it." });
  await expect(still).toBeVisible();
  await still.getByRole("button", { name: /does not belong in “The push stays in the object”$/ }).click();
  await expect(page.getByText(/won't be suggested for “The push stays in the object” again/)).toBeVisible();
  await page.reload();
  const pushAgain = page.getByRole("region", { name: "The push stays in the object", exact: true });
  await expect(pushAgain.getByText("You turned down 1 suggested answer for it.")).toBeVisible();
  await expect(pushAgain.getByRole("region", { name: "Likely also belongs here" }).getByText("It keeps moving because the push is still acting on it.")).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
});

test("the multiple-choice and numeric checkpoints show their wrong answers by misconception and error shape", async ({ page }) => {
  test.setTimeout(180_000);
  await logIn(page, "amara@rebound.test");
  await page.getByRole("link", { name: "Forces and motion" }).first().click();
  await page.waitForURL(/\/learn\/projects\/[^/]+$/);
  const hrefOf = async (title: string) => (await page.getByRole("link", { name: title }).first().getAttribute("href"))!;
  const [puck, cyclist] = [await hrefOf("A puck on frictionless ice"), await hrefOf("Speed of a cyclist")];
  await logOut(page);

  await logIn(page, DEMO_TEACHER);
  await page.goto(puck.replace("/learn/projects/", "/teach/projects/").replace("/checkpoints/", "/insight/checkpoints/"));
  await expect(page.getByRole("heading", { level: 2, name: "Wrong options, by misconception" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 3, name: "Misconception: Motion needs a force" })).toBeVisible();
  await expect(page.getByRole("img", { name: /Wrong options: Motion needs a force/ })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.goto(cyclist.replace("/learn/projects/", "/teach/projects/").replace("/checkpoints/", "/insight/checkpoints/"));
  await expect(page.getByRole("heading", { level: 2, name: "Wrong values, by misconception and error shape" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 3, name: "Misconception: Speed and acceleration confused" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 3, name: /^Error shape: / }).first()).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});
