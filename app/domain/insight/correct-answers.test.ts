// Correct short answers: which answers are correct and on whose word, and how
// they are kept apart from the groups a teacher names as misconceptions.
import { describe, expect, it } from "vitest";
import type { CheckpointSpec } from "~/domain/checkpoint-spec";
import { assembleTextGroups, CORRECT_GROUP_ID, parseGroupKey, type AnswerText } from "./answer-groups";
import { checkpointInsights } from "./checkpoints";
import { correctBy, matchesModelAnswer, prepare, settleOutcome } from "./prepare";
import { clusterCheckpointAnswers } from "./report";
import { at, testClass } from "./test-class";

const text: CheckpointSpec = { kind: "SHORT_TEXT", modelAnswer: "Balanced forces keep the velocity constant." };
const review = (role: string, verdict: string, minutes: number) => ({ role, verdict, createdAt: at(minutes) });

describe("settleOutcome", () => {
  it("says who settled the outcome that counts: the rule, else the teacher's latest mark, else the student's own", () => {
    expect(settleOutcome("GOT_IT", [review("TEACHER", "NOT_YET", 1)])).toEqual({ outcome: "GOT_IT", by: "RULE" });
    expect(settleOutcome(null, [review("SELF", "GOT_IT", 1), review("TEACHER", "NOT_YET", 2), review("TEACHER", "GOT_IT", 3)])).toEqual({
      outcome: "GOT_IT",
      by: "TEACHER",
    });
    expect(settleOutcome(null, [review("SELF", "NOT_YET", 1), review("SELF", "GOT_IT", 2)])).toEqual({ outcome: "GOT_IT", by: "SELF" });
    expect(settleOutcome(null, [])).toEqual({ outcome: null, by: null });
    expect(settleOutcome(null, undefined)).toEqual({ outcome: null, by: null });
  });
});

describe("correctBy", () => {
  it("takes a got-it by the rule or the teacher, then the model answer, then the student's own got-it", () => {
    expect(correctBy({ outcome: "GOT_IT", by: "TEACHER" }, "anything", text)).toBe("TEACHER");
    expect(correctBy({ outcome: "GOT_IT", by: "RULE" }, '["a"]', { kind: "MULTIPLE_CHOICE", options: [] })).toBe("RULE");
    expect(correctBy({ outcome: "GOT_IT", by: "SELF" }, "balanced forces keep the velocity constant", text)).toBe("MODEL_ANSWER");
    expect(correctBy({ outcome: "GOT_IT", by: "SELF" }, "it is balanced", text)).toBe("SELF");
    expect(correctBy({ outcome: "NOT_YET", by: "SELF" }, "Balanced forces keep the velocity constant!", text)).toBe("MODEL_ANSWER");
    expect(correctBy({ outcome: null, by: null }, "Balanced forces keep the velocity constant", text)).toBe("MODEL_ANSWER");
  });

  it("lets a teacher's or the rule's “not yet” stand, even over the model answer's words", () => {
    expect(correctBy({ outcome: "NOT_YET", by: "TEACHER" }, "Balanced forces keep the velocity constant.", text)).toBeNull();
    expect(correctBy({ outcome: "NOT_YET", by: "RULE" }, "x", text)).toBeNull();
    expect(correctBy({ outcome: null, by: null }, "it speeds up", text)).toBeNull();
  });

  it("matches the model answer once normalised, and never an empty model answer", () => {
    expect(matchesModelAnswer("BALANCED forces   keep the velocity constant", text.modelAnswer)).toBe(true);
    expect(matchesModelAnswer("Balanced forces don't keep the velocity constant", text.modelAnswer)).toBe(false);
    expect(matchesModelAnswer("", "")).toBe(false);
  });
});

describe("assembleTextGroups with correct answers", () => {
  const answers: AnswerText[] = [
    { id: "w1", text: "There has to be a force pushing it forward or it would stop." },
    { id: "w2", text: "There has to be a force pushing it forward or it would stop" },
    { id: "r1", text: "The forces are balanced so the speed stays the same.", correct: true },
    { id: "r2", text: "the forces are balanced, so the speed stays the same", correct: true },
    { id: "r3", text: "There has to be a force pushing it forward or it would stop", correct: true },
  ];

  it("keeps correct answers out of the machine's groups, in one group of their own, last", () => {
    const groups = assembleTextGroups(answers, []);
    expect(groups.map((g) => [g.id, g.attemptIds, g.correct === true])).toEqual([
      [groups[0].id, ["w1", "w2"], false],
      [CORRECT_GROUP_ID, ["r1", "r2", "r3"], true],
    ]);
    expect(groups[1]).toMatchObject({ label: "Correct answers", misconceptionId: null, confirmed: false });
    expect(groups[1].representatives!.length).toBeGreaterThan(0);
  });

  it("leaves a correct answer the teacher put in a group of theirs where they put it", () => {
    const groups = assembleTextGroups(answers, [
      { id: "t", label: "Mine", misconceptionId: "m1", createdAt: new Date(1), members: [{ attemptId: "r1", excluded: false }] },
    ]);
    expect(groups.map((g) => g.attemptIds)).toEqual([["r1"], ["w1", "w2"], ["r2", "r3"]]);
  });

  it("gives no correct group when no answer is correct", () => {
    expect(assembleTextGroups(answers.slice(0, 2), []).some((g) => g.correct)).toBe(false);
  });

  it("is not a group a form can act on", () => {
    expect(parseGroupKey(CORRECT_GROUP_ID)).toBeNull();
    expect(parseGroupKey(` ${CORRECT_GROUP_ID} `)).toBeNull();
  });
});

describe("clusterCheckpointAnswers", () => {
  it("clusters only the answers that are not correct, and shows the correct ones apart", () => {
    const p = prepare(testClass());
    const groups = clusterCheckpointAnswers(p, "c3");
    // a6: Ana's own got-it; b6: the teacher's got-it. b5 (teacher: not yet) and w4 (waiting) are grouped.
    expect(groups.find((g) => g.correct)?.attemptIds).toEqual(["a6", "b6"]);
    expect(groups.filter((g) => !g.correct).flatMap((g) => g.attemptIds).sort()).toEqual(["b5", "w4"]);
    const [insight] = checkpointInsights(p, { textGroups: { c3: groups } }).filter((c) => c.checkpointId === "c3");
    const detail = insight.detail.kind === "SHORT_TEXT" ? insight.detail : null;
    const correct = detail!.groups!.find((g) => g.correct)!;
    expect(correct).toMatchObject({ size: 2, students: 2, studentsGotItWithThis: 2, studentsGotItLater: 0, studentsNotYet: 0 });
    expect(detail!.groups!.filter((g) => !g.correct).every((g) => g.outcomes.gotIt === 0)).toBe(true);
  });
});
