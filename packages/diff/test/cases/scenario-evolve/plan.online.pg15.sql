SET lock_timeout = '5s';

DROP VIEW "app"."open_orders";

-- hazards: not-transactional
-- outside a transaction
DROP INDEX CONCURRENTLY "app"."orders_customer";

-- hazards: enum-value-uncommitted
ALTER TYPE "app"."status" ADD VALUE 'packed' AFTER 'paid';

-- hazards: access-exclusive-lock
ALTER TABLE "app"."customer" ADD COLUMN "name" text;

-- hazards: builds-index, not-transactional
-- outside a transaction
CREATE INDEX CONCURRENTLY "orders_customer" ON "app"."orders" USING "btree" ("customer_id", "status");

CREATE VIEW "app"."open_orders" AS SELECT orders.id,
    orders.customer_id,
    orders.total
   FROM app.orders
  WHERE orders.status <> 'shipped'::app.status AND orders.total::numeric > 0::numeric;

RESET lock_timeout;
