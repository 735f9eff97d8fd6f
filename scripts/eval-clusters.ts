// npm run eval:clusters [-- --sweep] [-- --effort]
//
// Measures the app's answer clustering on real student answers from the shared
// data (never copied into the repository): SemEval-2013 Task 7 training answers
// (labels correct / incorrect / contradictory) and the graded Powergrading
// questions (label = majority of the three graders). Each question is
// clustered separately through clusterByQuestion, the function behind
// `npm run cluster-answers`. Printed per data set: label purity of the groups
// (size-weighted), groups a teacher reads against answers, and the adjusted
// Rand index against the labels (per question, answer-weighted mean), for the
// app's setting and for a naive baseline (exact match after lower-casing and
// trimming). --sweep also prints the figures over a range of thresholds, for
// the app's grouping and for the variants with more evidence (WordNet
// synonyms, the class evidence: here each question's text and reference
// answers stand in for the model answer), and compares each variant's curve
// with the app's: purity at the same number of groups, groups at the same
// purity. --effort simulates a teacher grading every answer
// (scripts/lib/grading-effort.ts) from exact-match groups, from the grouping
// alone and from the grouping with suggestions, and prints actions per answer.
//
// Data directory: REBOUND_DATA_DIR, else ../shared/data from the repository root.
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import {
  CHAR_NGRAM_WEIGHT,
  clusterAnswers,
  clusterByQuestion,
  createAnswerSuggester,
  DEFAULT_CLUSTER_THRESHOLD,
  DEFAULT_SENSES_PER_WORD,
  DEFAULT_SUGGESTION_MAX_GROUP_SIZE,
  DEFAULT_SUGGESTION_THRESHOLD,
  type ClusteringOptions,
} from "../app/domain/insight/text-clustering";
import type { Lexicon } from "../app/domain/insight/word-senses";
import { SUGGESTIONS_PER_GROUP } from "../app/domain/insight/answer-groups";
import { loadWordNet } from "../app/utils/wordnet.server";
import { groupingFigures, type GroupingFigures } from "./lib/cluster-metrics";
import { simulateGradingEffort, type EffortCount } from "./lib/grading-effort";

interface LabelledAnswer {
  id: string;
  question: string;
  answer: string;
  label: string;
}

const repoRoot = path.resolve(import.meta.dirname, "..");
const dataDir = process.env.REBOUND_DATA_DIR ? path.resolve(process.env.REBOUND_DATA_DIR) : path.resolve(repoRoot, "../shared/data");

function readTsv(file: string): string[][] {
  const full = path.join(dataDir, file);
  if (!fs.existsSync(full)) {
    throw new Error(`Missing ${full}. Set REBOUND_DATA_DIR to the folder holding semeval2013/ and powergrading/.`);
  }
  const lines = fs.readFileSync(full, "utf8").split(/\r?\n/).filter((l) => l.length > 0);
  return lines.map((l) => l.split("\t"));
}

interface DataSet {
  answers: LabelledAnswer[];
  /** Class evidence per question: the question's text and, where known, its reference answers. */
  context: Map<string, string[]>;
}

function loadSemEval(): DataSet {
  const [header, ...rows] = readTsv("semeval2013/train_3way.tsv");
  const col = (name: string) => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`semeval2013/train_3way.tsv has no column ${name}`);
    return i;
  };
  const [q, id, label, answer, question] = [col("question_id"), col("answer_id"), col("label_3way"), col("answer"), col("question")];
  const context = new Map<string, string[]>();
  for (const r of rows) if (!context.has(r[q]) && r[question]) context.set(r[q], [r[question]]);
  return { answers: rows.map((r) => ({ id: r[id], question: r[q], answer: r[answer] ?? "", label: r[label] })), context };
}

function loadPowergrading(): DataSet {
  const context = new Map<string, string[]>();
  const [, ...keys] = readTsv("powergrading/questions_answer_key.tsv");
  for (const [question, text, ...accepted] of keys) context.set(question, [text, ...accepted].filter((t) => t && t.trim()));
  return { answers: loadPowergradingAnswers(), context };
}

function loadPowergradingAnswers(): LabelledAnswer[] {
  const [, ...rows] = readTsv("powergrading/studentanswers_grades_698.tsv");
  const out: LabelledAnswer[] = [];
  for (const [student, question, answer, ...grades] of rows) {
    const marks = grades.slice(0, 3).map(Number).filter((g) => g === 0 || g === 1);
    if (marks.length === 0) continue; // question not graded
    const ones = marks.filter((g) => g === 1).length;
    const zeros = marks.length - ones;
    if (ones === zeros) continue; // no majority
    out.push({ id: `${student}:${question}`, question, answer: answer ?? "", label: ones > zeros ? "correct" : "incorrect" });
  }
  return out;
}

function baseline(data: LabelledAnswer[]): string[] {
  return data.map((d) => d.answer.trim().toLowerCase());
}

/** Not a method: the purity one gets for free by putting each question's answers in a single group. */
function oneGroupPerQuestion(data: LabelledAnswer[]): string[] {
  return data.map(() => "all");
}

/** Wall-clock time to cluster 1,000 answers as ONE set (median and fastest of 7, after three warm-up runs). */
function timeThousand(data: LabelledAnswer[]): { ms: number; fastestMs: number; distinct: number; groups: number } {
  const answers = data.slice(0, 1000).map((d) => ({ id: d.id, text: d.answer }));
  for (let i = 0; i < 3; i++) clusterAnswers(answers);
  const times: number[] = [];
  let groups = 0;
  for (let i = 0; i < 7; i++) {
    const start = performance.now();
    groups = clusterAnswers(answers).length;
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const distinct = new Set(answers.map((a) => a.text.trim().toLowerCase())).size;
  return { ms: times[3], fastestMs: times[0], distinct, groups };
}

function figures(data: LabelledAnswer[], clusters: string[]): GroupingFigures {
  return groupingFigures(data.map((d, i) => ({ question: d.question, cluster: clusters[i], label: d.label })));
}

function line(name: string, f: GroupingFigures, ms?: number): string {
  return [
    name.padEnd(34),
    `purity ${f.purity.toFixed(3)}`,
    `groups ${String(f.groups).padStart(5)} / answers ${String(f.answers).padStart(5)}`,
    `answers/group ${f.answersPerGroup.toFixed(2).padStart(6)}`,
    `ARI ${f.adjustedRandIndex.toFixed(3)}`,
    ms === undefined ? "" : `(${ms.toFixed(0)} ms)`,
  ].join("  ");
}

function run(data: LabelledAnswer[], options: ClusteringOptions = {}, context?: Map<string, string[]>): { f: GroupingFigures; ms: number } {
  const start = performance.now();
  const clusters = clusterByQuestion(data, options, context);
  const ms = performance.now() - start;
  return { f: figures(data, clusters), ms };
}

/** The app's grouping (app/models/answer-groups.server.ts): WordNet synonyms and the class evidence. */
function appOptions(lexicon: Lexicon): ClusteringOptions {
  return { lexicon, sensesPerWord: DEFAULT_SENSES_PER_WORD };
}

interface Variant {
  name: string;
  options: ClusteringOptions;
  withContext: boolean;
}

const SWEEP_THRESHOLDS = [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.8];

interface CurvePoint {
  threshold: number;
  groups: number;
  purity: number;
  ari: number;
}

/** Linear interpolation of y at x on points sorted by x (clamped at the ends). */
function interpolate(points: Array<[number, number]>, x: number): number {
  const sorted = [...points].sort((a, b) => a[0] - b[0]);
  if (x <= sorted[0][0]) return sorted[0][1];
  for (let i = 1; i < sorted.length; i++) {
    const [x0, y0] = sorted[i - 1];
    const [x1, y1] = sorted[i];
    if (x <= x1) return x1 === x0 ? y1 : y0 + ((y1 - y0) * (x - x0)) / (x1 - x0);
  }
  return sorted[sorted.length - 1][1];
}

/** Groups a curve needs to reach a purity (interpolated between sweep points); null when it never does. */
function groupsAtPurity(curve: CurvePoint[], floor: number): number | null {
  const sorted = [...curve].sort((a, b) => a.groups - b.groups);
  for (let i = 0; i < sorted.length; i++) {
    if (sorted[i].purity >= floor) {
      if (i === 0) return sorted[0].groups;
      const a = sorted[i - 1];
      const b = sorted[i];
      return a.groups + ((b.groups - a.groups) * (floor - a.purity)) / (b.purity - a.purity);
    }
  }
  return null;
}

function variants(lexicon: Lexicon | null): Variant[] {
  const list: Variant[] = [
    { name: "before (decision 003)", options: {}, withContext: false },
    { name: "+ class evidence", options: {}, withContext: true },
  ];
  if (lexicon) {
    list.push(
      { name: "+ WordNet (1 sense)", options: { lexicon, sensesPerWord: 1 }, withContext: false },
      { name: "+ WordNet (2 senses)", options: { lexicon, sensesPerWord: 2 }, withContext: false },
      { name: "+ WordNet (1) + class evidence", options: { lexicon, sensesPerWord: 1 }, withContext: true },
      { name: "+ WordNet (2) + class evidence", options: { lexicon, sensesPerWord: 2 }, withContext: true },
    );
  }
  return list;
}

function sweepVariants(set: DataSet, lexicon: Lexicon | null) {
  const curves = new Map<string, CurvePoint[]>();
  for (const v of variants(lexicon)) {
    const curve: CurvePoint[] = [];
    let ms = 0;
    for (const threshold of SWEEP_THRESHOLDS) {
      const r = run(set.answers, { ...v.options, threshold }, v.withContext ? set.context : undefined);
      ms += r.ms;
      curve.push({ threshold, groups: r.f.groups, purity: r.f.purity, ari: r.f.adjustedRandIndex });
    }
    curves.set(v.name, curve);
    console.log(`  curve: ${v.name} (${(ms / SWEEP_THRESHOLDS.length).toFixed(0)} ms per run)`);
    console.log(`    ${curve.map((p) => `${p.threshold.toFixed(2)}: ${p.groups}g ${p.purity.toFixed(3)} ARI ${p.ari.toFixed(3)}`).join(" | ")}`);
  }
  const base = curves.get("before (decision 003)")!;
  const basePurity = base.map((p) => [p.groups, p.purity] as [number, number]);
  const baseAt90 = groupsAtPurity(base, 0.9);
  const defaultPurity = base.find((p) => p.threshold === DEFAULT_CLUSTER_THRESHOLD)!.purity;
  for (const [name, curve] of curves) {
    if (name === "before (decision 003)") continue;
    const deltas = curve.map((p) => p.purity - interpolate(basePurity, p.groups));
    const mean = deltas.reduce((s, d) => s + d, 0) / deltas.length;
    const at90 = groupsAtPurity(curve, 0.9);
    console.log(`    purity minus before at the same groups, per threshold: ${curve.map((p, i) => `${p.threshold.toFixed(2)} ${deltas[i] >= 0 ? "+" : ""}${deltas[i].toFixed(4)}`).join(", ")}`);
    console.log(
      `  vs before: ${name.padEnd(32)} purity at the same groups: mean ${mean >= 0 ? "+" : ""}${mean.toFixed(4)}, min ${Math.min(...deltas).toFixed(4)}, max ${Math.max(...deltas).toFixed(4)}; groups at purity 0.90: ${at90 === null ? "never" : at90.toFixed(0)} (before ${baseAt90 === null ? "never" : baseAt90.toFixed(0)}); at before's purity at 0.55 ${defaultPurity.toFixed(4)}: ${groupsAtPurity(curve, defaultPurity)?.toFixed(0) ?? "never"} (before ${groupsAtPurity(base, defaultPurity)?.toFixed(0)})`,
    );
  }
}

/** Per question: the grouping's groups as lists of answer ids. */
function groupsByQuestion(data: LabelledAnswer[], clusters: string[]): Map<string, string[][]> {
  const out = new Map<string, Map<string, string[]>>();
  data.forEach((d, i) => {
    const q = out.get(d.question) ?? new Map<string, string[]>();
    const g = q.get(clusters[i]) ?? [];
    g.push(d.id);
    q.set(clusters[i], g);
    out.set(d.question, q);
  });
  return new Map([...out].map(([q, groups]) => [q, [...groups.values()]]));
}

function effort(set: DataSet, lexicon: Lexicon) {
  const byQuestion = new Map<string, LabelledAnswer[]>();
  for (const d of set.answers) byQuestion.set(d.question, [...(byQuestion.get(d.question) ?? []), d]);
  const exact = groupsByQuestion(set.answers, baseline(set.answers));
  const grouped = groupsByQuestion(set.answers, clusterByQuestion(set.answers, appOptions(lexicon), set.context));
  const total = (parts: EffortCount[]) =>
    parts.reduce((s, c) => ({
      answers: s.answers + c.answers,
      actions: s.actions + c.actions,
      names: s.names + c.names,
      moves: s.moves + c.moves,
      confirms: s.confirms + c.confirms,
      rejects: s.rejects + c.rejects,
    }));
  const show = (name: string, c: EffortCount, ms?: number) =>
    console.log(
      `  ${name.padEnd(52)} ${(c.actions / c.answers).toFixed(3)} actions/answer  (${c.actions}: ${c.names} names, ${c.moves} moves, ${c.confirms} confirms, ${c.rejects} rejects)${ms === undefined ? "" : `  ${ms.toFixed(0)} ms`}`,
    );
  const simulate = (
    groups: Map<string, string[][]>,
    suggestions?: { threshold: number; confirmAll: boolean; evidence: boolean; lexicon?: Lexicon | null; maxGroupSize: number; rivals?: boolean; limit?: number },
  ) => {
    const parts: EffortCount[] = [];
    for (const [question, data] of byQuestion) {
      const answers = data.map((d) => ({ id: d.id, label: d.label }));
      // Suggested: answers the grouping left in small groups (as the page does).
      const small = new Set((groups.get(question) ?? []).filter((g) => g.length <= (suggestions?.maxGroupSize ?? 0)).flat());
      if (!suggestions) {
        parts.push(simulateGradingEffort(answers, groups.get(question)!));
        continue;
      }
      const context = set.context.get(question) ?? [];
      const suggester = createAnswerSuggester(
        data.map((d) => ({ id: d.id, text: d.answer })),
        { context: suggestions.evidence ? context : undefined, lexicon: suggestions.lexicon ?? null },
      );
      // The reference answers say what a correct answer is called: evidence for the group named "correct".
      const evidenceFor = (label: string) => (suggestions.evidence && label === "correct" ? context : []);
      const suggest = (label: string, placedIds: readonly string[], candidateIds: readonly string[], others: ReadonlyMap<string, readonly string[]>) =>
        suggester
          .suggest(
            { placedIds, evidence: evidenceFor(label) },
            {
              candidateIds: candidateIds.filter((id) => small.has(id)),
              minSimilarity: suggestions.threshold,
              limit: suggestions.limit ?? SUGGESTIONS_PER_GROUP,
              rivals: suggestions.rivals ? [...others].filter(([l]) => l !== label).map(([l, ids]) => ({ placedIds: ids, evidence: evidenceFor(l) })) : [],
            },
          )
          .map((s) => s.id);
      parts.push(simulateGradingEffort(answers, groups.get(question)!, suggest, { confirmAll: suggestions.confirmAll }));
    }
    return total(parts);
  };
  show("exact-match groups", simulate(exact));
  show("grouping alone (no suggestions)", simulate(grouped));
  const variants: Array<{ maxGroupSize: number; threshold: number; rivals: boolean; limit: number }> = [
    ...[0.25, 0.3, DEFAULT_SUGGESTION_THRESHOLD, 0.45, 0.55].map((threshold) => ({ maxGroupSize: 1, threshold, rivals: false, limit: 5 })),
    { maxGroupSize: 1, threshold: DEFAULT_SUGGESTION_THRESHOLD, rivals: false, limit: 3 },
    { maxGroupSize: 1, threshold: DEFAULT_SUGGESTION_THRESHOLD, rivals: true, limit: 5 },
    { maxGroupSize: 2, threshold: DEFAULT_SUGGESTION_THRESHOLD, rivals: false, limit: 5 },
    { maxGroupSize: Infinity, threshold: DEFAULT_SUGGESTION_THRESHOLD, rivals: false, limit: 5 },
  ];
  for (const v of variants) {
    const start = performance.now();
    const c = simulate(grouped, { ...v, confirmAll: true, evidence: true, lexicon });
    const name = `+ suggestions ≥ ${v.threshold.toFixed(2)} from groups ≤ ${v.maxGroupSize}, ${v.limit} at a time${v.rivals ? ", not closer to another" : ""}, add all`;
    show(name, c, performance.now() - start);
  }
  const chosen = { threshold: DEFAULT_SUGGESTION_THRESHOLD, maxGroupSize: DEFAULT_SUGGESTION_MAX_GROUP_SIZE, rivals: false, limit: SUGGESTIONS_PER_GROUP };
  const label = `≥ ${chosen.threshold}, groups ≤ ${chosen.maxGroupSize}, ${chosen.limit} at a time`;
  show(`app: grouping + suggestions (${label}), add all`, simulate(grouped, { ...chosen, confirmAll: true, evidence: true, lexicon }));
  show(`app: the same, one click each`, simulate(grouped, { ...chosen, confirmAll: false, evidence: true, lexicon }));
  show(`app without class evidence or WordNet in the suggestions`, simulate(grouped, { ...chosen, confirmAll: true, evidence: false }));
}

function main() {
  const sweep = process.argv.includes("--sweep");
  const withEffort = process.argv.includes("--effort");
  const sets: Array<[string, () => DataSet]> = [
    ["Powergrading (graded questions)", loadPowergrading],
    ["SemEval-2013 train (3-way)", loadSemEval],
  ];
  console.log(`Data: ${dataDir}`);
  console.log(
    `App setting: TF-IDF stems + character 3-grams (${CHAR_NGRAM_WEIGHT}), cosine, average linkage, similarity threshold ${DEFAULT_CLUSTER_THRESHOLD}`,
  );
  const wn = loadWordNet();
  const lexicon = wn.lexicon;
  console.log(`WordNet 3.1 index loaded (first use) in ${wn.ms.toFixed(0)} ms; the app groups with its synonyms (first sense) and the class evidence`);
  const summary: Record<string, unknown> = {};
  for (const [name, load] of sets) {
    const set = load();
    const data = set.answers;
    const questions = new Set(data.map((d) => d.question)).size;
    console.log(`\n${name}: ${data.length} answers, ${questions} questions`);
    const app = run(data, appOptions(lexicon), set.context);
    const before = run(data);
    const base = figures(data, baseline(data));
    console.log(line("  app clustering", app.f, app.ms));
    console.log(line("  without WordNet and class evidence", before.f, before.ms));
    console.log(line("  baseline (exact, lower-cased)", base));
    console.log(line("  reference: one group per question", figures(data, oneGroupPerQuestion(data))));
    summary[name] = { app: app.f, withoutWordNetOrEvidence: before.f, baseline: base };
    if (sweep) {
      for (const threshold of SWEEP_THRESHOLDS) {
        for (const linkage of ["average", "complete"] as const) {
          const r = run(data, { threshold, linkage });
          console.log(line(`    ${linkage} ${threshold.toFixed(2)}`, r.f, r.ms));
        }
      }
      sweepVariants(set, lexicon);
    }
    if (withEffort) {
      console.log("  simulated grading effort (every answer labelled):");
      effort(set, lexicon);
    }
  }
  const semeval = loadSemEval().answers;
  const speed = timeThousand(semeval);
  console.log(
    `\nTime to cluster 1,000 answers (the first 1,000 SemEval answers as one set, ${speed.distinct} distinct, ${speed.groups} groups): ${speed.ms.toFixed(0)} ms median of 7, fastest ${speed.fastestMs.toFixed(0)} ms`,
  );
  summary["clusterThousandMs"] = Math.round(speed.ms);
  {
    const answers = semeval.slice(0, 1000).map((d) => ({ id: d.id, text: d.answer }));
    const times: number[] = [];
    for (let i = 0; i < 7; i++) {
      const start = performance.now();
      clusterAnswers(answers, { lexicon });
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    console.log(`Time to cluster the same 1,000 answers with WordNet synonyms (lexicon loaded): ${times[3].toFixed(0)} ms median of 7, fastest ${times[0].toFixed(0)} ms`);
    summary["clusterThousandWordNetMs"] = Math.round(times[3]);
    const suggestTimes: number[] = [];
    for (let i = 0; i < 7; i++) {
      const start = performance.now();
      const suggester = createAnswerSuggester(answers, { lexicon });
      suggester.suggest({ placedIds: answers.slice(0, 20).map((a) => a.id), evidence: ["a misconception's name and description"] });
      suggestTimes.push(performance.now() - start);
    }
    suggestTimes.sort((a, b) => a - b);
    console.log(
      `Time to weigh the same 1,000 answers for suggestions and rank them for one group of 20: ${suggestTimes[3].toFixed(0)} ms median of 7, fastest ${suggestTimes[0].toFixed(0)} ms`,
    );
    summary["suggestThousandMs"] = Math.round(suggestTimes[3]);
  }
  console.log(`\n${JSON.stringify(summary)}`);
}

try {
  main();
} catch (error) {
  console.error(`eval:clusters: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
