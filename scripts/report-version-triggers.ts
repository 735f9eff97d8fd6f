// Prints the triggers that keep ProjectDataVersion current (decision 015), for a
// migration that has to write them again (SQLite drops a table's triggers when
// a migration redefines the table):
//   npx tsx scripts/report-version-triggers.ts --engine sqlite|postgres [Table …]
// Without table names it prints everything, as migration 20261203120000 has it:
// the version rows of the projects there, the trigger that makes one per new
// project, and every table's triggers.
import { postgresTriggers, projectRowSql, sqliteTriggers, TRACKED_TABLES } from "./lib/report-version-triggers";

const args = process.argv.slice(2);
const at = args.indexOf("--engine");
const engine = at >= 0 ? args[at + 1] : "sqlite";
const names = args.filter((a, i) => a !== "--engine" && i !== at + 1);
if (engine !== "sqlite" && engine !== "postgres") {
  console.error("Usage: npx tsx scripts/report-version-triggers.ts --engine sqlite|postgres [Table …]");
  process.exit(2);
}
const unknown = names.filter((n) => !TRACKED_TABLES.some((t) => t.table === n));
if (unknown.length) {
  console.error(`Not a table the report reads: ${unknown.join(", ")} (see TRACKED_TABLES in scripts/lib/report-version-triggers.ts)`);
  process.exit(2);
}
const tables = names.length ? TRACKED_TABLES.filter((t) => names.includes(t.table)) : TRACKED_TABLES;
if (!names.length) process.stdout.write(`${projectRowSql(engine)}\n`);
process.stdout.write(engine === "sqlite" ? sqliteTriggers(tables) : postgresTriggers(tables));
