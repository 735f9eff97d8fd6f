// The demo: a teacher, a class of 25 students and one project in full swing,
// with misconception-tagged wrong answers, revisions and journal entries.
// `npm run db:seed -- --if-empty` leaves an existing demo alone.
// The demo's password is made up at seeding (or taken from DEMO_PASSWORD, as
// the end-to-end tests do), stored only as a hash and printed once.
import { generateDemoPassword } from "~/auth/demo-password.server";
import { hashPassword } from "~/auth/password.server";
import { prisma } from "~/db.server";
import { parseSpec, serializeSpec, type CheckpointSpec } from "~/domain/checkpoint-spec";
import { grade, parseAnswer } from "~/domain/grading";
import { REFLECTION_TEMPLATES } from "~/domain/reflection-templates";
import { importFile } from "~/models/question-import.server";
import { readFileSync } from "node:fs";
import path from "node:path";

export const DEMO_TEACHER_EMAIL = "teacher@rebound.test";

const STUDENT_NAMES = [
  "Amara Okafor", "Ben Carter", "Chloé Martin", "Dev Patel", "Elif Yilmaz", "Finn O'Brien", "Grace Liu",
  "Hugo Silva", "Isla Campbell", "Jonas Berg", "Kiara Singh", "Leo Rossi", "Maya Cohen", "Noah Kim",
  "Olivia Novak", "Priya Nair", "Quinn Murphy", "Rosa Díaz", "Sami Haddad", "Tara Walsh", "Umar Farouk",
  "Vera Ivanova", "Wen Zhao", "Yusuf Demir", "Zoe Fischer",
];

/** Small deterministic PRNG so the demo is the same every time. */
function mulberry32(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function emailFor(name: string) {
  const first = name.split(" ")[0].normalize("NFD").replace(/[^A-Za-z]/g, "").toLowerCase();
  return `${first}@rebound.test`;
}

/** Every demo account: the teacher and the class. */
export function demoEmails(): string[] {
  return [DEMO_TEACHER_EMAIL, ...STUDENT_NAMES.map(emailFor)];
}

export async function seedDemo({ ifEmpty = false, password = process.env.DEMO_PASSWORD || generateDemoPassword() } = {}) {
  const existing = await prisma.user.findUnique({ where: { email: DEMO_TEACHER_EMAIL } });
  if (existing) {
    if (ifEmpty) return { created: false as const };
    throw new Error("The demo is already seeded; use --if-empty to skip, or start from a fresh database.");
  }
  const random = mulberry32(20261125);
  const passwordHash = await hashPassword(password);
  const now = Date.now();
  const day = 24 * 60 * 60 * 1000;
  const start = now - 6 * day;

  const teacher = await prisma.user.create({ data: { email: DEMO_TEACHER_EMAIL, name: "Ms. Rivera", role: "TEACHER", passwordHash } });
  const classroom = await prisma.classroom.create({ data: { name: "Physics 9B", joinCode: "K7MPQ4", teachers: { create: { teacherId: teacher.id, source: "CREATED" } } } });
  const students = [];
  for (const name of STUDENT_NAMES) {
    const student = await prisma.user.create({ data: { email: emailFor(name), name, role: "STUDENT", passwordHash } });
    await prisma.enrollment.create({ data: { classroomId: classroom.id, studentId: student.id, joinedAt: new Date(start - day) } });
    students.push(student);
  }

  const project = await prisma.project.create({
    data: {
      classroomId: classroom.id,
      title: "Forces and motion",
      goal: "Explain and predict how objects move using forces, speed and acceleration.",
      instructions:
        "Work through the checkpoints in order. A \"not yet\" is information, not a grade: read the feedback, write a short reflection, and try again.",
      status: "PUBLISHED",
      publishedAt: new Date(start),
      createdAt: new Date(start - 2 * day),
    },
  });
  const m = async (name: string, description: string, nextStep: string) =>
    prisma.misconception.create({ data: { projectId: project.id, name, description, nextStep } });
  const forceNeeded = await m(
    "Motion needs a force",
    "Believes a moving object needs a constant force to keep moving.",
    "Think about a puck sliding on ice: what slows it down? Try the checkpoint again imagining no friction at all.",
  );
  const heavierFaster = await m(
    "Heavier falls faster",
    "Believes heavier objects fall faster than lighter ones when air resistance is negligible.",
    "Compare the acceleration a = F/m for a heavy and a light ball: what happens to F and m together?",
  );
  const speedAccel = await m(
    "Speed and acceleration confused",
    "Treats acceleration as the same thing as speed.",
    "Write down what changes each second: the position, or the speed? Acceleration is the change of speed per second.",
  );
  const unitSlip = await m("Unit slip", "Mixes units, e.g. km/h with m/s.", "Convert every quantity to SI units before you calculate.");

  const specs: { title: string; prompt: string; spec: CheckpointSpec; maxAttempts?: number }[] = [
    {
      title: "A puck on frictionless ice",
      prompt: "A hockey puck slides across perfectly frictionless ice. What happens to its motion after it leaves the stick?",
      spec: {
        kind: "MULTIPLE_CHOICE",
        options: [
          { id: "a", text: "It keeps moving at the same speed in a straight line", correct: true, feedback: "", misconceptionId: null },
          { id: "b", text: "It slows down because the force from the stick runs out", correct: false, feedback: "The stick's force stops when contact ends, but does the puck need a force to keep going?", misconceptionId: forceNeeded.id },
          { id: "c", text: "It speeds up", correct: false, feedback: "What force could be pushing it forward once it has left the stick?", misconceptionId: null },
          { id: "d", text: "It stops at once", correct: false, feedback: "Think about what would have to act on the puck to stop it.", misconceptionId: forceNeeded.id },
        ],
      },
    },
    {
      title: "Dropping two balls",
      prompt: "A 1 kg ball and a 5 kg ball are dropped from the same height at the same moment (ignore air resistance). Which statements are true? Choose all that apply.",
      spec: {
        kind: "MULTIPLE_CHOICE",
        options: [
          { id: "a", text: "They land at the same time", correct: true, feedback: "", misconceptionId: null },
          { id: "b", text: "They have the same acceleration", correct: true, feedback: "", misconceptionId: null },
          { id: "c", text: "The 5 kg ball lands first", correct: false, feedback: "The heavier ball is pulled harder, but it is also harder to accelerate.", misconceptionId: heavierFaster.id },
          { id: "d", text: "The 5 kg ball has five times the acceleration", correct: false, feedback: "Check a = F/m with F = m·g.", misconceptionId: heavierFaster.id },
        ],
      },
    },
    {
      title: "Speed of a cyclist",
      prompt: "A cyclist starts from rest and accelerates at 2.5 m/s² for 5 s. What is her speed at the end, in m/s?",
      spec: {
        kind: "NUMERIC",
        answer: 12.5,
        tolerance: 0.05,
        unit: "m/s",
        wrongValues: [
          { value: 2.5, feedback: "2.5 is the acceleration: how much the speed grows each second. How much has it grown after 5 seconds?", misconceptionId: speedAccel.id },
          { value: 45, feedback: "That looks like a conversion to km/h. The question asks for m/s.", misconceptionId: unitSlip.id },
        ],
        intermediateValues: [{ value: 2.5, label: "the acceleration itself" }],
      },
    },
    {
      title: "Why does the car keep going?",
      prompt: "A car drives at a constant 50 km/h on a straight, level road. Explain, in your own words, what the forces on the car are doing.",
      spec: {
        kind: "SHORT_TEXT",
        modelAnswer:
          "The forces are balanced: the driving force from the engine is equal and opposite to friction and air resistance, so the net force is zero and the velocity stays constant.",
      },
    },
    {
      title: "Stopping distance",
      prompt: "A car moving at 20 m/s brakes with a deceleration of 4 m/s². How far does it travel before stopping, in metres?",
      maxAttempts: 5,
      spec: {
        kind: "NUMERIC",
        answer: 50,
        tolerance: 0.5,
        unit: "m",
        wrongValues: [{ value: 5, feedback: "5 s is the time it takes to stop. How far does it go in that time, while slowing down?", misconceptionId: speedAccel.id }],
        intermediateValues: [{ value: 5, label: "the stopping time" }],
      },
    },
  ];

  const checkpoints = [];
  for (const [i, c] of specs.entries()) {
    const checkpoint = await prisma.checkpoint.create({
      data: {
        projectId: project.id,
        position: i + 1,
        kind: c.spec.kind,
        maxAttempts: c.maxAttempts ?? null,
        createdAt: new Date(start - day),
        versions: { create: { version: 1, title: c.title, prompt: c.prompt, spec: serializeSpec(c.spec), createdAt: new Date(start - day) } },
      },
      include: { versions: true },
    });
    checkpoints.push({ ...checkpoint, spec: c.spec, version: checkpoint.versions[0] });
  }

  const journal = REFLECTION_TEMPLATES.find((t) => t.key === "four-part-journal")!;
  const debrief = REFLECTION_TEMPLATES.find((t) => t.key === "blameless-debrief")!;
  await prisma.reflectionPrompt.create({
    data: { projectId: project.id, trigger: "PROJECT", title: debrief.title, questions: JSON.stringify(debrief.questions), templateKey: debrief.key, position: 1 },
  });
  for (const cp of checkpoints) {
    await prisma.reflectionPrompt.create({
      data: { projectId: project.id, checkpointId: cp.id, trigger: "AFTER_NOT_YET", title: journal.title, questions: JSON.stringify(journal.questions), templateKey: journal.key },
    });
  }

  // Typical answers: wrong ideas first, then revisions.
  const wrongAnswers: Record<number, string[][]> = {
    0: [["b"], ["d"], ["c"]],
    1: [["c"], ["a", "c"], ["d"], ["a"]],
    2: [["2.5"], ["45"], ["10"], ["-12.5"], ["1.25"]],
    4: [["5"], ["100"], ["80"]],
  };
  const rightAnswers: Record<number, string[]> = { 0: ["a"], 1: ["a", "b"], 2: ["12.5"], 4: ["50"] };
  const textWrong = [
    "The engine force is bigger than friction so the car keeps moving forward.",
    "There has to be a force pushing it forward or it would stop.",
    "The forward force is larger, that's why it moves.",
    "The car has momentum so there are no forces on it.",
  ];
  const textRight = [
    "The forces are balanced, the engine force equals the friction and air resistance so there is no net force and the speed stays the same.",
    "Driving force and drag are equal and opposite so the resultant force is zero and it keeps a constant velocity.",
    "Balanced forces: forward force = backward forces, so no acceleration.",
  ];

  const reflections = [
    {
      answers: [
        "I picked that the puck slows down because the push runs out.",
        "Nothing has to push the puck to keep it moving — forces change motion.",
        "Ask myself what force is acting right now, not what force acted before.",
        "",
      ],
      confidence: 3,
      support: false,
    },
    {
      answers: [
        "I said the heavier ball lands first.",
        "The bigger force is cancelled out by the bigger mass, so the acceleration is the same.",
        "Write a = F/m for both balls before guessing.",
        "Could we do the drop experiment in class?",
      ],
      confidence: 4,
      support: false,
    },
    {
      answers: [
        "I gave the acceleration as the answer.",
        "I'm still not sure what the difference between speed and acceleration is.",
        "Draw a table of speed each second.",
        "I'd like help with acceleration — I keep mixing it up with speed.",
      ],
      confidence: 2,
      support: true,
    },
    {
      answers: [
        "I said the engine force is bigger than friction.",
        "If the speed isn't changing, the forces on the car must balance.",
        "Check whether the speed is changing before I decide which force is bigger.",
        "",
      ],
      confidence: 3,
      support: false,
    },
  ];
  /** The reflection that fits each checkpoint's usual mix-up (puck, balls, cyclist, car, stopping distance). */
  const reflectionFor = [0, 1, 2, 3, 2];

  // "How sure are you?" before the outcome on about 70% of attempts: mostly in
  // line with the outcome, but a few students are sure of a wrong idea. Its own
  // generator, so the rest of the demo stays as it was.
  const sureRandom = mulberry32(20261202);
  const heldFirmly: Record<string, number[]> = { [heavierFaster.id]: [1, 6, 11, 16, 21], [forceNeeded.id]: [3, 13] };
  const howSure = (si: number, gotIt: boolean, misconceptionIds: string[]): number | null => {
    if (!gotIt && misconceptionIds.some((id) => heldFirmly[id]?.includes(si))) return sureRandom() < 0.6 ? 5 : 4;
    if (sureRandom() < 0.3) return null;
    const x = sureRandom();
    if (gotIt) return x < 0.05 ? 1 : x < 0.17 ? 2 : x < 0.4 ? 3 : x < 0.75 ? 4 : 5;
    return x < 0.25 ? 1 : x < 0.55 ? 2 : x < 0.85 ? 3 : 4;
  };

  let t = start;
  for (const [si, student] of students.entries()) {
    const skill = random();
    const reach = Math.min(checkpoints.length, 2 + Math.floor(random() * 4)); // how far they got
    t = start + si * 3 * 60 * 60 * 1000 * random();
    for (let ci = 0; ci < reach; ci++) {
      const cp = checkpoints[ci];
      let number = 0;
      const wrongTries = skill > 0.75 ? 0 : skill > 0.4 ? 1 : 2 + Math.floor(random() * 2);
      const gives = si % 9 === 4 && ci === 2 ? "stuck" : "ok";
      const tries = Math.min(wrongTries + 1, cp.maxAttempts ?? 99);
      for (let k = 0; k < tries; k++) {
        number += 1;
        t += (10 + random() * 240) * 60 * 1000;
        const last = k === tries - 1 && gives === "ok";
        let answer: string;
        if (cp.spec.kind === "SHORT_TEXT") {
          answer = last ? textRight[(si + k) % textRight.length] : textWrong[(si + k) % textWrong.length];
        } else {
          const pool = wrongAnswers[ci];
          const raw = last ? rightAnswers[ci] : pool[Math.floor(random() * pool.length)];
          const parsed = cp.spec.kind === "MULTIPLE_CHOICE" ? parseAnswer(cp.spec, { optionIds: raw }) : parseAnswer(cp.spec, { value: raw[0] });
          if (!parsed.ok) throw new Error(`Seed answer does not parse: ${raw}`);
          answer = parsed.stored;
        }
        const parsed =
          cp.spec.kind === "MULTIPLE_CHOICE"
            ? parseAnswer(cp.spec, { optionIds: JSON.parse(answer) })
            : cp.spec.kind === "NUMERIC"
              ? parseAnswer(cp.spec, { value: answer })
              : parseAnswer(cp.spec, { text: answer });
        const result = grade(cp.spec, parsed);
        const attempt = await prisma.attempt.create({
          data: {
            studentId: student.id,
            checkpointId: cp.id,
            checkpointVersionId: cp.version.id,
            number,
            answer,
            outcome: result.outcome,
            confidence: howSure(si, cp.spec.kind === "SHORT_TEXT" ? last : result.outcome === "GOT_IT", result.misconceptionIds),
            createdAt: new Date(t),
            misconceptions: { create: result.misconceptionIds.map((id) => ({ misconceptionId: id, source: "RULE", createdAt: new Date(t) })) },
          },
        });
        if (cp.spec.kind === "SHORT_TEXT") {
          await prisma.attemptReview.create({
            data: { attemptId: attempt.id, reviewerId: student.id, role: "SELF", verdict: last ? "GOT_IT" : "NOT_YET", createdAt: new Date(t + 60_000) },
          });
          if (!last && (si + k) % 2 === 0) {
            await prisma.attemptMisconception.create({
              data: { attemptId: attempt.id, misconceptionId: forceNeeded.id, source: "TEACHER", setById: teacher.id, createdAt: new Date(t + day / 2) },
            });
          }
        }
        const notYet = result.outcome === "NOT_YET" || (cp.spec.kind === "SHORT_TEXT" && !last);
        if (notYet && (si + ci + k) % 2 === 0) {
          const r = reflections[reflectionFor[ci] ?? 0];
          await prisma.journalEntry.create({
            data: {
              studentId: student.id,
              projectId: project.id,
              checkpointId: cp.id,
              attemptId: attempt.id,
              responses: JSON.stringify(journal.questions.map((q, qi) => ({ question: q, answer: r.answers[qi] }))),
              confidence: r.confidence,
              supportNeeded: r.support && si % 3 === 0,
              status: "SUBMITTED",
              createdAt: new Date(t + 5 * 60_000),
              submittedAt: new Date(t + 5 * 60_000),
            },
          });
        }
      }
    }
  }

  // The short-text checkpoint: a group the teacher named, and answers worded
  // otherwise that the page suggests for it ("Likely also belongs here"); the
  // last one is close to the "momentum" answers, for when that group is named.
  const carCheckpoint = checkpoints.find((c) => c.spec.kind === "SHORT_TEXT");
  if (carCheckpoint?.spec.kind === "SHORT_TEXT") {
    const pushStays = await m(
      "The push stays in the object",
      "Believes a push is stored in the object and keeps acting after the contact ends.",
      "Once the hand or the engine stops touching it, what is still touching the car? Only things in contact (and gravity) can push or pull it.",
    );
    const answered = new Set((await prisma.attempt.findMany({ where: { checkpointId: carCheckpoint.id }, select: { studentId: true } })).map((a) => a.studentId));
    const fresh = students.filter((s) => !answered.has(s.id));
    const extraAnswers = [
      { text: "The push keeps acting on the car.", named: true },
      { text: "the push keeps acting on it", named: true },
      { text: "The force from the push stays inside it.", named: false },
      { text: "Push force is still acting on it after my hand leaves.", named: false },
      { text: "It keeps moving because the push is still acting on it.", named: false },
      { text: "It has lots of momentum, so it doesn't need a force any more.", named: false },
    ];
    const named: string[] = [];
    for (const [i, a] of extraAnswers.entries()) {
      const student = fresh[i] ?? students[students.length - 1 - i];
      const number = (await prisma.attempt.count({ where: { studentId: student.id, checkpointId: carCheckpoint.id } })) + 1;
      const at = new Date(now - day + i * 3_600_000);
      const result = grade(carCheckpoint.spec, parseAnswer(carCheckpoint.spec, { text: a.text }));
      const attempt = await prisma.attempt.create({
        data: { studentId: student.id, checkpointId: carCheckpoint.id, checkpointVersionId: carCheckpoint.version.id, number, answer: a.text, outcome: result.outcome, createdAt: at },
      });
      if (a.named) named.push(attempt.id);
    }
    await prisma.answerGroup.create({
      data: {
        checkpointId: carCheckpoint.id,
        label: pushStays.name,
        misconceptionId: pushStays.id,
        createdById: teacher.id,
        members: { create: named.map((attemptId) => ({ attemptId, source: "TEACHER" })) },
      },
    });
    await prisma.attemptMisconception.createMany({
      data: named.map((attemptId) => ({ attemptId, misconceptionId: pushStays.id, source: "CLUSTER", setById: teacher.id })),
    });
  }

  // Plans followed up, a re-check and a relapse (decision 017). Every "What
  // would I do differently?" answer above is a plan; after the attempt it was
  // for, most students said how it went (a few haven't yet).
  const planEntries = await prisma.journalEntry.findMany({
    where: { projectId: project.id, status: "SUBMITTED", attemptId: { not: null } },
    orderBy: { createdAt: "asc" },
    select: { id: true, studentId: true, checkpointId: true, createdAt: true },
  });
  const followUpCycle = ["HELPED", "HELPED", "DIDNT_HELP", "HELPED", "DIDNT_TRY", null, "HELPED", "DIDNT_HELP"] as const;
  for (const [i, e] of planEntries.entries()) {
    const next = await prisma.attempt.findFirst({
      where: { studentId: e.studentId, checkpointId: e.checkpointId ?? undefined, createdAt: { gt: e.createdAt } },
      orderBy: { createdAt: "asc" },
      select: { id: true, createdAt: true },
    });
    const result = followUpCycle[i % followUpCycle.length];
    if (!next || !result) continue;
    await prisma.planFollowUp.create({ data: { journalEntryId: e.id, attemptId: next.id, result, createdAt: new Date(next.createdAt.getTime() + 2 * 60_000) } });
  }

  // A later, different question on "Motion needs a force", marked as a re-check of it.
  const recheckSpec: CheckpointSpec = {
    kind: "MULTIPLE_CHOICE",
    options: [
      { id: "a", text: "Nothing: with no friction it keeps sliding at the same speed", correct: true, feedback: "", misconceptionId: null },
      { id: "b", text: "The push you gave it, which is slowly running out", correct: false, feedback: "Once your hands leave the box, what is still touching it?", misconceptionId: forceNeeded.id },
      { id: "c", text: "Gravity pulling it forward", correct: false, feedback: "Gravity pulls down, not along the floor.", misconceptionId: null },
    ],
  };
  const recheck = await prisma.checkpoint.create({
    data: {
      projectId: project.id,
      position: checkpoints.length + 1,
      kind: "MULTIPLE_CHOICE",
      createdAt: new Date(start - day),
      versions: {
        create: {
          version: 1,
          title: "A box on a smooth floor",
          prompt: "You push a box across a perfectly smooth floor and let go. It keeps sliding. What keeps it moving after you let go?",
          spec: serializeSpec(recheckSpec),
          createdAt: new Date(start - day),
        },
      },
      rechecks: { create: { misconceptionId: forceNeeded.id } },
    },
    include: { versions: true },
  });
  // Students who showed "Motion needs a force" on the puck and then got it: most hold on the re-check, two show it again.
  const puck = checkpoints[0];
  const recovered = [];
  for (const student of students) {
    const tries = await prisma.attempt.findMany({ where: { studentId: student.id, checkpointId: puck.id }, orderBy: { number: "asc" }, select: { outcome: true, misconceptions: { select: { misconceptionId: true } } } });
    const showed = tries.findIndex((a) => a.misconceptions.some((t) => t.misconceptionId === forceNeeded.id));
    if (showed >= 0 && tries.slice(showed + 1).some((a) => a.outcome === "GOT_IT")) recovered.push(student);
  }
  for (const [i, student] of recovered.slice(0, 9).entries()) {
    const last = await prisma.attempt.findFirst({ where: { studentId: student.id }, orderBy: { createdAt: "desc" }, select: { createdAt: true } });
    let when = Math.max(now - day / 2, (last?.createdAt.getTime() ?? 0) + 60 * 60_000);
    const relapse = i === 2 || i === 6;
    const answers = relapse ? (i === 2 ? [["b"], ["a"]] : [["b"]]) : [["a"]];
    for (const [k, optionIds] of answers.entries()) {
      const parsed = parseAnswer(recheckSpec, { optionIds });
      if (!parsed.ok) throw new Error("Seed re-check answer does not parse");
      const result = grade(recheckSpec, parsed);
      const attempt = await prisma.attempt.create({
        data: {
          studentId: student.id,
          checkpointId: recheck.id,
          checkpointVersionId: recheck.versions[0].id,
          number: k + 1,
          answer: parsed.stored,
          outcome: result.outcome,
          confidence: relapse && k === 0 ? 4 : 3,
          createdAt: new Date(when),
          misconceptions: { create: result.misconceptionIds.map((id) => ({ misconceptionId: id, source: "RULE", createdAt: new Date(when) })) },
        },
      });
      if (relapse && k === 0) {
        // The idea came back; a reflection with a plan, followed up after the next try.
        const entry = await prisma.journalEntry.create({
          data: {
            studentId: student.id,
            projectId: project.id,
            checkpointId: recheck.id,
            attemptId: attempt.id,
            responses: JSON.stringify(
              journal.questions.map((q, qi) => ({
                question: q,
                answer: [
                  "I said the push keeps it going, the same mistake as with the puck.",
                  "I still picture the push as something the box carries with it.",
                  "Before answering, list what is touching the box after I let go.",
                  "",
                ][qi],
              })),
            ),
            confidence: 3,
            status: "SUBMITTED",
            createdAt: new Date(when + 5 * 60_000),
            submittedAt: new Date(when + 5 * 60_000),
          },
        });
        if (answers.length > 1) {
          when += 40 * 60_000;
          const nextTry = await prisma.attempt.create({
            data: {
              studentId: student.id,
              checkpointId: recheck.id,
              checkpointVersionId: recheck.versions[0].id,
              number: 2,
              answer: JSON.stringify(["a"]),
              outcome: "GOT_IT",
              confidence: 4,
              createdAt: new Date(when),
            },
          });
          await prisma.planFollowUp.create({ data: { journalEntryId: entry.id, attemptId: nextTry.id, result: "HELPED", createdAt: new Date(when + 60_000) } });
          break;
        }
      }
      when += 40 * 60_000;
    }
  }

  // One teacher comment, edited once (both versions kept).
  const amara = students[0];
  const firstEntry = await prisma.journalEntry.findFirst({ where: { studentId: amara.id }, orderBy: { createdAt: "asc" } });
  const comment = await prisma.teacherComment.create({
    data: { authorId: teacher.id, studentId: amara.id, projectId: project.id, journalEntryId: firstEntry?.id ?? null },
  });
  await prisma.teacherCommentVersion.create({ data: { commentId: comment.id, version: 1, body: "Great reflection — you spotted exactly where your thinking changed.", createdAt: new Date(now - day) } });
  await prisma.teacherCommentVersion.create({
    data: { commentId: comment.id, version: 2, body: "Great reflection — you spotted exactly where your thinking changed. Try the same question for the ball drop next.", createdAt: new Date(now - day + 3_600_000) },
  });
  // A free journal entry and a draft in progress, to show both.
  await prisma.journalEntry.create({
    data: {
      studentId: amara.id,
      projectId: project.id,
      responses: JSON.stringify([{ question: null, answer: "I used to think you always need a push to keep moving. Now I think about what changes the motion." }]),
      confidence: 4,
      status: "SUBMITTED",
      submittedAt: new Date(now - day / 2),
      createdAt: new Date(now - day / 2),
    },
  });
  await seedGroupFeedbackAndGoals({ teacherId: teacher.id, classroomId: classroom.id, projectId: project.id, misconceptionId: forceNeeded.id, now });
  // A finished class failure session on the project, and the class's next project that carries its agreed actions (decision 019).
  await seedFailureSession({ classroomId: classroom.id, projectId: project.id, students, now, day });
  await seedMathsDiagnostic({ teacherId: teacher.id, classroomId: classroom.id, students, now, day });
  return { created: true as const, password, teacher, classroom, project, students: students.length };
}

/**
 * Issue 10 (decision 018): one group feedback on "Motion needs a force",
 * received by everyone whose answer showed it and opened by about half of
 * them; learning goals set from it and from a "not yet", with statuses, notes
 * and a teacher's comment.
 */
async function seedGroupFeedbackAndGoals(input: { teacherId: string; classroomId: string; projectId: string; misconceptionId: string; now: number }) {
  const { teacherId, classroomId, projectId, misconceptionId, now } = input;
  const hour = 60 * 60 * 1000;
  const body = "Lots of you thought the puck needs a push to keep going. Picture it on ice with no friction at all: what would slow it down? Nothing — so it keeps its speed. Try the checkpoint again with that picture in mind.";
  const misconception = await prisma.misconception.findUniqueOrThrow({ where: { id: misconceptionId }, select: { name: true } });
  const feedback = await prisma.groupFeedback.create({
    data: { projectId, authorId: teacherId, targetKind: "MISCONCEPTION", misconceptionId, targetLabel: misconception.name, body, createdAt: new Date(now - 20 * hour) },
  });
  const tagged = await prisma.attempt.findMany({
    where: { checkpoint: { projectId }, misconceptions: { some: { misconceptionId, active: true } } },
    orderBy: [{ createdAt: "desc" }, { number: "desc" }],
    select: { id: true, studentId: true },
  });
  const latest = new Map<string, string>();
  for (const a of tagged) if (!latest.has(a.studentId)) latest.set(a.studentId, a.id);
  const copies: { id: string; studentId: string; attemptId: string }[] = [];
  let i = 0;
  for (const [studentId, attemptId] of latest) {
    const opened = i++ % 2 === 0;
    const copy = await prisma.teacherComment.create({
      data: {
        authorId: teacherId,
        studentId,
        projectId,
        attemptId,
        groupFeedbackId: feedback.id,
        createdAt: new Date(now - 20 * hour),
        firstReadAt: opened ? new Date(now - (18 - i) * hour) : null,
        versions: { create: { version: 1, body, createdAt: new Date(now - 20 * hour) } },
      },
      select: { id: true },
    });
    copies.push({ id: copy.id, studentId, attemptId });
  }

  // Goals: from the group feedback, from a "not yet", reached and let go, with notes over time.
  const goalsFrom = copies.slice(0, 3);
  const texts = [
    { text: "Before I answer, ask: is anything actually pushing or pulling it right now?", status: "WORKING", days: 7 },
    { text: "Explain the puck question to someone else without saying 'it needs a push'.", status: "REACHED", days: 3 },
    { text: "Draw a force diagram for every motion question this week.", status: "LET_GO", days: 5 },
  ];
  for (const [n, from] of goalsFrom.entries()) {
    const spec = texts[n];
    const goal = await prisma.learningGoal.create({
      data: {
        studentId: from.studentId,
        classroomId,
        projectId,
        commentId: from.id,
        text: spec.text,
        status: spec.status,
        targetDate: new Date(Date.UTC(new Date(now).getUTCFullYear(), new Date(now).getUTCMonth(), new Date(now).getUTCDate() + spec.days)),
        createdAt: new Date(now - 16 * hour),
      },
    });
    await prisma.learningGoalNote.create({ data: { goalId: goal.id, authorId: from.studentId, role: "STUDENT", body: "Tried it on the puck question: it made sense once I pictured the ice.", createdAt: new Date(now - 10 * hour) } });
    if (spec.status === "REACHED") {
      await prisma.learningGoalNote.create({ data: { goalId: goal.id, authorId: from.studentId, role: "STUDENT", status: "REACHED", body: "Explained it to my partner and got the next checkpoint first try.", createdAt: new Date(now - 4 * hour) } });
      await prisma.learningGoalNote.create({ data: { goalId: goal.id, authorId: teacherId, role: "TEACHER", body: "That's exactly the kind of evidence that shows it stuck. Well done.", createdAt: new Date(now - 2 * hour) } });
    }
    if (spec.status === "LET_GO") {
      await prisma.learningGoalNote.create({ data: { goalId: goal.id, authorId: from.studentId, role: "STUDENT", status: "LET_GO", body: "Too much for this week; I'll do it for the tricky ones only.", createdAt: new Date(now - 3 * hour) } });
    }
  }
  const notYet = await prisma.attempt.findFirst({ where: { checkpoint: { projectId }, outcome: "NOT_YET", studentId: { notIn: goalsFrom.map((g) => g.studentId) } }, orderBy: { createdAt: "desc" }, select: { id: true, studentId: true } });
  if (notYet) {
    await prisma.learningGoal.create({
      data: { studentId: notYet.studentId, classroomId, projectId, attemptId: notYet.id, text: "Convert every quantity to m/s before I calculate.", createdAt: new Date(now - 6 * hour) },
    });
  }
}

const isMain = process.argv[1] && /seed\.ts$/.test(process.argv[1]);
if (isMain) {
  const ifEmpty = process.argv.includes("--if-empty");
  seedDemo({ ifEmpty })
    .then((result) => {
      const logins = `teacher ${DEMO_TEACHER_EMAIL}; students amara@rebound.test, ben@rebound.test, … zoe@rebound.test`;
      if (result.created) {
        console.log(`Seeded the demo: ${result.students} students in Physics 9B, projects "Forces and motion", "Energy and work" and "Maths for physics: a diagnostic check".`);
        console.log(`Demo logins: ${logins}. Password for all of them: ${result.password}`);
        console.log("It is stored only as a hash and not shown again; `npm run demo:password` sets a new one.");
      } else {
        console.log(`Demo data already present; left as it is. Logins: ${logins}.`);
        console.log("Its password was printed when it was seeded; `npm run demo:password` sets a new one.");
      }
    })
    .catch((error) => {
      console.error(error);
      process.exitCode = 1;
    })
    .finally(() => prisma.$disconnect());
}

/**
 * The demo's class failure session (decision 019): "Forces and motion" held one
 * with the blameless-debrief questions, closed yesterday. Posts were released in
 * two batches (one kept off the board, one withdrawn by its author), classmates
 * left "what helped me" notes and reactions, and the class agreed on three
 * actions, carried into the next project, "Energy and work", where the teacher
 * has already marked one done.
 */
async function seedFailureSession(input: { classroomId: string; projectId: string; students: { id: string; name: string }[]; now: number; day: number }) {
  const { now, day, students } = input;
  const by = (first: string) => students.find((s) => s.name.startsWith(first))!.id;
  const opened = now - day - 3 * 3_600_000;
  const at = (minutes: number) => new Date(opened + minutes * 60_000);
  const blameless = REFLECTION_TEMPLATES.find((t) => t.key === "blameless-debrief")!;
  const session = await prisma.failureSession.create({
    data: {
      projectId: input.projectId,
      prompt: blameless.questions.join("\n"),
      templateKey: blameless.key,
      openedAt: at(0),
      endsAt: at(20),
      closedAt: at(28),
      batches: 2,
      boardVersion: 12,
      version: 30,
    },
  });
  const posts: { who: string; setback: string; learned: string; batch: number | null; status?: string; withdrawn?: boolean; minute: number }[] = [
    { who: "Amara", setback: "I assumed the puck needed a push to keep going, and got the ice question wrong twice.", learned: "Friction is what slows things down: with no friction nothing stops the puck.", batch: 1, minute: 3 },
    { who: "Dev", setback: "I forgot to convert the units on the cyclist question.", learned: "Convert everything to SI units before calculating.", batch: 1, minute: 4 },
    { who: "Grace", setback: "I thought the heavier ball would land first.", learned: "Both balls speed up the same way: the mass cancels out in a = F/m.", batch: 1, minute: 5 },
    { who: "Noah", setback: "I forgot to convert the units, so my answer was 3.6 times too big.", learned: "Write the unit next to every number, every line.", batch: 2, minute: 8 },
    { who: "Priya", setback: "I rushed the stopping-distance question and picked the wrong formula.", learned: "Read the question twice and list what is given before picking a formula.", batch: 1, minute: 6 },
    { who: "Hugo", setback: "I thought acceleration meant going fast.", learned: "Acceleration is how quickly the speed changes, not the speed itself.", batch: 2, minute: 9 },
    { who: "Sami", setback: "I stayed stuck on one checkpoint for ages without asking anyone.", learned: "Asking after two tries would have saved me half an hour.", batch: 2, minute: 11 },
    { who: "Leo", setback: "This was boring", learned: "idk", batch: null, status: "DECLINED", minute: 7 },
    { who: "Maya", setback: "I copied my partner's answer without understanding it.", learned: "I want to talk to the teacher about this one first.", batch: null, withdrawn: true, minute: 10 },
  ];
  const ids = new Map<string, string>();
  for (const p of posts) {
    const created = await prisma.failurePost.create({
      data: {
        sessionId: session.id,
        studentId: by(p.who),
        setback: p.setback,
        learned: p.learned,
        status: p.status ?? (p.batch ? "RELEASED" : "PENDING"),
        batch: p.batch,
        moderatedAt: p.batch ? at(p.batch === 1 ? 7 : 13) : p.status ? at(7) : null,
        withdrawnAt: p.withdrawn ? at(12) : null,
        createdAt: at(p.minute),
      },
    });
    ids.set(p.who, created.id);
  }
  const notes: { who: string; on: string; text: string; batch: number; minute: number }[] = [
    { who: "Elif", on: "Dev", text: "I write m/s on every line now; it caught two mistakes on the last checkpoint.", batch: 2, minute: 10 },
    { who: "Ben", on: "Amara", text: "Imagining the puck on an air-hockey table helped me.", batch: 2, minute: 11 },
    { who: "Isla", on: "Grace", text: "The video of the hammer and the feather dropped on the Moon helped me.", batch: 2, minute: 12 },
    { who: "Tara", on: "Sami", text: "I ask my partner first, then the teacher. It's quicker than you think.", batch: 2, minute: 12 },
  ];
  for (const n of notes) {
    await prisma.failureNote.create({
      data: { sessionId: session.id, postId: ids.get(n.on)!, studentId: by(n.who), text: n.text, status: "RELEASED", batch: n.batch, moderatedAt: at(13), createdAt: at(n.minute) },
    });
  }
  const reactions: [string, string, string][] = [
    ["Ben", "Dev", "ME_TOO"], ["Chloé", "Dev", "ME_TOO"], ["Finn", "Dev", "ME_TOO"], ["Kiara", "Dev", "THANKS"],
    ["Olivia", "Amara", "ME_TOO"], ["Quinn", "Amara", "HELPS"], ["Rosa", "Grace", "ME_TOO"], ["Umar", "Grace", "THANKS"],
    ["Vera", "Priya", "HELPS"], ["Wen", "Hugo", "ME_TOO"], ["Yusuf", "Sami", "ME_TOO"], ["Zoe", "Sami", "THANKS"], ["Jonas", "Noah", "HELPS"],
  ];
  for (const [who, on, kind] of reactions) await prisma.failureReaction.create({ data: { postId: ids.get(on)!, studentId: by(who), kind, createdAt: at(15) } });
  const agreed = [
    "Convert every quantity to SI units before calculating.",
    "Ask a partner or the teacher after two tries on the same checkpoint.",
    "Read the question twice and list what is given before choosing a formula.",
  ];
  for (const [position, text] of agreed.entries()) {
    await prisma.agreedAction.create({
      data: { sessionId: session.id, position, text, createdAt: at(28), status: position === 0 ? "DONE" : null, markedAt: position === 0 ? new Date(now - 2 * 3_600_000) : null },
    });
  }

  const next = await prisma.project.create({
    data: {
      classroomId: input.classroomId,
      title: "Energy and work",
      goal: "Describe how energy is transferred and calculate the work done by a force.",
      instructions: "Start with what we agreed at the end of Forces and motion: units first, and ask after two tries.",
      status: "PUBLISHED",
      publishedAt: new Date(now - day / 2),
      createdAt: new Date(now - day / 2),
    },
  });
  const spec: CheckpointSpec = {
    kind: "MULTIPLE_CHOICE",
    options: [
      { id: "a", text: "20 J", correct: true, feedback: "", misconceptionId: null },
      { id: "b", text: "2 J", correct: false, feedback: "Work is force times distance: what is the force of gravity on 2 kg?", misconceptionId: null },
      { id: "c", text: "10 J", correct: false, feedback: "Check the mass: the box is 2 kg.", misconceptionId: null },
    ],
  };
  await prisma.checkpoint.create({
    data: {
      projectId: next.id,
      position: 1,
      kind: spec.kind,
      createdAt: new Date(now - day / 2),
      versions: { create: { version: 1, title: "Lifting a box", prompt: "You lift a 2 kg box straight up by 1 m. How much work do you do? (g = 10 N/kg)", spec: serializeSpec(spec), createdAt: new Date(now - day / 2) } },
    },
  });
}

/** The demo's diagnostic questions (written for the demo): twelve items, each wrong option mapped to a misconception. */
export const DEMO_DIAGNOSTIC_CSV = path.resolve(import.meta.dirname, "demo/maths-for-physics.csv");
export const DEMO_DIAGNOSTIC_TITLE = "Maths for physics: a diagnostic check";

/**
 * Issue 11: a small maths project made by the real importer from the demo's
 * diagnostic-question CSV (read, planned and saved as a teacher's upload is),
 * published, with a morning's attempts on it, so the insight shows which wrong
 * options point to which misconceptions. Its own generator, so the rest of the
 * demo stays as it was.
 */
async function seedMathsDiagnostic(input: { teacherId: string; classroomId: string; students: { id: string }[]; now: number; day: number }) {
  const { outcome, read } = await importFile({ teacherId: input.teacherId, classroomId: input.classroomId, projectId: null }, "maths-for-physics.csv", new Uint8Array(readFileSync(DEMO_DIAGNOSTIC_CSV)), {
    projectTitle: DEMO_DIAGNOSTIC_TITLE,
  });
  if (!outcome?.ok) throw new Error(`The demo's diagnostic questions did not import: ${read.ok ? "not saved" : read.why}`);
  const opened = input.now - input.day / 2;
  await prisma.project.update({
    where: { id: outcome.projectId },
    data: {
      goal: "Check the maths physics leans on — rearranging, standard form, units, ratio, graphs — and find which idea gets in the way.",
      instructions: "One try each is enough to start: every wrong option tells us something. Read the feedback, then try again.",
      status: "PUBLISHED",
      publishedAt: new Date(opened),
    },
  });
  const checkpoints = await prisma.checkpoint.findMany({ where: { projectId: outcome.projectId }, orderBy: { position: "asc" }, include: { versions: true } });
  const random = mulberry32(20261220);
  // Most students answer most items; a wrong first answer is likelier on the later, harder ones, and the first distractor is the commonest.
  for (const [si, student] of input.students.entries()) {
    if (si % 5 === 4) continue;
    const reach = 6 + Math.floor(random() * 7);
    let t = opened + si * 7 * 60_000;
    for (const cp of checkpoints.slice(0, reach)) {
      const version = cp.versions[0];
      const spec = parseSpec(version.spec);
      if (spec.kind !== "MULTIPLE_CHOICE") continue;
      const wrong = spec.options.filter((o) => !o.correct);
      const right = spec.options.filter((o) => o.correct);
      const firstWrong = random() < 0.3 + cp.position * 0.025;
      const tries = firstWrong ? [wrong[random() < 0.55 ? 0 : Math.floor(random() * wrong.length)], ...(random() < 0.75 ? [right[0]] : [])] : [right[0]];
      for (const [k, option] of tries.entries()) {
        t += (1 + random() * 4) * 60_000;
        const parsed = parseAnswer(spec, { optionIds: [option.id] });
        if (!parsed.ok) throw new Error("Seed diagnostic answer does not parse");
        const result = grade(spec, parsed);
        await prisma.attempt.create({
          data: {
            studentId: student.id,
            checkpointId: cp.id,
            checkpointVersionId: version.id,
            number: k + 1,
            answer: parsed.stored,
            outcome: result.outcome,
            confidence: random() < 0.5 ? null : result.outcome === "GOT_IT" ? 4 : 3,
            createdAt: new Date(t),
            misconceptions: { create: result.misconceptionIds.map((id) => ({ misconceptionId: id, source: "RULE", createdAt: new Date(t) })) },
          },
        });
      }
    }
  }
}
