-- CreateTable
CREATE TABLE "ClassTeacher" (
    "id" TEXT NOT NULL,
    "classroomId" TEXT NOT NULL,
    "teacherId" TEXT NOT NULL,
    "addedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "source" TEXT NOT NULL,

    CONSTRAINT "ClassTeacher_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClassTeacherInvite" (
    "id" TEXT NOT NULL,
    "classroomId" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ClassTeacherInvite_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ClassTeacher_teacherId_idx" ON "ClassTeacher"("teacherId");

-- CreateIndex
CREATE UNIQUE INDEX "ClassTeacher_classroomId_teacherId_key" ON "ClassTeacher"("classroomId", "teacherId");

-- CreateIndex
CREATE UNIQUE INDEX "ClassTeacherInvite_classroomId_key" ON "ClassTeacherInvite"("classroomId");

-- CreateIndex
CREATE UNIQUE INDEX "ClassTeacherInvite_codeHash_key" ON "ClassTeacherInvite"("codeHash");

-- AddForeignKey
ALTER TABLE "ClassTeacher" ADD CONSTRAINT "ClassTeacher_teacherId_fkey" FOREIGN KEY ("teacherId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClassTeacher" ADD CONSTRAINT "ClassTeacher_classroomId_fkey" FOREIGN KEY ("classroomId") REFERENCES "Classroom"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClassTeacherInvite" ADD CONSTRAINT "ClassTeacherInvite_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClassTeacherInvite" ADD CONSTRAINT "ClassTeacherInvite_classroomId_fkey" FOREIGN KEY ("classroomId") REFERENCES "Classroom"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Every class's teacher becomes its first ClassTeacher (decision 021), before
-- the column goes.
INSERT INTO "ClassTeacher" ("id", "classroomId", "teacherId", "addedAt", "source")
SELECT 'ct' || "id", "id", "teacherId", "createdAt", 'CREATED' FROM "Classroom" WHERE "teacherId" IS NOT NULL;

-- DropForeignKey
ALTER TABLE "Classroom" DROP CONSTRAINT "Classroom_teacherId_fkey";

-- DropIndex
DROP INDEX "Classroom_teacherId_idx";

-- AlterTable
ALTER TABLE "Classroom" DROP COLUMN "teacherId";

