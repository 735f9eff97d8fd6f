-- AlterTable
ALTER TABLE "LtiContext" ADD COLUMN "rosterSyncedAt" DATETIME;

-- AlterTable
ALTER TABLE "LtiResourceLink" ADD COLUMN "scoresPostedAt" DATETIME;
ALTER TABLE "LtiResourceLink" ADD COLUMN "scoresPostedCount" INTEGER;

