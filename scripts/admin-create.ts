// `npm run admin:create -- EMAIL [--name NAME]`: makes a site administrator
// (decision 023), who registers the school's LMS for LTI. With ADMIN_PASSWORD
// set, that is their password; without it a one-time set-up code is printed,
// to choose a password at /setup-code within three days. Run it again for a
// new code (or a new password). An email that is a teacher's or student's
// account is refused.
import { prisma } from "~/db.server";
import { createSiteAdmin } from "~/models/site-admin.server";

const args = process.argv.slice(2);
const nameAt = args.indexOf("--name");
const name = nameAt >= 0 ? args[nameAt + 1] : undefined;
const email = args.find((a, i) => !a.startsWith("--") && (nameAt < 0 || i !== nameAt + 1));

async function main(): Promise<number> {
  if (!email) {
    console.error("Usage: npm run admin:create -- EMAIL [--name NAME]   (ADMIN_PASSWORD=… to set the password instead of printing a set-up code)");
    return 1;
  }
  const result = await createSiteAdmin({ email, name, password: process.env.ADMIN_PASSWORD || undefined });
  if (!result.ok) {
    console.error(result.why);
    return 1;
  }
  console.log(`${result.created ? "Made" : "Updated"} the site administrator ${result.email}.`);
  if (result.setupCode) {
    console.log(`Set-up code: ${result.setupCode.code}`);
    console.log(`Open /setup-code, type the email, this code and a new password (before ${result.setupCode.expiresAt.toISOString()}). It works once and is not shown again.`);
  } else {
    console.log("Their password is the one in ADMIN_PASSWORD; any session they had was ended.");
  }
  return 0;
}

main()
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => prisma.$disconnect());
