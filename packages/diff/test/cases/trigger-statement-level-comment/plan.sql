COMMENT ON TRIGGER "t_s" ON "public"."t" IS 'audit';
