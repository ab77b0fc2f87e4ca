-- Audit events are append-only: the database itself refuses UPDATE and DELETE of a row,
-- whoever asks. Someone with owner rights can still switch the trigger off; the hash chain
-- (npm run audit:verify) is what shows that they did. TRUNCATE is a table-level statement
-- and is not affected (the test suite empties tables between tests with it).
CREATE FUNCTION "audit_event_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER "audit_event_append_only"
  BEFORE UPDATE OR DELETE ON "audit_event"
  FOR EACH ROW EXECUTE FUNCTION "audit_event_append_only"();
