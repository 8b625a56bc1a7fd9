CREATE FUNCTION "public"."m_double"(x numeric)
RETURNS numeric
LANGUAGE "sql"
IMMUTABLE
CALLED ON NULL INPUT
PARALLEL UNSAFE
SECURITY INVOKER
AS $body$ SELECT x * 2 $body$;

CREATE TABLE "public"."z_item" (
  "id" integer NOT NULL,
  "price" numeric,
  CONSTRAINT "z_item_pkey" PRIMARY KEY ("id")
);

CREATE VIEW "public"."a_doubled" AS SELECT z_item.id,
    public.m_double(z_item.price) AS price
   FROM public.z_item;
