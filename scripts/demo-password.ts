// `npm run demo:password`: a new password for every demo account, printed
// once (only its hash is stored). Their sessions end.
import { resetDemoPassword } from "~/auth/demo-password.server";
import { prisma } from "~/db.server";
import { DEMO_TEACHER_EMAIL, demoEmails } from "../prisma/seed";

resetDemoPassword(demoEmails())
  .then(({ password, accounts }) => {
    if (accounts === 0) {
      console.log(`No demo accounts in this database (${DEMO_TEACHER_EMAIL} and its class); nothing changed.`);
      return;
    }
    console.log(`New password for the ${accounts} demo accounts (teacher ${DEMO_TEACHER_EMAIL} and the class): ${password}`);
    console.log("It is stored only as a hash and not shown again. Anyone logged in to a demo account has been logged out.");
  })
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => prisma.$disconnect());
