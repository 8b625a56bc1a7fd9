SET lock_timeout = '5s';

DROP FUNCTION "public"."add1"(x integer);

CREATE FUNCTION "public"."add1"(value integer)
RETURNS integer
LANGUAGE "sql"
IMMUTABLE
CALLED ON NULL INPUT
PARALLEL UNSAFE
SECURITY INVOKER
AS $body$ SELECT value + 1 $body$;

REVOKE EXECUTE ON ROUTINE "public"."add1"(value integer) FROM PUBLIC;

GRANT EXECUTE ON ROUTINE "public"."add1"(value integer) TO "pg_monitor";

RESET lock_timeout;
