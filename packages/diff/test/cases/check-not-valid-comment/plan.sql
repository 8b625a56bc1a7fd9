COMMENT ON CONSTRAINT "c" ON "public"."t" IS 'old rows may break it';
