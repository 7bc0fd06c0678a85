-- Issue 6, supervision and audit: audit samples of decided cases, their blind re-reviews and the
-- findings. Additive only: three new tables and two enums; nothing existing changes.
-- CreateEnum
CREATE TYPE "AuditReviewDecision" AS ENUM ('GRANT', 'REJECT');

-- CreateEnum
CREATE TYPE "FindingSeverity" AS ENUM ('INFO', 'MINOR', 'MAJOR');

-- CreateTable
CREATE TABLE "AuditSample" (
    "id" UUID NOT NULL,
    "officeId" UUID NOT NULL,
    "criteria" JSONB NOT NULL,
    "population" INTEGER NOT NULL,
    "drawnById" UUID NOT NULL,
    "drawnAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "note" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "AuditSample_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditSampleItem" (
    "id" UUID NOT NULL,
    "sampleId" UUID NOT NULL,
    "officeId" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "reviewerId" UUID,
    "reviewDecision" "AuditReviewDecision",
    "reviewAmount" DECIMAL(14,2),
    "reviewNote" TEXT,
    "reviewedAt" TIMESTAMPTZ(3),
    "agrees" BOOLEAN,

    CONSTRAINT "AuditSampleItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditFinding" (
    "id" UUID NOT NULL,
    "officeId" UUID NOT NULL,
    "itemId" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "severity" "FindingSeverity" NOT NULL,
    "text" TEXT NOT NULL,
    "correctionCaseId" UUID,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditFinding_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AuditSample_officeId_drawnAt_idx" ON "AuditSample"("officeId", "drawnAt" DESC);

-- CreateIndex
CREATE INDEX "AuditSampleItem_officeId_reviewerId_idx" ON "AuditSampleItem"("officeId", "reviewerId");

-- CreateIndex
CREATE INDEX "AuditSampleItem_caseId_idx" ON "AuditSampleItem"("caseId");

-- CreateIndex
CREATE UNIQUE INDEX "AuditSampleItem_sampleId_caseId_key" ON "AuditSampleItem"("sampleId", "caseId");

-- CreateIndex
CREATE UNIQUE INDEX "AuditFinding_correctionCaseId_key" ON "AuditFinding"("correctionCaseId");

-- CreateIndex
CREATE INDEX "AuditFinding_officeId_createdAt_idx" ON "AuditFinding"("officeId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "AuditFinding_caseId_idx" ON "AuditFinding"("caseId");

-- AddForeignKey
ALTER TABLE "AuditSample" ADD CONSTRAINT "AuditSample_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditSampleItem" ADD CONSTRAINT "AuditSampleItem_sampleId_fkey" FOREIGN KEY ("sampleId") REFERENCES "AuditSample"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditSampleItem" ADD CONSTRAINT "AuditSampleItem_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditFinding" ADD CONSTRAINT "AuditFinding_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "AuditSampleItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A finding is an audit record: once written it is never edited or deleted (as CaseEvent).
CREATE TRIGGER "AuditFinding_append_only"
  BEFORE UPDATE OR DELETE ON "AuditFinding"
  FOR EACH ROW EXECUTE FUNCTION jingban_refuse_change();
