-- CreateTable
CREATE TABLE "AnswerGroup" (
    "id" TEXT NOT NULL,
    "checkpointId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "misconceptionId" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AnswerGroup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AnswerGroupMember" (
    "id" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "attemptId" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "excluded" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AnswerGroupMember_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AnswerGroup_checkpointId_idx" ON "AnswerGroup"("checkpointId");

-- CreateIndex
CREATE INDEX "AnswerGroupMember_attemptId_idx" ON "AnswerGroupMember"("attemptId");

-- CreateIndex
CREATE UNIQUE INDEX "AnswerGroupMember_groupId_attemptId_key" ON "AnswerGroupMember"("groupId", "attemptId");

-- AddForeignKey
ALTER TABLE "AnswerGroup" ADD CONSTRAINT "AnswerGroup_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnswerGroup" ADD CONSTRAINT "AnswerGroup_misconceptionId_fkey" FOREIGN KEY ("misconceptionId") REFERENCES "Misconception"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnswerGroup" ADD CONSTRAINT "AnswerGroup_checkpointId_fkey" FOREIGN KEY ("checkpointId") REFERENCES "Checkpoint"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnswerGroupMember" ADD CONSTRAINT "AnswerGroupMember_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "Attempt"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnswerGroupMember" ADD CONSTRAINT "AnswerGroupMember_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "AnswerGroup"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

