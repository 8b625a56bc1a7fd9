DROP VIEW "public"."big_orders";

-- hazards: access-exclusive-lock, rewrites-table
ALTER TABLE "public"."orders" ALTER COLUMN "total" TYPE bigint;

CREATE VIEW "public"."big_orders" AS SELECT orders.id,
    orders.total
   FROM public.orders
  WHERE orders.total > 100;

-- hazards: access-exclusive-lock
CREATE RULE "big_orders_del" AS ON DELETE TO public.big_orders DO INSTEAD  DELETE FROM public.orders
  WHERE orders.id = old.id;
