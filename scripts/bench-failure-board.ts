// How long the failure session's board takes to build (decision 019): the
// grouping of N released setbacks with WordNet's synonyms, the notes and the
// reaction counts, then a student's anonymous view; median of 7 runs per size,
// after WordNet's one-time load. Synthetic setbacks from a small vocabulary, so
// groups form. Run: npx tsx scripts/bench-failure-board.ts
import { performance } from "node:perf_hooks";
import { buildBoard, postCount, studentBoard, type BoardNoteRow, type BoardPostRow } from "~/domain/failure-session";
import { DEFAULT_SENSES_PER_WORD } from "~/domain/insight/text-clustering";
import { loadWordNet } from "~/utils/wordnet.server";

const OPENINGS = ["I forgot to", "I rushed and did not", "I was not sure how to", "I tried to", "I never managed to"];
const TASKS = ["convert the units", "label the axes", "draw the forces", "check my answer", "ask for help", "read the question twice", "use the right formula", "write the working down"];
const WHERE = ["on the cyclist question", "in the lab", "on the last checkpoint", "when time was short", "on the graph", ""];
let seed = 20261211;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = <T,>(items: T[]) => items[Math.floor(random() * items.length)];

function rows(n: number) {
  const posts: BoardPostRow[] = Array.from({ length: n }, (_, i) => ({
    id: crypto.randomUUID(),
    setback: `${pick(OPENINGS)} ${pick(TASKS)} ${pick(WHERE)}`.trim(),
    learned: `Next time I will ${pick(TASKS)} first.`,
    batch: 1 + Math.floor(i / 5),
    authorId: `student-${i % 30}`,
    authorName: `Student ${i % 30}`,
  }));
  const notes: BoardNoteRow[] = posts.slice(0, Math.floor(n / 2)).map((p, i) => ({ id: crypto.randomUUID(), postId: p.id, text: `What helped me: ${pick(TASKS)}.`, batch: 99, authorId: `student-${(i + 7) % 30}`, authorName: "x" }));
  const reactions = posts.flatMap((p, i) => (i % 3 === 0 ? [{ postId: p.id, studentId: `student-${(i + 1) % 30}`, kind: "ME_TOO" }] : []));
  return { posts, notes, reactions };
}

const wordnet = loadWordNet();
console.log(`WordNet loaded once in ${Math.round(wordnet.ms)} ms`);
const clustering = { lexicon: wordnet.lexicon, sensesPerWord: DEFAULT_SENSES_PER_WORD };
const figures: Record<string, number> = {};
for (const n of [30, 100, 300]) {
  const input = rows(n);
  const times: number[] = [];
  let groups = 0;
  for (let run = 0; run < 7; run++) {
    const start = performance.now();
    const board = buildBoard(input, clustering);
    const view = studentBoard(board, { studentId: "student-1", reactions: input.reactions });
    times.push(performance.now() - start);
    groups = view.length;
    if (postCount(view) !== n) throw new Error("a post went missing");
  }
  const median = times.sort((a, b) => a - b)[3];
  figures[`board_${n}_ms`] = Math.round(median * 10) / 10;
  console.log(`${n} posts: ${median.toFixed(1)} ms (median of 7), ${groups} groups`);
}
console.log(JSON.stringify(figures));
