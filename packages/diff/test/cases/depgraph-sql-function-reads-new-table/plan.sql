CREATE TABLE "public"."z_item" (
  "id" integer NOT NULL,
  CONSTRAINT "z_item_pkey" PRIMARY KEY ("id")
);

CREATE FUNCTION "public"."a_count"()
RETURNS bigint
LANGUAGE "sql"
STABLE
CALLED ON NULL INPUT
PARALLEL UNSAFE
SECURITY INVOKER
AS $body$ SELECT count(*) FROM z_item $body$;
