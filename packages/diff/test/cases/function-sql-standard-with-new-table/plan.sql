CREATE SCHEMA "inv";

CREATE TABLE "inv"."items" (
  "id" integer,
  "qty" integer
);

CREATE FUNCTION "inv"."count_items"()
RETURNS bigint
LANGUAGE "sql"
STABLE
CALLED ON NULL INPUT
PARALLEL UNSAFE
SECURITY INVOKER
BEGIN ATOMIC
 SELECT count(*) AS count
    FROM inv.items;
END;
