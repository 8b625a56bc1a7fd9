SET lock_timeout = '5s';

CREATE FUNCTION "public"."total_qty"()
RETURNS bigint
LANGUAGE "sql"
STABLE
CALLED ON NULL INPUT
PARALLEL UNSAFE
SECURITY INVOKER
BEGIN ATOMIC
 SELECT sum(items.qty) AS sum
    FROM public.items;
END;

RESET lock_timeout;
