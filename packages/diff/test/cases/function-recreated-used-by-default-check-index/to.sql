CREATE FUNCTION next_code() RETURNS varchar LANGUAGE sql AS $$ SELECT 'b'::varchar $$;
CREATE FUNCTION is_ok(n bigint) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT n >= 0 $$;
CREATE TABLE t (id int, code text DEFAULT next_code(), CONSTRAINT t_ok CHECK (is_ok(id)));
CREATE INDEX t_f ON t (is_ok(id)) WHERE is_ok(id);
ALTER TABLE t ENABLE ROW LEVEL SECURITY;
CREATE POLICY t_p ON t USING (is_ok(id));
