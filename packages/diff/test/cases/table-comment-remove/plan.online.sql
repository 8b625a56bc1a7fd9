SET lock_timeout = '5s';

COMMENT ON TABLE "public"."t" IS NULL;

RESET lock_timeout;
