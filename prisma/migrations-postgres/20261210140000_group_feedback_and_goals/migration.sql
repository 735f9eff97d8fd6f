-- AlterTable
ALTER TABLE "TeacherComment" ADD COLUMN     "firstReadAt" TIMESTAMP(3),
ADD COLUMN     "groupFeedbackId" TEXT;

-- CreateTable
CREATE TABLE "GroupFeedback" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "authorId" TEXT,
    "targetKind" TEXT NOT NULL,
    "answerGroupId" TEXT,
    "misconceptionId" TEXT,
    "checkpointId" TEXT,
    "optionId" TEXT,
    "targetLabel" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "reachLater" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "GroupFeedback_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LearningGoal" (
    "id" TEXT NOT NULL,
    "studentId" TEXT NOT NULL,
    "classroomId" TEXT NOT NULL,
    "projectId" TEXT,
    "commentId" TEXT,
    "attemptId" TEXT,
    "text" TEXT NOT NULL,
    "targetDate" TIMESTAMP(3),
    "status" TEXT NOT NULL DEFAULT 'WORKING',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LearningGoal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LearningGoalNote" (
    "id" TEXT NOT NULL,
    "goalId" TEXT NOT NULL,
    "authorId" TEXT,
    "role" TEXT NOT NULL,
    "body" TEXT NOT NULL DEFAULT '',
    "status" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LearningGoalNote_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "GroupFeedback_projectId_idx" ON "GroupFeedback"("projectId");

-- CreateIndex
CREATE INDEX "LearningGoal_studentId_idx" ON "LearningGoal"("studentId");

-- CreateIndex
CREATE INDEX "LearningGoal_classroomId_studentId_idx" ON "LearningGoal"("classroomId", "studentId");

-- CreateIndex
CREATE INDEX "LearningGoalNote_authorId_idx" ON "LearningGoalNote"("authorId");

-- CreateIndex
CREATE INDEX "LearningGoalNote_goalId_idx" ON "LearningGoalNote"("goalId");

-- CreateIndex
CREATE UNIQUE INDEX "TeacherComment_groupFeedbackId_studentId_key" ON "TeacherComment"("groupFeedbackId", "studentId");

-- AddForeignKey
ALTER TABLE "GroupFeedback" ADD CONSTRAINT "GroupFeedback_checkpointId_fkey" FOREIGN KEY ("checkpointId") REFERENCES "Checkpoint"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GroupFeedback" ADD CONSTRAINT "GroupFeedback_misconceptionId_fkey" FOREIGN KEY ("misconceptionId") REFERENCES "Misconception"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GroupFeedback" ADD CONSTRAINT "GroupFeedback_answerGroupId_fkey" FOREIGN KEY ("answerGroupId") REFERENCES "AnswerGroup"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GroupFeedback" ADD CONSTRAINT "GroupFeedback_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GroupFeedback" ADD CONSTRAINT "GroupFeedback_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LearningGoal" ADD CONSTRAINT "LearningGoal_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "Attempt"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LearningGoal" ADD CONSTRAINT "LearningGoal_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "TeacherComment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LearningGoal" ADD CONSTRAINT "LearningGoal_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LearningGoal" ADD CONSTRAINT "LearningGoal_classroomId_fkey" FOREIGN KEY ("classroomId") REFERENCES "Classroom"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LearningGoal" ADD CONSTRAINT "LearningGoal_studentId_fkey" FOREIGN KEY ("studentId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LearningGoalNote" ADD CONSTRAINT "LearningGoalNote_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LearningGoalNote" ADD CONSTRAINT "LearningGoalNote_goalId_fkey" FOREIGN KEY ("goalId") REFERENCES "LearningGoal"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeacherComment" ADD CONSTRAINT "TeacherComment_groupFeedbackId_fkey" FOREIGN KEY ("groupFeedbackId") REFERENCES "GroupFeedback"("id") ON DELETE SET NULL ON UPDATE CASCADE;

