// npm run restore -- FILE [--force]: restores a backup made by `npm run backup`
// into DATABASE_URL (default file:./prisma/dev.db), which must be empty unless
// --force is given (then the old file is kept beside it). Stop the app first.
// A backup from an older version is brought up to date with the migrations it
// lacks; one from a newer version is refused (decision 014).
import path from "node:path";
import { BackupError, restoreSqlite } from "./lib/backup";
import { sqliteFileFromUrl } from "./lib/migrate";

const url = process.env.DATABASE_URL ?? "file:./prisma/dev.db";
const args = process.argv.slice(2);
// `npm run restore FILE --force` (without `--`) reaches npm, which sets npm_config_force.
const force = args.includes("--force") || process.env.npm_config_force === "true";
const files = args.filter((a) => !a.startsWith("--"));

if (/^postgres(ql)?:\/\//.test(url)) {
  console.error(
    'DATABASE_URL is a PostgreSQL database: restore a pg_dump file with PostgreSQL\'s own tool, into an empty database, e.g.\n  pg_restore --no-owner --dbname="$DATABASE_URL" rebound-….dump\n(see "Backups" in the README).',
  );
  process.exit(2);
}
if (files.length !== 1) {
  console.error("Usage: npm run restore -- FILE [--force]   (FILE: a backup made by npm run backup)");
  process.exit(2);
}

try {
  const result = restoreSqlite(path.resolve(files[0]), sqliteFileFromUrl(url), { force });
  const { facts } = result;
  console.log(`Restored ${files[0]} into ${result.target}:`);
  console.log(`  ${facts.users} accounts, ${facts.classrooms} classes, ${facts.attempts} attempts, ${facts.journalEntries} journal entries.`);
  console.log(
    result.migrated.length
      ? `  The backup was from an older version: applied ${result.migrated.length} newer migration(s) to the restored copy (${result.migrated.join(", ")}).`
      : `  Its migrations match this version (up to ${facts.migrations.at(-1)?.name}).`,
  );
  if (result.keptPrevious) console.log(`  The database that was there is kept as ${result.keptPrevious}.`);
  console.log("  The backup file itself was not changed. Start the app to use the restored database.");
} catch (error) {
  if (error instanceof BackupError) {
    console.error(`Nothing restored: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
