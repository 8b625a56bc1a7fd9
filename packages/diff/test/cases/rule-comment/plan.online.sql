SET lock_timeout = '5s';

COMMENT ON RULE "orders_keep" ON "public"."orders" IS 'it''s kept';

RESET lock_timeout;
