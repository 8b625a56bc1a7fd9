SET lock_timeout = '5s';

COMMENT ON TYPE "public"."mood" IS 'how it feels';

RESET lock_timeout;
