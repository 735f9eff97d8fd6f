// Groups the free-text answers to ONE checkpoint so that a teacher reads a
// handful of groups instead of every answer. Pure and deterministic: the same
// answers give the same groups, in any order; nothing is downloaded.
//
// Pipeline (see docs/decisions/003-answer-clustering.md for the measurements):
// 1. Normalise and tokenise (text-normalize.ts): unicode folding, lower case,
//    contractions spelled out, number words as digits, negation scopes marked.
// 2. Answers with the same normalised words are one "form" and always stay
//    together; every later step works on forms, weighted by how many answers
//    share them.
// 3. Spelling: a word one edit (two for long words) away from a word with the
//    same first letter that is at least twice as common among these answers is
//    read as that word ("seperated" → "separated", "congres" → "congress").
// 4. Terms: Porter2 stems of the content words (stop words dropped, negations
//    and comparisons kept); a word inside a negation scope is a different term
//    ("not connected" ≠ "connected"). Weighted by TF-IDF (sublinear tf, smoothed
//    idf over the forms), joined with character 3-grams of the words (weight
//    CHAR_NGRAM_WEIGHT) to catch the misspellings step 3 leaves, and L2-normalised.
// 5. Similarity is the cosine; forms are grouped by agglomerative clustering
//    with average linkage, stopping at a similarity THRESHOLD (not at a fixed
//    number of groups). The exact nearest-neighbour-chain algorithm keeps this
//    O(n²) in the number of distinct forms. Above MAX_FORMS_FOR_AGGLOMERATIVE
//    distinct forms (far more than a class writes for one checkpoint) a
//    one-pass leader clustering with the same threshold takes over, to bound
//    memory.

import { analyzeText, isNegator, isStopWord, type AnalyzedText } from "~/domain/insight/text-normalize";
import { stemWord } from "~/domain/insight/text-stemmer";
import { synonymRepresentatives, type Lexicon } from "~/domain/insight/word-senses";

/**
 * The one setting the app uses: two groups join while the average cosine
 * similarity between their answers is at least this. Chosen on the shared
 * training data (npm run eval:clusters -- --sweep) as the round value at which
 * label purity stays at 0.9 or more on BOTH Powergrading and SemEval-2013
 * (0.52 is the lowest that does, 0.55 leaves a margin); Powergrading then
 * reads about 7.6 times fewer groups than answers.
 */
export const DEFAULT_CLUSTER_THRESHOLD = 0.55;
/** Share of the vector given to character 3-grams (the rest is word stems). */
export const CHAR_NGRAM_WEIGHT = 0.3;
/** WordNet senses per part of speech that make two words synonyms (see ClusteringOptions.lexicon). */
export const DEFAULT_SENSES_PER_WORD = 1;
/** Above this many distinct forms, a single-pass leader clustering replaces the O(n²) one. */
export const MAX_FORMS_FOR_AGGLOMERATIVE = 3000;

export type Linkage = "average" | "complete";

export interface ClusteringOptions {
  /** Similarity (0–1) two groups need to join. Default DEFAULT_CLUSTER_THRESHOLD. */
  threshold?: number;
  linkage?: Linkage;
  /** 0–1, default CHAR_NGRAM_WEIGHT. 0 = word stems only. */
  charNgramWeight?: number;
  /** Read rare misspellings as their common neighbour. Default true. */
  spellingCorrection?: boolean;
  /** Representative answers per group, default 3. */
  maxRepresentatives?: number;
  /** Key terms per group, default 3. */
  maxKeyTerms?: number;
  /** Distinct forms up to which the exact agglomerative clustering runs. Default MAX_FORMS_FOR_AGGLOMERATIVE. */
  maxFormsForAgglomerative?: number;
  /**
   * Synonym evidence (WordNet, see word-senses.ts): a word is read as its most
   * common synonym among these answers ("larger" as "bigger"). Default none
   * (this module reads no files); the app passes the WordNet lexicon, which
   * with the class evidence measured a little better on both shared data sets
   * (decision 003).
   */
  lexicon?: Lexicon | null;
  /** Senses per part of speech that count for synonyms (WordNet lists the most frequent first). Default DEFAULT_SENSES_PER_WORD. */
  sensesPerWord?: number;
  /**
   * Class evidence: texts that say what the ideas are called (the model
   * answer, misconception names, descriptions and next steps, answers the
   * teacher placed in groups). They weigh the words and are spelling and
   * synonym targets, but are not grouped themselves.
   */
  context?: ReadonlyArray<string>;
}

export interface TextAnswer {
  id: string;
  text: string;
}

export interface AnswerGroup {
  /** Stable: derived from the group's alphabetically first normalised answer, so it does not depend on input order. */
  id: string;
  /** Ids of the answers in the group, sorted. */
  answerIds: string[];
  size: number;
  /** Up to three distinct answers closest to the group's centre, closest first. */
  representatives: TextAnswer[];
  /** Highest-weighted terms, in a form a person wrote them ("not connected", "battery"). */
  keyTerms: string[];
}

// ---------------------------------------------------------------------------
// Vector space over a set of answers

interface SparseVector {
  idx: Int32Array;
  val: Float64Array;
}

interface Form {
  key: string;
  analyzed: AnalyzedText;
  /** How many answers have this form. */
  count: number;
}

interface TermOccurrence {
  feature: string;
  display: string;
  isWord: boolean;
}

interface Settings {
  threshold: number;
  linkage: Linkage;
  charNgramWeight: number;
  spellingCorrection: boolean;
  maxRepresentatives: number;
  maxKeyTerms: number;
  maxFormsForAgglomerative: number;
  lexicon: Lexicon | null;
  sensesPerWord: number;
}

function settingsFrom(options: ClusteringOptions = {}): Settings {
  const clamp = (x: number) => Math.min(1, Math.max(0, x));
  return {
    threshold: options.threshold ?? DEFAULT_CLUSTER_THRESHOLD,
    linkage: options.linkage ?? "average",
    charNgramWeight: clamp(options.charNgramWeight ?? CHAR_NGRAM_WEIGHT),
    spellingCorrection: options.spellingCorrection ?? true,
    maxRepresentatives: options.maxRepresentatives ?? 3,
    maxKeyTerms: options.maxKeyTerms ?? 3,
    maxFormsForAgglomerative: options.maxFormsForAgglomerative ?? MAX_FORMS_FOR_AGGLOMERATIVE,
    lexicon: options.lexicon ?? null,
    sensesPerWord: options.sensesPerWord ?? DEFAULT_SENSES_PER_WORD,
  };
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const MIN_CORRECTION_TARGET_COUNT = 2;
const CORRECTION_RATIO = 2;

/** Optimal-string-alignment distance (adjacent swaps count once), or max+1 when above max. */
export function editDistanceWithin(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = a.length;
  const m = b.length;
  let prev2 = new Array<number>(m + 1).fill(0);
  let prev = Array.from({ length: m + 1 }, (_, j) => j);
  let cur = new Array<number>(m + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= m; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[m] <= max ? prev[m] : max + 1;
}

function correctable(word: string): boolean {
  return word.length >= 5 && /^[a-z]+$/.test(word) && !isStopWord(word) && !isNegator(word);
}

/**
 * Reads rare words as a much more common word a typo away, within one set of
 * answers. Deterministic: nearest first, then most common, then alphabetical.
 */
class SpellingCorrector {
  private readonly byFirstLetter = new Map<string, Array<[string, number]>>();
  private readonly cache = new Map<string, string>();

  constructor(private readonly vocabulary: ReadonlyMap<string, number>) {
    const targets = [...vocabulary.entries()]
      .filter(([w, c]) => c >= MIN_CORRECTION_TARGET_COUNT && correctable(w))
      .sort((a, b) => b[1] - a[1] || byString(a[0], b[0]));
    for (const t of targets) {
      const list = this.byFirstLetter.get(t[0][0]) ?? [];
      list.push(t);
      this.byFirstLetter.set(t[0][0], list);
    }
  }

  correct(word: string): string {
    const hit = this.cache.get(word);
    if (hit !== undefined) return hit;
    let best = word;
    if (correctable(word)) {
      const count = this.vocabulary.get(word) ?? 0;
      const max = word.length >= 8 ? 2 : 1;
      let bestDistance = max + 1;
      for (const [target, targetCount] of this.byFirstLetter.get(word[0]) ?? []) {
        if (targetCount < CORRECTION_RATIO * Math.max(count, 1) || target === word) continue;
        if (Math.abs(target.length - word.length) > max) continue;
        const d = editDistanceWithin(word, target, max);
        if (d < bestDistance) {
          bestDistance = d;
          best = target;
        }
      }
    }
    this.cache.set(word, best);
    return best;
  }
}

/** A corpus of answers to one checkpoint, with its vocabulary and term weights. */
class AnswerSpace {
  readonly features = new Map<string, number>();
  /** Vectors of the forms the space was built from, in their order. */
  readonly formVectors: SparseVector[];
  private readonly isWordFeature: boolean[] = [];
  private readonly df: number[] = [];
  private readonly corrector: SpellingCorrector | null;
  /** Word (after spelling) → the synonym it is read as, when a lexicon is given. */
  private readonly synonyms: Map<string, string> | null;
  private readonly documentCount: number;
  private readonly termCache = new WeakMap<AnalyzedText, TermOccurrence[]>();

  /** `context` forms (class evidence) count for the vocabulary and the word weights but get no vector. */
  constructor(
    forms: ReadonlyArray<Form>,
    private readonly settings: Settings,
    context: ReadonlyArray<Form> = [],
  ) {
    const all = context.length ? [...forms, ...context] : forms;
    const vocabulary = new Map<string, number>();
    for (const form of all) {
      for (const word of new Set(form.analyzed.words)) vocabulary.set(word, (vocabulary.get(word) ?? 0) + form.count);
    }
    this.corrector = settings.spellingCorrection ? new SpellingCorrector(vocabulary) : null;
    this.synonyms = null;
    if (settings.lexicon) {
      const corrected = new Map<string, number>();
      for (const [word, count] of vocabulary) {
        const w = this.corrector ? this.corrector.correct(word) : word;
        corrected.set(w, (corrected.get(w) ?? 0) + count);
      }
      this.synonyms = synonymRepresentatives(corrected, settings.lexicon, {
        sensesPerWord: settings.sensesPerWord,
        eligible: (w) => w.length >= 3 && /^[a-z]+$/.test(w) && !isStopWord(w) && !isNegator(w),
      });
    }
    this.documentCount = all.length;
    const idLists = all.map((form) => this.terms(form.analyzed).map((t) => this.featureId(t.feature, t.isWord)));
    for (const ids of idLists) for (const id of new Set(ids)) this.df[id]++;
    this.formVectors = idLists.slice(0, forms.length).map((ids) => this.weigh(ids, []));
  }

  private featureId(feature: string, isWord: boolean): number {
    let id = this.features.get(feature);
    if (id === undefined) {
      id = this.features.size;
      this.features.set(feature, id);
      this.isWordFeature[id] = isWord;
      this.df[id] = 0;
    }
    return id;
  }

  /** Word-stem terms and character 3-grams of an analysed answer. */
  terms(analyzed: AnalyzedText): TermOccurrence[] {
    const cached = this.termCache.get(analyzed);
    if (cached) return cached;
    const out: TermOccurrence[] = [];
    const { words, negated } = analyzed;
    let firstInScope = false;
    for (let i = 0; i < words.length; i++) {
      const raw = words[i];
      if (isNegator(raw)) {
        out.push({ feature: "w:not", display: "not", isWord: true });
        firstInScope = true;
        continue;
      }
      if (isStopWord(raw)) continue;
      const word = this.corrector ? this.corrector.correct(raw) : raw;
      const neg = negated[i] ? "!" : "";
      // Shown as "not connected" for the word the negation governs; later words in the scope read plainly.
      const display = negated[i] && firstInScope ? `not ${word}` : word;
      firstInScope = false;
      const read = this.synonyms?.get(word) ?? word;
      out.push({ feature: `w:${neg}${stemWord(read)}`, display, isWord: true });
      if (this.settings.charNgramWeight > 0) out.push(...this.charTerms(neg, raw));
    }
    this.termCache.set(analyzed, out);
    return out;
  }

  private readonly charTermCache = new Map<string, TermOccurrence[]>();

  /** Character 3-grams of a word as written (so that misspellings still overlap), in the negation's namespace. */
  private charTerms(neg: string, raw: string): TermOccurrence[] {
    const key = neg + raw;
    let terms = this.charTermCache.get(key);
    if (!terms) {
      terms = [];
      if (/^\p{L}+$/u.test(raw)) {
        const padded = `^${raw}$`;
        for (let k = 0; k + 3 <= padded.length; k++) terms.push({ feature: `c:${neg}${padded.slice(k, k + 3)}`, display: "", isWord: false });
      }
      this.charTermCache.set(key, terms);
    }
    return terms;
  }

  private idf(df: number): number {
    return Math.log((1 + this.documentCount) / (1 + df)) + 1;
  }

  /** The TF-IDF vector of any answer (terms never seen in the corpus lengthen it but match nothing). */
  vector(analyzed: AnalyzedText): SparseVector {
    const ids: number[] = [];
    const unknown = new Map<string, { isWord: boolean; tf: number }>();
    for (const t of this.terms(analyzed)) {
      const id = this.features.get(t.feature);
      if (id !== undefined) ids.push(id);
      else {
        const u = unknown.get(t.feature) ?? { isWord: t.isWord, tf: 0 };
        u.tf++;
        unknown.set(t.feature, u);
      }
    }
    return this.weigh(ids, [...unknown.values()]);
  }

  /** Sublinear tf × idf; the word and character parts each L2-normalised, then mixed. */
  private weigh(ids: number[], unknown: ReadonlyArray<{ isWord: boolean; tf: number }>): SparseVector {
    const sorted = Int32Array.from(ids).sort();
    const idx: number[] = [];
    const val: number[] = [];
    let wordNorm = 0;
    let charNorm = 0;
    for (let k = 0; k < sorted.length; ) {
      const id = sorted[k];
      let tf = 0;
      while (k < sorted.length && sorted[k] === id) {
        tf++;
        k++;
      }
      const w = (1 + Math.log(tf)) * this.idf(this.df[id]);
      idx.push(id);
      val.push(w);
      if (this.isWordFeature[id]) wordNorm += w * w;
      else charNorm += w * w;
    }
    for (const u of unknown) {
      const w = (1 + Math.log(u.tf)) * this.idf(0);
      if (u.isWord) wordNorm += w * w;
      else charNorm += w * w;
    }
    const charShare = charNorm > 0 && wordNorm > 0 ? this.settings.charNgramWeight : charNorm > 0 ? 1 : 0;
    const wordScale = wordNorm > 0 ? Math.sqrt(1 - charShare) / Math.sqrt(wordNorm) : 0;
    const charScale = charNorm > 0 ? Math.sqrt(charShare) / Math.sqrt(charNorm) : 0;
    for (let k = 0; k < idx.length; k++) val[k] *= this.isWordFeature[idx[k]] ? wordScale : charScale;
    return { idx: Int32Array.from(idx), val: Float64Array.from(val) };
  }
}

function dot(a: SparseVector, b: SparseVector): number {
  let i = 0;
  let j = 0;
  let sum = 0;
  while (i < a.idx.length && j < b.idx.length) {
    const x = a.idx[i];
    const y = b.idx[j];
    if (x === y) sum += a.val[i++] * b.val[j++];
    else if (x < y) i++;
    else j++;
  }
  return sum;
}

function dotDense(a: SparseVector, dense: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.idx.length; i++) sum += a.val[i] * dense[a.idx[i]];
  return sum;
}

// ---------------------------------------------------------------------------
// Clustering of forms

/** Pairwise cosine similarities (vectors are unit length) through an inverted index. */
function similarityMatrix(vectors: SparseVector[], featureCount: number): Float32Array {
  const n = vectors.length;
  const start = new Int32Array(featureCount + 1);
  for (const v of vectors) for (let k = 0; k < v.idx.length; k++) start[v.idx[k] + 1]++;
  for (let f = 0; f < featureCount; f++) start[f + 1] += start[f];
  const fill = start.slice(0, featureCount);
  const postingDoc = new Int32Array(start[featureCount]);
  const postingVal = new Float64Array(start[featureCount]);
  vectors.forEach((v, d) => {
    for (let k = 0; k < v.idx.length; k++) {
      const at = fill[v.idx[k]]++;
      postingDoc[at] = d;
      postingVal[at] = v.val[k];
    }
  });
  const sims = new Float32Array(n * n);
  const acc = new Float64Array(n);
  for (let d = 0; d < n; d++) {
    const v = vectors[d];
    for (let k = 0; k < v.idx.length; k++) {
      const w = v.val[k];
      const f = v.idx[k];
      // Postings are in document order: only documents after d are needed.
      for (let p = start[f + 1] - 1; p >= start[f] && postingDoc[p] > d; p--) acc[postingDoc[p]] += w * postingVal[p];
    }
    for (let other = d + 1; other < n; other++) {
      if (acc[other] !== 0) {
        sims[d * n + other] = acc[other];
        sims[other * n + d] = acc[other];
        acc[other] = 0;
      }
    }
  }
  return sims;
}

/**
 * Agglomerative clustering cut at `threshold`, by the nearest-neighbour chain:
 * exact for average and complete linkage, O(n²) time. Returns a cluster root per form.
 */
function agglomerate(sims: Float32Array, weights: number[], threshold: number, linkage: Linkage): Int32Array {
  const n = weights.length;
  const root = Int32Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    while (root[i] !== i) {
      root[i] = root[root[i]];
      i = root[i];
    }
    return i;
  };
  const active = new Uint8Array(n).fill(1);
  const size = Float64Array.from(weights);
  const chain: number[] = [];
  let lowest = 0;
  for (;;) {
    if (chain.length === 0) {
      while (lowest < n && !active[lowest]) lowest++;
      if (lowest >= n) break;
      chain.push(lowest);
    }
    const a = chain[chain.length - 1];
    const prev = chain.length > 1 ? chain[chain.length - 2] : -1;
    let best = prev;
    let bestSim = prev >= 0 ? sims[a * n + prev] : -Infinity;
    const row = a * n;
    for (let x = 0; x < n; x++) {
      if (x === a || !active[x]) continue;
      const s = sims[row + x];
      if (s > bestSim) {
        bestSim = s;
        best = x;
      }
    }
    if (best < 0 || bestSim < threshold) {
      // Nothing on the chain can join anything any more: their best partners are all below the threshold.
      for (const c of chain) active[c] = 0;
      chain.length = 0;
      continue;
    }
    if (best !== prev) {
      chain.push(best);
      continue;
    }
    chain.length -= 2;
    const keep = Math.min(a, prev);
    const drop = Math.max(a, prev);
    const sk = size[keep];
    const sd = size[drop];
    for (let x = 0; x < n; x++) {
      if (!active[x] || x === keep || x === drop) continue;
      const s1 = sims[keep * n + x];
      const s2 = sims[drop * n + x];
      const merged = linkage === "average" ? (sk * s1 + sd * s2) / (sk + sd) : Math.min(s1, s2);
      sims[keep * n + x] = merged;
      sims[x * n + keep] = merged;
    }
    size[keep] = sk + sd;
    active[drop] = 0;
    root[drop] = keep;
  }
  return Int32Array.from({ length: n }, (_, i) => find(i));
}

/**
 * One pass, most common forms first: each form joins the most similar leader at
 * or above the threshold, else leads a new group. Leaders sit in an inverted
 * index, so a form is compared only with leaders that share a term with it.
 */
function leaderClustering(vectors: SparseVector[], weights: number[], threshold: number, featureCount: number): Int32Array {
  const order = vectors.map((_, i) => i).sort((a, b) => weights[b] - weights[a] || a - b);
  const leaders: number[] = [];
  const postingLeader: number[][] = Array.from({ length: featureCount }, () => []);
  const postingVal: number[][] = Array.from({ length: featureCount }, () => []);
  const acc: number[] = [];
  const touched: number[] = [];
  const assigned = new Int32Array(vectors.length);
  for (const i of order) {
    const v = vectors[i];
    for (let k = 0; k < v.idx.length; k++) {
      const ls = postingLeader[v.idx[k]];
      const vs = postingVal[v.idx[k]];
      for (let p = 0; p < ls.length; p++) {
        if (acc[ls[p]] === 0) touched.push(ls[p]);
        acc[ls[p]] += v.val[k] * vs[p];
      }
    }
    let best = -1;
    let bestSim = -Infinity;
    for (const l of touched) {
      // Ties go to the earlier leader, so the result does not depend on the order of `touched`.
      if (acc[l] > bestSim || (acc[l] === bestSim && l < best)) {
        best = l;
        bestSim = acc[l];
      }
      acc[l] = 0;
    }
    touched.length = 0;
    if (best >= 0 && bestSim >= threshold) {
      assigned[i] = leaders[best];
      continue;
    }
    const l = leaders.length;
    leaders.push(i);
    acc.push(0);
    assigned[i] = i;
    for (let k = 0; k < v.idx.length; k++) {
      postingLeader[v.idx[k]].push(l);
      postingVal[v.idx[k]].push(v.val[k]);
    }
  }
  return assigned;
}

function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, "0");
}

interface FormWithAnswers extends Form {
  answers: TextAnswer[];
}

function collectForms(answers: ReadonlyArray<TextAnswer>): FormWithAnswers[] {
  const byKey = new Map<string, FormWithAnswers>();
  for (const answer of answers) {
    const analyzed = analyzeText(answer.text);
    const form = byKey.get(analyzed.key);
    if (form) {
      form.count++;
      form.answers.push(answer);
    } else byKey.set(analyzed.key, { key: analyzed.key, analyzed, count: 1, answers: [answer] });
  }
  // Canonical order: the result cannot depend on the order answers arrive in.
  return [...byKey.values()].sort((a, b) => byString(a.key, b.key));
}

/** The most common way an answer of this form was written (then alphabetical), with its first id. */
function displayAnswer(form: FormWithAnswers): TextAnswer {
  const texts = new Map<string, string[]>();
  for (const a of form.answers) {
    const t = a.text.trim();
    const ids = texts.get(t) ?? [];
    ids.push(a.id);
    texts.set(t, ids);
  }
  const [text, ids] = [...texts.entries()].sort((a, b) => b[1].length - a[1].length || byString(a[0], b[0]))[0];
  return { id: [...ids].sort(byString)[0], text };
}

/**
 * Clusters the answers to one checkpoint. Answers with the same normalised
 * words always share a group. Groups come largest first.
 */
export function clusterAnswers(answers: ReadonlyArray<TextAnswer>, options: ClusteringOptions = {}): AnswerGroup[] {
  const settings = settingsFrom(options);
  const forms = collectForms(answers);
  if (forms.length === 0) return [];
  const context = options.context?.length ? collectForms(options.context.map((text, i) => ({ id: `context-${i}`, text }))) : [];
  const space = new AnswerSpace(forms, settings, context);
  const vectors = space.formVectors;
  const weights = forms.map((f) => f.count);
  const roots =
    forms.length <= settings.maxFormsForAgglomerative
      ? agglomerate(similarityMatrix(vectors, space.features.size), weights, settings.threshold, settings.linkage)
      : leaderClustering(vectors, weights, settings.threshold, space.features.size);

  const members = new Map<number, number[]>();
  roots.forEach((r, i) => {
    const list = members.get(r) ?? [];
    list.push(i);
    members.set(r, list);
  });

  const usedIds = new Set<string>();
  const groups: AnswerGroup[] = [];
  // One dense scratch vector for the groups' centres, cleared after each group.
  const centroid = new Float64Array(space.features.size);
  for (const formIndexes of members.values()) {
    // formIndexes are ascending, and forms are sorted by key: the first is the alphabetically first form.
    let id = `g-${fnv1a(forms[formIndexes[0]].key)}`;
    for (let k = 2; usedIds.has(id); k++) id = `g-${fnv1a(forms[formIndexes[0]].key)}-${k}`;
    usedIds.add(id);

    for (const i of formIndexes) {
      const v = vectors[i];
      for (let k = 0; k < v.idx.length; k++) centroid[v.idx[k]] += forms[i].count * v.val[k];
    }
    const closest =
      settings.maxRepresentatives > 0
        ? formIndexes
            .map((i) => ({ i, score: dotDense(vectors[i], centroid) }))
            .sort((a, b) => b.score - a.score || forms[b.i].count - forms[a.i].count || byString(forms[a.i].key, forms[b.i].key))
            .slice(0, settings.maxRepresentatives)
            .map(({ i }) => displayAnswer(forms[i]))
        : [];
    const terms = settings.maxKeyTerms > 0 ? keyTerms(space, formIndexes.map((i) => forms[i]), centroid, settings.maxKeyTerms) : [];
    for (const i of formIndexes) for (const f of vectors[i].idx) centroid[f] = 0;

    groups.push({
      id,
      answerIds: formIndexes.flatMap((i) => forms[i].answers.map((a) => a.id)).sort(byString),
      size: formIndexes.reduce((s, i) => s + forms[i].count, 0),
      representatives: closest,
      keyTerms: terms,
    });
  }
  return groups.sort((a, b) => b.size - a.size || byString(a.id, b.id));
}

function keyTerms(space: AnswerSpace, forms: Form[], centroid: Float64Array, max: number): string[] {
  const displays = new Map<string, Map<string, number>>();
  for (const form of forms) {
    for (const t of space.terms(form.analyzed)) {
      if (!t.isWord || t.feature === "w:not") continue;
      const byDisplay = displays.get(t.feature) ?? new Map<string, number>();
      byDisplay.set(t.display, (byDisplay.get(t.display) ?? 0) + form.count);
      displays.set(t.feature, byDisplay);
    }
  }
  const ranked = [...displays.keys()]
    .map((feature) => ({ feature, weight: centroid[space.features.get(feature) ?? -1] ?? 0 }))
    .filter((t) => t.weight > 0)
    .sort((a, b) => b.weight - a.weight || byString(a.feature, b.feature));
  if (ranked.length === 0) return [];
  const floor = ranked[0].weight * 0.2;
  return ranked
    .filter((t) => t.weight >= floor)
    .slice(0, max)
    .map((t) => [...displays.get(t.feature)!.entries()].sort((a, b) => b[1] - a[1] || byString(a[0], b[0]))[0][0]);
}

// ---------------------------------------------------------------------------
// Tagging a new answer with the nearest named group

export interface GroupWithAnswers {
  /** The texts of the answers in the group (as the teacher left it). */
  answers: ReadonlyArray<string>;
}

export interface GroupMatch<G> {
  group: G;
  /** Average cosine similarity to the group's answers (1 for an exact match), 0–1. */
  similarity: number;
}

export interface GroupMatcher<G> {
  match(text: string): GroupMatch<G> | null;
}

/**
 * Prepares groups (for example the groups a teacher named as misconceptions) so
 * that new answers can be matched against them. `context` may add other answers
 * to the same checkpoint, to weigh the words better. The similarity to a group
 * is the one the clustering uses to join a single answer to it.
 */
export function createGroupMatcher<G extends GroupWithAnswers>(
  groups: ReadonlyArray<G>,
  options: ClusteringOptions & { context?: ReadonlyArray<string> } = {},
): GroupMatcher<G> {
  const settings = settingsFrom(options);
  const all = [...groups.flatMap((g) => g.answers), ...(options.context ?? [])];
  const forms = collectForms(all.map((text, i) => ({ id: String(i), text })));
  const space = new AnswerSpace(forms, settings);
  const prepared = groups.map((group) => {
    const byKey = new Map<string, { analyzed: AnalyzedText; count: number }>();
    for (const text of group.answers) {
      const analyzed = analyzeText(text);
      const entry = byKey.get(analyzed.key);
      if (entry) entry.count++;
      else byKey.set(analyzed.key, { analyzed, count: 1 });
    }
    const members = [...byKey.values()].map((m) => ({ ...m, vector: space.vector(m.analyzed) }));
    const centroid = new Float64Array(space.features.size);
    for (const m of members) for (let k = 0; k < m.vector.idx.length; k++) centroid[m.vector.idx[k]] += m.count * m.vector.val[k];
    return { group, keys: new Map([...byKey].map(([k, v]) => [k, v.count])), members, centroid, total: group.answers.length };
  });

  return {
    match(text: string): GroupMatch<G> | null {
      const analyzed = analyzeText(text);
      // An answer a group already holds word for word belongs to it.
      let exact: (typeof prepared)[number] | null = null;
      for (const p of prepared) {
        const copies = p.keys.get(analyzed.key) ?? 0;
        if (copies > 0 && (!exact || copies > (exact.keys.get(analyzed.key) ?? 0))) exact = p;
      }
      if (exact) return { group: exact.group, similarity: 1 };
      const vector = space.vector(analyzed);
      let best: GroupMatch<G> | null = null;
      for (const p of prepared) {
        if (p.total === 0) continue;
        const similarity =
          settings.linkage === "average"
            ? dotDense(vector, p.centroid) / p.total
            : Math.min(...p.members.map((m) => dot(vector, m.vector)));
        if (similarity >= settings.threshold && (!best || similarity > best.similarity)) best = { group: p.group, similarity };
      }
      return best;
    },
  };
}

/** The named group nearest to a new answer, if it is at least as close as the clustering threshold; else null. */
export function assignToNearestGroup<G extends GroupWithAnswers>(
  text: string,
  groups: ReadonlyArray<G>,
  options: ClusteringOptions & { context?: ReadonlyArray<string> } = {},
): GroupMatch<G> | null {
  return createGroupMatcher(groups, options).match(text);
}

// ---------------------------------------------------------------------------
// Many checkpoints at once (the cluster-answers script and its evaluation)

export interface QuestionAnswer {
  id: string;
  question: string;
  answer: string;
}

/**
 * Clusters each question's answers separately. Returns one cluster id per
 * record, in the records' order; ids are unique within a question.
 */
export function clusterByQuestion(
  records: ReadonlyArray<QuestionAnswer>,
  options: ClusteringOptions = {},
  /** Class evidence per question (e.g. its reference answers), passed as `context`. */
  contextByQuestion?: ReadonlyMap<string, ReadonlyArray<string>>,
): string[] {
  const byQuestion = new Map<string, TextAnswer[]>();
  records.forEach((r, index) => {
    const list = byQuestion.get(r.question) ?? [];
    list.push({ id: String(index), text: r.answer });
    byQuestion.set(r.question, list);
  });
  const clusterOf = new Array<string>(records.length);
  for (const [question, answers] of byQuestion) {
    const context = contextByQuestion?.get(question) ?? options.context;
    for (const group of clusterAnswers(answers, { ...options, context, maxRepresentatives: 0, maxKeyTerms: 0 })) {
      for (const index of group.answerIds) clusterOf[Number(index)] = group.id;
    }
  }
  return clusterOf;
}

// ---------------------------------------------------------------------------
// Answers likely to belong to a group the teacher named (suggestions)

export interface SimilarAnswer {
  id: string;
  /** How close the answer is to the group: the mean of its cosine to the group's centre and to its closest placed answer, 0–1. */
  similarity: number;
  /** Terms the answer shares with the group's answers (or evidence), as the answer wrote them, the weightiest first. */
  sharedTerms: string[];
  /** The placed answer it is closest to, with that similarity. */
  closest: { id: string; text: string; similarity: number } | null;
}

export interface GroupEvidence {
  /** Ids of the answers the teacher placed in the group (of the answers the suggester was built on). */
  placedIds: ReadonlyArray<string>;
  /** Texts that say what the group's idea is called (misconception name, description, next step; or the model answer). */
  evidence?: ReadonlyArray<string>;
}

export interface SuggestOptions {
  /** Answers that may be suggested; default every answer not placed. */
  candidateIds?: ReadonlyArray<string>;
  /** Lowest similarity worth suggesting. Default DEFAULT_SUGGESTION_THRESHOLD. */
  minSimilarity?: number;
  /** At most this many, closest first. Default 5. */
  limit?: number;
  /** The other groups the teacher kept: an answer at least as close to one of them is not suggested for this one. */
  rivals?: ReadonlyArray<GroupEvidence>;
}

/**
 * Lowest similarity at which an ungrouped answer is suggested for a named
 * group. Lower than the clustering threshold because the teacher confirms each
 * one; chosen with the simulated grading effort (npm run eval:clusters -- --effort).
 */
export const DEFAULT_SUGGESTION_THRESHOLD = 0.35;
/**
 * Suggestions come from the answers the grouping left in groups of at most
 * this many: a larger machine group is cheaper to name or merge as a whole.
 */
export const DEFAULT_SUGGESTION_MAX_GROUP_SIZE = 1;
const MAX_SHARED_TERMS = 4;
/** Candidate forms × placed forms above which only a shortlist is compared answer by answer. */
const MAX_SUGGESTION_COMPARISONS = 50_000;

export interface AnswerSuggester {
  suggest(group: GroupEvidence, options?: SuggestOptions): SimilarAnswer[];
}

/**
 * Weighs every answer of a checkpoint once (with `context`, the class
 * evidence, for the word weights), then ranks the answers most likely to
 * belong to a group from the answers placed in it and the group's evidence.
 * Deterministic: ties go to the answer with the smaller id.
 */
export function createAnswerSuggester(answers: ReadonlyArray<TextAnswer>, options: ClusteringOptions = {}): AnswerSuggester {
  const settings = settingsFrom(options);
  const forms = collectForms(answers);
  const context = options.context?.length ? collectForms(options.context.map((text, i) => ({ id: `context-${i}`, text }))) : [];
  const space = new AnswerSpace(forms, settings, context);
  const byId = new Map<string, { answer: TextAnswer; form: number }>();
  forms.forEach((form, f) => form.answers.forEach((answer) => byId.set(answer.id, { answer, form: f })));
  const formVectors = space.formVectors;

  /** A group as the suggester sees it: its unit-length centre, its placed forms, its word terms. */
  const profile = (group: GroupEvidence) => {
    const placed = group.placedIds.flatMap((id) => {
      const hit = byId.get(id);
      return hit ? [hit] : [];
    });
    const evidence = (group.evidence ?? []).filter((t) => t.trim()).map((t) => analyzeText(t));
    // The group's centre: its placed answers and its evidence, one vote each; then unit length.
    const centre = new Float64Array(space.features.size);
    const terms = new Set<string>();
    for (const p of placed) {
      const v = formVectors[p.form];
      for (let k = 0; k < v.idx.length; k++) centre[v.idx[k]] += v.val[k];
      for (const t of space.terms(forms[p.form].analyzed)) if (t.isWord) terms.add(t.feature);
    }
    for (const a of evidence) {
      const v = space.vector(a);
      for (let k = 0; k < v.idx.length; k++) centre[v.idx[k]] += v.val[k];
      for (const t of space.terms(a)) if (t.isWord) terms.add(t.feature);
    }
    let norm = 0;
    for (let f = 0; f < centre.length; f++) norm += centre[f] * centre[f];
    norm = Math.sqrt(norm) || 1;
    const placedIds = new Set(placed.map((p) => p.answer.id));
    return { empty: placed.length + evidence.length === 0, centre, norm, terms, placedIds, placedForms: [...new Set(placed.map((p) => p.form))] };
  };
  type Profile = ReturnType<typeof profile>;

  const toCentre = (form: number, p: Profile) => dotDense(formVectors[form], p.centre) / p.norm;
  /** Similarity of a form to a group: the mean of its cosine to the centre and to the closest placed answer. */
  const score = (form: number, p: Profile, centreSimilarity = toCentre(form, p)) => {
    const v = formVectors[form];
    let closest: SimilarAnswer["closest"] = null;
    for (const pf of p.placedForms) {
      const s = pf === form ? 1 : dot(v, formVectors[pf]);
      if (!closest || s > closest.similarity) {
        const shown = displayAnswer(forms[pf] as FormWithAnswers);
        const placedHere = forms[pf].answers.filter((a) => p.placedIds.has(a.id)).map((a) => a.id).sort(byString)[0];
        closest = { id: placedHere ?? shown.id, text: shown.text, similarity: s };
      }
    }
    return { similarity: closest ? (centreSimilarity + closest.similarity) / 2 : centreSimilarity, closest };
  };

  return {
    suggest(group, opts = {}) {
      const minSimilarity = opts.minSimilarity ?? DEFAULT_SUGGESTION_THRESHOLD;
      const limit = opts.limit ?? 5;
      const own = profile(group);
      if (own.empty) return [];
      const rivals = (opts.rivals ?? []).map(profile).filter((r) => !r.empty);
      const candidates = (opts.candidateIds ?? [...byId.keys()]).filter((id) => !own.placedIds.has(id) && byId.has(id));
      const centreOf = new Map<number, number>();
      for (const id of candidates) {
        const { form } = byId.get(id)!;
        if (!centreOf.has(form)) centreOf.set(form, toCentre(form, own));
      }
      // Far beyond a class's size, only the forms closest to the centre are compared with every placed answer.
      let shortlist: Set<number> | null = null;
      if (centreOf.size * own.placedForms.length > MAX_SUGGESTION_COMPARISONS) {
        const keep = Math.max(limit * 10, 50);
        shortlist = new Set([...centreOf].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, keep).map(([f]) => f));
      }
      const scored: SimilarAnswer[] = [];
      const seenForm = new Map<number, { similarity: number; closest: SimilarAnswer["closest"]; rivalled: boolean } | null>();
      for (const id of candidates) {
        const { form } = byId.get(id)!;
        if (shortlist && !shortlist.has(form)) continue;
        let known = seenForm.get(form);
        if (known === undefined) {
          const mine = score(form, own, centreOf.get(form)!);
          // An answer at least as close to another group the teacher kept is that group's, not this one's.
          const rivalled = mine.similarity >= minSimilarity && rivals.some((r) => score(form, r).similarity >= mine.similarity);
          known = { ...mine, rivalled };
          seenForm.set(form, known);
        }
        if (!known || known.rivalled || known.similarity < minSimilarity) continue;
        scored.push({ id, similarity: known.similarity, sharedTerms: [], closest: known.closest });
      }
      scored.sort((a, b) => b.similarity - a.similarity || byString(a.id, b.id));
      const top = scored.slice(0, limit);
      for (const s of top) {
        const { form } = byId.get(s.id)!;
        const weights = new Map<string, { display: string; weight: number }>();
        for (const t of space.terms(forms[form].analyzed)) {
          if (!t.isWord || t.feature === "w:not" || !own.terms.has(t.feature) || weights.has(t.feature)) continue;
          weights.set(t.feature, { display: t.display, weight: own.centre[space.features.get(t.feature) ?? -1] ?? 0 });
        }
        s.sharedTerms = [...weights.values()]
          .sort((a, b) => b.weight - a.weight || byString(a.display, b.display))
          .slice(0, MAX_SHARED_TERMS)
          .map((t) => t.display);
      }
      return top;
    },
  };
}
