// Makes the app's own database client take no changes, or take them again, as a
// read-only or full disk would (CI runs as root, so file permissions cannot):
// SQLite's query_only; on PostgreSQL the database's transactions become
// read-only, and the client reconnects so that its connections start so.
import pg from "pg";
import { prisma } from "~/db.server";
import { testEngine } from "../setup/test-database";

export async function takeNoChanges(on: boolean): Promise<void> {
  if (testEngine() !== "postgres") {
    await prisma.$executeRawUnsafe(`PRAGMA query_only = ${on ? 1 : 0}`);
    return;
  }
  // Its own session is not read-only, whatever the database's default says.
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL, options: "-c default_transaction_read_only=off" });
  await admin.connect();
  try {
    const [{ db }] = (await admin.query<{ db: string }>("SELECT current_database() AS db")).rows;
    await admin.query(`ALTER DATABASE "${db}" ${on ? "SET default_transaction_read_only = on" : "RESET default_transaction_read_only"}`);
  } finally {
    await admin.end();
  }
  await prisma.$disconnect();
}

// Makes the database refuse one row (an insert into `table` whose `column` is
// `value`), as a full disk would half way through a batch. Returns the undo.
export async function refuseInsertOf(table: string, column: string, value: string): Promise<() => Promise<void>> {
  const quoted = value.replace(/'/g, "''");
  if (testEngine() !== "postgres") {
    await prisma.$executeRawUnsafe(
      `CREATE TRIGGER refuse_one BEFORE INSERT ON "${table}" WHEN NEW."${column}" = '${quoted}' BEGIN SELECT RAISE(ABORT, 'refused for the test'); END`,
    );
    return async () => void (await prisma.$executeRawUnsafe(`DROP TRIGGER refuse_one`));
  }
  await prisma.$executeRawUnsafe(
    `CREATE FUNCTION refuse_one() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW."${column}" = '${quoted}' THEN RAISE EXCEPTION 'refused for the test'; END IF; RETURN NEW; END $$`,
  );
  await prisma.$executeRawUnsafe(`CREATE TRIGGER refuse_one BEFORE INSERT ON "${table}" FOR EACH ROW EXECUTE FUNCTION refuse_one()`);
  return async () => {
    await prisma.$executeRawUnsafe(`DROP TRIGGER refuse_one ON "${table}"`);
    await prisma.$executeRawUnsafe(`DROP FUNCTION refuse_one()`);
  };
}
