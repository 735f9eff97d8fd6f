// A student sending attempts as fast as the app stores them, in a process of
// its own, for tests of what happens around it (a backup taken meanwhile).
// Each line on stdout is one acknowledged attempt — submitAttempt returned it,
// so it is committed: "<attempt id> <ms since epoch>". Stops on SIGTERM after
// the attempt in hand.
//
// Environment: DATABASE_URL, STUDENT_ID, CHECKPOINT_ID, PROJECT_ID.
import { randomUUID } from "node:crypto";
import { prisma } from "~/db.server";
import { findProjectCheckpoint, submitAttempt } from "~/models/attempt.server";

const { STUDENT_ID = "", CHECKPOINT_ID = "", PROJECT_ID = "" } = process.env;
let stopping = false;
process.on("SIGTERM", () => {
  stopping = true;
});

const checkpoint = await findProjectCheckpoint(PROJECT_ID, CHECKPOINT_ID);
if (!checkpoint) throw new Error(`No checkpoint ${CHECKPOINT_ID} in project ${PROJECT_ID}`);
console.log("ready");
while (!stopping) {
  const result = await submitAttempt(STUDENT_ID, checkpoint, { value: String(Math.round(Math.random() * 100)), submissionKey: randomUUID() });
  if (!result.ok) throw new Error(`Attempt refused: ${result.message}`);
  console.log(`${result.attempt.id} ${Date.now()}`);
}
await prisma.$disconnect();
