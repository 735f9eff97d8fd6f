-- AlterTable
ALTER TABLE "Enrollment" ADD COLUMN "addedBy" TEXT;

-- CreateTable
CREATE TABLE "ExternalIdentity" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ExternalIdentity_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PendingRoster" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "classroomId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "roster" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    CONSTRAINT "PendingRoster_classroomId_fkey" FOREIGN KEY ("classroomId") REFERENCES "Classroom" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "ExternalIdentity_source_externalId_key" ON "ExternalIdentity"("source", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "ExternalIdentity_userId_source_key" ON "ExternalIdentity"("userId", "source");

-- CreateIndex
CREATE INDEX "PendingRoster_classroomId_idx" ON "PendingRoster"("classroomId");

-- CreateIndex
CREATE INDEX "PendingRoster_expiresAt_idx" ON "PendingRoster"("expiresAt");

