CREATE TABLE doc (id int, owner text, public boolean); CREATE POLICY p ON doc TO pg_monitor USING (public); COMMENT ON POLICY p ON doc IS 'monitoring';
