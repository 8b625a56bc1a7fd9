DROP VIEW "public"."v";

-- hazards: access-exclusive-lock
ALTER TABLE "public"."t" DROP CONSTRAINT "n_ok";

DROP FUNCTION "public"."add1"(x integer);

CREATE FUNCTION "public"."add1"(value integer)
RETURNS integer
LANGUAGE "sql"
IMMUTABLE
CALLED ON NULL INPUT
PARALLEL UNSAFE
SECURITY INVOKER
AS $body$ SELECT value + 1 $body$;

-- hazards: access-exclusive-lock, may-fail-on-existing-data, validates-by-scan
ALTER TABLE "public"."t" ADD CONSTRAINT "n_ok" CHECK ((public.add1(n) > 0));

CREATE VIEW "public"."v" AS SELECT public.add1(t.n) AS m
   FROM public.t;
