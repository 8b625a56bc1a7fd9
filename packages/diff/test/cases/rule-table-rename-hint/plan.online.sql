SET lock_timeout = '5s';

-- hazards: access-exclusive-lock
ALTER TABLE "public"."orders" RENAME TO "purchases";

-- hazards: access-exclusive-lock
CREATE OR REPLACE RULE "orders_audit" AS ON INSERT TO public.purchases DO  INSERT INTO public.orders_log (id, total)
  VALUES (new.id, new.total);

COMMENT ON RULE "orders_audit" ON "public"."purchases" IS 'copies';

RESET lock_timeout;
