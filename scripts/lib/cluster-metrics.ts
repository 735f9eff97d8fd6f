// Measures of how well a grouping of answers agrees with known labels. Pure.

function countBy<T>(items: ReadonlyArray<T>): Map<T, number> {
  const counts = new Map<T, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return counts;
}

function assertSameLength(a: ReadonlyArray<unknown>, b: ReadonlyArray<unknown>) {
  if (a.length !== b.length) throw new Error(`Expected as many clusters as labels, got ${a.length} and ${b.length}.`);
}

/**
 * Size-weighted label purity: each group counts its most common label; the sum
 * over groups divided by the number of answers. 1 when no group mixes labels.
 */
export function purity(clusters: ReadonlyArray<string>, labels: ReadonlyArray<string>): number {
  assertSameLength(clusters, labels);
  if (clusters.length === 0) return 1;
  const byCluster = new Map<string, string[]>();
  clusters.forEach((c, i) => {
    const list = byCluster.get(c) ?? [];
    list.push(labels[i]);
    byCluster.set(c, list);
  });
  let majority = 0;
  for (const members of byCluster.values()) majority += Math.max(...countBy(members).values());
  return majority / clusters.length;
}

const pairs = (n: number) => (n * (n - 1)) / 2;

/**
 * Adjusted Rand index (Hubert and Arabie 1985) between a grouping and the
 * labels: 1 for the same partition, about 0 for chance agreement, possibly
 * negative. When both partitions are trivial in the same way (or n < 2) it is 1.
 */
export function adjustedRandIndex(clusters: ReadonlyArray<string>, labels: ReadonlyArray<string>): number {
  assertSameLength(clusters, labels);
  const n = clusters.length;
  if (n < 2) return 1;
  const joint = countBy(clusters.map((c, i) => JSON.stringify([c, labels[i]])));
  const index = [...joint.values()].reduce((s, x) => s + pairs(x), 0);
  const sumA = [...countBy(clusters).values()].reduce((s, x) => s + pairs(x), 0);
  const sumB = [...countBy(labels).values()].reduce((s, x) => s + pairs(x), 0);
  const expected = (sumA * sumB) / pairs(n);
  const max = (sumA + sumB) / 2;
  if (max === expected) return 1;
  return (index - expected) / (max - expected);
}

export interface GroupingFigures {
  answers: number;
  groups: number;
  /** Answers per group: how many times fewer items a teacher reads. */
  answersPerGroup: number;
  purity: number;
  /** Per-question adjusted Rand index, averaged with answers as weights. */
  adjustedRandIndex: number;
}

/** Figures for a data set clustered question by question (cluster ids need only be unique within a question). */
export function groupingFigures(rows: ReadonlyArray<{ question: string; cluster: string; label: string }>): GroupingFigures {
  const byQuestion = new Map<string, { clusters: string[]; labels: string[] }>();
  for (const r of rows) {
    const q = byQuestion.get(r.question) ?? { clusters: [], labels: [] };
    q.clusters.push(r.cluster);
    q.labels.push(r.label);
    byQuestion.set(r.question, q);
  }
  let groups = 0;
  let majorityWeighted = 0;
  let ariWeighted = 0;
  for (const q of byQuestion.values()) {
    groups += new Set(q.clusters).size;
    majorityWeighted += purity(q.clusters, q.labels) * q.clusters.length;
    ariWeighted += adjustedRandIndex(q.clusters, q.labels) * q.clusters.length;
  }
  const answers = rows.length;
  return {
    answers,
    groups,
    answersPerGroup: groups === 0 ? 0 : answers / groups,
    purity: answers === 0 ? 1 : majorityWeighted / answers,
    adjustedRandIndex: answers === 0 ? 1 : ariWeighted / answers,
  };
}
