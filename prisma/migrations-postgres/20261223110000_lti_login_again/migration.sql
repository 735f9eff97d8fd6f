-- AlterTable
ALTER TABLE "LtiLoginState" ADD COLUMN     "deploymentId" TEXT,
ADD COLUMN     "loginHint" TEXT,
ADD COLUMN     "messageHint" TEXT;

