CREATE TYPE pair AS (b text, a integer);
CREATE FUNCTION pair_label(p pair) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT (p).b $$;
CREATE FUNCTION make_pair(n integer) RETURNS pair LANGUAGE plpgsql AS $$ BEGIN RETURN ROW(n, n::text)::pair; END $$;
COMMENT ON FUNCTION make_pair(integer) IS 'builds one';
CREATE VIEW labels AS SELECT pair_label(make_pair(1)) AS label;
