-- AlterTable
ALTER TABLE "LtiLoginState" ADD COLUMN "deploymentId" TEXT;
ALTER TABLE "LtiLoginState" ADD COLUMN "loginHint" TEXT;
ALTER TABLE "LtiLoginState" ADD COLUMN "messageHint" TEXT;
