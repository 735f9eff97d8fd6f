-- CreateTable
CREATE TABLE "AgreedAction" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "status" TEXT,
    "markedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AgreedAction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FailureNote" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "postId" TEXT,
    "studentId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "batch" INTEGER,
    "moderatedAt" TIMESTAMP(3),
    "withdrawnAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FailureNote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FailurePost" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "studentId" TEXT NOT NULL,
    "setback" TEXT NOT NULL,
    "learned" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "batch" INTEGER,
    "moderatedAt" TIMESTAMP(3),
    "withdrawnAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FailurePost_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FailureReaction" (
    "id" TEXT NOT NULL,
    "postId" TEXT NOT NULL,
    "studentId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FailureReaction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FailureSession" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "prompt" TEXT NOT NULL,
    "templateKey" TEXT,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "openedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMP(3),
    "boardVersion" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 0,
    "batches" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "FailureSession_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AgreedAction_sessionId_idx" ON "AgreedAction"("sessionId");

-- CreateIndex
CREATE INDEX "FailureNote_studentId_idx" ON "FailureNote"("studentId");

-- CreateIndex
CREATE INDEX "FailureNote_postId_idx" ON "FailureNote"("postId");

-- CreateIndex
CREATE INDEX "FailureNote_sessionId_status_idx" ON "FailureNote"("sessionId", "status");

-- CreateIndex
CREATE INDEX "FailurePost_studentId_idx" ON "FailurePost"("studentId");

-- CreateIndex
CREATE INDEX "FailurePost_sessionId_status_idx" ON "FailurePost"("sessionId", "status");

-- CreateIndex
CREATE INDEX "FailureReaction_studentId_idx" ON "FailureReaction"("studentId");

-- CreateIndex
CREATE UNIQUE INDEX "FailureReaction_postId_studentId_kind_key" ON "FailureReaction"("postId", "studentId", "kind");

-- CreateIndex
CREATE INDEX "FailureSession_projectId_idx" ON "FailureSession"("projectId");

-- AddForeignKey
ALTER TABLE "AgreedAction" ADD CONSTRAINT "AgreedAction_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "FailureSession"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FailureNote" ADD CONSTRAINT "FailureNote_studentId_fkey" FOREIGN KEY ("studentId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FailureNote" ADD CONSTRAINT "FailureNote_postId_fkey" FOREIGN KEY ("postId") REFERENCES "FailurePost"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FailureNote" ADD CONSTRAINT "FailureNote_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "FailureSession"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FailurePost" ADD CONSTRAINT "FailurePost_studentId_fkey" FOREIGN KEY ("studentId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FailurePost" ADD CONSTRAINT "FailurePost_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "FailureSession"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FailureReaction" ADD CONSTRAINT "FailureReaction_studentId_fkey" FOREIGN KEY ("studentId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FailureReaction" ADD CONSTRAINT "FailureReaction_postId_fkey" FOREIGN KEY ("postId") REFERENCES "FailurePost"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FailureSession" ADD CONSTRAINT "FailureSession_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

