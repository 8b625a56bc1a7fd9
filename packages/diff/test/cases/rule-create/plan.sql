-- hazards: access-exclusive-lock
CREATE RULE "orders_audit" AS ON INSERT TO public.orders
   WHERE new.total > 100::numeric DO  INSERT INTO public.orders_log (id, total)
  VALUES (new.id, new.total);

-- hazards: access-exclusive-lock
CREATE RULE "orders_keep" AS ON DELETE TO public.orders DO INSTEAD NOTHING;
