-- CreateTable
CREATE TABLE "FailureSession" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "projectId" TEXT NOT NULL,
    "prompt" TEXT NOT NULL,
    "templateKey" TEXT,
    "endsAt" DATETIME NOT NULL,
    "openedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" DATETIME,
    "boardVersion" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 0,
    "batches" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "FailureSession_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "FailurePost" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sessionId" TEXT NOT NULL,
    "studentId" TEXT NOT NULL,
    "setback" TEXT NOT NULL,
    "learned" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "batch" INTEGER,
    "moderatedAt" DATETIME,
    "withdrawnAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "FailurePost_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "FailureSession" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "FailurePost_studentId_fkey" FOREIGN KEY ("studentId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "FailureNote" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sessionId" TEXT NOT NULL,
    "postId" TEXT,
    "studentId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "batch" INTEGER,
    "moderatedAt" DATETIME,
    "withdrawnAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "FailureNote_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "FailureSession" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "FailureNote_postId_fkey" FOREIGN KEY ("postId") REFERENCES "FailurePost" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "FailureNote_studentId_fkey" FOREIGN KEY ("studentId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "FailureReaction" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "postId" TEXT NOT NULL,
    "studentId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "FailureReaction_postId_fkey" FOREIGN KEY ("postId") REFERENCES "FailurePost" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "FailureReaction_studentId_fkey" FOREIGN KEY ("studentId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AgreedAction" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sessionId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "status" TEXT,
    "markedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AgreedAction_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "FailureSession" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "FailureSession_projectId_idx" ON "FailureSession"("projectId");

-- CreateIndex
CREATE INDEX "FailurePost_sessionId_status_idx" ON "FailurePost"("sessionId", "status");

-- CreateIndex
CREATE INDEX "FailurePost_studentId_idx" ON "FailurePost"("studentId");

-- CreateIndex
CREATE INDEX "FailureNote_sessionId_status_idx" ON "FailureNote"("sessionId", "status");

-- CreateIndex
CREATE INDEX "FailureNote_postId_idx" ON "FailureNote"("postId");

-- CreateIndex
CREATE INDEX "FailureNote_studentId_idx" ON "FailureNote"("studentId");

-- CreateIndex
CREATE INDEX "FailureReaction_studentId_idx" ON "FailureReaction"("studentId");

-- CreateIndex
CREATE UNIQUE INDEX "FailureReaction_postId_studentId_kind_key" ON "FailureReaction"("postId", "studentId", "kind");

-- CreateIndex
CREATE INDEX "AgreedAction_sessionId_idx" ON "AgreedAction"("sessionId");

