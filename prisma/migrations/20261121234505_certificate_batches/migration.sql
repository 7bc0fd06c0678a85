-- CreateEnum
CREATE TYPE "BatchStatus" AS ENUM ('QUEUED', 'RUNNING', 'DONE', 'FAILED');

-- CreateTable
CREATE TABLE "BatchJob" (
    "id" UUID NOT NULL,
    "officeId" UUID NOT NULL,
    "status" "BatchStatus" NOT NULL DEFAULT 'QUEUED',
    "filter" JSONB NOT NULL DEFAULT '{}',
    "certificateIds" JSONB NOT NULL,
    "total" INTEGER NOT NULL,
    "done" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "pdf" BYTEA,
    "pdfBytes" INTEGER,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMPTZ(3),
    "finishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "BatchJob_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "BatchJob_officeId_createdAt_idx" ON "BatchJob"("officeId", "createdAt" DESC);
