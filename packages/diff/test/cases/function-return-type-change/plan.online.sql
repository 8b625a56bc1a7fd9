SET lock_timeout = '5s';

DROP FUNCTION "public"."add1"(x integer);

CREATE FUNCTION "public"."add1"(x integer)
RETURNS bigint
LANGUAGE "sql"
IMMUTABLE
CALLED ON NULL INPUT
PARALLEL UNSAFE
SECURITY INVOKER
AS $body$ SELECT x + 1 $body$;

RESET lock_timeout;
