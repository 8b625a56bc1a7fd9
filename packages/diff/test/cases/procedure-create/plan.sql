CREATE TABLE "public"."log" (
  "m" text
);

CREATE PROCEDURE "public"."note"(IN m text)
LANGUAGE "sql"
SECURITY INVOKER
AS $body$ INSERT INTO public.log VALUES (m) $body$;
