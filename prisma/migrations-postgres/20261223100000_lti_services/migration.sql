-- AlterTable
ALTER TABLE "LtiContext" ADD COLUMN     "rosterSyncedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "LtiResourceLink" ADD COLUMN     "scoresPostedAt" TIMESTAMP(3),
ADD COLUMN     "scoresPostedCount" INTEGER;

