COMMENT ON TABLE "public"."t" IS 'new';
