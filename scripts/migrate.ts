import { migrateSqlite, sqliteFileFromUrl } from "./lib/migrate";

const url = process.env.DATABASE_URL ?? "file:./prisma/dev.db";
const applied = migrateSqlite(sqliteFileFromUrl(url));
console.log(applied.length ? `Applied migrations: ${applied.join(", ")}` : "Database is up to date.");
