-- Reference data an administrator edits (decision 0010): the holiday calendar and the crediting
-- rates. A rate row gets a version for compare-and-set; every add, removal and correction is
-- recorded in ReferenceChange, append-only like OfficeChange. Additive only.
-- AlterTable
ALTER TABLE "CreditingRate" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "ReferenceChange" (
    "id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" UUID NOT NULL,
    "actorName" TEXT NOT NULL,
    "table" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "officeId" UUID,
    "before" JSONB,
    "after" JSONB,
    "reason" TEXT,

    CONSTRAINT "ReferenceChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReferenceChange_at_idx" ON "ReferenceChange"("at" DESC);

-- CreateIndex
CREATE INDEX "ReferenceChange_table_at_idx" ON "ReferenceChange"("table", "at" DESC);

-- AddForeignKey
ALTER TABLE "ReferenceChange" ADD CONSTRAINT "ReferenceChange_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The record of who changed the calendar or a rate is append-only in the database itself (the
-- function is the one of 20261121233000_append_only_history).
CREATE TRIGGER "ReferenceChange_append_only"
  BEFORE UPDATE OR DELETE ON "ReferenceChange"
  FOR EACH ROW EXECUTE FUNCTION jingban_refuse_change();

-- "Holiday_date_officeId_key" treats NULLs as distinct, so it never stopped two national rows of
-- one date. Prisma's schema cannot say NULLS NOT DISTINCT or a partial index; this one is kept
-- here only. Two admins adding the same national day: the second gets a unique violation (409).
CREATE UNIQUE INDEX "Holiday_national_date_key" ON "Holiday"("date") WHERE "officeId" IS NULL;
