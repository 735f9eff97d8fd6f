// Property tests: on random small classes (students, checkpoints of each kind
// with one or two versions, attempts graded as the app grades them, reviews,
// tags of every source, journal entries, groups the teacher confirmed), the
// figures each insight page shows agree with each other and with the raw rows.
// The oracles below read the raw rows directly, as decision 004 defines them.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CheckpointSpec } from "~/domain/checkpoint-spec";
import { grade, parseAnswer } from "~/domain/grading";
import { assembleTextGroups, type ConfirmedGroupRow } from "./answer-groups";
import { checkpointInsights, classifyNumericError, type TextGroupInput } from "./checkpoints";
import { buildDebrief } from "./debrief";
import { attemptCorrectBy, prepare, type Prepared } from "./prepare";
import { analyseProject, type ProjectReport } from "./report";
import type { AttemptRow, JournalRow, ProjectData, ReviewRow, TagRow } from "./types";
import { drillDown } from "./view-attempts";
import { checkpointRows, headline, topMisconceptions } from "./view-summary";

// ---------------------------------------------------------------------------
// Random classes

const T0 = Date.UTC(2026, 0, 5, 9, 0);
const at = (minutes: number) => new Date(T0 + minutes * 60_000);
const KINDS = ["MULTIPLE_CHOICE", "NUMERIC", "SHORT_TEXT"] as const;
const CHOICES = [["a"], ["b"], ["c"], ["d"], ["a", "b"], ["b", "c"], ["a", "e"], ["e"]];
const VALUES = ["12.5", "-12.5", "2.5", "125", "7", "12.52"];
const MODEL = "The forces are balanced so the velocity stays constant.";
const TEXTS = [
  MODEL,
  "the forces are balanced, so the velocity stays constant",
  "There has to be a force pushing it forward or it would stop.",
  "a force has to push it forward or it stops",
  "The car has momentum so there are no forces on it.",
  "no idea",
];
const JOURNAL_TEXTS = [
  "I mixed up the direction of the force.",
  "I mixed up the direction of the force. ",
  "Nothing has to push it to keep it moving.",
  "I still don't get why the forces cancel.",
  "I learned that mass cancels out.",
];

const m = (i: number | null, count: number) => (i === null ? null : `m${i % count}`);

const rawClass = fc.record({
  students: fc.array(fc.boolean(), { minLength: 1, maxLength: 4 }),
  misconceptions: fc.integer({ min: 1, max: 3 }),
  checkpoints: fc.array(
    fc.record({
      kind: fc.constantFrom(...KINDS),
      versions: fc.integer({ min: 1, max: 2 }),
      archived: fc.boolean(),
      // Misconception per wrong option b, c, d (choice) or per listed value −12.5, 2.5 (numeric), per version.
      tagging: fc.array(fc.option(fc.nat(5), { nil: null }), { minLength: 6, maxLength: 6 }),
      twoRight: fc.boolean(),
    }),
    { minLength: 1, maxLength: 3 },
  ),
  attempts: fc.array(
    fc.record({
      student: fc.nat(),
      checkpoint: fc.nat(),
      version: fc.nat(),
      // Answer 0 is right (choice a, 12.5, the model answer): often enough that students work ideas through.
      answer: fc.oneof({ weight: 1, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: fc.nat() }),
      gap: fc.integer({ min: 1, max: 400 }),
      storeRuleTags: fc.boolean(),
      reviews: fc.array(fc.record({ teacher: fc.boolean(), gotIt: fc.boolean(), after: fc.integer({ min: 0, max: 50 }) }), { maxLength: 2 }),
    }),
    { maxLength: 40 },
  ),
  tags: fc.array(
    fc.record({ attempt: fc.nat(), misconception: fc.nat(), source: fc.constantFrom("RULE", "CLUSTER", "TEACHER"), active: fc.boolean(), after: fc.nat(30) }),
    { maxLength: 8 },
  ),
  journals: fc.array(
    fc.record({
      student: fc.nat(),
      link: fc.constantFrom("attempt", "attempt", "checkpoint", "none"),
      attempt: fc.nat(),
      checkpoint: fc.nat(),
      text: fc.nat(),
      confidence: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
      at: fc.nat(8000),
    }),
    { maxLength: 12 },
  ),
  confirmed: fc.array(
    fc.record({ checkpoint: fc.nat(), members: fc.array(fc.record({ attempt: fc.nat(), excluded: fc.boolean() }), { maxLength: 4 }), misconception: fc.option(fc.nat(), { nil: null }) }),
    { maxLength: 3 },
  ),
});
type RawClass = typeof rawClass extends fc.Arbitrary<infer T> ? T : never;

function specFor(kind: (typeof KINDS)[number], tagging: (number | null)[], v: number, count: number, twoRight: boolean): CheckpointSpec {
  const t = (k: number) => m(tagging[(k + v * 3) % tagging.length], count);
  if (kind === "MULTIPLE_CHOICE") {
    return {
      kind,
      options: [
        { id: "a", text: "It doubles", correct: true, feedback: "", misconceptionId: null },
        { id: "b", text: v ? "It is halved" : "It halves", correct: false, feedback: "", misconceptionId: t(0) },
        { id: "c", text: "It reverses", correct: false, feedback: "", misconceptionId: t(1) },
        { id: "d", text: "It stays the same", correct: false, feedback: "", misconceptionId: t(2) },
        { id: "e", text: "It doubles too", correct: twoRight, feedback: "", misconceptionId: twoRight ? null : t(0) },
      ],
    };
  }
  if (kind === "NUMERIC") {
    return {
      kind,
      answer: 12.5,
      tolerance: 0.05,
      unit: "m/s",
      wrongValues: [
        { value: -12.5, feedback: "", misconceptionId: t(0) },
        { value: 2.5, feedback: "", misconceptionId: v ? null : t(1) },
      ],
      intermediateValues: [{ value: 2.5, label: "acceleration" }],
    };
  }
  return { kind, modelAnswer: MODEL };
}

interface Built {
  data: ProjectData;
  confirmed: Record<string, ConfirmedGroupRow[]>;
}

function build(raw: RawClass): Built {
  const count = raw.misconceptions;
  const students = raw.students.map((active, i) => ({ id: `s${i}`, name: `Student ${String.fromCharCode(65 + i)} Example`, email: `s${i}@example.test`, active }));
  const misconceptions = Array.from({ length: count }, (_, i) => ({ id: `m${i}`, name: `Idea ${i}` }));
  const checkpoints = raw.checkpoints.map((c, ci) => ({
    id: `c${ci}`,
    position: ci + 1,
    kind: c.kind,
    archived: c.archived,
    versions: Array.from({ length: c.versions }, (_, v) => ({ id: `c${ci}v${v}`, version: v + 1, title: `Checkpoint ${ci} v${v + 1}`, spec: specFor(c.kind, c.tagging, v, count, c.twoRight) })),
  }));
  const attempts: AttemptRow[] = [];
  const reviews: ReviewRow[] = [];
  const tags: TagRow[] = [];
  const numbers = new Map<string, number>();
  let clock = 0;
  raw.attempts.forEach((r, i) => {
    const student = students[r.student % students.length];
    const checkpoint = checkpoints[r.checkpoint % checkpoints.length];
    // Versions only move forward for a student: later attempts answer the same or a newer version.
    const version = checkpoint.versions[Math.min(checkpoint.versions.length - 1, r.version % checkpoint.versions.length)];
    const spec = version.spec;
    const parsed =
      spec.kind === "MULTIPLE_CHOICE"
        ? parseAnswer(spec, { optionIds: CHOICES[r.answer % CHOICES.length] })
        : spec.kind === "NUMERIC"
          ? parseAnswer(spec, { value: VALUES[r.answer % VALUES.length] })
          : parseAnswer(spec, { text: TEXTS[r.answer % TEXTS.length] });
    if (!parsed.ok) return;
    const result = grade(spec, parsed);
    const key = `${student.id}|${checkpoint.id}`;
    const number = (numbers.get(key) ?? 0) + 1;
    numbers.set(key, number);
    clock += r.gap;
    const id = `a${i}`;
    attempts.push({ id, studentId: student.id, checkpointId: checkpoint.id, checkpointVersionId: version.id, number, createdAt: at(clock), answer: parsed.stored, outcome: result.outcome });
    if (r.storeRuleTags) for (const mid of result.misconceptionIds) tags.push({ attemptId: id, misconceptionId: mid, source: "RULE", active: true, createdAt: at(clock) });
    if (spec.kind === "SHORT_TEXT") {
      // Two marks at the same millisecond have no order (the row order decides, as in effectiveOutcome): none here.
      r.reviews.forEach((rv, k) => {
        const createdAt = new Date(at(clock + 1 + rv.after).getTime() + k);
        reviews.push({ attemptId: id, role: rv.teacher ? "TEACHER" : "SELF", verdict: rv.gotIt ? "GOT_IT" : "NOT_YET", createdAt });
      });
    }
  });
  if (attempts.length) {
    raw.tags.forEach((t, k) => {
      const a = attempts[t.attempt % attempts.length];
      const createdAt = new Date(a.createdAt.getTime() + (t.after + 1) * 60_000 + k);
      tags.push({ attemptId: a.id, misconceptionId: `m${t.misconception % count}`, source: t.source, active: t.source === "TEACHER" ? t.active : true, createdAt });
    });
  }
  const journalEntries: JournalRow[] = raw.journals.map((j, i) => {
    const student = students[j.student % students.length];
    const own = attempts.filter((a) => a.studentId === student.id);
    const linked = j.link === "attempt" && own.length ? own[j.attempt % own.length] : null;
    return {
      id: `j${i}`,
      studentId: student.id,
      checkpointId: j.link === "checkpoint" ? checkpoints[j.checkpoint % checkpoints.length].id : (linked?.checkpointId ?? null),
      attemptId: linked?.id ?? null,
      responses: [
        { question: "What happened?", answer: "ok" },
        { question: "What did I learn?", answer: JOURNAL_TEXTS[j.text % JOURNAL_TEXTS.length] },
      ],
      confidence: j.confidence,
      supportNeeded: false,
      supportResolvedAt: null,
      submittedAt: linked ? new Date(linked.createdAt.getTime() + 60_000) : at(j.at),
    };
  });
  const confirmed: Record<string, ConfirmedGroupRow[]> = {};
  raw.confirmed.forEach((g, gi) => {
    const checkpoint = checkpoints[g.checkpoint % checkpoints.length];
    const on = attempts.filter((a) => a.checkpointId === checkpoint.id);
    if (checkpoint.kind !== "SHORT_TEXT" || on.length === 0) return;
    (confirmed[checkpoint.id] ??= []).push({
      id: `grp${gi}`,
      label: `Group ${gi}`,
      misconceptionId: g.misconception === null ? null : `m${g.misconception % count}`,
      createdAt: at(gi),
      members: g.members.map((mb) => ({ attemptId: on[mb.attempt % on.length].id, excluded: mb.excluded })),
    });
  });
  return {
    data: { projectId: "p", students, misconceptions, checkpoints, attempts: [...attempts].reverse(), reviews, tags, journalEntries },
    confirmed,
  };
}

/** The groups of every short-text checkpoint, as the app assembles them (answer-groups.server.ts). */
function textGroups(prepared: Prepared, confirmed: Record<string, ConfirmedGroupRow[]>): Record<string, TextGroupInput[]> {
  const result: Record<string, TextGroupInput[]> = {};
  for (const c of prepared.checkpointOrder) {
    if (c.kind !== "SHORT_TEXT") continue;
    const answers = (prepared.attemptsByCheckpoint.get(c.id) ?? []).map((a) => ({ id: a.id, text: a.answer, correct: attemptCorrectBy(prepared, a) !== null }));
    result[c.id] = assembleTextGroups(answers, confirmed[c.id] ?? []);
  }
  return result;
}

// ---------------------------------------------------------------------------
// Oracles: straight from the raw rows

interface RawAttempt {
  row: AttemptRow;
  outcome: "GOT_IT" | "NOT_YET" | null;
  misconceptions: Set<string>;
}

function oracle(data: ProjectData) {
  const students = new Set(data.students.map((s) => s.id));
  const versions = new Map(data.checkpoints.flatMap((c) => c.versions.map((v) => [v.id, v.spec] as const)));
  const list: RawAttempt[] = [];
  for (const row of data.attempts) {
    if (!students.has(row.studentId) || !versions.has(row.checkpointVersionId)) continue;
    let outcome = row.outcome as RawAttempt["outcome"];
    if (outcome === null) {
      const latest = (role: string) =>
        data.reviews.filter((r) => r.attemptId === row.id && r.role === role).sort((x, y) => y.createdAt.getTime() - x.createdAt.getTime())[0];
      outcome = (latest("TEACHER") ?? latest("SELF"))?.verdict as RawAttempt["outcome"] ?? null;
    }
    const rows = data.tags.filter((t) => t.attemptId === row.id);
    const spec = versions.get(row.checkpointVersionId)!;
    const implied =
      outcome === "GOT_IT" || spec.kind === "SHORT_TEXT"
        ? []
        : grade(spec, spec.kind === "MULTIPLE_CHOICE" ? parseAnswer(spec, { optionIds: JSON.parse(row.answer) }) : parseAnswer(spec, { value: row.answer })).misconceptionIds;
    const shown = new Set<string>();
    for (const mi of data.misconceptions) {
      const mine = rows.filter((t) => t.misconceptionId === mi.id);
      const teacher = mine.filter((t) => t.source === "TEACHER").sort((x, y) => (y.createdAt?.getTime() ?? 0) - (x.createdAt?.getTime() ?? 0))[0];
      const on = teacher ? teacher.active : mine.length ? mine.some((t) => t.active) : implied.includes(mi.id);
      if (on) shown.add(mi.id);
    }
    list.push({ row, outcome, misconceptions: shown });
  }
  const path = (studentId: string, checkpointId: string) =>
    list.filter((a) => a.row.studentId === studentId && a.row.checkpointId === checkpointId).sort((x, y) => x.row.number - y.row.number);
  /** Per student and misconception: shown at all, and resolved (a got-it after the last attempt showing it, on every checkpoint). */
  const reach = (misconceptionId: string) => {
    const affected = new Set<string>();
    const holding = new Set<string>();
    let attempts = 0;
    for (const a of list) {
      if (!a.misconceptions.has(misconceptionId)) continue;
      attempts++;
      affected.add(a.row.studentId);
      const p = path(a.row.studentId, a.row.checkpointId);
      const lastShown = Math.max(...p.filter((x) => x.misconceptions.has(misconceptionId)).map((x) => x.row.number));
      if (!p.some((x) => x.row.number > lastShown && x.outcome === "GOT_IT")) holding.add(a.row.studentId);
    }
    return { affected, holding, attempts };
  };
  /**
   * The misconceptions a journal entry reflects on (decision 004): those of the
   * attempt it reflects on — its linked attempt, else the student's latest on
   * the linked checkpoint before it; for a got-it, those of the not-yets since
   * the student's previous got-it.
   */
  const reflects = (j: JournalRow): Set<string> => {
    const linked = list.find((a) => a.row.id === j.attemptId && a.row.studentId === j.studentId);
    const checkpointId = j.checkpointId && data.checkpoints.some((c) => c.id === j.checkpointId) ? j.checkpointId : (linked?.row.checkpointId ?? null);
    const target = linked ?? (checkpointId ? path(j.studentId, checkpointId).filter((a) => a.row.createdAt <= j.submittedAt).at(-1) : undefined);
    if (!target) return new Set();
    if (target.outcome !== "GOT_IT" || target.misconceptions.size > 0) return target.misconceptions;
    const before = path(target.row.studentId, target.row.checkpointId).filter((a) => a.row.number < target.row.number);
    const result = new Set<string>();
    for (let i = before.length - 1; i >= 0 && before[i].outcome !== "GOT_IT"; i--) for (const x of before[i].misconceptions) result.add(x);
    return result;
  };
  return { list, path, reach, reflects };
}

// ---------------------------------------------------------------------------

function pages(built: Built) {
  const prepared = prepare(built.data);
  const groups = textGroups(prepared, built.confirmed);
  const report: ProjectReport = analyseProject(prepared, { now: T0 + 30 * 86_400_000, textGroups: groups });
  return { prepared, groups, report };
}

// Seeded, so a run is repeatable; FC_SEED=<n> FC_RUNS=<n> explore other and more classes.
const RUNS = { numRuns: Number(process.env.FC_RUNS ?? 300), seed: Number(process.env.FC_SEED ?? 20261202) };

describe("the figures on the insight pages (random classes)", () => {
  it("checkpoint pages: every count matches the raw attempts, and the short-text groups add up", () => {
    fc.assert(
      fc.property(rawClass, (raw) => {
        const built = build(raw);
        const { prepared, groups, report } = pages(built);
        const o = oracle(built.data);
        for (const c of report.checkpoints) {
          const mine = o.list.filter((a) => a.row.checkpointId === c.checkpointId);
          const studentIds = new Set(mine.map((a) => a.row.studentId));
          const s = c.summary;
          expect(s.attempts).toBe(mine.length);
          expect(s.studentsAttempted).toBe(studentIds.size);
          expect(s.studentsGotIt + s.studentsStillNotYet + s.studentsWaiting).toBe(s.studentsAttempted);
          expect(s.gotItFirstTry).toBeLessThanOrEqual(s.studentsGotIt);
          expect(s.studentsGotIt).toBe([...studentIds].filter((id) => o.path(id, c.checkpointId).some((a) => a.outcome === "GOT_IT")).length);
          expect(c.detail.attempts.all).toBe(s.attempts);
          expect(c.detail.attempts.first).toBe(s.studentsAttempted);

          const d = c.detail;
          if (d.kind === "MULTIPLE_CHOICE") {
            expect(d.wrong.all + d.missedOnly.all).toBe(mine.filter((a) => a.outcome === "NOT_YET").length);
            for (const g of d.groups) {
              expect(g.all).toBeLessThanOrEqual(d.wrong.all);
              expect(g.students).toBeLessThanOrEqual(s.studentsAttempted);
              expect(g.first).toBeLessThanOrEqual(g.all);
              for (const opt of g.options) expect(opt.attemptIds).toHaveLength(opt.all);
            }
          } else if (d.kind === "NUMERIC") {
            expect(d.wrong.all + d.unreadable.all).toBe(mine.filter((a) => a.outcome === "NOT_YET").length);
            expect(d.groups.reduce((n, g) => n + g.all, 0)).toBe(d.wrong.all);
            for (const g of d.groups) expect(g.students).toBeLessThanOrEqual(s.studentsAttempted);
          } else {
            expect(d.outcomes.gotIt + d.outcomes.notYet + d.outcomes.waiting).toBe(mine.length);
            expect(d.outcomes.gotIt).toBe(mine.filter((a) => a.outcome === "GOT_IT").length);
            const list = d.groups!;
            // Every answer is in exactly one group.
            const ids = list.flatMap((g) => g.attemptIds);
            expect(ids.sort()).toEqual(mine.map((a) => a.row.id).sort());
            // The "got it" counts of the distribution and of the groups agree.
            for (const k of ["gotIt", "notYet", "waiting"] as const) expect(list.reduce((n, g) => n + g.outcomes[k], 0)).toBe(d.outcomes[k]);
            const byId = new Map(mine.map((a) => [a.row.id, a]));
            const confirmedIds = new Set(list.filter((g) => g.confirmed).flatMap((g) => g.attemptIds));
            for (const g of list) {
              const members = g.attemptIds.map((id) => byId.get(id)!);
              const memberStudents = new Set(members.map((a) => a.row.studentId));
              expect(g.size).toBe(members.length);
              expect(g.students).toBe(memberStudents.size);
              expect(g.students).toBeLessThanOrEqual(s.studentsAttempted);
              expect(g.outcomes.gotIt + g.outcomes.notYet + g.outcomes.waiting).toBe(g.size);
              expect(g.studentsGotItWithThis + g.studentsGotItLater + g.studentsNotYet).toBe(g.students);
              // Got it with an answer in the group / later / not yet, from the raw paths.
              let withThis = 0;
              let later = 0;
              for (const sid of memberStudents) {
                const own = members.filter((a) => a.row.studentId === sid);
                if (own.some((a) => a.outcome === "GOT_IT")) withThis++;
                else {
                  const last = Math.max(...own.map((a) => a.row.number));
                  if (o.path(sid, c.checkpointId).some((a) => a.row.number > last && a.outcome === "GOT_IT")) later++;
                }
              }
              expect([g.studentsGotItWithThis, g.studentsGotItLater]).toEqual([withThis, later]);
              // No correct answer is offered for naming: machine groups hold none, the correct group only those.
              const correctness = g.attemptIds.map((id) => attemptCorrectBy(prepared, prepared.attemptsById.get(id)!));
              if (g.correct) {
                expect(correctness.every((x) => x !== null)).toBe(true);
                expect(g.misconceptionId).toBeNull();
                expect(Object.values(g.correctBy!).reduce((n, x) => n + x, 0)).toBe(g.size);
              } else if (!g.confirmed) {
                expect(correctness.every((x) => x === null)).toBe(true);
                expect(g.outcomes.gotIt).toBe(0);
                expect(g.studentsGotItWithThis).toBe(0);
              }
            }
            // Correct answers outside the teacher's own groups are all in the correct group.
            const correctGroup = list.find((g) => g.correct);
            const correctIds = mine.filter((a) => !confirmedIds.has(a.row.id) && attemptCorrectBy(prepared, prepared.attemptsById.get(a.row.id)!) !== null);
            expect(correctGroup?.attemptIds.slice().sort() ?? []).toEqual(correctIds.map((a) => a.row.id).sort());
            expect(list.filter((g) => g.correct).length).toBeLessThanOrEqual(1);
            expect(groups[c.checkpointId]).toBeDefined();
          }
        }
      }),
      RUNS,
    );
  });

  it("a checkpoint's page, built from that checkpoint's rows only, shows the same figures as the project report", () => {
    fc.assert(
      fc.property(rawClass, (raw) => {
        const built = build(raw);
        const { groups, report } = pages(built);
        for (const c of built.data.checkpoints) {
          const ids = new Set(built.data.attempts.filter((a) => a.checkpointId === c.id).map((a) => a.id));
          const subset: ProjectData = {
            ...built.data,
            checkpoints: [c],
            attempts: built.data.attempts.filter((a) => ids.has(a.id)),
            reviews: built.data.reviews.filter((r) => ids.has(r.attemptId)),
            tags: built.data.tags.filter((t) => ids.has(t.attemptId)),
            journalEntries: [],
          };
          // As loadCheckpointInsight (answer-groups.server.ts) builds the page.
          const [page] = checkpointInsights(prepare(subset), {
            classifyNumeric: classifyNumericError,
            textGroups: groups[c.id] ? { [c.id]: groups[c.id] } : undefined,
          });
          expect(page).toEqual(report.checkpoints.find((x) => x.checkpointId === c.id));
        }
      }),
      RUNS,
    );
  });

  it("heatmap, misconceptions, overview and attempts drill-down agree with each other and with the raw tags", () => {
    fc.assert(
      fc.property(rawClass, (raw) => {
        const built = build(raw);
        const { prepared, report } = pages(built);
        const o = oracle(built.data);
        const h = report.heatmap;
        const started = new Set(o.list.map((a) => a.row.studentId));
        // Heatmap cells: attempts of the student showing the misconception, from the raw tags.
        let cellTotal = 0;
        for (const row of h.rows) {
          let total = 0;
          for (const [mid, cell] of Object.entries(row.cells)) {
            const raw = o.list.filter((a) => a.row.studentId === row.studentId && a.misconceptions.has(mid));
            expect(cell.count).toBe(raw.length);
            expect(cell.attemptIds.slice().sort()).toEqual(raw.map((a) => a.row.id).sort());
            // The attempts page, filtered on the same student and misconception, lists the same attempts.
            const drill = drillDown(prepared, built.data.tags, { studentId: row.studentId, misconceptionId: mid });
            expect(drill.showing).toBe(cell.count);
            total += cell.count;
          }
          expect(row.total).toBe(total);
          expect(row.misconceptions).toBe(Object.keys(row.cells).length);
          cellTotal += total;
        }
        // Cell totals equal the tagged (attempt, misconception) pairs of the students listed.
        const listed = new Set(h.rows.map((r) => r.studentId));
        expect(cellTotal).toBe(o.list.filter((a) => listed.has(a.row.studentId)).reduce((n, a) => n + a.misconceptions.size, 0));
        expect(report.totals.attemptsWithMisconception).toBe(o.list.filter((a) => a.misconceptions.size > 0).length);

        for (const mi of report.misconceptions) {
          const r = o.reach(mi.misconceptionId);
          expect(mi.studentsAffected).toBe(r.affected.size);
          expect(mi.studentsStillHolding).toBe(r.holding.size);
          expect(mi.studentsResolved + mi.studentsStillHolding).toBe(mi.studentsAffected);
          expect(mi.studentsAffected).toBeLessThanOrEqual(started.size);
          expect(mi.attempts).toBe(r.attempts);
          expect(mi.episodesResolved).toBeLessThanOrEqual(mi.episodes);
          // The same figure on the heatmap page.
          const column = h.columns.find((c) => c.misconceptionId === mi.misconceptionId);
          if (mi.studentsAffected === 0) expect(column).toBeUndefined();
          else {
            expect(column).toMatchObject({ students: mi.studentsAffected, attempts: mi.attempts });
            const resolvedCells = h.rows.filter((row) => row.cells[mi.misconceptionId]?.resolved).length;
            expect(resolvedCells).toBe(mi.studentsResolved);
            expect(drillDown(prepared, built.data.tags, { misconceptionId: mi.misconceptionId }).showing).toBe(mi.attempts);
          }
        }

        // Overview.
        const top = topMisconceptions(report, 5, 2);
        for (const t of top) expect(t).toMatchObject(report.misconceptions.find((x) => x.misconceptionId === t.misconceptionId)!);
        const head = headline(report);
        expect(head.attempts).toBe(o.list.length);
        expect(report.checkpoints.reduce((n, c) => n + c.summary.attempts, 0)).toBe(o.list.length);
        expect(head.notYet).toBe(o.list.filter((a) => a.outcome === "NOT_YET").length);
        expect(head.notYetLaterResolved).toBeLessThanOrEqual(head.notYet);
        expect(head.misconceptionsShown).toBe(h.columns.length);
        expect(head.studentsWithAttempts).toBeLessThanOrEqual(head.students);
        const activeIds = new Set(built.data.students.filter((s) => s.active).map((s) => s.id));
        expect(head.studentsWithAttempts).toBe(new Set(o.list.map((a) => a.row.studentId).filter((id) => activeIds.has(id))).size);
        for (const row of checkpointRows(report)) {
          const c = report.checkpoints.find((x) => x.checkpointId === row.checkpointId)!;
          expect([row.attempts, row.gotIt, row.studentsAttempted]).toEqual([c.summary.attempts, c.summary.studentsGotIt, c.summary.studentsAttempted]);
          if (row.wrongIdea) {
            expect(row.wrongIdea.attempts).toBeLessThanOrEqual(row.attempts);
            expect(row.wrongIdea.students).toBeLessThanOrEqual(row.studentsAttempted);
          }
        }
      }),
      RUNS,
    );
  });

  it("quotes: once per section, under a misconception the entry reflects on; the debrief repeats the overview's figures", () => {
    fc.assert(
      fc.property(rawClass, fc.integer({ min: 1, max: 4 }), (raw, perGroup) => {
        const built = build(raw);
        const prepared = prepare(built.data);
        const report = analyseProject(prepared, { now: T0, quotesPerGroup: perGroup });
        const o = oracle(built.data);
        const entry = (id: string) => prepared.journals.find((j) => j.id === id)!;
        const key = (t: string) => t.toLowerCase().replace(/\s+/g, " ").trim();

        // The misconception quotes are one section (both overview lists read it).
        const section = report.reflections.byMisconception;
        const quoted = section.flatMap((g) => g.quotes.map((q) => ({ m: g.misconceptionId, q })));
        expect(new Set(quoted.map((x) => x.q.journalEntryId)).size).toBe(quoted.length);
        expect(new Set(quoted.map((x) => key(x.q.text))).size).toBe(quoted.length);
        const journalRow = (id: string) => built.data.journalEntries.find((j) => j.id === id)!;
        for (const { m: mid, q } of quoted) expect(o.reflects(journalRow(q.journalEntryId)).has(mid)).toBe(true);
        for (const g of section) {
          expect(g.quotes.length).toBeLessThanOrEqual(Math.min(perGroup, g.entries));
          expect(g.students).toBeLessThanOrEqual(g.entries);
          // Entries counted under a misconception: those whose attempt shows it.
          expect(g.entries).toBe(built.data.journalEntries.filter((j) => o.reflects(j).has(g.misconceptionId)).length);
        }
        // A misconception with entries whose words are not all quoted elsewhere gets a quote.
        for (const g of section) {
          if (g.quotes.length > 0) continue;
          const candidates = built.data.journalEntries.filter((j) => o.reflects(j).has(g.misconceptionId));
          const free = candidates.filter((j) => !quoted.some((x) => x.q.journalEntryId === j.id || key(x.q.text) === key(j.responses[1].answer)));
          expect(free).toEqual([]);
        }
        const top = topMisconceptions(report, 5, 2).flatMap((t) => t.quotes.map((q) => q.journalEntryId));
        expect(new Set(top).size).toBe(top.length);
        // Each checkpoint's quotes: its own entries, once each.
        for (const g of report.reflections.byCheckpoint) {
          expect(new Set(g.quotes.map((q) => key(q.text))).size).toBe(g.quotes.length);
          for (const q of g.quotes) expect(entry(q.journalEntryId).linkedCheckpointId).toBe(g.checkpointId);
        }

        // The debrief: the same reach as the overview, recoveries from the raw paths, each quote once.
        const debrief = buildDebrief(prepared, { learnedQuotes: 10 });
        for (const dm of debrief.misconceptions) {
          const mi = report.misconceptions.find((x) => x.misconceptionId === dm.misconceptionId)!;
          expect([dm.met, dm.workedThrough]).toEqual([mi.studentsAffected, mi.studentsResolved]);
        }
        const pairs = new Set(o.list.map((a) => `${a.row.studentId}|${a.row.checkpointId}`));
        let recoveries = 0;
        for (const pair of pairs) {
          const [sid, cid] = pair.split("|");
          const p = o.path(sid, cid);
          const firstNotYet = p.findIndex((a) => a.outcome === "NOT_YET");
          if (firstNotYet >= 0 && p.slice(firstNotYet + 1).some((a) => a.outcome === "GOT_IT")) recoveries++;
        }
        expect(debrief.recoveries).toBe(recoveries);
        expect(debrief.studentsWithAttempts).toBe(new Set(o.list.map((a) => a.row.studentId)).size);
        const learned = debrief.learned.map((q) => key(q.text));
        expect(new Set(learned).size).toBe(learned.length);
        // Each learned quote is an entry on that misconception, by a student who then worked it through on that checkpoint.
        const idOf = new Map(debrief.misconceptions.map((x) => [x.name, x.misconceptionId]));
        for (const q of debrief.learned) {
          const mid = idOf.get(q.misconceptionName)!;
          expect(mid).toBeDefined();
          const sources = built.data.journalEntries.filter((j) => {
            if (key(j.responses[1].answer) !== key(q.text) || !o.reflects(j).has(mid)) return false;
            const checkpointId = j.checkpointId ?? o.list.find((a) => a.row.id === j.attemptId)?.row.checkpointId;
            const p = checkpointId ? o.path(j.studentId, checkpointId) : [];
            const lastShown = Math.max(...p.filter((a) => a.misconceptions.has(mid)).map((a) => a.row.number));
            return p.some((a) => a.row.number > lastShown && a.outcome === "GOT_IT");
          });
          expect(sources.length).toBeGreaterThan(0);
        }
      }),
      RUNS,
    );
  });
});

