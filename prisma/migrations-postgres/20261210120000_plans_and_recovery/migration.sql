-- CreateTable
CREATE TABLE "CheckpointRecheck" (
    "id" TEXT NOT NULL,
    "checkpointId" TEXT NOT NULL,
    "misconceptionId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CheckpointRecheck_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanFollowUp" (
    "id" TEXT NOT NULL,
    "journalEntryId" TEXT NOT NULL,
    "attemptId" TEXT NOT NULL,
    "result" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PlanFollowUp_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CheckpointRecheck_misconceptionId_idx" ON "CheckpointRecheck"("misconceptionId");

-- CreateIndex
CREATE UNIQUE INDEX "CheckpointRecheck_checkpointId_misconceptionId_key" ON "CheckpointRecheck"("checkpointId", "misconceptionId");

-- CreateIndex
CREATE INDEX "PlanFollowUp_attemptId_idx" ON "PlanFollowUp"("attemptId");

-- CreateIndex
CREATE INDEX "PlanFollowUp_journalEntryId_idx" ON "PlanFollowUp"("journalEntryId");

-- AddForeignKey
ALTER TABLE "CheckpointRecheck" ADD CONSTRAINT "CheckpointRecheck_misconceptionId_fkey" FOREIGN KEY ("misconceptionId") REFERENCES "Misconception"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CheckpointRecheck" ADD CONSTRAINT "CheckpointRecheck_checkpointId_fkey" FOREIGN KEY ("checkpointId") REFERENCES "Checkpoint"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanFollowUp" ADD CONSTRAINT "PlanFollowUp_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "Attempt"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanFollowUp" ADD CONSTRAINT "PlanFollowUp_journalEntryId_fkey" FOREIGN KEY ("journalEntryId") REFERENCES "JournalEntry"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

