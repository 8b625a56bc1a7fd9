SET lock_timeout = '5s';

COMMENT ON TRIGGER "t_s" ON "public"."t" IS 'audit';

RESET lock_timeout;
