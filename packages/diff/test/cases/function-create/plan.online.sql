SET lock_timeout = '5s';

CREATE FUNCTION "public"."add1"(x integer)
RETURNS integer
LANGUAGE "sql"
IMMUTABLE
CALLED ON NULL INPUT
PARALLEL UNSAFE
SECURITY INVOKER
AS $body$ SELECT x + 1 $body$;

RESET lock_timeout;
