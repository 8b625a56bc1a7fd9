SET lock_timeout = '5s';

CREATE FUNCTION "public"."add1"(x integer)
RETURNS integer
LANGUAGE "sql"
IMMUTABLE
CALLED ON NULL INPUT
PARALLEL UNSAFE
SECURITY INVOKER
AS $body$ SELECT x + 1 $body$;

-- hazards: access-exclusive-lock
ALTER TABLE "public"."t" ADD CONSTRAINT "n_ok" CHECK ((public.add1(n) > 0)) NOT VALID;

-- hazards: may-fail-on-existing-data, validates-by-scan
ALTER TABLE "public"."t" VALIDATE CONSTRAINT "n_ok";

RESET lock_timeout;
