CREATE FUNCTION add1(x integer) RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT x + 1 $$; CREATE TABLE t (n int CONSTRAINT n_ok CHECK (add1(n) > 0));
