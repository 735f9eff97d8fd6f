-- CreateTable
CREATE TABLE "LtiHandoff" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "redirectTo" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LtiHandoff_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "LtiHandoff_expiresAt_idx" ON "LtiHandoff"("expiresAt");

-- CreateIndex
CREATE INDEX "LtiHandoff_userId_idx" ON "LtiHandoff"("userId");

-- AddForeignKey
ALTER TABLE "LtiHandoff" ADD CONSTRAINT "LtiHandoff_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

