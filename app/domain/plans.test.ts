import { describe, expect, it } from "vitest";
import { REFLECTION_TEMPLATES } from "~/domain/reflection-templates";
import { buildPlans, extractPlan, isFollowUpResult, isPlanQuestion, planTarget, plansBeside, plansTriedOn, type PlanEntryInput } from "./plans";

describe("which answers are plans", () => {
  it("finds the plan question in the templates that have one, and none in the others", () => {
    const planQuestions = Object.fromEntries(REFLECTION_TEMPLATES.map((t) => [t.key, t.questions.filter(isPlanQuestion)]));
    expect(planQuestions).toEqual({
      "four-part-journal": ["What would I do differently?"],
      "blameless-debrief": ["What will I try next time?"],
      "learning-goal-worksheet": [],
      "plan-act-measure-learn": ["Plan: what will I change in my next attempt, and why?"],
    });
    expect(isPlanQuestion(null)).toBe(false);
  });

  it("takes the first plan question that was answered, trimmed", () => {
    expect(
      extractPlan([
        { question: "What happened?", answer: "I mixed up speed and acceleration." },
        { question: "What would I do differently?", answer: "   " },
        { question: "Plan: what will I change?", answer: "  Draw a speed table first. " },
      ]),
    ).toEqual({ question: "Plan: what will I change?", text: "Draw a speed table first." });
    expect(extractPlan([{ question: null, answer: "A free entry about what I'd do differently" }])).toBeNull();
    expect(extractPlan([])).toBeNull();
  });

  it("knows the three follow-ups and nothing else", () => {
    expect(["HELPED", "DIDNT_HELP", "DIDNT_TRY"].every(isFollowUpResult)).toBe(true);
    expect(isFollowUpResult("helped")).toBe(false);
    expect(isFollowUpResult(undefined)).toBe(false);
  });
});

const plan = (id: string, checkpointId: string | null, at: number, text = "Draw it first."): PlanEntryInput => ({
  id,
  checkpointId,
  attemptId: null,
  at,
  responses: [{ question: "What would I do differently?", answer: text }],
});
const attempt = (id: string, checkpointId: string, number: number, at: number) => ({ id, checkpointId, number, at });

describe("the attempt a plan is for", () => {
  const attempts = [attempt("c1-1", "c1", 1, 100), attempt("c2-1", "c2", 1, 250), attempt("c1-2", "c1", 2, 300)];

  it("is the next attempt on its checkpoint", () => {
    expect(planTarget({ checkpointId: "c1", at: 150 }, attempts)?.id).toBe("c1-2");
    expect(planTarget({ checkpointId: "c1", at: 400 }, attempts)).toBeNull();
  });

  it("is the next attempt on any checkpoint for a plan about the project", () => {
    expect(planTarget({ checkpointId: null, at: 150 }, attempts)?.id).toBe("c2-1");
  });
});

describe("a student's plans", () => {
  const attempts = [attempt("c1-1", "c1", 1, 100), attempt("c1-2", "c1", 2, 300), attempt("c2-1", "c2", 1, 500)];
  const entries = [
    plan("p1", "c1", 150, "Read the question twice."),
    plan("p2", null, 400, "Check units before I start."),
    plan("p3", "c2", 600, "Draw a table."),
    { id: "not-a-plan", checkpointId: "c1", attemptId: null, at: 160, responses: [{ question: "What happened?", answer: "I guessed." }] },
  ];

  it("reads each plan with the attempt it was for and how it went; the latest follow-up counts", () => {
    const plans = buildPlans(entries, attempts, [
      { journalEntryId: "p1", attemptId: "c1-2", result: "DIDNT_TRY", at: 310 },
      { journalEntryId: "p1", attemptId: "c1-2", result: "HELPED", at: 320 },
      // A follow-up for another attempt than the one the plan was for does not count.
      { journalEntryId: "p2", attemptId: "c1-2", result: "HELPED", at: 520 },
    ]);
    expect(plans.map((p) => [p.id, p.triedOn?.id ?? null, p.status])).toEqual([
      ["p1", "c1-2", "HELPED"],
      ["p2", "c2-1", "to-follow-up"],
      ["p3", null, "waiting"],
    ]);
    expect(plans[0].text).toBe("Read the question twice.");
  });

  it("shows waiting plans beside their checkpoint (project plans beside any), and asks after the attempt they were for", () => {
    const plans = buildPlans(entries, attempts.slice(0, 2), []);
    expect(plansBeside(plans, "c2").map((p) => p.id)).toEqual(["p3", "p2"]);
    expect(plansBeside(plans, "c1").map((p) => p.id)).toEqual(["p2"]);
    expect(plansTriedOn(plans, "c1-2").map((p) => p.id)).toEqual(["p1"]);
  });
});
