// `npm run sessions:purge`: deletes sessions that are over (idle, or past their
// end; decision 002), set-up codes that ran out, and question-import previews
// past their time (decisions 020, 024). Sign-ins also purge
// sessions, at most every 15 minutes; run this from cron for a quiet server.
import { purgeSessions } from "~/auth/session.server";
import { prisma } from "~/db.server";
import { purgeExpiredImports } from "~/models/question-import.server";
import { purgeExpiredRosters } from "~/models/roster-import.server";
import { purgeExpiredSetupCodes } from "~/models/setup-code.server";

async function main() {
  const sessions = await purgeSessions();
  const codes = await purgeExpiredSetupCodes();
  const previews = await purgeExpiredImports();
  const rosters = await purgeExpiredRosters();
  console.log(`Removed ${sessions} ended ${sessions === 1 ? "session" : "sessions"} and ${codes} expired set-up ${codes === 1 ? "code" : "codes"}.`);
  console.log(`Removed ${previews} question-import ${previews === 1 ? "preview" : "previews"} past their time.`);
  console.log(`Removed ${rosters} roster ${rosters === 1 ? "preview" : "previews"} past their time (decision 024).`);
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => prisma.$disconnect());
