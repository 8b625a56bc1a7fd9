CREATE TABLE "public"."item" (
  "id" integer NOT NULL,
  "name" text,
  CONSTRAINT "item_pkey" PRIMARY KEY ("id")
);

CREATE FUNCTION "public"."all_items"()
RETURNS SETOF public.item
LANGUAGE "plpgsql"
STABLE
CALLED ON NULL INPUT
PARALLEL UNSAFE
SECURITY INVOKER
AS $body$ BEGIN RETURN QUERY SELECT * FROM item; END $body$;
