-- hazards: access-exclusive-lock
CREATE OR REPLACE RULE "orders_audit" AS ON UPDATE TO public.orders
   WHERE old.total IS DISTINCT FROM new.total DO  INSERT INTO public.orders_log (id, total)
  VALUES (new.id, new.total - old.total);
