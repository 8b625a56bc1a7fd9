CREATE FUNCTION add1(x integer) RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT x + 1 $$; COMMENT ON FUNCTION add1(integer) IS 'adds one';
