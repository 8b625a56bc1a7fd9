SET lock_timeout = '5s';

COMMENT ON TYPE "public"."pair" IS 'two things';

RESET lock_timeout;
