-- hazards: access-exclusive-lock
DROP RULE "orders_audit" ON "public"."orders";

-- hazards: access-exclusive-lock, rewrites-table
ALTER TABLE "public"."orders" ALTER COLUMN "total" TYPE bigint;

-- hazards: access-exclusive-lock
CREATE RULE "orders_audit" AS ON INSERT TO public.orders DO  INSERT INTO public.orders_log (id, total)
  VALUES (new.id, new.total);
