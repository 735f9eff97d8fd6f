-- AlterTable
ALTER TABLE "AnswerGroup" ALTER COLUMN "createdById" DROP NOT NULL;

-- AlterTable
ALTER TABLE "AttemptReview" ALTER COLUMN "reviewerId" DROP NOT NULL;

-- AlterTable
ALTER TABLE "Classroom" ADD COLUMN     "archivedAt" TIMESTAMP(3),
ALTER COLUMN "teacherId" DROP NOT NULL;

-- AlterTable
ALTER TABLE "Enrollment" ADD COLUMN     "blockedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "TeacherComment" ALTER COLUMN "authorId" DROP NOT NULL;

