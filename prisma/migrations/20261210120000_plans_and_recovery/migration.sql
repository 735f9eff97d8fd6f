-- CreateTable
CREATE TABLE "PlanFollowUp" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "journalEntryId" TEXT NOT NULL,
    "attemptId" TEXT NOT NULL,
    "result" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PlanFollowUp_journalEntryId_fkey" FOREIGN KEY ("journalEntryId") REFERENCES "JournalEntry" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "PlanFollowUp_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "Attempt" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CheckpointRecheck" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "checkpointId" TEXT NOT NULL,
    "misconceptionId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CheckpointRecheck_checkpointId_fkey" FOREIGN KEY ("checkpointId") REFERENCES "Checkpoint" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "CheckpointRecheck_misconceptionId_fkey" FOREIGN KEY ("misconceptionId") REFERENCES "Misconception" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "PlanFollowUp_journalEntryId_idx" ON "PlanFollowUp"("journalEntryId");

-- CreateIndex
CREATE INDEX "PlanFollowUp_attemptId_idx" ON "PlanFollowUp"("attemptId");

-- CreateIndex
CREATE INDEX "CheckpointRecheck_misconceptionId_idx" ON "CheckpointRecheck"("misconceptionId");

-- CreateIndex
CREATE UNIQUE INDEX "CheckpointRecheck_checkpointId_misconceptionId_key" ON "CheckpointRecheck"("checkpointId", "misconceptionId");

