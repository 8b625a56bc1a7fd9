-- hazards: access-exclusive-lock
DROP RULE "orders_keep" ON "public"."orders";
