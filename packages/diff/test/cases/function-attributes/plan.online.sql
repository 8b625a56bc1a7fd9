SET lock_timeout = '5s';

CREATE OR REPLACE FUNCTION "public"."add1"(x integer)
RETURNS integer
LANGUAGE "sql"
STABLE
STRICT
PARALLEL SAFE
SECURITY INVOKER
SET search_path TO public
AS $body$ SELECT x + 1 $body$;

RESET lock_timeout;
