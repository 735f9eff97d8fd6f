// `npm run import -- questions FILE --class JOIN_CODE [--project-title TITLE] [--project ID]`
// (issue 11): the question-bank import of the pages, for administrators and
// scripts, against DATABASE_URL. Without --project it makes a draft project in
// the class (titled TITLE, or after the file); with it, it adds to that
// project of the class. Prints the report the page shows, then, last, one
// JSON line: {"imported": N, "skipped": N, "errors": [{"where": "...", "why": "..."}]}
// (the skipped questions and why, or why the file could not be read). A file
// that cannot be read, or a class or project not found, exits 1 and changes
// nothing; a wrong command line exits 2. `roster FILE --class JOIN_CODE
// [--oneroster-class SOURCEDID]` enrols a CSV's or a OneRoster zip's students
// the same way (decision 024), with the same last line.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { prisma } from "~/db.server";
import { KIND_LABELS } from "~/domain/checkpoint-spec";
import { FORMAT_NAMES } from "~/domain/question-import/types";
import { IMPORT_LIMITS, mb } from "~/domain/question-import/limits";
import { importFile } from "~/models/question-import.server";
import { reportJson, reportLines } from "~/domain/roster-import/report";
import { importRosterFile, readRoster } from "~/models/roster-import.server";

const USAGE = "Usage: npm run import -- questions FILE --class JOIN_CODE [--project-title TITLE] [--project ID]\n       npm run import -- roster FILE --class JOIN_CODE [--oneroster-class SOURCEDID …]";

interface Summary {
  imported: number;
  skipped: number;
  errors: { where: string; why: string }[];
}

function finish(summary: Summary, code: number): never {
  console.log(JSON.stringify(summary));
  process.exit(code);
}

async function main() {
  let parsed;
  try {
    parsed = parseArgs({
      args: process.argv.slice(2),
      allowPositionals: true,
      options: { class: { type: "string" }, "project-title": { type: "string" }, project: { type: "string" }, "oneroster-class": { type: "string", multiple: true } },
    });
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : error}\n${USAGE}`);
    process.exit(2);
  }
  const [command, file] = parsed.positionals;
  if ((command !== "questions" && command !== "roster") || !file || !parsed.values.class) {
    console.error(command && command !== "questions" && command !== "roster" ? `“${command}” is not an import this version of Rebound knows.\n${USAGE}` : USAGE);
    process.exit(2);
  }
  let bytes: Uint8Array;
  try {
    const buffer = readFileSync(file);
    if (buffer.byteLength > IMPORT_LIMITS.uploadBytes) finish({ imported: 0, skipped: 0, errors: [{ where: file, why: `The file is ${mb(buffer.byteLength)}; one import takes at most ${mb(IMPORT_LIMITS.uploadBytes)}.` }] }, 1);
    bytes = new Uint8Array(buffer);
  } catch (error) {
    console.error(`Cannot read ${file}: ${error instanceof Error ? error.message : error}`);
    finish({ imported: 0, skipped: 0, errors: [{ where: file, why: "The file cannot be read." }] }, 1);
  }
  const code = parsed.values.class.trim().toUpperCase();
  const classroom = await prisma.classroom.findFirst({ where: { joinCode: code, archivedAt: null }, select: { id: true, name: true, teachers: { orderBy: { addedAt: "asc" }, take: 1, select: { teacherId: true } } } });
  // The command acts as the class's first teacher (decision 021: every teacher of a class has the same rights).
  const teacherId = classroom?.teachers[0]?.teacherId;
  if (!classroom || !teacherId) finish({ imported: 0, skipped: 0, errors: [{ where: "--class", why: `No class with join code ${code} (or it is archived).` }] }, 1);
  if (command === "roster") return importRoster(file, bytes, classroom, teacherId, parsed.values["oneroster-class"] ?? []);
  const projectId = parsed.values.project ?? null;
  if (projectId && !(await prisma.project.findFirst({ where: { id: projectId, classroomId: classroom.id }, select: { id: true } }))) {
    finish({ imported: 0, skipped: 0, errors: [{ where: "--project", why: `Class ${classroom.name} has no project ${projectId}.` }] }, 1);
  }

  const started = performance.now();
  const { read, outcome } = await importFile({ teacherId, classroomId: classroom.id, projectId }, path.basename(file), bytes, { projectTitle: parsed.values["project-title"] });
  if (!read.ok) {
    console.log(`Nothing was imported from ${file}: ${read.why}`);
    finish({ imported: 0, skipped: 0, errors: [{ where: read.where, why: read.why }] }, 1);
  }
  const plan = read.plan;
  if (!outcome?.ok) finish({ imported: 0, skipped: plan.skipped.length, errors: [{ where: "--project", why: "The project is no longer there." }] }, 1);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`${FORMAT_NAMES[plan.format]}: ${path.basename(file)} → class ${classroom.name}, project ${outcome.projectId}${projectId ? "" : " (a new draft)"} in ${seconds} s`);
  for (const [i, c] of plan.checkpoints.entries()) console.log(`  ${i + 1}. ${c.input.title} (${KIND_LABELS[c.kind]})${c.notes.length ? ` — ${c.notes.join(" ")}` : ""}`);
  console.log(`Imported ${outcome.checkpoints} checkpoint(s); misconceptions: ${outcome.misconceptionsCreated} added, ${outcome.misconceptionsReused} already in the project; ${outcome.images} picture(s); ${outcome.prompts} reflection prompt(s).`);
  for (const note of plan.notes) console.log(`Note: ${note}`);
  if (plan.skipped.length) {
    console.log(`Not imported (${plan.skipped.length}):`);
    for (const s of plan.skipped) console.log(`  ${s.where}: ${s.why}`);
  }
  finish({ imported: outcome.checkpoints, skipped: plan.skipped.length, errors: plan.skipped.map((s) => ({ where: s.where, why: s.why })) }, 0);
}

/**
 * `roster FILE --class JOIN_CODE [--oneroster-class SOURCEDID …]` (decision 024): a CSV, or the
 * chosen classes of a OneRoster zip (the only one when it has one). Prints the report the roster
 * page shows; students missing from a bulk file are listed, never removed (that needs the page's
 * confirmation). New accounts' set-up codes are not printed: the sign-in sheet makes them.
 */
async function importRoster(file: string, bytes: Uint8Array, classroom: { id: string; name: string }, teacherId: string, wanted: string[]): Promise<never> {
  const read = readRoster(path.basename(file), bytes);
  if (!read.ok) {
    console.log(`Nothing was imported from ${file}:`);
    for (const i of read.issues) console.log(`  ${i.where}: ${i.why}`);
    finish({ imported: 0, skipped: 0, errors: read.issues }, 1);
  }
  const { roster } = read;
  let classIds = wanted;
  if (roster.format === "oneroster") {
    const known = roster.classes.map((c) => c.sourcedId);
    const unknown = wanted.filter((c) => !known.includes(c));
    if (unknown.length) finish({ imported: 0, skipped: 0, errors: unknown.map((c) => ({ where: "--oneroster-class", why: `The file has no class ${c}; it has ${known.join(", ")}.` })) }, 1);
    if (classIds.length === 0 && known.length === 1) classIds = known;
    if (classIds.length === 0) {
      for (const c of roster.classes) console.log(`  ${c.sourcedId}: ${c.title}${c.course ? ` (${c.course})` : ""}`);
      finish({ imported: 0, skipped: 0, errors: [{ where: "--oneroster-class", why: `The file has ${known.length} classes: choose which with --oneroster-class SOURCEDID.` }] }, 1);
    }
  } else if (wanted.length) finish({ imported: 0, skipped: 0, errors: [{ where: "--oneroster-class", why: "A CSV roster has no OneRoster classes to choose." }] }, 1);
  const { outcome } = await importRosterFile({ teacherId, classroomId: classroom.id }, path.basename(file), bytes, { classIds });
  if (!outcome?.ok) finish({ imported: 0, skipped: 0, errors: [{ where: "--class", why: outcome?.message ?? (outcome?.reason === "taken" ? "Someone else added one of these people at the same moment, so nothing was imported. Run the command again." : "The class is no longer there.") }] }, 1);
  console.log(`${roster.format === "csv" ? "CSV roster" : `OneRoster ${roster.version}`}: ${path.basename(file)} → class ${classroom.name}`);
  for (const note of roster.notes) console.log(`Note: ${note}`);
  for (const line of reportLines(outcome.report)) console.log(line);
  finish(reportJson(outcome.report), 0);
}

main()
  .catch((error) => {
    console.error(error);
    finish({ imported: 0, skipped: 0, errors: [{ where: "Rebound", why: error instanceof Error ? error.message : String(error) }] }, 1);
  })
  .finally(() => prisma.$disconnect());
