SET lock_timeout = '5s';

CREATE TABLE "public"."item" (
  "id" integer NOT NULL,
  "name" text,
  CONSTRAINT "item_pkey" PRIMARY KEY ("id")
);

CREATE FUNCTION "public"."a_label"(r public.item)
RETURNS text
LANGUAGE "plpgsql"
IMMUTABLE
CALLED ON NULL INPUT
PARALLEL UNSAFE
SECURITY INVOKER
AS $body$ BEGIN RETURN r.name; END $body$;

RESET lock_timeout;
