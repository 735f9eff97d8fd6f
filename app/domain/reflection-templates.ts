// The template library teachers start reflection prompts from.
export const PROMPT_TRIGGERS = ["PROJECT", "CHECKPOINT", "AFTER_NOT_YET"] as const;
export type PromptTrigger = (typeof PROMPT_TRIGGERS)[number];

export const TRIGGER_LABELS: Record<PromptTrigger, string> = {
  PROJECT: "Any time during the project",
  CHECKPOINT: "Beside a checkpoint",
  AFTER_NOT_YET: 'After a "not yet" on a checkpoint',
};

export interface ReflectionTemplate {
  key: string;
  title: string;
  description: string;
  questions: string[];
  suggestedTrigger: PromptTrigger;
}

export const REFLECTION_TEMPLATES: ReflectionTemplate[] = [
  {
    key: "four-part-journal",
    title: "Four-part journal",
    description: "The everyday journal entry after an attempt.",
    questions: [
      "What happened?",
      "What did I learn?",
      "What would I do differently?",
      "What support do I need?",
    ],
    suggestedTrigger: "AFTER_NOT_YET",
  },
  {
    key: "blameless-debrief",
    title: "Blameless debrief",
    description: "Looking back at the whole project without blame: what the work taught, not who was wrong.",
    questions: [
      "What was I trying to do, and what did I expect to happen?",
      "What actually happened, step by step?",
      "Where did my thinking change, and what changed it?",
      "What went well that I want to keep doing?",
      "What will I try next time?",
    ],
    suggestedTrigger: "PROJECT",
  },
  {
    key: "learning-goal-worksheet",
    title: "Learning-goal worksheet",
    description: "Turning feedback into a learning goal for the next attempt.",
    questions: [
      "What feedback did I get, in my own words?",
      "What is one learning goal this feedback points to?",
      "What will I practise or look up to reach it?",
      "How will I know I have reached it?",
    ],
    suggestedTrigger: "CHECKPOINT",
  },
  {
    key: "plan-act-measure-learn",
    title: "Plan–act–measure–learn checklist",
    description: "A checklist for planning the next iteration.",
    questions: [
      "Plan: what will I change in my next attempt, and why?",
      "Act: what exactly did I do?",
      "Measure: what happened? How do I know?",
      "Learn: what does the result tell me for the next iteration?",
    ],
    suggestedTrigger: "PROJECT",
  },
];

export function findTemplate(key: string): ReflectionTemplate | undefined {
  return REFLECTION_TEMPLATES.find((t) => t.key === key);
}

export function parseQuestions(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((q): q is string => typeof q === "string") : [];
  } catch {
    return [];
  }
}
