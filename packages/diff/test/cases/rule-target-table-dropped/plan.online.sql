SET lock_timeout = '5s';

-- hazards: access-exclusive-lock
DROP RULE "orders_audit" ON "public"."orders";

-- hazards: access-exclusive-lock, deletes-data
DROP TABLE "public"."orders_log";

RESET lock_timeout;
