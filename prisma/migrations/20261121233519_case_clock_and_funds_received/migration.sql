-- AlterEnum
ALTER TYPE "CaseStatus" ADD VALUE 'FUNDS_RECEIVED';

-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "slaLeg" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "slaRemainingDays" INTEGER;

-- A surrender ends the pension relationship (RULES.md §2.1): once a person is TERMINATED no
-- contribution can be recorded for them any more, whatever code path tries.
CREATE OR REPLACE FUNCTION jingban_refuse_record_for_terminated() RETURNS trigger AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM "InsuredPerson" p WHERE p.id = NEW."personId" AND p."relationshipStatus" = 'TERMINATED') THEN
    RAISE EXCEPTION 'person % has a terminated pension relationship: no contribution can be recorded', NEW."personId"
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "ContributionRecord_not_terminated"
  BEFORE INSERT ON "ContributionRecord"
  FOR EACH ROW EXECUTE FUNCTION jingban_refuse_record_for_terminated();
