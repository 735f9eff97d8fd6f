-- AlterTable
ALTER TABLE "Attempt" ADD COLUMN     "confidence" INTEGER;

-- CreateTable
CREATE TABLE "ReflectionDismissal" (
    "id" TEXT NOT NULL,
    "attemptId" TEXT NOT NULL,
    "studentId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReflectionDismissal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ReflectionDismissal_attemptId_key" ON "ReflectionDismissal"("attemptId");

-- CreateIndex
CREATE INDEX "ReflectionDismissal_studentId_idx" ON "ReflectionDismissal"("studentId");

-- AddForeignKey
ALTER TABLE "ReflectionDismissal" ADD CONSTRAINT "ReflectionDismissal_studentId_fkey" FOREIGN KEY ("studentId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReflectionDismissal" ADD CONSTRAINT "ReflectionDismissal_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "Attempt"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

