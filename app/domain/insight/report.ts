// The class-insight report of one project, from every attempt and reflection:
// per-checkpoint distributions, the students × misconceptions heatmap, each
// misconception's reach and recovery, who needs help now, reflection signals,
// calibration (how sure before the outcome) and learning velocity. Plain data
// in, plain JSON-safe data out. Pure.
//
// Cost: one indexing pass (prepare.ts) and then linear passes over the
// attempts; nothing compares every attempt with every other. Short-text
// clustering is the one costly step, so it only runs when asked (clusterText)
// or takes precomputed groups (textGroups), which a caller can cache.
import { assembleTextGroups, type AnswerText } from "./answer-groups";
import { calibration, type Calibration } from "./calibration";
import type { ClusteringOptions } from "./text-clustering";
import {
  checkpointInsights,
  classifyNumericError,
  type CheckpointInsight,
  type NumericShapeClassifier,
  type TextGroupInput,
} from "./checkpoints";
import { indexEpisodes } from "./episodes";
import { lastingRecovery, type LastingRecovery } from "./lasting";
import { planInsights, type PlanInsight } from "./plans";
import { buildHeatmap, type Heatmap } from "./heatmap";
import { helpNow, type HelpNow, type HelpOptions } from "./help";
import { misconceptionInsights, type CooccurrencePair, type MisconceptionInsight } from "./misconceptions";
import { attemptCorrectBy, prepare, type Prepared, type PrepareOptions } from "./prepare";
import { reflectionSignals, type ReflectionOptions, type ReflectionSignals } from "./reflections";
import type { ProjectData } from "./types";
import { learningVelocities, type VelocityBucket } from "./velocity";

export interface ReportTotals {
  students: number;
  activeStudents: number;
  /** Students who made at least one attempt. */
  studentsWithAttempts: number;
  /** Of those, the students still in the class. */
  activeStudentsWithAttempts: number;
  checkpoints: number;
  attempts: number;
  /** Attempts that showed at least one misconception. */
  attemptsWithMisconception: number;
  misconceptions: number;
  journalEntries: number;
}

export interface ProjectReport {
  projectId: string;
  totals: ReportTotals;
  /** In project order. */
  checkpoints: CheckpointInsight[];
  heatmap: Heatmap;
  /** Most widespread first; every misconception of the project, shown or not. */
  misconceptions: MisconceptionInsight[];
  /** Pairs of misconceptions shown by the same students, most shared first. */
  cooccurrence: CooccurrencePair[];
  help: HelpNow;
  reflections: ReflectionSignals;
  /** "How sure are you?" given with the answer, before the outcome, against the outcome. */
  calibration: Calibration;
  velocity: { day: VelocityBucket[]; week: VelocityBucket[] };
  /** Plans students wrote, how they were followed through, and recovery with a plan against without (decision 017). */
  plans: PlanInsight;
  /** Per misconception: recovered, relapsed, still working, and re-check results. */
  lasting: LastingRecovery[];
}

export interface ReportOptions extends PrepareOptions, HelpOptions, ReflectionOptions {
  /** Recognises error shapes of wrong numeric values; default classifyNumericError (numeric-patterns.ts), null for none. */
  classifyNumeric?: NumericShapeClassifier | null;
  /** Precomputed short-text groups per checkpoint id (e.g. cached, or as the teacher named them). */
  textGroups?: Record<string, TextGroupInput[]>;
  /** Cluster short-text answers now for checkpoints without textGroups (costly; default false). */
  clusterText?: boolean | ClusteringOptions;
}

/**
 * Short-text groups of one checkpoint, from every attempt's answer: the
 * clustering module's groups of the answers that are not correct, and the
 * correct answers as one group apart (assembleTextGroups, without confirmed groups).
 */
export function clusterCheckpointAnswers(prepared: Prepared, checkpointId: string, options: ClusteringOptions = {}): TextGroupInput[] {
  const answers: AnswerText[] = [];
  for (const path of prepared.pathsByCheckpoint.get(checkpointId)?.values() ?? []) {
    for (const a of path.attempts) answers.push({ id: a.id, text: a.answer, correct: attemptCorrectBy(prepared, a) !== null });
  }
  return assembleTextGroups(answers, [], options);
}

export function analyseProject(prepared: Prepared, options: ReportOptions = {}): ProjectReport {
  let textGroups = options.textGroups;
  if (options.clusterText) {
    const settings = options.clusterText === true ? {} : options.clusterText;
    textGroups = { ...textGroups };
    for (const c of prepared.checkpointOrder) {
      if (c.kind === "SHORT_TEXT" && !textGroups[c.id]) textGroups[c.id] = clusterCheckpointAnswers(prepared, c.id, settings);
    }
  }
  const episodes = indexEpisodes(prepared);
  const { misconceptions, cooccurrence } = misconceptionInsights(prepared, episodes);
  let attemptsWithMisconception = 0;
  for (const a of prepared.attempts) if (a.misconceptionIds.length > 0) attemptsWithMisconception++;
  let activeStudents = 0;
  for (const s of prepared.students.values()) if (s.active) activeStudents++;
  let activeStudentsWithAttempts = 0;
  for (const id of prepared.pathsByStudent.keys()) if (prepared.students.get(id)?.active) activeStudentsWithAttempts++;
  return {
    projectId: prepared.projectId,
    totals: {
      students: prepared.students.size,
      activeStudents,
      studentsWithAttempts: prepared.pathsByStudent.size,
      activeStudentsWithAttempts,
      checkpoints: prepared.checkpoints.size,
      attempts: prepared.attempts.length,
      attemptsWithMisconception,
      misconceptions: prepared.misconceptions.size,
      journalEntries: prepared.journals.length,
    },
    checkpoints: checkpointInsights(prepared, {
      classifyNumeric: options.classifyNumeric === null ? undefined : (options.classifyNumeric ?? classifyNumericError),
      textGroups,
    }),
    heatmap: buildHeatmap(prepared, episodes),
    misconceptions,
    cooccurrence,
    help: helpNow(prepared, options),
    reflections: reflectionSignals(prepared, options),
    calibration: calibration(prepared),
    velocity: learningVelocities(prepared),
    plans: planInsights(prepared, episodes),
    lasting: lastingRecovery(prepared, episodes),
  };
}

/** The full report of a project's data. */
export function buildReport(data: ProjectData, options: ReportOptions = {}): ProjectReport {
  return analyseProject(prepare(data, options), options);
}
