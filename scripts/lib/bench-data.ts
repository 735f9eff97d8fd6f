// A synthetic large class for `npm run bench`, written straight into a migrated
// SQLite file with better-sqlite3 in one transaction (fast bulk inserts). The
// rows look like what the app stores: RULE tags on wrong options and listed
// values (as submitAttempt writes them), self-assessments and teacher marks on
// short text, a few CLUSTER and TEACHER tags, and submitted journal entries.
// Deterministic: the same seed gives the same class.
import Database from "better-sqlite3";

export interface BenchClassSize {
  students: number;
  checkpoints: number;
  journalsPerStudent: number;
  misconceptions: number;
}

export const BASE_SIZE: BenchClassSize = { students: 300, checkpoints: 40, journalsPerStudent: 8, misconceptions: 12 };

export interface BenchClassCounts {
  projectId: string;
  students: number;
  checkpoints: number;
  attempts: number;
  reviews: number;
  tags: number;
  journalEntries: number;
}

/** mulberry32: a small deterministic PRNG. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(list: readonly T[]) => list[Math.floor(next() * list.length)],
    chance: (p: number) => next() < p,
  };
}
export type Rng = ReturnType<typeof rng>;

const FIRST = ["Ada", "Ben", "Chloe", "Dev", "Ema", "Finn", "Gia", "Hugo", "Ines", "Jon", "Kira", "Leo", "Mia", "Noor", "Omar", "Pia", "Quin", "Rosa", "Sam", "Tara", "Uma", "Vik", "Wen", "Xavi", "Yara", "Zed"];
const LAST = ["Adams", "Bauer", "Chen", "Diaz", "Eriksen", "Fofana", "Garcia", "Haddad", "Ito", "Jensen", "Kowalski", "Lopez", "Mensah", "Novak", "Okafor", "Patel", "Quispe", "Rossi", "Silva", "Tanaka"];

/** Short answers about why a cart keeps moving: ideas, with the wording varied and a few typos. */
const IDEAS: { words: string[][]; right: boolean }[] = [
  { words: [["the forces", "the two forces", "both forces"], ["are balanced", "cancel out", "cancel each other", "balance"], ["so the speed stays the same", "so it keeps the same velocity", "so velocity is constant", ""]], right: true },
  { words: [["there is no", "there's no", "no"], ["net force", "resultant force", "overall force"], ["so it does not accelerate", "so the velocity stays constant", "acting on it", ""]], right: true },
  { words: [["it keeps moving", "it continues", "it carries on"], ["because of inertia", "due to inertia", "because nothing stops it"], ["", "and friction is balanced"]], right: true },
  { words: [["the push", "the force from the push", "the force"], ["is still in it", "stays inside the cart", "keeps pushing it", "runs out slowly"], ["", "until it stops", "so it slows down"]], right: false },
  { words: [["it needs a force", "a force is needed", "you need a force"], ["to keep moving", "to keep it going", "for it to move"], ["", "at constant speed", "all the time"]], right: false },
  { words: [["the bigger force", "the forward force", "the engine force"], ["wins", "is bigger", "is stronger than friction"], ["", "so it moves", "so it goes forward"]], right: false },
  { words: [["gravity", "the weight"], ["pulls it along", "makes it move", "keeps it going"], ["", "on the track"]], right: false },
  { words: [["i dont know", "not sure", "no idea"], ["", "sorry", "what the answer is"]], right: false },
  { words: [["energy", "kinetic energy", "the energy"], ["keeps it moving", "is conserved", "is used up slowly"], ["", "so it keeps going"]], right: false },
  { words: [["friction", "the friction"], ["is zero", "is gone", "equals the push"], ["", "so the speed is the same", "so nothing changes"]], right: true },
];

function typo(r: Rng, word: string): string {
  if (word.length < 5) return word;
  const i = 1 + r.int(word.length - 2);
  switch (r.int(3)) {
    case 0:
      return word.slice(0, i) + word.slice(i + 1); // drop a letter
    case 1:
      return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2); // swap two letters
    default:
      return word.slice(0, i) + word[i] + word.slice(i); // double a letter
  }
}

/** A student's short answer: an idea in varied words, sometimes with a typo or extra words. */
export function shortAnswer(r: Rng): { text: string; right: boolean } {
  const idea = r.pick(IDEAS);
  let text = idea.words.map((choices) => r.pick(choices)).filter(Boolean).join(" ");
  if (r.chance(0.25)) text = text.split(" ").map((w) => (r.chance(0.15) ? typo(r, w) : w)).join(" ");
  if (r.chance(0.2)) text = r.pick(["I think ", "Because ", "Maybe ", "Well, "]) + text;
  if (r.chance(0.3)) text = text.charAt(0).toUpperCase() + text.slice(1) + r.pick([".", "!", "", "..."]);
  return { text, right: idea.right };
}

const REFLECTIONS = [
  "I mixed up which way was positive, next time I will draw the axis first",
  "I was sure about the halving but the feedback showed me the force doubles",
  "I rushed and forgot the units, so my answer was ten times too big",
  "Talking it through with {name} helped me see the forces cancel",
  "I still don't get why it keeps moving without a push. Could we go over it again?",
  "My first try was a guess. The second time I worked it out step by step and it made sense",
  "I need help with dividing the right way round",
  "I felt confident but I was wrong, I want to check my steps more carefully next time",
];

const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");

/**
 * Writes one class with one project of the given size into the database file
 * (already migrated) and returns what was written. `tag` keeps ids unique when
 * several classes share a file.
 */
export function writeBenchClass(file: string, size: BenchClassSize, tag: string, seed = 1): BenchClassCounts {
  const r = rng(seed);
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = OFF");
  let serial = 0;
  const id = (prefix: string) => `${prefix}${tag}${(serial++).toString(36).padStart(18, "0")}`;
  const start = Date.UTC(2025, 8, 1, 8, 0);
  const counts = { attempts: 0, reviews: 0, tags: 0, journalEntries: 0 };
  const projectId = id("p");

  const insert = {
    user: db.prepare(`INSERT INTO "User" (id, email, name, role, passwordHash, createdAt) VALUES (?, ?, ?, ?, 'x', ?)`),
    classroom: db.prepare(`INSERT INTO "Classroom" (id, name, joinCode, createdAt) VALUES (?, ?, ?, ?)`),
    classTeacher: db.prepare(`INSERT INTO "ClassTeacher" (id, classroomId, teacherId, addedAt, source) VALUES (?, ?, ?, ?, 'CREATED')`),
    enrollment: db.prepare(`INSERT INTO "Enrollment" (id, classroomId, studentId, joinedAt, removedAt) VALUES (?, ?, ?, ?, ?)`),
    project: db.prepare(
      `INSERT INTO "Project" (id, classroomId, title, goal, instructions, status, publishedAt, createdAt, updatedAt) VALUES (?, ?, ?, ?, '', 'PUBLISHED', ?, ?, ?)`,
    ),
    misconception: db.prepare(`INSERT INTO "Misconception" (id, projectId, name, description, nextStep, createdAt) VALUES (?, ?, ?, '', '', ?)`),
    checkpoint: db.prepare(`INSERT INTO "Checkpoint" (id, projectId, position, kind, maxAttempts, archivedAt, createdAt) VALUES (?, ?, ?, ?, NULL, NULL, ?)`),
    version: db.prepare(`INSERT INTO "CheckpointVersion" (id, checkpointId, version, title, prompt, spec, createdAt) VALUES (?, ?, ?, ?, ?, ?, ?)`),
    attempt: db.prepare(
      `INSERT INTO "Attempt" (id, studentId, checkpointId, checkpointVersionId, number, answer, outcome, submissionKey, createdAt) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?)`,
    ),
    review: db.prepare(`INSERT INTO "AttemptReview" (id, attemptId, reviewerId, role, verdict, note, createdAt) VALUES (?, ?, ?, ?, ?, '', ?)`),
    tag: db.prepare(`INSERT INTO "AttemptMisconception" (id, attemptId, misconceptionId, source, active, setById, createdAt) VALUES (?, ?, ?, ?, ?, ?, ?)`),
    journal: db.prepare(
      `INSERT INTO "JournalEntry" (id, studentId, projectId, checkpointId, attemptId, promptId, responses, supportNeeded, supportResolvedAt, confidence, status, createdAt, updatedAt, submittedAt) VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, 'SUBMITTED', ?, ?, ?)`,
    ),
  };

  db.transaction(() => {
    const teacherId = id("u");
    insert.user.run(teacherId, `teacher-${tag}@bench.test`, "Bench Teacher", "TEACHER", iso(start));
    const classroomId = id("k");
    insert.classroom.run(classroomId, `Bench class ${tag}`, `B${tag}${serial.toString(36)}`.toUpperCase(), iso(start));
    insert.classTeacher.run(id("ct"), classroomId, teacherId, iso(start));
    insert.project.run(projectId, classroomId, `Forces ${tag}`, "Explain motion with forces", iso(start), iso(start), iso(start));

    const misconceptions: string[] = [];
    for (let i = 0; i < size.misconceptions; i++) {
      const m = id("m");
      misconceptions.push(m);
      insert.misconception.run(m, projectId, `Misconception ${i + 1}`, iso(start));
    }

    interface Cp {
      id: string;
      kind: "MULTIPLE_CHOICE" | "NUMERIC" | "SHORT_TEXT";
      versions: { id: string; answer: number }[];
      tags: string[];
    }
    const checkpoints: Cp[] = [];
    for (let i = 0; i < size.checkpoints; i++) {
      const kind = (["MULTIPLE_CHOICE", "NUMERIC", "SHORT_TEXT"] as const)[i % 3];
      const cp: Cp = { id: id("c"), kind, versions: [], tags: [misconceptions[i % size.misconceptions], misconceptions[(i * 7 + 3) % size.misconceptions]] };
      insert.checkpoint.run(cp.id, projectId, i + 1, kind, iso(start));
      const versionCount = i % 5 === 0 ? 2 : 1;
      for (let v = 1; v <= versionCount; v++) {
        const answer = Math.round((2 + r.next() * 50) * 100) / 100;
        const spec =
          kind === "MULTIPLE_CHOICE"
            ? {
                kind,
                options: [
                  { id: "a", text: `Right idea (v${v})`, correct: true, feedback: "", misconceptionId: null },
                  { id: "b", text: v === 1 ? "It halves" : "It is halved", correct: false, feedback: "Look again.", misconceptionId: cp.tags[0] },
                  { id: "c", text: "It reverses", correct: false, feedback: "", misconceptionId: cp.tags[1] },
                  { id: "d", text: "It stays the same", correct: false, feedback: "", misconceptionId: null },
                ],
              }
            : kind === "NUMERIC"
              ? {
                  kind,
                  answer,
                  tolerance: 0.01,
                  unit: "m/s",
                  wrongValues: [
                    { value: -answer, feedback: "Check the direction.", misconceptionId: cp.tags[0] },
                    { value: Math.round(answer * 2 * 100) / 100, feedback: "Check the factor.", misconceptionId: cp.tags[1] },
                  ],
                  intermediateValues: [{ value: Math.round((answer / 4) * 100) / 100, label: "the acceleration" }],
                }
              : { kind, modelAnswer: "Balanced forces keep the velocity constant." };
        const vid = id("v");
        cp.versions.push({ id: vid, answer });
        insert.version.run(vid, cp.id, v, `Checkpoint ${i + 1}`, `Question ${i + 1}`, JSON.stringify(spec), iso(start));
      }
      checkpoints.push(cp);
    }

    const weights = [0.15, 0.2, 0.3, 0.2, 0.15]; // 1..5 attempts per started checkpoint, mean 3
    const attemptsFor = () => {
      let x = r.next();
      for (let k = 0; k < weights.length; k++) {
        x -= weights[k];
        if (x < 0) return k + 1;
      }
      return weights.length;
    };

    for (let s = 0; s < size.students; s++) {
      const studentId = id("u");
      const name = `${r.pick(FIRST)} ${r.pick(LAST)}`;
      insert.user.run(studentId, `s${s}-${tag}@bench.test`, name, "STUDENT", iso(start));
      insert.enrollment.run(id("e"), classroomId, studentId, iso(start), r.chance(0.02) ? iso(start + 30 * 86_400_000) : null);
      const skill = r.next();
      const attemptsMade: { id: string; checkpointId: string; at: number; outcome: string | null }[] = [];
      let clock = start + r.int(3 * 86_400_000);
      checkpoints.forEach((cp) => {
        if (r.chance(0.03)) return; // not started
        const n = attemptsFor();
        const gotItAtEnd = r.chance(0.55 + skill * 0.4);
        for (let k = 1; k <= n; k++) {
          clock += 60_000 + r.int(20 * 60_000) + (r.chance(0.05) ? r.int(5 * 86_400_000) : 0);
          const version = cp.versions[cp.versions.length > 1 && r.chance(0.5) ? 1 : 0];
          const right = k === n && gotItAtEnd;
          const aid = id("a");
          let answer: string;
          let outcome: string | null;
          const ruleTags: string[] = [];
          if (cp.kind === "MULTIPLE_CHOICE") {
            const choice = right ? "a" : r.pick(["b", "b", "c", "d"]);
            answer = JSON.stringify([choice]);
            outcome = right ? "GOT_IT" : "NOT_YET";
            if (choice === "b") ruleTags.push(cp.tags[0]);
            if (choice === "c") ruleTags.push(cp.tags[1]);
          } else if (cp.kind === "NUMERIC") {
            const a = version.answer;
            const wrong = r.pick([-a, Math.round(a * 2 * 100) / 100, a * 10, Math.round((1 / a) * 1e4) / 1e4, Math.round(a / 4 * 100) / 100, Math.round(r.next() * 100)]);
            const value = right ? a : wrong;
            answer = String(value);
            outcome = right ? "GOT_IT" : "NOT_YET";
            if (!right && value === -a) ruleTags.push(cp.tags[0]);
            if (!right && value === Math.round(a * 2 * 100) / 100) ruleTags.push(cp.tags[1]);
          } else {
            const said = shortAnswer(r);
            answer = said.text;
            outcome = null;
          }
          insert.attempt.run(aid, studentId, cp.id, version.id, k, answer, outcome, iso(clock));
          counts.attempts++;
          for (const m of ruleTags) {
            // Now and then the teacher takes a machine tag off (the row stays, inactive).
            const removed = r.chance(0.02);
            insert.tag.run(id("t"), aid, m, removed ? "TEACHER" : "RULE", removed ? 0 : 1, removed ? teacherId : null, iso(clock));
            counts.tags++;
          }
          if (cp.kind === "SHORT_TEXT") {
            insert.review.run(id("r"), aid, studentId, "SELF", right ? "GOT_IT" : r.chance(0.8) ? "NOT_YET" : "GOT_IT", iso(clock + 30_000));
            counts.reviews++;
            if (r.chance(0.3)) {
              insert.review.run(id("r"), aid, teacherId, "TEACHER", right ? "GOT_IT" : "NOT_YET", iso(clock + 3_600_000));
              counts.reviews++;
            }
            if (!right && r.chance(0.25)) {
              insert.tag.run(id("t"), aid, cp.tags[0], r.chance(0.2) ? "TEACHER" : "CLUSTER", 1, null, iso(clock + 3_600_000));
              counts.tags++;
            }
          }
          attemptsMade.push({ id: aid, checkpointId: cp.id, at: clock, outcome: right ? "GOT_IT" : "NOT_YET" });
        }
      });
      for (let j = 0; j < size.journalsPerStudent && attemptsMade.length > 0; j++) {
        const about = r.pick(attemptsMade);
        const text = r.pick(REFLECTIONS).replace("{name}", r.chance(0.5) ? `${r.pick(FIRST)} ${r.pick(LAST)}` : r.pick(FIRST));
        const link = r.int(3); // 0: the attempt, 1: the checkpoint, 2: the project
        const support = r.chance(0.05);
        const at = about.at + 120_000 + r.int(3_600_000);
        insert.journal.run(
          id("j"),
          studentId,
          projectId,
          link < 2 ? about.checkpointId : null,
          link === 0 ? about.id : null,
          JSON.stringify([
            { question: "What happened?", answer: text },
            { question: "What did I learn?", answer: r.chance(0.5) ? "To check my steps" : "" },
          ]),
          support ? 1 : 0,
          support && r.chance(0.5) ? iso(at + 86_400_000) : null,
          r.chance(0.8) ? 1 + r.int(5) : null,
          iso(at),
          iso(at),
          iso(at),
        );
        counts.journalEntries++;
      }
    }
  })();
  db.close();
  return { projectId, students: size.students, checkpoints: size.checkpoints, ...counts };
}
