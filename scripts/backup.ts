// npm run backup: a consistent copy of the SQLite database, taken while the app
// runs, into a dated file (decision 014).
//
//   npm run backup                    → backups/rebound-2026-12-02T18-00-00Z.db
//   npm run backup -- --dir /srv/backups   (or BACKUP_DIR=/srv/backups)
//
// The database is DATABASE_URL (default file:./prisma/dev.db). For PostgreSQL
// it prints the pg_dump command instead (README, "Deploying").
import path from "node:path";
import { BackupError, backupSqlite } from "./lib/backup";
import { sqliteFileFromUrl } from "./lib/migrate";

const url = process.env.DATABASE_URL ?? "file:./prisma/dev.db";
const args = process.argv.slice(2);
const dirFlag = args.indexOf("--dir");
const dir = path.resolve(dirFlag >= 0 && args[dirFlag + 1] ? args[dirFlag + 1] : (process.env.BACKUP_DIR ?? "backups"));

if (/^postgres(ql)?:\/\//.test(url)) {
  console.error(
    'DATABASE_URL is a PostgreSQL database: back it up with PostgreSQL\'s own tool, e.g.\n  pg_dump --format=custom --file="rebound-$(date -u +%Y-%m-%dT%H-%M-%SZ).dump" "$DATABASE_URL"\n(see "Backups" in the README).',
  );
  process.exit(2);
}

try {
  const started = Date.now();
  const { file, bytes, facts } = backupSqlite(sqliteFileFromUrl(url), dir);
  const last = facts.migrations.at(-1)?.name;
  console.log(`Backed up ${sqliteFileFromUrl(url)} to ${file}`);
  console.log(
    `  ${(bytes / 1024 / 1024).toFixed(1)} MB in ${Date.now() - started} ms: ${facts.users} accounts, ${facts.classrooms} classes, ${facts.attempts} attempts, ${facts.journalEntries} journal entries; migrations up to ${last}.`,
  );
  console.log(`  Restore it with: npm run restore -- ${path.relative(process.cwd(), file) || file}`);
} catch (error) {
  if (error instanceof BackupError) {
    console.error(`No backup made: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
