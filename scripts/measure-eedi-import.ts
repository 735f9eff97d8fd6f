// `npm run measure:eedi-import`: the diagnostic-question import measured on the
// shared Eedi data (issue 11). The two files (train.csv, misconception_mapping.csv)
// are read from REBOUND_DATA_DIR (default ../shared/data)/eedi, zipped in memory
// as a teacher would send them — never copied into the project — and imported
// into a fresh, migrated SQLite database in a temporary folder, as a new draft
// project of a new class. Prints the time to read and plan, the time to save,
// and what was skipped and why (grouped), then one JSON line.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { zipSync } from "fflate";
import { migrateSqlite } from "./lib/migrate";

const dataDir = path.resolve(process.env.REBOUND_DATA_DIR ?? path.resolve(import.meta.dirname, "..", "..", "shared", "data"), "eedi");
const files = ["train.csv", "misconception_mapping.csv"].map((f) => path.join(dataDir, f));
if (!files.every((f) => existsSync(f))) {
  console.error(`The Eedi files are not in ${dataDir} (train.csv, misconception_mapping.csv). Set REBOUND_DATA_DIR to the folder holding eedi/.`);
  process.exit(1);
}
const dir = mkdtempSync(path.join(tmpdir(), "rebound-eedi-"));
const dbFile = path.join(dir, "measure.db");
migrateSqlite(dbFile);
process.env.DATABASE_URL = `file:${dbFile}`;

const { prisma } = await import("~/db.server");
const { readAndPlan } = await import("~/models/question-import.server");
const { importFile } = await import("~/models/question-import.server");

try {
  const zip = zipSync({ "train.csv": new Uint8Array(readFileSync(files[0])), "misconception_mapping.csv": new Uint8Array(readFileSync(files[1])) });
  const teacher = await prisma.user.create({ data: { email: "measure@example.test", name: "Measure", role: "TEACHER", passwordHash: "-" } });
  const classroom = await prisma.classroom.create({ data: { name: "Eedi", joinCode: "EEDI00", teachers: { create: { teacherId: teacher.id, source: "CREATED" } } } });

  let started = performance.now();
  const read = readAndPlan("eedi.zip", zip);
  const readMs = performance.now() - started;
  if (!read.ok) throw new Error(`The Eedi zip could not be read: ${read.why}`);
  started = performance.now();
  const { outcome } = await importFile({ teacherId: teacher.id, classroomId: classroom.id, projectId: null }, "eedi.zip", zip, { projectTitle: "Eedi" });
  const totalMs = performance.now() - started;
  if (!outcome?.ok) throw new Error("The import did not save.");
  const plan = read.plan;
  const reasons = new Map<string, string[]>();
  for (const s of plan.skipped) {
    const key = s.why.replace(/\d+/g, "N");
    reasons.set(key, [...(reasons.get(key) ?? []), s.where]);
  }
  const questions = plan.checkpoints.length + plan.skipped.length;
  console.log(`Eedi import: ${(zip.byteLength / 1024).toFixed(0)} KB zip, ${questions} questions.`);
  console.log(`Read and planned in ${(readMs / 1000).toFixed(1)} s; read, planned and saved (one transaction) in ${(totalMs / 1000).toFixed(1)} s.`);
  console.log(`Imported ${outcome.checkpoints} checkpoints; ${outcome.misconceptionsCreated} misconceptions added; ${plan.skipped.length} questions skipped.`);
  for (const note of plan.notes) console.log(`Note: ${note}`);
  for (const [why, where] of reasons) console.log(`Skipped ${where.length}× — ${why} (${where.slice(0, 4).join("; ")}${where.length > 4 ? "; …" : ""})`);
  console.log(JSON.stringify({ questions, imported: outcome.checkpoints, skipped: plan.skipped.length, misconceptions: outcome.misconceptionsCreated, readSeconds: +(readMs / 1000).toFixed(2), totalSeconds: +(totalMs / 1000).toFixed(2) }));
} finally {
  await prisma.$disconnect();
  rmSync(dir, { recursive: true, force: true });
}
