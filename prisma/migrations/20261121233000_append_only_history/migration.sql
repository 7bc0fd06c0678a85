-- The history of decisions is append-only in the database itself, not only in the app:
-- UPDATE and DELETE on the event tables are refused for every role that does not disable
-- the trigger (only a superuser can). The hash chain (lib/audit) detects what a superuser does.
CREATE OR REPLACE FUNCTION jingban_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'table % is append-only: % refused', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "CaseEvent_append_only"
  BEFORE UPDATE OR DELETE ON "CaseEvent"
  FOR EACH ROW EXECUTE FUNCTION jingban_refuse_change();

CREATE TRIGGER "CertificateEvent_append_only"
  BEFORE UPDATE OR DELETE ON "CertificateEvent"
  FOR EACH ROW EXECUTE FUNCTION jingban_refuse_change();

CREATE TRIGGER "AccessLog_append_only"
  BEFORE UPDATE OR DELETE ON "AccessLog"
  FOR EACH ROW EXECUTE FUNCTION jingban_refuse_change();
