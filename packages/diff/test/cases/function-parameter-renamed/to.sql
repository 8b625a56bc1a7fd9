CREATE FUNCTION add1(value integer) RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT value + 1 $$;
CREATE TABLE t (n int CONSTRAINT n_ok CHECK (add1(n) > 0));
CREATE VIEW v AS SELECT add1(n) AS m FROM t;
