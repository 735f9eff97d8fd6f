// A measurement, not a check (issue 11): how long making a sign-in sheet takes
// for a class of 150 students without a password (150 argon2 hashes), three
// runs. Skipped unless asked for:
//   MEASURE_SIGN_IN_SHEET=1 npx vitest run tests/integration/sign-in-sheet-speed.test.ts
import { it } from "vitest";
import { NO_PASSWORD_YET } from "~/auth/password.server";
import { prisma } from "~/db.server";
import { issueSignInSheet } from "~/models/setup-code.server";
import { createClassroom, createTeacher } from "../support/factories";

it.runIf(process.env.MEASURE_SIGN_IN_SHEET === "1")("a sign-in sheet for 150 students", async () => {
  const teacher = await createTeacher();
  const classroom = await createClassroom(teacher.id);
  for (let i = 0; i < 150; i++) {
    const s = await prisma.user.create({ data: { name: `S${i}`, email: `s${i}@b.example`, role: "STUDENT", passwordHash: NO_PASSWORD_YET } });
    await prisma.enrollment.create({ data: { classroomId: classroom.id, studentId: s.id } });
  }
  const times: number[] = [];
  for (let run = 0; run < 3; run++) {
    const t = performance.now();
    const cards = await issueSignInSheet(teacher.id, classroom.id, "all");
    times.push(performance.now() - t);
    if (cards!.filter((c) => c.code).length !== 150) throw new Error("not 150 codes");
  }
  console.log(`SIGN-IN SHEET 150 students: ${times.map((t) => (t / 1000).toFixed(2)).join("s, ")}s`);
}, 120_000);
