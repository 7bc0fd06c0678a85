-- Office details an administrator edits (decision 0009): the receiving bank account printed on the
-- contact letter (联系函, RULES.md §4.2) and a version for compare-and-set. Every change is
-- recorded in OfficeChange, append-only like the other history tables. Additive only.
-- AlterTable
ALTER TABLE "Office" ADD COLUMN     "accountName" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "accountNumber" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "bankCode" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "bankName" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "OfficeChange" (
    "id" UUID NOT NULL,
    "officeId" UUID NOT NULL,
    "actorId" UUID NOT NULL,
    "actorName" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL,
    "before" JSONB NOT NULL,
    "after" JSONB NOT NULL,
    "reason" TEXT,

    CONSTRAINT "OfficeChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "OfficeChange_officeId_at_idx" ON "OfficeChange"("officeId", "at" DESC);

-- CreateIndex
CREATE INDEX "OfficeChange_at_idx" ON "OfficeChange"("at" DESC);

-- AddForeignKey
ALTER TABLE "OfficeChange" ADD CONSTRAINT "OfficeChange_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The record of who changed an office is append-only in the database itself (the function is
-- the one of 20261121233000_append_only_history).
CREATE TRIGGER "OfficeChange_append_only"
  BEFORE UPDATE OR DELETE ON "OfficeChange"
  FOR EACH ROW EXECUTE FUNCTION jingban_refuse_change();
