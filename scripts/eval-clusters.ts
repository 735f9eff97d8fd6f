// npm run eval:clusters [-- --sweep]
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
// trimming). --sweep also prints the figures over a range of thresholds.
//
// Data directory: REBOUND_DATA_DIR, else ../shared/data from the repository root.
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import {
  CHAR_NGRAM_WEIGHT,
  clusterAnswers,
  clusterByQuestion,
  DEFAULT_CLUSTER_THRESHOLD,
  type ClusteringOptions,
} from "../app/domain/insight/text-clustering";
import { groupingFigures, type GroupingFigures } from "./lib/cluster-metrics";

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

function loadSemEval(): LabelledAnswer[] {
  const [header, ...rows] = readTsv("semeval2013/train_3way.tsv");
  const col = (name: string) => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`semeval2013/train_3way.tsv has no column ${name}`);
    return i;
  };
  const [q, id, label, answer] = [col("question_id"), col("answer_id"), col("label_3way"), col("answer")];
  return rows.map((r) => ({ id: r[id], question: r[q], answer: r[answer] ?? "", label: r[label] }));
}

function loadPowergrading(): LabelledAnswer[] {
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

function run(data: LabelledAnswer[], options: ClusteringOptions = {}): { f: GroupingFigures; ms: number } {
  const start = performance.now();
  const clusters = clusterByQuestion(data, options);
  const ms = performance.now() - start;
  return { f: figures(data, clusters), ms };
}

function main() {
  const sweep = process.argv.includes("--sweep");
  const sets: Array<[string, () => LabelledAnswer[]]> = [
    ["Powergrading (graded questions)", loadPowergrading],
    ["SemEval-2013 train (3-way)", loadSemEval],
  ];
  console.log(`Data: ${dataDir}`);
  console.log(
    `App setting: TF-IDF stems + character 3-grams (${CHAR_NGRAM_WEIGHT}), cosine, average linkage, similarity threshold ${DEFAULT_CLUSTER_THRESHOLD}`,
  );
  const summary: Record<string, unknown> = {};
  for (const [name, load] of sets) {
    const data = load();
    const questions = new Set(data.map((d) => d.question)).size;
    console.log(`\n${name}: ${data.length} answers, ${questions} questions`);
    const app = run(data);
    const base = figures(data, baseline(data));
    console.log(line("  app clustering", app.f, app.ms));
    console.log(line("  baseline (exact, lower-cased)", base));
    console.log(line("  reference: one group per question", figures(data, oneGroupPerQuestion(data))));
    summary[name] = { app: app.f, baseline: base };
    if (sweep) {
      for (const threshold of [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.8]) {
        for (const linkage of ["average", "complete"] as const) {
          const r = run(data, { threshold, linkage });
          console.log(line(`    ${linkage} ${threshold.toFixed(2)}`, r.f, r.ms));
        }
      }
    }
  }
  const semeval = loadSemEval();
  const speed = timeThousand(semeval);
  console.log(
    `\nTime to cluster 1,000 answers (the first 1,000 SemEval answers as one set, ${speed.distinct} distinct, ${speed.groups} groups): ${speed.ms.toFixed(0)} ms median of 7, fastest ${speed.fastestMs.toFixed(0)} ms`,
  );
  summary["clusterThousandMs"] = Math.round(speed.ms);
  console.log(`\n${JSON.stringify(summary)}`);
}

try {
  main();
} catch (error) {
  console.error(`eval:clusters: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
