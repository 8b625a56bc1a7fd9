SET lock_timeout = '5s';

COMMENT ON FUNCTION "public"."add1"(x integer) IS 'adds one';

RESET lock_timeout;
