COMMENT ON CONSTRAINT "c" ON "public"."t" IS 'positive';
