-- CreateTable
CREATE TABLE "GroupFeedback" (
    "id" TEXT NOT NULL PRIMARY KEY,
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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "GroupFeedback_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "GroupFeedback_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "GroupFeedback_answerGroupId_fkey" FOREIGN KEY ("answerGroupId") REFERENCES "AnswerGroup" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "GroupFeedback_misconceptionId_fkey" FOREIGN KEY ("misconceptionId") REFERENCES "Misconception" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "GroupFeedback_checkpointId_fkey" FOREIGN KEY ("checkpointId") REFERENCES "Checkpoint" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LearningGoal" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "studentId" TEXT NOT NULL,
    "classroomId" TEXT NOT NULL,
    "projectId" TEXT,
    "commentId" TEXT,
    "attemptId" TEXT,
    "text" TEXT NOT NULL,
    "targetDate" DATETIME,
    "status" TEXT NOT NULL DEFAULT 'WORKING',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "LearningGoal_studentId_fkey" FOREIGN KEY ("studentId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "LearningGoal_classroomId_fkey" FOREIGN KEY ("classroomId") REFERENCES "Classroom" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "LearningGoal_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "LearningGoal_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "TeacherComment" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "LearningGoal_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "Attempt" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LearningGoalNote" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "goalId" TEXT NOT NULL,
    "authorId" TEXT,
    "role" TEXT NOT NULL,
    "body" TEXT NOT NULL DEFAULT '',
    "status" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "LearningGoalNote_goalId_fkey" FOREIGN KEY ("goalId") REFERENCES "LearningGoal" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "LearningGoalNote_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_TeacherComment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "authorId" TEXT,
    "studentId" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "attemptId" TEXT,
    "journalEntryId" TEXT,
    "groupFeedbackId" TEXT,
    "firstReadAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "TeacherComment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "TeacherComment_studentId_fkey" FOREIGN KEY ("studentId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "TeacherComment_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "TeacherComment_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "Attempt" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "TeacherComment_journalEntryId_fkey" FOREIGN KEY ("journalEntryId") REFERENCES "JournalEntry" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "TeacherComment_groupFeedbackId_fkey" FOREIGN KEY ("groupFeedbackId") REFERENCES "GroupFeedback" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_TeacherComment" ("attemptId", "authorId", "createdAt", "id", "journalEntryId", "projectId", "studentId") SELECT "attemptId", "authorId", "createdAt", "id", "journalEntryId", "projectId", "studentId" FROM "TeacherComment";
DROP TABLE "TeacherComment";
ALTER TABLE "new_TeacherComment" RENAME TO "TeacherComment";
CREATE INDEX "TeacherComment_projectId_studentId_idx" ON "TeacherComment"("projectId", "studentId");
CREATE UNIQUE INDEX "TeacherComment_groupFeedbackId_studentId_key" ON "TeacherComment"("groupFeedbackId", "studentId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "GroupFeedback_projectId_idx" ON "GroupFeedback"("projectId");

-- CreateIndex
CREATE INDEX "LearningGoal_classroomId_studentId_idx" ON "LearningGoal"("classroomId", "studentId");

-- CreateIndex
CREATE INDEX "LearningGoal_studentId_idx" ON "LearningGoal"("studentId");

-- CreateIndex
CREATE INDEX "LearningGoalNote_goalId_idx" ON "LearningGoalNote"("goalId");

-- CreateIndex
CREATE INDEX "LearningGoalNote_authorId_idx" ON "LearningGoalNote"("authorId");

