SET lock_timeout = '5s';

COMMENT ON CONSTRAINT "c" ON "public"."t" IS 'old rows may break it';

RESET lock_timeout;
