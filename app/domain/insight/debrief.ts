// The class debrief: what a teacher projects for the whole class to talk about.
// Anonymised and blameless by construction — the result holds no student id,
// name or email, only misconceptions, answers (option texts, values, and short
// text passed through the anonymiser), counts and discussion prompts. Pure.
import { storedAnswer } from "~/domain/grading";
import { turnaround } from "~/domain/recovery";
import { findTemplate } from "~/domain/reflection-templates";
import { createAnonymiser, quoteOf } from "./anonymise";
import type { TextGroupInput } from "./checkpoints";
import { indexEpisodes, type Episode } from "./episodes";
import { misconceptionInsights } from "./misconceptions";
import type { Prepared, PreparedAttempt, PreparedJournal } from "./prepare";
import { assignQuotes, reflectedAttempt, reflectedMisconceptions } from "./reflections";
import type { JournalResponse } from "~/domain/journal-entry";

/** What the teacher wrote about a misconception (not part of the analysis input). */
export interface MisconceptionDetails {
  description: string;
  nextStep: string;
}

export interface DebriefExample {
  /** The option text, the value with its unit, or an anonymised short quote. */
  text: string;
  kind: "MULTIPLE_CHOICE" | "NUMERIC" | "SHORT_TEXT";
  /** Title of the checkpoint (latest version). */
  checkpointTitle: string;
  /** Attempts that gave this answer while showing the misconception. */
  times: number;
}

export interface DebriefMisconception {
  misconceptionId: string;
  name: string;
  description: string;
  nextStep: string;
  /** Students who showed it at least once. */
  met: number;
  /** Of those, students who got every checkpoint where it showed on a later attempt. */
  workedThrough: number;
  /** Checkpoint titles where it showed, in project order. */
  checkpointTitles: string[];
  examples: DebriefExample[];
  prompts: string[];
}

export interface DebriefQuote {
  text: string;
  /** The misconception the writer went on to work through. */
  misconceptionName: string;
  /** The journal question it answers, if any. */
  question: string | null;
}

export interface Debrief {
  /** Students who made at least one attempt. */
  studentsWithAttempts: number;
  /** Student-checkpoint paths where a "not yet" was later followed by a "got it". */
  recoveries: number;
  /** The most widespread misconceptions (those somebody showed), most widespread first. */
  misconceptions: DebriefMisconception[];
  /** Anonymised journal quotes from students who worked a misconception through. */
  learned: DebriefQuote[];
  /** The blameless-debrief questions, worded for the whole class. */
  classQuestions: string[];
}

export interface DebriefOptions {
  /** Descriptions and next steps by misconception id. */
  details?: Record<string, MisconceptionDetails>;
  /** Short-text groups per checkpoint id; representatives of groups named as a misconception are preferred as examples. */
  textGroups?: Record<string, TextGroupInput[]>;
  /** How many misconceptions to show (default 5). */
  top?: number;
  /** Example answers per misconception (default 3). */
  examplesPerMisconception?: number;
  /** Length of short-text examples (default 110). */
  exampleLength?: number;
  /** Quotes in "what we learned together" (default 6). */
  learnedQuotes?: number;
  /** Length of journal quotes (default 160). */
  quoteLength?: number;
}

// ---------------------------------------------------------------------------
// Wording

/** Turns a first-person question ("What did I learn?") into one for the whole class. */
export function toClassVoice(question: string): string {
  const rules: [RegExp, string][] = [
    [/\bwas I\b/g, "were we"],
    [/\bI was\b/g, "we were"],
    [/\bam I\b/g, "are we"],
    [/\bI am\b/g, "we are"],
    [/\bI'm\b/g, "we're"],
    [/\bI've\b/g, "we've"],
    [/\bI'd\b/g, "we'd"],
    [/\bI'll\b/g, "we'll"],
    [/\bdo I\b/g, "do we"],
    [/\bI\b/g, "we"],
    [/\bmyself\b/gi, "ourselves"],
    [/\bMy\b/g, "Our"],
    [/\bmy\b/g, "our"],
    [/\bme\b/g, "us"],
    [/\bmine\b/g, "ours"],
  ];
  let out = question;
  for (const [pattern, replacement] of rules) out = out.replace(pattern, replacement);
  return out.charAt(0).toUpperCase() + out.slice(1);
}

/** The blameless-debrief template's questions, for the whole class. */
export function classDebriefQuestions(): string[] {
  return (findTemplate("blameless-debrief")?.questions ?? []).map(toClassVoice);
}

/** Verbs a misconception description typically starts with ("Believes …", "Mixes …"). */
const DESCRIPTION_VERBS = new Set(
  (
    "believe think assume expect treat mix confuse mistake use forget add subtract multiply divide ignore apply " +
    "read swap reverse count take give write say see stop drop leave miss put choose equate"
  ).split(" "),
);

/** "Believes" → "believe", "Mixes" → "mix", "Applies" → "apply"; null when it is not a known verb. */
function baseVerb(word: string): string | null {
  const w = word.toLowerCase();
  const candidates = [w, w.endsWith("ies") ? `${w.slice(0, -3)}y` : "", w.endsWith("es") ? w.slice(0, -2) : "", w.endsWith("s") ? w.slice(0, -1) : ""];
  return candidates.find((c) => c && DESCRIPTION_VERBS.has(c)) ?? null;
}

/** "Why might someone believe …? What would convince you otherwise?" from the teacher's description. */
export function whyMightPrompt(name: string, description: string): string {
  const text = description.trim().replace(/\s+/g, " ").replace(/[.!?]+$/, "");
  const match = /^(\S+)\s+(.+)$/.exec(text);
  const verb = match ? baseVerb(match[1]) : null;
  if (match && verb) return `Why might someone ${verb} ${match[2]}? What would convince you otherwise?`;
  if (text) return `“${text}” — why might that seem right at first? What would convince you otherwise?`;
  return `Why might the idea “${name}” seem right at first? What would convince you otherwise?`;
}

/** Order in which the class debrief questions are offered beside misconceptions (thinking first). */
const QUESTION_ROTATION = [2, 4, 0, 3, 1];

/** Two or three discussion prompts for a misconception: why it seems right, a way to test it, a debrief question. */
export function discussionPrompts(m: { name: string } & MisconceptionDetails, index: number, classQuestions = classDebriefQuestions()): string[] {
  const prompts = [whyMightPrompt(m.name, m.description)];
  const step = m.nextStep.trim();
  prompts.push(step ? `Try it together: ${step}` : "What example or experiment would show where this idea stops working?");
  if (classQuestions.length) {
    const pick = QUESTION_ROTATION.map((i) => classQuestions[i]).filter(Boolean);
    const list = pick.length ? pick : classQuestions;
    prompts.push(list[index % list.length]);
  }
  return prompts;
}

// ---------------------------------------------------------------------------
// Example answers

function formatValue(value: number, unit: string): string {
  const text = Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(12)));
  return unit ? `${text} ${unit}` : text;
}

const normaliseKey = (text: string) => text.toLowerCase().replace(/\s+/g, " ").trim();

interface Candidate {
  key: string;
  text: string;
  kind: DebriefExample["kind"];
  times: number;
  /** Lower first: teacher-confirmed group representatives before raw answers. */
  priority: number;
  order: number;
}

/** The answers an attempt gave that show the misconception, as displayable texts. */
function exampleTexts(prepared: Prepared, attempt: PreparedAttempt, misconceptionId: string, anonymise: (t: string) => string, length: number) {
  const spec = prepared.versions.get(attempt.versionId)?.spec;
  if (!spec) return [];
  if (spec.kind === "SHORT_TEXT") {
    const quote = quoteOf(attempt.answer, anonymise, length);
    return quote ? [{ kind: spec.kind, text: quote }] : [];
  }
  const parsed = storedAnswer(spec, attempt.answer);
  if (!parsed.ok) return [];
  if (spec.kind === "MULTIPLE_CHOICE" && parsed.kind === "MULTIPLE_CHOICE") {
    const wrong = parsed.optionIds.map((id) => spec.options.find((o) => o.id === id)).filter((o) => o !== undefined && !o.correct);
    const tagged = wrong.filter((o) => o!.misconceptionId === misconceptionId);
    return (tagged.length ? tagged : wrong).map((o) => ({ kind: spec.kind, text: o!.text }));
  }
  if (spec.kind === "NUMERIC" && parsed.kind === "NUMERIC") return [{ kind: spec.kind, text: formatValue(parsed.value, spec.unit) }];
  return [];
}

function pickExamples(
  prepared: Prepared,
  misconceptionId: string,
  episodes: readonly Episode[],
  options: { perMisconception: number; length: number; anonymise: (t: string) => string; textGroups?: Record<string, TextGroupInput[]> },
): DebriefExample[] {
  const byCheckpoint = new Map<string, Map<string, Candidate>>();
  let order = 0;
  const add = (checkpointId: string, kind: Candidate["kind"], text: string, times: number, priority: number) => {
    let map = byCheckpoint.get(checkpointId);
    if (!map) byCheckpoint.set(checkpointId, (map = new Map()));
    const key = normaliseKey(text);
    const seen = map.get(key);
    if (seen) {
      seen.times += times;
      seen.priority = Math.min(seen.priority, priority);
    } else map.set(key, { key, text, kind, times, priority, order: order++ });
  };
  for (const [checkpointId, groups] of Object.entries(options.textGroups ?? {})) {
    if (!prepared.checkpoints.has(checkpointId)) continue;
    for (const g of groups) {
      if (g.misconceptionId !== misconceptionId) continue;
      for (const r of g.representatives ?? []) {
        const text = quoteOf(r, options.anonymise, options.length);
        if (text) add(checkpointId, "SHORT_TEXT", text, 0, 0);
      }
    }
  }
  for (const e of episodes) {
    for (const a of e.attempts) {
      for (const ex of exampleTexts(prepared, a, misconceptionId, options.anonymise, options.length)) add(e.checkpointId, ex.kind, ex.text, 1, 1);
    }
  }
  const rank = new Map(prepared.checkpointOrder.map((c, i) => [c.id, i]));
  const lists = [...byCheckpoint.entries()].map(([checkpointId, map]) => ({
    checkpointId,
    items: [...map.values()]
      .filter((c) => c.times > 0 || c.priority === 0)
      .sort((a, b) => a.priority - b.priority || b.times - a.times || a.text.length - b.text.length || a.order - b.order),
  }));
  lists.sort((a, b) => (b.items[0]?.times ?? 0) - (a.items[0]?.times ?? 0) || rank.get(a.checkpointId)! - rank.get(b.checkpointId)!);
  // Round-robin over checkpoints so the examples show the idea in more than one place.
  const picked: DebriefExample[] = [];
  for (let round = 0; picked.length < options.perMisconception; round++) {
    let any = false;
    for (const list of lists) {
      const c = list.items[round];
      if (!c || picked.length >= options.perMisconception) continue;
      any = true;
      picked.push({ text: c.text, kind: c.kind, checkpointTitle: prepared.latestVersion.get(list.checkpointId)?.title ?? "", times: c.times });
    }
    if (!any) break;
  }
  return picked;
}

// ---------------------------------------------------------------------------
// "What we learned together"

/** Words that say the writer has not got there yet: such lines don't belong under "what we learned". */
const STILL_UNSURE = /\b(not sure|unsure|don'?t (get|understand|know)|no idea|confus|still (stuck|lost))/i;
const LEARNING_QUESTION = /\b(learn|learned|learnt|changed?|know now|understand now|realis|realiz)/i;

/** The line of a journal entry that best says what was learned: the answer to a "what did I learn" question, else the longest answer. */
export function learningLine(responses: readonly JournalResponse[]): { text: string; question: string | null } | null {
  const answered = responses.filter((r) => typeof r.answer === "string" && r.answer.trim());
  const learning = answered.find((r) => r.question && LEARNING_QUESTION.test(r.question));
  const pick = learning ?? [...answered].sort((a, b) => b.answer.trim().length - a.answer.trim().length)[0];
  return pick ? { text: pick.answer.trim(), question: pick.question } : null;
}

/**
 * Quotes for "what we learned together": entries that reflect on a
 * misconception (reflectedMisconceptions: their attempt's tags) which the writer
 * then worked through on that checkpoint, newest first. The misconceptions take
 * turns so every one gets a voice before any gets a second; an entry and a text
 * are quoted once, under a misconception its attempt shows.
 */
function learnedQuotes(
  prepared: Prepared,
  order: readonly { misconceptionId: string; name: string }[],
  episodesByMisconception: Map<string, Episode[]>,
  options: { max: number; length: number; anonymise: (t: string) => string },
): DebriefQuote[] {
  const workedThrough = new Set<string>();
  for (const m of order) {
    for (const e of episodesByMisconception.get(m.misconceptionId) ?? []) {
      if (e.gotIt) workedThrough.add(`${m.misconceptionId}\u0000${e.studentId}\u0000${e.checkpointId}`);
    }
  }
  const rank = new Map(order.map((m, i) => [m.misconceptionId, i]));
  const candidates: PreparedJournal[][] = order.map(() => []);
  for (const j of prepared.journals) {
    const attempt = reflectedAttempt(prepared, j);
    if (!attempt) continue;
    for (const m of reflectedMisconceptions(prepared, j)) {
      const k = rank.get(m);
      if (k !== undefined && workedThrough.has(`${m}\u0000${j.studentId}\u0000${attempt.checkpointId}`)) candidates[k].push(j);
    }
  }
  // Newest first, ties by id, so the page is the same on every view.
  for (const list of candidates) list.sort((a, b) => b.at - a.at || a.id.localeCompare(b.id));
  const read = (j: PreparedJournal) => {
    const line = learningLine(j.responses);
    if (!line || STILL_UNSURE.test(line.text)) return null;
    const text = quoteOf(line.text, options.anonymise, options.length);
    return text ? { text, question: line.question } : null;
  };
  const picked = assignQuotes(candidates, read, { perList: Infinity, max: options.max, id: (j) => j.id });
  // In the order the turns were taken: first quotes of each misconception, then second ones, ….
  const result: DebriefQuote[] = [];
  for (let round = 0; result.length < options.max; round++) {
    let any = false;
    picked.forEach((list, k) => {
      const q = list[round];
      if (!q) return;
      any = true;
      result.push({ text: q.text, misconceptionName: order[k].name, question: q.question });
    });
    if (!any) break;
  }
  return result.slice(0, options.max);
}

// ---------------------------------------------------------------------------

export function buildDebrief(prepared: Prepared, options: DebriefOptions = {}): Debrief {
  const top = options.top ?? 5;
  const episodes = indexEpisodes(prepared);
  const { misconceptions } = misconceptionInsights(prepared, episodes);
  const anonymise = createAnonymiser([...prepared.students.values()]);
  const classQuestions = classDebriefQuestions();
  const shown = misconceptions.filter((m) => m.studentsAffected > 0).slice(0, top);
  const titleOf = (checkpointId: string) => prepared.latestVersion.get(checkpointId)?.title ?? "";

  const result: DebriefMisconception[] = shown.map((m, index) => {
    const details = options.details?.[m.misconceptionId] ?? { description: "", nextStep: "" };
    return {
      misconceptionId: m.misconceptionId,
      name: m.name,
      description: details.description,
      nextStep: details.nextStep,
      met: m.studentsAffected,
      workedThrough: m.studentsResolved,
      checkpointTitles: m.checkpointIds.map(titleOf),
      examples: pickExamples(prepared, m.misconceptionId, episodes.byMisconception.get(m.misconceptionId) ?? [], {
        perMisconception: options.examplesPerMisconception ?? 3,
        length: options.exampleLength ?? 110,
        anonymise,
        textGroups: options.textGroups,
      }),
      prompts: discussionPrompts({ name: m.name, ...details }, index, classQuestions),
    };
  });

  let recoveries = 0;
  for (const paths of prepared.pathsByStudent.values()) {
    for (const path of paths) if (turnaround(path.attempts)) recoveries++;
  }

  return {
    studentsWithAttempts: prepared.pathsByStudent.size,
    recoveries,
    misconceptions: result,
    learned: learnedQuotes(
      prepared,
      result.map((m) => ({ misconceptionId: m.misconceptionId, name: m.name })),
      episodes.byMisconception,
      { max: options.learnedQuotes ?? 6, length: options.quoteLength ?? 160, anonymise },
    ),
    classQuestions,
  };
}

/** "14 of 19 have worked through this" — counts only, no names. */
export function workedThroughLine(m: Pick<DebriefMisconception, "met" | "workedThrough">): string {
  return `${m.workedThrough} of ${m.met} ${m.workedThrough === 1 ? "has" : "have"} worked through this`;
}
