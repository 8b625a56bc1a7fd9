DROP VIEW "public"."labels";

DROP FUNCTION "public"."make_pair"(n integer);

DROP FUNCTION "public"."pair_label"(p public.pair);

DROP TYPE "public"."pair";

CREATE TYPE "public"."pair" AS ("b" text, "a" integer);

CREATE FUNCTION "public"."make_pair"(n integer)
RETURNS public.pair
LANGUAGE "plpgsql"
VOLATILE
CALLED ON NULL INPUT
PARALLEL UNSAFE
SECURITY INVOKER
AS $body$ BEGIN RETURN ROW(n, n::text)::pair; END $body$;

COMMENT ON FUNCTION "public"."make_pair"(n integer) IS 'builds one';

CREATE FUNCTION "public"."pair_label"(p public.pair)
RETURNS text
LANGUAGE "sql"
IMMUTABLE
CALLED ON NULL INPUT
PARALLEL UNSAFE
SECURITY INVOKER
AS $body$ SELECT (p).b $body$;

CREATE VIEW "public"."labels" AS SELECT public.pair_label(public.make_pair(1)) AS label;
