CREATE OR REPLACE PROCEDURE "public"."p2"(IN a integer)
LANGUAGE "plpgsql"
SECURITY INVOKER
AS $body$ BEGIN RAISE NOTICE 'x'; END $body$;

DROP PROCEDURE "public"."p1"();
