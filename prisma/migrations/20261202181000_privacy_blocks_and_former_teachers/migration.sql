-- AlterTable
ALTER TABLE "Enrollment" ADD COLUMN "blockedAt" DATETIME;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Classroom" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "teacherId" TEXT,
    "joinCode" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "archivedAt" DATETIME,
    CONSTRAINT "Classroom_teacherId_fkey" FOREIGN KEY ("teacherId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Classroom" ("createdAt", "id", "joinCode", "name", "teacherId") SELECT "createdAt", "id", "joinCode", "name", "teacherId" FROM "Classroom";
DROP TABLE "Classroom";
ALTER TABLE "new_Classroom" RENAME TO "Classroom";
CREATE UNIQUE INDEX "Classroom_joinCode_key" ON "Classroom"("joinCode");
CREATE INDEX "Classroom_teacherId_idx" ON "Classroom"("teacherId");
CREATE TABLE "new_AttemptReview" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "attemptId" TEXT NOT NULL,
    "reviewerId" TEXT,
    "role" TEXT NOT NULL,
    "verdict" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AttemptReview_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "Attempt" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "AttemptReview_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_AttemptReview" ("attemptId", "createdAt", "id", "note", "reviewerId", "role", "verdict") SELECT "attemptId", "createdAt", "id", "note", "reviewerId", "role", "verdict" FROM "AttemptReview";
DROP TABLE "AttemptReview";
ALTER TABLE "new_AttemptReview" RENAME TO "AttemptReview";
CREATE INDEX "AttemptReview_attemptId_idx" ON "AttemptReview"("attemptId");
CREATE TABLE "new_TeacherComment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "authorId" TEXT,
    "studentId" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "attemptId" TEXT,
    "journalEntryId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "TeacherComment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "TeacherComment_studentId_fkey" FOREIGN KEY ("studentId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "TeacherComment_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "TeacherComment_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "Attempt" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "TeacherComment_journalEntryId_fkey" FOREIGN KEY ("journalEntryId") REFERENCES "JournalEntry" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_TeacherComment" ("attemptId", "authorId", "createdAt", "id", "journalEntryId", "projectId", "studentId") SELECT "attemptId", "authorId", "createdAt", "id", "journalEntryId", "projectId", "studentId" FROM "TeacherComment";
DROP TABLE "TeacherComment";
ALTER TABLE "new_TeacherComment" RENAME TO "TeacherComment";
CREATE INDEX "TeacherComment_projectId_studentId_idx" ON "TeacherComment"("projectId", "studentId");
CREATE TABLE "new_AnswerGroup" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "checkpointId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "misconceptionId" TEXT,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "AnswerGroup_checkpointId_fkey" FOREIGN KEY ("checkpointId") REFERENCES "Checkpoint" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "AnswerGroup_misconceptionId_fkey" FOREIGN KEY ("misconceptionId") REFERENCES "Misconception" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "AnswerGroup_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_AnswerGroup" ("checkpointId", "createdAt", "createdById", "id", "label", "misconceptionId", "updatedAt") SELECT "checkpointId", "createdAt", "createdById", "id", "label", "misconceptionId", "updatedAt" FROM "AnswerGroup";
DROP TABLE "AnswerGroup";
ALTER TABLE "new_AnswerGroup" RENAME TO "AnswerGroup";
CREATE INDEX "AnswerGroup_checkpointId_idx" ON "AnswerGroup"("checkpointId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

