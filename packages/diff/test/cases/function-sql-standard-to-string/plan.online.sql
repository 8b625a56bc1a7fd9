SET lock_timeout = '5s';

CREATE OR REPLACE FUNCTION "public"."add1"(a integer)
RETURNS integer
LANGUAGE "sql"
IMMUTABLE
CALLED ON NULL INPUT
PARALLEL UNSAFE
SECURITY INVOKER
AS $body$SELECT a + 1$body$;

RESET lock_timeout;
