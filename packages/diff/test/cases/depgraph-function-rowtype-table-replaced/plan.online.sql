SET lock_timeout = '5s';

DROP FUNCTION "public"."a_label"(r public.item);

-- hazards: access-exclusive-lock, deletes-data
DROP TABLE "public"."item";

CREATE TABLE "public"."item2" (
  "id" integer NOT NULL,
  "name" text,
  CONSTRAINT "item2_pkey" PRIMARY KEY ("id")
);

CREATE FUNCTION "public"."a_label"(r public.item2)
RETURNS text
LANGUAGE "plpgsql"
IMMUTABLE
CALLED ON NULL INPUT
PARALLEL UNSAFE
SECURITY INVOKER
AS $body$ BEGIN RETURN r.name; END $body$;

RESET lock_timeout;
