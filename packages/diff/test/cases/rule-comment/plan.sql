COMMENT ON RULE "orders_keep" ON "public"."orders" IS 'it''s kept';
