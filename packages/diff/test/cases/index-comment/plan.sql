COMMENT ON INDEX "public"."t_a" IS 'by a';
