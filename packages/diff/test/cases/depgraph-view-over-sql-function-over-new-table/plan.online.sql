SET lock_timeout = '5s';

CREATE TABLE "public"."z_item" (
  "id" integer NOT NULL,
  "price" numeric,
  CONSTRAINT "z_item_pkey" PRIMARY KEY ("id")
);

CREATE FUNCTION "public"."m_total"()
RETURNS numeric
LANGUAGE "sql"
STABLE
CALLED ON NULL INPUT
PARALLEL UNSAFE
SECURITY INVOKER
AS $body$ SELECT coalesce(sum(price), 0) FROM z_item $body$;

CREATE VIEW "public"."a_summary" AS SELECT public.m_total() AS total;

RESET lock_timeout;
