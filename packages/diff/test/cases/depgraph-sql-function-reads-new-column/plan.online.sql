SET lock_timeout = '5s';

-- hazards: access-exclusive-lock
ALTER TABLE "public"."item" ADD COLUMN "price" numeric;

CREATE FUNCTION "public"."a_total"()
RETURNS numeric
LANGUAGE "sql"
STABLE
CALLED ON NULL INPUT
PARALLEL UNSAFE
SECURITY INVOKER
AS $body$ SELECT sum(price) FROM item $body$;

RESET lock_timeout;
