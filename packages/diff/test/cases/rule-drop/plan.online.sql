SET lock_timeout = '5s';

-- hazards: access-exclusive-lock
DROP RULE "orders_keep" ON "public"."orders";

RESET lock_timeout;
