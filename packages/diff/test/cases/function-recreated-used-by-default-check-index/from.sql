CREATE FUNCTION next_code() RETURNS text LANGUAGE sql AS $$ SELECT 'a' $$;
CREATE FUNCTION is_ok(i int) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT i > 0 $$;
CREATE TABLE t (id int, code text DEFAULT next_code(), CONSTRAINT t_ok CHECK (is_ok(id)));
CREATE INDEX t_f ON t (is_ok(id)) WHERE is_ok(id);
ALTER TABLE t ENABLE ROW LEVEL SECURITY;
CREATE POLICY t_p ON t USING (is_ok(id));
INSERT INTO t (id) VALUES (1);
