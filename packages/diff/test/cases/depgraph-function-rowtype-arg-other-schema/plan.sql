CREATE TABLE "inv"."z_item" (
  "id" integer NOT NULL,
  "name" text,
  CONSTRAINT "z_item_pkey" PRIMARY KEY ("id")
);

CREATE FUNCTION "public"."a_label"(r inv.z_item)
RETURNS text
LANGUAGE "plpgsql"
IMMUTABLE
CALLED ON NULL INPUT
PARALLEL UNSAFE
SECURITY INVOKER
AS $body$ BEGIN RETURN r.name; END $body$;
