SET lock_timeout = '5s';

DROP VIEW "app"."open_orders";

-- hazards: access-exclusive-lock, deletes-data
DROP TABLE "app"."orders";

-- hazards: access-exclusive-lock, deletes-data
DROP TABLE "app"."customer";

DROP FUNCTION "app"."touch"();

DROP TYPE "app"."status";

DROP DOMAIN "app"."money_amount";

DROP SCHEMA "app";

RESET lock_timeout;
