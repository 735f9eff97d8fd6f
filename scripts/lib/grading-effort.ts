// Simulated grading effort (decision 003): how many actions a teacher needs
// until every answer to a question carries its label, starting from a grouping
// and optionally helped by suggestions. Pure.
//
// The simulated teacher repeats: name the largest group of answers that carry
// no label yet by its majority label (one action; its answers with that label
// take it); move each misplaced answer of it to its own label's group (one
// action each). With suggestions, after each naming the teacher reviews the
// answers suggested for that label's group, a batch at a time: rejects each
// wrong one (one action, never suggested again for that label) and confirms
// the right ones, either one click each or all at once with one click (the
// page's "Add all"), and stops at a batch with nothing right in it.

export interface EffortAnswer {
  id: string;
  label: string;
}

/**
 * Ranked ids of the candidates most likely to belong with `placedIds` (at most
 * one batch); `placedByLabel` holds every label's placed answers so far.
 */
export type SuggestFn = (
  label: string,
  placedIds: readonly string[],
  candidateIds: readonly string[],
  placedByLabel: ReadonlyMap<string, readonly string[]>,
) => string[];

export interface EffortCount {
  answers: number;
  actions: number;
  names: number;
  moves: number;
  confirms: number;
  rejects: number;
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function majority(labels: string[]): string {
  const counts = new Map<string, number>();
  for (const l of labels) counts.set(l, (counts.get(l) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || byString(a[0], b[0]))[0][0];
}

export function simulateGradingEffort(
  answers: readonly EffortAnswer[],
  groups: readonly (readonly string[])[],
  suggest?: SuggestFn,
  options: { confirmAll?: boolean } = {},
): EffortCount {
  const labelOf = new Map(answers.map((a) => [a.id, a.label]));
  const unlabelled = new Set(answers.map((a) => a.id));
  const placed = new Map<string, string[]>();
  const rejected = new Map<string, Set<string>>();
  const count: EffortCount = { answers: answers.length, actions: 0, names: 0, moves: 0, confirms: 0, rejects: 0 };
  const place = (id: string, label: string) => {
    unlabelled.delete(id);
    const list = placed.get(label) ?? [];
    list.push(id);
    placed.set(label, list);
  };
  const remaining = groups.map((g) => [...g]);
  while (unlabelled.size > 0) {
    let best = -1;
    let bestSize = 0;
    remaining.forEach((g, i) => {
      const size = g.reduce((s, id) => s + (unlabelled.has(id) ? 1 : 0), 0);
      if (size > bestSize) {
        best = i;
        bestSize = size;
      }
    });
    if (best < 0) break; // answers in no group: cannot happen with a partition
    const members = remaining[best].filter((id) => unlabelled.has(id));
    remaining[best] = [];
    const label = majority(members.map((id) => labelOf.get(id)!));
    count.names++;
    for (const id of members) {
      const truth = labelOf.get(id)!;
      if (truth !== label) count.moves++;
      place(id, truth);
    }
    if (!suggest) continue;
    const no = rejected.get(label) ?? new Set<string>();
    rejected.set(label, no);
    for (;;) {
      const candidates = [...unlabelled].filter((id) => !no.has(id));
      if (candidates.length === 0) break;
      const batch = suggest(label, placed.get(label) ?? [], candidates, placed);
      if (batch.length === 0) break;
      const right = batch.filter((id) => labelOf.get(id) === label);
      for (const id of batch) {
        if (labelOf.get(id) !== label) {
          count.rejects++;
          no.add(id);
        }
      }
      if (right.length === 0) break;
      count.confirms += options.confirmAll ? 1 : right.length;
      for (const id of right) place(id, label);
    }
  }
  count.actions = count.names + count.moves + count.confirms + count.rejects;
  return count;
}
