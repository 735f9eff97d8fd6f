// The teacher's insight pages: overview, heatmap, attempts drill-down with tag
// correction, and CSV export — loaders and actions called with real Requests.
import { describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { tagNewShortTextAttempt } from "~/models/answer-group-tagging.server";
import { submitAttempt } from "~/models/attempt.server";
import { loader as overviewLoader } from "~/routes/teach.projects.$projectId.insight._index";
import { action as attemptsAction, loader as attemptsLoader } from "~/routes/teach.projects.$projectId.insight.attempts";
import { loader as exportLoader } from "~/routes/teach.projects.$projectId.insight.export";
import { loader as heatmapLoader } from "~/routes/teach.projects.$projectId.insight.heatmap";
import { parseCsv } from "../support/csv";
import { createClassWithProject, createClassroom, createProject, createStudent, createTeacher, enroll } from "../support/factories";
import { call, cookieFor, get, post } from "../support/routes";

type World = Awaited<ReturnType<typeof createClassWithProject>>;

async function attempt(world: World, studentId: string, index: number, raw: { optionIds?: string[]; value?: string; text?: string }) {
  const checkpoint = { ...world.checkpoints[index], versions: [world.checkpoints[index].versions[0]] };
  const result = await submitAttempt(studentId, checkpoint, raw);
  if (!result.ok) throw new Error(`attempt not stored: ${result.reason}`);
  return result.attempt.id;
}

const TRICKY_ANSWER = '=SUM(A1), the forces are "balanced"\nso nothing changes';

/**
 * Amy: choice b (Sign convention) then a (got it); numeric -12.5 (Sign convention) then 1.25,
 * both "not yet" with no reflection since; a short text she self-assessed as got it.
 * Zed: choice b twice (not yet, not yet); numeric -12.5 (not yet), then a journal entry on it,
 * very confident, asking for support.
 */
async function smallClass() {
  const world = await createClassWithProject();
  const { student: amy, otherStudent: zed, teacher, project } = world;
  await prisma.user.update({ where: { id: amy.id }, data: { name: "Amy Adams" } });
  await prisma.user.update({ where: { id: zed.id }, data: { name: 'Zed "Z" Young, Jr.' } });
  const units = await prisma.misconception.create({ data: { projectId: project.id, name: "Units" } });

  const amyChoiceWrong = await attempt(world, amy.id, 0, { optionIds: ["b"] });
  await attempt(world, amy.id, 0, { optionIds: ["a"] });
  const amyNumericSign = await attempt(world, amy.id, 1, { value: "-12.5" });
  await attempt(world, amy.id, 1, { value: "1.25" });
  const amyText = await attempt(world, amy.id, 2, { text: TRICKY_ANSWER });
  await prisma.attemptReview.create({ data: { attemptId: amyText, reviewerId: amy.id, role: "SELF", verdict: "GOT_IT" } });

  const zedChoice1 = await attempt(world, zed.id, 0, { optionIds: ["b"] });
  const zedChoice2 = await attempt(world, zed.id, 0, { optionIds: ["b"] });
  const zedNumeric = await attempt(world, zed.id, 1, { value: "-12.5" });
  const later = new Date(Date.now() + 60_000);
  const journal = await prisma.journalEntry.create({
    data: {
      studentId: zed.id,
      projectId: project.id,
      checkpointId: world.checkpoints[1].id,
      attemptId: zedNumeric,
      confidence: 5,
      supportNeeded: true,
      status: "SUBMITTED",
      responses: JSON.stringify([{ question: "What happened?", answer: "I was sure it was minus, Amy Adams said so too" }]),
      createdAt: later,
      submittedAt: later,
    },
  });

  const cookie = await cookieFor(teacher.id);
  const base = `/teach/projects/${project.id}/insight`;
  const params = { projectId: project.id };
  return { ...world, amy, zed, units, cookie, base, params, journal, amyChoiceWrong, amyNumericSign, amyText, zedChoice1, zedChoice2, zedNumeric };
}

type Class = Awaited<ReturnType<typeof smallClass>>;

const heatmap = (c: Class, search = "") => call(heatmapLoader, get(`${c.base}/heatmap${search}`, c.cookie), c.params);
const drill = (c: Class, search = "") => call(attemptsLoader, get(`${c.base}/attempts${search}`, c.cookie), c.params);
const tag = (c: Class, fields: Record<string, string>, search = "") =>
  call(attemptsAction, post(`${c.base}/attempts${search}`, { formId: "test", ...fields }, c.cookie), c.params);

describe("the insight overview", () => {
  it("shows the headline numbers, top misconceptions, who needs help, checkpoint rows and reflection signals", async () => {
    const c = await smallClass();
    const { status, data } = await call(overviewLoader, get(c.base, c.cookie), c.params);
    expect(status).toBe(200);
    expect(data.headline).toMatchObject({ students: 2, studentsWithAttempts: 2, attempts: 8, misconceptionsShown: 1 });
    // Not yet: Amy b, -12.5, 1.25; Zed b, b, -12.5 = 6; only Amy's b was followed by a got-it.
    expect(data.headline).toMatchObject({ notYet: 6, notYetLaterResolved: 1 });

    expect(data.misconceptions.map((m: any) => [m.name, m.studentsAffected, m.studentsResolved, m.studentsStillHolding, m.attempts])).toEqual([
      ["Sign convention", 2, 0, 2, 5],
    ]);
    expect(data.misconceptionsNotShown).toEqual(["Units"]);
    // Zed's journal entry reflects on his -12.5: an anonymised quote, without Amy's name.
    expect(data.misconceptions[0].quotes).toHaveLength(1);
    expect(data.misconceptions[0].quotes[0].text).toContain("[classmate]");
    expect(data.misconceptions[0].quotes[0].text).not.toMatch(/Amy|Adams/);

    // Both are going round in circles: Zed on the choice (his reflection is about the numeric one), Amy on the numeric.
    expect(data.stuck.map((s: any) => [s.name, s.checkpoint, s.notYets])).toEqual(
      expect.arrayContaining([
        ['Zed "Z" Young, Jr.', "1. Doubling the force", 2],
        ["Amy Adams", "2. Speed after 5 s", 2],
      ]),
    );
    expect(data.stuck).toHaveLength(2);
    expect(data.support).toEqual([expect.objectContaining({ studentId: c.zed.id, count: 1, about: ["2. Speed after 5 s"] })]);

    expect(data.checkpoints.map((r: any) => [r.position, r.gotIt, r.stillWorking, r.attempts])).toEqual([
      [1, 1, 1, 4],
      [2, 0, 2, 3],
      [3, 1, 0, 1],
    ]);
    expect(data.checkpoints[0].wrongIdea).toMatchObject({ label: "Sign convention", attempts: 3, students: 2 });

    expect(data.confidence.confidentWrong).toEqual([expect.objectContaining({ studentId: c.zed.id, confidence: 5, checkpoint: "2. Speed after 5 s" })]);
    expect(data.velocity.granularity).toBe("day");
    expect(data.velocity.buckets.reduce((n: number, b: any) => n + b.attempts, 0)).toBe(8);
  });

  it("switches the velocity chart to weeks with ?period=week, and falls back to days for anything else", async () => {
    const c = await smallClass();
    const week = await call(overviewLoader, get(`${c.base}?period=week`, c.cookie), c.params);
    expect(week.data.velocity.granularity).toBe("week");
    expect(week.data.velocity.buckets[0].label).toMatch(/^Wk of /);
    const odd = await call(overviewLoader, get(`${c.base}?period=<script>`, c.cookie), c.params);
    expect(odd.status).toBe(200);
    expect(odd.data.velocity.granularity).toBe("day");
  });

  it("sets how sure students were with each answer, before the outcome, against the outcome", async () => {
    const c = await smallClass();
    const before = await call(overviewLoader, get(c.base, c.cookie), c.params);
    expect(before.data.calibration).toMatchObject({ rated: 0, withOutcome: 8, byStudent: [], byMisconception: [] });

    // "How sure are you?" as the attempt form stores it (set here directly: submitAttempt on this branch does not take it).
    const rate = (attemptId: string, confidence: number) => prisma.attempt.update({ where: { id: attemptId }, data: { confidence } });
    await rate(c.amyChoiceWrong, 2); // unsure, not yet: matched
    await rate(c.amyNumericSign, 4); // sure, not yet (Sign convention)
    await rate(c.amyText, 1); // unsure, got it (her self-assessment)
    await rate(c.zedChoice1, 5); // sure, not yet (Sign convention)
    await rate(c.zedChoice2, 5); // sure, not yet (Sign convention)
    await rate(c.zedNumeric, 3); // in between
    const { data } = await call(overviewLoader, get(c.base, c.cookie), c.params);
    const cal = data.calibration;
    expect(cal).toMatchObject({ rated: 6, withOutcome: 8, ratedWaiting: 0, students: 2, sureAndNotYet: 3, unsureAndGotIt: 1 });
    expect(cal.table.map((r: any) => [r.confidence, r.gotIt, r.notYet])).toEqual([
      [1, 1, 0],
      [2, 0, 1],
      [3, 0, 1],
      [4, 0, 1],
      [5, 0, 2],
    ]);
    expect(cal.byStudent.map((s: any) => [s.name, s.rated, s.sureAndNotYet, s.unsureAndGotIt, s.matched, s.decided])).toEqual([
      ["Amy Adams", 3, 1, 1, 1, 3],
      ['Zed "Z" Young, Jr.', 3, 2, 0, 0, 2],
    ]);
    expect(cal.byMisconception).toEqual([
      {
        misconceptionId: expect.any(String),
        name: "Sign convention",
        ratedAttempts: 5,
        students: 2,
        sureAndNotYet: 3,
        heldFirmly: [
          { studentId: c.amy.id, name: "Amy Adams", active: true, attempts: 1, checkpointId: c.checkpoints[1].id, workedThrough: false },
          { studentId: c.zed.id, name: 'Zed "Z" Young, Jr.', active: true, attempts: 2, checkpointId: c.checkpoints[0].id, workedThrough: false },
        ],
      },
    ]);
    // The journal's confidence (after feedback) is a separate signal and unchanged.
    expect(data.confidence.rated).toBe(1);
  });
});

describe("the heatmap", () => {
  it("has a row per student and a column per misconception shown, with counts and resolved state", async () => {
    const c = await smallClass();
    const { status, data } = await heatmap(c);
    expect(status).toBe(200);
    expect(data.headers.columns.map((h: any) => [h.name, h.students, h.attempts])).toEqual([["Sign convention", 2, 5]]);
    // Default: most attempts first.
    expect(data.rows.map((r: any) => [r.name, r.total, r.cells[0]?.count, r.cells[0]?.resolved])).toEqual([
      ['Zed "Z" Young, Jr.', 3, 3, false],
      ["Amy Adams", 2, 2, false],
    ]);
    expect(data.headers.total.ariaSort).toBe("descending");
  });

  it("sorts by name, by total and by a misconception column, both ways", async () => {
    const c = await smallClass();
    const names = async (search: string) => (await heatmap(c, search)).data.rows.map((r: any) => r.name);
    expect(await names("?sort=name&dir=asc")).toEqual(["Amy Adams", 'Zed "Z" Young, Jr.']);
    expect(await names("?sort=name&dir=desc")).toEqual(['Zed "Z" Young, Jr.', "Amy Adams"]);
    expect(await names("?sort=total&dir=asc")).toEqual(["Amy Adams", 'Zed "Z" Young, Jr.']);
    expect(await names(`?sort=${c.misconception.id}&dir=asc`)).toEqual(["Amy Adams", 'Zed "Z" Young, Jr.']);
    const byColumn = await heatmap(c, `?sort=${c.misconception.id}`);
    expect(byColumn.data.headers.columns[0].sort).toMatchObject({ ariaSort: "descending", next: "asc" });
    expect(byColumn.data.headers.name.ariaSort).toBe("none");
    // An unknown column falls back to the default order instead of failing.
    const unknown = await heatmap(c, "?sort=nope&dir=up");
    expect(unknown.status).toBe(200);
    expect(unknown.data.sort).toEqual({ key: "total", direction: "desc" });
  });
});

describe("the attempts drill-down", () => {
  it("shows the attempts behind a heatmap cell, read against their version, with tag sources", async () => {
    const c = await smallClass();
    const { status, data } = await drill(c, `?student=${c.zed.id}&misconception=${c.misconception.id}`);
    expect(status).toBe(200);
    expect(data.result.total).toBe(3);
    expect(data.result.attempts.map((a: any) => [a.id, a.number, a.answerText, a.outcome])).toEqual([
      [c.zedChoice1, 1, "It halves", "NOT_YET"],
      [c.zedChoice2, 2, "It halves", "NOT_YET"],
      [c.zedNumeric, 1, "-12.5 m/s", "NOT_YET"],
    ]);
    expect(data.result.attempts[0].tags).toEqual([
      { misconceptionId: c.misconception.id, name: "Sign convention", source: "RULE", sourceLabel: "from the option chosen" },
    ]);
  });

  it("filters by student, misconception and checkpoint together", async () => {
    const c = await smallClass();
    const byCheckpoint = await drill(c, `?checkpoint=${c.checkpoints[1].id}`);
    expect(byCheckpoint.data.result.attempts.map((a: any) => a.studentName)).toEqual(["Amy Adams", "Amy Adams", 'Zed "Z" Young, Jr.']);
    const both = await drill(c, `?student=${c.amy.id}&checkpoint=${c.checkpoints[1].id}&misconception=${c.misconception.id}`);
    expect(both.data.result.attempts.map((a: any) => a.id)).toEqual([c.amyNumericSign]);
    const none = await drill(c, `?student=${c.amy.id}&misconception=${c.units.id}`);
    expect(none.status).toBe(200);
    expect(none.data.result.total).toBe(0);
  });

  it("answers 404 (never 500) for a filter id that is not in this project", async () => {
    const c = await smallClass();
    const elsewhere = await createClassroom(c.teacher.id, "Other class");
    const other = await createProject(elsewhere.id);
    const stranger = await createStudent();
    expect((await drill(c, "?misconception=does-not-exist")).status).toBe(404);
    expect((await drill(c, `?misconception=${other.misconception.id}`)).status).toBe(404);
    expect((await drill(c, `?checkpoint=${other.checkpoints[0].id}`)).status).toBe(404);
    expect((await drill(c, `?student=${stranger.id}`)).status).toBe(404);
  });
});

describe("tag correction", () => {
  it("takes a machine tag off as a teacher decision that stays off after re-analysis", async () => {
    const c = await smallClass();
    const removed = await tag(c, { intent: "remove-tag", attemptId: c.zedNumeric, misconceptionId: c.misconception.id }, `?student=${c.zed.id}`);
    expect(removed.status).toBe(200);
    expect(removed.data).toMatchObject({ ok: true, formId: "test" });
    expect(removed.data.message).toMatch(/“Sign convention” is off/);
    const row = await prisma.attemptMisconception.findUniqueOrThrow({
      where: { attemptId_misconceptionId: { attemptId: c.zedNumeric, misconceptionId: c.misconception.id } },
    });
    expect(row).toMatchObject({ source: "TEACHER", active: false, setById: c.teacher.id });
    expect(await prisma.attemptMisconception.count({ where: { attemptId: c.zedNumeric } })).toBe(1);

    // Re-analysis reads the answer's own rule (-12.5 is listed as "Sign convention") but the teacher's row wins.
    const map = await heatmap(c);
    const zedRow = map.data.rows.find((r: any) => r.studentId === c.zed.id);
    expect(zedRow.total).toBe(2);
    const list = await drill(c, `?student=${c.zed.id}&misconception=${c.misconception.id}`);
    expect(list.data.result).toMatchObject({ total: 3, showing: 2 });
    const numeric = list.data.result.attempts.find((a: any) => a.id === c.zedNumeric);
    expect(numeric.tags).toEqual([]);
    expect(numeric.removed).toEqual([{ misconceptionId: c.misconception.id, name: "Sign convention" }]);

    // A new attempt with the same answer is tagged by the machine; the corrected one stays as the teacher left it.
    const next = await attempt(c, c.zed.id, 1, { value: "-12.5" });
    expect(await prisma.attemptMisconception.findFirst({ where: { attemptId: next }, select: { source: true, active: true } })).toEqual({ source: "RULE", active: true });
    const again = await heatmap(c);
    expect(again.data.rows.find((r: any) => r.studentId === c.zed.id).total).toBe(3);
    const after = await drill(c, `?student=${c.zed.id}&misconception=${c.misconception.id}`);
    expect(after.data.result.attempts.find((a: any) => a.id === c.zedNumeric).removed).toHaveLength(1);

    // Putting it back is a teacher decision too.
    const back = await tag(c, { intent: "add-tag", attemptId: c.zedNumeric, misconceptionId: c.misconception.id });
    expect(back.data.ok).toBe(true);
    expect(
      await prisma.attemptMisconception.findUniqueOrThrow({ where: { attemptId_misconceptionId: { attemptId: c.zedNumeric, misconceptionId: c.misconception.id } } }),
    ).toMatchObject({ source: "TEACHER", active: true });
  });

  it("keeps a tag the teacher took off a short answer off when the machine groups answers again", async () => {
    const c = await smallClass();
    const text = c.checkpoints[2];
    const zedText = await attempt(c, c.zed.id, 2, { text: TRICKY_ANSWER });
    await prisma.answerGroup.create({
      data: { checkpointId: text.id, label: "Balanced, nothing changes", misconceptionId: c.units.id, createdById: c.teacher.id, members: { create: [{ attemptId: zedText, source: "TEACHER" }] } },
    });
    const removed = await tag(c, { intent: "remove-tag", attemptId: c.amyText, misconceptionId: c.units.id });
    expect(removed.data.ok).toBe(true);

    // The machine compares Amy's answer with the group named "Units" again: it falls close, but the teacher decided.
    await tagNewShortTextAttempt({ id: c.amyText, checkpointId: text.id, answer: TRICKY_ANSWER });
    expect(await prisma.attemptMisconception.findFirst({ where: { attemptId: c.amyText, misconceptionId: c.units.id }, select: { source: true, active: true } })).toEqual({
      source: "TEACHER",
      active: false,
    });
    // The same answer from a new attempt is tagged by the machine, so the comparison did match.
    const fresh = await attempt(c, c.amy.id, 2, { text: TRICKY_ANSWER });
    await tagNewShortTextAttempt({ id: fresh, checkpointId: text.id, answer: TRICKY_ANSWER });
    expect(await prisma.attemptMisconception.findFirst({ where: { attemptId: fresh, misconceptionId: c.units.id }, select: { source: true, active: true } })).toEqual({
      source: "CLUSTER",
      active: true,
    });
    const list = await drill(c, `?student=${c.amy.id}&checkpoint=${text.id}`);
    const [first, second] = list.data.result.attempts;
    expect(first).toMatchObject({ id: c.amyText, tags: [], removed: [{ name: "Units" }] });
    expect(second.tags).toEqual([expect.objectContaining({ name: "Units", source: "CLUSTER", sourceLabel: "from a group of similar answers" })]);
  });

  it("adds a misconception to any attempt, and the heatmap gains the column", async () => {
    const c = await smallClass();
    const added = await tag(c, { intent: "add-tag", attemptId: c.amyText, misconceptionId: c.units.id });
    expect(added.status).toBe(200);
    expect(added.data.message).toMatch(/now shows “Units”/);
    const map = await heatmap(c, `?sort=${c.units.id}`);
    expect(map.data.headers.columns.map((h: any) => h.name)).toContain("Units");
    expect(map.data.rows[0].name).toBe("Amy Adams");
    const list = await drill(c, `?misconception=${c.units.id}`);
    expect(list.data.result.attempts).toEqual([
      expect.objectContaining({ id: c.amyText, answerText: TRICKY_ANSWER, tags: [expect.objectContaining({ name: "Units", source: "TEACHER", sourceLabel: "set by you" })] }),
    ]);
  });

  it("removes a tag that only the answer's rule implied, by storing the teacher's decision", async () => {
    const c = await smallClass();
    const bare = await prisma.attempt.create({
      data: { studentId: c.amy.id, checkpointId: c.checkpoints[1].id, checkpointVersionId: c.checkpoints[1].versions[0].id, number: 3, answer: "-12.5", outcome: "NOT_YET" },
    });
    const before = await drill(c, `?student=${c.amy.id}&misconception=${c.misconception.id}&checkpoint=${c.checkpoints[1].id}`);
    expect(before.data.result.attempts.find((a: any) => a.id === bare.id).tags[0].source).toBe("IMPLIED");
    const removed = await tag(c, { intent: "remove-tag", attemptId: bare.id, misconceptionId: c.misconception.id });
    expect(removed.data).toMatchObject({ ok: true });
    expect(removed.data.message).toMatch(/is off/);
    expect(await prisma.attemptMisconception.findFirst({ where: { attemptId: bare.id }, select: { source: true, active: true } })).toEqual({
      source: "TEACHER",
      active: false,
    });
  });

  it("refuses bad input with 400 and attempts or misconceptions of other projects", async () => {
    const c = await smallClass();
    const missing = await tag(c, { intent: "add-tag", attemptId: c.amyText, misconceptionId: "" });
    expect(missing.status).toBe(400);
    expect(missing.data.reply.error.misconceptionId).toEqual(["Choose a misconception."]);
    const oddIntent = await tag(c, { intent: "delete-everything", attemptId: c.amyText, misconceptionId: c.units.id });
    expect(oddIntent.status).toBe(400);

    const elsewhere = await createClassroom(c.teacher.id, "Other class");
    const other = await createProject(elsewhere.id);
    const stranger = await createStudent();
    await enroll(elsewhere.id, stranger.id);
    const foreignAttempt = await submitAttempt(stranger.id, { ...other.checkpoints[0], versions: [other.checkpoints[0].versions[0]] }, { optionIds: ["b"] });
    if (!foreignAttempt.ok) throw new Error("setup");
    const wrongAttempt = await tag(c, { intent: "remove-tag", attemptId: foreignAttempt.attempt.id, misconceptionId: c.misconception.id });
    expect(wrongAttempt.status).toBe(400);
    expect(wrongAttempt.data.reply.error[""]).toEqual(["We couldn't find that attempt in this project."]);
    const wrongMisconception = await tag(c, { intent: "add-tag", attemptId: c.amyText, misconceptionId: other.misconception.id });
    expect(wrongMisconception.status).toBe(400);
    expect(wrongMisconception.data.reply.error.misconceptionId[0]).toMatch(/Choose a misconception/);
    // Nothing was written anywhere.
    expect(await prisma.attemptMisconception.count({ where: { setById: c.teacher.id } })).toBe(0);
  });
});

describe("CSV export", () => {
  it("exports one row per student × misconception, escaped and formula-safe, as an attachment", async () => {
    const c = await smallClass();
    await prisma.misconception.update({ where: { id: c.misconception.id }, data: { name: '-Sign, "convention"' } });
    const res = await call(exportLoader, get(`${c.base}/export?kind=students`, c.cookie), c.params);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("Content-Disposition")).toMatch(/^attachment; filename="forces-and-motion-misconceptions-by-student-\d{4}-\d{2}-\d{2}\.csv"$/);
    const rows = parseCsv(res.data as string);
    expect(rows[0]).toEqual(["Student", "Email", "In the class now", "Misconception", "Attempts showing it", "Checkpoints", "Resolved", "First seen (UTC)", "Resolved at (UTC)"]);
    expect(rows.slice(1).map((r) => [r[0], r[1], r[3], r[4], r[6], r[8]])).toEqual([
      ["Amy Adams", c.amy.email, `'-Sign, "convention"`, "2", "no", ""],
      ['Zed "Z" Young, Jr.', c.zed.email, `'-Sign, "convention"`, "3", "no", ""],
    ]);
    expect(rows[1][5]).toBe("1. Doubling the force; 2. Speed after 5 s");
    expect(rows[1][7]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  });

  it("leaves the students' emails out when the teacher asks (the Email column goes, every other column stays)", async () => {
    const c = await smallClass();
    const res = await call(exportLoader, get(`${c.base}/export?kind=students&email=leave-out`, c.cookie), c.params);
    expect(res.status).toBe(200);
    const rows = parseCsv(res.data as string);
    expect(rows[0]).toEqual(["Student", "In the class now", "Misconception", "Attempts showing it", "Checkpoints", "Resolved", "First seen (UTC)", "Resolved at (UTC)"]);
    expect(rows.slice(1).map((r) => r[0])).toEqual(["Amy Adams", 'Zed "Z" Young, Jr.']);
    expect(res.data as string).not.toContain(c.amy.email);
    expect(res.data as string).not.toContain(c.zed.email);
  });

  it("exports the per-checkpoint distributions, with short answers kept whole", async () => {
    const c = await smallClass();
    const res = await call(exportLoader, get(`${c.base}/export?kind=checkpoints`, c.cookie), c.params);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Disposition")).toMatch(/filename="forces-and-motion-checkpoint-distributions-\d{4}-\d{2}-\d{2}\.csv"/);
    const rows = parseCsv(res.data as string);
    expect(rows[0]).toEqual(["Position", "Checkpoint", "Kind", "Group", "Answer, option or value", "First attempts", "All attempts", "Students", "Misconception"]);
    expect(rows).toContainEqual(["1", "Doubling the force", "Multiple choice", "Sign convention", "It halves", "2", "3", "2", "Sign convention"]);
    expect(rows).toContainEqual(["2", "Speed after 5 s", "Numeric", "Sign convention", "'-12.5 m/s", "2", "2", "2", "Sign convention"]);
    const text = rows.filter((r) => r[2] === "Short text");
    expect(text[0].slice(3, 7)).toEqual(["All answers", "", "1", "1"]);
    expect(text[1][4]).toBe(`'${TRICKY_ANSWER}`);
  });

  it("asks for a kind", async () => {
    const c = await smallClass();
    const res = await call(exportLoader, get(`${c.base}/export`, c.cookie), c.params);
    expect(res.status).toBe(400);
  });
});

describe("access", () => {
  it("answers 404 to another teacher on every loader and action, and 403 to a student", async () => {
    const c = await smallClass();
    const stranger = await createTeacher();
    const strangerCookie = await cookieFor(stranger.id);
    const studentCookie = await cookieFor(c.amy.id);
    const loaders: [unknown, string][] = [
      [overviewLoader, c.base],
      [heatmapLoader, `${c.base}/heatmap`],
      [attemptsLoader, `${c.base}/attempts?misconception=${c.misconception.id}`],
      [exportLoader, `${c.base}/export?kind=students`],
      [exportLoader, `${c.base}/export?kind=checkpoints`],
    ];
    for (const [fn, path] of loaders) {
      expect((await call(fn, get(path, strangerCookie), c.params)).status, path).toBe(404);
      expect((await call(fn, get(path, studentCookie), c.params)).status, path).toBe(403);
      expect((await call(fn, get(path), c.params)).status, path).toBe(302);
    }
    const fields = { formId: "x", intent: "remove-tag", attemptId: c.zedNumeric, misconceptionId: c.misconception.id };
    expect((await call(attemptsAction, post(`${c.base}/attempts`, fields, strangerCookie), c.params)).status).toBe(404);
    expect((await call(attemptsAction, post(`${c.base}/attempts`, fields, studentCookie), c.params)).status).toBe(403);
    // The stranger's project id with the real teacher's attempt finds nothing either.
    const theirs = await createClassroom(stranger.id);
    const theirProject = await createProject(theirs.id);
    const crossed = await call(attemptsAction, post(`/teach/projects/${theirProject.project.id}/insight/attempts`, fields, strangerCookie), { projectId: theirProject.project.id });
    expect(crossed.status).toBe(400);
    expect(await prisma.attemptMisconception.count({ where: { setById: { in: [stranger.id, c.teacher.id] } } })).toBe(0);
    expect(await prisma.attemptMisconception.count({ where: { attemptId: c.zedNumeric, source: "TEACHER" } })).toBe(0);
  });
});
